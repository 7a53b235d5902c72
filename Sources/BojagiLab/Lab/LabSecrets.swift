import Foundation
import BojagiCore
import BojagiOpenStack

/// The lab's passwords: generated once, kept in `<home>/secrets.json` (0600), never printed.
public struct LabSecrets: Sendable, Hashable, Codable {
    public var adminPassword: String
    public var rabbitmqPassword: String
    public var horizonSecretKey: String
    public var fernetKey: String
    /// Per service: its database user's password.
    public var database: [String: String]
    /// Per service: its Keystone service user's password.
    public var service: [String: String]

    public static let fileName = "secrets.json"

    /// Fills in what `existing` lacks, keeping every secret it already has.
    public static func make(for components: [LabComponent], existing: LabSecrets?, source: some SecretSource) -> LabSecrets {
        var secrets = existing ?? LabSecrets(adminPassword: source.password(length: 24), rabbitmqPassword: source.password(length: 24),
                                             horizonSecretKey: source.password(length: 50), fernetKey: source.fernetKey(),
                                             database: [:], service: [:])
        for component in components {
            if component.hasDatabase, secrets.database[component.rawValue] == nil {
                secrets.database[component.rawValue] = source.password(length: 24)
            }
            if component != .keystone, component != .horizon, secrets.service[component.rawValue] == nil {
                secrets.service[component.rawValue] = source.password(length: 24)
            }
        }
        // Heat's stack domain admin.
        if components.contains(.heat), secrets.service["heat_domain_admin"] == nil {
            secrets.service["heat_domain_admin"] = source.password(length: 24)
        }
        return secrets
    }

    public func file() throws -> RenderedFile {
        RenderedFile(path: Self.fileName, contents: try LabJSON.encode(self), mode: 0o600)
    }

    public static func load(from home: URL) throws -> LabSecrets? {
        guard let data = FileManager.default.contents(atPath: home.appendingPathComponent(fileName).path) else { return nil }
        return try LabJSON.decode(LabSecrets.self, from: data)
    }
}
