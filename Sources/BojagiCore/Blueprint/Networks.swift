/// The networks of the cloud: management (and the API VIP on it), the external API network (the external VIP
/// on it), Neutron's external network, storage, tunnel and the provider networks tenants use (the seed's WEB/WAS
/// separation).
public struct Networks: Sendable, Hashable, Codable {
    public struct Segment: Sendable, Hashable, Codable {
        public var cidr: String?
        /// Default interface name; a host's `interfaces` overrides it.
        public var interface: String?
        public var mtu: Int?
        public init(cidr: String? = nil, interface: String? = nil, mtu: Int? = nil) {
            self.cidr = cidr
            self.interface = interface
            self.mtu = mtu
        }
    }

    public struct VIP: Sendable, Hashable, Codable {
        public var `internal`: String?
        public var external: String?
        public var internalFQDN: String?
        public var externalFQDN: String?
        /// keepalived's VRRP id; must be unique on the L2 segment.
        public var virtualRouterID = 51
        public init() {}
    }

    public struct External: Sendable, Hashable, Codable {
        /// Interface handed to Neutron for provider and floating-IP traffic.
        public var interface: String?
        /// VLAN ranges for provider networks, `100-199`.
        public var vlanRanges: [String] = []
        /// The physical network's MTU: Neutron's `physnet1`, its provider VLANs and floating IPs.
        public var mtu: Int?
        public init() {}
    }

    public struct Provider: Sendable, Hashable, Codable {
        public var name: String
        public var vlan: Int?
        public var cidr: String?
        public var gateway: String?
        /// Free text: the tier it carries (`web`, `was`, `db`).
        public var purpose: String?
        public init(name: String) { self.name = name }
    }

    public var management = Segment()
    public var vip = VIP()
    public var external = External()
    /// The public API network the external VIP lives on (kolla's `kolla_external_vip_interface`); without it
    /// the external VIP is bound on the management interface.
    public var externalAPI: Segment?
    public var storage: Segment?
    public var tunnel: Segment?
    /// Ironic's provisioning network: bare-metal nodes PXE-boot, are inspected and cleaned on it; the controllers'
    /// ironic-dnsmasq, -http and -tftp listen on their interface in it.
    public var provisioning: Segment?
    public var provider: [Provider] = []

    public init() {}

    /// Octavia's amphora management network: the provider network named or meant for it (`lb-mgmt`, `octavia`).
    public var octaviaManagement: Provider? {
        provider.first { network in
            ([network.name] + (network.purpose.map { [$0] } ?? [])).contains { ["lb-mgmt", "octavia"].contains($0.lowercased()) }
        }
    }
}
