import ArgumentParser
import BojagiCore
import BojagiOpenStack
import BojagiLab

struct ProfilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the workload packages and the capabilities they ask for.",
        usage: "bojagi profiles [--capabilities] [--release <release>] [<options>]",
        discussion: """
        Examples:
          bojagi profiles
          bojagi profiles --capabilities --release 2025.1   capabilities and which providers 2025.1 has
        """
    )

    @Flag(help: "List capabilities and their providers instead.")
    var capabilities = false

    @Option(help: "Mark providers the release does not have (with --capabilities).")
    var release: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let catalog = try options.catalog()
        let report = CatalogReport(catalog: catalog, today: try options.today())
        if capabilities {
            let output = format == .json
                ? try JSON.encode(catalog.capabilities.values.sorted { $0.name < $1.name })
                : report.capabilities(release: try catalog.releaseOption(release))
            print(output, terminator: "")
        } else {
            let output = format == .json
                ? try JSON.encode(catalog.profiles.values.sorted { $0.name < $1.name })
                : report.profiles()
            print(output, terminator: "")
        }
    }
}
