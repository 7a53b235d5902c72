/// Why a service is in the package. Every member carries at least one.
public enum Reason: Sendable, Hashable, Codable {
    /// A capability of the profile (or one the blueprint added) that this service provides.
    case capability(String, addedByBlueprint: Bool)
    /// Provides a capability in place of the preferred provider, which the release cannot have.
    case substitute(capability: String, for: String, because: String)
    /// A hard dependency of another member, possibly only from some release on.
    case requiredBy(String, since: String?, note: String?)
    /// Listed by name in the profile.
    case profile(String)
    /// Named in bojagi.yaml `services.add`.
    case added
    /// A blueprint setting needs it (`ha.enabled`, `monitoring.prometheus`); `why`, when the setting alone does
    /// not say it, is a message key of `Resolver.messages`.
    case setting(String, why: String? = nil)

    public var text: String {
        switch self {
        case let .capability(name, addedByBlueprint):
            return addedByBlueprint ? "capability \(name) (added in bojagi.yaml)" : "capability \(name)"
        case let .substitute(capability, preferred, because):
            return "capability \(capability), instead of \(preferred): \(because)"
        case let .requiredBy(name, since, note):
            var text = "required by \(name)"
            if let since { text += " since \(since.prefix(1).uppercased() + since.dropFirst())" }
            if let note { text += " (\(note))" }
            return text
        case let .profile(name):
            return "listed in profile \(name)"
        case .added:
            return "added in bojagi.yaml"
        case let .setting(path, why):
            return "needed by \(Self.settingText(path, why: why))"
        }
    }

    /// `ha.enabled (kolla-ansible balances MariaDB through ProxySQL)`: the setting, and why in English.
    static func settingText(_ path: String, why: String?) -> String {
        path + (why.map { " (\(Resolver.messages[$0] ?? $0))" } ?? "")
    }
}
