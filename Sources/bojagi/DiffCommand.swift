import ArgumentParser
import BojagiCore
import BojagiEngine
import BojagiOpenStack
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a render of the blueprint would change in a deployment directory.",
        usage: "bojagi diff [<file>] [--against <dir>] [--services] [<options>]",
        discussion: """
        Renders the blueprint in memory and diffs it against the directory, every secret value hidden \
        (passwords.yml, keys, any file written 0600). Exits 1 when something differs.

        --services runs the real `kolla-ansible genconfig` (the release's venv in $BOJAGI_HOME/venvs) on the \
        directory as it is and as it would be, for one host per role, without SSH or containers, and lists the \
        services whose configuration files change: the containers `reconfigure` or `upgrade` restarts, and on \
        which hosts. Only file names are shown.

        Examples:
          bojagi diff bojagi.yaml --against deployment
          bojagi diff bojagi.yaml --against deployment --services
        """
    )

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: ArgumentHelp("The deployment directory to compare with.", valueName: "dir"))
    var against = "deployment"

    @Flag(help: "Run kolla-ansible genconfig on both and list the services (containers) that change.")
    var services = false

    @Option(help: ArgumentHelp("With --services: only these kolla-ansible roles (nova,neutron).", valueName: "tags"))
    var tags: String?

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        var differs = try Self.showFileDiff(file: file, out: against, catalog: options)
        if services, differs { differs = try await showServices() || differs }
        if differs { throw ExitCode(1) }
    }

    /// Renders into a copy of the directory, runs genconfig on both, prints the services that change.
    func showServices() async throws -> Bool {
        let kolla = try KollaFiles.bundled()
        let planner = try options.planService(inventory: kolla.inventory, blueprint: file)
        let blueprint = try BlueprintLoader(catalog: planner.catalog).load(file)
        let old = URL(fileURLWithPath: against).standardizedFileURL.path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-diff-\(getpid())").path
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let new = work + "/deploy"
        try FileManager.default.copyItem(atPath: old, toPath: new)
        let files = try RenderService(planner: planner, kolla: kolla, secrets: CryptoSecretSource()).files(for: blueprint, existing: URL(fileURLWithPath: new))
        _ = try DirectoryWriter().write(files, to: URL(fileURLWithPath: new))
        let release = planner.catalog.release(named: blueprint.release)
        let venv = "\(EngineOptions.home)/venvs/kolla-ansible-\(release?.id ?? blueprint.release)"
        let diff = ServiceDiff(runner: SubprocessCommandRunner(), genconfig: try EngineOptions.scripts() + "/kolla/genconfig.sh", venv: venv, tags: tags)
        print("kolla-ansible genconfig of \(against)/ and of the new render (one host per role; work in \(work))")
        let changes: [ServiceDiff.Change]
        do {
            changes = try await diff.changes(old: old, new: new, work: work + "/kolla") { printError("  \($0)") }
        } catch let failure as StepFailure {
            throw CommandFailure("\(failure)")
        }
        try? FileManager.default.removeItem(atPath: work)
        if changes.isEmpty {
            print("no service's configuration changes: nothing restarts")
            return false
        }
        for change in changes {
            print("\(change.service): \(change.files.joined(separator: ", ")) (seen on \(change.seenOn.joined(separator: ", "))) → restarts \(change.container) on \(change.restartsOn.joined(separator: ", "))")
        }
        return true
    }

    /// Prints the rendered files' diff (rendered for `release` instead of the blueprint's when given: an
    /// upgrade's target); returns whether anything differs.
    @discardableResult
    static func showFileDiff(file: String, out: String, catalog: CatalogOptions, release: String? = nil) throws -> Bool {
        let directory = URL(fileURLWithPath: out)
        let service: RenderService, files: [RenderedFile]
        do {
            (_, service, files) = try RenderCommand.files(file, against: out, release: release, options: catalog)
        } catch let failure as RenderService.Failure {
            throw CommandFailure("\(failure)")
        }
        let result = service.check(files, in: directory)
        let changed = result.changes.filter { $0.kind != .unchanged }
        if changed.isEmpty {
            print("\(out)/ matches \(file): nothing to change (\(files.count) files)")
            return false
        }
        print(result.diff, terminator: "")
        print("\(changed.count) of \(files.count) files change: \(changed.map { "\($0.path) (\($0.kind == .created ? "new" : "changed"))" }.joined(separator: ", "))")
        return true
    }
}
