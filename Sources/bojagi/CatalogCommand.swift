import ArgumentParser
import BojagiCore
import BojagiOpenStack
import BojagiLab

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Show what Bojagi knows about OpenStack projects and releases.",
        usage: "bojagi catalog [<service>] [--release <release>] [--releases] [<options>]",
        discussion: """
        Every fact names its source (openstack/governance, openstack/releases, kolla-ansible, the Project \
        Navigator's data).

        Examples:
          bojagi catalog                        every project
          bojagi catalog --release 2025.1       the projects that exist in 2025.1 Epoxy
          bojagi catalog sahara --release epoxy one project's facts, and whether Epoxy has it
          bojagi catalog --releases             every release, its status today, kolla-ansible and Ceph
          bojagi catalog nova --format json
        """
    )

    @Argument(help: "A project to describe.")
    var service: String?

    @Option(help: "Limit to, or judge against, this release (number or code name).")
    var release: String?

    @Flag(help: "List releases instead of projects.")
    var releases = false

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let catalog = try options.catalog()
        let report = CatalogReport(catalog: catalog, today: try options.today())
        let release = try catalog.releaseOption(self.release)
        if releases {
            print(format == .json ? try JSON.encode(catalog.releases) : report.releases(), terminator: "")
            return
        }
        if let service {
            guard let project = catalog.projects[service.lowercased()] else {
                if let component = catalog.components[service.lowercased()] {
                    print(format == .json ? try JSON.encode(component) : "\(component.name) — \(component.title) (infrastructure)\n  \(component.description)\n  kolla-ansible: \(component.kolla?.flag ?? "–")")
                    return
                }
                throw CommandFailure("unknown service '\(service)'" + Suggestion.phrase(for: service, in: catalog.serviceNames)
                                     + " (`bojagi catalog` lists every project)")
            }
            print(format == .json ? try JSON.encode(project) : report.project(project, release: release), terminator: "")
            return
        }
        if format == .json {
            let projects = catalog.projects.values
                .filter { project in release.map { catalog.exists(project, in: $0) } ?? true }
                .sorted { $0.name < $1.name }
            print(try JSON.encode(projects), terminator: "")
        } else {
            print(report.projects(release: release), terminator: "")
        }
    }
}
