import Foundation

/// The lab's log files, read-only: listed, tailed and searched. A name is a path relative to the log directory;
/// anything that would leave it (`..`, an absolute path, a symbolic link pointing out) is refused.
public struct LogFiles: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL.resolvingSymlinksInPath()
    }

    public struct Entry: Sendable, Codable, Hashable {
        public let name: String
        public let bytes: Int
        public let modified: Date
    }

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public func list() -> [Entry] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]) else { return [] }
        var entries: [Entry] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true, url.lastPathComponent.hasSuffix(".log"),
                  let name = try? relativeName(url) else { continue }
            entries.append(Entry(name: name, bytes: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The file `name` stands for, or why not.
    public func resolve(_ name: String) throws -> URL {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
            throw Refused(description: "log '\(name)' is not a name under \(directory.path): use a name from /api/logs")
        }
        let url = directory.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath()
        guard url.path.hasPrefix(directory.path + "/") else {
            throw Refused(description: "log '\(name)' leads outside \(directory.path): refused")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw Refused(description: "no log '\(name)' in \(directory.path): use a name from /api/logs")
        }
        return url
    }

    func relativeName(_ url: URL) throws -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard path.hasPrefix(directory.path + "/") else { throw Refused(description: "outside") }
        return String(path.dropFirst(directory.path.count + 1))
    }

    /// The last `lines` lines of the file, or with `search` the last `lines` lines containing it (any case).
    /// Reads at most the last `window` bytes, so a large log costs the same as a small one.
    public func tail(_ name: String, lines: Int, search: String?, window: Int = 4 << 20) throws -> [String] {
        let url = try resolve(name)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > UInt64(window) ? size - UInt64(window) : 0)
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if size > UInt64(window), !all.isEmpty { all.removeFirst() }
        if all.last == "" { all.removeLast() }
        if let search, !search.isEmpty {
            all = all.filter { $0.range(of: search, options: .caseInsensitive) != nil }
        }
        return Array(all.suffix(max(1, min(lines, 5000))))
    }
}
