/// Hosts as the blueprint wrote them: a range such as `cmp[01:10]` is one entry, so a rule reports it once.
extension RuleContext {
    public struct Entry: Sendable {
        /// Path of the entry in bojagi.yaml, `hosts[1]`.
        public let path: String
        /// The hosts it expands to, in blueprint order.
        public let hosts: [Host]
        /// `cmp[01:10]`, or a single name.
        public let names: String
    }

    /// `hosts` grouped by the blueprint entry they come from, in blueprint order.
    public func entries(_ hosts: [Host]) -> [Entry] {
        var order: [String] = []
        var grouped: [String: [Host]] = [:]
        for host in hosts {
            let path = host.origin.isEmpty ? "hosts" : host.origin
            if grouped[path] == nil { order.append(path) }
            grouped[path, default: []].append(host)
        }
        let all = blueprint.hosts.map(\.name)
        return order.map { path in
            Entry(path: path, hosts: grouped[path]!, names: HostRange.compress(grouped[path]!.map(\.name), order: all))
        }
    }
}
