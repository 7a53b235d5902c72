import Foundation

/// The blueprint's directory on disk: where the files it names are read from.
public struct BlueprintDirectory: BlueprintFiles {
    let url: URL
    public let directory: String

    /// The directory of the blueprint at `path` as the user wrote it; `-` (standard input) reads from the
    /// current directory.
    public init(blueprint path: String) {
        let parent = path == "-" ? "" : (path as NSString).deletingLastPathComponent
        self.init(directory: parent)
    }

    /// `directory` as the user would write it (`examples`); empty for the current directory.
    public init(directory: String) {
        let base = directory.isEmpty ? FileManager.default.currentDirectoryPath : directory
        url = URL(fileURLWithPath: base, isDirectory: true)
        self.directory = directory.isEmpty ? "./" : (directory.hasSuffix("/") ? directory : directory + "/")
    }

    public func text(_ path: String) -> String? {
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : url.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
