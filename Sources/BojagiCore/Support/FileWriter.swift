import Foundation

/// The one place Bojagi writes files: atomically (temporary file, then rename), so a failure never leaves a
/// half-written file, and only when the bytes change.
public struct FileWriter: Sendable {
    public enum Outcome: String, Sendable {
        case created, updated, unchanged
    }

    public init() {}

    @discardableResult
    public func write(_ text: String, to url: URL, mode: Int = 0o644) throws -> Outcome {
        let data = Data(text.utf8)
        let manager = FileManager.default
        let existing = manager.contents(atPath: url.path)
        if existing == data { return .unchanged }
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        // Create with the final mode before writing, so a secret is never readable by others, even briefly.
        guard manager.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: mode]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        return existing == nil ? .created : .updated
    }
}
