/// Plans the upgrade of a blueprint's cloud to a later release, from the catalog alone: the route under the
/// SLURP rules, and for each hop the tooling, host OS moves, RabbitMQ, MariaDB and Ceph steps, services that
/// leave the package, inventory changes, checks, and the downtime of every step. Pure: values in, a plan out.
public struct UpgradePlanner: Sendable {
    let catalog: Catalog
    /// The day release status is judged on (a release not yet out is a warning).
    let today: Day

    public init(catalog: Catalog, today: Day) {
        self.catalog = catalog
        self.today = today
    }

    /// What carries from one hop to the next.
    struct State {
        var hostOS: String?
        var rabbitmq: String?
        var cephCluster: String?
        /// Changes already shown: some reach several releases through backports.
        var shownChanges: Set<String> = []
        var findings: [Finding] = []
        /// Releases already reported as having no upgrade facts.
        var factless: Set<String> = []
    }

    /// Everything a hop's parts need.
    struct HopContext {
        let number: Int
        let from: Release
        let to: Release
        let blueprint: Blueprint
        /// Services and infrastructure on `from` and on `to`.
        let before: ServiceSet
        let after: ServiceSet
        let rollingControlPlane: Bool

        var packageNames: Set<String> { Set(before.names + before.infrastructure.map(\.name)) }
        var targetNames: Set<String> { Set(after.names + after.infrastructure.map(\.name)) }
    }

    public func plan(_ blueprint: Blueprint, to text: String) throws -> UpgradePlan {
        let from = catalog.release(named: blueprint.release)!
        guard let to = catalog.release(named: text) else {
            let names = catalog.releases.flatMap { [$0.id, $0.name].compactMap { $0 } }
            throw UpgradePlanError.unknownRelease(text, suggestion: Suggestion.phrase(for: text, in: names))
        }
        guard to.ordinal >= from.ordinal else {
            throw UpgradePlanError.downgrade(from: from.label, to: to.label)
        }
        let route = catalog.upgradeRoute(from: from, to: to)
        let controllers = blueprint.hosts.filter { $0.roles.contains(.control) }.count
        let rolling = blueprint.ha.enabled && (controllers == 0 || controllers >= 3)

        var state = State()
        state.hostOS = blueprint.deployment.hostOS.map(HostOSRule.normalized)
        state.rabbitmq = catalog.upgrades.releases[from.name]?.rabbitmq?.default
        if let ceph = blueprint.storage.ceph { state.cephCluster = ceph.release ?? from.recommendedCeph }

        let resolver = Resolver(catalog: catalog)
        var package = resolver.resolve(blueprint).services
        let startingPackage = package
        if route.count > 1, state.hostOS == nil {
            state.findings.append(finding("UPG004", .advice, "deployment", blueprint,
                                          "deployment.host_os is not set, so the plan cannot say when the hosts must move to another OS",
                                          fix: "add `host_os:` under deployment with what the hosts run (rocky-9, ubuntu-noble…)"))
        }
        let status = to.status(on: today)
        if ["future", "development"].contains(status) {
            state.findings.append(finding("UPG008", .warning, "", blueprint,
                                          "\(to.label) is not released yet (\(status) on \(today)): its kolla-ansible facts come from development branches and may change",
                                          fix: "plan for a released target, or re-run this plan once \(to.label) is out"))
        }
        state.findings += kollaBranchFindings(from: from, to: to, blueprint: blueprint)

        var hops: [UpgradePlan.Hop] = []
        for (index, pair) in zip(route, route.dropFirst()).enumerated() {
            var target = blueprint
            target.release = pair.1.name
            let after = resolver.resolve(target).services
            let context = HopContext(number: index + 1, from: pair.0, to: pair.1, blueprint: blueprint,
                                     before: package, after: after, rollingControlPlane: rolling)
            hops.append(hop(context, state: &state))
            package = after
        }
        if route.count > 1, let os = state.hostOS, let facts = catalog.upgrades.releases[to.name],
           let documented = facts.hostOSDocumented, !documented.contains(os) {
            let distro = HostOSRule.distro(of: os)
            let listed = documented.filter { HostOSRule.distro(of: $0) == distro }
            state.findings.append(finding(
                "UPG009", .advice, "deployment.host_os", blueprint,
                "\(os) is accepted by \(to.label)'s kolla-ansible prechecks but not in its support matrix\(listed.isEmpty ? "" : ", which lists \(listed.joined(separator: ", "))")",
                fix: listed.last.map { "move the hosts to \($0) while on \(to.label), before the next upgrade" }
                    ?? "move the hosts to an OS the support matrix lists while on \(to.label)"))
        }

        return UpgradePlan(
            name: blueprint.name,
            from: .init(from), to: .init(to),
            route: route.map(UpgradePlan.ReleaseRef.init),
            routeSource: catalog.upgrades.route.source,
            package: (startingPackage.names + startingPackage.infrastructure.map(\.name)).sorted(),
            hostOS: blueprint.deployment.hostOS.map(HostOSRule.normalized),
            rollingControlPlane: rolling,
            hops: hops,
            findings: state.findings.sortedForReport(),
            blocked: state.findings.hasErrors)
    }

    func hop(_ context: HopContext, state: inout State) -> UpgradePlan.Hop {
        let facts = catalog.upgrades.releases[context.to.name]
        for release in catalog.releases(after: context.from, through: context.to)
        where catalog.upgrades.releases[release.name] == nil && !state.factless.contains(release.name) {
            state.factless.insert(release.name)
            state.findings.append(finding("UPG007", .warning, "", context.blueprint,
                                          "hop \(context.number): the catalog has no upgrade facts for \(release.label) (kolla-ansible \(release.kollaAnsible ?? "?")), so this plan cannot list its RabbitMQ, MariaDB, tooling or inventory steps",
                                          fix: "read kolla-ansible's release notes for \(release.label) (Upgrade Notes) before this hop"))
        }

        var steps: [UpgradePlan.Step] = []
        let leaving = departures(context, state: &state, steps: &steps)
        steps += changes(context, phases: [.before], skipping: leaving.services, state: &state)
        let hostOS = hostOSMove(context, state: &state, steps: &steps)
        let ceph = cephSteps(context, state: &state, steps: &steps)
        let rabbitmq = rabbitmqSteps(context, state: &state, steps: &steps)
        steps += checks(context, state: &state)
        steps += upgradeSteps(context, facts: facts, rabbitmq: rabbitmq.upgrade, state: &state)
        let mariadb = mariadbVersions(context)
        if let step = mariadb.step { steps.append(step) }
        steps += changes(context, phases: [.after], skipping: leaving.services, state: &state)

        let skipped = catalog.releases.filter { $0.ordinal > context.from.ordinal && $0.ordinal < context.to.ordinal }
        return UpgradePlan.Hop(
            number: context.number,
            from: .init(context.from), to: .init(context.to),
            slurp: !skipped.isEmpty,
            skips: skipped.map(UpgradePlan.ReleaseRef.init),
            tooling: tooling(facts?.kollaAnsible, release: context.to),
            hostOS: hostOS,
            rabbitmq: rabbitmq.versions,
            mariadb: mariadb.versions,
            ceph: ceph,
            leaves: leaving.departures,
            joins: leaving.joins,
            steps: steps.enumerated().sorted { ($0.element.phase.order, $0.offset) < ($1.element.phase.order, $1.offset) }.map(\.element))
    }

    func tooling(_ tooling: UpgradeFacts.Tooling?, release: Release) -> UpgradePlan.Tooling? {
        guard let tooling else { return nil }
        return UpgradePlan.Tooling(
            kollaAnsible: release.kollaAnsible,
            ansibleCore: "\(tooling.ansibleCore.min)–\(tooling.ansibleCore.max)",
            ansibleCorePip: tooling.ansibleCore.pip,
            ansible: tooling.ansible?.description,
            python: tooling.python,
            pythonTested: tooling.pythonTested.description,
            sources: [tooling.source])
    }

    /// Fresh backups, `<service>-status upgrade check` for every service that has one, and the target's checks.
    func checks(_ context: HopContext, state: inout State) -> [UpgradePlan.Step] {
        var steps: [UpgradePlan.Step] = []
        let backup = catalog.upgrades.backup
        let command = catalog.upgrades.releases[context.from.name]?.kollaAnsible?.backupCommand
        var text: [Phrase] = [.translated(backup.translated)]
        if let command { text.append(.key("upgrade.backup.command", ["release": context.from.label, "command": command])) }
        steps.append(step(.checks, "backup", .sequence(text), commands: [], downtime: .none, sources: [backup.source]))

        let upgraded = context.packageNames.intersection(context.targetNames)
        let statusChecks = upgraded.sorted().compactMap { name in catalog.upgrades.upgradeChecks[name].map { (name, $0) } }
        if !statusChecks.isEmpty {
            let own = statusChecks.filter { !$0.1.byKolla }
            let byKolla = statusChecks.filter { $0.1.byKolla }.map(\.1.command)
            var text: [Phrase] = [.key("upgrade.check", ["release": context.to.label])]
            if !byKolla.isEmpty {
                text.append(.message("upgrade.check.byKolla", ["commands": .joined(byKolla.map { Phrase.verbatim($0) }, separator: .key("list.comma"))]))
            }
            steps.append(step(.checks, "check", .sequence(text), commands: own.map(\.1.command), downtime: .none,
                              sources: statusChecks.map(\.1.source)))
        }
        steps += changes(context, phases: [.checks], skipping: [], state: &state)
        return steps
    }

    /// Installing the target's kolla-ansible, the upgrade itself, and what it does on the way.
    func upgradeSteps(_ context: HopContext, facts: UpgradeFacts.ReleaseFacts?, rabbitmq: UpgradePlan.Step?,
                      state: inout State) -> [UpgradePlan.Step] {
        var steps: [UpgradePlan.Step] = []
        let to = context.to
        if let tooling = facts?.kollaAnsible, let major = to.kollaAnsible, let next = Int(major).map({ $0 + 1 }) {
            steps.append(step(.upgrade, "tooling",
                              .key("upgrade.tooling", ["major": major, "release": to.label, "python": tooling.python,
                                                           "tested": tooling.pythonTested.description, "pip": tooling.ansibleCore.pip,
                                                           "id": to.id ?? to.name]),
                              commands: ["pip install 'kolla-ansible>=\(major),<\(next)'", "pip install '\(tooling.ansibleCore.pip)'",
                                         "kolla-ansible install-deps", "kolla-ansible pull", "kolla-ansible prechecks"],
                              downtime: .none, sources: [tooling.source]))
        }
        let slurp = to.ordinal - context.from.ordinal > 1
        let fact = catalog.upgrades.downtime(slurp ? .slurp : .services)
        let services = catalog.upgrades.downtime(.services)
        var text: [Phrase] = [.key("upgrade.upgrade", ["release": to.label])]
        if slurp { text.append(.key("upgrade.upgrade.slurp")) }
        steps.append(step(.upgrade, "upgrade", .sequence(text), commands: ["kolla-ansible upgrade"], downtime: fact.class,
                          sources: slurp ? [fact.source, services.source] : [fact.source]))
        if let rabbitmq { steps.append(rabbitmq) }
        steps += changes(context, phases: [.upgrade], skipping: [], state: &state)
        return steps
    }

    /// The catalog's changes of every release the hop reaches, for services in the package, each shown once.
    func changes(_ context: HopContext, phases: Set<UpgradeFacts.Change.Phase>, skipping services: Set<String>,
                 state: inout State) -> [UpgradePlan.Step] {
        let names = context.packageNames.union(context.targetNames)
        var steps: [UpgradePlan.Step] = []
        for release in catalog.releases(after: context.from, through: context.to) {
            for change in catalog.upgrades.releases[release.name]?.changes ?? []
            where phases.contains(change.phase) && !state.shownChanges.contains(change.id) {
                if let service = change.service, services.contains(service) || !names.contains(service) { continue }
                guard change.appliesTo.isEmpty || !names.isDisjoint(with: change.appliesTo) else { continue }
                state.shownChanges.insert(change.id)
                var text: [Phrase] = [.translated(change.translated)]
                if let since = change.since { text.append(.key("upgrade.change.since", ["since": since])) }
                let phase = UpgradePlan.Step.Phase(rawValue: change.phase.rawValue)!
                steps.append(step(phase, change.area, .sequence(text), commands: change.commands, settings: change.settings,
                                  downtime: change.downtime, controlPlane: change.downtime == .rolling, context: context,
                                  recommended: change.level == "recommended", sources: [change.source]))
            }
        }
        return steps
    }

    /// A step; rolling control-plane steps count as an outage without HA on three or more controllers.
    func step(_ phase: UpgradePlan.Step.Phase, _ area: String, _ text: Phrase, commands: [String],
              settings: [String] = [], downtime: UpgradeFacts.Downtime, controlPlane: Bool = false, context: HopContext? = nil,
              recommended: Bool = false, sources: [String]) -> UpgradePlan.Step {
        var downtime = downtime
        var note: Phrase?
        if controlPlane, downtime == .rolling, let context, !context.rollingControlPlane {
            downtime = .outage
            note = .key(context.blueprint.ha.enabled ? "upgrade.note.fewControllers" : "upgrade.note.haOff")
        }
        return UpgradePlan.Step(phase: phase, area: area, phrase: text, commands: commands, settings: settings, downtime: downtime,
                                note: note, recommended: recommended, sources: sources)
    }

    func finding(_ id: String, _ severity: Finding.Severity, _ path: String, _ blueprint: Blueprint, _ message: String,
                 fix: String) -> Finding {
        Finding(id: id, severity: severity, path: path, message: message, fix: fix, line: blueprint.lines[path])
    }
}

extension UpgradePlan.Step.Phase {
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
