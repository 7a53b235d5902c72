import Crypto
import Foundation

/// SHA-256 over a directory's regular files (relative path, mode and bytes, in path order), `.git` left out:
/// the "render hash" a run records, so `resume` knows whether the directory changed since.
public enum DirectoryHash {
    public static func of(_ directory: String) throws -> String {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory])
        }
        var files: [(String, URL)] = []
        for case let url as URL in walker {
            if url.lastPathComponent == ".git" { walker.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files.append((relative, url))
        }
        var hash = SHA256()
        for (path, url) in files.sorted(by: { $0.0 < $1.0 }) {
            let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
            hash.update(data: Data("\(path)\0\(String(mode, radix: 8))\0".utf8))
            hash.update(data: try Data(contentsOf: url))
            hash.update(data: Data([0]))
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of one file (the blueprint).
    public static func file(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }
}
