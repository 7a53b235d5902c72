/// Block, image and object storage: Ceph tiers and pools.
public struct Storage: Sendable, Hashable, Codable {
    public struct Ceph: Sendable, Hashable, Codable {
        public enum FailureDomain: String, Sendable, Hashable, Codable, CaseIterable {
            case osd, host, rack
        }

        public struct Tier: Sendable, Hashable, Codable {
            public var name: String
            /// Ceph device class: ssd, hdd, nvme.
            public var deviceClass: String
            /// Replicated pools: copies kept.
            public var replication: Int?
            /// Erasure-coded pools: data and coding chunks.
            public var erasure: Erasure?
            /// Cinder volume type offered for this tier; defaults to the tier name.
            public var volumeType: String?
            public init(name: String, deviceClass: String) {
                self.name = name
                self.deviceClass = deviceClass
            }
        }

        public struct Erasure: Sendable, Hashable, Codable {
            public var k: Int
            public var m: Int
            public init(k: Int, m: Int) {
                self.k = k
                self.m = m
            }
        }

        public struct Pool: Sendable, Hashable, Codable {
            public var name: String
            public var tier: String
            /// Share of the tier's usable capacity planned for this pool, in percent.
            public var percent: Int?
            public init(name: String, tier: String) {
                self.name = name
                self.tier = tier
            }
        }

        /// Ceph release (`squid`); defaults to the one recommended for the OpenStack release.
        public var release: String?
        public var failureDomain = FailureDomain.host
        public var nearfullRatio = 0.85
        public var tiers: [Tier] = []
        public var pools: [Pool] = []
        /// Serve the Swift/S3 API from Ceph RGW.
        public var rgw = false
        public init() {}
    }

    /// A Cinder backend beside or instead of Ceph: LVM on the storage hosts' volume group, or NFS shares.
    public struct Cinder: Sendable, Hashable, Codable {
        public enum Backend: String, Sendable, Hashable, Codable, CaseIterable {
            case lvm, nfs
        }

        public var backend: Backend
        /// LVM: the volume group on each storage host (kolla's `cinder_volume_group`, default `cinder-volumes`).
        public var volumeGroup: String?
        /// NFS: `host:/export` shares, one a line in kolla's `nfs_shares`.
        public var shares: [String] = []
        public init(backend: Backend) {
            self.backend = backend
        }
    }

    public var ceph: Ceph?
    public var cinder: Cinder?
    public init() {}
}
