import Foundation
import BojagiCore

/// What Bojagi learns about a cloud through its APIs before it writes tempest.conf. Every field says where it came
/// from, so a surprising tempest.conf can be traced back to the cloud's own answer.
public struct TempestFacts: Sendable, Codable, Equatable {
    public struct Network: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public var isDefault: Bool
    }

    public struct VolumePool: Sendable, Codable, Equatable {
        /// `host@backend#pool`.
        public let name: String
        public let backendName: String?
        public let storageProtocol: String?
        public let vendorName: String?
        public let multiattach: Bool
    }

    /// The public identity endpoint + `/v3`, and the region of the catalog's endpoints.
    public var identityURI: String
    public var region: String?
    /// Catalog service types (the token's catalog).
    public var serviceTypes: [String]
    /// Keystone's JSON-home extension names (`GET /v3`, Accept: application/json-home).
    public var identityExtensions: [String] = []
    /// `GET /v3/roles` names.
    public var roles: [String] = []
    /// `GET <compute root>/`: the v2.1 range.
    public var compute: APIVersion?
    /// `GET <volume root>/`: the v3 range.
    public var volume: APIVersion?
    /// `GET <placement root>/`.
    public var placement: APIVersion?
    /// `GET /os-hypervisors/detail` → hypervisor_type; `GET /os-services?binary=nova-compute` → up.
    public var hypervisorTypes: [String] = []
    public var computeHostsUp = 0
    /// `GET /v2.0/extensions` → alias.
    public var networkExtensions: [String] = []
    /// `GET /v2.0/networks?router:external=true`.
    public var externalNetworks: [Network] = []
    /// `GET /v2.0/networks?shared=true`.
    public var sharedNetworks: [Network] = []
    /// `GET /v2.0/subnets` → cidr (to choose a project CIDR that overlaps none).
    public var subnetCIDRs: [String] = []
    /// `GET /v2.0/subnetpools?is_default=true` exists.
    public var defaultSubnetPool = false
    /// `GET <volume>/scheduler-stats/get_pools?detail=true`.
    public var volumePools: [VolumePool] = []
    /// `GET <volume>/os-services` → binaries that are up.
    public var volumeServicesUp: [String] = []
    /// `GET <volume>/extensions` → alias.
    public var volumeExtensions: [String] = []
    /// `GET /v2/info/stores` → id; `GET /v2/schemas/image` → the formats; `GET /v2/metadefs/namespaces` count.
    public var imageStores: [String] = []
    public var diskFormats: [String] = []
    public var containerFormats: [String] = []
    public var metadefNamespaces = 0

    public init(identityURI: String, region: String?, serviceTypes: [String]) {
        self.identityURI = identityURI
        self.region = region
        self.serviceTypes = serviceTypes
    }

    public func has(_ type: String) -> Bool { serviceTypes.contains(type) }

    /// The catalog type Cinder is registered under (Tempest looks endpoints up by exact type).
    public var volumeCatalogType: String? {
        ["block-storage", "volumev3", "volume"].first(where: has)
    }

    public var fakeHypervisor: Bool { hypervisorTypes.contains { $0.lowercased() == "fake" } }

    public var routers: Bool { networkExtensions.contains("router") }

    /// Cinder's fake driver (the labs' `FakeLoggingVolumeDriver`) reports the storage protocol `fake`.
    public var fakeVolumeBackend: Bool {
        !volumePools.isEmpty && volumePools.allSatisfy { $0.storageProtocol?.lowercased() == "fake" }
    }
}
