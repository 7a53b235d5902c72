import Foundation
import Yams

/// Bojagi's knowledge of OpenStack, loaded from the YAML files under `Resources/catalog`.
public struct Catalog: Sendable {
    public let releases: [Release]
    /// Code names of every series, oldest first, including those before the first target release.
    public let seriesOrder: [String]
    public let projects: [String: Project]
    public let components: [String: Component]
    public let capabilities: [String: Capability]
    public let profiles: [String: Profile]
    /// What upgrading between releases involves (`upgrades.yaml`).
    public let upgrades: UpgradeFacts

    public init(releases: [Release], earlierSeries: [String], projects: [String: Project],
                components: [String: Component], capabilities: [String: Capability],
                profiles: [String: Profile], upgrades: UpgradeFacts) {
        self.releases = releases
        self.seriesOrder = earlierSeries + releases.map(\.name)
        self.projects = projects
        self.components = components
        self.capabilities = capabilities
        self.profiles = profiles
        self.upgrades = upgrades
    }

    /// The catalog that ships with Bojagi.
    public static func bundled() throws -> Catalog {
        guard let directory = Bundle.module.url(forResource: "catalog", withExtension: nil) else {
            throw CatalogError.missing(path: "catalog", reason: "the catalog resource is not in the bundle")
        }
        return try load(from: directory)
    }

    public static func load(from directory: URL) throws -> Catalog {
        let releases: ReleasesFile = try decode("releases.yaml", in: directory)
        let projects: ProjectsFile = try decode("projects.yaml", in: directory)
        let components: ComponentsFile = try decode("infrastructure.yaml", in: directory)
        let capabilities: CapabilitiesFile = try decode("capabilities.yaml", in: directory)
        let profiles: ProfilesFile = try decode("profiles.yaml", in: directory)
        let upgrades: UpgradeFacts = try decode("upgrades.yaml", in: directory)
        let catalog = Catalog(releases: releases.releases, earlierSeries: releases.earlierSeries ?? [],
                              projects: projects.projects, components: components.components,
                              capabilities: capabilities.capabilities, profiles: profiles.profiles,
                              upgrades: upgrades)
        try catalog.checkReferences()
        return catalog
    }

    private static func decode<T: Decodable>(_ file: String, in directory: URL) throws -> T {
        let url = directory.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CatalogError.missing(path: url.path, reason: "cannot read the file")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw CatalogError.invalid(path: url.path, reason: String(describing: error))
        }
    }

    // MARK: Lookups

    /// The release a user named: `Queens`, `queens`, `2025.1` or `2025.1 Epoxy`.
    public func release(named text: String) -> Release? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        let words = key.split(separator: " ").map(String.init)
        return releases.first { release in
            words.allSatisfy { $0 == release.name || $0 == release.id }
        }
    }

    public func ordinal(of series: String) -> Int? {
        seriesOrder.firstIndex(of: series.lowercased()).map { $0 + 1 }
    }

    /// Every name a blueprint may use for a service: projects and infrastructure components.
    public var serviceNames: [String] {
        (Array(projects.keys) + Array(components.keys)).sorted()
    }

    /// Whether `release` falls inside `since...until` (either end open).
    public func release(_ release: Release, isWithin since: String?, _ until: String?) -> Bool {
        if let since, let start = ordinal(of: since), release.ordinal < start { return false }
        if let until, let end = ordinal(of: until), release.ordinal > end { return false }
        return true
    }

    /// The last release that shipped a retired project: the catalog's `last_release`, else the last release
    /// before governance's retired-on date.
    public func lastRelease(of project: Project) -> Release? {
        guard let retired = project.retired else { return nil }
        if let name = retired.lastRelease { return release(named: name) }
        guard let day = retired.on else { return nil }
        return releases.last { $0.date < day }
    }

    /// Whether `project` is part of `release`: born, and not yet retired.
    public func exists(_ project: Project, in release: Release) -> Bool {
        if let first = project.firstRelease, let start = ordinal(of: first), release.ordinal < start { return false }
        guard let retired = project.retired else { return true }
        if let last = lastRelease(of: project) { return release.ordinal <= last.ordinal }
        // Retired before every release the catalog knows.
        return retired.on == nil
    }

    /// Whether kolla-ansible of `release` deploys something with this support record.
    public func kollaDeploys(_ kolla: KollaSupport?, in release: Release) -> Bool {
        guard let kolla else { return false }
        if let since = kolla.since, let start = ordinal(of: since), release.ordinal < start { return false }
        if let removed = kolla.removedIn, let end = ordinal(of: removed), release.ordinal >= end { return false }
        return true
    }

    /// Whether kolla-ansible of `release` deploys it and turns its flag on without being asked.
    public func kollaEnablesByDefault(_ kolla: KollaSupport?, in release: Release) -> Bool {
        guard let kolla, kolla.default == "true", kollaDeploys(kolla, in: release) else { return false }
        if let since = kolla.defaultSince, let start = ordinal(of: since), release.ordinal < start { return false }
        return true
    }

    /// The first release in which `project` no longer exists, for messages.
    public func retirementRelease(of project: Project) -> Release? {
        guard let last = lastRelease(of: project) else { return nil }
        return releases.first { $0.ordinal == last.ordinal + 1 }
    }
}

private struct ReleasesFile: Decodable {
    let releases: [Release]
    let earlierSeries: [String]?

    enum CodingKeys: String, CodingKey {
        case releases
        case earlierSeries = "earlier_series"
    }
}

private struct ProjectsFile: Decodable { let projects: [String: Project] }
private struct ComponentsFile: Decodable { let components: [String: Component] }
private struct CapabilitiesFile: Decodable { let capabilities: [String: Capability] }
private struct ProfilesFile: Decodable { let profiles: [String: Profile] }
