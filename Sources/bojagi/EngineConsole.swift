import ArgumentParser
import BojagiCore
import BojagiEngine
import BojagiOpenStack
import Foundation

/// How the engine's plans and runs look on a terminal.
enum EngineConsole {
    static func planText(_ plan: EnginePlan, directory: String) -> String {
        var out = "\(plan.operation) on \(directory)/: \(plan.steps.count) steps\n"
        for warning in plan.warnings { out += "warning: \(warning)\n" }
        for (index, step) in plan.steps.enumerated() {
            var tags: [String] = []
            if let limit = step.limit { tags.append("limit \(limit.joined(separator: ","))") }
            tags.append(step.liveSafe ? "safe on a live cloud" : "not live-safe")
            out += "\(String(format: "%2d", index + 1)). \(step.name) (\(tags.joined(separator: "; ")))\n"
            out += "    $ \(step.commandLine)\n"
            if let reason = step.limitReason { out += "    limit: \(reason)\n" }
            if let note = step.note { out += "    note: \(note)\n" }
            if !step.needs.isEmpty { out += "    needs: \(step.needs.map(needText).joined(separator: "; "))\n" }
        }
        if !plan.operatorTasks.isEmpty {
            out += "Left to the operator (kolla-ansible does not do these):\n"
            for task in plan.operatorTasks { out += "  - \(task)\n" }
        }
        return out
    }

    static func needText(_ need: EngineStep.Need) -> String {
        switch need {
        case .registry: "every host reaches \(StepPlanner.registry) (not on this machine: no registry is reachable)"
        case .containers: "docker under systemd on the hosts (not on this machine)"
        }
    }

    /// Runs `body`, printing its events; a failed step is printed in full and ends the command with status 1.
    static func run(_ body: (@escaping @Sendable (EngineEvent) -> Void) async throws -> RunRecord) async throws {
        do {
            let run = try await body(show)
            print("run \(run.id!) \(run.status.rawValue): \(run.operation) (`bojagi runs \(run.id!)` shows its steps and logs)")
        } catch let failure as StepFailure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
    }

    @Sendable static func show(_ event: EngineEvent) {
        switch event {
        case .started(let run, let steps, let log):
            print("run \(run): \(steps) steps, logs in \(log)/")
        case .step(let number, let total, let step):
            print("[step \(number)/\(total) \(step.name)] $ \(step.commandLine)")
        case .progress(let number, let total, let name, let progress):
            if let failure = progress.failure {
                print("[step \(number)/\(total) \(name)] failed: \(failure)")
            } else if let task = progress.task {
                print("[step \(number)/\(total) \(name)] task \(progress.tasks)/…: \(task)")
            }
        case .stepEnded(let number, let total, let record):
            var seconds = 0.0
            if let started = record.started, let ended = record.ended { seconds = ended.timeIntervalSince(started) }
            print("[step \(number)/\(total) \(record.name)] \(record.status.rawValue) in \(String(format: "%.1f", seconds)) s (exit \(record.exitStatus ?? -1))")
        }
        fflush(nil)   // a line at a time, also when stdout is a pipe
    }
}
