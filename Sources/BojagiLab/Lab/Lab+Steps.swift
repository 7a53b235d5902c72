import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension Lab {
    // MARK: steps

    @discardableResult
    func noted(_ title: String, _ body: () async throws -> String?) async throws -> String? {
        let start = Date()
        say("==> \(title)")
        let note = try await body()
        say(String(format: "    done in %.1f s", Date().timeIntervalSince(start)) + (note.map { " (\($0))" } ?? ""))
        return note
    }

    func step(_ title: String, _ body: () async throws -> Void) async throws {
        try await noted(title) { () async throws -> String? in
            try await body()
            return nil
        }
    }

    func run(_ name: String, _ command: [String], environment: [String: String] = [:], home: URL, step: String? = nil,
             fix: String? = nil) async throws {
        let log = home.appendingPathComponent("logs/\(name).log").path
        let status: Int32
        do {
            status = try await runner.run(command, environment: environment, log: log).status
        } catch {
            throw LabFailure("lab", step: step ?? name, message: "could not run \(command.first ?? ""): \(error)", log: log)
        }
        guard status == 0 else {
            throw LabFailure("lab", step: step ?? name, message: "`\(command.map { ($0 as NSString).lastPathComponent }.prefix(4).joined(separator: " "))` exited with status \(status)",
                             log: log, tail: tail(log), fix: fix)
        }
    }

    func prepare(_ component: LabComponent, renderer: LabConfigRenderer, state: inout LabState, home: URL) async throws {
        guard !state.prepared.contains(component.rawValue) else { return }
        let environment = component == .keystone ? ["OS_BOOTSTRAP_PASSWORD": renderer.settings.secrets.adminPassword] : [:]
        for (title, command) in renderer.preparation(component) {
            try await step(title) {
                try await run(component.rawValue + "-manage", command, environment: environment, home: home, step: title)
            }
        }
        state.prepared.append(component.rawValue)
        try DirectoryWriter().write([try state.file()], to: home)
    }

    /// Database syncs of independent services run side by side: they are most of the wait.
    func prepareInParallel(_ components: [LabComponent], renderer: LabConfigRenderer, state: inout LabState, home: URL) async throws {
        let pending = components.filter { !state.prepared.contains($0.rawValue) }
        guard !pending.isEmpty else { return }
        try await step("database schemas: \(pending.map(\.rawValue).joined(separator: ", "))") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for component in pending {
                    group.addTask {
                        for (title, command) in renderer.preparation(component) {
                            let start = Date()
                            try await run(component.rawValue + "-manage", command, home: home, step: title)
                            say(String(format: "    %@ in %.1f s", title, Date().timeIntervalSince(start)))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        state.prepared += pending.map(\.rawValue)
        try DirectoryWriter().write([try state.file()], to: home)
    }

    /// Before a start: true when the recorded process is alive and healthy (kept, said so); otherwise stops what is
    /// left of it (uwsgi cannot rebind while the old master lives) and refuses a port another process holds.
    func keptOrFreed(_ spec: LabProcessSpec, state: LabState) async throws -> Bool {
        if let recorded = state.process(named: spec.name), runner.isAlive(recorded.pid) {
            if await healthy(spec) {
                say("==> \(spec.name): running (pid \(recorded.pid)), kept")
                return true
            }
            await runner.terminate(recorded.pid, grace: 20, killWait: 0) { runner.groupAlive($0) }
        }
        if let port = spec.port, probe.isListening(port) {
            throw LabFailure("lab", step: "start \(spec.name)", message: "port \(port) is already in use by a process this lab did not start",
                             fix: "stop that process, or choose other ports with --port-offset N (now \(renderer(state).offset))")
        }
        return false
    }

    /// Starts the process and records it in `state` (not yet written); its health is the caller's to await.
    func launch(_ spec: LabProcessSpec, state: inout LabState, home: URL) async throws -> (pid: Int32, log: String) {
        let log = home.appendingPathComponent("logs/\(spec.name).log").path
        let pid: Int32
        do { pid = try await runner.start(spec.command, environment: spec.environment, log: log) } catch {
            throw LabFailure("lab", step: "start \(spec.name)", message: "\(error)", log: log)
        }
        state.record(LabState.Process(name: spec.name, pid: pid, command: spec.command, log: log, health: spec.healthURL, port: spec.port))
        return (pid, log)
    }

    /// Keeps a recorded process that is alive and healthy; otherwise starts it and waits for its health check.
    func ensureRunning(_ spec: LabProcessSpec, state: inout LabState, home: URL) async throws {
        if try await keptOrFreed(spec, state: state) { return }
        try await noted("start \(spec.name)") { () async throws -> String? in
            let (pid, log) = try await launch(spec, state: &state, home: home)
            try DirectoryWriter().write([try state.file()], to: home)
            try await waitHealthy(spec, pid: pid, log: log)
            return "pid \(pid)"
        }
    }

    /// Starts `specs` in `LabStartOrder`'s order: every process whose needs answer starts at once (unless it runs
    /// healthy already), all started ones are awaited together, each with its own health check and timeout, and
    /// each answer lets the processes that needed it start.
    func ensureRunning(together specs: [LabProcessSpec], state: inout LabState, home: URL) async throws {
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = specs.map(\.name)
        do { _ = try LabStartOrder.waves(names) } catch {
            throw LabFailure("lab", step: "start order", message: error.description)
        }
        let begun = Date()
        var answering: Set<String> = []
        var started: Set<String> = []
        try await withThrowingTaskGroup(of: String.self) { group in
            var waiting = 0
            while true {
                let ready = LabStartOrder.ready(names, answering: answering, started: started)
                var launched: [String] = []
                for spec in ready.compactMap({ byName[$0] }) {
                    started.insert(spec.name)
                    if try await keptOrFreed(spec, state: state) {
                        answering.insert(spec.name)
                        continue
                    }
                    let (pid, log) = try await launch(spec, state: &state, home: home)
                    launched.append(spec.name)
                    waiting += 1
                    group.addTask {
                        try await waitHealthy(spec, pid: pid, log: log)
                        say(String(format: "    %@ answers %.1f s after the first start (pid %d)", spec.name, Date().timeIntervalSince(begun), pid))
                        return spec.name
                    }
                }
                if !launched.isEmpty {
                    try DirectoryWriter().write([try state.file()], to: home)
                    say(String(format: "==> start %@ (together, at %.1f s)", launched.joined(separator: ", "), Date().timeIntervalSince(begun)))
                }
                // A kept process may have let others start: look again before waiting.
                if !ready.isEmpty && launched.count < ready.count { continue }
                guard waiting > 0, let name = try await group.next() else { break }
                waiting -= 1
                answering.insert(name)
            }
        }
    }

    /// Polls the health check of a started process until it answers, it exits, or its timeout passes.
    func waitHealthy(_ spec: LabProcessSpec, pid: Int32, log: String) async throws {
        let deadline = Date().addingTimeInterval(Double(spec.timeout))
        while true {
            guard runner.isAlive(pid) else {
                throw LabFailure("lab", step: "start \(spec.name)", message: "\(spec.name) exited", log: log, tail: tail(log))
            }
            if await healthy(spec) { return }
            guard Date() < deadline else {
                throw LabFailure("lab", step: "start \(spec.name)", message: "no answer from \(spec.healthURL ?? spec.name) within \(spec.timeout) s", log: log, tail: tail(log))
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    func renderer(_ state: LabState) -> LabPorts { LabPorts(offset: state.portOffset) }

    func healthy(_ spec: LabProcessSpec) async -> Bool {
        switch spec.health {
        case .alive: return true
        case .tcp(let port): return probe.isListening(port)
        case .http(let url): return await http.answers(url)
        }
    }

    func probeAnswer(_ health: String) async -> String {
        if health.hasPrefix("tcp://"), let port = Int(health.split(separator: ":").last ?? "") {
            return probe.isListening(port) ? "listening" : "not listening"
        }
        guard let url = URL(string: health) else { return "bad URL" }
        do {
            let response = try await http.send(HTTPRequest(url: url))
            return String(format: "HTTP %d in %.0f ms", response.status, response.seconds * 1000)
        } catch {
            return "no answer (\(error.localizedDescription))"
        }
    }

    func tail(_ log: String, lines count: Int = 15) -> [String] {
        runner.tail(log, lines: count)
    }
}
