import Foundation
import BojagiCore
import BojagiOpenStack

/// The output and exit status of a command run to its end.
public struct CommandResult: Sendable, Hashable {
    public let status: Int32
    public let output: String

    public init(status: Int32, output: String) {
        self.status = status
        self.output = output
    }
}

/// How both labs run programs, on the host or inside a network namespace (`namespace` nil is the host). Passed in,
/// so the orchestration is tested without starting anything.
public protocol ProcessRunner: Sendable {
    /// Runs a command to its end; its output is appended to `log` and returned.
    func run(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> CommandResult
    /// Starts a command detached in a session of its own (`setsid`), output appended to `log`; returns its pid,
    /// which is also its process group id.
    func start(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> Int32
    func isAlive(_ pid: Int32) -> Bool
    /// Sends `signal` to the process group `pid` leads (and to `pid` itself, should it have left the group), or to
    /// `pid` alone.
    func signal(_ pid: Int32, _ signal: Int32, group: Bool)
    /// Every process in a network namespace (`ip netns pids`).
    func pids(inNamespace namespace: String) async -> [Int32]
    /// Resident memory of these processes, in KiB.
    func residentKiB(_ pids: [Int32]) -> Int
    /// Resident memory of the process group `pid` leads, in KiB, when known.
    func residentKiB(group pid: Int32) -> Int?
    /// The last lines of a log file, for error messages.
    func tail(_ log: String, lines: Int) -> [String]
}

extension ProcessRunner {
    /// On the host.
    public func run(_ command: [String], environment: [String: String] = [:], log: String) async throws -> CommandResult {
        try await run(command, namespace: nil, environment: environment, log: log)
    }

    public func start(_ command: [String], environment: [String: String] = [:], log: String) async throws -> Int32 {
        try await start(command, namespace: nil, environment: environment, log: log)
    }

    public func signal(_ pid: Int32, _ signal: Int32) { self.signal(pid, signal, group: true) }

    /// The process or any member of its group is still there.
    public func groupAlive(_ pid: Int32) -> Bool { isAlive(pid) || (residentKiB(group: pid) ?? 0) > 0 }

    /// SIGTERM to the group `pid` leads; SIGKILL only if `running` still holds after `grace` seconds (a pid that
    /// has gone may already belong to someone else), then up to `killWait` seconds for it to go. Returns whether
    /// SIGKILL was needed. `running` defaults to the process itself being alive.
    @discardableResult
    public func terminate(_ pid: Int32, grace: Double, killWait: Double = 5, running: ((Int32) -> Bool)? = nil) async -> Bool {
        let running = running ?? { self.isAlive($0) }
        signal(pid, SIGTERM, group: true)
        if (try? await Poll.until(timeout: grace, every: .milliseconds(100)) { !running(pid) }) ?? false { return false }
        guard running(pid) else { return false }
        signal(pid, SIGKILL, group: true)
        _ = try? await Poll.until(timeout: killWait, every: .milliseconds(50)) { !running(pid) }
        return true
    }
}

/// Foundation's Process. Output goes through a file, not a pipe: a daemon a command leaves behind (epmd) would
/// hold a pipe open forever. Detached starts use `bash -c 'setsid CMD & echo $!'`: the background child of a
/// non-interactive shell is not a group leader, so `setsid` and `ip netns exec` both exec in place and the
/// printed pid is the service's own.
public struct SystemProcessRunner: ProcessRunner {
    public init() {}

    public func run(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> CommandResult {
        let full = Self.inNamespace(namespace, command)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-run-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: output.path])
        }
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = full
        process.environment = ProcessSupport.merged(environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try SignalMask.unblocked { try process.run() } } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if let logHandle = try? ProcessSupport.append(to: log) {
            let header = "$ \(namespace.map { "[\($0)] " } ?? "")\(command.joined(separator: " ")) → \(status)\n"
            try? logHandle.write(contentsOf: Data((header + text).utf8))
            try? logHandle.close()
        }
        return CommandResult(status: status, output: text)
    }

    public func start(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> Int32 {
        try ProcessSupport.append(to: log).close()
        // Through `run`, not a pipe and waitUntilExit: Foundation on Linux sometimes never reaps the shell then.
        var merged = environment
        merged["BOJAGI_RUN_LOG"] = log
        // Close every inherited descriptor first: Foundation watches its child through descriptors a daemon would
        // otherwise inherit and hold, and the start would never be seen to end.
        let script = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; "#
            + #"setsid "$@" >>"$BOJAGI_RUN_LOG" 2>&1 </dev/null & echo $!"#
        let result = try await run(["/bin/bash", "-c", script, "bash"] + Self.inNamespace(namespace, command),
                                   namespace: nil, environment: merged, log: "/dev/null")
        guard result.status == 0, let pid = Int32(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "could not start \(command.joined(separator: " ")): \(result.output)"])
        }
        return pid
    }

    public func isAlive(_ pid: Int32) -> Bool {
        ProcessSupport.isAlive(pid)
    }

    public func signal(_ pid: Int32, _ signal: Int32, group: Bool) {
        guard pid > 1 else { return }
        if group { _ = kill(-pid, signal) }
        _ = kill(pid, signal)
    }

    public func pids(inNamespace namespace: String) async -> [Int32] {
        guard let result = try? await run(["ip", "netns", "pids", namespace], namespace: nil, environment: [:], log: "/dev/null"),
              result.status == 0 else { return [] }
        return result.output.split(whereSeparator: \.isNewline).compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    public func residentKiB(_ pids: [Int32]) -> Int {
        pids.reduce(0) { total, pid in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            return total + (line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0)
        }
    }

    public func residentKiB(group pid: Int32) -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var total = 0
        for entry in entries {
            guard let candidate = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // Fields after the command: state, ppid, pgrp, session, …, rss is field 24 (index 21 after the command).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 21, Int32(fields[2]) == pid, let pages = Int(fields[21]) else { continue }
            total += pages * 4
        }
        return total
    }

    public func tail(_ log: String, lines: Int) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: log) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 16_384 ? size - 16_384 : 0)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).map(String.init))
    }

    static func inNamespace(_ namespace: String?, _ command: [String]) -> [String] {
        guard let namespace else { return command }
        return ["ip", "netns", "exec", namespace] + command
    }
}
