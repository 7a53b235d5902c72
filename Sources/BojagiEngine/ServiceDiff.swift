import BojagiCore
import BojagiOpenStack
import Foundation

/// `bojagi diff --services`: the real `kolla-ansible genconfig` of the directory as it is and as the blueprint
/// would render it, for one host per role, then which services' files differ — so which containers restart on
/// which hosts when `reconfigure` or `upgrade` runs. Only file names are compared and shown, never contents.
public struct ServiceDiff: Sendable {
    /// One service (kolla's config directory, named as its container with `-`) whose files differ.
    public struct Change: Sendable, Hashable {
        public let service: String
        /// The sampled hosts whose files for the service differ.
        public let seenOn: [String]
        public let files: [String]
        /// Every host of kolla's group of that name in the new inventory: where the container restarts.
        public let restartsOn: [String]

        /// kolla names the container as the directory with `_` (nova-api → nova_api).
        public var container: String { service.replacingOccurrences(of: "-", with: "_") }
    }

    let runner: any CommandRunner
    /// scripts/kolla/genconfig.sh
    let genconfig: String
    let venv: String
    /// kolla-ansible tags (`nova,neutron`) to render only those services; nil for all.
    let tags: String?

    public init(runner: any CommandRunner, genconfig: String, venv: String, tags: String? = nil) {
        self.runner = runner
        self.genconfig = genconfig
        self.venv = venv
        self.tags = tags
    }

    /// One host per role (in role order), present in both inventories (a new host has nothing to restart); a
    /// host that samples several roles is named once.
    public static func sampleHosts(old: [String: [String]], new: [String: [String]]) -> [String] {
        var hosts: [String] = []
        for role in Host.Role.allCases.map(\.rawValue) {
            let before = Set(old[role] ?? [])
            if let host = (new[role] ?? []).first(where: before.contains), !hosts.contains(host) { hosts.append(host) }
        }
        return hosts
    }

    /// Runs genconfig on `old` and on `new` (both deployment directories) into `work`, then compares.
    public func changes(old: String, new: String, work: String, log: @escaping @Sendable (String) -> Void) async throws -> [Change] {
        guard FileManager.default.isExecutableFile(atPath: venv + "/bin/kolla-ansible") else {
            throw StepFailure("diff", step: "genconfig", message: "no kolla-ansible in \(venv)",
                              fix: "run scripts/kolla/install-venv.sh (Python 3.12, pinned) or `bojagi deploy` once; --services needs the real kolla-ansible")
        }
        let oldInventory = (try? String(contentsOfFile: old + "/inventory", encoding: .utf8)) ?? ""
        let newInventory = (try? String(contentsOfFile: new + "/inventory", encoding: .utf8)) ?? ""
        let sample = Self.sampleHosts(old: DeploymentDirectory.inventoryGroups(oldInventory),
                                      new: DeploymentDirectory.inventoryGroups(newInventory))
        guard !sample.isEmpty else { return [] }
        let limit = sample.joined(separator: ",")
        for (name, directory) in [("old", old), ("new", new)] {
            let out = "\(work)/\(name)"
            var environment = ["KOLLA_VENV": venv, "KOLLA_GENCONFIG_ARGS": "--limit \(limit)"]
            if let tags { environment["KOLLA_GENCONFIG_TAGS"] = tags }
            let status = try await runner.run(genconfig, [directory, out], environment: environment, workingDirectory: nil, line: log)
            guard status == 0 else {
                throw StepFailure("diff", step: "genconfig (\(name))", message: "kolla-ansible genconfig of \(directory) exited \(status)",
                                  log: "\(out)/genconfig.log")
            }
        }
        var seen: [String: [String]] = [:]
        var files: [String: Set<String>] = [:]
        for host in sample {
            let before = Self.files(under: "\(work)/old/\(host)")
            let after = Self.files(under: "\(work)/new/\(host)")
            for path in Set(before.keys).union(after.keys) where before[path] != after[path] {
                let parts = path.split(separator: "/", maxSplits: 1)
                let service = String(parts[0])
                if !(seen[service] ?? []).contains(host) { seen[service, default: []].append(host) }
                files[service, default: []].insert(parts.count > 1 ? String(parts[1]) : path)
            }
        }
        return seen.keys.sorted().map { service in
            let group = DeploymentDirectory.hosts(of: service, inventory: newInventory)
            return Change(service: service, seenOn: seen[service]!, files: files[service]!.sorted(),
                          restartsOn: group.isEmpty ? seen[service]! : group)
        }
    }

    /// Relative path → bytes of every regular file under `root`.
    static func files(under root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            result[path] = data
        }
        return result
    }
}
