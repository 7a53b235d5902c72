import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Resolve a blueprint into an explained package.",
        discussion: """
        Prints every service with the reason it is in the package, its maturity, adoption and kolla-ansible \
        flag; then findings; then totals beside the seed's "vendor ships everything" package. \
        Exits 1 when there are errors, 2 when the blueprint cannot be read.

        Examples:
          bojagi plan
          bojagi plan examples/web-application.yaml --format json
        """
    )

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let service = try options.planService(blueprint: file)
        let blueprint = try BlueprintLoader(catalog: service.catalog).load(file)
        let plan = service.plan(blueprint)
        print(format == .json ? try JSON.encode(plan) : PlanReport.text(plan), terminator: "")
        if plan.hasErrors { throw ExitCode(1) }
    }
}

/// Reads and decodes a blueprint file, or prints why not and exits 2.
struct BlueprintLoader {
    let catalog: Catalog

    func load(_ path: String) throws -> Blueprint {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle, let read = try? handle.readToEnd() as Data?? else {
            printError("error: cannot read \(path)\n  fix: run `bojagi init --profile NAME --release NAME` to write one, or name the file")
            throw ExitCode(2)
        }
        do {
            return try BlueprintDecoder(catalog: catalog).decode(String(decoding: read ?? Data(), as: UTF8.self), file: path)
        } catch let error as BlueprintError {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
