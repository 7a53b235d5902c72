import ArgumentParser
import BojagiCore
import BojagiOpenStack
import BojagiLab

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a blueprint before any host is touched.",
        discussion: """
        Runs every rule (HA, networks, hosts, Ceph, services, capacity, secrets, releases) and prints the \
        findings, errors first, each with its rule id, the blueprint path and line, and a fix. Prints nothing \
        when the blueprint is clean. Exits 1 when there are errors, 2 when the blueprint cannot be read.

        Examples:
          bojagi validate
          bojagi validate examples/map-platform.yaml --format json
          bojagi validate --rules          list every rule
        """
    )

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "List the rules instead of validating.")
    var rules = false

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        if rules {
            var table = TextTable(["RULE", "CHECKS"])
            for rule in Validator.allRules { table.append([rule.id, rule.summary]) }
            print(table.render(), terminator: "")
            return
        }
        let service = try options.planService(blueprint: file)
        let blueprint = try BlueprintLoader(catalog: service.catalog).load(file)
        let findings = service.plan(blueprint).findings
        if format == .json {
            print(try JSON.encode(findings), terminator: "")
        } else if !findings.isEmpty {
            print(PlanReport.findings(findings), terminator: "")
        }
        if findings.hasErrors { throw ExitCode(1) }
    }
}
