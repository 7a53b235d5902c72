import Foundation
import BojagiCore
import Hummingbird

/// Every `/api/` route.
enum APIRoutes {
    static let all: [APIRoute] = [
        APIRoute("/api/plan", "The served blueprint's plan: services with their reasons, placement, HA, capacity, findings (as `bojagi plan --format json`).") { _, dashboard in
            guard let blueprint = dashboard.blueprint else { throw APIFailure(status: .notFound, message: "no blueprint is served: run `bojagi serve FILE`") }
            return try Responses.json(blueprint.plan)
        },
        APIRoute("/api/topology.svg", "The topology diagram: networks, VIPs and VLANs, hosts by role, Ceph tiers.", contentType: "image/svg+xml") { _, dashboard in
            guard let blueprint = dashboard.blueprint else { throw APIFailure(status: .notFound, message: "no blueprint is served: run `bojagi serve FILE`") }
            return Responses.text(TopologyDiagram.svg(blueprint.plan, networks: blueprint.networks), type: "image/svg+xml")
        },
        APIRoute("/api/capacity", "Compute capacity (vCPU and memory, with N+1) and Ceph capacity per tier.") { _, dashboard in
            guard let topology = dashboard.blueprint?.plan.topology else {
                throw APIFailure(status: .notFound, message: "no blueprint with hosts is served: run `bojagi serve FILE` with a blueprint that lists hosts")
            }
            return try Responses.json(Capacity(compute: topology.compute, ceph: topology.ceph))
        },
        APIRoute("/api/health", "The latest health sample: every component with its state (up, degraded, down), detail, latency and log.") { _, dashboard in
            guard dashboard.collector != nil else {
                throw APIFailure(status: .notFound, message: "nothing running is watched: serve with --lab, --ha-lab or --cloud NAME")
            }
            guard let sample = try await dashboard.store.latest() else {
                throw APIFailure(status: .serviceUnavailable, message: "no health sample yet: the first is taken when the server starts")
            }
            return try Responses.json(sample)
        },
        APIRoute("/api/health/history", "One component's samples, newest first, from the SQLite history.", parameters: [
            .init(name: "component", description: "The component's id, as in /api/health (kind/name).", required: true, type: "string"),
            .init(name: "limit", description: "How many samples (1–10000, default 100).", required: false, type: "integer"),
        ]) { request, dashboard in
            guard let id = request.query("component") else {
                throw APIFailure(status: .badRequest, message: "name the component: /api/health/history?component=KIND/NAME (ids in /api/health)")
            }
            let limit = try request.integer("limit", default: 100, range: 1...10000)
            let rows = try await dashboard.store.history(id: id, limit: limit)
            return try Responses.json(rows.map { HistoryRow(time: $0.time, state: $0.health.state, detail: $0.health.detail, milliseconds: $0.health.milliseconds) })
        },
        APIRoute("/api/logs", "The lab's log files: name (relative to the lab's log directory), size, last change.") { _, dashboard in
            guard let logs = dashboard.logs else { throw APIFailure(status: .notFound, message: "no lab is served: serve with --lab or --ha-lab") }
            return try Responses.json(logs.list())
        },
        APIRoute("/api/logs/tail", "The last lines of one log, optionally only those containing a search text (any case).", parameters: [
            .init(name: "file", description: "A name from /api/logs; a path outside the log directory is refused.", required: true, type: "string"),
            .init(name: "lines", description: "How many lines (1–5000, default 200).", required: false, type: "integer"),
            .init(name: "search", description: "Only lines containing this text.", required: false, type: "string"),
        ]) { request, dashboard in
            guard let logs = dashboard.logs else { throw APIFailure(status: .notFound, message: "no lab is served: serve with --lab or --ha-lab") }
            guard let file = request.query("file") else { throw APIFailure(status: .badRequest, message: "name the log: /api/logs/tail?file=NAME (names in /api/logs)") }
            let lines = try request.integer("lines", default: 200, range: 1...5000)
            do {
                return try Responses.json(Tail(file: file, lines: try logs.tail(file, lines: lines, search: request.query("search"))))
            } catch let refused as LogFiles.Refused {
                throw APIFailure(status: .forbidden, message: refused.description)
            }
        },
        APIRoute("/api/console", "The console log of an instance, through Nova's API (os-getConsoleOutput).", parameters: [
            .init(name: "server", description: "The server's ID.", required: true, type: "string"),
            .init(name: "lines", description: "How many lines (1–5000, default 100).", required: false, type: "integer"),
        ], contentType: "text/plain") { request, dashboard in
            guard let cloud = dashboard.cloud else { throw APIFailure(status: .notFound, message: "no cloud is served: serve with --lab, --ha-lab or --cloud NAME") }
            guard let server = request.query("server"), server.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw APIFailure(status: .badRequest, message: "name the server by its ID: /api/console?server=ID")
            }
            let lines = try request.integer("lines", default: 100, range: 1...5000)
            do {
                return Responses.text(try await CloudProbes.consoleOutput(config: cloud, http: dashboard.http, server: server, lines: lines), type: "text/plain; charset=utf-8")
            } catch {
                throw APIFailure(status: .badGateway, message: "Nova did not give the console log: \(error)")
            }
        },
        APIRoute("/api/runs", "Every recorded drill, OSD drill and Tempest run, newest first, with its figures.") { _, dashboard in
            try Responses.json(dashboard.runs.list())
        },
        APIRoute("/api/openapi.json", "This document: every /api/ route.") { _, _ in
            Responses.bytes(try OpenAPIDocument.json(), type: "application/json")
        },
    ]

    struct Capacity: Encodable {
        let compute: ComputeCapacity
        let ceph: CephCapacity?
    }

    struct HistoryRow: Encodable {
        let time: Date
        let state: ComponentHealth.State
        let detail: String
        let milliseconds: Int?
    }

    struct Tail: Encodable {
        let file: String
        let lines: [String]
    }
}

/// OpenAPI 3.1, written from `APIRoutes.all`.
enum OpenAPIDocument {
    static func json() throws -> Data {
        var paths: [String: Any] = [:]
        for route in APIRoutes.all {
            let content: [String: Any] = route.contentType == "application/json" ? ["application/json": ["schema": ["type": "object"]]]
                : [route.contentType: ["schema": ["type": "string"]]]
            paths[route.path] = ["get": [
                "summary": route.summary,
                "operationId": route.path.dropFirst("/api/".count).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-"),
                "parameters": route.parameters.map { ["name": $0.name, "in": "query", "required": $0.required, "description": $0.description, "schema": ["type": $0.type]] },
                "responses": [
                    "200": ["description": "OK", "content": content],
                    "400": ["description": "A query parameter is missing or wrong; the body's `error` says which and how to fix it."],
                    "401": ["description": "A token is required (the server listens beyond loopback) and none or a wrong one came."],
                    "404": ["description": "What the route serves is not served here; `error` says how to serve it."],
                ],
            ] as [String: Any]]
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Bojagi dashboard API", "version": "1", "description": "What `bojagi serve` shows, as JSON."],
            "components": ["securitySchemes": ["token": ["type": "http", "scheme": "bearer"]]],
            "security": [["token": [String]()]],
            "paths": paths,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
