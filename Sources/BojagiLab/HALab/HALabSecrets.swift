import Foundation
import BojagiCore
import BojagiOpenStack

/// The HA lab's passwords and keys, drawn once and kept in a 0600 file so a second `up` reuses them.
public struct HALabSecrets: Sendable, Hashable, Codable {
    public var keystoneDatabase: String
    public var keystoneAdmin: String
    public var rabbitmq: String
    public var erlangCookie: String
    /// keepalived's PASS authentication uses at most 8 characters.
    public var vrrp: String
    public var fernetKeys: [String]
    public var credentialKeys: [String]

    public static func generate(_ source: SecretSource) -> HALabSecrets {
        HALabSecrets(keystoneDatabase: source.password(length: 32), keystoneAdmin: source.password(length: 32),
                     rabbitmq: source.password(length: 32), erlangCookie: source.password(length: 40).uppercased(),
                     vrrp: source.password(length: 8), fernetKeys: [source.fernetKey(), source.fernetKey()],
                     credentialKeys: [source.fernetKey(), source.fernetKey()])
    }

    public static let user = "bojagi"

    public func file() throws -> RenderedFile {
        RenderedFile(path: "secrets.json", contents: try JSON.encode(self), mode: 0o600)
    }

    public static func decode(_ data: Data) throws -> HALabSecrets {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(HALabSecrets.self, from: data)
    }
}
