import Foundation
import BojagiCore
import BojagiOpenStack
import BojagiTestSupport
@testable import BojagiServe

/// A dashboard over real files in a fresh directory: the exchange blueprint's plan, a log directory (with a
/// file outside it and a symbolic link pointing there), recorded runs, and a health history on disk.
struct ServeFixture: Sendable {
    let root: URL
    let dashboard: Dashboard

    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// `collector`: nil serves only the blueprint.
    init(blueprint: Bool = true, collector: (any HealthCollector)? = ServeFixture.unreachableCloud) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-serve-\(UUID().uuidString)")
        let manager = FileManager.default
        let logs = root.appendingPathComponent("lab/logs")
        try manager.createDirectory(at: logs.appendingPathComponent("nova"), withIntermediateDirectories: true)
        try Data((1...300).map { $0 % 50 == 0 ? "line \($0) ERROR something failed\n" : "line \($0) INFO fine\n" }.joined().utf8)
            .write(to: logs.appendingPathComponent("keystone.log"))
        try Data("nova-api started\n".utf8).write(to: logs.appendingPathComponent("nova/nova-api.log"))
        try Data("admin-password-here\n".utf8).write(to: root.appendingPathComponent("lab/secret.log"))
        try manager.createSymbolicLink(atPath: logs.appendingPathComponent("escape.log").path, withDestinationPath: "../secret.log")

        let home = root.appendingPathComponent("bojagi-home")
        try manager.createDirectory(at: home.appendingPathComponent("ha-lab/drill"), withIntermediateDirectories: true)
        try manager.createDirectory(at: home.appendingPathComponent("records/bojagi-ha-lab"), withIntermediateDirectories: true)
        let drill = #"{"passed": true, "seconds": 61.5, "faults": [{}, {}, {}], "lab": "ha-lab"}"#
        try Data(drill.utf8).write(to: home.appendingPathComponent("ha-lab/drill/drill-20261130T010203.json"))
        try Data(drill.utf8).write(to: home.appendingPathComponent("ha-lab/drill/latest.json"))
        try Data(#"{"passed": 85, "failed": 0, "skipped": 8, "cloud": "bojagi-ha-lab", "tests": []}"#.utf8)
            .write(to: home.appendingPathComponent("records/bojagi-ha-lab/tempest-20261130T020304.json"))

        var served: Dashboard.Blueprint?
        if blueprint {
            let text = try String(contentsOf: Self.examples.appendingPathComponent("exchange.yaml"), encoding: .utf8)
            let decoded = try Fixtures.blueprint(text)
            served = Dashboard.Blueprint(file: "exchange.yaml", plan: Fixtures.planner.plan(decoded), networks: decoded.networks)
        }
        dashboard = Dashboard(blueprint: served, collector: collector, logs: collector == nil ? nil : LogFiles(directory: logs),
                              runs: RunRecords(home: home), store: try HealthStore(path: root.appendingPathComponent("health.sqlite").path),
                              cloud: nil, http: URLSessionHTTPClient(timeout: 2), refreshSeconds: 2)
    }

    /// A real collector against a Keystone that is not there: port 9 on loopback refuses the connection.
    static let unreachableCloud: any HealthCollector = CloudHealthCollector(
        config: CloudConfig(name: "nowhere", authURL: URL(string: "http://127.0.0.1:9/v3")!,
                            credential: .password(username: "admin", password: "not-a-secret", userDomain: "Default",
                                                  project: "admin", projectDomain: "Default")),
        http: URLSessionHTTPClient(timeout: 2))

    func remove() { try? FileManager.default.removeItem(at: root) }
}
