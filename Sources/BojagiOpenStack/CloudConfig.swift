import Foundation
import Yams
import BojagiCore

/// How to reach a cloud, from the standard `clouds.yaml` (with `OS_CLOUD`) or the `OS_*` environment, as the
/// openstack client reads them.
public struct CloudConfig: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        case password(username: String, password: String, userDomain: String, project: String, projectDomain: String)
        case applicationCredential(id: String, secret: String)
    }

    public var name: String
    public var authURL: URL
    public var credential: Credential
    public var region: String?
    /// `bojagi_tempest:` in the cloud's clouds.yaml entry: tempest.conf options (`SECTION.KEY: value`) for what the
    /// cloud's APIs cannot show (openstack clients ignore the key).
    public var tempestOverrides: [String: String] = [:]
    /// Endpoint interface to use: public (default), internal or admin.
    public var interface: String
    public var verifyTLS: Bool

    public init(name: String, authURL: URL, credential: Credential, region: String? = nil, interface: String = "public",
                verifyTLS: Bool = true) {
        self.name = name
        self.authURL = authURL
        self.credential = credential
        self.region = region
        self.interface = interface
        self.verifyTLS = verifyTLS
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The files the openstack client searches, in its order.
    public static func searchPaths(environment: [String: String], workingDirectory: String) -> [String] {
        var paths: [String] = []
        if let file = environment["OS_CLIENT_CONFIG_FILE"] { paths.append(file) }
        paths.append(workingDirectory + "/clouds.yaml")
        if let home = environment["HOME"] { paths.append(home + "/.config/openstack/clouds.yaml") }
        paths.append("/etc/openstack/clouds.yaml")
        return paths
    }

    /// `cloud` (or OS_CLOUD) from the first clouds.yaml that has it; else the OS_* variables.
    public static func load(cloud: String?, environment: [String: String], workingDirectory: String,
                            read: (String) -> String?) throws -> CloudConfig {
        if let name = cloud ?? environment["OS_CLOUD"] {
            for path in searchPaths(environment: environment, workingDirectory: workingDirectory) {
                guard let text = read(path) else { continue }
                if let config = try parse(clouds: text, file: path, cloud: name) { return config }
            }
            throw Failure(description: "cloud '\(name)' is in no clouds.yaml (looked in \(searchPaths(environment: environment, workingDirectory: workingDirectory).joined(separator: ", ")))")
        }
        return try fromEnvironment(environment)
    }

    static func parse(clouds text: String, file: String, cloud name: String) throws -> CloudConfig? {
        guard let root = try Yams.load(yaml: text) as? [String: Any], let clouds = root["clouds"] as? [String: Any] else {
            throw Failure(description: "\(file): no `clouds:` mapping")
        }
        guard let entry = clouds[name] as? [String: Any] else { return nil }
        let auth = entry["auth"] as? [String: Any] ?? [:]
        func value(_ key: String) -> String? { (auth[key] as? CustomStringConvertible).map { "\($0)" } }
        guard let urlText = value("auth_url"), let url = URL(string: urlText) else {
            throw Failure(description: "\(file): clouds.\(name).auth.auth_url is missing")
        }
        let credential: Credential
        if let id = value("application_credential_id"), let secret = value("application_credential_secret") {
            credential = .applicationCredential(id: id, secret: secret)
        } else if let user = value("username"), let password = value("password") {
            credential = .password(username: user, password: password,
                                   userDomain: value("user_domain_name") ?? value("domain_name") ?? "Default",
                                   project: value("project_name") ?? "", projectDomain: value("project_domain_name") ?? value("domain_name") ?? "Default")
        } else {
            throw Failure(description: "\(file): clouds.\(name).auth needs username/password or application_credential_id/secret")
        }
        var config = CloudConfig(name: name, authURL: url, credential: credential, region: entry["region_name"] as? String,
                                 interface: entry["interface"] as? String ?? "public", verifyTLS: entry["verify"] as? Bool ?? true)
        for (key, value) in entry["bojagi_tempest"] as? [String: Any] ?? [:] {
            config.tempestOverrides[key] = (value as? Bool).map { $0 ? "true" : "false" } ?? "\(value)"
        }
        return config
    }

    static func fromEnvironment(_ environment: [String: String]) throws -> CloudConfig {
        guard let urlText = environment["OS_AUTH_URL"], let url = URL(string: urlText) else {
            throw Failure(description: "no cloud given: set OS_CLOUD (with a clouds.yaml) or OS_AUTH_URL and credentials, or pass --cloud")
        }
        let credential: Credential
        if let id = environment["OS_APPLICATION_CREDENTIAL_ID"], let secret = environment["OS_APPLICATION_CREDENTIAL_SECRET"] {
            credential = .applicationCredential(id: id, secret: secret)
        } else if let user = environment["OS_USERNAME"], let password = environment["OS_PASSWORD"] {
            credential = .password(username: user, password: password,
                                   userDomain: environment["OS_USER_DOMAIN_NAME"] ?? "Default",
                                   project: environment["OS_PROJECT_NAME"] ?? "",
                                   projectDomain: environment["OS_PROJECT_DOMAIN_NAME"] ?? "Default")
        } else {
            throw Failure(description: "OS_AUTH_URL is set but no credentials: set OS_USERNAME/OS_PASSWORD or OS_APPLICATION_CREDENTIAL_ID/SECRET")
        }
        return CloudConfig(name: "environment", authURL: url, credential: credential, region: environment["OS_REGION_NAME"],
                           interface: environment["OS_INTERFACE"] ?? "public")
    }
}
