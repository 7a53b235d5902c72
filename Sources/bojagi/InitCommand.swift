import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter bojagi.yaml.",
        usage: "bojagi init --profile <profile> --release <release> [<options>]",
        discussion: """
        Examples:
          bojagi init --profile web-application --release 2025.1
          bojagi init --profile big-data --release queens --output queens/bojagi.yaml
        """
    )

    @Option(help: "Workload profile (`bojagi profiles` lists them).")
    var profile: String

    @Option(help: "Target release, by number or code name.")
    var release: String

    @Option(help: "Where to write the blueprint.")
    var output = "bojagi.yaml"

    @Flag(help: "Replace an existing file.")
    var force = false

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let catalog = try options.catalog()
        guard let profile = catalog.profiles[profile] else {
            throw CommandFailure("unknown profile '\(self.profile)'" + Suggestion.sentence(for: self.profile, in: catalog.profiles.keys)
                                 + " Profiles: \(catalog.profiles.keys.sorted().joined(separator: ", "))")
        }
        guard let release = try catalog.releaseOption(release) else { return }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw CommandFailure("\(output) exists; use --force to replace it")
        }
        let file = RenderedFile(path: url.lastPathComponent, contents: StarterBlueprint.text(profile: profile, release: release, catalog: catalog))
        try DirectoryWriter().write([file], to: url.deletingLastPathComponent())
        print("wrote \(output): \(profile.title) on \(release.label). Next: bojagi plan \(output)")
    }
}
