import BojagiCore
import BojagiOpenStack
import Foundation
import Logging
import Testing
@testable import BojagiEngine

/// The engine runs real commands (/bin/sh) through the real subprocess runner into a real SQLite file.
@Suite struct EngineTests {
    final class Workspace {
        let root: String
        var home: String { root + "/home" }
        var directory: String { root + "/deploy" }
        var blueprint: String { root + "/bojagi.yaml" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/deploy", withIntermediateDirectories: true)
            try "release: 2026.2\n".write(toFile: root + "/bojagi.yaml", atomically: true, encoding: .utf8)
            try "[control]\nctl01\n".write(toFile: root + "/deploy/inventory", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func engine() throws -> Engine {
            Engine(store: try RunStore(path: home + "/runs.sqlite"), runner: SubprocessCommandRunner(), home: home,
                   logger: Logger(label: "test"))
        }

        var context: Engine.Context { Engine.Context(blueprint: blueprint, directory: directory, user: "tester", command: "bojagi deploy") }

        func shell(_ name: String, _ script: String) -> EngineStep {
            EngineStep(name: name, argv: ["/bin/sh", "-c", script], workingDirectory: directory, liveSafe: true)
        }
    }

    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [EngineEvent] = []
        func add(_ event: EngineEvent) { lock.lock(); list.append(event); lock.unlock() }
        var all: [EngineEvent] { lock.lock(); defer { lock.unlock() }; return list }
    }

    @Test func aFailedStepIsRecordedAndResumedWhereItStopped() async throws {
        let space = try Workspace()
        let marker = space.root + "/fixed"
        let plan = EnginePlan(operation: .deploy, steps: [
            space.shell("first", "echo one >> \(space.root)/count"),
            space.shell("chosen", "echo checking; test -e \(marker) || { echo 'cause: no marker' >&2; exit 3; }"),
            space.shell("last", "echo done"),
        ])
        let engine = try space.engine()
        await #expect { try await engine.run(plan, context: space.context) { _ in } } throws: { error in
            let text = "\(error)"
            return text.contains("step 'chosen' failed: exit status 3") && text.contains("cause: no marker")
                && text.contains("bojagi resume 1")
        }
        let store = try RunStore(path: space.home + "/runs.sqlite")
        let failed = try #require(try store.run(1))
        #expect(failed.status == .failed)
        #expect(failed.user == "tester")
        #expect(failed.operation == "deploy")
        let steps = try store.steps(of: 1)
        #expect(steps.map(\.status) == [.succeeded, .failed, .pending])
        #expect(steps[1].exitStatus == 3)
        let log = try String(contentsOfFile: try #require(steps[1].logFile), encoding: .utf8)
        #expect(log.contains("cause: no marker"))
        #expect(try FileManager.default.attributesOfItem(atPath: steps[1].logFile!)[.posixPermissions] as? Int == 0o600)

        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        let resumed = try await engine.resume(nil, force: false, user: "tester", command: "bojagi resume") { _ in }
        #expect(resumed.status == .succeeded)
        #expect(resumed.resumes == 1)
        #expect(try store.steps(of: resumed.id!).map(\.name) == ["chosen", "last"])
        // The first step ran once: resume started at the failed one.
        #expect(try String(contentsOfFile: space.root + "/count", encoding: .utf8) == "one\n")
        await #expect(throws: StepFailure.self) { try await engine.resume(1, force: false, user: "t", command: "c") { _ in } }
    }

    @Test func resumeRefusesAChangedDirectoryUnlessForced() async throws {
        let space = try Workspace()
        let plan = EnginePlan(operation: .reconfigure, steps: [space.shell("fails", "exit 1")])
        let engine = try space.engine()
        await #expect(throws: StepFailure.self) { try await engine.run(plan, context: space.context) { _ in } }
        try "[control]\nctl01\nctl02\n".write(toFile: space.directory + "/inventory", atomically: true, encoding: .utf8)
        await #expect { try await engine.resume(1, force: false, user: "t", command: "c") { _ in } } throws: { error in
            "\(error)".contains("changed since run 1 stopped at 'fails'") && "\(error)".contains("--force")
        }
        // Forced, it runs the failed step again (and it fails again, recorded as run 2).
        await #expect(throws: StepFailure.self) { try await engine.resume(1, force: true, user: "t", command: "c") { _ in } }
        #expect(try RunStore(path: space.home + "/runs.sqlite").run(2)?.resumes == 1)
    }

    @Test func ansibleProgressNamesTheFailingTask() async throws {
        let space = try Workspace()
        let lines = [
            #"bojagi-progress: {"event": "play", "name": "Apply role nova"}"#,
            #"bojagi-progress: {"event": "task", "n": 1, "name": "Ensuring config directories exist", "role": "nova"}"#,
            #"bojagi-progress: {"event": "task", "n": 2, "name": "Check nova containers", "role": "nova"}"#,
            #"bojagi-progress: {"event": "failed", "host": "ctl01", "task": "Check nova containers", "role": "nova", "msg": "no docker"}"#,
        ]
        let script = lines.map { "echo '\($0)'" }.joined(separator: "; ") + "; exit 2"
        let events = Events()
        let engine = try space.engine()
        await #expect(throws: StepFailure.self) {
            try await engine.run(EnginePlan(operation: .deploy, steps: [space.shell("deploy", script)]), context: space.context) { events.add($0) }
        }
        let progress = events.all.compactMap { event -> AnsibleProgress? in
            if case .progress(_, _, _, let progress) = event { return progress } else { return nil }
        }
        #expect(progress.map(\.tasks) == [1, 2, 2])
        #expect(progress.last?.failure == "[ctl01] nova : Check nova containers failed: no docker")
        #expect(try RunStore(path: space.home + "/runs.sqlite").steps(of: 1).first?.failingTask == "[ctl01] nova : Check nova containers failed: no docker")
    }

    @Test func aMissingProgramIsAFailedStepNotACrash() async throws {
        let space = try Workspace()
        let step = EngineStep(name: "venv", argv: [space.root + "/no-such-program"], workingDirectory: space.directory, liveSafe: true,
                              needs: [.registry])
        await #expect { try await space.engine().run(EnginePlan(operation: .deploy, steps: [step]), context: space.context) { _ in } } throws: { error in
            "\(error)".contains("no-such-program is not an executable file") && "\(error)".contains("container registry")
        }
    }

    @Test func oneRunAtATime() async throws {
        let space = try Workspace()
        let engine = try space.engine()
        let held = try engine.lock(command: "bojagi deploy (first)")
        await #expect { try await engine.run(EnginePlan(operation: .deploy, steps: [space.shell("x", "true")]), context: space.context) { _ in } } throws: { error in
            "\(error)".contains("another run holds") && "\(error)".contains("bojagi deploy (first)")
        }
        withExtendedLifetime(held) {}
    }

    @Test func theDirectoryHashFollowsContentAndMode() throws {
        let space = try Workspace()
        let before = try DirectoryHash.of(space.directory)
        #expect(try DirectoryHash.of(space.directory) == before)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: space.directory + "/inventory")
        let mode = try DirectoryHash.of(space.directory)
        #expect(mode != before)
        try FileManager.default.createDirectory(atPath: space.directory + "/.git", withIntermediateDirectories: true)
        try "x".write(toFile: space.directory + "/.git/HEAD", atomically: true, encoding: .utf8)
        #expect(try DirectoryHash.of(space.directory) == mode)
    }
}

@Suite struct ServiceDiffTests {
    /// One host per role, present before and after; a host sampling several roles once; new hosts never.
    @Test func samplesOneRunningHostPerRole() {
        let old = ["control": ["ctl01", "ctl02"], "network": ["ctl01"], "compute": ["cmp01"], "storage": ["ceph01"]]
        let new = ["control": ["ctl01", "ctl02"], "network": ["ctl01"], "compute": ["cmp09", "cmp01"], "storage": ["ceph02"]]
        #expect(ServiceDiff.sampleHosts(old: old, new: new) == ["ctl01", "cmp01"])
    }
}

@Suite struct InterruptedRunTests {
    /// A run whose process ended mid-step (still "running" in the records) becomes failed at that step when the
    /// next command takes the lock, and resumes from there.
    @Test func anInterruptedRunIsResumable() async throws {
        let space = try EngineTests.Workspace()
        let store = try RunStore(path: space.home + "/runs.sqlite")
        let steps = try [space.shell("one", "true"), space.shell("two", "echo two > \(space.root)/two")].map(EngineStepJSON.init)
        let record = RunRecord(operation: "deploy", user: "t", started: Date(), blueprint: space.blueprint, blueprintHash: "x",
                               directory: space.directory, renderHash: try DirectoryHash.of(space.directory))
        var (run, records) = try store.start(record, steps: steps)
        records[0].status = .succeeded
        try store.update(records[0])
        records[1].status = .running
        try store.update(records[1])
        run.renderHashEnd = try DirectoryHash.of(space.directory)
        try store.update(run)

        let resumed = try await space.engine().resume(nil, force: false, user: "t", command: "bojagi resume") { _ in }
        #expect(try store.run(run.id!)?.status == .failed)
        #expect(try store.steps(of: run.id!)[1].failingTask?.hasPrefix("interrupted") == true)
        #expect(resumed.status == .succeeded)
        #expect(FileManager.default.fileExists(atPath: space.root + "/two"))
    }
}
