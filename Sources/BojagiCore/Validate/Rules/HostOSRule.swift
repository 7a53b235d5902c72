/// REL001: kolla-ansible's prechecks ("Checking host OS distribution", "Checking host OS release or version")
/// stop the deployment on a host OS its release does not list.
public struct HostOSRule: Rule {
    public let id = "REL001"
    public let summary = "The host OS is one the release's kolla-ansible supports"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let release = context.release
        let kolla = release.kollaAnsible.map { "kolla-ansible \($0) (\(release.label))" } ?? "kolla-ansible of \(release.label)"
        guard let written = context.blueprint.deployment.hostOS else {
            guard !context.blueprint.hosts.isEmpty else { return [] }  // Nothing to install yet.
            let list = release.hostOS.map { ": it supports \($0.joined(separator: ", "))" } ?? ""
            return [context.finding(id, .advice, "deployment",
                                    "deployment.host_os is not set, so Bojagi cannot check it against \(kolla)\(list)",
                                    fix: "add `host_os: \(release.hostOS?.first { $0.hasPrefix(context.blueprint.deployment.baseDistro) } ?? release.hostOS?.first ?? "rocky-10")` under deployment")]
        }
        guard let supported = release.hostOS else { return [] }  // The catalog does not know this release's list.
        let hostOS = Self.normalized(written)
        guard !supported.contains(hostOS) else { return [] }
        let distro = Self.distro(of: hostOS)
        let sameDistro = supported.filter { Self.distro(of: $0) == distro }
        let detail = sameDistro.isEmpty
            ? "it supports \(supported.joined(separator: ", "))"
            : "of \(distro) it supports only \(sameDistro.joined(separator: ", "))"
        let sameFamily = supported.first { BaseDistroRule.family[Self.distro(of: $0)] == BaseDistroRule.family[distro] }
        let others = context.catalog.releases.filter { $0.hostOS?.contains(hostOS) == true }.map(\.label)
        let elsewhere = others.isEmpty ? "" : "; \(hostOS) is supported by \(others.joined(separator: ", "))"
        return [context.finding(id, .error, "deployment.host_os",
                                "host OS \(written) is not supported by \(kolla): \(detail), so its prechecks stop the deployment",
                                fix: "install the hosts with \(sameDistro.last ?? sameFamily ?? supported.first!) and set host_os to it\(elsewhere.isEmpty ? "" : ", or choose a release that supports \(hostOS)")\(elsewhere)")]
    }

    /// `ubuntu-24.04` → `ubuntu-noble`, `debian-13` → `debian-trixie`, `rocky-10.1` → `rocky-10`: kolla checks
    /// Debian and Ubuntu by code name and the Red Hat family by major version.
    static func normalized(_ text: String) -> String {
        let distro = distro(of: text)
        guard distro != text else { return text }
        let version = String(text.dropFirst(distro.count + 1))
        switch distro {
        case "ubuntu":
            let names = ["20.04": "focal", "22.04": "jammy", "24.04": "noble"]
            return "ubuntu-" + (names[version] ?? version)
        case "debian":
            let names = ["11": "bullseye", "12": "bookworm", "13": "trixie"]
            return "debian-" + (names[version.split(separator: ".").first.map(String.init) ?? version] ?? version)
        case "rocky", "centos-stream", "almalinux", "rhel":
            return distro + "-" + (version.split(separator: ".").first.map(String.init) ?? version)
        default:
            return text
        }
    }

    /// The distribution part: everything before the last `-` (`centos-stream-10` → `centos-stream`).
    static func distro(of text: String) -> String {
        guard let cut = text.lastIndex(of: "-") else { return text }
        return String(text[..<cut])
    }
}
