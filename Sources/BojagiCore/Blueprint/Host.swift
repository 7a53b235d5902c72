/// One server (or, before hardware exists, a named range of identical servers expanded on decoding).
public struct Host: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case control, network, compute, storage, monitoring
    }

    public struct Disk: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case ssd, hdd, nvme
        }

        public var device: String?
        public var sizeGB: Int
        public var kind: Kind
        /// Identical disks described once.
        public var count = 1
        /// Ceph tier this disk serves; defaults to the tier whose device class matches `kind`.
        public var tier: String?

        public init(device: String? = nil, sizeGB: Int, kind: Kind, count: Int = 1, tier: String? = nil) {
            self.device = device
            self.sizeGB = sizeGB
            self.kind = kind
            self.count = count
            self.tier = tier
        }
    }

    public var name: String
    /// Management IPv4 address.
    public var address: String?
    public var roles: [Role]
    public var cores: Int?
    public var memoryGiB: Int?
    /// Network name (`management`, `external`, `external_api`, `storage`, `tunnel`) → interface name on this host.
    public var interfaces: [String: String] = [:]
    public var disks: [Disk] = []
    /// Services pinned to this host beyond what its roles give.
    public var services: [String] = []
    /// Rack, for Ceph's failure domain.
    public var rack: String?
    /// Path of the host's entry in bojagi.yaml (`hosts[2]`), shared by every host of a range.
    public var origin: String = ""

    public init(name: String, address: String? = nil, roles: [Role], cores: Int? = nil, memoryGiB: Int? = nil) {
        self.name = name
        self.address = address
        self.roles = roles
        self.cores = cores
        self.memoryGiB = memoryGiB
    }
}
