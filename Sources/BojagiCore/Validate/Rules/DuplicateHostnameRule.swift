/// NET002: RabbitMQ and Galera name nodes by the short host name, so two hosts may not share one, even when
/// their full names differ.
public struct DuplicateHostnameRule: Rule {
    public let id = "NET002"
    public let summary = "Host names, and their short forms, are unique"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var seen: [String: String] = [:]
        var findings: [Finding] = []
        for host in context.blueprint.hosts {
            let short = String(host.name.split(separator: ".").first ?? "").lowercased()
            if let other = seen[short] {
                let detail = other == host.name ? "\(host.name) is listed twice" : "\(other) and \(host.name) share the short name \(short), which RabbitMQ and Galera use as node names"
                findings.append(context.finding(id, .error, host.origin + ".name", detail,
                                                fix: "give every host a distinct short name"))
            } else {
                seen[short] = host.name
            }
        }
        return findings
    }
}
