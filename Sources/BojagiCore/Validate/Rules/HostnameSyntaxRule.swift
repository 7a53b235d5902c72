import Foundation

/// NET003: host names become inventory names, RabbitMQ node names (`rabbit@name`) and DNS names: RFC 1123
/// labels only, and lowercase, since RabbitMQ and Galera compare them as written.
public struct HostnameSyntaxRule: Rule {
    public let id = "NET003"
    public let summary = "Host names are RFC 1123 names in lowercase"

    public init() {}

    static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for host in context.blueprint.hosts {
            let name = host.name
            let labels = name.split(separator: ".", omittingEmptySubsequences: false)
            let badLabel = labels.contains { $0.isEmpty || $0.count > 63 || $0.hasPrefix("-") || $0.hasSuffix("-") }
            if !Set(name.lowercased()).isSubset(of: Self.allowed) || badLabel || name.count > 253 {
                let bad = name.filter { !Self.allowed.contains(Character($0.lowercased())) }
                findings.append(context.finding(id, .error, host.origin + ".name",
                                                "host name '\(name)' is not a valid DNS name" + (bad.isEmpty ? "" : " (it contains '\(String(Set(bad)).sorted().map(String.init).joined())')"),
                                                fix: "use letters, digits and hyphens in labels of 1–63 characters, e.g. \(Self.suggest(name))"))
            } else if name != name.lowercased() {
                findings.append(context.finding(id, .warning, host.origin + ".name",
                                                "host name '\(name)' has capitals: RabbitMQ node names and Galera peers are case-sensitive and hosts report lowercase names",
                                                fix: "write it as \(name.lowercased())"))
            }
        }
        return findings
    }

    static func suggest(_ name: String) -> String {
        let mapped = name.lowercased().map { allowed.contains($0) ? $0 : "-" }
        return String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
    }
}
