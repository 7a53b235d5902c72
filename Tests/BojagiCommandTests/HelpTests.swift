import ArgumentParser
import Testing
@testable import bojagi

/// Help is written as paragraphs that argument-parser wraps: at 80 columns no line runs over, and no paragraph
/// breaks into the ragged half-lines that hand-wrapped text gives.
@Suite struct HelpTests {
    static func commands(_ root: ParsableCommand.Type = Bojagi.self, path: [String] = []) -> [(String, ParsableCommand.Type)] {
        let name = (path + [root.configuration.commandName ?? "bojagi"]).joined(separator: " ")
        return [(name, root)] + root.configuration.subcommands.flatMap { commands($0, path: path + [root.configuration.commandName ?? "bojagi"]) }
    }

    @Test(arguments: commands().map(\.0))
    func fitsEightyColumns(command: String) throws {
        let type = try #require(Self.commands().first { $0.0 == command }?.1)
        let help = Bojagi.helpMessage(for: type, columns: 80)
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
        }
        // A hand-wrapped paragraph re-wrapped at 80 leaves a short line followed by a line of prose.
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (short, next) in zip(lines, lines.dropFirst()) where !short.isEmpty && !next.isEmpty
            && !short.hasPrefix(" ") && !next.hasPrefix(" ") && !short.hasSuffix(":") && !short.hasSuffix(".")
            && !next.hasPrefix("-") && !next.hasPrefix("USAGE") {
            let room = 80 - short.count
            let firstWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(firstWord.count + 1 >= room, "\(command): ragged line '\(short)' before '\(next)'")
        }
    }

    @Test func everyCommandIsReached() {
        let names = Set(Self.commands().map(\.0))
        for expected in ["bojagi", "bojagi plan", "bojagi lab up", "bojagi drill lab", "bojagi verify", "bojagi init"] {
            #expect(names.contains(expected))
        }
    }
}
