import Foundation

/// What the `bojagi_progress` callback reports while a step runs: the task count and name, and the first failure.
public struct AnsibleProgress: Sendable, Hashable {
    public static let prefix = "bojagi-progress: "

    public enum Event: Sendable, Hashable {
        case play(String)
        case task(number: Int, name: String)
        case failed(host: String, task: String, message: String, unreachable: Bool)
        case stats(failedHosts: [String])
    }

    public private(set) var tasks = 0
    public private(set) var task: String?
    public private(set) var play: String?
    /// The first failed or unreachable task, as `[host] role : task: message`.
    public private(set) var failure: String?

    public init() {}

    /// The event a line of output carries, nil for Ansible's own output.
    public static func event(_ line: String) -> Event? {
        guard line.hasPrefix(prefix),
              let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(prefix.count).utf8)) as? [String: Any],
              let kind = object["event"] as? String else { return nil }
        func text(_ key: String) -> String { (object[key] as? String) ?? "" }
        func named(_ name: String) -> String {
            let role = text("role")
            return role.isEmpty || name.hasPrefix(role + " : ") ? name : "\(role) : \(name)"
        }
        switch kind {
        case "play": return .play(text("name"))
        case "task": return .task(number: (object["n"] as? Int) ?? 0, name: named(text("name")))
        case "failed", "unreachable":
            return .failed(host: text("host"), task: named(text("task")), message: text("msg"), unreachable: kind == "unreachable")
        case "stats":
            let hosts = (object["hosts"] as? [String: [String: Any]]) ?? [:]
            let failed = hosts.filter { (($0.value["failures"] as? Int) ?? 0) + (($0.value["unreachable"] as? Int) ?? 0) > 0 }
            return .stats(failedHosts: failed.keys.sorted())
        default: return nil
        }
    }

    /// Takes in an event; returns whether the shown progress changed.
    @discardableResult
    public mutating func apply(_ event: Event) -> Bool {
        switch event {
        case .play(let name):
            play = name
            return false
        case .task(let number, let name):
            tasks = max(tasks, number)
            task = name
            return true
        case .failed(let host, let task, let message, let unreachable):
            guard failure == nil else { return false }
            let what = unreachable ? "unreachable" : "failed"
            failure = "[\(host)] \(task.isEmpty ? "(ad-hoc command)" : task) \(what)" + (message.isEmpty ? "" : ": \(message)")
            return true
        case .stats:
            return false
        }
    }
}
