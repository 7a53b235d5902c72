import ArgumentParser
import BojagiEngine
import Foundation

struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the engine's runs, or show one with its steps.",
        discussion: """
        Reads $BOJAGI_HOME/runs.sqlite. Without an id: the newest runs, each with its operation, who started it, \
        when, how it ended and the directory. With an id: every step with its command, start, end, exit status, \
        log file and the Ansible task that failed.

        Examples:
          bojagi runs
          bojagi runs 12
        """
    )

    @Argument(help: "A run's id.")
    var id: Int64?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func run() async throws {
        let store = try EngineOptions.store()
        guard let id else {
            let runs = try store.runs()
            if format == .json { print(try json(runs)); return }
            if runs.isEmpty { print("no runs in \(EngineOptions.home)/runs.sqlite"); return }
            for run in runs {
                let resumes = run.resumes.map { " (resumes \($0))" } ?? ""
                print("\(String(format: "%4d", run.id!))  \(run.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(stamp(run.started))  \(run.user)  \(run.operation)\(resumes)  \(run.directory)")
            }
            return
        }
        guard let run = try store.run(id) else { throw CommandFailure("no run \(id) in \(EngineOptions.home)/runs.sqlite; `bojagi runs` lists them") }
        let steps = try store.steps(of: id)
        if format == .json { print(try json(["run": AnyEncodable(run), "steps": AnyEncodable(steps)])); return }
        print("run \(id): \(run.operation), \(run.status.rawValue)")
        print("  by \(run.user), \(stamp(run.started)) – \(run.ended.map(stamp) ?? "…")")
        print("  blueprint \(run.blueprint) (sha256 \(run.blueprintHash.prefix(12)))")
        print("  directory \(run.directory) (sha256 \(run.renderHash.prefix(12)) at the start, \(run.renderHashEnd.map { String($0.prefix(12)) } ?? "–") after the last step)")
        if let resumes = run.resumes { print("  resumes run \(resumes)") }
        for step in steps {
            let definition = try? step.step()
            var line = "  \(String(format: "%2d", step.position + 1)). \(step.name): \(step.status.rawValue)"
            if let status = step.exitStatus { line += ", exit \(status)" }
            if let started = step.started, let ended = step.ended { line += String(format: ", %.1f s", ended.timeIntervalSince(started)) }
            print(line)
            if let definition { print("      $ \(definition.step.commandLine)") }
            if let task = step.failingTask { print("      failing task: \(task)") }
            if let log = step.logFile { print("      log: \(log)") }
        }
    }

    func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a failed run at the step that failed.",
        discussion: """
        Runs the failed step and every step after it again, exactly as they were recorded, as a new run that \
        names the one it continues. Refuses when the deployment directory changed since the run stopped (its \
        hash is recorded after every step), unless --force.

        Examples:
          bojagi resume
          bojagi resume 12 --force
        """
    )

    @Argument(help: "The failed run (default: the newest failed run).")
    var id: Int64?

    @Flag(help: "Continue even though the deployment directory changed.")
    var force = false

    func run() async throws {
        let command = (["bojagi"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        try await EngineConsole.run { report in
            try await EngineOptions.engine().resume(id, force: force, user: EngineOptions.user, command: command, report: report)
        }
    }
}
