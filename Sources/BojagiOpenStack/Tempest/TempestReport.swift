import Foundation
import BojagiCore

/// OpenStack's own verdict on a cloud: Tempest's results per service, each failure with its reason, and every
/// test Bojagi left out with why. Saved as JSON with the cloud's other records.
public struct TempestReport: Sendable, Codable {
    public struct Result: Sendable, Codable, Equatable {
        public let id: String
        public let status: String
        public let reason: String?
        public let seconds: Double?
    }

    public struct Counts: Sendable, Codable, Equatable {
        public var passed = 0
        public var failed = 0
        public var skipped = 0
        public var total: Int { passed + failed + skipped }
    }

    public struct Failure: Sendable, Codable, Equatable {
        public let id: String
        public let reason: String
    }

    public var cloud: String
    public var date: String
    public var selection: String
    public var tempest: String
    public var seconds: Double
    public var counts: Counts
    public var services: [String: Counts]
    public var failures: [Failure]
    public var skips: [Failure]
    public var exclusions: [TempestConfig.Exclusion]
    /// Interop guideline tests that the installed Tempest does not have, and those the guideline flags.
    public var unresolved: [String] = []
    public var flagged: [String] = []
    public var workspace: String
    /// Tempest's own exit status: not 0 when a test failed, nothing passed, or the run was interrupted.
    public var exitStatus: Int32 = 0

    /// Zero failures, at least one test passed (an all-skip run proves nothing), and Tempest finished with 0.
    public var passed: Bool { counts.failed == 0 && counts.passed > 0 && exitStatus == 0 }

    public init(cloud: String, date: String, selection: String, tempest: String, seconds: Double, results: [Result],
                exclusions: [TempestConfig.Exclusion], workspace: String) {
        self.cloud = cloud
        self.date = date
        self.selection = selection
        self.tempest = tempest
        self.seconds = seconds
        self.exclusions = exclusions
        self.workspace = workspace
        var counts = Counts(), services: [String: Counts] = [:], failures: [Failure] = [], skips: [Failure] = []
        for result in results {
            let service = Self.service(of: result.id)
            var entry = services[service] ?? Counts()
            switch result.status {
            case "success", "xfail":
                counts.passed += 1; entry.passed += 1
            case "skip":
                counts.skipped += 1; entry.skipped += 1
                skips.append(Failure(id: result.id, reason: result.reason ?? "no reason given"))
            default:
                counts.failed += 1; entry.failed += 1
                failures.append(Failure(id: result.id, reason: result.reason ?? result.status))
            }
            services[service] = entry
        }
        self.counts = counts
        self.services = services
        self.failures = failures
        self.skips = skips
    }

    /// `tempest.api.compute.servers.…` → compute; `setUpClass (tempest.api.volume.…)` → volume; the heat plugin →
    /// orchestration; `tempest.scenario.…` → scenario.
    static func service(of id: String) -> String {
        var name = id
        if let open = id.firstIndex(of: "("), let close = id.lastIndex(of: ")"), open < close {
            name = String(id[id.index(after: open)..<close])
        }
        if name.hasPrefix("heat_tempest_plugin") { return "orchestration" }
        let parts = name.split(separator: ".")
        if parts.count > 2, parts[0] == "tempest", parts[1] == "api" { return String(parts[2]) }
        if parts.count > 1, parts[0] == "tempest" { return String(parts[1]) }
        return parts.first.map(String.init) ?? name
    }

    /// The last line of a traceback: the exception and its message.
    static func reason(fromTraceback traceback: String?) -> String? {
        guard let traceback else { return nil }
        let lines = traceback.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = lines.last else { return nil }
        return String(last.prefix(400))
    }

    /// One line of the JSON the subunit filter writes per test.
    static func result(fromJSONLine line: Substring) -> Result? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let id = object["id"] as? String, let status = object["status"] as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var seconds: Double?
        if let start = (object["start"] as? String).flatMap(formatter.date(from:)),
           let stop = (object["stop"] as? String).flatMap(formatter.date(from:)) {
            seconds = stop.timeIntervalSince(start)
        }
        let reason = (object["reason"] as? String) ?? reason(fromTraceback: object["traceback"] as? String)
        return Result(id: id, status: status, reason: reason, seconds: seconds)
    }

    public static func results(fromJSONLines text: String) -> [Result] {
        text.split(separator: "\n").compactMap(result(fromJSONLine:))
    }

    public var text: String {
        var out = "Tempest \(tempest) on \(cloud) — \(selection), \(date)\n"
        out += String(format: "%d passed, %d failed, %d skipped in %.0f s\n\n", counts.passed, counts.failed, counts.skipped, seconds)
        var table = TextTable(["SERVICE", "PASSED", "FAILED", "SKIPPED"])
        for (name, entry) in services.sorted(by: { $0.key < $1.key }) {
            table.append([name, "\(entry.passed)", "\(entry.failed)", "\(entry.skipped)"])
        }
        out += table.render()
        if !failures.isEmpty {
            out += "\nFailures:\n" + failures.map { "  \($0.id)\n    \($0.reason)\n" }.joined()
        }
        if !exclusions.isEmpty {
            out += "\nLeft out (what this cloud cannot do):\n" + exclusions.map { "  \($0.pattern)\n    \($0.reason)\n" }.joined()
        }
        if !unresolved.isEmpty {
            out += "\nGuideline tests this Tempest does not have: \(unresolved.count)\n" + unresolved.map { "  \($0)\n" }.joined()
        }
        if !flagged.isEmpty { out += "\nFlagged by the guideline (not required to pass): \(flagged.count)\n" }
        let reasons = Dictionary(grouping: skips, by: \.reason).mapValues(\.count).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if !reasons.isEmpty {
            out += "\nSkip reasons (Tempest's own):\n" + reasons.prefix(12).map { "  \($0.value)× \($0.key.prefix(150))\n" }.joined()
        }
        out += "\nWorkspace (tempest.conf, logs): \(workspace)\n"
        if exitStatus != 0 && counts.failed == 0 && counts.passed > 0 {
            out += "Tempest exited with status \(exitStatus) before it finished: the run is incomplete\n"
        }
        out += passed ? "Result: PASS\n" : (counts.passed == 0 ? "Result: FAIL (no test passed)\n" : "Result: FAIL\n")
        return out
    }
}
