import Foundation
import BojagiCore
import BojagiOpenStack

/// What the drill's steps share: the probes' stability, the queue client, resources written before a fault.
extension Drill {
    /// The queue probe ends on SIGTERM; SIGKILL only if it is still there after two seconds.
    func stopProbe(_ pid: Int32) async {
        await lab.runner.terminate(pid, grace: 2, killWait: 0)
    }

    /// Whether every sample of the last `seconds` succeeded, there was at least one, and the samples go back that far.
    static func stable(_ samples: [DrillSample], for seconds: Double, now: Double) -> Bool {
        let recent = samples.filter { $0.time >= now - seconds }
        return !recent.isEmpty && recent.allSatisfy(\.ok) && (samples.first?.time ?? now) <= now - seconds
    }

    func queueSamples(_ log: String) -> [DrillSample] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let time = object["t"] as? Double, let ok = object["ok"] as? Bool else { return nil }
            return DrillSample(time: time, ok: ok, error: object["error"] as? String, seconds: object["seconds"] as? Double ?? 0)
        }
    }

    /// Runs the pika client once; its last output line is a JSON object.
    func queue(_ arguments: [String], secrets: HALabSecrets) async throws -> [String: Any] {
        let log = "\(lab.paths.drill)/queue-probe.log"
        let result = try await lab.runner.run(lab.commands.rabbitProbe(arguments, secrets: secrets), namespace: nil, environment: [:], log: log)
        guard result.status == 0, let line = result.output.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw LabFailure("lab", step: "queue \(arguments.first ?? "")", message: "exited \(result.status)", log: log,
                             tail: result.output.split(separator: "\n").suffix(3).map(String.init))
        }
        return object
    }

    /// POSTs `{kind: body}` to the service's endpoint + path; returns the new resource's URL.
    func create(_ session: OpenStackSession, type: String, path: String, kind: String, body: [String: Any]) async throws -> URL {
        guard let collection = session.url(type, path) else { throw LabFailure("lab", step: "drill", message: "no \(type) endpoint in the catalog") }
        let response = try await session.call("POST", collection, json: [kind: body])
        guard let id = ((response.json as? [String: Any])?[kind] as? [String: Any])?["id"] as? String else {
            throw LabFailure("lab", step: "drill", message: "POST \(collection.absoluteString) answered without an id")
        }
        return OpenStackSession.join(collection, id)
    }

    /// The resource's name read back (retried while the cloud settles), nil when it is gone.
    func name(_ session: OpenStackSession, _ url: URL, kind: String) async -> String? {
        let response = try? await retry("read \(url.absoluteString)") { try await session.call("GET", url) }
        return ((response?.json as? [String: Any])?[kind] as? [String: Any])?["name"] as? String
    }

    func retry<T>(_ what: String, timeout: Double = 30, _ body: () async throws -> T) async throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do { return try await body() } catch {
                if Date() >= deadline { throw LabFailure("lab", step: "drill", message: "\(what): \(error)") }
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    static func runID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
