import Foundation
import BojagiCore
import BojagiOpenStack

/// What `bojagi drill upgrade` did: the route and the planner's steps for it, each step with its seconds and
/// what it found (steps an earlier, failed run did are marked with that run), the API requests made meanwhile
/// per API (requests, failures, longest gap, rate and resolution), and every object made before the upgrade
/// checked after it. Printed as a table and saved as JSON beside the drill's reports
/// (`drill/upgrade-<run>.json`, `drill/upgrade-latest.json`).
public struct UpgradeDrillReport: Sendable, Hashable, Codable {
    public struct Step: Sendable, Hashable, Codable {
        public let name: String
        public let seconds: Double
        public let detail: String
        /// The run that did it (this one, or an earlier one that failed later).
        public let run: String

        public init(name: String, seconds: Double, detail: String, run: String) {
            self.name = name
            self.seconds = seconds
            self.detail = detail
            self.run = run
        }
    }

    public let runID: String
    public let from: String
    public let to: String
    /// The planner's route for the hop: `2026.1 Gazpacho → 2026.2 Hibiscus`.
    public let route: String
    /// What `bojagi upgrade plan` lists for the same route on a kolla-ansible deployment.
    public let plannerSteps: [String]
    public let steps: [Step]
    /// The API probe through the VIP while this run's steps ran.
    public let probe: ScaleReport.Probe?
    public let data: [UpgradeData.Check]
    /// Seconds of this run.
    public let seconds: Double
    /// Seconds of every step, this run's and earlier runs'.
    public let stepSeconds: Double
    /// Every step done and every object made before the upgrade still there and usable. API failures are figures.
    public let passed: Bool
    public let apiRequests: Int
    public let apiFailed: Int

    public init(runID: String, from: String, to: String, route: String, plannerSteps: [String], steps: [Step], probe: ScaleReport.Probe?,
                data: [UpgradeData.Check], seconds: Double, complete: Bool) {
        self.runID = runID
        self.from = from
        self.to = to
        self.route = route
        self.plannerSteps = plannerSteps
        self.steps = steps
        self.probe = probe
        self.data = data
        self.seconds = seconds
        stepSeconds = steps.map(\.seconds).reduce(0, +)
        passed = complete && !data.isEmpty && data.allSatisfy(\.ok)
        apiRequests = probe?.window.requests ?? 0
        apiFailed = probe?.window.failed ?? 0
    }

    public var fileName: String { "drill/upgrade-\(runID).json" }
    public static let latestName = "drill/upgrade-latest.json"

    public var text: String {
        var text = "bojagi drill upgrade \(from) → \(to), run \(runID)\n  route (the upgrade planner's): \(route)\n"
        var table = TextTable(["STEP", "SECONDS", "DETAIL"])
        for step in steps {
            table.append([step.name, String(format: "%.1f", step.seconds), step.detail + (step.run == runID ? "" : " [run \(step.run)]")])
        }
        text += "\n" + table.render(indent: "  ")
        if let probe {
            text += "\n  API through the VIP while this run's steps ran: \(probe.window.failed) failed of \(probe.window.requests) requests"
            text += String(format: " in %.0f s, slowest success %.1f s\n", probe.window.seconds, probe.window.slowestSeconds)
            var apis = TextTable(["API", "REQUESTS", "FAILED", "LONGEST GAP", "RATE", "RESOLUTION"])
            for api in probe.window.apis {
                apis.append([api.name, String(api.requests), String(api.failed), String(format: "%.1f s", api.longestGapSeconds),
                             String(format: "%.1f/s", api.rate), String(format: "%.2f s", api.resolutionSeconds)])
            }
            text += apis.render(indent: "  ")
            text += "    probe: \(probe.description)\n"
            if let error = probe.window.firstError { text += "    first error: \(error)\n" }
        }
        if !data.isEmpty {
            var kept = TextTable(["MADE BEFORE", "ID", "AFTER", "DETAIL"])
            for check in data { kept.append([check.kind, String(check.id.prefix(8)), check.ok ? "ok" : "LOST", check.detail]) }
            text += "\n" + kept.render(indent: "  ")
        }
        if !plannerSteps.isEmpty {
            text += "\n  On a kolla-ansible deployment `bojagi upgrade plan` lists for the same route:\n"
            text += plannerSteps.map { "    - \($0)\n" }.joined()
        }
        text += String(format: "%@ in %.0f s (steps %.0f s)\n", passed ? "PASSED" : "FAILED", seconds, stepSeconds)
        return text
    }
}
