import Foundation
import BojagiCore

/// An interop (RefStack) guideline: the required capabilities' tests, resolved against the installed Tempest's own
/// list by idempotent id first (stable across renames), then by name, then by alias, as RefStack does.
public struct TempestGuideline: Sendable {
    public struct Test: Sendable, Equatable {
        public let name: String
        public let idempotentID: String?
        public let aliases: [String]
        public let flagged: Bool
    }

    public struct Resolution: Sendable, Equatable {
        /// Full test ids for `--load-list`.
        public var ids: [String] = []
        public var unresolved: [String] = []
        public var flagged: [String] = []
    }

    public let tests: [Test]

    /// Reads schema 2.0 guidelines (platforms → components → required capabilities → tests) and the older flat
    /// form (`capabilities` with a `status` of required). Every component's required capabilities are taken.
    public init(json data: Data, file: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let capabilities = root["capabilities"] as? [String: Any] else {
            throw TempestFailure("tempest", step: "selection", message: "\(file): not an interop guideline (no `capabilities` object)",
                                 fix: "pass a guideline JSON from openstack/interop, e.g. guidelines/2022.11.json")
        }
        var required = Set<String>()
        for component in (root["components"] as? [String: Any] ?? [:]).values {
            let lists = ((component as? [String: Any])?["capabilities"] as? [String: Any]) ?? [:]
            required.formUnion((lists["required"] as? [String]) ?? [])
        }
        for (name, value) in capabilities where (value as? [String: Any])?["status"] as? String == "required" {
            required.insert(name)
        }
        var tests: [Test] = []
        for name in required.sorted() {
            let entries = ((capabilities[name] as? [String: Any])?["tests"] as? [String: Any]) ?? [:]
            for (test, detail) in entries.sorted(by: { $0.key < $1.key }) {
                let detail = detail as? [String: Any] ?? [:]
                tests.append(Test(name: test, idempotentID: detail["idempotent_id"] as? String,
                                  aliases: detail["aliases"] as? [String] ?? [], flagged: detail["flagged"] != nil))
            }
        }
        self.tests = tests
    }

    /// Matches the guideline against `installed` (the lines of `tempest run --list-tests`).
    public func resolve(installed: [String]) -> Resolution {
        var byID: [String: String] = [:], byName: [String: String] = [:]
        for id in installed {
            let name = id.split(separator: "[").first.map(String.init) ?? id
            byName[name] = id
            if let open = id.firstIndex(of: "["), let attributes = id[open...].dropFirst().split(separator: "]").first {
                for attribute in attributes.split(separator: ",") where attribute.hasPrefix("id-") { byID[String(attribute)] = id }
            }
        }
        var resolution = Resolution()
        for test in tests {
            let id = test.idempotentID.flatMap { byID[$0] } ?? byName[test.name] ?? test.aliases.lazy.compactMap { byName[$0] }.first
            if let id {
                if !resolution.ids.contains(id) { resolution.ids.append(id) }
                if test.flagged { resolution.flagged.append(id) }
            } else {
                resolution.unresolved.append(test.name)
            }
        }
        return resolution
    }
}
