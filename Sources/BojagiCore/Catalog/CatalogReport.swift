/// The catalog as tables and fact sheets for `bojagi catalog` and `bojagi profiles`.
public struct CatalogReport: Sendable {
    let catalog: Catalog
    let today: Day

    public init(catalog: Catalog, today: Day) {
        self.catalog = catalog
        self.today = today
    }

    /// Every project; with a release, only those that exist in it, with whether kolla-ansible deploys them.
    public func projects(release: Release?) -> String {
        var table = TextTable(["PROJECT", "TYPE", "FIRST", "RETIRED", "KOLLA", "MATURITY", "ADOPTION", "TITLE"])
        for project in catalog.projects.values.sorted(by: { $0.name < $1.name }) {
            if let release, !catalog.exists(project, in: release) { continue }
            let retired = catalog.lastRelease(of: project).map { "after \($0.name)" } ?? (project.retired == nil ? "–" : "yes")
            table.append([project.name, project.serviceType ?? project.kind.rawValue, project.firstRelease ?? "?", retired,
                          kolla(project.kolla, release: release), maturity(project),
                          project.navigator?.adoption.map { "\($0)%" } ?? "–", project.title])
        }
        var out = table.render()
        if let release { out += "\n\(table.rows.count) projects exist in \(release.label).\n" }
        return out
    }

    public func releases() -> String {
        var table = TextTable(["RELEASE", "ID", "DATE", "STATUS TODAY", "SLURP", "KOLLA-ANSIBLE", "KOLLA BRANCH", "CEPH"])
        for release in catalog.releases {
            table.append([release.title, release.id ?? "–", release.date.description, release.status(on: today),
                          release.slurp ? "yes" : "–", release.kollaAnsible ?? "?", kollaBranch(release),
                          release.ceph.joined(separator: ", ")])
        }
        return table.render() + "\nStatus as of \(today) (openstack/releases series_status.yaml); kolla-ansible's branches from "
            + "openstack/releases deliverables/<series>/kolla-ansible.yaml.\n"
    }

    /// The branch kolla-ansible keeps for the release, and where the series has since moved it on.
    private func kollaBranch(_ release: Release) -> String {
        guard let branch = release.kollaAnsibleBranch, let status = release.kollaAnsibleStatus(on: today) else { return "?" }
        return status == branch.status ? branch.ref : "\(branch.ref) → \(status.rawValue)"
    }

    /// One project's facts, each with its source.
    public func project(_ project: Project, release: Release?) -> String {
        var out = "\(project.name) — \(project.title)\n"
        if !project.description.isEmpty { out += "  \(project.description)\n" }
        out += "\n"
        var facts: [(String, String)] = [
            ("kind", project.kind.rawValue),
            ("service type", project.serviceType ?? "–"),
            ("team", project.team ?? "–"),
            ("capabilities", project.capabilities.isEmpty ? "–" : project.capabilities.joined(separator: ", ")),
            ("requires", project.requires.isEmpty ? "–" : project.requires.map(dependency).joined(separator: ", ")),
            ("recommends", project.recommends.isEmpty ? "–" : project.recommends.joined(separator: ", ")),
            ("infrastructure", project.infrastructure.isEmpty ? "–" : project.infrastructure.joined(separator: ", ")),
            ("first release", project.firstRelease.map(catalog.label) ?? "?"),
        ]
        if let retired = project.retired {
            var text = "retired" + (retired.on.map { " on \($0)" } ?? "")
            if let last = catalog.lastRelease(of: project) { text += ", last release \(last.label)" }
            if let successor = retired.successor { text += "; successor \(successor)" }
            if !retired.alternatives.isEmpty { text += "; alternatives \(retired.alternatives.joined(separator: ", "))" }
            facts.append(("life cycle", text))
            if let note = retired.note { facts.append(("", note)) }
        } else {
            facts.append(("life cycle", "active"))
        }
        facts.append(("kolla-ansible", kolla(project.kolla, release: release)))
        if let containers = project.kolla?.containers, !containers.isEmpty {
            facts.append(("containers", containers.joined(separator: ", ")))
        }
        if let footprint = project.footprint {
            facts.append(("footprint", "\(footprint.controllerContainers) containers, \(footprint.controllerMemoryMiB) MiB per controller"))
        }
        let maturity = project.maturity
        facts.append(("maturity", maturity.isUnknown ? "unknown (no Project Navigator data)" : "\(maturity.points)/8"))
        for criterion in maturity.criteria {
            facts.append(("  " + criterion.name, criterion.met.map { $0 ? "yes" : "no" } ?? "unknown"))
        }
        if let users = project.survey2023Users { facts.append(("2023 survey", "\(users) production users")) }
        if let release {
            let availability = catalog.availability(of: project.name, in: release)
            facts.append(("in \(release.label)", availability.isAvailable ? "available" : catalog.unavailability(of: project.name, in: release)))
        }
        var table = TextTable(["", ""])
        table.rows = facts.map { [$0.0, $0.1] }
        out += table.render(indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        if !project.sources.isEmpty {
            out += "\nSources\n"
            for (key, value) in project.sources.sorted(by: { $0.key < $1.key }) { out += "  \(key): \(value)\n" }
        }
        return out
    }

    public func profiles() -> String {
        var out = ""
        for profile in catalog.profiles.values.sorted(by: { $0.name < $1.name }) {
            out += "\(profile.name) — \(profile.title)\n"
            out += "  \(profile.description)\n"
            if !profile.required.isEmpty { out += "  required: \(profile.required.joined(separator: ", "))\n" }
            if !profile.optional.isEmpty { out += "  optional: \(profile.optional.joined(separator: ", "))\n" }
            if !profile.services.isEmpty { out += "  services: \(profile.services.joined(separator: ", "))\n" }
            out += "  source: \(profile.source)\n\n"
        }
        return out
    }

    public func capabilities(release: Release?) -> String {
        var table = TextTable(["CAPABILITY", "PROVIDERS", "TITLE"])
        for capability in catalog.capabilities.values.sorted(by: { $0.name < $1.name }) {
            let providers = capability.providers.map { name in
                guard let release, !catalog.availability(of: name, in: release).isAvailable else { return name }
                return "(\(name))"
            }
            table.append([capability.name, providers.joined(separator: ", "), capability.title])
        }
        var out = table.render()
        if let release { out += "\nProviders in parentheses are not available in \(release.label).\n" }
        return out
    }

    private func dependency(_ dependency: Project.Dependency) -> String {
        switch (dependency.since, dependency.until) {
        case let (since?, until?): "\(dependency.name) (\(since)–\(until))"
        case let (since?, nil): "\(dependency.name) (since \(since))"
        case let (nil, until?): "\(dependency.name) (until \(until))"
        case (nil, nil): dependency.name
        }
    }

    private func kolla(_ kolla: KollaSupport?, release: Release?) -> String {
        guard let kolla else { return "–" }
        if let release {
            return catalog.kollaDeploys(kolla, in: release) ? kolla.flag : "not in \(release.name)"
        }
        var text = kolla.flag
        if let since = kolla.since { text += " since \(since)" }
        if let removed = kolla.removedIn { text += ", removed in \(removed)" }
        return text
    }

    private func maturity(_ project: Project) -> String {
        let maturity = project.maturity
        return maturity.isUnknown ? "–" : "\(maturity.points)/8"
    }
}
