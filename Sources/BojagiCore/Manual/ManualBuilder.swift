/// What one manual is made from: the render context (blueprint, plan, catalog), the cloud's alert rules, the
/// lab's records and the upgrade plan to the next release. The builder draws the topology in its language.
public struct ManualInput: Sendable {
    public let context: RenderContext
    public let alerts: [AlertGroup]
    public let records: MeasuredRecords
    /// The way to the next release, when the catalog has one.
    public let upgrade: UpgradePlan?
    /// The deployment directory as kolla-ansible's `-i`/`--configdir` name it in the runbooks.
    public let deployment: String

    public init(context: RenderContext, alerts: [AlertGroup], records: MeasuredRecords, upgrade: UpgradePlan?,
                deployment: String = "deployment") {
        self.context = context
        self.alerts = alerts
        self.records = records
        self.upgrade = upgrade
        self.deployment = deployment
    }
}

/// Builds the manual's document for one language: the cloud, measured facts, the hybrid pattern and training
/// on `index.html`; the alert index and the runbooks on `runbooks.html`. Pure.
public struct ManualBuilder: Sendable {
    let t: ManualMessages

    public init(messages: ManualMessages) {
        t = messages
    }

    public static let indexPage = "index.html"
    public static let runbooksPage = "runbooks.html"

    public func build(_ input: ManualInput) -> ManualDocument {
        let cloud = ManualCloud(context: input.context, deployment: input.deployment)
        let runbooks = runbooks(cloud, upgrade: input.upgrade, alerts: input.alerts.flatMap(\.rules).map(\.name))
        let index = ManualDocument.Page(file: Self.indexPage, title: t("page.index"), sections: [
            package(cloud), release(cloud), topology(cloud), storage(cloud), availability(cloud),
            endpoints(cloud), measured(input.records), hybrid(cloud), training(cloud),
        ].compactMap { $0 })
        let runbookPage = ManualDocument.Page(file: Self.runbooksPage, title: t("page.runbooks"), sections: [
            alertIndex(input.alerts, runbooks: runbooks),
        ] + runbooks.map { ManualDocument.Section(id: $0.id, title: $0.title, blocks: [.runbook($0)]) })
        return ManualDocument(language: t.language, title: t("manual.title", ["cloud": cloud.name]),
                              subtitle: t("manual.subtitle", ["profile": profileTitle(cloud), "release": cloud.plan.release.label]),
                              pages: [index, runbookPage], runbooks: runbooks)
    }

    // MARK: the package

    func package(_ cloud: ManualCloud) -> ManualDocument.Section {
        let plan = cloud.plan
        let members = Resolver(catalog: cloud.context.catalog).resolve(cloud.blueprint).services
        var rows: [[String]] = []
        for member in members.members {
            let row = plan.services.first { $0.name == member.name }
            rows.append([member.name, title(member.name, cloud, english: row?.title), row?.maturity.map { "\($0)/8" } ?? "–",
                         row?.adoption.map { "\($0)%" } ?? "–", reasons(member.reasons)])
        }
        var infra: [[String]] = []
        for member in members.infrastructure {
            infra.append([member.name, reasons(member.reasons)])
        }
        var blocks: [ManualDocument.Block] = [
            .paragraph(t("package.intro", ["profile": profileTitle(cloud), "projects": "\(plan.totals.projects)",
                                           "vendor": "\(plan.vendor.projects)", "containers": "\(plan.totals.containers)",
                                           "vendorContainers": "\(plan.vendor.containers)"])),
            .table(.init(header: [t("col.service"), t("col.title"), t("col.maturity"), t("col.adoption"), t("col.why")], rows: rows)),
            .paragraph(t("package.infrastructure")),
            .table(.init(header: [t("col.component"), t("col.why")], rows: infra)),
        ]
        let left = leftOut(cloud)
        if !left.isEmpty {
            blocks.append(.paragraph(t("package.leftout")))
            blocks.append(.table(.init(header: [t("col.service"), t("col.whyNot")], rows: left)))
        }
        for gap in plan.gaps {
            blocks.append(.note(t("package.gap", ["capability": gap.capability, "alternatives": gap.alternatives.joined(separator: ", ")])))
        }
        return .init(id: "package", title: t("package.title"), blocks: blocks)
    }

    /// A service's title in this language: the catalog's `title_ko` beside the English one. Tooling titles
    /// are product names and have none (every service's is checked by ManualKoreanTests).
    func title(_ name: String, _ cloud: ManualCloud, english: String?) -> String {
        guard let english else { return name }
        let catalog = cloud.context.catalog
        let korean = catalog.projects[name]?.titleKo ?? catalog.components[name]?.titleKo
        return t(.translated(Translated(en: english, ko: korean ?? english)))
    }

    /// The profile's title in this language (`title_ko` in profiles.yaml beside the English one).
    func profileTitle(_ cloud: ManualCloud) -> String {
        guard let profile = cloud.context.catalog.profiles[cloud.plan.profile] else { return cloud.plan.profileTitle }
        return t(.translated(Translated(en: cloud.plan.profileTitle, ko: profile.titleKo)))
    }

    /// One phrase per reason, with every "required by" folded into one: `required by cinder, glance, nova`.
    func reasons(_ reasons: [Reason]) -> String {
        var required: [String] = []
        var phrases: [String] = []
        for item in reasons {
            if case let .requiredBy(name, _, _) = item { required.append(name) } else { phrases.append(reason(item)) }
        }
        if !required.isEmpty { phrases.append(t("reason.requiredBy", ["service": required.joined(separator: ", ")])) }
        return phrases.joined(separator: "; ")
    }

    func reason(_ reason: Reason) -> String {
        switch reason {
        case let .capability(name, added): t(added ? "reason.capabilityAdded" : "reason.capability", ["capability": name])
        case let .substitute(capability, preferred, _): t("reason.substitute", ["capability": capability, "preferred": preferred])
        case let .requiredBy(name, _, _): t("reason.requiredBy", ["service": name])
        case let .profile(name): t("reason.profile", ["profile": name])
        case .added: t("reason.added")
        case let .setting(path, why):
            t("reason.setting", ["setting": why.map { t("reason.settingWhy", ["setting": path, "why": t($0)]) } ?? path])
        }
    }

    /// The seed's vendor "everything" package minus this one, each with why it is not here.
    func leftOut(_ cloud: ManualCloud) -> [[String]] {
        let catalog = cloud.context.catalog
        let release = cloud.context.release
        let vendor = catalog.profiles[PlanService.vendorProfile]?.services ?? []
        let policy = cloud.blueprint.policy
        return vendor.filter { !cloud.has($0) }.sorted().map { name in
            let why: String
            switch catalog.availability(of: name, in: release) {
            case let .retired(last):
                why = last.map { t("leftout.retired", ["last": catalog.label($0)]) } ?? t("leftout.retiredUnknown")
            case .notDeployed:
                why = t("leftout.notDeployed", ["release": release.label])
            case let .notYetReleased(first):
                why = t("leftout.notYet", ["first": catalog.label(first)])
            case .available:
                let project = catalog.projects[name]
                let maturity = project.map(\.maturity)
                if let maturity, !maturity.isUnknown, maturity.points < policy.minMaturity {
                    why = t("leftout.belowPolicy", ["points": "\(maturity.points)", "min": "\(policy.minMaturity)"])
                } else if let adoption = project?.navigator?.adoption, adoption < policy.coreAdoption {
                    why = t("leftout.lowAdoption", ["adoption": "\(adoption)", "min": "\(policy.coreAdoption)"])
                } else {
                    why = t("leftout.notNeeded", ["profile": profileTitle(cloud)])
                }
            }
            return [name, why]
        }
    }

    // MARK: release

    func release(_ cloud: ManualCloud) -> ManualDocument.Section {
        let release = cloud.context.release
        let summary = cloud.plan.release
        var rows: [[String]] = release.phases.map { [t("phase.\($0.status.replacingOccurrences(of: " ", with: "-"))"), $0.from?.description ?? "–"] }
        if let eol = release.eolDate { rows.append([t("phase.end-of-life"), eol.description]) }
        var blocks: [ManualDocument.Block] = [
            .paragraph(t("release.intro", ["release": summary.label, "date": release.date.description,
                                           "status": t("phase.\(summary.status.replacingOccurrences(of: " ", with: "-"))"),
                                           "kolla": summary.kollaAnsible ?? "–", "ceph": summary.ceph ?? "–"])),
            .paragraph(t(summary.slurp ? "release.slurp" : "release.notSlurp")),
            .table(.init(header: [t("col.phase"), t("col.from")], rows: rows)),
        ]
        if release.eolDate == nil { blocks.append(.note(t("release.noEOL"))) }
        return .init(id: "release", title: t("release.title"), blocks: blocks)
    }
}
