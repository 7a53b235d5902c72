extension UpgradePlanner {
    /// RabbitMQ goes from the version running to the target's default. When the target's kolla-ansible does not
    /// accept that step (one minor version at a time, or a jump it lists), it first moves, on the release upgraded
    /// from, to a version that release's images carry and from which the target accepts the rest.
    func rabbitmqSteps(_ context: HopContext, state: inout State,
                       steps: inout [UpgradePlan.Step]) -> (versions: UpgradePlan.Versions?, upgrade: UpgradePlan.Step?) {
        guard context.packageNames.contains("rabbitmq") || context.targetNames.contains("rabbitmq"),
              let target = catalog.upgrades.releases[context.to.name]?.rabbitmq else {
            state.rabbitmq = catalog.upgrades.releases[context.to.name]?.rabbitmq?.default
            return (nil, nil)
        }
        let source = catalog.upgrades.releases[context.from.name]?.rabbitmq
        let new = target.default
        guard let current = state.rabbitmq ?? source?.default else {
            state.rabbitmq = new
            return (UpgradePlan.Versions(from: nil, to: new, sources: [target.source]), nil)
        }
        state.rabbitmq = new
        let sources = [source?.source, target.source].compactMap { $0 }
        let versions = UpgradePlan.Versions(from: current, to: new, sources: sources)
        guard current != new else { return (versions, nil) }
        let downtime = catalog.upgrades.downtime(.rabbitmq)
        func during(_ old: String) -> UpgradePlan.Step {
            step(.upgrade, "rabbitmq", .key("upgrade.rabbitmq.during", ["old": old, "new": new]),
                 commands: [], downtime: downtime.class, controlPlane: true, context: context,
                 sources: [target.source, downtime.source])
        }
        if target.allows(current, new) { return (versions, during(current)) }

        guard let source, let middle = source.versions.first(where: {
            $0 != current && source.allows(current, $0) && target.allows($0, new)
        }) else {
            state.findings.append(finding(
                "UPG005", .error, "", context.blueprint,
                "hop \(context.number): RabbitMQ \(current) cannot reach \(new): \(context.to.label)'s kolla-ansible accepts one minor version at a time (or the jumps it lists) and \(context.from.label)'s images carry no version in between",
                fix: "upgrade through every release between \(context.from.label) and \(context.to.label) instead of skipping"))
            return (versions, nil)
        }
        let image = "rabbitmq-" + middle.replacingOccurrences(of: ".", with: "-")
        var text: [Phrase] = [.key("upgrade.rabbitmq.first", ["current": current, "middle": middle, "new": new,
                                                                  "from": context.from.label, "to": context.to.label])]
        if let since = source.also.first(where: { $0.version == middle })?.since {
            text.append(.key("upgrade.rabbitmq.first.since", ["from": context.from.label, "middle": middle, "since": since]))
        }
        let commands: [String]
        if let since = source.upgradeCommandSince {
            text.append(.key("upgrade.rabbitmq.first.command", ["since": since, "image": image]))
            commands = ["kolla-ansible rabbitmq-upgrade \(middle)"]
        } else {
            text.append(.key("upgrade.rabbitmq.first.image", ["image": image]))
            commands = ["kolla-ansible upgrade --tags rabbitmq"]
        }
        steps.append(step(.before, "rabbitmq", .sequence(text), commands: commands, downtime: downtime.class, controlPlane: true,
                          context: context, sources: [source.source, target.source, downtime.source]))
        return (UpgradePlan.Versions(from: current, to: new, sources: sources), during(middle))
    }

    /// MariaDB's version before and after, and the rolling restart when it changes.
    func mariadbVersions(_ context: HopContext) -> (versions: UpgradePlan.Versions?, step: UpgradePlan.Step?) {
        guard context.packageNames.contains("mariadb"),
              let target = catalog.upgrades.releases[context.to.name]?.mariadb else { return (nil, nil) }
        let source = catalog.upgrades.releases[context.from.name]?.mariadb
        let versions = UpgradePlan.Versions(from: source?.version, to: target.version,
                                            sources: [source?.source, target.source].compactMap { $0 })
        guard let old = source?.version, old != target.version else { return (versions, nil) }
        let downtime = catalog.upgrades.downtime(.mariadb)
        let step = step(.upgrade, "mariadb", .key("upgrade.mariadb", ["old": old, "new": target.version]),
                        commands: [], downtime: downtime.class, controlPlane: true, context: context,
                        sources: [target.source, downtime.source])
        return (versions, step)
    }
}
