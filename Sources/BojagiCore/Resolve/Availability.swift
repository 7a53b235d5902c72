/// Whether a service can be part of a package for a release deployed by kolla-ansible.
public enum Availability: Sendable, Hashable {
    case available
    /// The project's first release is later than the target.
    case notYetReleased(first: String)
    /// Retired before the target release.
    case retired(lastRelease: String?)
    /// Exists in the release, but that release's kolla-ansible does not deploy it.
    case notDeployed(removedIn: String?)

    public var isAvailable: Bool { self == .available }
}

extension Catalog {
    public func availability(of name: String, in release: Release) -> Availability {
        if let project = projects[name] {
            if let first = project.firstRelease, let start = ordinal(of: first), release.ordinal < start {
                return .notYetReleased(first: first)
            }
            if !exists(project, in: release) { return .retired(lastRelease: lastRelease(of: project)?.name) }
            // Tooling (deployment tools, benchmarks) is installed beside the cloud, not by kolla-ansible.
            if project.kind == .tooling { return .available }
            return kollaDeploys(project.kolla, in: release) ? .available : .notDeployed(removedIn: project.kolla?.removedIn)
        }
        if let component = components[name] {
            return component.kolla == nil || kollaDeploys(component.kolla, in: release)
                ? .available : .notDeployed(removedIn: component.kolla?.removedIn)
        }
        return .retired(lastRelease: nil)
    }

    /// One sentence on why `name` cannot be had in `release`, for reasons and findings.
    public func unavailability(of name: String, in release: Release) -> String {
        unavailabilityPhrase(of: name, in: release).english
    }

    /// The same sentence as a phrase, for the manual's languages.
    public func unavailabilityPhrase(of name: String, in release: Release) -> Phrase {
        switch availability(of: name, in: release) {
        case .available:
            return .key("availability.available", ["name": name])
        case let .notYetReleased(first):
            return .key("availability.notYet", ["name": name, "first": label(first), "release": release.label])
        case let .retired(last):
            let project = projects[name]
            // The day sits inside the sentence in some languages: a key of its own, not a clause.
            var text: [Phrase] = [project?.retired?.on.map { Phrase.key("availability.retiredOn", ["name": name, "day": $0.description]) }
                ?? .key("availability.retired", ["name": name])]
            if let last { text.append(.key("availability.retired.last", ["last": label(last)])) }
            return .sequence(text)
        case let .notDeployed(removedIn):
            if let removedIn, let ordinal = ordinal(of: removedIn), ordinal <= release.ordinal {
                return .key("availability.removed", ["name": name, "release": label(removedIn)])
            }
            if let major = release.kollaAnsible {
                return .key("availability.notDeployed", ["name": name, "major": major, "release": release.label])
            }
            return .key("availability.notDeployed.unknown", ["name": name, "release": release.label])
        }
    }

    /// The English of `unavailabilityPhrase`, by message key.
    public static let availabilityMessages: [String: String] = [
        "availability.available": "{name} is available",
        "availability.notYet": "{name} first shipped in {first}, after {release}",
        "availability.retired": "{name} was retired",
        "availability.retiredOn": "{name} was retired on {day}",
        "availability.retired.last": "; its last release was {last}",
        "availability.removed": "kolla-ansible no longer deploys {name} since {release}",
        "availability.notDeployed": "kolla-ansible {major} ({release}) does not deploy {name}",
        "availability.notDeployed.unknown": "kolla-ansible ({release}) does not deploy {name}",
    ]

    /// `2025.1 Epoxy` for a series that has a release entry, else the capitalised code name.
    public func label(_ series: String) -> String {
        release(named: series)?.label ?? (series.prefix(1).uppercased() + series.dropFirst())
    }
}
