import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a cloud through its OpenStack APIs.",
        usage: "bojagi verify [--cloud <cloud>] [--no-smoke] [<options>]",
        discussion: """
        Authenticates with Keystone v3 (password or application credential), then for every service in the \
        catalog reports whether it is reachable, its API version and microversion, latency, and whether an \
        authenticated request succeeds. Then runs a smoke scenario — image upload, network + subnet, server \
        boot, volume create + attach — and deletes what it made. Reads clouds.yaml with --cloud / OS_CLOUD, \
        or the OS_* environment, like the openstack client; works on any OpenStack cloud. \
        Exits 1 when anything fails.

        Examples:
          export OS_CLIENT_CONFIG_FILE=~/.bojagi/lab/trial/clouds.yaml
          bojagi verify --cloud bojagi-lab
          bojagi verify --no-smoke --format json
        """
    )

    @Option(help: "Cloud name in clouds.yaml (default: OS_CLOUD).") var cloud: String?
    @Flag(help: "Only check the services; skip the smoke scenario.") var noSmoke = false
    @Option(help: "Seconds to wait for a server, volume or image.") var timeout = 180
    @Option(help: "Output format.") var format: OutputFormat = .text

    func run() async throws {
        let config: CloudConfig
        do {
            config = try CloudConfig.load(cloud: cloud, environment: ProcessInfo.processInfo.environment,
                                          workingDirectory: FileManager.default.currentDirectoryPath) { path in
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let report = await Verifier(http: URLSessionHTTPClient(), timeout: .seconds(timeout)).run(config, smoke: !noSmoke)
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}
