/// Makes a plan from a blueprint: resolve, explain, total, and compare with the vendor package.
public struct PlanService: Sendable {
    public static let vendorProfile = "vendor-everything"

    public let catalog: Catalog
    let inventory: KollaInventory
    let today: Day
    /// The files the blueprint names (TLS certificates), read where the blueprint lives.
    let files: any BlueprintFiles
    let validator: Validator

    public init(catalog: Catalog, inventory: KollaInventory, today: Day, files: any BlueprintFiles, validator: Validator = Validator()) {
        self.catalog = catalog
        self.inventory = inventory
        self.today = today
        self.files = files
        self.validator = validator
    }

    public func plan(_ blueprint: Blueprint) -> Plan {
        let resolver = Resolver(catalog: catalog)
        let result = resolver.resolve(blueprint)
        var vendorBlueprint = Blueprint(release: blueprint.release, profile: Self.vendorProfile)
        vendorBlueprint.ha = blueprint.ha
        vendorBlueprint.monitoring = blueprint.monitoring
        let vendor = resolver.resolve(vendorBlueprint).services
        let release = catalog.release(named: blueprint.release)!
        let profile = catalog.profiles[blueprint.profile]!
        let topology = Topology.make(blueprint: blueprint, services: result.services, catalog: catalog, inventory: inventory)
        let context = RuleContext(blueprint: blueprint, catalog: catalog, release: release, services: result.services,
                                  topology: topology, today: today, files: files)
        let findings = result.findings + validator.validate(context)
        return Plan(
            name: blueprint.name,
            release: Plan.ReleaseSummary(name: release.name, id: release.id, label: release.label,
                                         status: release.status(on: today), slurp: release.slurp,
                                         kollaAnsible: release.kollaAnsible,
                                         ceph: blueprint.storage.ceph?.release ?? release.recommendedCeph),
            profile: profile.name,
            profileTitle: profile.title,
            services: result.services.members.map { row($0, release: release) },
            infrastructure: result.services.infrastructure.map { row($0, release: release) },
            gaps: result.services.gaps.map { Plan.Gap(capability: $0.capability, explanation: $0.explanation, alternatives: $0.alternatives) },
            offered: result.services.offered,
            topology: blueprint.hosts.isEmpty ? nil : topology,
            hosts: blueprint.hosts,
            capacitySettings: blueprint.capacity,
            findings: findings.sortedForReport(),
            totals: totals(result.services),
            vendor: totals(vendor))
    }

    /// A member's row. Its kolla flag only where the release's kolla-ansible deploys it: tooling such as Rally stays
    /// in the package after kolla dropped it (installed beside the cloud), and its old flag would promise a deploy.
    private func row(_ member: ServiceSet.Member, release: Release) -> Plan.Row {
        let why = member.reasons.map(\.text)
        if let project = catalog.projects[member.name] {
            let maturity = project.maturity
            return Plan.Row(name: member.name, kind: .project,
                            type: project.serviceType ?? project.capabilities.first ?? project.kind.rawValue,
                            title: project.title, why: why, core: member.isCore,
                            maturity: maturity.isUnknown ? nil : maturity.points, maturityPartial: maturity.unknown > 0,
                            adoption: project.navigator?.adoption,
                            kollaFlag: catalog.kollaDeploys(project.kolla, in: release) ? project.kolla?.flag : nil)
        }
        let component = catalog.components[member.name]!
        return Plan.Row(name: member.name, kind: .component, type: "infrastructure", title: component.title, why: why,
                        core: false, maturity: nil, maturityPartial: false, adoption: nil,
                        kollaFlag: catalog.kollaDeploys(component.kolla, in: release) ? component.kolla?.flag : nil)
    }

    func totals(_ set: ServiceSet) -> Plan.Totals {
        let footprint = (set.members + set.infrastructure).reduce(Footprint.zero) { sum, member in
            sum + (catalog.projects[member.name]?.footprint ?? catalog.components[member.name]?.footprint ?? .zero)
        }
        return Plan.Totals(projects: set.projectCount, containers: footprint.controllerContainers,
                           controllerMemoryMiB: footprint.controllerMemoryMiB)
    }
}
