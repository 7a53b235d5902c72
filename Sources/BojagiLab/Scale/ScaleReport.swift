import Foundation
import BojagiCore
import BojagiOpenStack

/// What `bojagi lab add-host` or `remove-host` did to the HA lab: each step with its time, the servers moved,
/// the API requests made meanwhile, and whether any other process of the lab was restarted. Printed as a table
/// and saved as JSON beside the drill's reports (`drill/add-host-<run>.json`, `drill/remove-host-<run>.json`).
public struct ScaleReport: Sendable, Hashable, Codable {
    public enum Operation: String, Sendable, Hashable, Codable {
        case addHost = "add-host", removeHost = "remove-host"
    }

    public struct Step: Sendable, Hashable, Codable {
        public let name: String
        public let seconds: Double
        public let detail: String

        public init(name: String, seconds: Double, detail: String) {
            self.name = name
            self.seconds = seconds
            self.detail = detail
        }
    }

    /// A server that was on the removed host (or that add-host booted to prove its host).
    public struct Server: Sendable, Hashable, Codable {
        public let id: String
        public let name: String
        public let from: String
        /// Where it ended: a host, or nil when it was deleted.
        public let to: String?
        /// live-migrate, cold-migrate, deleted, booted.
        public let action: String
        public let seconds: Double

        public init(id: String, name: String, from: String, to: String?, action: String, seconds: Double) {
            self.id = id
            self.name = name
            self.from = from
            self.to = to
            self.action = action
            self.seconds = seconds
        }
    }

    /// The API requests through the VIP while the host came or went.
    public struct Probe: Sendable, Hashable, Codable {
        public let description: String
        public let window: DrillWindow
        public let requests: [String: Int]
        public let failures: [String: Int]
        /// The failed requests by what went wrong (nil in a report written before it was kept).
        public let errors: [String: Int]?

        public init(description: String, samples: [DrillSample], from start: Double, to end: Double) {
            self.description = description
            let inside = samples.filter { $0.time >= start && $0.time < end }
            window = DrillWindow.measure(samples, from: start, to: end)
            requests = Dictionary(grouping: inside) { $0.service ?? "?" }.mapValues(\.count)
            failures = Dictionary(grouping: inside.filter { !$0.ok }) { $0.service ?? "?" }.mapValues(\.count)
            errors = Dictionary(grouping: inside.filter { !$0.ok }) { String(($0.error ?? "no answer").prefix(100)) }.mapValues(\.count)
        }

        /// Failed requests that did not merely run into the probe's timeout: an error status or a refused
        /// connection is a service that broke; a timeout on a loaded 2-core lab may be the load.
        public var brokenRequests: Int {
            (errors ?? [:]).filter { !$0.key.localizedCaseInsensitiveContains("timed out") }.values.reduce(0, +)
        }
    }

    public let operation: Operation
    public let runID: String
    /// The lab node: cmp2.
    public let host: String
    /// The blueprint host it stands for (cmp03), when the blueprint changed.
    public let blueprintHost: String?
    /// The changed blueprint, planned and validated before the lab changed.
    public let blueprint: String?
    /// What kolla-ansible would run for the same change on a real deployment (the engine's steps).
    public let engineSteps: [String]
    public let steps: [Step]
    public let servers: [Server]
    public let probe: Probe?
    /// Processes of the rest of the lab whose pid was compared before and after.
    public let otherProcesses: Int
    /// Those whose pid changed or that stopped (`node/service`): none, when nothing else restarted.
    public let restarted: [String]
    public let seconds: Double
    /// Nothing else restarted. Failed API requests are a figure of the report, not a verdict.
    public let passed: Bool
    /// Top-level figures for the dashboard's list of runs.
    public let apiRequests: Int
    public let apiFailed: Int

    public init(operation: Operation, runID: String, host: String, blueprintHost: String?, blueprint: String?, engineSteps: [String],
                steps: [Step], servers: [Server], probe: Probe?, otherProcesses: Int, restarted: [String], seconds: Double) {
        self.operation = operation
        self.runID = runID
        self.host = host
        self.blueprintHost = blueprintHost
        self.blueprint = blueprint
        self.engineSteps = engineSteps
        self.steps = steps
        self.servers = servers
        self.probe = probe
        self.otherProcesses = otherProcesses
        self.restarted = restarted
        self.seconds = seconds
        passed = restarted.isEmpty
        apiRequests = probe?.window.requests ?? 0
        apiFailed = probe?.window.failed ?? 0
    }

    /// `drill/add-host-<run>.json`, relative to the lab home.
    public var fileName: String { "drill/\(operation.rawValue)-\(runID).json" }
    public var latestName: String { "drill/\(operation.rawValue)-latest.json" }

    public var text: String {
        var text = "bojagi lab \(operation.rawValue) \(host)\(blueprintHost.map { " (blueprint host \($0))" } ?? ""), run \(runID)\n"
        if let blueprint { text += "  blueprint: \(blueprint), planned and validated before the lab changed\n" }
        var table = TextTable(["STEP", "SECONDS", "DETAIL"])
        for step in steps { table.append([step.name, String(format: "%.1f", step.seconds), step.detail]) }
        text += "\n" + table.render(indent: "  ")
        if !servers.isEmpty {
            var moved = TextTable(["SERVER", "ID", "FROM", "TO", "HOW", "SECONDS"])
            for server in servers {
                moved.append([server.name, String(server.id.prefix(8)), server.from, server.to ?? "-", server.action, String(format: "%.1f", server.seconds)])
            }
            text += "\n" + moved.render(indent: "  ")
        }
        if let probe {
            text += "\n  API while it ran: \(probe.window.failed) failed of \(probe.window.requests) requests"
            text += String(format: ", slowest %.1f s", probe.window.slowestSeconds)
            if !probe.failures.isEmpty {
                text += " (failed by API: " + probe.failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            }
            text += "\n    probe: \(probe.description)\n"
            if let error = probe.window.firstError { text += "    first error: \(error)\n" }
        }
        if !engineSteps.isEmpty {
            text += "\n  On a kolla-ansible deployment the same change runs: \(engineSteps.joined(separator: ", "))\n"
        }
        text += restarted.isEmpty
            ? "\n  Nothing else restarted: the \(otherProcesses) other processes of the lab kept their pids.\n"
            : "\n  RESTARTED OR STOPPED: \(restarted.joined(separator: ", "))\n"
        text += String(format: "%@ in %.0f s\n", passed ? "PASSED" : "FAILED", seconds)
        return text
    }
}
