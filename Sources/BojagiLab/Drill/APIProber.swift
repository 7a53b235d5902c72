import Foundation
import BojagiCore
import BojagiOpenStack

/// Probes a cloud's APIs while something is done to it: `start()`, inject and watch, `stop()`, then judge the
/// samples with `DrillWindow.measure`. Several clients run side by side, each at a fixed interval (a request
/// slower than the interval delays that client's next one; the ticks it missed are skipped, not made up), so
/// one request hanging on a dead server does not stop the others, and the rate — hence the time resolution —
/// is stated and then measured, not assumed.
///
/// Each client holds a token, as a real client does, and renews it only when it nears expiry or is refused;
/// reads carry it. Token issuance is a target of its own (`keystone-token`): a new token issued from the held
/// one with Keystone's `token` method, which reads the user, project and roles and signs a token but checks
/// no password — a password check is a bcrypt hash, about a quarter of a second of Keystone's CPU, which at the
/// probe's rate would load the cloud more than the fault does. The clients take the targets in one shared
/// rotation, so every target is probed at the same rate.
public actor APIProber {
    public struct Target: Sendable, Hashable {
        public let name: String
        /// The read; nil for token issuance.
        public let url: URL?
    }

    public struct Settings: Sendable, Hashable {
        /// Concurrent clients, each with its own HTTP client (its own URLSession: none waits for another's).
        public var clients = 4
        /// Each client's interval between the starts of its requests.
        public var interval: Duration = .milliseconds(250)
        /// A held token is renewed this long before Keystone says it expires.
        public var renewBefore: Double = 300

        public init(clients: Int = 4, interval: Duration = .milliseconds(250)) {
            self.clients = clients
            self.interval = interval
        }

        /// Requests per second the clients aim at, every target together.
        public var nominalRate: Double { Double(clients) / interval.inSeconds }
    }

    public static let tokenTarget = "keystone-token"

    /// A cheap read per service type; Keystone's project list is not cached, so it reads the database. Heat's
    /// stack list is an RPC call from heat-api to heat-engine over RabbitMQ.
    static let reads: [(type: String, path: String)] = [
        ("identity", "/projects?name=admin"),
        ("image", "/v2/images?limit=1"),
        ("compute", "/servers?limit=1"),
        ("network", "/v2.0/networks?limit=1"),
        ("volumev3", "/volumes?limit=1"),
        ("placement", "/resource_providers"),
        ("orchestration", "/stacks?limit=1"),
    ]

    public nonisolated let targets: [Target]
    public nonisolated let settings: Settings
    let config: CloudConfig
    let makeHTTP: @Sendable () -> any HTTPClient
    let makeLoginHTTP: @Sendable () -> any HTTPClient
    private var samples: [DrillSample] = []
    private var turn = 0
    private var running = false
    private var clients: [Task<Void, Never>] = []

    /// The targets are token issuance and a read of each API of `catalog`'s that the probe knows a read for.
    /// `makeLoginHTTP` makes the client each prober client logs in with (default: `makeHTTP`'s): a password login
    /// is a bcrypt hash, which a loaded single Keystone answers in seconds — a read's short timeout would turn every
    /// login into a failure and every retry into more load.
    public init(config: CloudConfig, catalog: OpenStackSession, settings: Settings = Settings(),
                makeHTTP: @escaping @Sendable () -> any HTTPClient, makeLoginHTTP: (@Sendable () -> any HTTPClient)? = nil) {
        self.config = config
        self.settings = settings
        self.makeHTTP = makeHTTP
        self.makeLoginHTTP = makeLoginHTTP ?? makeHTTP
        self.targets = [Target(name: Self.tokenTarget, url: nil)] + Self.reads.compactMap { type, path in
            guard let endpoint = catalog.endpoints.first(where: { $0.type == type }) else { return nil }
            return Target(name: endpoint.name, url: OpenStackSession.join(endpoint.url, path))
        }
    }

    public nonisolated var names: [String] { targets.map(\.name) }

    /// What the probe does, in a sentence for the report.
    public nonisolated var description: String {
        String(format: "%d clients, each starting a request every %.0f ms (%.0f requests/s aimed at, %.1f/s per target), "
                       + "taking in turn: %@; reads reuse a held token; %@ issues a new token from the held one (Keystone's "
                       + "token method: no password hash)",
               settings.clients, settings.interval.inSeconds * 1000, settings.nominalRate,
               settings.nominalRate / Double(max(1, targets.count)), names.joined(separator: ", "), Self.tokenTarget)
    }

    /// Starts the clients, staggered over one interval; a second start does nothing.
    public func start() {
        guard clients.isEmpty else { return }
        running = true
        let settings = settings
        for index in 0..<max(1, settings.clients) {
            let http = makeHTTP(), login = makeLoginHTTP()
            clients.append(Task { [weak self] in
                try? await Task.sleep(for: settings.interval * index / max(1, settings.clients))
                var session: OpenStackSession?
                var due = ContinuousClock.now
                while let self {
                    guard let target = await self.next() else { return }
                    let sample = await self.probe(target, session: &session, http: http, login: login)
                    await self.append(sample)
                    due += settings.interval
                    let now = ContinuousClock.now
                    while due < now { due += settings.interval }
                    try? await Task.sleep(until: due, clock: .continuous)
                }
            })
        }
    }

    /// Stops the clients and returns every sample, in order of start. Requests in flight are let finish (at
    /// most the HTTP client's timeout): cancelling them would record failures the cloud did not cause.
    public func stop() async -> [DrillSample] {
        running = false
        let started = clients
        clients = []
        for client in started { await client.value }
        return timeline
    }

    /// The samples so far, in order of start.
    public var timeline: [DrillSample] { samples.sorted { $0.time < $1.time } }

    /// The next target in the shared rotation; nil once stopped.
    func next() -> Target? {
        guard running, !targets.isEmpty else { return nil }
        defer { turn += 1 }
        return targets[turn % targets.count]
    }

    func append(_ sample: DrillSample) { samples.append(sample) }

    /// One request; the sample names the target, and a failure says what failed.
    nonisolated func probe(_ target: Target, session: inout OpenStackSession?, http: any HTTPClient, login: any HTTPClient) async -> DrillSample {
        let start = Date()
        func sample(_ error: String?) -> DrillSample {
            DrillSample(time: start.timeIntervalSince1970, ok: error == nil, error: error.map { "\(target.name): \($0)" },
                        seconds: Date().timeIntervalSince(start), service: target.name)
        }
        do {
            if session == nil || (session?.expiresAt.map { $0.timeIntervalSince(start) < settings.renewBefore } ?? false) {
                do { session = try await OpenStackSession.authenticate(config, http: login).using(http) } catch { return sample("no token: \(error)") }
            }
            guard let held = session else { return sample("no token") }
            if let url = target.url {
                try await held.call("GET", url)
            } else if case .password = config.credential {
                _ = try await held.reissued(config)
            } else {
                // An application credential's token cannot be rescoped: issue one from the credential.
                _ = try await OpenStackSession.authenticate(config, http: http)
            }
            return sample(nil)
        } catch let error as OpenStackSession.APIError {
            if error.status == 401 { session = nil }
            return sample("\(error)")
        } catch {
            return sample("\(error)")
        }
    }
}
