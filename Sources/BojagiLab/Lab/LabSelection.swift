import BojagiCore
import BojagiOpenStack
/// Which planned services the lab runs, and why it leaves out the others. Nothing planned is hidden.
public struct LabSelection: Sendable, Hashable {
    public struct Skipped: Sendable, Hashable {
        public let name: String
        public let reason: String
    }

    public let components: [LabComponent]
    public let skipped: [Skipped]

    /// Infrastructure the lab provides itself (its own MariaDB, RabbitMQ, memcached).
    public static let providedInfrastructure: Set<String> = ["mariadb", "rabbitmq", "memcached"]

    static let reasons: [String: String] = [
        "ceph": "the blueprint's Ceph has no tier the lab can run; images and volumes use file and fake drivers",
        "ceph-rgw": "the lab's Ceph runs no RADOS Gateway (object storage is not run by the lab)",
        "swift": "object storage is not run by the lab",
        "octavia": "needs amphora images/VMs; the lab's nova boots no real VMs",
        "ironic": "needs bare-metal machines",
        "magnum": "needs real VMs for Kubernetes clusters",
        "trove": "needs real VMs for database instances",
        "manila": "needs a share backend (CephFS/NFS servers)",
        "designate": "needs a DNS server backend (bind9/PowerDNS); not run by the lab",
        "openvswitch": "the lab's Neutron binds ports with a Bojagi ML2 driver instead of Open vSwitch agents",
        "ovn": "the lab's Neutron binds ports with a Bojagi ML2 driver instead of OVN",
        "prometheus": "monitoring is not run by the lab",
        "grafana": "monitoring is not run by the lab",
        "opensearch": "central logging is not run by the lab; logs are files under the lab home",
        "haproxy": "single node: each API listens on its own loopback port",
        "keepalived": "single node: no VIP",
        "proxysql": "the lab's services reach MariaDB directly (the HA lab's through HAProxy on the VIP)",
        "valkey": "cinder-volume runs on one host in the lab, so it needs no coordination backend",
        "redis": "cinder-volume runs on one host in the lab, so it needs no coordination backend",
        "gnocchi": "metering is not run by the lab",
    ]

    public init(components: [LabComponent], skipped: [Skipped]) {
        self.components = components
        self.skipped = skipped
    }

    /// `runsCeph`: the lab brings up the blueprint's Ceph (`LabCephDesign`), so Ceph is not among the skipped.
    public init(plan: Plan, runsCeph: Bool = false) {
        var components: [LabComponent] = []
        var skipped: [Skipped] = []
        for row in plan.services {
            if let component = LabComponent(rawValue: row.name) {
                components.append(component)
            } else {
                skipped.append(Skipped(name: row.name, reason: Self.reasons[row.name] ?? "the lab has no recipe to run it from PyPI yet"))
            }
        }
        for row in plan.infrastructure where !Self.providedInfrastructure.contains(row.name) && !(runsCeph && row.name == "ceph") {
            skipped.append(Skipped(name: row.name, reason: Self.reasons[row.name] ?? "the lab does not run it"))
        }
        // Everything the lab runs needs identity; a plan always has it, but a hand-made one may not.
        if !components.isEmpty, !components.contains(.keystone) { components.append(.keystone) }
        self.components = components.sorted()
        self.skipped = skipped
    }

    public func runs(_ component: LabComponent) -> Bool { components.contains(component) }
}
