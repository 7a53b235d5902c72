import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A command run to its end with its output streamed line by line; the exit status is data, not an error.
/// (The labs' long-running services are not run this way: they outlive the command that starts them.)
public protocol CommandRunner: Sendable {
    /// Runs `executable` with `arguments`, standard error merged into standard output, each line given to `line`.
    /// Returns the exit status (128 + the signal when a signal ended it).
    func run(_ executable: String, _ arguments: [String], environment: [String: String], workingDirectory: String?,
             line: @escaping @Sendable (String) -> Void) async throws -> Int32
}

/// swift-subprocess: the child is a scoped value, its output an async sequence of lines.
public struct SubprocessCommandRunner: CommandRunner {
    public init() {}

    public func run(_ executable: String, _ arguments: [String], environment: [String: String], workingDirectory: String?,
                    line: @escaping @Sendable (String) -> Void) async throws -> Int32 {
        var overrides: [Environment.Key: String?] = [:]
        for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating(overrides), workingDirectory: workingDirectory.map { FilePath($0) },
            input: .none, output: .sequence, error: .combinedWithOutput
        ) { execution in
            for try await text in execution.standardOutput.strings() {
                line(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            }
        }
        switch result.terminationStatus {
        case .exited(let code): return Int32(code)
        case .signaled(let signal): return 128 + Int32(signal)
        }
    }
}
