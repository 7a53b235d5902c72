/// Turns a blueprint into a service set: the profile's capabilities, the services the blueprint adds, every
/// hard dependency and the infrastructure under them — for the target release, with a reason for each member.
public struct Resolver: Sendable {
    let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public struct Result: Sendable {
        public let services: ServiceSet
        public let findings: [Finding]
    }

    public func resolve(_ blueprint: Blueprint) -> Result {
        var state = State(catalog: catalog, blueprint: blueprint,
                          release: catalog.release(named: blueprint.release)!)
        let profile = catalog.profiles[blueprint.profile]!
        let removedCapabilities = Set(blueprint.capabilities.remove)

        for capability in profile.required where !removedCapabilities.contains(capability) {
            state.provide(capability, path: "profile", addedByBlueprint: false)
        }
        for (index, capability) in blueprint.capabilities.add.enumerated() where !profile.required.contains(capability) {
            state.provide(capability, path: "capabilities.add[\(index)]", addedByBlueprint: true)
        }
        for service in profile.services {
            state.include(service, reason: .profile(profile.name), path: "profile", explicit: false)
        }
        for (index, service) in blueprint.services.add.enumerated() {
            state.include(service, reason: .added, path: "services.add[\(index)]", explicit: true)
        }
        state.closeDependencies()
        state.addSettingsInfrastructure()
        state.addInfrastructure()
        state.addDatabaseProxy()
        state.markCore()
        state.applyPolicy()
        state.offer(profile.optional.filter { !blueprint.capabilities.add.contains($0) })
        return Result(services: state.set.sorted(), findings: state.findings)
    }
}

private struct State {
    let catalog: Catalog
    let blueprint: Blueprint
    let release: Release
    var set = ServiceSet()
    var findings: [Finding] = []
    var removed: Set<String> { Set(blueprint.services.remove) }

    init(catalog: Catalog, blueprint: Blueprint, release: Release) {
        self.catalog = catalog
        self.blueprint = blueprint
        self.release = release
    }

    mutating func finding(_ id: String, _ severity: Finding.Severity, _ path: String, _ message: String, fix: String?) {
        findings.append(Finding(id: id, severity: severity, path: path, message: message, fix: fix,
                                line: blueprint.lines[path]))
    }

    /// Picks the first provider of `capability` that the release has and kolla-ansible deploys.
    mutating func provide(_ capability: String, path: String, addedByBlueprint: Bool) {
        let providers = catalog.capabilities[capability]!.providers
        var skipped: [(name: String, why: String)] = []
        for provider in providers {
            if removed.contains(provider) {
                skipped.append((provider, "bojagi.yaml removes \(provider)"))
                continue
            }
            guard catalog.availability(of: provider, in: release).isAvailable else {
                skipped.append((provider, catalog.unavailability(of: provider, in: release)))
                continue
            }
            let reason: Reason = skipped.first.map {
                .substitute(capability: capability, for: $0.name, because: $0.why)
            } ?? .capability(capability, addedByBlueprint: addedByBlueprint)
            add(provider, reason)
            return
        }
        gap(capability, skipped: skipped, path: path)
    }

    private mutating func gap(_ capability: String, skipped: [(name: String, why: String)], path: String) {
        let alternatives = skipped.flatMap { catalog.projects[$0.name]?.retired?.alternatives ?? [] }
        let notes = skipped.compactMap { catalog.projects[$0.name]?.retired?.note }
        let explanation = skipped.map(\.why).joined(separator: "; ")
        set.gaps.append(ServiceSet.Gap(capability: capability, explanation: explanation, alternatives: alternatives))
        var fix = notes.first.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } ?? "remove it with `capabilities: remove: [\(capability)]`"
        if let last = skipped.compactMap({ catalog.lastRelease(of: catalog.projects[$0.name]!) }).last,
           catalog.projects[skipped.last!.name] != nil {
            fix += "; or target \(last.label), the last release that has \(skipped.last!.name)"
        }
        finding("SVC002", .warning, path,
                "nothing in \(release.label) provides capability \(capability): \(explanation)"
                    + (alternatives.isEmpty ? "" : "; alternatives: \(alternatives.joined(separator: ", "))"),
                fix: fix)
    }

    /// A service named outright, by the profile or by the blueprint.
    mutating func include(_ name: String, reason: Reason, path: String, explicit: Bool) {
        if removed.contains(name) { return }
        let availability = catalog.availability(of: name, in: release)
        guard availability.isAvailable else {
            let project = catalog.projects[name]
            var fix: String
            if let successor = project?.retired?.successor {
                fix = "use \(successor) instead"
            } else if let replacement = replacementProvider(for: name) {
                fix = "use \(replacement) instead, which provides the same API"
            } else if let note = project?.retired?.note {
                fix = note
            } else {
                fix = "remove \(name) from services.add, or choose a release that has it"
            }
            if explicit { fix = "remove '\(name)' from services.add; " + fix }
            finding(explicit ? "SVC001" : "SVC003", explicit ? .error : .warning, path,
                    catalog.unavailability(of: name, in: release) + ", so it is not part of this package", fix: fix)
            return
        }
        add(name, reason)
    }

    /// Another available provider of a capability `name` provides.
    private func replacementProvider(for name: String) -> String? {
        let capabilities = catalog.projects[name]?.capabilities ?? []
        for capability in capabilities {
            for provider in catalog.capabilities[capability]?.providers ?? [] where provider != name {
                if catalog.availability(of: provider, in: release).isAvailable { return provider }
            }
        }
        return nil
    }

    mutating func add(_ name: String, _ reason: Reason) {
        if let index = set.members.firstIndex(where: { $0.name == name }) {
            if !set.members[index].reasons.contains(reason) { set.members[index].reasons.append(reason) }
            return
        }
        let kind: ServiceSet.Member.Kind = catalog.projects[name] != nil ? .project : .component
        set.members.append(ServiceSet.Member(name: name, kind: kind, reasons: [reason]))
    }

    /// Adds every hard dependency that holds in the release, until nothing changes.
    mutating func closeDependencies() {
        var index = 0
        while index < set.members.count {
            let member = set.members[index]
            index += 1
            guard let project = catalog.projects[member.name] else { continue }
            for dependency in project.requires where catalog.release(release, isWithin: dependency.since, dependency.until) {
                let reason = Reason.requiredBy(member.name, since: dependency.since, note: dependency.note)
                if catalog.components[dependency.name] != nil, catalog.projects[dependency.name] == nil {
                    continue  // infrastructure is added by addInfrastructure
                }
                if removed.contains(dependency.name) {
                    let path = "services.remove[\(blueprint.services.remove.firstIndex(of: dependency.name)!)]"
                    finding("SVC005", .error, path, "\(member.name) requires \(dependency.name), which bojagi.yaml removes",
                            fix: "keep \(dependency.name), or also remove \(member.name)")
                    continue
                }
                guard catalog.availability(of: dependency.name, in: release).isAvailable else {
                    finding("SVC006", .error, "profile",
                            "\(member.name) requires \(dependency.name), but " + catalog.unavailability(of: dependency.name, in: release),
                            fix: "remove \(member.name), or choose a release that has \(dependency.name)")
                    continue
                }
                add(dependency.name, reason)
            }
        }
    }

    /// Load balancing and VIP for HA, Prometheus and central logging, as the blueprint asks.
    mutating func addSettingsInfrastructure() {
        if blueprint.ha.enabled {
            needComponent("haproxy", .setting("ha.enabled"))
            needComponent("keepalived", .setting("ha.enabled"))
            // Active-active cinder-volume needs a coordination backend (kolla-ansible's cinder precheck);
            // kolla derives cinder_coordination_backend from enable_valkey (redis before 2025.2).
            if set.members.contains(where: { $0.name == "cinder" }) {
                needComponent("valkey", .setting("ha.enabled", why: "resolver.why.coordination"))
            }
        }
        if blueprint.monitoring.prometheus { needComponent("prometheus", .setting("monitoring.prometheus")) }
        if blueprint.monitoring.grafana { needComponent("grafana", .setting("monitoring.grafana")) }
        if blueprint.monitoring.centralLogging {
            needComponent("opensearch", .setting("monitoring.central_logging"))
            needComponent("fluentd", .setting("monitoring.central_logging"))
        }
    }

    /// ProxySQL balances MariaDB where kolla-ansible deploys it by default (Dalmatian on); without HA render
    /// turns it off, since it would take the controller's database port.
    mutating func addDatabaseProxy() {
        guard blueprint.ha.enabled, set.infrastructure.contains(where: { $0.name == "mariadb" }),
              catalog.kollaEnablesByDefault(catalog.components["proxysql"]?.kolla, in: release) else { return }
        needComponent("proxysql", .setting("ha.enabled", why: "resolver.why.proxysql"))
    }

    mutating func addInfrastructure() {
        for member in set.members {
            let needs = catalog.projects[member.name].map { project in
                project.infrastructure + project.requires.filter {
                    catalog.projects[$0.name] == nil && catalog.release(release, isWithin: $0.since, $0.until)
                }.map(\.name)
            } ?? []
            for component in needs { needComponent(component, .requiredBy(member.name, since: nil, note: nil)) }
        }
    }

    /// Adds a component, or the one that replaces it (or that it replaced) in this release.
    private mutating func needComponent(_ name: String, _ reason: Reason) {
        if let chosen = componentForRelease(name), removed.contains(chosen) {
            // The blueprint's choice wins; a project that cannot work without the component is an error.
            if case let .requiredBy(project, _, _) = reason {
                let path = "services.remove[\(blueprint.services.remove.firstIndex(of: chosen)!)]"
                finding("SVC005", .error, path, "\(project) requires \(chosen), which bojagi.yaml removes",
                        fix: "keep \(chosen), or also remove \(project)")
            }
            return
        }
        guard let chosen = componentForRelease(name) else {
            if catalog.components[name] != nil {
                finding("SVC007", .warning, "profile", catalog.unavailability(of: name, in: release) + ", which \(reasonSubject(reason)) needs",
                        fix: "provide \(name) outside kolla-ansible, or choose a release whose kolla-ansible deploys it")
            }
            return
        }
        if let index = set.infrastructure.firstIndex(where: { $0.name == chosen }) {
            if !set.infrastructure[index].reasons.contains(reason) { set.infrastructure[index].reasons.append(reason) }
        } else {
            set.infrastructure.append(ServiceSet.Member(name: chosen, kind: .component, reasons: [reason]))
        }
    }

    private func reasonSubject(_ reason: Reason) -> String {
        switch reason {
        case let .requiredBy(name, _, _): name
        case let .setting(path, why): Reason.settingText(path, why: why)
        default: "the package"
        }
    }

    private func componentForRelease(_ name: String) -> String? {
        guard let component = catalog.components[name] else { return nil }
        if catalog.kollaDeploys(component.kolla, in: release) || component.kolla == nil { return name }
        let related = catalog.components.values.filter { $0.replaces == name || component.replaces == $0.name }
        return related.first { catalog.kollaDeploys($0.kolla, in: release) }?.name
    }

    mutating func markCore() {
        for index in set.members.indices {
            guard let project = catalog.projects[set.members[index].name] else { continue }
            set.members[index].isCore = project.maturity.points >= blueprint.policy.minMaturity
                && (project.navigator?.adoption ?? 0) >= blueprint.policy.coreAdoption
        }
    }

    mutating func applyPolicy() {
        let policy = blueprint.policy
        let count = set.projectCount
        if count > policy.maxProjects {
            finding("POL001", .advice, blueprint.lines["policy.max_projects"] != nil ? "policy.max_projects" : "profile",
                    "\(count) OpenStack projects: more than the \(policy.maxProjects) that most sites run (2017 user survey: 8–9); each one is upgraded, monitored and patched",
                    fix: "remove what the business does not use (services.remove / capabilities.remove), or raise policy.max_projects")
        }
        for member in set.members {
            guard let project = catalog.projects[member.name], project.kind == .service else { continue }
            // A dependency is not a choice: its maturity shows in the table, not as a finding.
            if member.reasons.allSatisfy({ if case .requiredBy = $0 { true } else { false } }) { continue }
            let maturity = project.maturity
            guard !maturity.isUnknown, maturity.points < policy.minMaturity else { continue }
            let why = member.reasons.map(\.text).joined(separator: "; ")
            finding("POL002", policy.belowPolicy, "policy.min_maturity",
                    "\(member.name) has maturity \(maturity.points)/8, below the policy's \(policy.minMaturity) (\(why))",
                    fix: "budget extra operations and upgrade testing for \(member.name), or drop what needs it; set policy.below_policy to change this severity")
        }
    }

    mutating func offer(_ capabilities: [String]) {
        for capability in capabilities {
            let provider = catalog.capabilities[capability]!.providers.first {
                catalog.availability(of: $0, in: release).isAvailable && !removed.contains($0)
            }
            if let provider, !set.contains(provider) { set.offered[capability] = provider }
        }
    }
}

extension ServiceSet {
    func sorted() -> ServiceSet {
        var copy = self
        copy.members.sort { $0.name < $1.name }
        copy.infrastructure.sort { $0.name < $1.name }
        return copy
    }
}

extension Resolver {
    /// Why a setting needs a component, by message key: the English of `Reason.setting`'s `why`; the manual's
    /// other languages have the same keys in their catalog.
    public static let messages: [String: String] = [
        "resolver.why.coordination": "coordination for active-active cinder-volume",
        "resolver.why.proxysql": "kolla-ansible balances MariaDB through ProxySQL",
    ]
}
