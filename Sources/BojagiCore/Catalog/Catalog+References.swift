extension Catalog {
    /// Every name the catalog refers to must exist, so the resolver never meets a dangling reference.
    func checkReferences() throws {
        let services = Set(projects.keys).union(components.keys)
        func series(_ name: String?, _ file: String, _ entry: String, _ field: String) throws {
            guard let name else { return }
            guard ordinal(of: name) != nil else {
                throw CatalogError.dangling(file: file, entry: entry, field: field, name: name)
            }
        }
        for (name, project) in projects {
            for dependency in project.requires {
                guard services.contains(dependency.name) else {
                    throw CatalogError.dangling(file: "projects.yaml", entry: name, field: "requires", name: dependency.name)
                }
                try series(dependency.since, "projects.yaml", name, "requires.since")
                try series(dependency.until, "projects.yaml", name, "requires.until")
            }
            for other in project.recommends + (project.retired?.alternatives ?? []) + [project.retired?.successor].compactMap({ $0 })
            where !services.contains(other) {
                throw CatalogError.dangling(file: "projects.yaml", entry: name, field: "recommends/retired", name: other)
            }
            for component in project.infrastructure where components[component] == nil {
                throw CatalogError.dangling(file: "projects.yaml", entry: name, field: "infrastructure", name: component)
            }
            for capability in project.capabilities where capabilities[capability] == nil {
                throw CatalogError.dangling(file: "projects.yaml", entry: name, field: "capabilities", name: capability)
            }
            try series(project.firstRelease, "projects.yaml", name, "first_release")
            try series(project.retired?.lastRelease, "projects.yaml", name, "retired.last_release")
            try series(project.kolla?.since, "projects.yaml", name, "kolla.since")
            try series(project.kolla?.removedIn, "projects.yaml", name, "kolla.removed_in")
        }
        for (name, component) in components {
            try series(component.kolla?.since, "infrastructure.yaml", name, "kolla.since")
            try series(component.kolla?.removedIn, "infrastructure.yaml", name, "kolla.removed_in")
        }
        for (name, capability) in capabilities {
            for provider in capability.providers where !services.contains(provider) {
                throw CatalogError.dangling(file: "capabilities.yaml", entry: name, field: "providers", name: provider)
            }
        }
        try checkUpgradeReferences(services: services)
        for (name, profile) in profiles {
            for capability in profile.required + profile.optional where capabilities[capability] == nil {
                throw CatalogError.dangling(file: "profiles.yaml", entry: name, field: "required/optional", name: capability)
            }
            for service in profile.services where !services.contains(service) {
                throw CatalogError.dangling(file: "profiles.yaml", entry: name, field: "services", name: service)
            }
        }
    }

    private func checkUpgradeReferences(services: Set<String>) throws {
        let file = "upgrades.yaml"
        guard release(named: upgrades.route.slurpSince) != nil else {
            throw CatalogError.dangling(file: file, entry: "route", field: "slurp_since", name: upgrades.route.slurpSince)
        }
        for kind in UpgradeFacts.StepKind.allCases where upgrades.downtime[kind.rawValue] == nil {
            throw CatalogError.missing(path: file, reason: "downtime has no entry '\(kind.rawValue)'")
        }
        for name in upgrades.upgradeChecks.keys where projects[name] == nil {
            throw CatalogError.dangling(file: file, entry: "upgrade_checks", field: "key", name: name)
        }
        for name in upgrades.ceph.majors.keys where !StorageDecoder.cephReleases.contains(name) {
            throw CatalogError.dangling(file: file, entry: "ceph", field: "majors", name: name)
        }
        for (name, facts) in upgrades.releases {
            guard release(named: name)?.name == name else {
                throw CatalogError.dangling(file: file, entry: "releases", field: "key", name: name)
            }
            for change in facts.changes {
                for service in change.appliesTo + [change.service].compactMap({ $0 }) where !services.contains(service) {
                    throw CatalogError.dangling(file: file, entry: "\(name).\(change.id)", field: "applies_to/service", name: service)
                }
            }
        }
    }
}
