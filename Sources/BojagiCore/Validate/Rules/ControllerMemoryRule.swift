/// CAP004: the control plane's containers (from the catalog's footprints and the placement) must fit each
/// controller's memory, less its Ceph daemons, with room for peaks, caches and upgrades. A controller that also runs
/// instances gets only the reservation, which CAP003 checks.
public struct ControllerMemoryRule: Rule {
    public let id = "CAP004"
    public let summary = "Control hosts have the memory the control plane needs, with 25 % headroom"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let origins = Dictionary(context.blueprint.hosts.map { ($0.name, $0.origin) }, uniquingKeysWith: { first, _ in first })
        let computes = Set(context.hosts(with: .compute).map(\.name))
        for host in context.topology.controlPlane.hosts where !computes.contains(host.name) {
            guard let memory = host.memoryGiB, let available = host.availableMiB, let headroom = host.headroomMiB else { continue }
            let path = (origins[host.name].flatMap { $0.isEmpty ? nil : $0 } ?? "hosts") + ".memory_gib"
            let needed = gib(host.neededMiB)
            let osds = host.cephMiB > 0 ? " (\(gib(available)) GiB after its Ceph daemons: \(host.cephDaemons.joined(separator: ", ")))" : ""
            // Enough for the control plane with 25 % headroom, plus Ceph's share.
            let enough = Int(((Double(host.neededMiB) / 0.75 + Double(host.cephMiB)) / 1024).rounded(.up))
            if headroom < 0 {
                findings.append(context.finding(id, .error, path,
                                                "\(host.name) has \(memory) GiB\(osds) but its \(host.containers) control-plane containers need about \(needed) GiB",
                                                fix: "set `memory_gib: \(enough)` (or more) on \(host.name) if it has it, or move services off the control hosts"))
            } else if headroom * 4 < available {
                findings.append(context.finding(id, .warning, path,
                                                "\(host.name) has \(memory) GiB\(osds) and its control plane needs about \(needed) GiB, leaving \(gib(headroom)) GiB (under 25 %) for peaks, page cache and upgrades",
                                                fix: "give \(host.name) at least \(enough) GiB (`memory_gib: \(enough)`)"))
            }
        }
        return findings
    }

    private func gib(_ mib: Int) -> String {
        let value = (Double(mib) / 1024 * 10).rounded() / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
