import Foundation
import BojagiOpenStack

/// What any cloud shows through its APIs: each API's version document and an authenticated read (the same
/// checks as `bojagi verify`, without its smoke scenario), then Nova's and Cinder's service lists.
struct CloudProbes: Sendable {
    let config: CloudConfig
    let http: any HTTPClient

    func collect() async -> [ComponentHealth] {
        let report = await Verifier(http: http).run(config, smoke: false)
        guard report.authenticated else {
            return [ComponentHealth(kind: "api", name: "identity", state: .down,
                                    detail: "no token from \(config.authURL.absoluteString): \(report.authError ?? "no answer")")]
        }
        var components = report.services.map { check in
            ComponentHealth(kind: "api", name: check.type, state: check.passed ? .up : .down,
                            detail: check.passed ? "\(check.version ?? "?")\(check.microversion.map { " (microversion \($0))" } ?? ""), authenticated read OK"
                                : check.error ?? "failed",
                            milliseconds: Int(check.seconds * 1000))
        }
        guard let session = try? await OpenStackSession.authenticate(config, http: http) else { return components }
        for (type, kind) in [("compute", "nova"), ("volumev3", "cinder")] {
            guard let url = session.url(type, "os-services") else { continue }
            components += await services(session: session, url: url, kind: kind)
        }
        return components
    }

    /// `nova-compute`, `nova-conductor`, `cinder-volume`, …: each host's service, down when it stopped reporting.
    func services(session: OpenStackSession, url: URL, kind: String) async -> [ComponentHealth] {
        do {
            let response = try await session.call("GET", url)
            let rows = (response.json as? [String: Any])?["services"] as? [[String: Any]] ?? []
            return rows.compactMap { row in
                guard let binary = row["binary"] as? String, let host = row["host"] as? String else { return nil }
                let state = row["state"] as? String ?? "?"
                let status = row["status"] as? String ?? "?"
                return ComponentHealth(kind: "service", name: "\(binary)@\(host)", state: state == "up" ? (status == "enabled" ? .up : .degraded) : .down,
                                       detail: "\(state), \(status)")
            }
        } catch {
            return [ComponentHealth(kind: "service", name: kind, state: .down, detail: "\(error)")]
        }
    }

    /// The console log of an instance (Nova's os-getConsoleOutput), its last `lines` lines.
    static func consoleOutput(config: CloudConfig, http: any HTTPClient, server: String, lines: Int) async throws -> String {
        let session = try await OpenStackSession.authenticate(config, http: http)
        let url = try session.requiredURL("compute", path: "servers/\(server)/action")
        let response = try await session.call("POST", url, json: ["os-getConsoleOutput": ["length": lines]])
        return (response.json as? [String: Any])?["output"] as? String ?? ""
    }
}

/// Any cloud named in clouds.yaml: only what its APIs show.
public struct CloudHealthCollector: HealthCollector {
    public let config: CloudConfig
    let http: any HTTPClient

    public init(config: CloudConfig, http: any HTTPClient) {
        self.config = config
        self.http = http
    }

    public var target: String { "cloud \(config.name)" }

    public func collect() async -> [ComponentHealth] {
        await CloudProbes(config: config, http: http).collect()
    }
}
