import Foundation

/// How the lab runs programs. Passed in, so the orchestration is tested without starting anything.
public protocol ProcessRunner: Sendable {
    /// Runs a command to its end, appending its output to `log`; returns its exit status.
    func run(_ command: [String], environment: [String: String], log: String) async throws -> Int32
    /// Starts a command detached in a session of its own (`setsid`), output appended to `log`; returns its pid,
    /// which is also its process group id.
    func start(_ command: [String], environment: [String: String], log: String) async throws -> Int32
    func isAlive(_ pid: Int32) -> Bool
    /// Sends `signal` to the process group `pid` leads (and to `pid` itself, should it have left the group).
    func signal(_ pid: Int32, _ signal: Int32)
    /// Resident memory of the process group in KiB, when known.
    func residentKiB(group pid: Int32) -> Int?
}

/// Foundation's Process. Detached starts go through `/bin/sh -c 'setsid CMD & echo $!'`: the background child of a
/// non-interactive shell is not a group leader, so `setsid` makes the session in place and the printed pid is the
/// service's own.
public struct SystemProcessRunner: ProcessRunner {
    public init() {}

    public func run(_ command: [String], environment: [String: String], log: String) async throws -> Int32 {
        let handle = try ProcessSupport.append(to: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = ProcessSupport.merged(environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try SignalMask.unblocked { try process.run() } } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    public func start(_ command: [String], environment: [String: String], log: String) async throws -> Int32 {
        _ = try ProcessSupport.append(to: log)
        // Foundation watches its child through a descriptor the child inherits; a daemon keeping it open would make
        // `waitUntilExit` wait for the daemon. So the subshell closes every descriptor above 2 before `setsid`.
        let pidFile = log + ".pid"
        try? FileManager.default.removeItem(atPath: pidFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.detach, "bash"] + command
        var environment = ProcessSupport.merged(environment)
        environment["BOJAGI_LAB_LOG"] = log
        environment["BOJAGI_LAB_PIDFILE"] = pidFile
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try SignalMask.unblocked { try process.run() }
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: pidFile)
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "could not start \(command.joined(separator: " "))"])
        }
        return pid
    }

    public func isAlive(_ pid: Int32) -> Bool {
        ProcessSupport.isAlive(pid)
    }

    public func signal(_ pid: Int32, _ signal: Int32) {
        guard pid > 1 else { return }
        _ = kill(-pid, signal)
        _ = kill(pid, signal)
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

    static let detach = #"""
        ( for fd in /proc/$BASHPID/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
          exec 2>&1
          exec setsid "$@" ) >>"$BOJAGI_LAB_LOG" 2>&1 </dev/null &
        echo $! >"$BOJAGI_LAB_PIDFILE"
        """#
}
