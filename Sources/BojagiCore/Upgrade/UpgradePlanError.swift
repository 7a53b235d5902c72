/// Why no upgrade plan can be made; `description` is the user's message, with the key at fault and the fix.
public enum UpgradePlanError: Error, Equatable, CustomStringConvertible {
    /// `--to` names no release the catalog knows.
    case unknownRelease(String, suggestion: String)
    /// `--to` names a release older than the blueprint's.
    case downgrade(from: String, to: String)

    public var description: String {
        switch self {
        case let .unknownRelease(text, suggestion):
            return "--to: unknown release '\(text)'\(suggestion)\n  fix: name a release by number or code name (2026.1, gazpacho); `bojagi catalog --releases` lists them"
        case let .downgrade(from, to):
            return "--to: \(to) is older than the blueprint's release: \(from); kolla-ansible upgrades only forward\n  fix: name a release after \(from) in --to, or, to plan for the older release, set `release:` in bojagi.yaml and run `bojagi plan`"
        }
    }
}
