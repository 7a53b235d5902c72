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

        enum CodingKeys: String, CodingKey {
            case dates
            case kollaAnsible = "kolla_ansible"
            case ceph
            case hostOS = "host_os"
        }
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
    public let source: Sources?

    enum CodingKeys: String, CodingKey {
        case name, id, ordinal, date, slurp, phases, ceph, source
        case eolDate = "eol_date"
        case kollaAnsible = "kolla_ansible"
        case hostOS = "host_os"
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
