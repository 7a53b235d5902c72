import BojagiCore
import BojagiOpenStack
import Foundation
import Logging

/// Runs an `EnginePlan` step by step, each a real command, recording the run in `RunStore` and each step's
/// output in `$BOJAGI_HOME/runs/<id>/`. One run at a time: `$BOJAGI_HOME/engine.lock` names its holder.
public struct Engine: Sendable {
    /// What the run is about, for its record.
    public struct Context: Sendable {
        public let blueprint: String
        public let directory: String
        public let user: String
        /// The command line that started it, for the lock's holder note.
        public let command: String

        public init(blueprint: String, directory: String, user: String, command: String) {
            self.blueprint = blueprint
            self.directory = directory
            self.user = user
            self.command = command
        }
    }

    let store: RunStore
    let runner: any CommandRunner
    let home: String
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(store: RunStore, runner: any CommandRunner, home: String, logger: Logger,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.runner = runner
        self.home = home
        self.logger = logger
        self.clock = clock
    }

    /// Takes the engine's lock: a second run (or resume) is refused while one holds it. Runs left "running" by a
    /// process that ended are marked failed then, so they can be resumed.
    public func lock(command: String) throws -> FileLock {
        let lock = try FileLock.acquire(path: home + "/engine.lock", scope: "engine", command: command,
                                        busy: "another run holds \(home)/engine.lock")
        for id in try store.failInterrupted(at: clock()) {
            logger.warning("run \(id) was interrupted; `bojagi resume \(id)` continues it")
        }
        return lock
    }

    /// Runs every step of `plan`; returns the finished run record, or throws `StepFailure` at the first failed step.
    public func run(_ plan: EnginePlan, context: Context, report: @escaping @Sendable (EngineEvent) -> Void) async throws -> RunRecord {
        let lock = try lock(command: context.command)
        defer { withExtendedLifetime(lock) {} }
        let steps = try plan.steps.map(EngineStepJSON.init)
        let record = RunRecord(operation: plan.operation.description, user: context.user, started: clock(),
                               blueprint: context.blueprint, blueprintHash: try DirectoryHash.file(context.blueprint),
                               directory: context.directory, renderHash: try DirectoryHash.of(context.directory))
        return try await execute(record, steps: steps, report: report)
    }

    /// Continues run `id` (the newest failed run when nil) at its failed step, as a new run that names it. Refuses
    /// when the directory changed since the run stopped, unless `force`.
    public func resume(_ id: Int64?, force: Bool, user: String, command: String,
                       report: @escaping @Sendable (EngineEvent) -> Void) async throws -> RunRecord {
        let lock = try lock(command: command)
        defer { withExtendedLifetime(lock) {} }
        guard let failed = try id.map({ try store.run($0) }) ?? store.lastFailed() else {
            throw StepFailure("resume", step: "find the run", message: id.map { "no run \($0) in \(home)/runs.sqlite" } ?? "no failed run to resume",
                              fix: "`bojagi runs` lists the runs")
        }
        guard failed.status == .failed else {
            throw StepFailure("resume", step: "run \(failed.id!)", message: "run \(failed.id!) \(failed.status.rawValue); only a failed run is resumed")
        }
        if let later = try store.resumed(failed.id!) {
            throw StepFailure("resume", step: "run \(failed.id!)", message: "run \(later.id!) already resumed run \(failed.id!)",
                              fix: later.status == .failed ? "`bojagi resume \(later.id!)`" : "`bojagi runs \(later.id!)` shows it")
        }
        let records = try store.steps(of: failed.id!)
        guard let stop = records.first(where: { $0.status == .failed }) else {
            throw StepFailure("resume", step: "run \(failed.id!)", message: "run \(failed.id!) has no failed step")
        }
        let now = try DirectoryHash.of(failed.directory)
        if now != (failed.renderHashEnd ?? failed.renderHash), !force {
            throw StepFailure("resume", step: "run \(failed.id!)",
                              message: "\(failed.directory) changed since run \(failed.id!) stopped at '\(stop.name)'",
                              fix: "`bojagi diff` shows what changed; start the operation again, or `bojagi resume \(failed.id!) --force` to continue with the directory as it is")
        }
        let steps = try records.filter { $0.position >= stop.position }.map { try $0.step() }
        var record = RunRecord(operation: failed.operation, user: user, started: clock(), blueprint: failed.blueprint,
                               blueprintHash: try DirectoryHash.file(failed.blueprint), directory: failed.directory,
                               renderHash: now, resumes: failed.id)
        record.renderHashEnd = nil
        return try await execute(record, steps: steps, report: report)
    }

    private func execute(_ record: RunRecord, steps: [EngineStepJSON], report: @escaping @Sendable (EngineEvent) -> Void) async throws -> RunRecord {
        var (run, records) = try store.start(record, steps: steps)
        let logs = "\(home)/runs/\(run.id!)"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        report(.started(run: run.id!, steps: steps.count, log: logs))
        logger.debug("run started", metadata: ["run": "\(run.id!)", "operation": "\(run.operation)", "directory": "\(run.directory)"])
        for index in records.indices {
            let number = index + 1
            let step = steps[index].step
            report(.step(number: number, total: steps.count, step: step))
            records[index].status = .running
            records[index].started = clock()
            records[index].logFile = "\(logs)/\(String(format: "%02d", number))-\(Self.fileName(step.name)).log"
            try store.update(records[index])
            let (status, output) = try await runStep(step, log: records[index].logFile!) { progress in
                report(.progress(number: number, total: steps.count, name: step.name, progress: progress))
            }
            records[index].ended = clock()
            records[index].exitStatus = status
            records[index].status = status == 0 ? .succeeded : .failed
            records[index].failingTask = status == 0 ? nil : output.progress.failure
            try store.update(records[index])
            run.renderHashEnd = try DirectoryHash.of(run.directory)
            report(.stepEnded(number: number, total: steps.count, record: records[index]))
            if status != 0 {
                run.status = .failed
                run.ended = clock()
                try store.update(run)
                logger.debug("run failed", metadata: ["run": "\(run.id!)", "step": "\(step.name)", "exit": "\(status)"])
                throw Self.failure(run: run, step: step, record: records[index], tail: output.tail)
            }
        }
        run.status = .succeeded
        run.ended = clock()
        try store.update(run)
        logger.debug("run succeeded", metadata: ["run": "\(run.id!)"])
        return run
    }

    /// Runs one step's command; its lines go to `log`. The exit status is returned, not thrown: 127 when the
    /// program is missing, so the record says so like any other failure.
    private func runStep(_ step: EngineStep, log: String, progress: @escaping @Sendable (AnsibleProgress) -> Void) async throws
        -> (Int32, (progress: AnsibleProgress, tail: [String])) {
        let output = try StepOutput(log: log, onProgress: progress)
        output.note("$ " + step.commandLine + " (in \(step.workingDirectory))")
        guard let program = step.argv.first, FileManager.default.isExecutableFile(atPath: program) else {
            output.note("\(step.argv.first ?? "(no program)") is not an executable file")
            return (127, output.result)
        }
        var environment = step.environment
        if let venv = step.venv {
            environment["PATH"] = venv + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            environment["VIRTUAL_ENV"] = venv
        }
        let status = try await runner.run(program, Array(step.argv.dropFirst()), environment: environment,
                                          workingDirectory: step.workingDirectory) { output.take($0) }
        output.note("exit status \(status)")
        return (status, output.result)
    }

    static func failure(run: RunRecord, step: EngineStep, record: StepRecord, tail: [String]) -> StepFailure {
        var message = "exit status \(record.exitStatus ?? -1)"
        if let task = record.failingTask { message += "; failing task: \(task)" }
        if record.exitStatus == 127, let program = step.argv.first, !FileManager.default.isExecutableFile(atPath: program) {
            message = "\(program) is not an executable file"
        }
        var fixes: [String] = []
        if step.needs.contains(.registry) {
            fixes.append("this step needs every host to reach the container registry (\(StepPlanner.registry), kolla-ansible's docker_registry); a machine without one — like Bojagi's CI — cannot pull kolla images, so the run stops here")
        }
        if step.needs.contains(.containers) {
            fixes.append("this step needs a container engine (docker) under systemd on the hosts, which `bootstrap-servers` installs; a machine without them cannot run it")
        }
        fixes.append("fix the cause, then `bojagi resume \(run.id!)` continues at '\(step.name)'")
        return StepFailure("run \(run.id!) (\(run.operation))", step: step.name, message: message, log: record.logFile,
                           tail: tail, fix: fixes.joined(separator: "\n       "))
    }

    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
