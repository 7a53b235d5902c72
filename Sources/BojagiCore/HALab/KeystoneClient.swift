import Foundation

/// The few Keystone v3 calls the HA lab and the drill make: issue a token, create, read and delete a project.
public struct KeystoneClient: Sendable {
    public let url: String
    let password: String
    let http: HTTPClient

    public init(url: String, password: String, http: HTTPClient) {
        self.url = url
        self.password = password
        self.http = http
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// An admin token scoped to the admin project.
    public func issueToken() async throws -> String {
        let body: [String: Any] = ["auth": [
            "identity": ["methods": ["password"], "password": ["user": ["name": "admin", "domain": ["id": "default"], "password": password]]],
            "scope": ["project": ["name": "admin", "domain": ["id": "default"]]],
        ]]
        let response = try await send("POST", "/auth/tokens", token: nil, body: body)
        guard response.status == 201, let token = response.header("X-Subject-Token") else {
            throw Failure(description: "token: HTTP \(response.status)")
        }
        return token
    }

    public func createProject(name: String, token: String) async throws -> String {
        let response = try await send("POST", "/projects", token: token, body: ["project": [
            "name": name, "domain_id": "default", "description": "bojagi drill: must survive every fault",
        ]])
        guard response.status == 201, let project = (response.json as? [String: Any])?["project"] as? [String: Any],
              let id = project["id"] as? String else { throw Failure(description: "create project: HTTP \(response.status)") }
        return id
    }

    /// The project's name, or nil when Keystone says it does not exist.
    public func projectName(id: String, token: String) async throws -> String? {
        let response = try await send("GET", "/projects/\(id)", token: token, body: nil)
        if response.status == 404 { return nil }
        guard response.status == 200, let project = (response.json as? [String: Any])?["project"] as? [String: Any] else {
            throw Failure(description: "read project: HTTP \(response.status)")
        }
        return project["name"] as? String
    }

    /// Project ids with this name; the list is not cached, so it reads the database.
    public func listProjects(named name: String, token: String) async throws -> [String] {
        let query = name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? name
        let response = try await send("GET", "/projects?name=\(query)", token: token, body: nil)
        guard response.status == 200, let projects = (response.json as? [String: Any])?["projects"] as? [[String: Any]] else {
            throw Failure(description: "list projects: HTTP \(response.status)")
        }
        return projects.compactMap { $0["id"] as? String }
    }

    public func deleteProject(id: String, token: String) async throws {
        let response = try await send("DELETE", "/projects/\(id)", token: token, body: nil)
        guard response.status == 204 || response.status == 404 else { throw Failure(description: "delete project: HTTP \(response.status)") }
    }

    func send(_ method: String, _ path: String, token: String?, body: [String: Any]?) async throws -> HTTPResponse {
        guard let target = URL(string: url + path) else { throw Failure(description: "bad URL \(url + path)") }
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        if let token { headers["X-Auth-Token"] = token }
        return try await http.send(HTTPRequest(method: method, url: target, headers: headers,
                                               body: try body.map { try JSONSerialization.data(withJSONObject: $0) }))
    }
}
