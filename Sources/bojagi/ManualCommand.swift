import ArgumentParser
import BojagiCore
import BojagiOpenStack
import Foundation

struct ManualCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Write the cloud's operations manual in Korean and English.",
        usage: "bojagi manual [<file>] [--lang <lang> ...] [--format <fmt>] [--out <dir>]",
        discussion: """
        Generated from the blueprint, never hand-filled: the package and why each member is in it, what \
        was left out, the release and its support window, hosts, networks, VLAN tiers and VIPs, Ceph tiers \
        and capacity, the HA design and what is not HA, every endpoint and its logs; the latest drill and \
        Tempest records with their dates (or plainly none); runbooks for this cloud's hosts, VIPs and pools, \
        each with validation, preparation, execution, verification, troubleshooting and rollback; the \
        hybrid pattern; and training on the HA lab.

        The first --lang is written to --out, where the alert rules' runbook_url points \
        (runbooks.html#<alert>); each further language goes to --out/<lang>/. --format pdf also prints \
        manual.pdf with headless Chromium (install it with scripts/manual/install-apt.sh); --format json \
        prints the runbooks' steps, each with its command, expected output and the HA lab's equivalent.

        Examples:
          bojagi manual examples/map-platform.yaml --format pdf --out manual
          bojagi manual bojagi.yaml --lang en --format json > runbooks.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, pdf, json
    }

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language: ko or en; repeat for both (default: ko, en).", valueName: "lang"))
    var languages: [ManualMessages.Language] = []

    @Option(help: "html, pdf (the HTML printed by Chromium) or json (the runbooks).")
    var format: Format = .html

    @Option(help: ArgumentHelp("Where the manual is written.", valueName: "dir"))
    var out = "manual"

    @Option(help: ArgumentHelp("The deployment directory as the runbooks' kolla-ansible commands name it.", valueName: "dir"))
    var deployment = "deployment"

    @Option(name: .customLong("ha-lab"), help: ArgumentHelp("The HA lab's home, for its drill record (default: $BOJAGI_HOME/ha-lab).", valueName: "dir"))
    var haLab: String?

    @Option(help: ArgumentHelp("The single-node lab's home, for its OSD drill (default: $BOJAGI_HOME/lab/<name>).", valueName: "dir"))
    var lab: String?

    @Option(help: ArgumentHelp("The clouds.yaml cloud `verify --tempest` ran against (default: the blueprint's name).", valueName: "cloud"))
    var cloud: String?

    @Option(help: ArgumentHelp("verify's records, for Tempest (default: $BOJAGI_HOME/records/<cloud>).", valueName: "dir"))
    var records: String?

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let kolla = try KollaFiles.bundled()
        let planner = try options.planService(inventory: kolla.inventory, blueprint: file)
        let blueprint = try BlueprintLoader(catalog: planner.catalog).load(file)
        let plan = planner.plan(blueprint)
        let context = RenderContext(blueprint: blueprint, plan: plan, catalog: planner.catalog, kolla: kolla)
        let home = LabHomeOptions.bojagiHome
        let name = blueprint.name ?? plan.profile
        let loader = ManualRecordsLoader(
            haLab: haLab.map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent("ha-lab"),
            lab: lab.map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent("lab/\(name)"),
            records: records.map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent("records/\(Self.safeName(cloud ?? name))"))
        let input = ManualInput(context: context, alerts: blueprint.monitoring.prometheus ? MonitoringRenderer.groups(context) : [],
                                records: try loader.load(), upgrade: nextUpgrade(blueprint, catalog: planner.catalog),
                                deployment: deployment)
        let languages = self.languages.isEmpty ? [ManualMessages.Language.ko, .en] : self.languages
        for (index, language) in languages.enumerated() {
            let messages = try ManualMessages.bundled(language)
            let document = ManualBuilder(messages: messages).build(input)
            if !document.unresolved.isEmpty { throw CommandFailure(ManualError.unresolved(document.unresolved).description) }
            if format == .json {
                print(try JSON.encode(document.runbooks), terminator: "")
                continue
            }
            let directory = URL(fileURLWithPath: out).appendingPathComponent(index == 0 ? "" : language.rawValue)
            let changes = try DirectoryWriter().write(ManualHTML.render(document, messages: messages), to: directory)
            for change in changes where change.kind != .unchanged { print("\(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(directory.path)/\(change.path)") }
            if format == .pdf {
                let pdf = try await ManualPDF(runner: SubprocessCommandRunner()).print(directory.appendingPathComponent(ManualHTML.printPage),
                                                                                       to: directory.appendingPathComponent("manual.pdf"))
                print("printed  \(pdf.path)")
            }
        }
    }

    /// The directory name `verify` gives a cloud's records.
    static func safeName(_ cloud: String) -> String {
        String(cloud.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    /// The plan to the release after the blueprint's, when the catalog has one.
    func nextUpgrade(_ blueprint: Blueprint, catalog: Catalog) -> UpgradePlan? {
        guard let from = catalog.release(named: blueprint.release),
              let next = catalog.releases.filter({ $0.ordinal > from.ordinal }).min(by: { $0.ordinal < $1.ordinal }) else { return nil }
        return try? UpgradePlanner(catalog: catalog, today: (try? options.today()) ?? Day(Date())).plan(blueprint, to: next.name)
    }
}

extension ManualMessages.Language: ExpressibleByArgument {}

/// Prints the manual's one-file HTML to PDF with Debian's headless Chromium.
struct ManualPDF {
    let runner: any CommandRunner

    /// BOJAGI_CHROMIUM names another binary; otherwise Debian's and the usual others.
    static var candidates: [String] {
        ProcessInfo.processInfo.environment["BOJAGI_CHROMIUM"].map { [$0] } ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    }

    func print(_ html: URL, to pdf: URL) async throws -> URL {
        let candidates = Self.candidates
        guard let chromium = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CommandFailure("no Chromium to print the PDF with (looked for \(candidates.joined(separator: ", ")))\n  fix: run scripts/manual/install-apt.sh (chromium, fonts-noto-cjk, poppler-utils), or use --format html")
        }
        // Chromium writes the PDF itself; a temporary name and a rename keep a half-written file from being read.
        let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).partial")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let output = LineCollector()
        let status = try await runner.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile.path)",
            "--print-to-pdf=\(partial.path)", html.absoluteString,
        ], environment: [:], workingDirectory: nil) { output.append($0) }
        guard status == 0, FileManager.default.fileExists(atPath: partial.path) else {
            throw CommandFailure("chromium exited \(status) printing \(html.path):\n\(output.tail)\n  fix: run it by hand with the same arguments to see why")
        }
        _ = try? FileManager.default.removeItem(at: pdf)
        try FileManager.default.moveItem(at: partial, to: pdf)
        return pdf
    }
}

/// Chromium's last lines, for the error when it fails.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        lines.append(line)
        if lines.count > 20 { lines.removeFirst() }
    }

    var tail: String {
        lock.lock(); defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}
