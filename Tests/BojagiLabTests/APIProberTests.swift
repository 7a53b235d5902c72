import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab

/// The prober against a real HTTP server on loopback (Python's ThreadingHTTPServer, speaking Keystone's token
/// API and answering reads after 0.2 s): the clients run side by side on their own URLSessions, reads carry a
/// held token, token issuance uses the token method, and the targets share one rotation. A real Keystone and the
/// real APIs are the HA suite's part (`Tests/Integration/ha/run.sh`).
@Suite(.serialized) struct APIProberTests {
    static let server = #"""
import json, sys, threading, time, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
stats = {"password": 0, "token": 0, "reads": 0, "unknown_token": 0, "in_flight": 0, "max_in_flight": 0}
issued = set()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *args): pass
    def answer(self, status, body, headers={}):
        data = json.dumps(body).encode()
        self.send_response(status)
        for k, v in headers.items(): self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        method = body["auth"]["identity"]["methods"][0]
        with lock:
            stats[method] += 1
            if method == "token" and body["auth"]["identity"]["token"]["id"] not in issued:
                stats["unknown_token"] += 1
            token = uuid.uuid4().hex
            issued.add(token)
        base = f"http://127.0.0.1:{self.server.server_port}"
        catalog = [{"type": t, "name": n, "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": base + "/" + n}]}
                   for t, n in [("identity", "keystone"), ("image", "glance"), ("compute", "nova")]]
        self.answer(201, {"token": {"project": {"id": "p1"}, "catalog": catalog, "expires_at": "2099-01-01T00:00:00.000000Z"}},
                    {"X-Subject-Token": token})
    def do_GET(self):
        if self.path == "/stats":
            with lock: return self.answer(200, stats)
        with lock:
            if self.headers.get("X-Auth-Token") not in issued:
                stats["unknown_token"] += 1
                return self.answer(401, {"error": {"message": "no token"}})
            stats["reads"] += 1
            stats["in_flight"] += 1
            stats["max_in_flight"] = max(stats["max_in_flight"], stats["in_flight"])
        time.sleep(0.2)
        with lock: stats["in_flight"] -= 1
        self.answer(200, {})

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_port, flush=True)
server.serve_forever()
"""#

    /// Starts the server; returns the process and its port.
    static func start() throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", server]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        return (process, Int(String(decoding: line, as: UTF8.self)) ?? 0)
    }

    /// SIGKILL: the test runner's threads block SIGTERM, and a child inherits that mask.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test func clientsRunSideBySideReusingTheirTokensAndShareOneRotation() async throws {
        let (process, port) = try Self.start()
        defer { Self.stop(process) }
        #expect(port > 0)
        let config = CloudConfig(name: "probe-test", authURL: URL(string: "http://127.0.0.1:\(port)")!,
                                 credential: .password(username: "admin", password: "secret", userDomain: "Default", project: "admin", projectDomain: "Default"))
        let http = URLSessionHTTPClient(timeout: 5)
        let catalog = try await OpenStackSession.authenticate(config, http: http)
        #expect(catalog.expiresAt != nil)
        let prober = APIProber(config: config, catalog: catalog, settings: .init(clients: 4, interval: .milliseconds(100)),
                               makeHTTP: { URLSessionHTTPClient(timeout: 5) })
        #expect(prober.names == ["keystone-token", "keystone", "glance", "nova"])
        await prober.start()
        try await Task.sleep(for: .seconds(3))
        let samples = await prober.stop()
        let stats = try #require(try await http.send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/stats")!)).json as? [String: Int])

        let failures = samples.filter { !$0.ok }.map { $0.error ?? "" }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        // One password check per client (its held token, plus the one the catalog came from), never per request.
        #expect(stats["password"] == 1 + 4)
        #expect(stats["unknown_token"] == 0)
        let counts = Dictionary(grouping: samples, by: { $0.service ?? "" }).mapValues(\.count)
        #expect(stats["token"] == counts["keystone-token"])
        #expect(stats["reads"] == samples.count - (counts["keystone-token"] ?? 0))
        // One rotation shared by the clients: every target within one request of the others.
        #expect(Set(counts.keys) == Set(prober.names))
        #expect((counts.values.max() ?? 0) - (counts.values.min() ?? 0) <= 1, "\(counts)")
        // Reads answered after 0.2 s by a threaded server overlapped: the clients did not wait for one another.
        #expect((stats["max_in_flight"] ?? 0) >= 2, "\(stats)")
        // Nothing arrives after stop.
        try await Task.sleep(for: .milliseconds(300))
        #expect(await prober.timeline.count == samples.count)
    }

    @Test func aRefusedTokenIsRenewedAndAFailureNamesItsTarget() async throws {
        let (process, port) = try Self.start()
        defer { Self.stop(process) }
        let config = CloudConfig(name: "probe-test", authURL: URL(string: "http://127.0.0.1:\(port)")!,
                                 credential: .password(username: "admin", password: "secret", userDomain: "Default", project: "admin", projectDomain: "Default"))
        let http = URLSessionHTTPClient(timeout: 5)
        let catalog = try await OpenStackSession.authenticate(config, http: http)
        let prober = APIProber(config: config, catalog: catalog, makeHTTP: { URLSessionHTTPClient(timeout: 5) })
        let glance = try #require(prober.targets.first { $0.name == "glance" })
        // A token the server never issued is refused: the sample fails naming glance, and the client drops it.
        var session: OpenStackSession? = OpenStackSession(token: "forged", projectID: "p1", endpoints: catalog.endpoints,
                                                          authSeconds: 0, expiresAt: catalog.expiresAt, http: http)
        let refused = await prober.probe(glance, session: &session, http: http, login: http)
        #expect(!refused.ok && refused.service == "glance" && refused.error?.hasPrefix("glance: GET") == true && refused.error?.contains("401") == true)
        #expect(session == nil)
        // The next request authenticates again and succeeds.
        let renewed = await prober.probe(glance, session: &session, http: http, login: http)
        #expect(renewed.ok && session != nil)
        // A token near its expiry is renewed before use.
        session = OpenStackSession(token: session!.token, projectID: "p1", endpoints: catalog.endpoints, authSeconds: 0,
                                   expiresAt: Date().addingTimeInterval(60), http: http)
        let old = session!.token
        #expect(await prober.probe(glance, session: &session, http: http, login: http).ok)
        #expect(session?.token != old)
        // A server that is gone: the failure names the target.
        Self.stop(process)
        let gone = await prober.probe(prober.targets[0], session: &session, http: http, login: http)
        #expect(!gone.ok && gone.error?.hasPrefix("keystone-token: ") == true)
    }

    @Test func keystoneExpiryIsRead() {
        let date = OpenStackSession.expiry("2026-11-30T12:20:15.123456Z")
        #expect(date == ISO8601DateFormatter().date(from: "2026-11-30T12:20:15Z"))
        #expect(OpenStackSession.expiry("soon") == nil)
    }
}
