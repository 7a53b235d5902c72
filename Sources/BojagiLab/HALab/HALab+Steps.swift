import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension HALab {
    // MARK: helpers

    func launch(_ service: HALabService, on node: HALabNode, state: inout HALabState, bootstrap: Bool = false) async throws {
        let launch = commands.launch(service, on: node, bootstrap: bootstrap)
        let pid: Int32
        do {
            pid = try await runner.start(launch.command, namespace: node.namespace, environment: launch.environment, log: launch.log)
        } catch {
            throw LabFailure("lab", step: "\(service.rawValue) on \(node.name)", message: "\(error)", log: launch.log)
        }
        state.record(service.rawValue, node, pid: pid)
        try save(state)
        try await Task.sleep(for: .milliseconds(200))
        if !runner.isAlive(pid) {
            throw LabFailure("lab", step: "\(service.rawValue) on \(node.name)", message: "exited right after starting", log: launch.log,
                             tail: runner.tail(launch.log, lines: 12))
        }
    }

    func save(_ state: HALabState) throws {
        try DirectoryWriter().write([state.file()], to: URL(fileURLWithPath: paths.home))
    }

    func existingNamespaces() async -> Set<String> {
        guard let result = try? await runner.run(["ip", "netns", "list"], namespace: nil, environment: [:], log: "/dev/null") else { return [] }
        return Set(result.output.split(whereSeparator: \.isNewline).compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    func ip(_ arguments: [String]) async throws {
        try await check("network", ["ip"] + arguments)
    }

    func check(_ step: String, _ command: [String], namespace: String? = nil, environment: [String: String] = [:], log: String? = nil) async throws {
        let log = log ?? paths.labLog
        let result = try await runner.run(command, namespace: namespace, environment: environment, log: log)
        guard result.status == 0 else {
            throw LabFailure("lab", step: step, message: "`\(command.prefix(4).joined(separator: " "))…` exited \(result.status)", log: log,
                             tail: Array(result.output.split(separator: "\n").suffix(8).map(String.init)))
        }
    }

    /// Polls `condition`; gives up after `timeout`, or as soon as the process `watching` has exited.
    func waitFor(_ what: String, timeout: Double, log: String, watching pid: Int32? = nil, _ condition: () async -> Bool) async throws {
        let ready = try await Poll.until(timeout: timeout, every: .milliseconds(300)) {
            if await condition() { return true }
            if let pid, !runner.isAlive(pid) {
                throw LabFailure("lab", step: what, message: "the process exited", log: log, tail: runner.tail(log, lines: 12))
            }
            return false
        }
        if ready { return }
        throw LabFailure("lab", step: what, message: "not ready after \(Int(timeout)) s", log: log, tail: runner.tail(log, lines: 12))
    }

    func step(_ name: String, _ body: () throws -> Void) throws {
        do { try body() } catch let error as LabFailure { throw error } catch {
            throw LabFailure("lab", step: name, message: "\(error)")
        }
    }
}
