import Foundation
import Logging

/// Where the libraries' progress goes on a terminal. The single-node lab's progress is the command's own output
/// (stdout, as it always was); the HA lab's and the drill's run beside a report, so they go to stderr as "• line".
/// Warnings and errors always go to stderr, named as such.
struct ConsoleLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = "\(event.message)"
        switch event.level {
        case .warning: write("warning: \(text)", to: .standardError)
        case .error, .critical: write("error: \(text)", to: .standardError)
        default: label == Labels.lab ? write(text, to: .standardOutput) : write("• \(text)", to: .standardError)
        }
    }

    private func write(_ line: String, to handle: FileHandle) {
        handle.write(Data((line + "\n").utf8))
    }

    /// The labels the commands give their loggers.
    enum Labels {
        static let lab = "bojagi.lab"
        static let haLab = "bojagi.ha-lab"
        static let drill = "bojagi.drill"
        static let tempest = "bojagi.tempest"
        static let serve = "bojagi.serve"
    }
}
