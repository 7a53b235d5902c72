/// What the monitoring generators read from the plan, derived once: the package's APIs as kolla's exporters
/// name them, how many hosts run each clustered component, the capacity figures, TLS and backups.
struct MonitoredCloud: Sendable {
    /// An OpenStack API of the package and the names kolla-ansible's exporters give it.
    struct API: Sendable, Hashable {
        /// The catalog's name, `nova`.
        let member: String
        /// For people: `Nova (compute)`.
        let title: String
        /// CamelCase stem of the alert name: `Nova` → NovaAPIDown.
        let stem: String
        /// The `service` labels of kolla's blackbox probes (`prometheus_blackbox_exporter_endpoints_default`);
        /// each also has an `_internal` twin when the internal and external VIPs differ.
        let probes: [String]
        /// openstack-exporter's metric prefix (`openstack_<prefix>_up`), where it has an exporter.
        let exporter: String?

        var alertName: String { stem + (member == "horizon" || member == "skyline" ? "Down" : "APIDown") }

        /// The blackbox `service` label values: the probes and their `_internal` twins.
        var probeRegex: String { probes.map { "\($0)(_internal)?" }.joined(separator: "|") }
    }

    /// kolla-ansible's blackbox endpoints (roles/prometheus/defaults/main.yml) and openstack-exporter 1.7.0's
    /// services (exporters/*.go), by catalog name.
    static let knownAPIs: [API] = [
        API(member: "keystone", title: "Keystone (identity)", stem: "Keystone", probes: ["keystone"], exporter: "identity"),
        API(member: "nova", title: "Nova (compute)", stem: "Nova", probes: ["nova"], exporter: "nova"),
        API(member: "placement", title: "Placement", stem: "Placement", probes: ["placement"], exporter: "placement"),
        API(member: "neutron", title: "Neutron (network)", stem: "Neutron", probes: ["neutron"], exporter: "neutron"),
        API(member: "glance", title: "Glance (image)", stem: "Glance", probes: ["glance"], exporter: "glance"),
        API(member: "cinder", title: "Cinder (block storage)", stem: "Cinder", probes: ["cinder"], exporter: "cinder"),
        API(member: "heat", title: "Heat (orchestration)", stem: "Heat", probes: ["heat", "heat_cfn"], exporter: "heat"),
        API(member: "horizon", title: "Horizon (dashboard)", stem: "Horizon", probes: ["horizon"], exporter: nil),
        API(member: "skyline", title: "Skyline (dashboard)", stem: "Skyline", probes: ["skyline_apiserver", "skyline_console"], exporter: nil),
        API(member: "octavia", title: "Octavia (load balancer)", stem: "Octavia", probes: ["octavia"], exporter: "loadbalancer"),
        API(member: "designate", title: "Designate (DNS)", stem: "Designate", probes: ["designate"], exporter: "designate"),
        API(member: "barbican", title: "Barbican (key manager)", stem: "Barbican", probes: ["barbican"], exporter: nil),
        API(member: "trove", title: "Trove (database)", stem: "Trove", probes: ["trove"], exporter: "trove"),
        API(member: "manila", title: "Manila (shared file systems)", stem: "Manila", probes: ["manila"], exporter: nil),
        API(member: "magnum", title: "Magnum (container infrastructure)", stem: "Magnum", probes: ["magnum"], exporter: "container_infra"),
        API(member: "ironic", title: "Ironic (bare metal)", stem: "Ironic", probes: ["ironic"], exporter: "ironic"),
        API(member: "aodh", title: "Aodh (alarming)", stem: "Aodh", probes: ["aodh"], exporter: nil),
        API(member: "gnocchi", title: "Gnocchi (metrics)", stem: "Gnocchi", probes: ["gnocchi"], exporter: "gnocchi"),
        API(member: "cloudkitty", title: "CloudKitty (rating)", stem: "CloudKitty", probes: ["cloudkitty"], exporter: nil),
        API(member: "mistral", title: "Mistral (workflow)", stem: "Mistral", probes: ["mistral"], exporter: nil),
        API(member: "masakari", title: "Masakari (instance HA)", stem: "Masakari", probes: ["masakari"], exporter: nil),
        API(member: "blazar", title: "Blazar (reservation)", stem: "Blazar", probes: ["blazar"], exporter: nil),
        API(member: "tacker", title: "Tacker (NFV orchestration)", stem: "Tacker", probes: ["tacker"], exporter: nil),
        API(member: "watcher", title: "Watcher (optimization)", stem: "Watcher", probes: ["watcher"], exporter: nil),
        API(member: "ceph-rgw", title: "Ceph RGW (object storage)", stem: "CephRGW", probes: ["ceph_rgw"], exporter: "object_store"),
    ]

    /// The blueprint's name, for titles.
    let name: String
    let members: Set<String>
    /// The package's APIs that kolla's blackbox exporter probes, in `knownAPIs` order.
    let apis: [API]
    /// Hosts running each clustered component (0 without hosts in the blueprint).
    let databaseHosts: Int
    let queueHosts: Int
    let cacheHosts: Int
    let loadBalancers: Int
    let computeHosts: Int
    /// Every host of the blueprint: each runs kolla's node exporter.
    let hosts: Int
    let compute: ComputeCapacity?
    let ceph: CephCapacity?
    /// TLS on either VIP: kolla's blackbox probes then read the certificates' expiry.
    let tls: Bool
    /// The Ceph pool cinder-backup writes to, when the package backs volumes up there.
    let backupPool: String?

    init(_ context: RenderContext) {
        let blueprint = context.blueprint
        name = blueprint.name ?? context.plan.profile
        let members = Set(context.members)
        self.members = members
        apis = Self.knownAPIs.filter { members.contains($0.member) }
        let placement = context.plan.topology?.placement
        func count(_ member: String) -> Int { members.contains(member) ? placement?.hosts(of: member).count ?? 0 : 0 }
        databaseHosts = count("mariadb")
        queueHosts = count("rabbitmq")
        cacheHosts = count("memcached")
        loadBalancers = count("haproxy")
        hosts = blueprint.hosts.count
        computeHosts = blueprint.hosts.filter { $0.roles.contains(.compute) }.count
        compute = context.plan.topology?.compute
        ceph = context.plan.topology?.ceph.flatMap { $0.tiers.contains { $0.osds > 0 } ? $0 : nil }
        tls = blueprint.tls.external || blueprint.tls.internal
        backupPool = CephLayout.make(blueprint.storage.ceph, services: context.members)?.pool(for: "cinder-backup")?.name
    }

    func has(_ member: String) -> Bool { members.contains(member) }
}
