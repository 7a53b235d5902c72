import Foundation

/// One command at a time on a lab home: `up`, `down` and the drills take the lock; a second command is refused at
/// once with who holds it, instead of racing the first (a `down` during an `up` used to kill it half way).
/// The lock is `flock(2)` on `<home>/lab.lock`, so it ends with the process that holds it, however it ends.
public final class LabLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Takes the lock for `command` (what the holder file says to a second command), or throws naming the holder.
    public static func acquire(home: String, command: String) throws -> LabLock {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let path = home + "/lab.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LabFailure("lab", step: "lock", message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw LabFailure("lab", step: "lock", message: "another command is using the lab in \(home): \(holder.flatMap { $0.isEmpty ? nil : $0 } ?? "a bojagi process")",
                             fix: "wait for it to finish, or stop it; the lock goes with its process")
        }
        let note = "pid \(getpid()), `\(command)`, since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return LabLock(descriptor: descriptor)
    }
}
