/// A workload package: the capabilities a kind of business needs, not a fixed list of projects.
public struct Profile: Sendable, Hashable, Codable {
    public let name: String
    public let title: String
    /// The title in Korean (`title_ko`), for the manual.
    public let titleKo: String?
    public let description: String
    /// Where the package comes from (the seed's case, or the reasoning behind a newer one).
    public let source: String
    public let required: [String]
    /// Offered to the user; included only when the blueprint adds them.
    public let optional: [String]
    /// Projects named outright, for packages that are lists rather than capabilities (the vendor's "everything").
    public let services: [String]

    enum CodingKeys: String, CodingKey {
        case name, title, description, source, required, optional, services
        case titleKo = "title_ko"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? decoder.codingPath.last?.stringValue ?? ""
        title = try container.decode(String.self, forKey: .title)
        titleKo = try container.decodeIfPresent(String.self, forKey: .titleKo)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        source = try container.decodeIfPresent(String.self, forKey: .source) ?? ""
        required = try container.decodeIfPresent([String].self, forKey: .required) ?? []
        optional = try container.decodeIfPresent([String].self, forKey: .optional) ?? []
        services = try container.decodeIfPresent([String].self, forKey: .services) ?? []
    }
}
