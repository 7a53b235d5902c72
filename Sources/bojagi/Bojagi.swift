import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab
import Logging

@main
struct Bojagi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bojagi",
        abstract: "Package community OpenStack for one organisation's workload.",
        discussion: """
        Bojagi chooses the OpenStack projects a business needs instead of "everything", explains every \
        choice, and writes the deployment for kolla-ansible.

        Start with:
          bojagi profiles
          bojagi init --profile web-application --release 2025.1
          bojagi plan bojagi.yaml
        """,
        subcommands: [CatalogCommand.self, ProfilesCommand.self, InitCommand.self, PlanCommand.self, ValidateCommand.self, UpgradeCommand.self, SizeCommand.self, BenchCommand.self, RenderCommand.self, ManualCommand.self, DiffCommand.self, DeployCommand.self, ReconfigureCommand.self, AddHostCommand.self, RemoveHostCommand.self, RunsCommand.self, ResumeCommand.self, VerifyCommand.self, LabCommand.self, DrillCommand.self, ServeCommand.self]
    )

    /// The libraries log through swift-log; the command line decides where their lines go.
    static func main() async {
        LoggingSystem.bootstrap(ConsoleLogHandler.init)
        await main(nil)
    }
}

/// Options every command that reads the catalog shares.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge release status on this day (YYYY-MM-DD) instead of today.", valueName: "day"))
    var asOf: String?

    func today() throws -> Day {
        guard let asOf else { return Day(Date()) }
        guard let day = Day(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a YYYY-MM-DD date") }
        return day
    }

    func catalog() throws -> Catalog {
        do {
            return try Catalog.bundled()
        } catch {
            throw CleanExit.message("error: \(error)")
        }
    }

    /// `inventory`: kolla-ansible's group model when the caller has loaded it already (render). `blueprint`: the
    /// file's path, since the files it names (TLS certificates) are read beside it.
    func planService(inventory: KollaInventory? = nil, blueprint path: String) throws -> PlanService {
        PlanService(catalog: try catalog(), inventory: try inventory ?? KollaInventory.bundled(), today: try today(),
                    files: BlueprintDirectory(blueprint: path))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Errors a command reports to the user before exiting non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Catalog {
    func releaseOption(_ text: String?) throws -> Release? {
        guard let text else { return nil }
        guard let release = release(named: text) else {
            let names = releases.flatMap { [$0.id, $0.name].compactMap { $0 } }
            throw CommandFailure("unknown release '\(text)'" + Suggestion.sentence(for: text, in: names) + " `bojagi catalog --releases` lists them.")
        }
        return release
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
