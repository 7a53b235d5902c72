/// The files a blueprint names (TLS certificates and their CA), read relative to the blueprint's own directory.
/// An effect passed in through `init`: the command line reads the disk (`BlueprintDirectory`), tests hand
/// files over in memory. Rules see whether a named file exists; render copies it into the deployment.
public protocol BlueprintFiles: Sendable {
    /// Where relative paths are read from, for messages: `examples/`.
    var directory: String { get }
    /// The text of the file at `path` (relative to the blueprint, or absolute), or nil when there is no
    /// readable text file there.
    func text(_ path: String) -> String?
}
