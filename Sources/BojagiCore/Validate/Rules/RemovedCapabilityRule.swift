/// SVC018: `capabilities.remove` that takes away a capability the profile requires changes what the package
/// is for (a web-application package without block storage has no volumes for its databases); one that names
/// a capability the profile does not have removes nothing. Both are said, at the line.
public struct RemovedCapabilityRule: Rule {
    public let id = "SVC018"
    public let summary = "capabilities.remove names a capability of the profile, and removing a required one is said"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let profile = context.catalog.profiles[context.blueprint.profile] else { return [] }
        var findings: [Finding] = []
        for (index, capability) in context.blueprint.capabilities.remove.enumerated() {
            let path = "capabilities.remove[\(index)]"
            if profile.required.contains(capability) {
                let providers = context.catalog.capabilities[capability]?.providers ?? []
                let dropped = providers.filter { !context.has($0) }
                let without = context.catalog.profiles.values.filter { !$0.required.contains(capability) && $0.name != profile.name }
                    .map(\.name).sorted()
                let what = dropped.isEmpty ? "" : ": the package leaves out \(dropped.joined(separator: ", "))"
                findings.append(context.finding(id, .warning, path,
                                                "\(capability) is one of the \(profile.name) profile's required capabilities (\(profile.title)), and bojagi.yaml removes it\(what)",
                                                fix: "delete this entry to keep \(capability), or start from a profile that does not require it (\(without.joined(separator: ", ")))"))
            } else if !profile.optional.contains(capability), !context.blueprint.capabilities.add.contains(capability) {
                findings.append(context.finding(id, .advice, path,
                                                "the \(profile.name) profile has no \(capability) capability, so removing it changes nothing",
                                                fix: "delete this entry (`bojagi profiles --capabilities` lists each profile's capabilities)"))
            }
        }
        return findings
    }
}
