import Foundation
import BojagiCore
import BojagiOpenStack

/// Waits both labs share: a service is started but not yet usable until these say so.
enum LabReadiness {
    /// Maps the compute host into cell1. nova-compute creates its compute node a little after it starts, and a
    /// discovery before that maps nothing, so discover until `list_hosts` shows the host.
    /// `settings`: a node whose nova.conf reaches the cell database.
    static func waitForComputeMapped(runner: any ProcessRunner, settings: LabSettings, host: String, log: String, computeLog: String,
                                     timeout: Double = 120) async throws {
        let novaManage = [settings.venv + "/bin/nova-manage", "--config-file", settings.path("etc/nova/nova.conf"), "cell_v2"]
        let mapped = try await Poll.until(timeout: timeout, every: .seconds(2)) {
            var hosts = ""
            for arguments in [["discover_hosts", "--verbose"], ["list_hosts"]] {
                let result = try await runner.run(novaManage + arguments, log: log)
                guard result.status == 0 else {
                    throw LabFailure("lab", step: "nova \(arguments[0])", message: "`nova-manage cell_v2 \(arguments[0])` exited with status \(result.status)",
                                     log: log, tail: runner.tail(log, lines: 15))
                }
                hosts = result.output
            }
            return hosts.contains(" \(host) ")
        }
        if mapped { return }
        throw LabFailure("lab", step: "nova discover hosts", message: "the compute host \(host) was not mapped to a cell within \(Int(timeout)) s",
                         log: computeLog, tail: runner.tail(computeLog, lines: 15))
    }

    /// The admin of the lab's clouds.yaml, authenticated.
    static func session(cloudsFile: String, cloud: String) async throws -> OpenStackSession {
        let config = try CloudConfig.load(cloud: cloud, environment: ["OS_CLIENT_CONFIG_FILE": cloudsFile],
                                          workingDirectory: (cloudsFile as NSString).deletingLastPathComponent) {
            FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) }
        }
        return try await OpenStackSession.authenticate(config, http: URLSessionHTTPClient(timeout: 10))
    }

    /// The scheduler takes a compute host only while its service reports in (every 10 s). After a restart the
    /// database still holds the heartbeat from before, which may be minutes old, so the first boot would find
    /// "no valid host": wait until nova-compute on `host` is up with a heartbeat of the last 30 s.
    static func waitForComputeService(cloudsFile: String, cloud: String, host: String, computeLog: String, timeout: Double = 120) async throws {
        try await waitForAnswer(cloudsFile: cloudsFile, cloud: cloud, type: "compute", path: "/os-services?binary=nova-compute",
                                step: "nova-compute heartbeat", failure: "nova-compute on \(host) did not report as up", log: computeLog,
                                timeout: timeout) { answer in
            (answer["services"] as? [[String: Any]] ?? []).contains { row in
                guard row["host"] as? String == host, row["state"] as? String == "up",
                      let updated = (row["updated_at"] as? String).flatMap(Self.utc) else { return false }
                return Date().timeIntervalSince(updated) < 30
            }
        }
    }

    /// Nova's timestamps: UTC without a zone, `2026-11-25T15:15:28.000000`.
    static func utc(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.date(from: String(text.prefix(19)))
    }

    /// Volumes can be scheduled only once cinder-volume has reported its pool; ask the API, as a user would.
    static func waitForVolumePool(cloudsFile: String, cloud: String, volumeLog: String, pools: Int = 1, timeout: Double = 180) async throws {
        try await waitForAnswer(cloudsFile: cloudsFile, cloud: cloud, type: "volumev3", path: "/scheduler-stats/get_pools",
                                step: "cinder backend", failure: "cinder-volume did not report \(pools == 1 ? "a pool" : "its \(pools) pools") to the scheduler",
                                log: volumeLog, timeout: timeout) { answer in
            ((answer["pools"] as? [Any])?.count ?? 0) >= pools
        }
    }

    /// Asks the `type` service's `path` every 2 s, as the lab's admin, until `accept` takes the JSON answer.
    static func waitForAnswer(cloudsFile: String, cloud: String, type: String, path: String, step: String, failure: String, log: String,
                              timeout: Double, accept: ([String: Any]) -> Bool) async throws {
        let session = try await session(cloudsFile: cloudsFile, cloud: cloud)
        guard let url = session.url(type, path) else {
            throw LabFailure("lab", step: step, message: "no \(type) endpoint in the catalog")
        }
        let accepted = try await Poll.until(timeout: timeout, every: .seconds(2)) {
            let answer = try? await session.call("GET", url)
            return (answer?.json as? [String: Any]).map(accept) ?? false
        }
        if accepted { return }
        throw LabFailure("lab", step: step, message: "\(failure) within \(Int(timeout)) s", log: log, tail: SystemProcessRunner().tail(log, lines: 15))
    }
}
