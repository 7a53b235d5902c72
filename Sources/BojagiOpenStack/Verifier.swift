import Foundation
import BojagiCore

/// Checks every service in a cloud's catalog through its API, then runs a smoke scenario (image, network,
/// server, volume attach) and removes everything it made.
public struct Verifier: Sendable {
    let http: any HTTPClient
    /// How long to wait for a server, volume or image to settle.
    let timeout: Duration

    public init(http: any HTTPClient, timeout: Duration = .seconds(180)) {
        self.http = http
        self.timeout = timeout
    }

    /// An authenticated request per service type that proves the API serves this token.
    static let probes: [String: String] = [
        "compute": "flavors", "image": "v2/images?limit=1", "network": "v2.0/networks?limit=1",
        "volumev3": "volumes?limit=1", "block-storage": "volumes?limit=1", "placement": "resource_providers",
        "orchestration": "stacks", "identity": "v3/auth/projects",
    ]

    public func run(_ config: CloudConfig, smoke: Bool) async -> VerifyReport {
        let session: OpenStackSession
        do {
            session = try await OpenStackSession.authenticate(config, http: http)
        } catch {
            return VerifyReport(cloud: config.name, authenticated: false, authError: "\(error)", authSeconds: 0,
                                services: [], smoke: [], cleanup: [])
        }
        var checks: [VerifyReport.ServiceCheck] = []
        for endpoint in session.endpoints {
            checks.append(await check(endpoint, session: session))
        }
        let scenario = SmokeScenario(session: session, verifier: self)
        if smoke { await scenario.run() }
        return VerifyReport(cloud: config.name, authenticated: true, authError: nil, authSeconds: session.authSeconds,
                            services: checks, smoke: scenario.steps, cleanup: scenario.cleanupSteps)
    }

    func check(_ endpoint: OpenStackSession.Endpoint, session: OpenStackSession) async -> VerifyReport.ServiceCheck {
        let root = APIVersion.root(of: endpoint.url)
        var version: APIVersion?
        var seconds = 0.0
        var reachable = false
        do {
            let response = try await http.send(HTTPRequest(url: root, headers: ["Accept": "application/json", "X-Auth-Token": session.token]))
            reachable = true
            seconds = response.seconds
            version = APIVersion.current(in: response.json)
        } catch {
            return VerifyReport.ServiceCheck(type: endpoint.type, name: endpoint.name, url: endpoint.url.absoluteString,
                                             reachable: false, version: nil, microversion: nil, seconds: 0, passed: false,
                                             error: "unreachable: \(error.localizedDescription)")
        }
        var error: String?
        if let probe = Self.probes[endpoint.type] {
            let base = endpoint.type == "identity" ? root : endpoint.url
            do {
                let response = try await session.call("GET", OpenStackSession.join(base, probe))
                seconds = max(seconds, response.seconds)
            } catch {
                return VerifyReport.ServiceCheck(type: endpoint.type, name: endpoint.name, url: endpoint.url.absoluteString,
                                                 reachable: reachable, version: version?.id, microversion: version?.maxMicroversion,
                                                 seconds: seconds, passed: false, error: "\(error)")
            }
        } else if version == nil {
            error = "no version document at \(root)"
        }
        return VerifyReport.ServiceCheck(type: endpoint.type, name: endpoint.name, url: endpoint.url.absoluteString,
                                         reachable: reachable, version: version?.id, microversion: version?.maxMicroversion,
                                         seconds: seconds, passed: error == nil, error: error)
    }

    /// Polls `probe` until it returns a value or the timeout passes.
    func waitFor<T: Sendable>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        if let value = try await Poll.value(timeout: timeout.inSeconds, probe) { return value }
        throw OpenStackSession.APIError(method: "WAIT", url: what, status: 0, message: "timed out after \(timeout)")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
