import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the kolla-ansible and cephadm deployment directory for a blueprint.",
        usage: "bojagi render [<file>] [--out <out>] [--check] [<options>]",
        discussion: """
        Writes inventory, globals.yml (only what differs from kolla-ansible's defaults, each key with the \
        blueprint setting behind it), passwords.yml (generated once, mode 0600, never printed), config/ \
        overrides (external Ceph, Cinder tiers, Nova allocation ratios, provider VLANs; with monitoring on, \
        Prometheus alert rules for exactly the package with their promtool tests, and a Grafana overview \
        dashboard), ceph/ (cephadm spec, bootstrap script, client keys) and certificates/ (the TLS files \
        the blueprint names, read beside it). Files whose bytes did not change are left alone; nothing is \
        written when the blueprint has errors.

        --check renders in memory and exits 1 if the directory differs, printing a diff that never shows \
        secret values: for CI of a deployment repository.

        Examples:
          bojagi render examples/map-platform.yaml --out map-platform
          bojagi render bojagi.yaml --out deployment --check
        """
    )

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: "The deployment directory.")
    var out = "deployment"

    @Flag(help: "Compare with the directory instead of writing; exit 1 when it differs.")
    var check = false

    @Option(help: ArgumentHelp("Render for this release instead of the blueprint's (an upgrade's hop).", valueName: "release"))
    var release: String?

    @OptionGroup var options: CatalogOptions

    /// The blueprint (for `release` when given), the render service and the files it makes against `out`'s
    /// existing ones (whose secrets it keeps); `render` and `diff` share it. Throws RenderService.Failure.
    static func files(_ file: String, against out: String, release: String?, options: CatalogOptions) throws
        -> (blueprint: Blueprint, service: RenderService, files: [RenderedFile]) {
        let kolla = try KollaFiles.bundled()
        let planner = try options.planService(inventory: kolla.inventory, blueprint: file)
        var blueprint = try BlueprintLoader(catalog: planner.catalog).load(file)
        if let release { blueprint.release = try planner.catalog.releaseOption(release)!.name }
        let service = RenderService(planner: planner, kolla: kolla, secrets: CryptoSecretSource())
        return (blueprint, service, try service.files(for: blueprint, existing: URL(fileURLWithPath: out)))
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: out)
        let blueprint: Blueprint, service: RenderService, files: [RenderedFile]
        do {
            (blueprint, service, files) = try Self.files(file, against: out, release: release, options: options)
        } catch let failure as RenderService.Failure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
        if check {
            let result = service.check(files, in: directory)
            if result.diff.isEmpty {
                print("\(out) is up to date (\(files.count) files)")
                return
            }
            print(result.diff, terminator: "")
            let stale = result.changes.filter { $0.kind != .unchanged }.map(\.path)
            printError("\(out) differs from \(file) in \(stale.count) file\(stale.count == 1 ? "" : "s"): \(stale.joined(separator: ", "))\n  fix: run `bojagi render \(file) --out \(out)` and commit the result")
            throw ExitCode(1)
        }
        let changes = try DirectoryWriter().write(files, to: directory)
        for change in changes where change.kind != .unchanged {
            print("\(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(out)/\(change.path)")
        }
        let unchanged = changes.filter { $0.kind == .unchanged }.count
        let tls = blueprint.tls
        let certificates = tls.selfSigned && (tls.external || tls.internal)
            ? "kolla-ansible certificates -i \(out)/inventory --configdir \(out) (tls.self_signed), then " : ""
        print("\(files.count) files in \(out)/ (\(unchanged) unchanged). Next: \(certificates)kolla-ansible -i \(out)/inventory --configdir \(out) prechecks")
    }
}
