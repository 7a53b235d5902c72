import Foundation
import Testing
import BojagiCore
@testable import BojagiLab

/// The manual's runbooks carry the HA lab's stand-ins for kolla's containers (BojagiCore cannot import the lab,
/// so it writes them itself): each must be the command line, environment and file the lab really uses.
@Suite struct ManualLabCommandTests {
    let topology = HALabTopology.standard
    let paths = HALabPaths(home: "$LAB")
    var commands: HALabCommands { HALabCommands(topology: topology, paths: paths, venv: "/venv") }

    /// `$CTL<n>` where the lab writes the node's address.
    func placeholders(_ text: String) -> String {
        topology.nodes.reduce(text) { $0.replacingOccurrences(of: $1.address, with: "$CTL\($1.index)") }
    }

    @Test func mariadbIsStartedAsTheLabStartsIt() throws {
        for node in topology.nodes {
            let launch = commands.launch(.mariadb, on: node)
            let line = LabCommand.mariadbd(node.index)
            #expect(line.hasPrefix("ip netns exec \(node.namespace) "))
            #expect(line.contains(launch.command.joined(separator: " ")), "\(line)")
            #expect(line.contains(">> \(launch.log) "))
            for (key, value) in launch.environment { #expect(line.contains("\(key)=\(value)"), "\(key)") }
            let bootstrap = commands.launch(.mariadb, on: node, bootstrap: true).command.joined(separator: " ")
            #expect(LabCommand.mariadbd(node.index, bootstrap: true).contains(bootstrap))
        }
        #expect(LabCommand.galeraBootstrap.contains("\(paths.mysqlData(topology.nodes[0]))/grastate.dat"))
        #expect(LabCommand.galeraPositions.contains(paths.log(.mariadb, topology.nodes[0]).replacingOccurrences(of: "ctl1", with: "ctl$n")))
    }

    @Test func sqlUsesTheNodesOwnClientFile() throws {
        let node = topology.nodes[1]
        let lab = commands.sql("SELECT 1", on: node).dropLast().joined(separator: " ")
        #expect(LabCommand.sql(node.index, "SELECT 1") == "ip netns exec \(node.namespace) \(lab) \"SELECT 1\"")
    }

    @Test func rabbitmqHasTheLabsEnvironment() throws {
        for node in topology.nodes {
            let environment = LabCommand.rabbitEnvironment(node.index)
            let lab = RabbitMQConfig.environment(for: node, topology: topology, paths: paths)
            for (key, value) in lab { #expect(environment.contains("\(key)=\(placeholders(value))"), "\(node.name) \(key)") }
            #expect(environment.split(separator: " ").count == lab.count, "no variable the lab does not set")
            #expect(LabCommand.rabbitmqServer(node.index).contains(RabbitMQConfig.server))
            let ctl = placeholders(commands.rabbitmqctl(["status"], on: node).joined(separator: " "))
            #expect(LabCommand.rabbitmqctl(node.index, "status").hasSuffix(ctl), "\(ctl)")
        }
    }

    @Test func theClientTalksToTheLabsCloud() {
        #expect(LabCommand.openstack("token issue").contains("OS_CLOUD=\(HALabClientFiles.cloudName)"))
        #expect(LabCommand.openstack("token issue").contains("OS_CLIENT_CONFIG_FILE=\(paths.clouds)"))
    }
}

/// The manual reads the drills' saved reports back (`JSON.decode`): what `JSON.encode` wrote must come back
/// whole, `run_id` and `keystone_url` included.
@Suite struct DrillRecordRoundTripTests {
    @Test func theFailoverDrillReportReadsBack() throws {
        let window = DrillWindow(requests: 410, failed: 3, unavailableSeconds: 2.4, slowestSeconds: 0.8, firstError: "HTTP 503")
        let report = DrillReport(runID: "20261125-101500", keystoneURL: "http://10.99.0.10:5000/v3", probe: "token + project list",
                                 queueClient: "pika", faults: [
            .init(name: "load-balancer", target: "ctl1", action: "SIGKILL haproxy and keepalived", api: window,
                  apiRequests: ["keystone": 410], apiFailures: ["keystone": 3], queue: window, apiDuringRestore: window,
                  vipMoveSeconds: 2.1, vipHolderAfter: "ctl2", projectKept: true, messageKept: true, networkKept: nil,
                  healed: true, healSeconds: 14, galeraClusterSize: 3, rabbitmqRunningNodes: 3, notes: []),
        ], seconds: 212)
        let back = try JSON.decode(DrillReport.self, from: Data(try JSON.encode(report).utf8))
        #expect(back == report)
    }

    @Test func theOSDDrillReportReadsBack() throws {
        let writes = OSDDrillReport.Writes(json: ["writes": 900, "failed_writes": 0, "writes_per_second": 60.0, "longest_write_seconds": 4.2,
                                                  "writes_over_1s": [1], "blocks_read_back": 900, "blocks_corrupt": 0, "intact": true, "seconds": 15.0])
        let window = DrillWindow(requests: 100, failed: 0, unavailableSeconds: 0, firstError: nil)
        let report = OSDDrillReport(runID: "20261125-111500", osd: "osd.0", deviceClass: "ssd", volume: "v", image: "volume-v",
                                    action: "SIGKILL osd.0", writes: writes, markedDownSeconds: 6, osdDownSeconds: 20, recoverySeconds: 30,
                                    killToCleanSeconds: 45, api: window, apiRequests: [:], apiFailures: [:], healthAfter: "HEALTH_OK", notes: [])
        let back = try JSON.decode(OSDDrillReport.self, from: Data(try JSON.encode(report).utf8))
        #expect(back == report)
        #expect(back.passed)
    }
}
