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
        switch availability(of: name, in: release) {
        case .available:
            return "\(name) is available"
        case let .notYetReleased(first):
            return "\(name) first shipped in \(label(first)), after \(release.label)"
        case let .retired(last):
            let project = projects[name]
            var text = "\(name) was retired"
            if let day = project?.retired?.on { text += " on \(day)" }
            if let last { text += "; its last release was \(label(last))" }
            return text
        case let .notDeployed(removedIn):
            if let removedIn, let ordinal = ordinal(of: removedIn), ordinal <= release.ordinal {
                return "kolla-ansible no longer deploys \(name) since \(label(removedIn))"
            }
            return "kolla-ansible \(release.kollaAnsible.map { "\($0) " } ?? "")(\(release.label)) does not deploy \(name)"
        }
    }

    /// `2025.1 Epoxy` for a series that has a release entry, else the capitalised code name.
    public func label(_ series: String) -> String {
        release(named: series)?.label ?? (series.prefix(1).uppercased() + series.dropFirst())
    }
}
