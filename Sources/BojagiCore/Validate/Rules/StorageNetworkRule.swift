/// NET011: the storage network is Ceph's cluster network (OSD replication and recovery); render sets
/// `cluster_network` from its CIDR. Storage interfaces without that CIDR leave Ceph replicating over the
/// public (management) network, with nothing said.
public struct StorageNetworkRule: Rule {
    public let id = "NET011"
    public let summary = "Storage interfaces come with a storage network CIDR (Ceph's cluster network)"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let storage = context.blueprint.networks.storage
        guard storage?.cidr == nil else { return [] }
        let naming = context.blueprint.hosts.filter { $0.interfaces["storage"] != nil }
        guard storage?.interface != nil || !naming.isEmpty else { return [] }
        let names = Set(([storage?.interface] + naming.map { $0.interfaces["storage"] }).compactMap { $0 }).sorted()
        let who = naming.isEmpty ? "networks.storage names interface \(names[0])"
            : "\(context.entries(naming).map { "\($0.names) (\($0.path))" }.joined(separator: ", ")) name\(naming.count == 1 ? "s" : "") a storage interface (\(names.joined(separator: ", ")))"
        let path = storage == nil ? (context.entries(naming).first.map { $0.path + ".interfaces.storage" } ?? "networks") : "networks.storage"
        return [context.finding(id, .error, path,
                                "\(who) but networks.storage has no cidr: Ceph's cluster network is never set, so OSD replication and recovery run on the management network",
                                fix: "add the storage network under networks, e.g. `storage: {cidr: 10.20.0.0/24, interface: \(names[0])}` with its real CIDR, or remove the storage interfaces")]
    }
}
