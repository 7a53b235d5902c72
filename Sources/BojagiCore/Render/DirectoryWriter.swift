import Foundation

/// Writes a set of rendered files into a deployment directory as one step: every changed file goes to a
/// temporary file first, and only when all are written are they renamed into place. Unchanged files are left
/// alone (their bytes and times), and nothing is half-written if anything fails.
public struct DirectoryWriter: Sendable {
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable { case created, updated, unchanged }
        public let path: String
        public let kind: Kind
    }

    public init() {}

    /// What `write` would do, without writing: for `render --check`.
    public func changes(_ files: [RenderedFile], in directory: URL) -> [Change] {
        files.map { file in
            let url = directory.appendingPathComponent(file.path)
            guard let existing = FileManager.default.contents(atPath: url.path) else { return Change(path: file.path, kind: .created) }
            return Change(path: file.path, kind: existing == Data(file.contents.utf8) && mode(of: url) == file.mode ? .unchanged : .updated)
        }
    }

    @discardableResult
    public func write(_ files: [RenderedFile], to directory: URL) throws -> [Change] {
        let manager = FileManager.default
        let changes = changes(files, in: directory)
        // Refuse before writing anything when a target cannot be replaced by a rename.
        for file in files {
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(file.path).path
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path,
                                                                   NSLocalizedDescriptionKey: "\(path) is a directory; move it away and render again"])
            }
        }
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for (file, change) in zip(files, changes) where change.kind != .unchanged {
                let final = directory.appendingPathComponent(file.path)
                try manager.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).bojagi-tmp")
                try? manager.removeItem(at: temporary)
                // Created with its final mode before any byte is written, so secrets are never readable by others.
                guard manager.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: file.mode]) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
                }
                staged.append((temporary, final))
                let handle = try FileHandle(forWritingTo: temporary)
                try handle.write(contentsOf: Data(file.contents.utf8))
                try handle.synchronize()
                try handle.close()
                try manager.setAttributes([.posixPermissions: file.mode], ofItemAtPath: temporary.path)
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        for entry in staged where rename(entry.temporary.path, entry.final.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: entry.final.path])
        }
        return changes
    }

    private func mode(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int) ?? 0
    }
}
