import Foundation
import BojagiCore
import BojagiOpenStack

/// `bojagi drill upgrade --to R`: the rolling upgrade of the running HA lab to the next release, step by step
/// (`UpgradeSteps`), while the drill's prober reads every API through the VIP. Progress is saved after every step;
/// a failed step stops the upgrade with the cloud serving, and the next run continues from that step.
extension HALab {
    /// What the command line found before the lab changes: the target's venv, the planner's route and steps for
    /// the hop (already checked to be one hop the planner allows), and the blueprint's Ceph.
    public struct UpgradeRequest: Sendable {
        public var to: String
        public var venv: String
        /// The repository's scripts directory (lab/install-venv.sh, ceph/venv-modules.sh).
        public var scripts: String
        public var route: String
        public var plannerSteps: [String]
        public var ceph: HALabCeph?

        public init(to: String, venv: String, scripts: String, route: String, plannerSteps: [String], ceph: HALabCeph?) {
            self.to = to
            self.venv = venv
            self.scripts = scripts
            self.route = route
            self.plannerSteps = plannerSteps
            self.ceph = ceph
        }
    }

    /// The refusals that need only the lab's home: not up, an upgrade to another release in progress, already on R.
    public func upgradeRefusals(to target: String) throws {
        guard let state = HALabState.load(paths.state), !state.processes.isEmpty else {
            throw LabFailure("lab", step: "upgrade", message: "the HA lab in \(paths.home) is not up",
                             fix: "bojagi drill lab up FILE --home \(paths.home) (a blueprint on the release before \(target))")
        }
        let progress = try UpgradeProgress.load(home: paths.home)
        try UpgradeRules.inProgress(progress, to: target, home: paths.home)
        try UpgradeRules.alreadyOn(state.release ?? release, target: target, progress: progress)
    }

    public func upgrade(_ request: UpgradeRequest) async throws -> UpgradeDrillReport {
        let started = ContinuousClock.now
        let runID = Self.runID()
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi drill upgrade")
        defer { withExtendedLifetime(lock) {} }
        try upgradeRefusals(to: request.to)
        try UpgradeRules.healthy(await status(), home: paths.home)
        guard let state = HALabState.load(paths.state) else { throw LabFailure("lab", step: "upgrade", message: "no lab state in \(paths.state)") }
        let existing = try UpgradeProgress.load(home: paths.home).flatMap { $0.to == request.to && !$0.finished ? $0 : nil }
        var journal = existing ?? UpgradeProgress(from: state.release ?? release, to: request.to, venv: request.venv, runID: runID)
        if let existing { progress("continuing the upgrade to \(request.to) begun in run \(existing.runID): \(existing.done.count) steps done") }
        let target = HALab(home: paths.home, venv: request.venv, release: request.to, runner: runner, secretSource: secretSource, logger: logger)
        let secrets = try openstackSecrets(try loadOrCreateSecrets(), components: state.components)
        let ceph = request.ceph.map(cephSettings)
        let steps = UpgradeSteps.plan(components: state.components, controllers: topology.nodes.map(\.name), computes: topology.computes.map(\.name))
        let remaining = UpgradeSteps.remaining(steps, done: journal.doneIDs)
        try saveProgress(journal)
        let manage = try target.manageRenderer(components: state.components, secrets: secrets, ceph: ceph)
        var checks: [UpgradeData.Check] = journal.checks ?? []

        let (_, probe) = try await ScaleProbe(config: try cloudConfig()).during {
            for step in remaining {
                let clock = ContinuousClock.now
                progress("\(step.id)…")
                do {
                    let detail: String
                    switch step.kind {
                    case .venv: detail = try await upgradeVenv(request)
                    case .makeData:
                        let made = try await makeUpgradeData(runID: journal.runID, components: state.components)
                        journal.data = made
                        detail = "project, " + [made.network.map { _ in "network" }, made.server.map { _ in "server on \(topology.computes.first?.name ?? "?")" },
                                                made.image.map { _ in "image" }, made.volume.map { _ in "volume" }, made.queue.map { "message on \($0)" }]
                            .compactMap { $0 }.joined(separator: ", ") + " (\(made.marker))"
                    case .check: detail = try await upgradeCheck(LabComponent(rawValue: step.target)!, manage)
                    case .expand: detail = try await oneShots(manage.upgradeExpand(LabComponent(rawValue: step.target)!), step: step)
                    case .contract: detail = try await oneShots(manage.upgradeContract(LabComponent(rawValue: step.target)!), step: step)
                    case .controller, .compute:
                        guard let node = topology.allNodes.first(where: { $0.name == step.target }) else {
                            throw LabFailure("lab", step: step.id, message: "the lab has no node \(step.target)")
                        }
                        detail = try await roll(node, to: target, components: state.components, secrets: secrets, ceph: ceph)
                    case .checkData:
                        guard let made = journal.data else {
                            throw LabFailure("lab", step: step.id, message: "the resume record holds nothing made before the upgrade")
                        }
                        checks = try await checkUpgradeData(made, runID: runID)
                        journal.checks = checks
                        let lost = checks.filter { !$0.ok }.map(\.kind)
                        detail = lost.isEmpty ? "\(checks.count) checks, nothing lost" : "LOST or unusable: \(lost.joined(separator: ", "))"
                    case .finish: detail = try finishUpgrade(to: request.to, venv: request.venv)
                    }
                    let seconds = (ContinuousClock.now - clock).inSeconds
                    journal.record(step, seconds: seconds, detail: detail, run: runID)
                    try saveProgress(journal)
                    progress(String(format: "%@: %@ (%.1f s)", step.id, detail, seconds))
                } catch {
                    let failure = error as? UpgradeStepFailure ?? UpgradeStepFailure(error as? LabFailure
                        ?? LabFailure("lab", step: step.id, message: "\(error)"), serving: "nothing was stopped: every controller serves")
                    journal.failure = .init(step: step.id, message: failure.failure.message, log: failure.failure.log, serving: failure.serving)
                    try? saveProgress(journal)
                    throw LabFailure("lab", step: step.id, message: failure.failure.message + "\n  the cloud: \(failure.serving)",
                                     log: failure.failure.log, tail: failure.failure.tail,
                                     fix: (failure.failure.fix.map { $0 + "; then " } ?? "") + "run `bojagi drill upgrade --to \(request.to)` again to continue")
                }
            }
        }
        let report = UpgradeDrillReport(
            runID: runID, from: journal.from, to: request.to, route: request.route, plannerSteps: request.plannerSteps,
            steps: steps.compactMap { step in
                journal.done.first { $0.step == step.id }.map { UpgradeDrillReport.Step(name: $0.step, seconds: $0.seconds, detail: $0.detail, run: $0.run) }
            },
            probe: probe, data: checks, seconds: (ContinuousClock.now - started).inSeconds, complete: journal.finished)
        let json = try JSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: report.fileName, contents: json), RenderedFile(path: UpgradeDrillReport.latestName, contents: json)],
                                    to: URL(fileURLWithPath: paths.home))
        progress("report saved: \(paths.home)/\(report.fileName)")
        return report
    }

    func saveProgress(_ progress: UpgradeProgress) throws {
        try DirectoryWriter().write([try progress.file()], to: URL(fileURLWithPath: paths.home))
    }

    /// The target's venv, installed from its pinned constraints when missing (install-venv.sh checks its stamp and
    /// returns at once when the venv is whole); with Ceph, rados and rbd in it.
    func upgradeVenv(_ request: UpgradeRequest) async throws -> String {
        let log = "\(paths.home)/log/upgrade-venv.log"
        let clock = ContinuousClock.now
        let install = try await runner.run(["\(request.scripts)/lab/install-venv.sh", request.to, request.venv], namespace: nil, environment: [:], log: log)
        guard install.status == 0 else {
            throw LabFailure("lab", step: "venv", message: "scripts/lab/install-venv.sh \(request.to) exited \(install.status): \(request.to)'s venv cannot be installed",
                             log: log, tail: Array(install.output.split(separator: "\n").suffix(8).map(String.init)),
                             fix: "see the log (PyPI reachable? disk space?); the lab was not changed")
        }
        var detail = String(format: "%@ (install-venv.sh %.0f s)", request.venv, (ContinuousClock.now - clock).inSeconds)
        if request.ceph != nil {
            try await check("venv", ["\(request.scripts)/ceph/venv-modules.sh", request.venv], log: log)
            detail += "; rados and rbd in it"
        }
        return detail
    }

    /// The target's config for the one-shot commands: the first controller's, in a tree of its own
    /// (`<home>/upgrade/<release>`), so no running service's files change before its node is rolled.
    func manageRenderer(components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings?) throws -> LabConfigRenderer {
        var settings = openstackSettings(topology.nodes[0], components: components, secrets: secrets, ceph: ceph)
        let relative = "upgrade/\(release)"
        settings.home = "\(paths.home)/\(relative)"
        let renderer = LabConfigRenderer(settings: settings)
        // Keystone's file is the HA lab's own (release-independent; its fernet and credential keys are the lab's).
        let keystone = "\(paths.keystoneConfDir(topology.nodes[0]))/keystone.conf"
        guard let keystoneConf = FileManager.default.contents(atPath: keystone) else {
            throw LabFailure("lab", step: "render \(relative)", message: "no \(keystone)", fix: "bring the lab up again: bojagi drill lab up FILE --home \(paths.home)")
        }
        let files = components.filter { $0 != .keystone }.flatMap(renderer.config) + renderer.cephFiles()
            + [RenderedFile(path: "etc/keystone/keystone.conf", contents: String(decoding: keystoneConf, as: UTF8.self), mode: 0o600)]
        try step("render \(relative)") {
            try DirectoryWriter().write(files.map { $0.moved(under: relative) }, to: URL(fileURLWithPath: paths.home))
            for component in components {
                for directory in ["run/lock/\(component.rawValue)", "data/\(component.rawValue)"] {
                    try FileManager.default.createDirectory(atPath: settings.path(directory), withIntermediateDirectories: true)
                }
            }
        }
        return renderer
    }

    /// `<service>-status upgrade check`: 0 passed, 1 warnings (both go on, as kolla-ansible's nova upgrade does).
    func upgradeCheck(_ component: LabComponent, _ renderer: LabConfigRenderer) async throws -> String {
        guard let command = renderer.upgradeCheck(component) else { return "no status command" }
        let log = "\(paths.home)/log/upgrade-\(component.rawValue).log"
        let result = try await runner.run(command, namespace: nil, environment: [:], log: log)
        let lines = result.output.split(separator: "\n").map(String.init)
        // 255 is oslo.upgradecheck's "the checks could not run" (the tool itself failed, e.g. glance 33.0.0's
        // glance-status reading an option only multi-store configurations register): said in the report, not a
        // failed check. 2 is a check that failed: the upgrade stops before anything changed.
        if result.status == 255 {
            let last = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "no output"
            return "\(component.rawValue)-status upgrade check COULD NOT RUN (exit 255: \(last.trimmingCharacters(in: .whitespaces))); see \(log)"
        }
        guard result.status == 0 || result.status == 1 else {
            throw LabFailure("lab", step: "check \(component.rawValue)", message: "\(component.rawValue)-status upgrade check exited \(result.status)"
                             + (result.status == 2 ? " (a check failed)" : ""), log: log, tail: Array(lines.suffix(12)))
        }
        let checks = lines.filter { $0.contains("| Check: ") }.count
        let warned = lines.filter { $0.contains("| Result: Warning") }.count
        if result.status == 1 && warned == 0 {
            throw LabFailure("lab", step: "check \(component.rawValue)", message: "\(component.rawValue)-status exited 1 without a warning: "
                             + (lines.last ?? "no output"), log: log, tail: Array(lines.suffix(8)))
        }
        return "\(component.rawValue)-status upgrade check: \(checks) checks, " + (result.status == 0 ? "all passed" : "\(warned) warning(s)")
    }

    func oneShots(_ commands: [(step: String, command: [String])], step: UpgradeStep) async throws -> String {
        let log = "\(paths.home)/log/upgrade-\(step.target).log"
        for (title, command) in commands { try await check(step.id + ": " + title, command, log: log) }
        return commands.isEmpty ? "nothing to do" : commands.map(\.step).joined(separator: ", ")
    }

    /// The lab's state (and the blueprint it keeps) now say the target release and its venv.
    func finishUpgrade(to target: String, venv: String) throws -> String {
        guard var state = HALabState.load(paths.state) else { throw LabFailure("lab", step: "finish", message: "no lab state in \(paths.state)") }
        state.release = target
        state.venv = venv
        try save(state)
        var detail = "state.json: release \(target), venv \(venv)"
        let blueprint = "\(paths.home)/blueprint.yaml"
        if let text = try? String(contentsOfFile: blueprint, encoding: .utf8) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("release: ") ? "release: \(target)" : String($0) }
            try step("finish") { try DirectoryWriter().write([RenderedFile(path: "blueprint.yaml", contents: lines.joined(separator: "\n"))], to: URL(fileURLWithPath: paths.home)) }
            detail += "; blueprint.yaml release: \(target)"
        }
        return detail
    }
}

/// A failed step and how it left the cloud serving.
struct UpgradeStepFailure: Error {
    let failure: LabFailure
    let serving: String

    init(_ failure: LabFailure, serving: String) {
        self.failure = failure
        self.serving = serving
    }
}
