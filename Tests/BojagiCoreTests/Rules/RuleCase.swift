import Testing
@testable import BojagiCore
import BojagiTestSupport

/// One rule's proof: the clean base blueprint passes it, and `mutate` makes it fire with `severity` and a
/// message containing `message`.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let id: String
    let label: String
    let severity: Finding.Severity
    let message: String
    let mutate: @Sendable (inout Blueprint) -> Void

    init(_ id: String, _ label: String, _ severity: Finding.Severity, _ message: String,
         _ mutate: @escaping @Sendable (inout Blueprint) -> Void) {
        self.id = id
        self.label = label
        self.severity = severity
        self.message = message
        self.mutate = mutate
    }

    var testDescription: String { "\(id) \(label)" }
}

enum RuleHarness {
    /// A blueprint every rule accepts: 3 controllers, 3 computes, 3 Ceph hosts with SSD and HDD tiers.
    static let baseYAML = """
    schema: 1
    name: base
    release: 2026.2
    profile: web-application
    deployment: {host_os: rocky-10}
    hosts:
      - name: ctl[01:03]
        address: 10.0.0.11
        roles: [control, network, monitoring]
        cores: 32
        memory_gib: 128
        interfaces: {management: eth0, external: eth1}
      - name: cmp[01:03]
        address: 10.0.0.21
        roles: [compute]
        cores: 32
        memory_gib: 256
        interfaces: {management: eth0, external: eth1}
      - name: stor[01:03]
        address: 10.0.0.31
        roles: [storage]
        cores: 16
        memory_gib: 64
        interfaces: {management: eth0}
        disks:
          - {size_gb: 3840, type: ssd, count: 2}
          - {size_gb: 8000, type: hdd, count: 4}
    networks:
      management: {cidr: 10.0.0.0/24, interface: eth0}
      vip: {internal: 10.0.0.10, virtual_router_id: 77}
      external: {interface: eth1, vlan_ranges: ["100:199"]}
      provider:
        - {name: web, vlan: 101, cidr: 192.168.101.0/24, purpose: web}
        - {name: was, vlan: 102, cidr: 192.168.102.0/24, purpose: was}
    storage:
      ceph:
        release: tentacle
        failure_domain: host
        rgw: true
        tiers:
          - {name: ssd, device_class: ssd, replication: 3}
          - {name: hdd, device_class: hdd, replication: 3}
        pools:
          vms: {tier: ssd, percent: 40}
          images: {tier: ssd, percent: 20}
          volumes: {tier: hdd, percent: 70}
          backups: {tier: hdd, percent: 30}
    capacity:
      planned_vcpus: 200
      planned_memory_gib: 400
      planned_storage_tb: {ssd: 3, hdd: 15}
    """

    static let base: Blueprint = {
        do { return try Fixtures.blueprint(baseYAML) } catch { fatalError("base blueprint: \(error)") }
    }()

    static func context(_ blueprint: Blueprint) -> RuleContext {
        let catalog = Fixtures.catalog
        let services = Resolver(catalog: catalog).resolve(blueprint).services
        let topology = Topology.make(blueprint: blueprint, services: services, catalog: catalog, inventory: Fixtures.inventory)
        return RuleContext(blueprint: blueprint, catalog: catalog, release: catalog.release(named: blueprint.release)!,
                           services: services, topology: topology, today: Fixtures.today, files: FilesInMemory.tests)
    }

    static func findings(_ id: String, _ blueprint: Blueprint) -> [Finding] {
        guard let rule = Validator.allRules.first(where: { $0.id == id }) else { return [] }
        return rule.check(context(blueprint))
    }
}
