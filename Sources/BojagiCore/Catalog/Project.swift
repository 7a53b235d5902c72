/// One OpenStack project: what it provides, what it needs, its life cycle and how kolla-ansible deploys it.
public struct Project: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Has an API that cloud users call.
        case service
        /// Deployment, QA, clients and libraries: never part of a workload package by capability.
        case tooling
    }

    /// A dependency that holds in a window of releases (`since`/`until` inclusive, code names).
    public struct Dependency: Sendable, Hashable, Codable {
        public let name: String
        public let since: String?
        public let until: String?
        public let note: String?

        public init(name: String, since: String? = nil, until: String? = nil, note: String? = nil) {
            self.name = name
            self.since = since
            self.until = until
            self.note = note
        }
    }

    public struct Retirement: Sendable, Hashable, Codable {
        /// governance legacy.yaml `retired-on`.
        public let on: Day?
        /// The last coordinated release that shipped the project.
        public let lastRelease: String?
        public let successor: String?
        public let alternatives: [String]
        public let note: String?
        /// The note in Korean (`note_ko`), for the manual.
        public let noteKo: String?

        public var translatedNote: Translated? { note.map { Translated(en: $0, ko: noteKo) } }

        enum CodingKeys: String, CodingKey {
            case on, successor, alternatives, note
            case lastRelease = "last_release"
            case noteKo = "note_ko"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            on = try container.decodeIfPresent(Day.self, forKey: .on)
            lastRelease = try container.decodeIfPresent(String.self, forKey: .lastRelease)
            successor = try container.decodeIfPresent(String.self, forKey: .successor)
            alternatives = try container.decodeIfPresent([String].self, forKey: .alternatives) ?? []
            note = try container.decodeIfPresent(String.self, forKey: .note)
            noteKo = try container.decodeIfPresent(String.self, forKey: .noteKo)
        }
    }

    /// Project Navigator maturity inputs; nil where no source has the figure.
    public struct Navigator: Sendable, Hashable, Codable {
        public let adoption: Int?
        public let installGuide: Bool?
        public let diverseAffiliation: Bool?
        public let stablePolicy: Bool?
        public let sdkCount: Int?
        public let standardDeprecation: Bool?
        public let supportsUpgrade: Bool?
        public let rollingUpgrade: Bool?

        enum CodingKeys: String, CodingKey {
            case adoption
            case installGuide = "install_guide"
            case diverseAffiliation = "diverse_affiliation"
            case stablePolicy = "stable_policy"
            case sdkCount = "sdk_count"
            case standardDeprecation = "standard_deprecation"
            case supportsUpgrade = "supports_upgrade"
            case rollingUpgrade = "rolling_upgrade"
        }
    }

    public let name: String
    public let title: String
    /// The title in Korean (`title_ko`), for the manual.
    public let titleKo: String?
    public let kind: Kind
    public let serviceType: String?
    public let description: String
    public let team: String?
    public let capabilities: [String]
    public let requires: [Dependency]
    public let recommends: [String]
    public let infrastructure: [String]
    public let firstRelease: String?
    public let retired: Retirement?
    public let kolla: KollaSupport?
    public let footprint: Footprint?
    public let navigator: Navigator?
    public let survey2023Users: Int?
    public let sources: [String: String]

    enum CodingKeys: String, CodingKey {
        case titleKo = "title_ko"
        case name, title, kind, description, team, capabilities, requires, recommends, infrastructure
        case retired, kolla, footprint, navigator, sources
        case serviceType = "service_type"
        case firstRelease = "first_release"
        case survey2023Users = "survey_2023_users"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? decoder.codingPath.last?.stringValue ?? ""
        title = try container.decode(String.self, forKey: .title)
        titleKo = try container.decodeIfPresent(String.self, forKey: .titleKo)
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .service
        serviceType = try container.decodeIfPresent(String.self, forKey: .serviceType)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        team = try container.decodeIfPresent(String.self, forKey: .team)
        capabilities = try container.decodeIfPresent([String].self, forKey: .capabilities) ?? []
        requires = try container.decodeIfPresent([Dependency].self, forKey: .requires) ?? []
        recommends = try container.decodeIfPresent([String].self, forKey: .recommends) ?? []
        infrastructure = try container.decodeIfPresent([String].self, forKey: .infrastructure) ?? []
        firstRelease = try container.decodeIfPresent(String.self, forKey: .firstRelease)
        retired = try container.decodeIfPresent(Retirement.self, forKey: .retired)
        kolla = try container.decodeIfPresent(KollaSupport.self, forKey: .kolla)
        footprint = try container.decodeIfPresent(Footprint.self, forKey: .footprint)
        navigator = try container.decodeIfPresent(Navigator.self, forKey: .navigator)
        survey2023Users = try container.decodeIfPresent(Int.self, forKey: .survey2023Users)
        sources = try container.decodeIfPresent([String: String].self, forKey: .sources) ?? [:]
    }
}
