import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure decode + plan + validate of a large synthetic blueprint.",
        usage: "bojagi bench [--hosts <hosts>] [--iterations <iterations>]",
        discussion: """
        Generates a valid blueprint with the given number of hosts (3 controllers, a fifth storage hosts, the \
        rest computes), then times decoding it and planning it (resolve, placement, capacity and every \
        validation rule), repeated. Build with `swift build -c release` for figures worth quoting.

        Examples:
          bojagi bench
          bojagi bench --hosts 5000 --iterations 5
        """
    )

    @Option(help: "Hosts in the synthetic blueprint.") var hosts = 1000
    @Option(help: "Timed repetitions.") var iterations = 10
    @OptionGroup var options: CatalogOptions

    func run() async throws {
        // The synthetic blueprint names no file; it is read as if it were in the current directory.
        let service = try options.planService(blueprint: "-")
        let catalog = try options.catalog()
        let text = SyntheticBlueprint.text(hosts: hosts)
        let clock = ContinuousClock()
        var decodeTimes: [Duration] = []
        var planTimes: [Duration] = []
        var findings: [Finding] = []
        for _ in 0..<max(1, iterations) {
            var blueprint: Blueprint?
            decodeTimes.append(try clock.measure { blueprint = try BlueprintDecoder(catalog: catalog).decode(text) })
            planTimes.append(clock.measure { findings = service.plan(blueprint!).findings })
        }
        func summary(_ times: [Duration]) -> String {
            let sorted = times.sorted()
            let ms = { (duration: Duration) in String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000) }
            return "median \(ms(sorted[sorted.count / 2])), min \(ms(sorted[0])), max \(ms(sorted[sorted.count - 1]))"
        }
        print("blueprint: \(hosts) hosts, \(text.utf8.count / 1024) KiB; \(iterations) iterations; findings: \(findings.map { "\($0.severity.rawValue) \($0.id)" }.joined(separator: ", "))")
        print("decode:            \(summary(decodeTimes))")
        print("plan + validate:   \(summary(planTimes))")
        print("total:             \(summary(zip(decodeTimes, planTimes).map { $0 + $1 }))")
    }
}
