/// What a run of the engine does to a cloud.
public enum EngineOperation: Sendable, Hashable, Codable, CustomStringConvertible {
    case deploy
    case reconfigure
    case addHost(String)
    case removeHost(String)
    case upgrade(to: String)

    /// The command that starts it: `add-host cmp04`.
    public var description: String {
        switch self {
        case .deploy: "deploy"
        case .reconfigure: "reconfigure"
        case .addHost(let host): "add-host \(host)"
        case .removeHost(let host): "remove-host \(host)"
        case .upgrade(let release): "upgrade --to \(release)"
        }
    }

    /// Whether the cloud is running before the first step (everything but a first deploy).
    public var onLiveCloud: Bool { self != .deploy }
}
