import Foundation

/// One command at a time on a home directory: a second command is refused at once with who holds the lock,
/// instead of racing the first. The lock is `flock(2)` on a file, so it ends with the process that holds it,
/// however it ends. The labs take `<home>/lab.lock`, the engine `$BOJAGI_HOME/engine.lock`.
public final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Takes the lock at `path` for `command` (what the holder file says to a second command), or throws a
    /// `StepFailure` of `scope` naming the holder; `busy` says what the holder is using.
    public static func acquire(path: String, scope: String, command: String, busy: String) throws -> FileLock {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StepFailure(scope, step: "lock", message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw StepFailure(scope, step: "lock", message: "\(busy): \(holder.flatMap { $0.isEmpty ? nil : $0 } ?? "a bojagi process")",
                              fix: "wait for it to finish, or stop it; the lock goes with its process")
        }
        let note = "pid \(getpid()), `\(command)`, since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return FileLock(descriptor: descriptor)
    }
}
