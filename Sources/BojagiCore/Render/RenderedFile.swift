/// One file of the deployment directory, as a value: path relative to the directory, contents, mode.
public struct RenderedFile: Sendable, Hashable {
    public let path: String
    public let contents: String
    /// 0o600 for files holding secrets, else 0o644.
    public let mode: Int

    public init(path: String, contents: String, mode: Int = 0o644) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }

    public var holdsSecrets: Bool { mode & 0o077 == 0 }
}
