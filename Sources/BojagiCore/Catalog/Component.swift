/// Infrastructure that projects need but that is not an OpenStack project: MariaDB, RabbitMQ, Ceph RGW…
public struct Component: Sendable, Hashable, Codable {
    public struct HighAvailability: Sendable, Hashable, Codable {
        /// Needs an odd number (≥ 3) of members to keep a majority when one fails.
        public let quorum: Bool
    }

    public let name: String
    public let title: String
    /// The title in Korean (`title_ko`), for the manual.
    public let titleKo: String?
    public let description: String
    public let capabilities: [String]
    public let kolla: KollaSupport?
    public let replaces: String?
    public let footprint: Footprint?
    public let ha: HighAvailability?
    public let sources: [String: String]

    enum CodingKeys: String, CodingKey {
        case titleKo = "title_ko"
        case name, title, description, capabilities, kolla, replaces, footprint, ha, sources
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? decoder.codingPath.last?.stringValue ?? ""
        title = try container.decode(String.self, forKey: .title)
        titleKo = try container.decodeIfPresent(String.self, forKey: .titleKo)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        capabilities = try container.decodeIfPresent([String].self, forKey: .capabilities) ?? []
        kolla = try container.decodeIfPresent(KollaSupport.self, forKey: .kolla)
        replaces = try container.decodeIfPresent(String.self, forKey: .replaces)
        footprint = try container.decodeIfPresent(Footprint.self, forKey: .footprint)
        ha = try container.decodeIfPresent(HighAvailability.self, forKey: .ha)
        sources = try container.decodeIfPresent([String: String].self, forKey: .sources) ?? [:]
    }
}
