import Foundation
import BojagiCore

/// What a service's root document says about its API versions (the common version-discovery format).
public struct APIVersion: Sendable, Hashable, Codable {
    public let id: String
    public let status: String
    /// Newest and oldest microversion, where the service has them.
    public let maxMicroversion: String?
    public let minMicroversion: String?

    /// The CURRENT (or newest SUPPORTED) version from a discovery document: `{"versions": [...]}`,
    /// `{"versions": {"values": [...]}}` or `{"version": {...}}`.
    public static func current(in json: Any?) -> APIVersion? {
        guard let root = json as? [String: Any] else { return nil }
        var list: [[String: Any]] = []
        if let versions = root["versions"] as? [[String: Any]] { list = versions }
        if let versions = root["versions"] as? [String: Any], let values = versions["values"] as? [[String: Any]] { list = values }
        if let single = root["version"] as? [String: Any] { list = [single] }
        let parsed = list.compactMap { entry -> APIVersion? in
            guard let id = entry["id"] as? String else { return nil }
            func text(_ key: String) -> String? {
                guard let value = entry[key] as? String, !value.isEmpty else { return nil }
                return value
            }
            return APIVersion(id: id, status: (entry["status"] as? String ?? "").uppercased(),
                              maxMicroversion: text("version") ?? text("max_version"), minMicroversion: text("min_version"))
        }
        return parsed.first { $0.status == "CURRENT" || $0.status == "STABLE" } ?? parsed.last { $0.status == "SUPPORTED" } ?? parsed.first
    }

    /// The root of an endpoint: `http://h:8774/v2.1/abc` → `http://h:8774/`.
    public static func root(of url: URL) -> URL {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        let parts = components.path.split(separator: "/")
        // Keep a path prefix that is not a version (uwsgi mounts such as /identity, /compute).
        let kept = parts.prefix { !($0.first == "v" && $0.dropFirst().first?.isNumber == true) }
        components.path = "/" + kept.joined(separator: "/") + (kept.isEmpty ? "" : "/")
        components.query = nil
        return components.url!
    }
}
