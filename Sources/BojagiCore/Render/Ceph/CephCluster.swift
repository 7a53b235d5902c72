/// The Ceph cluster as the renderers see it: monitor hosts, OSD hosts, pools with their protection, and the
/// OpenStack clients with their caps. Derived once from the blueprint and `CephLayout`, so config/, ceph/ and
/// globals.yml agree.
struct CephCluster: Sendable {
    /// A pool to create. RBD and Gnocchi need omap, which erasure-coded pools cannot hold: on an EC tier they
    /// are replicated on the tier's device class, and RBD images put their data in `dataPool` (EC).
    struct Pool: Sendable, Hashable {
        let name: String
        let tier: Storage.Ceph.Tier
        /// Who uses it, as in `CephLayout`: glance, nova, cinder, cinder-backup, gnocchi, rgw, manila, manila-metadata.
        let user: String
        /// Ceph's application tag: rbd, rgw, gnocchi or cephfs.
        let application: String
        let dataPool: String?
        /// Share of the tier planned for the pool (blueprint `percent`), for the PG autoscaler.
        let percent: Int?

        var erasureCoded: Bool { tier.erasure != nil && application == "rgw" }
    }

    /// A cephx client, its caps as Ceph's RBD-with-OpenStack guide gives them, and where kolla-ansible expects its keyring.
    struct Client: Sendable, Hashable {
        let name: String
        /// (daemon, capability) in `ceph auth` order: mon, osd, mgr.
        let caps: [Cap]
        let keyringPaths: [String]
    }

    struct Cap: Sendable, Hashable {
        let daemon: String
        let value: String
    }

    let ceph: Storage.Ceph
    let layout: CephLayout
    /// Ceph release code name for cephadm's repository (`squid`).
    let release: String
    let monitors: [Host]
    /// Hosts cephadm manages: monitors and storage hosts, in blueprint order.
    let hosts: [Host]
    let storageHosts: [Host]
    let rgw: Bool
    let pools: [Pool]
    let clients: [Client]
    /// Every service whose `config/<service>/ceph.conf` kolla reads.
    let configServices: [String]

    static let maximumMonitors = CephDaemons.maximumMonitors

    init?(_ context: RenderContext) {
        guard let ceph = context.blueprint.storage.ceph,
              let layout = CephLayout.make(ceph, services: context.members) else { return nil }
        self.ceph = ceph
        self.layout = layout
        release = context.plan.release.ceph ?? ceph.release ?? "squid"
        let hosts = context.blueprint.hosts
        monitors = Self.monitors(hosts)
        storageHosts = hosts.filter { $0.roles.contains(.storage) }
        let monitorNames = Set(monitors.map(\.name))
        self.hosts = hosts.filter { monitorNames.contains($0.name) || $0.roles.contains(.storage) }
        rgw = ceph.rgw || context.has("ceph-rgw")

        let percents = Dictionary(ceph.pools.map { ($0.name, $0.percent) }, uniquingKeysWith: { first, _ in first })
        pools = layout.pools.map { pool in
            let application = switch pool.application {
            case "rgw": "rgw"
            case "gnocchi": "gnocchi"
            case "manila", "manila-metadata": "cephfs"
            default: "rbd"
            }
            let dataPool = pool.tier.erasure != nil && application == "rbd" ? "\(pool.name)-data" : nil
            return Pool(name: pool.name, tier: pool.tier, user: pool.application, application: application, dataPool: dataPool,
                        percent: percents[pool.name] ?? nil)
        }
        clients = Self.clients(pools: pools, context: context)
        var services: [String] = []
        if context.has("glance") { services.append("glance") }
        if context.has("cinder") { services.append("cinder") }
        if context.has("nova") { services.append("nova") }
        if context.has("gnocchi") { services.append("gnocchi") }
        if context.has("manila") { services.append("manila") }
        configServices = services
    }

    static func monitors(_ hosts: [Host]) -> [Host] { CephDaemons.monitors(hosts) }

    /// The address clients and daemons reach a host on: the management address, else its name.
    static func address(_ host: Host) -> String { host.address ?? host.name }

    /// RBD pools a client may use, with their EC data pools.
    private static func rbd(_ pools: [Pool]) -> [String] {
        pools.flatMap { [$0.name] + ($0.dataPool.map { [$0] } ?? []) }
    }

    private static func clients(pools: [Pool], context: RenderContext) -> [Client] {
        func used(by user: String) -> [Pool] { pools.filter { $0.user == user } }
        let images = used(by: "glance"), volumes = used(by: "cinder"), vms = used(by: "nova")
        let backups = used(by: "cinder-backup"), gnocchi = used(by: "gnocchi")
        func profile(_ names: [String], _ profile: String = "profile rbd") -> [String] { names.map { "\(profile) pool=\($0)" } }
        var clients: [Client] = []
        if context.has("glance") {
            clients.append(Client(name: "client.glance", caps: [
                Cap(daemon: "mon", value: "profile rbd"),
                Cap(daemon: "osd", value: profile(rbd(images)).joined(separator: ", ")),
                Cap(daemon: "mgr", value: profile(images.map(\.name)).joined(separator: ", ")),
            ], keyringPaths: ["config/glance/ceph.client.glance.keyring"]))
        }
        // kolla's ceph_nova_user defaults to ceph_cinder_user: one `cinder` key serves volumes and instance disks.
        if context.has("cinder") || context.has("nova") {
            var paths: [String] = []
            if context.has("cinder") {
                paths += ["config/cinder/cinder-volume/ceph.client.cinder.keyring", "config/cinder/cinder-backup/ceph.client.cinder.keyring"]
            }
            if context.has("nova") { paths.append("config/nova/ceph.client.cinder.keyring") }
            let writable = rbd(volumes + vms)
            clients.append(Client(name: "client.cinder", caps: [
                Cap(daemon: "mon", value: "profile rbd"),
                Cap(daemon: "osd", value: (profile(writable) + profile(rbd(images), "profile rbd-read-only")).joined(separator: ", ")),
                Cap(daemon: "mgr", value: profile((volumes + vms).map(\.name)).joined(separator: ", ")),
            ], keyringPaths: paths))
        }
        if context.has("cinder"), !backups.isEmpty {
            clients.append(Client(name: "client.cinder-backup", caps: [
                Cap(daemon: "mon", value: "profile rbd"),
                Cap(daemon: "osd", value: profile(rbd(backups)).joined(separator: ", ")),
                Cap(daemon: "mgr", value: profile(backups.map(\.name)).joined(separator: ", ")),
            ], keyringPaths: ["config/cinder/cinder-backup/ceph.client.cinder-backup.keyring"]))
        }
        // Gnocchi talks RADOS directly (no RBD profile): read the maps, read and write its own pool.
        if context.has("gnocchi"), !gnocchi.isEmpty {
            clients.append(Client(name: "client.gnocchi", caps: [
                Cap(daemon: "mon", value: "allow r"),
                Cap(daemon: "osd", value: gnocchi.map { "allow rwx pool=\($0.name)" }.joined(separator: ", ")),
            ], keyringPaths: ["config/gnocchi/ceph.client.gnocchi.keyring"]))
        }
        // Manila's CephFS driver works through the manager's volumes module (Ceph's manila docs): read the maps,
        // let the manager create subvolumes and authorize share clients.
        if context.has("manila"), pools.contains(where: { $0.application == "cephfs" }) {
            clients.append(Client(name: "client.manila", caps: [
                Cap(daemon: "mon", value: "allow r"),
                Cap(daemon: "mgr", value: "allow rw"),
            ], keyringPaths: ["config/manila/ceph.client.manila.keyring"]))
        }
        return clients
    }

    /// Manila's file system when the package has Manila: (name, metadata pool, data pool).
    var cephFS: (name: String, metadata: String, data: String)? {
        guard pools.contains(where: { $0.user == "manila" }), pools.contains(where: { $0.user == "manila-metadata" }) else { return nil }
        return (CephLayout.cephFSName, CephLayout.cephFSMetadataPool, CephLayout.cephFSDataPool)
    }

    /// Storage hosts with disks for a tier (a disk without `tier` serves the first tier of its device class).
    func disks(of tier: Storage.Ceph.Tier) -> [(host: Host, disks: [Host.Disk])] {
        storageHosts.compactMap { host in
            let disks = host.disks.filter { ($0.tier ?? CephCapacity.defaultTier(for: $0, in: ceph)) == tier.name }
            return disks.isEmpty ? nil : (host, disks)
        }
    }

    /// Ceph's default min_size: size − ⌊size / 2⌋.
    static func minSize(_ size: Int) -> Int { max(1, size - size / 2) }
}
