/// How kolla-ansible deploys a project or component (kolla-ansible's own files are the authority).
public struct KollaSupport: Sendable, Hashable, Codable {
    /// `enable_nova`.
    public let flag: String
    /// The flag's default in kolla-ansible's newest release: `true`, `false` or a Jinja expression.
    public let `default`: String?
    /// First series whose kolla-ansible turns the flag on by default, when that is later than `since`
    /// (ProxySQL: deployable from Zed, on by default from Dalmatian).
    public let defaultSince: String?
    /// First series whose kolla-ansible deploys it.
    public let since: String?
    /// First series whose kolla-ansible no longer deploys it.
    public let removedIn: String?
    /// Control-plane containers.
    public let containers: [String]
    /// Inventory groups, where they are not named after the service (`loadbalancer` for HAProxy).
    public let groups: [String]

    enum CodingKeys: String, CodingKey {
        case flag, `default`, since, containers, groups
        case removedIn = "removed_in"
        case defaultSince = "default_since"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        flag = try container.decode(String.self, forKey: .flag)
        // YAML writes the default as a bool or as a Jinja string; keep the text either way.
        if let bool = try? container.decodeIfPresent(Bool.self, forKey: .default) {
            self.default = bool ? "true" : "false"
        } else {
            self.default = try container.decodeIfPresent(String.self, forKey: .default)
        }
        since = try container.decodeIfPresent(String.self, forKey: .since)
        defaultSince = try container.decodeIfPresent(String.self, forKey: .defaultSince)
        removedIn = try container.decodeIfPresent(String.self, forKey: .removedIn)
        containers = try container.decodeIfPresent([String].self, forKey: .containers) ?? []
        groups = try container.decodeIfPresent([String].self, forKey: .groups) ?? []
    }
}

/// What a project or component costs on each controller (estimates; the catalog says where each comes from).
public struct Footprint: Sendable, Hashable, Codable {
    public let controllerContainers: Int
    public let controllerMemoryMiB: Int

    public init(controllerContainers: Int, controllerMemoryMiB: Int) {
        self.controllerContainers = controllerContainers
        self.controllerMemoryMiB = controllerMemoryMiB
    }

    enum CodingKeys: String, CodingKey {
        case controllerContainers = "controller_containers"
        case controllerMemoryMiB = "controller_memory_mib"
    }

    public static let zero = Footprint(controllerContainers: 0, controllerMemoryMiB: 0)

    public static func + (lhs: Footprint, rhs: Footprint) -> Footprint {
        Footprint(controllerContainers: lhs.controllerContainers + rhs.controllerContainers,
                  controllerMemoryMiB: lhs.controllerMemoryMiB + rhs.controllerMemoryMiB)
    }
}
