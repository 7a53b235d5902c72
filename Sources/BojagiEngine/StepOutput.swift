import Foundation

/// Where a running step's lines go: its log file (every line), the progress it reports, and the last lines for
/// a failure message. Lines arrive from the runner's stream one at a time, hence the lock.
final class StepOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private var progress = AnsibleProgress()
    private var tail: [String] = []
    private let onProgress: @Sendable (AnsibleProgress) -> Void

    init(log path: String, onProgress: @escaping @Sendable (AnsibleProgress) -> Void) throws {
        // Logs can hold what a service printed about its configuration: only the owner reads them.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.onProgress = onProgress
    }

    deinit { try? handle.close() }

    func take(_ line: String) {
        lock.lock()
        handle.write(Data((line + "\n").utf8))
        var changed: AnsibleProgress?
        if let event = AnsibleProgress.event(line) {
            if progress.apply(event) { changed = progress }
        } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            tail.append(line)
            if tail.count > 15 { tail.removeFirst(tail.count - 15) }
        }
        lock.unlock()
        if let changed { onProgress(changed) }
    }

    func note(_ text: String) { take("bojagi: " + text) }

    var result: (progress: AnsibleProgress, tail: [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (progress, tail)
    }
}
