extension UpgradePlanner {
    struct Leaving {
        var departures: [UpgradePlan.Departure] = []
        var joins: [String: String] = [:]
        /// Names of the departures, whose own catalog changes are shown with them.
        var services: Set<String> = []
    }

    /// Services of the package the target no longer has (retired, or no longer deployed by kolla-ansible), with
    /// what takes their place — the catalog's successor, the component that replaces it, or the provider the
    /// resolver picks instead — and what the user must migrate. One with nothing in its place blocks the upgrade.
    func departures(_ context: HopContext, state: inout State, steps: inout [UpgradePlan.Step]) -> Leaving {
        var leaving = Leaving()
        let before = context.before.members + context.before.infrastructure
        let after = context.after.members + context.after.infrastructure
        let gone = before.filter {
            !context.targetNames.contains($0.name) && !catalog.availability(of: $0.name, in: context.to).isAvailable
        }
        let goneNames = Set(gone.map(\.name))
        for member in gone {
            let name = member.name
            let successor = successor(of: name, in: after)
            let reasonPhrase = catalog.unavailabilityPhrase(of: name, in: context.to)
            let reason = reasonPhrase.english
            leaving.departures.append(UpgradePlan.Departure(name: name, reason: reason, successor: successor))
            leaving.services.insert(name)
            // A dependency of services that leave too goes with them: their migration covers it.
            let dependents = member.reasons.compactMap { reason -> String? in
                if case let .requiredBy(dependent, _, _) = reason { dependent } else { nil }
            }
            if successor == nil, !dependents.isEmpty, dependents.count == member.reasons.count,
               dependents.allSatisfy(goneNames.contains) {
                let list = Phrase.joined(dependents.map { .verbatim($0) }, separator: .key("list.comma"))
                steps.append(step(.before, "service", .message("upgrade.leaves.with", ["name": .verbatim(name), "dependents": list, "reason": reasonPhrase]),
                                  commands: [], downtime: .none,
                                  sources: [catalog.projects[name]?.sources["kolla"], catalog.components[name]?.sources["kolla"]].compactMap { $0 }))
                continue
            }

            let change = migration(for: name, context)
            let project = catalog.projects[name]
            var advicePhrase: Phrase? = (change?.translated ?? project?.retired?.translatedNote).map { Phrase.translated($0) }
            if advicePhrase == nil, let alternatives = project?.retired?.alternatives, !alternatives.isEmpty {
                advicePhrase = .message("upgrade.leaves.alternatives", ["alternatives": Phrase.or(alternatives)])
            }
            let advice = advicePhrase?.english
            let explicit = context.blueprint.services.add.firstIndex(of: name)
            let path = explicit.map { "services.add[\($0)]" } ?? "profile"
            var text: [Phrase] = [.message("upgrade.leaves", ["name": .verbatim(name), "reason": reasonPhrase])]
            if let successor { text.append(.key("upgrade.leaves.successor", ["successor": successor])) }
            if let advicePhrase { text.append(.message("upgrade.leaves.advice", ["advice": advicePhrase])) }
            var sources = [project?.retired == nil ? nil : project?.sources["retired"], project?.sources["kolla"],
                           catalog.components[name]?.sources["kolla"]].compactMap { $0 }
            if let change { sources.append(change.source) }
            steps.append(step(.before, "service", .sequence(text), commands: change?.commands ?? [], settings: change?.settings ?? [],
                              downtime: change?.downtime ?? .none,
                              sources: sources))
            if let successor {
                let fix = explicit != nil ? "replace '\(name)' with '\(successor)' in services.add and migrate before the hop"
                                          : "migrate to \(successor) before the hop; the package takes \(successor) on \(context.to.label)"
                state.findings.append(finding("UPG002", .warning, path, context.blueprint,
                                              "hop \(context.number): \(reason); \(successor) takes its place", fix: fix))
            } else {
                var fix = explicit != nil ? "remove '\(name)' from services.add" : "remove it from the package"
                if explicit == nil, let capability = project?.capabilities.first { fix += " (`capabilities: remove: [\(capability)]`)" }
                fix += " after moving its users off it" + (advice.map { ": \($0)" } ?? "")
                state.findings.append(finding("UPG001", .error, path, context.blueprint,
                                              "hop \(context.number): \(reason), and nothing in \(context.to.label) takes its place",
                                              fix: fix))
            }
        }
        for member in after where !context.packageNames.contains(member.name) {
            leaving.joins[member.name] = member.reasons.map(\.text).joined(separator: "; ")
        }
        return leaving
    }

    /// What takes `name`'s place in the target package: the catalog's successor, a component that replaces it,
    /// or a provider the resolver chose instead of it.
    func successor(of name: String, in after: [ServiceSet.Member]) -> String? {
        let names = Set(after.map(\.name))
        if let successor = catalog.projects[name]?.retired?.successor, names.contains(successor) { return successor }
        if let replacement = after.first(where: { catalog.components[$0.name]?.replaces == name }) { return replacement.name }
        return after.first { member in
            member.reasons.contains { reason in
                if case let .substitute(_, preferred, _) = reason { preferred == name } else { false }
            }
        }?.name
    }

    /// The catalog's migration advice for a service leaving on this hop.
    func migration(for name: String, _ context: HopContext) -> UpgradeFacts.Change? {
        catalog.releases(after: context.from, through: context.to).lazy
            .compactMap { self.catalog.upgrades.releases[$0.name]?.changes.first { $0.service == name } }
            .first
    }
}
