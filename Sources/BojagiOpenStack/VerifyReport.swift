import Foundation
import BojagiCore

/// What `bojagi verify` found: each service in the catalog, then the smoke scenario and its cleanup.
public struct VerifyReport: Sendable, Codable {
    public struct ServiceCheck: Sendable, Codable {
        public let type: String
        public let name: String
        public let url: String
        public let reachable: Bool
        public let version: String?
        public let microversion: String?
        public let seconds: Double
        public let passed: Bool
        public let error: String?
    }

    public struct Step: Sendable, Codable {
        public let name: String
        public let passed: Bool
        public let seconds: Double
        public let detail: String?
    }

    public let cloud: String
    public let authenticated: Bool
    public let authError: String?
    public let authSeconds: Double
    public let services: [ServiceCheck]
    public let smoke: [Step]
    public let cleanup: [Step]

    public var passed: Bool {
        authenticated && services.allSatisfy(\.passed) && smoke.allSatisfy(\.passed) && cleanup.allSatisfy(\.passed)
    }

    public var text: String {
        var out = "Cloud \(cloud): "
        guard authenticated else { return out + "authentication failed: \(authError ?? "unknown error")\n" }
        out += "authenticated in \(milliseconds(authSeconds))\n\n"
        var table = TextTable(["SERVICE", "TYPE", "VERSION", "MICROVERSION", "LATENCY", "RESULT"])
        for check in services {
            table.append([check.name, check.type, check.version ?? "–", check.microversion ?? "–", milliseconds(check.seconds),
                          check.passed ? "pass" : "FAIL: \(check.error ?? "")"])
        }
        out += table.render()
        for (title, steps) in [("Smoke scenario", smoke), ("Cleanup", cleanup)] where !steps.isEmpty {
            out += "\n\(title)\n"
            var stepTable = TextTable(["STEP", "TIME", "RESULT"])
            for step in steps {
                stepTable.append([step.name, milliseconds(step.seconds), step.passed ? "pass" + (step.detail.map { " (\($0))" } ?? "") : "FAIL: \(step.detail ?? "")"])
            }
            out += stepTable.render(indent: "  ")
        }
        out += "\n" + (passed ? "verify passed" : "verify FAILED") + "\n"
        return out
    }

    private func milliseconds(_ seconds: Double) -> String {
        seconds >= 10 ? String(format: "%.1f s", seconds) : String(format: "%.0f ms", seconds * 1000)
    }
}
