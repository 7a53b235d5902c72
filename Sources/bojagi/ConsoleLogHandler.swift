import Foundation
import Logging
import BojagiOpenStack

/// Where the libraries' progress goes on a terminal. The single-node lab's progress is the command's own output
/// (stdout, as it always was); the HA lab's and the drill's run beside a report, so they go to stderr as "• line".
/// Warnings and errors always go to stderr, named as such. Each "•" line carries the seconds since the command's
/// first one, so a slow step shows where the time went (`• [ 41.2s] galera: ctl2, ctl3 join`).
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
        default:
            if label == Labels.lab { return write(text, to: .standardOutput) }
            let start = commandStart   // set on the first line, before the clock is read for it
            write(String(format: "• [%5.1fs] ", (ContinuousClock.now - start).inSeconds) + text, to: .standardError)
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

/// When the command's first progress line was written (a global: set on first use).
private let commandStart = ContinuousClock.now
