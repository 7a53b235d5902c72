/// HOST004: a storage host without disks adds no OSD; the same device twice would be prepared twice.
public struct StorageHostDisksRule: Rule {
    public let id = "HOST004"
    public let summary = "Storage hosts list their OSD disks, each device once"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.storage.ceph != nil else { return [] }
        var findings: [Finding] = []
        for host in context.hosts(with: .storage) {
            if host.disks.isEmpty {
                findings.append(context.finding(id, .error, host.origin + ".disks", "storage host \(host.name) lists no disks, so it adds no OSD",
                                                fix: "list its data disks, e.g. `disks: [{size_gb: 8000, type: hdd, count: 12}]`"))
            }
            let devices = host.disks.compactMap(\.device)
            for device in Set(devices) where devices.filter({ $0 == device }).count > 1 {
                findings.append(context.finding(id, .error, host.origin + ".disks", "\(host.name) lists \(device) more than once",
                                                fix: "list each device once; use `count` for identical disks without device names"))
            }
        }
        return findings
    }
}
