import Foundation

/// Every recorded run: drills, add-host and remove-host of the HA lab (`$BOJAGI_HOME/ha-lab/drill/`), OSD drills of single-node labs
/// (`$BOJAGI_HOME/lab/<name>/drill/`), Tempest runs (`$BOJAGI_HOME/records/<cloud>/tempest-*.json`), each
/// with the figures at the top of its JSON report. `*-latest.json` copies are left out: they repeat a run.
public struct RunRecords: Sendable {
    public let home: URL

    public init(home: URL) {
        self.home = home
    }

    public struct Run: Sendable, Codable, Hashable {
        public let kind: String
        /// The lab or cloud it ran against.
        public let target: String
        /// Relative to `$BOJAGI_HOME`.
        public let file: String
        public let modified: Date
        /// The report's top-level numbers, booleans and short strings, by key.
        public let figures: [String: String]
    }

    public func list() -> [Run] {
        var runs: [Run] = []
        let manager = FileManager.default
        func scan(_ directory: String, kind: (String) -> String?, target: String) {
            let url = home.appendingPathComponent(directory)
            for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".json") && !name.hasSuffix("latest.json") {
                guard let kind = kind(name) else { continue }
                let file = url.appendingPathComponent(name)
                let modified = (try? manager.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) ?? .distantPast
                runs.append(Run(kind: kind, target: target, file: "\(directory)/\(name)", modified: modified, figures: Self.figures(file)))
            }
        }
        scan("ha-lab/drill", kind: Self.haLabKind, target: "ha-lab")
        for lab in (try? manager.contentsOfDirectory(atPath: home.appendingPathComponent("lab").path)) ?? [] {
            scan("lab/\(lab)/drill", kind: { $0.hasPrefix("osd-") ? "drill osd" : $0.hasPrefix("drill-") ? "drill" : nil }, target: "lab \(lab)")
        }
        for cloud in (try? manager.contentsOfDirectory(atPath: home.appendingPathComponent("records").path)) ?? [] {
            scan("records/\(cloud)", kind: { $0.hasPrefix("tempest-") ? "verify --tempest" : nil }, target: cloud)
        }
        return runs.sorted { ($0.modified, $0.file) > ($1.modified, $1.file) }
    }

    /// The HA lab's reports: the failover drill's, add-host's and remove-host's (`ScaleReport`), and the upgrade
    /// drill's (`UpgradeDrillReport`).
    static func haLabKind(_ name: String) -> String? {
        for (prefix, kind) in [("drill-", "drill"), ("add-host-", "lab add-host"), ("remove-host-", "lab remove-host"), ("upgrade-", "drill upgrade")] where name.hasPrefix(prefix) {
            return kind
        }
        return nil
    }

    static func figures(_ file: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: file.path),
              let object = try? JSONDecoder().decode([String: Figure].self, from: data) else { return ["error": "not a JSON object"] }
        return object.compactMapValues(\.text)
    }

    /// A top-level value of a report, as text when it is a figure; objects are left out.
    struct Figure: Decodable {
        let text: String?

        struct Anything: Decodable { init(from decoder: any Decoder) throws {} }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                text = value ? "true" : "false"
            } else if let value = try? container.decode(Int.self) {
                text = String(value)
            } else if let value = try? container.decode(Double.self) {
                text = String(format: "%.2f", value)
            } else if let value = try? container.decode(String.self) {
                text = value.count <= 80 ? value : nil
            } else if let value = try? container.decode([Anything].self) {
                text = "\(value.count) items"
            } else {
                text = nil
            }
        }
    }
}
