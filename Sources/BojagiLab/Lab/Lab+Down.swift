import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension Lab {
    // MARK: status

    public struct ProcessStatus: Sendable, Codable, Hashable {
        public let name: String
        public let pid: Int32
        public let alive: Bool
        public let health: String?
        /// The HTTP status, "listening", or the error, for processes with a health check.
        public let answer: String?
        public let log: String
    }

    public func status(home: URL) async throws -> [ProcessStatus] {
        guard let state = try LabState.load(from: home) else {
            throw LabFailure("lab", step: "status", message: "no lab in \(home.path) (no \(LabState.fileName))", fix: "run `bojagi lab up` first, or name the lab with --home")
        }
        var result: [ProcessStatus] = []
        for process in state.processes {
            let alive = runner.isAlive(process.pid)
            var answer: String?
            if let health = process.health {
                answer = await probeAnswer(health)
            }
            result.append(ProcessStatus(name: process.name, pid: process.pid, alive: alive, health: process.health, answer: answer, log: process.log))
        }
        return result
    }

    // MARK: down

    /// Stops exactly the processes the state file records: SIGTERM to each process group, SIGKILL after `timeout`.
    @discardableResult
    public func down(home: URL, wipe: Bool, timeout: Double = 30) async throws -> [String] {
        let lock = try LabLock.acquire(home: home.path, command: "bojagi lab down")
        defer { withExtendedLifetime(lock) {} }
        var stopped: [String] = []
        if var state = try LabState.load(from: home) {
            // The services first, then Ceph (OSDs while the monitor still takes their "mark me down", the manager,
            // the monitor), then the database, queue and cache (in reverse start order).
            let processes = Array(state.processes.reversed())
            let infrastructure = Set(["mariadb", "epmd", "rabbitmq", "memcached"])
            let ceph = LabCephCommands.processName("")
            let phases = [
                processes.filter { !infrastructure.contains($0.name) && !$0.name.hasPrefix(ceph) },
                processes.filter { $0.name.hasPrefix(ceph + "osd.") },
                processes.filter { $0.name.hasPrefix(ceph + "mgr.") },
                processes.filter { $0.name.hasPrefix(ceph + "mon.") },
                processes.filter { infrastructure.contains($0.name) },
            ]
            for phase in phases where !phase.isEmpty {
                let alive = phase.filter { runner.isAlive($0.pid) }
                for process in alive { runner.signal(process.pid, SIGTERM) }
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline, alive.contains(where: { runner.groupAlive($0.pid) }) {
                    try await Task.sleep(for: .milliseconds(200))
                }
                for process in alive where runner.groupAlive(process.pid) {
                    say("  \(process.name) (pid \(process.pid)) still running \(Int(timeout)) s after SIGTERM: SIGKILL")
                    runner.signal(process.pid, SIGKILL)
                }
                for process in alive {
                    while runner.groupAlive(process.pid) { try await Task.sleep(for: .milliseconds(100)) }
                    stopped.append(process.name)
                }
            }
            state.processes = []
            try DirectoryWriter().write([try state.file()], to: home)
        }
        if wipe {
            try? FileManager.default.removeItem(at: home)
        }
        return stopped
    }
}
