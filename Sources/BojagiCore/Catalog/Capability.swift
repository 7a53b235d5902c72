/// Something a business asks for, and the projects that can provide it, in order of preference.
public struct Capability: Sendable, Hashable, Codable {
    public let name: String
    public let title: String
    public let providers: [String]

    enum CodingKeys: String, CodingKey {
        case name, title, providers
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? decoder.codingPath.last?.stringValue ?? ""
        title = try container.decode(String.self, forKey: .title)
        providers = try container.decode([String].self, forKey: .providers)
    }
}
