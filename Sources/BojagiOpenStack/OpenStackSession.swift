import Foundation
import BojagiCore

/// An authenticated Keystone v3 session: the token, the project and the service catalog.
public struct OpenStackSession: Sendable {
    public struct Endpoint: Sendable, Hashable, Codable {
        public let type: String
        public let name: String
        public let url: URL
    }

    public struct APIError: Error, CustomStringConvertible, Sendable {
        public let method: String
        public let url: String
        public let status: Int
        public let message: String

        public var description: String { "\(method) \(url) → \(status)\(message.isEmpty ? "" : ": \(message)")" }
    }

    public let token: String
    public let projectID: String?
    public let endpoints: [Endpoint]
    public let authSeconds: Double
    /// When Keystone says the token expires (`expires_at`); nil when the answer did not say.
    public var expiresAt: Date? = nil
    private(set) var http: any HTTPClient

    /// The same token and catalog, its calls made through `http` (e.g. a login's long timeout, reads' short one).
    public func using(_ http: any HTTPClient) -> OpenStackSession {
        var copy = self
        copy.http = http
        return copy
    }

    /// Authenticates with a password or an application credential (`POST /v3/auth/tokens`).
    public static func authenticate(_ config: CloudConfig, http: any HTTPClient) async throws -> OpenStackSession {
        var identity: [String: Any]
        var body: [String: Any] = [:]
        switch config.credential {
        case let .password(username, password, userDomain, project, projectDomain):
            identity = ["methods": ["password"],
                        "password": ["user": ["name": username, "domain": ["name": userDomain], "password": password]]]
            if !project.isEmpty {
                body["scope"] = ["project": ["name": project, "domain": ["name": projectDomain]]]
            }
        case let .applicationCredential(id, secret):
            identity = ["methods": ["application_credential"], "application_credential": ["id": id, "secret": secret]]
        }
        body["identity"] = identity
        return try await issue(config, body: body, http: http)
    }

    /// A new token issued from this one (Keystone's `token` method, scoped to the same project): no password
    /// check, so no password hash, yet Keystone reads the user, project and roles and signs a new token.
    /// The new token expires when this one does.
    public func reissued(_ config: CloudConfig) async throws -> OpenStackSession {
        var body: [String: Any] = ["identity": ["methods": ["token"], "token": ["id": token]]]
        if let projectID { body["scope"] = ["project": ["id": projectID]] }
        return try await Self.issue(config, body: body, http: http)
    }

    /// `POST /v3/auth/tokens` with `auth: body`; the session from Keystone's answer.
    static func issue(_ config: CloudConfig, body: [String: Any], http: any HTTPClient) async throws -> OpenStackSession {
        let url = versioned(config.authURL).appendingPathComponent("auth/tokens")
        let response = try await http.send(HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"],
                                                       body: try JSONSerialization.data(withJSONObject: ["auth": body])))
        guard response.status == 201, let token = response.header("X-Subject-Token"),
              let json = response.json as? [String: Any], let tokenBody = json["token"] as? [String: Any] else {
            throw APIError(method: "POST", url: url.absoluteString, status: response.status, message: errorMessage(response))
        }
        let project = (tokenBody["project"] as? [String: Any])?["id"] as? String
        var endpoints: [Endpoint] = []
        for service in tokenBody["catalog"] as? [[String: Any]] ?? [] {
            let type = service["type"] as? String ?? "", name = service["name"] as? String ?? type
            for endpoint in service["endpoints"] as? [[String: Any]] ?? [] {
                guard endpoint["interface"] as? String == config.interface,
                      config.region == nil || endpoint["region_id"] as? String == config.region || endpoint["region"] as? String == config.region,
                      let text = endpoint["url"] as? String, let url = URL(string: text) else { continue }
                endpoints.append(Endpoint(type: type, name: name, url: url))
            }
        }
        return OpenStackSession(token: token, projectID: project, endpoints: endpoints.sorted { $0.type < $1.type },
                                authSeconds: response.seconds, expiresAt: (tokenBody["expires_at"] as? String).flatMap(expiry), http: http)
    }

    /// Keystone's `2026-11-30T12:20:15.000000Z`: the fraction's digits vary, so only the seconds are read.
    static func expiry(_ text: String) -> Date? {
        guard text.count >= 19 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: String(text.prefix(19)) + "Z")
    }

    /// `http://host:5000` and `http://host:5000/v3` both mean the v3 API.
    static func versioned(_ url: URL) -> URL {
        let text = url.absoluteString.hasSuffix("/") ? String(url.absoluteString.dropLast()) : url.absoluteString
        return text.hasSuffix("/v3") ? URL(string: text)! : URL(string: text + "/v3")!
    }

    public func endpoint(_ type: String) -> URL? {
        endpoints.first { $0.type == type }?.url
    }

    /// `path` under the catalog's endpoint of `type`; nil when the catalog has none.
    public func url(_ type: String, _ path: String) -> URL? {
        endpoint(type).map { Self.join($0, path) }
    }

    /// `path` under the catalog's endpoint of the first of `types` the catalog has; an error naming the first
    /// type when it has none.
    public func requiredURL(_ types: String..., path: String) throws -> URL {
        guard let base = types.lazy.compactMap(endpoint).first else {
            throw APIError(method: "CATALOG", url: types[0], status: 0, message: "no \(types[0]) endpoint in the catalog")
        }
        return Self.join(base, path)
    }

    /// `base` and `path` with exactly one slash between them.
    public static func join(_ base: URL, _ path: String) -> URL {
        URL(string: base.absoluteString.trimmingSuffix("/") + (path.hasPrefix("/") ? path : "/" + path))!
    }

    /// An authenticated call; non-2xx answers become `APIError` with the service's own message.
    @discardableResult
    public func call(_ method: String, _ url: URL, json: Any? = nil, body: Data? = nil,
                     headers: [String: String] = [:]) async throws -> HTTPResponse {
        var allHeaders = headers
        allHeaders["X-Auth-Token"] = token
        var data = body
        if let json {
            data = try JSONSerialization.data(withJSONObject: json)
            allHeaders["Content-Type"] = allHeaders["Content-Type"] ?? "application/json"
        }
        allHeaders["Accept"] = allHeaders["Accept"] ?? "application/json"
        let response = try await http.send(HTTPRequest(method: method, url: url, headers: allHeaders, body: data))
        guard (200..<300).contains(response.status) else {
            throw APIError(method: method, url: url.absoluteString, status: response.status, message: Self.errorMessage(response))
        }
        return response
    }

    /// The message OpenStack services put in their error bodies, in any of their shapes.
    static func errorMessage(_ response: HTTPResponse) -> String {
        guard let json = response.json as? [String: Any] else {
            return String(decoding: response.body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for value in json.values {
            if let inner = value as? [String: Any], let message = inner["message"] as? String { return message }
        }
        if let errors = json["errors"] as? [[String: Any]], let first = errors.first {
            return first["detail"] as? String ?? first["title"] as? String ?? ""
        }
        return json["message"] as? String ?? json["NeutronError"].map { "\($0)" } ?? ""
    }
}
