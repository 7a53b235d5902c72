/// REL004: kolla's support matrix: "for best results, the base container image distribution should match the
/// host OS distribution".
public struct BaseDistroRule: Rule {
    public let id = "REL004"
    public let summary = "The container images' base distribution matches the host OS"

    /// Host distribution → kolla base distro built for that family.
    static let family = ["rocky": "rocky", "centos-stream": "rocky", "almalinux": "rocky", "rhel": "rocky",
                         "ubuntu": "ubuntu", "debian": "debian"]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let deployment = context.blueprint.deployment
        guard let hostOS = deployment.hostOS, let base = Self.family[HostOSRule.distro(of: hostOS)],
              base != deployment.baseDistro else { return [] }
        return [context.finding(id, .advice, "deployment.base_distro",
                                "hosts run \(hostOS) but the container images are built on \(deployment.baseDistro): kolla-ansible advises matching them",
                                fix: "set deployment.base_distro: \(base)")]
    }
}
