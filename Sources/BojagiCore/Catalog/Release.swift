/// One OpenStack series, as openstack/releases `data/series_status.yaml` describes it.
public struct Release: Sendable, Hashable, Codable {
    public struct Phase: Sendable, Hashable, Codable {
        public let status: String
        public let from: Day?
    }

    public struct Sources: Sendable, Hashable, Codable {
        public let dates: String?
        public let kollaAnsible: String?
        public let ceph: String?
        public let hostOS: String?
        public let kollaAnsibleBranch: String?

        enum CodingKeys: String, CodingKey {
            case dates
            case kollaAnsible = "kolla_ansible"
            case ceph
            case hostOS = "host_os"
            case kollaAnsibleBranch = "kolla_ansible_branch"
        }
    }

    /// kolla-ansible's own branch for the series, as openstack/releases `deliverables/<series>/kolla-ansible.yaml`
    /// records it. kolla-ansible is a cycle-trailing deliverable that ends its branches on its own schedule, so
    /// its state can be worse than the series' (Yoga's branch ended while OpenStack still calls Yoga unmaintained).
    public struct KollaBranch: Sendable, Hashable, Codable {
        public enum Status: String, Sendable, Hashable, Codable {
            /// `stable/<series>`: fixed and released by the kolla team.
            case maintained
            /// `unmaintained/<series>`, cut from the `<series>-eom` tag: community fixes, no releases.
            case unmaintained
            /// Tagged `<series>-eol`; the branch is deleted.
            case endOfLife = "end of life"
            /// Not branched yet: the series is developed on master.
            case development
        }

        public let status: Status
        /// `stable/2025.1`, `unmaintained/2024.1`, `yoga-eol`, `master`.
        public let ref: String
        /// The day openstack/releases merged the change that gave the branch this status.
        public let since: Day?
    }

    /// Lowercase code name: `queens`, `epoxy`.
    public let name: String
    /// `2025.1` style id; nil before 2023.1, which had none.
    public let id: String?
    /// Position in the series order, austin = 1.
    public let ordinal: Int
    public let date: Day
    public let slurp: Bool
    public let eolDate: Day?
    public let phases: [Phase]
    /// kolla-ansible major version of this series.
    public let kollaAnsible: String?
    /// Ceph releases this series is used with, newest last.
    public let ceph: [String]
    /// Host operating systems the series' kolla-ansible prechecks accept (`rocky-10`, `ubuntu-noble`); nil
    /// where the catalog does not know them.
    public let hostOS: [String]?
    /// kolla-ansible's branch for the series when the catalog last read openstack/releases; nil where the
    /// catalog has no record (series before Yoga, and series not yet planned).
    public let kollaAnsibleBranch: KollaBranch?
    public let source: Sources?

    enum CodingKeys: String, CodingKey {
        case name, id, ordinal, date, slurp, phases, ceph, source
        case eolDate = "eol_date"
        case kollaAnsible = "kolla_ansible"
        case hostOS = "host_os"
        case kollaAnsibleBranch = "kolla_ansible_branch"
    }

    /// The code name with a capital, as release notes write it.
    public var title: String { name.prefix(1).uppercased() + name.dropFirst() }

    /// `2025.1 Epoxy` or `Queens`.
    public var label: String { id.map { "\($0) \(title)" } ?? title }

    /// The status on `day`: the last phase that had begun by then.
    public func status(on day: Day) -> String {
        var current = phases.first?.status ?? "unknown"
        for phase in phases {
            guard let from = phase.from else { current = phase.status; continue }
            if from <= day { current = phase.status }
        }
        if let eolDate, eolDate <= day { current = "end of life" }
        return current
    }

    /// Newest Ceph release recommended for this series.
    public var recommendedCeph: String? { ceph.last }
}
