import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BojagiServe

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) }
}

/// Every route of the server through Hummingbird's test client, over real files and a real SQLite history.
@Suite struct RouteTests {
    func serve(_ fixture: ServeFixture, token: String? = nil, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { fixture.remove() }
        try await Application(router: buildRouter(fixture.dashboard, token: token)).test(.router, test)
    }

    @Test(arguments: Layout.pages.map(\.path))
    func everyPageAnswersHTMLWithNothingFromOutside(_ path: String) async throws {
        try await serve(try ServeFixture()) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.hasPrefix("<!DOCTYPE html>"))
                for page in Layout.pages { #expect(html.contains("href=\"\(page.path)\"")) }
                #expect(!html.contains("src=\"http"), "no script or image from elsewhere")
                #expect(!html.contains("href=\"http"), "no style sheet or link from elsewhere")
            }
        }
    }

    @Test func thePackagePageShowsServicesWithReasonsAndFindings() async throws {
        try await serve(try ServeFixture()) { client in
            let html = try await client.execute(uri: "/", method: .get).text
            #expect(html.contains("<td>barbican</td>"))
            #expect(html.contains("<h2>Findings</h2>"))
            #expect(html.contains("e-commerce") || html.contains("E-commerce"))
        }
    }

    @Test func theTopologyAndCapacityPagesDrawThePlan() async throws {
        try await serve(try ServeFixture()) { client in
            let topology = try await client.execute(uri: "/topology", method: .get).text
            #expect(topology.contains("internal VIP 10.30.0.10, VRRP id 88"))
            let capacity = try await client.execute(uri: "/capacity", method: .get).text
            #expect(capacity.contains(">N+1<"))
            #expect(capacity.contains("ssd (ssd, 3× replication, 24 OSDs)"))
            let svg = try await client.execute(uri: "/api/topology.svg", method: .get)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.text.hasPrefix("<svg "))
        }
    }

    @Test func planAndCapacityAsJSON() async throws {
        try await serve(try ServeFixture()) { client in
            let plan = try await client.execute(uri: "/api/plan", method: .get)
            #expect(plan.status == .ok)
            let services = (plan.json as? [String: Any])?["services"] as? [[String: Any]] ?? []
            #expect(services.contains { $0["name"] as? String == "nova" })
            let capacity = try await client.execute(uri: "/api/capacity", method: .get).json as? [String: Any]
            #expect((capacity?["compute"] as? [String: Any])?["vcpus"] as? Int ?? 0 > 0)
            #expect(((capacity?["ceph"] as? [String: Any])?["tiers"] as? [Any])?.count == 2)
        }
    }

    @Test func withoutABlueprintThePlanRoutesSaySo() async throws {
        try await serve(try ServeFixture(blueprint: false)) { client in
            let plan = try await client.execute(uri: "/api/plan", method: .get)
            #expect(plan.status == .notFound)
            #expect((plan.json as? [String: String])?["error"]?.contains("bojagi serve FILE") == true)
            #expect(try await client.execute(uri: "/", method: .get).text.contains("No blueprint is served"))
        }
    }

    @Test func healthComesFromTheCollectorThroughTheHistory() async throws {
        let fixture = try ServeFixture()
        let monitor = HealthMonitor(collector: fixture.dashboard.collector!, store: fixture.dashboard.store, interval: .seconds(1),
                                    logger: .init(label: "test"))
        try await serve(fixture) { client in
            #expect(try await client.execute(uri: "/api/health", method: .get).status == .serviceUnavailable)
            let sample = try await monitor.sampleOnce()
            // Nothing listens on 127.0.0.1:9: the real probe finds no Keystone.
            #expect(sample.components.map(\.id) == ["api/identity"])
            #expect(sample.components.first?.state == .down)
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
            let components = (health.json as? [String: Any])?["components"] as? [[String: Any]] ?? []
            #expect(components.first?["id"] as? String == "api/identity")
            #expect(components.first?["state"] as? String == "down")
            #expect(!health.text.contains("not-a-secret"))
            _ = try await monitor.sampleOnce()
            let history = try await client.execute(uri: "/api/health/history?component=api/identity&limit=5", method: .get).json as? [[String: Any]]
            #expect(history?.count == 2)
            #expect(try await client.execute(uri: "/api/health/history", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/health/history?component=api/identity&limit=lots", method: .get).status == .badRequest)
            let page = try await client.execute(uri: "/health", method: .get).text
            #expect(page.contains("<tr class=\"down\" data-id=\"api/identity\">"))
            #expect(page.contains("setInterval(refresh, 2000)"))
        }
    }

    @Test func metricsExposeTheLatestSample() async throws {
        let fixture = try ServeFixture()
        try await fixture.dashboard.store.record(HealthSample(time: Date(timeIntervalSince1970: 1_796_000_000), components: [
            ComponentHealth(kind: "galera", name: "ctl1", state: .up, detail: "wsrep_cluster_size 3", milliseconds: 12, log: "ctl1/mariadb.log"),
            ComponentHealth(kind: "galera", name: "ctl2", state: .degraded, detail: "wsrep_cluster_size 2"),
            ComponentHealth(kind: "process", name: "odd\"name", state: .down, detail: "pid 7 gone"),
        ]))
        try await serve(fixture) { client in
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains("bojagi_component_up{kind=\"galera\",name=\"ctl1\"} 1\n"))
            #expect(metrics.text.contains("bojagi_component_up{kind=\"galera\",name=\"ctl2\"} 0.5\n"))
            #expect(metrics.text.contains("bojagi_component_up{kind=\"process\",name=\"odd\\\"name\"} 0\n"))
            #expect(metrics.text.contains("bojagi_component_latency_seconds{kind=\"galera\",name=\"ctl1\"} 0.012\n"))
            #expect(metrics.text.contains("bojagi_health_sample_timestamp_seconds 1796000000\n"))
            let page = try await client.execute(uri: "/health", method: .get).text
            #expect(page.contains("<a href=\"/logs?file=ctl1/mariadb.log\">log</a>"))
        }
    }

    @Test func logsAreListedTailedAndSearched() async throws {
        try await serve(try ServeFixture()) { client in
            let list = try await client.execute(uri: "/api/logs", method: .get).json as? [[String: Any]] ?? []
            #expect(list.compactMap { $0["name"] as? String } == ["keystone.log", "nova/nova-api.log"])
            let tail = try await client.execute(uri: "/api/logs/tail?file=keystone.log&lines=10", method: .get).json as? [String: Any]
            #expect((tail?["lines"] as? [String])?.last == "line 300 ERROR something failed")
            #expect((tail?["lines"] as? [String])?.count == 10)
            let search = try await client.execute(uri: "/api/logs/tail?file=keystone.log&search=error", method: .get).json as? [String: Any]
            #expect((search?["lines"] as? [String])?.count == 6)
            let page = try await client.execute(uri: "/logs?file=nova/nova-api.log", method: .get).text
            #expect(page.contains("nova-api started"))
        }
    }

    @Test(arguments: ["../secret.log", "/etc/passwd", "escape.log", "nova/../../secret.log", "%2e%2e/secret.log", "missing.log"])
    func aLogPathOutsideTheLogDirectoryIsRefused(_ name: String) async throws {
        try await serve(try ServeFixture()) { client in
            let api = try await client.execute(uri: "/api/logs/tail?file=\(name)", method: .get)
            #expect(api.status == .forbidden)
            #expect(!api.text.contains("admin-password-here"))
            #expect(!api.text.contains("root:"))
            let page = try await client.execute(uri: "/logs?file=\(name)", method: .get)
            #expect(page.status == .forbidden)
            #expect(!page.text.contains("admin-password-here"))
        }
    }

    @Test func runsAreListedWithTheirFiguresWithoutTheLatestCopies() async throws {
        try await serve(try ServeFixture()) { client in
            let runs = try await client.execute(uri: "/api/runs", method: .get).json as? [[String: Any]] ?? []
            #expect(Set(runs.compactMap { $0["kind"] as? String }) == ["drill", "verify --tempest"])
            #expect(runs.count == 2)
            let drill = runs.first { $0["kind"] as? String == "drill" }?["figures"] as? [String: String]
            #expect(drill == ["passed": "true", "seconds": "61.50", "faults": "3 items", "lab": "ha-lab"])
            let page = try await client.execute(uri: "/runs", method: .get).text
            #expect(page.contains("records/bojagi-ha-lab/tempest-20261130T020304.json"))
        }
    }

    @Test func theOpenAPIDocumentCoversEveryAPIRouteAndEachIsServed() async throws {
        try await serve(try ServeFixture()) { client in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get).json as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
            let paths = (document?["paths"] as? [String: Any])?.keys.sorted() ?? []
            #expect(paths == APIRoutes.all.map(\.path).sorted())
            #expect(paths.count == 10)
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                // Served: its data, or its own JSON error saying what is missing — never the router's bare 404.
                #expect(response.status == .ok || (response.json as? [String: String])?["error"] != nil, "\(path): \(response.status)")
            }
        }
    }

    @Test func aTokenIsRequiredOnEveryRouteWhenSet() async throws {
        let token = "0123456789abcdef0123"
        try await serve(try ServeFixture(), token: token) { client in
            for path in Layout.pages.map(\.path) + APIRoutes.all.map(\.path) + ["/metrics"] {
                #expect(try await client.execute(uri: path, method: .get).status == .unauthorized, "\(path)")
            }
            #expect(try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer wrong-token-0123456"]).status == .unauthorized)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .ok)
            let first = try await client.execute(uri: "/health?token=\(token)", method: .get)
            #expect(first.status == .ok)
            let cookie = try #require(first.headers[.setCookie])
            #expect(cookie.contains("bojagi_token=\(token)") && cookie.contains("HttpOnly"))
            #expect(try await client.execute(uri: "/api/runs", method: .get, headers: [.cookie: "bojagi_token=\(token)"]).status == .ok)
            #expect(try await client.execute(uri: "/api/runs", method: .get, headers: [.cookie: "bojagi_token=nope"]).status == .unauthorized)
        }
    }

    @Test(arguments: [("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("0.0.0.0", false), ("10.0.0.5", false), ("::", false)])
    func onlyLoopbackGoesWithoutAToken(_ host: String, _ loopback: Bool) {
        #expect(ServeSettings.isLoopback(host) == loopback)
    }
}
