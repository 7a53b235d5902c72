/// Reads `storage:`.
struct StorageDecoder {
    let catalog: Catalog

    static let cephReleases = ["luminous", "mimic", "nautilus", "octopus", "pacific", "quincy", "reef", "squid", "tentacle"]

    func storage(_ field: YAMLField) -> Storage {
        var storage = Storage()
        guard let fields = field.mapping(allowed: ["ceph", "cinder"], what: "storage") else { return storage }
        if let cinderField = fields["cinder"] { storage.cinder = cinder(cinderField) }
        guard let cephField = fields["ceph"] else { return storage }
        let keys = ["release", "failure_domain", "nearfull_ratio", "tiers", "pools", "rgw"]
        guard let ceph = cephField.mapping(allowed: keys, what: "ceph") else { return storage }
        var result = Storage.Ceph()
        result.release = ceph["release"]?.choice(Self.cephReleases, what: "Ceph release")
        if let domain = ceph["failure_domain"]?.choice(Storage.Ceph.FailureDomain.allCases.map(\.rawValue), what: "failure domain") {
            result.failureDomain = Storage.Ceph.FailureDomain(rawValue: domain)!
        }
        if let ratio = ceph["nearfull_ratio"]?.double(in: 0.5...0.95) { result.nearfullRatio = ratio }
        if let value = ceph["rgw"]?.bool() { result.rgw = value }
        result.tiers = ceph["tiers"]?.sequence()?.compactMap(tier) ?? []
        if let pools = ceph["pools"]?.namedEntries() {
            for (name, value) in pools {
                guard let entry = value.mapping(allowed: ["tier", "percent"], what: "pool \(name)") else { continue }
                guard let tier = entry["tier"]?.string() else {
                    if entry["tier"] == nil { value.report("pool '\(name)' needs a 'tier'", fix: "add `tier: ssd` (a name from tiers)") }
                    continue
                }
                guard result.tiers.contains(where: { $0.name == tier }) else {
                    entry["tier"]!.report("pool '\(name)' names tier '\(tier)', which 'tiers' does not define"
                                          + Suggestion.phrase(for: tier, in: result.tiers.map(\.name)),
                                          fix: "define the tier under storage.ceph.tiers or name an existing one")
                    continue
                }
                var pool = Storage.Ceph.Pool(name: name, tier: tier)
                pool.percent = entry["percent"]?.int(in: 1...100)
                result.pools.append(pool)
            }
        }
        storage.ceph = result
        return storage
    }

    /// `storage.cinder: {backend: lvm, volume_group: cinder-volumes}` or `{backend: nfs, shares: [host:/export]}`.
    private func cinder(_ field: YAMLField) -> Storage.Cinder? {
        guard let fields = field.mapping(allowed: ["backend", "volume_group", "shares"], what: "storage.cinder") else { return nil }
        guard let name = fields["backend"]?.choice(Storage.Cinder.Backend.allCases.map(\.rawValue), what: "Cinder backend") else {
            if fields["backend"] == nil { field.report("storage.cinder needs a 'backend'", fix: "add `backend: lvm` or `backend: nfs`") }
            return nil
        }
        var cinder = Storage.Cinder(backend: Storage.Cinder.Backend(rawValue: name)!)
        cinder.volumeGroup = fields["volume_group"]?.string()
        cinder.shares = fields["shares"]?.strings() ?? []
        switch cinder.backend {
        case .lvm:
            if let shares = fields["shares"] { shares.report("'shares' is for the nfs backend", fix: "remove it, or set `backend: nfs`") }
        case .nfs:
            if let group = fields["volume_group"] { group.report("'volume_group' is for the lvm backend", fix: "remove it, or set `backend: lvm`") }
            if cinder.shares.isEmpty {
                (fields["shares"] ?? field).report("the nfs backend needs 'shares'", fix: "add `shares: [\"10.0.0.5:/srv/cinder\"]` (host:/export, one per NFS share)")
            }
        }
        return cinder
    }

    private func tier(_ field: YAMLField) -> Storage.Ceph.Tier? {
        let keys = ["name", "device_class", "replication", "erasure", "volume_type"]
        guard let fields = field.mapping(allowed: keys, what: "a Ceph tier") else { return nil }
        guard let name = fields["name"]?.string() else {
            if fields["name"] == nil { field.report("a tier needs a 'name'", fix: "add `name: ssd`") }
            return nil
        }
        guard let deviceClass = fields["device_class"]?.choice(Host.Disk.Kind.allCases.map(\.rawValue), what: "device class") else {
            if fields["device_class"] == nil { field.report("tier '\(name)' needs a 'device_class'", fix: "add `device_class: ssd`, `hdd` or `nvme`") }
            return nil
        }
        var tier = Storage.Ceph.Tier(name: name, deviceClass: deviceClass)
        tier.replication = fields["replication"]?.int(in: 1...10)
        tier.volumeType = fields["volume_type"]?.string()
        if let erasure = fields["erasure"], let parts = erasure.mapping(allowed: ["k", "m"], what: "erasure coding") {
            if let k = parts["k"]?.int(in: 1...32), let m = parts["m"]?.int(in: 1...16) {
                tier.erasure = Storage.Ceph.Erasure(k: k, m: m)
            } else if parts["k"] == nil || parts["m"] == nil {
                erasure.report("erasure coding needs both 'k' and 'm'", fix: "write `erasure: {k: 4, m: 2}`")
            }
        }
        if tier.replication != nil, tier.erasure != nil {
            field.report("tier '\(name)' gives both 'replication' and 'erasure'", fix: "choose one protection scheme per tier")
        }
        if tier.replication == nil, tier.erasure == nil { tier.replication = 3 }
        return tier
    }
}
