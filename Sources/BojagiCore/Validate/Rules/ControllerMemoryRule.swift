/// CAP004: the control plane's containers (from the catalog's footprints and the placement) must fit each
/// controller's memory with room for peaks, caches and upgrades.
public struct ControllerMemoryRule: Rule {
    public let id = "CAP004"
    public let summary = "Control hosts have the memory the control plane needs, with 25 % headroom"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let origins = Dictionary(context.blueprint.hosts.map { ($0.name, $0.origin) }, uniquingKeysWith: { first, _ in first })
        for host in context.topology.controlPlane.hosts {
            guard let memory = host.memoryGiB, let headroom = host.headroomMiB else { continue }
            let path = (origins[host.name].flatMap { $0.isEmpty ? nil : $0 } ?? "hosts") + ".memory_gib"
            let needed = gib(host.neededMiB)
            if headroom < 0 {
                findings.append(context.finding(id, .error, path,
                                                "\(host.name) has \(memory) GiB but its \(host.containers) control-plane containers need about \(needed) GiB",
                                                fix: "give \(host.name) at least \(Int((Double(host.neededMiB) / 1024 / 0.75).rounded(.up))) GiB, or move services off the control hosts"))
            } else if headroom * 4 < memory * 1024 {
                findings.append(context.finding(id, .warning, path,
                                                "\(host.name) has \(memory) GiB and its control plane needs about \(needed) GiB, leaving \(gib(headroom)) GiB (under 25 %) for peaks, page cache and upgrades",
                                                fix: "give \(host.name) at least \(Int((Double(host.neededMiB) / 1024 / 0.75).rounded(.up))) GiB"))
            }
        }
        return findings
    }

    private func gib(_ mib: Int) -> String {
        let value = (Double(mib) / 1024 * 10).rounded() / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
