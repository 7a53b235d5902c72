/// The order the single-node lab starts its long-running processes in. A process starts once the processes it
/// needs answer; every process of a wave starts before any is awaited, so their start-ups (mostly Python imports)
/// overlap instead of adding up.
public enum LabStartOrder {
    public struct Cycle: Error, CustomStringConvertible, Equatable {
        public let names: [String]
        public var description: String { "the lab's processes need each other in a cycle: \(names.joined(separator: ", "))" }
    }

    /// What a process needs answering before it starts, by name. A need that is not among the processes started
    /// together is met already (started earlier) or not planned: it is left out.
    public static let needs: [String: [String]] = [
        // rabbitmq-server registers with the lab's own epmd (on the lab's port), started and recorded by the lab.
        "rabbitmq": ["epmd"],
        // nova-compute reports its resources to Placement as it starts; a report that fails is made again only by
        // the periodic task, a minute later. It also waits for the conductor before it starts its service.
        "nova-compute": ["placement-api", "nova-conductor"],
    ]

    /// The names to start now: not started yet, and every need among `names` answering. Starting each as soon as
    /// its needs answer keeps one slow start (Horizon's) from holding back a process that needs only a quick one.
    public static func ready(_ names: [String], answering: Set<String>, started: Set<String>,
                             needs: [String: [String]] = needs) -> [String] {
        let present = Set(names)
        return names.filter { name in
            !started.contains(name) && (needs[name] ?? []).allSatisfy { !present.contains($0) || answering.contains($0) }
        }
    }

    /// `names` in waves: each name's needs among `names` are in earlier waves; within a wave, `names`' order.
    public static func waves(_ names: [String], needs: [String: [String]] = needs) throws(Cycle) -> [[String]] {
        let present = Set(names)
        var placed: Set<String> = []
        var waves: [[String]] = []
        var remaining = names
        while !remaining.isEmpty {
            let wave = remaining.filter { name in (needs[name] ?? []).allSatisfy { !present.contains($0) || placed.contains($0) } }
            guard !wave.isEmpty else { throw Cycle(names: remaining) }
            waves.append(wave)
            placed.formUnion(wave)
            remaining.removeAll { placed.contains($0) }
        }
        return waves
    }
}
