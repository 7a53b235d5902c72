/// The facts of this cloud that the manual's sections and runbooks name: hosts by role, VIPs, endpoints, pools
/// and the kolla-ansible command line for the deployment directory. Derived once from the render context.
struct ManualCloud: Sendable {
    let context: RenderContext
    /// `kolla-ansible -i deployment/inventory --configdir deployment`.
    let kollaAnsible: String
    let deployment: String

    var blueprint: Blueprint { context.blueprint }
    var plan: Plan { context.plan }
    var name: String { blueprint.name ?? plan.profile }
    var hostOrder: [String] { blueprint.hosts.map(\.name) }

    init(context: RenderContext, deployment: String) {
        self.context = context
        self.deployment = deployment
        kollaAnsible = "kolla-ansible -i \(deployment)/inventory --configdir \(deployment)"
    }

    func hosts(_ role: Host.Role) -> [String] { blueprint.hosts.filter { $0.roles.contains(role) }.map(\.name) }
    var controllers: [String] { hosts(.control) }
    var computes: [String] { hosts(.compute) }
    var storageHosts: [String] { hosts(.storage) }
    var firstController: String { controllers.first ?? blueprint.hosts.first?.name ?? "localhost" }
    func host(_ name: String) -> Host? { blueprint.hosts.first { $0.name == name } }
    func range(_ names: [String]) -> String { names.isEmpty ? "–" : HostRange.compress(names, order: hostOrder) }
    func has(_ member: String) -> Bool { context.has(member) }

    var haEnabled: Bool { blueprint.ha.enabled }
    /// Where the internal APIs answer: the VIP, else the first controller.
    var internalAddress: String {
        blueprint.networks.vip.internalFQDN ?? blueprint.networks.vip.internal ?? host(firstController)?.address ?? firstController
    }
    var externalAddress: String {
        blueprint.networks.vip.externalFQDN ?? blueprint.networks.vip.external ?? internalAddress
    }
    var internalScheme: String { blueprint.tls.internal ? "https" : "http" }
    var externalScheme: String { blueprint.tls.external ? "https" : "http" }

    /// The next compute host's name and address, following the blueprint's numbering.
    var nextCompute: (name: String, address: String?) { BlueprintHostEdit.next(after: computes, in: blueprint, or: "compute01") }

    /// The next storage host, for the add-OSD runbook.
    var nextStorageHost: (name: String, address: String?) { BlueprintHostEdit.next(after: storageHosts, in: blueprint, or: "storage01") }

    var cephLayout: CephLayout? { CephLayout.make(blueprint.storage.ceph, services: context.members) }

    /// Ceph pools, in the blueprint's order, with their tier.
    var pools: [CephLayout.Pool] { cephLayout?.pools ?? [] }

    /// Each API of the package: kolla's default port and log directory.
    struct Endpoint {
        let member: String
        let title: String
        let port: Int
        let logs: String
    }

    static let ports: [(member: String, port: Int)] = [
        ("keystone", 5000), ("nova", 8774), ("placement", 8780), ("neutron", 9696), ("glance", 9292), ("cinder", 8776),
        ("heat", 8004), ("horizon", 443), ("skyline", 9998), ("octavia", 9876), ("designate", 9001), ("barbican", 9311),
        ("trove", 8779), ("manila", 8786), ("magnum", 9511), ("ironic", 6385), ("aodh", 8042), ("gnocchi", 8041),
        ("cloudkitty", 8889), ("masakari", 15868), ("mistral", 8989), ("blazar", 1234), ("tacker", 9890),
        ("watcher", 9322), ("ceph-rgw", 6780),
    ]

    var endpoints: [Endpoint] {
        Self.ports.filter { has($0.member) }.map { entry in
            let title = (context.plan.services + context.plan.infrastructure).first { $0.name == entry.member }?.title ?? entry.member
            let port = entry.member == "horizon" && !blueprint.tls.external ? 80 : entry.port
            let logs = entry.member == "ceph-rgw" ? "cephadm logs --name rgw.*" : "/var/log/kolla/\(entry.member)/"
            return Endpoint(member: entry.member, title: title, port: port, logs: logs)
        }
    }

    /// Infrastructure whose logs an operator reads first, in the package.
    var infrastructureLogs: [(name: String, hosts: String, logs: String)] {
        let names = ["mariadb", "rabbitmq", "haproxy", "keepalived", "memcached", "valkey", "openvswitch", "ovn", "fluentd", "opensearch", "prometheus"]
        return names.filter { has($0) }.map { name in
            (name, range(plan.topology?.placement.hosts(of: name) ?? []), "/var/log/kolla/\(name)/")
        }
    }
}
