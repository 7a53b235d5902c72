/// SVC012: `host.services` adds a host to a service's kolla groups; a service outside the package is never
/// enabled, so the pin would silently deploy nothing.
public struct PinnedServiceRule: Rule {
    public let id = "SVC012"
    public let summary = "Services pinned to a host are known and in the package"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let known = context.catalog.serviceNames
        var findings: [Finding] = []
        var reported: Set<String> = []  // Hosts of one range share their pins: report each entry once.
        for host in context.blueprint.hosts {
            for (index, name) in host.services.enumerated() {
                let path = (host.origin.isEmpty ? "hosts" : host.origin) + ".services[\(index)]"
                guard reported.insert(path).inserted else { continue }
                let key = name.lowercased()
                if !known.contains(key) {
                    findings.append(context.finding(id, .error, path,
                                                    "\(host.name) pins unknown service '\(name)'" + Suggestion.phrase(for: key, in: known),
                                                    fix: "use a service name from `bojagi catalog`, or remove the pin"))
                } else if !context.has(key) {
                    findings.append(context.finding(id, .error, path,
                                                    "\(host.name) pins \(key), which is not in the package: kolla-ansible would not enable it, so nothing runs there",
                                                    fix: "add \(key) under services.add (or a capability that brings it), or remove the pin"))
                }
            }
        }
        return findings
    }
}
