import BojagiCore
import BojagiOpenStack
/// An OpenStack service the single-node lab knows how to run from PyPI.
public enum LabComponent: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    // Declaration order is start order: identity first, the dashboard last.
    case keystone, glance, placement, nova, neutron, cinder, heat, horizon

    /// Keystone service type and name for the catalog; horizon has none.
    public var serviceType: String? {
        switch self {
        case .keystone: "identity"
        case .glance: "image"
        case .placement: "placement"
        case .nova: "compute"
        case .neutron: "network"
        case .cinder: "volumev3"
        case .heat: "orchestration"
        case .horizon: nil
        }
    }

    /// The endpoint path after host:port, as each project documents it.
    public var endpointPath: String {
        switch self {
        case .keystone: "/v3"
        case .nova: "/v2.1"
        case .cinder: "/v3/%(project_id)s"
        case .heat: "/v1/%(tenant_id)s"
        case .horizon: "/"
        default: ""
        }
    }

    /// Where the API answers without a token: version documents (or the login page).
    public var healthPath: String {
        switch self {
        case .keystone: "/v3"
        case .horizon: "/auth/login/"
        default: "/"
        }
    }

    /// Has a database of its own.
    public var hasDatabase: Bool { self != .horizon }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
