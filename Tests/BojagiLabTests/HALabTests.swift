import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab
import BojagiTestSupport

@Suite("HA lab configuration")
struct HALabTests {
    static let paths = HALabPaths(home: "/srv/ha")
    static let topology = HALabTopology.standard
    static let secrets = HALabSecrets.generate(CountingSecretSource(seed: 7))
    static let files = HALabFiles.render(topology: topology, paths: paths, secrets: secrets)

    static func file(_ path: String) throws -> RenderedFile {
        try #require(files.first { $0.path == path }, "no \(path)")
    }

    static func lines(_ path: String) throws -> [String] {
        try file(path).contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func rendersTheSameBytesTwiceAndSortsByPath() {
        #expect(HALabFiles.render(topology: Self.topology, paths: Self.paths, secrets: Self.secrets) == Self.files)
        #expect(Self.files.map(\.path) == Self.files.map(\.path).sorted())
        #expect(Set(Self.files.map(\.path)).count == Self.files.count)
    }

    @Test(arguments: [
        "etc/ctl1/keepalived.conf", "etc/ctl2/keystone/keystone.conf", "etc/ctl3/rabbitmq.conf",
        "data/ctl1/rabbitmq-home/.erlang.cookie", "etc/keystone/fernet-keys/0", "etc/keystone/credential-keys/1",
        "clouds.yaml", "openrc",
    ])
    func filesHoldingSecretsAreOwnerOnly(path: String) throws {
        #expect(try Self.file(path).mode == 0o600)
    }

    @Test func everyPasswordIsOnlyInOwnerOnlyFiles() {
        let passwords = [Self.secrets.keystoneDatabase, Self.secrets.keystoneAdmin, Self.secrets.rabbitmq, Self.secrets.erlangCookie]
        for file in Self.files where passwords.contains(where: file.contents.contains) {
            #expect(file.mode == 0o600, "\(file.path) holds a password")
        }
    }

    @Test func secretsAreDistinctAndSurviveTheirFile() throws {
        let secrets = Self.secrets
        #expect(Set([secrets.keystoneDatabase, secrets.keystoneAdmin, secrets.rabbitmq, secrets.erlangCookie]).count == 4)
        #expect(secrets.vrrp.count == 8)
        #expect(secrets.fernetKeys.count == 2 && secrets.fernetKeys.allSatisfy { Data(base64Encoded: $0.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/"))?.count == 32 })
        let file = try secrets.file()
        #expect(file.mode == 0o600)
        #expect(try HALabSecrets.decode(Data(file.contents.utf8)) == secrets)
    }

    @Test func galeraNodesShareTheClusterAndKeepTheirOwnFiles() throws {
        for node in Self.topology.nodes {
            let lines = try Self.lines("etc/\(node.name)/my.cnf")
            #expect(lines.contains("wsrep_cluster_address = gcomm://10.99.0.11,10.99.0.12,10.99.0.13"))
            #expect(lines.contains("wsrep_node_address = \(node.address)"))
            #expect(lines.contains("bind-address = \(node.address)"))
            #expect(lines.contains("datadir = /srv/ha/data/\(node.name)/mysql"))
            #expect(lines.contains("socket = /srv/ha/run/\(node.name)/mysqld.sock"))
            #expect(lines.contains("wsrep_sst_method = \(GaleraConfig.sstMethod)"))
            #expect(lines.contains("binlog_format = ROW") && lines.contains("innodb_autoinc_lock_mode = 2"))
        }
    }

    @Test func theSSTMethodRunsTheStockRsyncScriptWithTheShimFirst() throws {
        let method = try Self.file("bin/sst/wsrep_sst_\(GaleraConfig.sstMethod)")
        #expect(method.mode == 0o755)
        #expect(method.contents.contains("exec /usr/bin/wsrep_sst_rsync \"$@\""))
        let shim = try Self.file("bin/sst/rsync")
        #expect(shim.contents.contains("-M uid=root -M gid=root"))
    }

    @Test func haproxySendsTheDatabaseToOneNodeWithBackups() throws {
        let lines = try Self.lines("etc/ctl2/haproxy.cfg")
        #expect(lines.contains("bind 10.99.0.10:3306"))
        #expect(lines.contains("bind 10.99.0.10:5000"))
        #expect(lines.contains("option mysql-check user haproxy_check post-41"))
        #expect(lines.contains("option redispatch") && lines.contains("retries 3"))
        #expect(lines.contains("bind 10.99.0.12:1984"))
        let database = lines.filter { $0.hasPrefix("server") && $0.contains(":3306") }
        #expect(database.count == 3)
        #expect(database.filter { !$0.contains(" backup") }.map { $0.split(separator: " ")[1] } == ["ctl1"])
        #expect(lines.filter { $0.hasPrefix("server") && $0.contains(":5000") }.count == 3)
    }

    @Test func keepalivedTalksToItsPeersAndTracksHAProxy() throws {
        var priorities: [Int] = []
        for node in Self.topology.nodes {
            let lines = try Self.lines("etc/\(node.name)/keepalived.conf")
            #expect(lines.contains("interface bjbr0"))
            #expect(lines.contains("unicast_src_ip \(node.address)"))
            #expect(lines.contains("nopreempt") && lines.contains("state BACKUP"))
            #expect(lines.contains("10.99.0.10/24 dev bjbr0"))
            #expect(lines.contains("auth_pass \(Self.secrets.vrrp)"))
            let peers = Self.topology.nodes.filter { $0 != node }.map(\.address)
            #expect(peers.allSatisfy(lines.contains) && !lines.contains(node.address))
            #expect(lines.contains { $0.contains("</dev/tcp/\(node.address)/1984") })
            priorities.append(try #require(lines.first { $0.hasPrefix("priority ") }.flatMap { Int($0.dropFirst(9)) }))
        }
        #expect(priorities == priorities.sorted(by: >) && Set(priorities).count == 3)
    }

    @Test func keystoneUsesTheDatabaseThroughTheVIPAndSharedKeys() throws {
        let lines = try Self.lines("etc/ctl3/keystone/keystone.conf")
        #expect(lines.contains("connection = mysql+pymysql://keystone:\(Self.secrets.keystoneDatabase)@10.99.0.10:3306/keystone"))
        #expect(lines.contains("memcache_servers = 10.99.0.11:11211,10.99.0.12:11211,10.99.0.13:11211"))
        #expect(lines.contains("backend = oslo_cache.memcache_pool"))
        #expect(lines.contains("key_repository = /srv/ha/etc/keystone/fernet-keys"))
        #expect(try Self.file("etc/keystone/fernet-keys/0").contents == Self.secrets.fernetKeys[0])
    }

    @Test func rabbitNodesHaveTheirOwnNamesHomesAndEpmdPort() throws {
        let environments = Self.topology.nodes.map { RabbitMQConfig.environment(for: $0, topology: Self.topology, paths: Self.paths) }
        #expect(Set(environments.compactMap { $0["RABBITMQ_NODENAME"] }) == ["rabbit@10.99.0.11", "rabbit@10.99.0.12", "rabbit@10.99.0.13"])
        #expect(Set(environments.compactMap { $0["HOME"] }).count == 3)
        #expect(environments.allSatisfy { $0["ERL_EPMD_PORT"] == "4371" && $0["RABBITMQ_USE_LONGNAME"] == "true" })
        let conf = try Self.lines("etc/ctl2/rabbitmq.conf")
        #expect(conf.contains("listeners.tcp.default = 10.99.0.12:5672"))
        #expect(conf.contains("cluster_formation.classic_config.nodes.3 = rabbit@10.99.0.13"))
        #expect(try Self.file("data/ctl2/rabbitmq-home/.erlang.cookie").contents == Self.secrets.erlangCookie)
    }

    @Test func commandsStartInTheForegroundWithTheirOwnFiles() {
        let commands = HALabCommands(topology: Self.topology, paths: Self.paths, venv: "/v")
        let node = Self.topology.nodes[1]
        let mariadb = commands.launch(.mariadb, on: node)
        #expect(mariadb.command == ["/usr/sbin/mariadbd", "--defaults-file=/srv/ha/etc/ctl2/my.cnf"])
        #expect(commands.launch(.mariadb, on: node, bootstrap: true).command.last == "--wsrep-new-cluster")
        #expect(mariadb.environment["PATH"]?.hasPrefix("/srv/ha/bin/sst:") == true)
        let keepalived = commands.launch(.keepalived, on: node).command
        for flag in ["-p", "-r", "-c"] {
            let index = keepalived.firstIndex(of: flag)
            #expect(index.map { keepalived[$0 + 1].hasPrefix("/srv/ha/run/ctl2/") } == true)
        }
        #expect(keepalived.contains("-n"))
        let uwsgi = commands.launch(.keystone, on: node)
        #expect(uwsgi.command.contains("--http-socket") && uwsgi.command.contains("10.99.0.12:5000"))
        #expect(uwsgi.command.contains("Connection: close"))
        #expect(uwsgi.environment["OS_KEYSTONE_CONFIG_DIR"] == "/srv/ha/etc/ctl2/keystone")
        #expect(commands.launch(.haproxy, on: node).command == ["/usr/sbin/haproxy", "-db", "-f", "/srv/ha/etc/ctl2/haproxy.cfg"])
    }

    @Test func theQueueProbeIsPikaFromTheVenv() throws {
        let commands = HALabCommands(topology: Self.topology, paths: Self.paths, venv: "/v")
        let probe = commands.rabbitProbe(["get", "q"], secrets: Self.secrets)
        #expect(Array(probe.prefix(3)) == ["/v/bin/python", "/srv/ha/bin/rabbit-probe.py", "10.99.0.11:5672,10.99.0.12:5672,10.99.0.13:5672"])
        #expect(try Self.file("bin/rabbit-probe.py").contents.contains("import pika"))
    }
}

@Suite("HA lab down")
struct HALabDownTests {
    /// Records what the lab asks for; every process dies on the first signal.
    final class FakeRunner: ProcessRunner, @unchecked Sendable {
        let lock = NSLock()
        var alive: Set<Int32>
        var namespaces: Set<String>
        var commands: [[String]] = []
        var signals: [(Int32, Int32)] = []

        init(alive: Set<Int32>, namespaces: Set<String>) {
            self.alive = alive
            self.namespaces = namespaces
        }

        func run(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> CommandResult {
            lock.withLock {
                commands.append(command)
                if command == ["ip", "netns", "list"] { return CommandResult(status: 0, output: namespaces.sorted().joined(separator: "\n")) }
                if command.count == 4, command.prefix(3) == ["ip", "netns", "del"] { namespaces.remove(command[3]) }
                return CommandResult(status: 0, output: "")
            }
        }

        func start(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> Int32 { 0 }
        func isAlive(_ pid: Int32) -> Bool { lock.withLock { alive.contains(pid) } }
        func signal(_ pid: Int32, _ signal: Int32, group: Bool) {
            lock.withLock {
                signals.append((pid, signal))
                alive.remove(pid)
            }
        }
        func pids(inNamespace namespace: String) async -> [Int32] { [] }
        func residentKiB(_ pids: [Int32]) -> Int { 0 }
        func residentKiB(group pid: Int32) -> Int? { nil }
        func tail(_ log: String, lines: Int) -> [String] { [] }
    }

    @Test func stopsExactlyWhatItStartedAndRemovesItsNamespaces() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-ha-down-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var state = HALabState()
        state.namespaces = ["bjhub", "bjctl1", "bjctl2", "bjctl3", "bjcmp1"]
        state.hostLink = "bjhost"
        let nodes = HALabTopology.standard.nodes
        state.record("mariadb", nodes[0], pid: 101)
        state.record("mariadb", nodes[1], pid: 102)
        state.record("keystone", nodes[0], pid: 201)
        state.record("nova-compute", HALabTopology.standard.computes[0], pid: 301)
        try DirectoryWriter().write([state.file()], to: home)
        let runner = FakeRunner(alive: [101, 102, 201, 301, 999], namespaces: ["bjhub", "bjctl1", "bjctl2", "bjctl3", "bjcmp1", "other"])
        let lab = HALab(home: home.path, venv: "/v", runner: runner, secretSource: CountingSecretSource())

        try await lab.down(wipe: false)

        let terminated = runner.signals.filter { $0.1 == SIGTERM }.map(\.0)
        #expect(terminated == [301, 201, 102, 101], "the OpenStack services, then keystone, then the databases, the first node last")
        #expect(!runner.signals.contains { $0.0 == 999 })
        #expect(runner.namespaces == ["other"])
        #expect(runner.commands.contains(["ip", "link", "del", "bjhost"]))
        let kept = try #require(HALabState.load(home.appendingPathComponent("state.json").path))
        #expect(kept.processes.isEmpty && kept.namespaces.isEmpty && kept.hostLink == nil, "the kept state records nothing running")
    }
}
