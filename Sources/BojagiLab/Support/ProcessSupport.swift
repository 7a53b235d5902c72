import Foundation
import BojagiCore
import BojagiOpenStack

/// What both process runners (the single-node lab's and the HA lab's) need alike.
enum ProcessSupport {
    /// Alive and not a zombie (PID 1 here does not reap promptly, so a dead child can linger as one).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 1, kill(pid, 0) == 0 || errno == EPERM else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// A handle appending to `log`, creating it and its directory.
    static func append(to log: String) throws -> FileHandle {
        let manager = FileManager.default
        try manager.createDirectory(atPath: (log as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !manager.fileExists(atPath: log) { _ = manager.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        return handle
    }

    /// This process's environment with `environment` on top.
    static func merged(_ environment: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
}
