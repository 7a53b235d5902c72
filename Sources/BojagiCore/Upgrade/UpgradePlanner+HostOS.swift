extension UpgradePlanner {
    /// Moves the hosts to another OS before a hop when the target's prechecks do not accept what they run: to an
    /// OS both ends accept, the same distribution's newest where there is one. The move happens on the release
    /// upgraded from, as late as the route allows.
    func hostOSMove(_ context: HopContext, state: inout State, steps: inout [UpgradePlan.Step]) -> UpgradePlan.HostOS? {
        let from = context.from, to = context.to
        guard let accepted = to.hostOS else { return nil }
        let facts = catalog.upgrades.releases[to.name]
        var sources = [to.source?.hostOS].compactMap { $0 }
        let before = state.hostOS
        let distro = before.map(HostOSRule.distro) ?? context.blueprint.deployment.baseDistro
        let shown = accepted.filter { HostOSRule.distro(of: $0) == distro }
        let documented = facts?.hostOSDocumented.map { list in list.filter { HostOSRule.distro(of: $0) == distro } }
        if documented != nil, documented != shown, let source = facts?.hostOSDocumentedSource { sources.append(source) }
        func summary(after: String?, sources: [String]) -> UpgradePlan.HostOS {
            UpgradePlan.HostOS(before: before, after: after, accepted: shown.isEmpty ? accepted : shown,
                               documented: documented == shown ? nil : documented, sources: sources)
        }
        guard let current = before, !accepted.contains(current) else { return summary(after: before, sources: sources) }

        let both = accepted.filter { from.hostOS?.contains($0) ?? true }
        let family = BaseDistroRule.family[distro]
        guard let next = both.last(where: { HostOSRule.distro(of: $0) == distro })
                ?? both.first(where: { BaseDistroRule.family[HostOSRule.distro(of: $0)] == family })
                ?? both.first else {
            state.findings.append(finding(
                "UPG003", .error, "deployment.host_os", context.blueprint,
                "hop \(context.number): no host OS is accepted by both \(from.label) and \(to.label) (\(to.label) accepts \(accepted.joined(separator: ", "))), so the hosts cannot move between them",
                fix: "move the hosts to an OS \(to.label) accepts while still on an earlier release, and set deployment.host_os to it"))
            return summary(after: nil, sources: sources)
        }
        state.hostOS = next
        let fromFacts = catalog.upgrades.releases[from.name]
        var text: [Phrase] = [.key("upgrade.hostOS", ["current": current, "next": next, "from": from.label, "to": to.label])]
        if let since = fromFacts?.hostOSSince[next] {
            text.append(.key("upgrade.hostOS.since", ["from": from.label, "next": next, "since": since]))
        }
        if let note = fromFacts?.osMoveNotes[next] {
            text.append(.message("upgrade.hostOS.note", ["note": .translated(Translated(en: note, ko: fromFacts?.osMoveNotesKo[next]))]))
        }
        var moveSources = [from.source?.hostOS].compactMap { $0 } + sources
        if fromFacts?.hostOSSince[next] != nil, let since = fromFacts?.hostOSSinceSource { moveSources.append(since) }
        if fromFacts?.osMoveNotes[next] != nil, let move = fromFacts?.osMoveSource { moveSources.append(move) }
        let fact = catalog.upgrades.downtime(.hostOS)
        moveSources.append(fact.source)
        steps.append(step(.before, "host-os", .sequence(text), commands: [], downtime: fact.class, controlPlane: true,
                          context: context, sources: unique(moveSources)))
        return summary(after: next, sources: sources)
    }

    func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
