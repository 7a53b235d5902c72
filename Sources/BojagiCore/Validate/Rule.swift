/// One check of a blueprint and its plan. One rule, one type, one file; each returns findings with its own
/// stable id, a severity, the blueprint path concerned and a fix.
public protocol Rule: Sendable {
    /// Stable id: `HA001`.
    var id: String { get }
    /// One line: what the rule checks.
    var summary: String { get }
    func check(_ context: RuleContext) -> [Finding]
}

/// Everything a rule may look at: pure values, computed once per validation.
public struct RuleContext: Sendable {
    public let blueprint: Blueprint
    public let catalog: Catalog
    public let release: Release
    public let services: ServiceSet
    public let topology: Topology
    /// The day the plan is made: release status depends on it.
    public let today: Day
    /// The files the blueprint names, for the rules that check them (rules read, never write).
    public let files: any BlueprintFiles

    public init(blueprint: Blueprint, catalog: Catalog, release: Release, services: ServiceSet, topology: Topology, today: Day,
                files: any BlueprintFiles) {
        self.blueprint = blueprint
        self.catalog = catalog
        self.release = release
        self.services = services
        self.topology = topology
        self.today = today
        self.files = files
    }

    /// A finding pointing at `path`, with its line in bojagi.yaml when the file wrote it (else the nearest
    /// enclosing path that it did write).
    public func finding(_ id: String, _ severity: Finding.Severity, _ path: String, _ message: String, fix: String) -> Finding {
        var probe = path
        var line = blueprint.lines[probe]
        while line == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
            probe = String(probe[..<cut])
            line = blueprint.lines[probe]
        }
        return Finding(id: id, severity: severity, path: path, message: message, fix: fix, line: line)
    }

    public func hosts(with role: Host.Role) -> [Host] {
        blueprint.hosts.filter { $0.roles.contains(role) }
    }

    public func has(_ service: String) -> Bool { services.contains(service) }

    /// The interface a host uses for a network: its own, else the network's default.
    public func interface(of host: Host, for network: String) -> String? {
        if let name = host.interfaces[network] { return name }
        switch network {
        case "management": return blueprint.networks.management.interface
        case "external": return blueprint.networks.external.interface
        case "external_api": return blueprint.networks.externalAPI?.interface
        case "storage": return blueprint.networks.storage?.interface
        case "tunnel": return blueprint.networks.tunnel?.interface
        default: return nil
        }
    }
}
