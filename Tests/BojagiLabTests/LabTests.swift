import Foundation
import Logging
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab
import BojagiTestSupport

@Suite struct LabTests {
    static func plan(_ extra: String = "capabilities:\n  add: [orchestration]\n") throws -> Plan {
        Fixtures.planner.plan(try Fixtures.blueprint("schema: 1\nname: trial\nrelease: 2026.2\nprofile: base\n\(extra)"))
    }

    static func settings(_ components: [LabComponent] = LabComponent.allCases, offset: Int = 10000) -> LabSettings {
        let secrets = LabSecrets.make(for: components, existing: nil, source: PinnedSecrets())
        return LabSettings(name: "trial", release: "2026.2", home: "/lab", venv: "/venv", ports: LabPorts(offset: offset),
                           components: components, secrets: secrets, user: "root")
    }

    static func file(_ path: String, _ settings: LabSettings = settings()) -> RenderedFile? {
        LabConfigRenderer(settings: settings).files().first { $0.path == path }
    }

    @Test func selectionRunsPlannedServicesAndExplainsTheRest() throws {
        let selection = LabSelection(plan: try Self.plan("capabilities:\n  add: [orchestration, load-balancer, object-storage]\n"))
        #expect(selection.components == [.keystone, .glance, .placement, .nova, .neutron, .cinder, .heat, .horizon])
        let skipped = Dictionary(uniqueKeysWithValues: selection.skipped.map { ($0.name, $0.reason) })
        #expect(skipped["octavia"]?.contains("amphora") == true)
        #expect(skipped["ceph-rgw"] != nil)
        #expect(skipped["mariadb"] == nil && skipped["rabbitmq"] == nil && skipped["memcached"] == nil)
    }

    @Test func portsAvoidTheDefaultsAndFollowTheOffset() {
        let ports = LabPorts()
        let expected: [Int] = [13306, 15672, 11311, 15000]
        #expect([ports.mariadb, ports.rabbitmq, ports.memcached, ports.keystone] == expected)
        let all = ports.all(LabComponent.allCases)
        #expect(Set(all).count == all.count)
        #expect(Set(all).isDisjoint(with: [3306, 5672, 25672, 4369, 11211, 5000]))
        #expect(LabPorts(offset: 20000).keystone == 25000)
    }

    @Test func renderingIsDeterministicAndSecretsAreNotReadableByOthers() {
        let first = LabConfigRenderer(settings: Self.settings()).files()
        #expect(first == LabConfigRenderer(settings: Self.settings()).files())
        #expect(first.map(\.path) == first.map(\.path).sorted())
        for file in first where file.contents.contains(Self.settings().secrets.adminPassword) || file.path.hasSuffix(".conf") && file.path.contains("etc/") && !file.path.contains("rabbitmq-env") {
            #expect(file.mode == 0o600, "\(file.path)")
        }
        #expect(Self.file("clouds.yaml")?.mode == 0o600)
        #expect(Self.file("openrc")?.mode == 0o600)
    }

    @Test func secretsAreGeneratedOnceAndKept() {
        let first = LabSecrets.make(for: [.keystone, .nova], existing: nil, source: CryptoSecretSource())
        let again = LabSecrets.make(for: [.keystone, .nova, .heat], existing: first, source: CryptoSecretSource())
        #expect(again.adminPassword == first.adminPassword)
        #expect(again.database["nova"] == first.database["nova"])
        #expect(again.service["heat"] != nil && again.service["heat_domain_admin"] != nil)
        #expect(first.service["keystone"] == nil)
    }

    @Test func novaUsesTheFakeDriverAndItsPasteFileFirst() throws {
        let nova = try #require(Self.file("etc/nova/nova.conf")).contents
        #expect(nova.contains("compute_driver = fake.FakeDriverWithoutFakeNodes"))
        #expect(nova.contains("transport_url = rabbit://openstack:"))
        #expect(nova.contains("@127.0.0.1:15672/"))
        let uwsgi = try #require(Self.file("etc/uwsgi/nova.ini")).contents
        #expect(uwsgi.contains("env = OS_NOVA_CONFIG_FILES=/venv/etc/nova/api-paste.ini;nova.conf"))
    }

    @Test func neutronBindsPortsWithBojagisDriverAndCinderUsesTheFakeDriver() throws {
        let ml2 = try #require(Self.file("etc/neutron/ml2_conf.ini")).contents
        #expect(ml2.contains("mechanism_drivers = bojagi_bind_all"))
        let cinder = try #require(Self.file("etc/cinder/cinder.conf")).contents
        #expect(cinder.contains("volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver"))
        #expect(cinder.contains("target_helper = fake"))
    }

    @Test(arguments: LabComponent.allCases)
    func everyAPIRunsUnderUwsgiWithConnectionClose(_ component: LabComponent) throws {
        let ini = try #require(Self.file("etc/uwsgi/\(component.rawValue).ini")).contents
        #expect(ini.contains("http-socket = 127.0.0.1:\(LabPorts().api(component))"))
        #expect(ini.contains("add-header = Connection: close"))
        #expect(ini.contains("virtualenv = /venv"))
    }

    @Test func onlyPlannedServicesAreRendered() {
        let settings = Self.settings([.keystone, .glance])
        let paths = LabConfigRenderer(settings: settings).files().map(\.path)
        #expect(paths.contains("etc/glance/glance-api.conf"))
        #expect(!paths.contains { $0.contains("nova") || $0.contains("horizon") })
        let register = LabConfigRenderer(settings: settings).files().first { $0.path == "bin/register.py" }!.contents
        #expect(register.contains("(\"glance\", \"image\", \"http://127.0.0.1:19292\"),"))
        #expect(!register.contains(settings.secrets.adminPassword))
    }

    @Test func databaseSQLIsIdempotent() throws {
        let sql = try #require(Self.file("etc/mariadb/databases.sql"))
        #expect(sql.mode == 0o600)
        #expect(sql.contents.contains("CREATE DATABASE IF NOT EXISTS `nova_cell0`"))
        #expect(!sql.contents.contains("DROP"))
    }

    @Test func stateRoundTripsAndRecordsReplace() throws {
        var state = LabState(blueprint: "trial", release: "2026.2", portOffset: 10000)
        state.record(.init(name: "mariadb", pid: 10, command: ["mariadbd"], log: "/lab/logs/mariadb.log", health: "tcp://127.0.0.1:13306", port: 13306))
        state.record(.init(name: "mariadb", pid: 11, command: ["mariadbd"], log: "/lab/logs/mariadb.log", health: nil, port: 13306))
        #expect(state.processes.count == 1 && state.process(named: "mariadb")?.pid == 11)
        let decoded = try LabJSON.decode(LabState.self, from: Data(try state.file().contents.utf8))
        #expect(decoded == state)
    }

    @Test func unpinnedReleasesAreRefusedNamingThePinnedOnes() async throws {
        let plan = try Self.plan().withRelease("2024.1")
        let lab = Lab(runner: NoProcesses(), http: NoHTTP(), probe: NoPorts(), secrets: PinnedSecrets(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lab-\(UUID().uuidString)")
        let failure = await #expect(throws: LabFailure.self) {
            try await lab.up(plan: plan, options: .init(home: home, venv: home, scripts: LabReleasesTests.scripts, ports: LabPorts(), user: "root"))
        }
        #expect(failure?.step == "release")
        #expect(failure?.message.contains("2024.1") == true && failure?.message.contains("2025.1, 2025.2, 2026.1, 2026.2") == true)
        #expect(failure?.fix?.contains("make-constraints.sh 2024.1") == true)
        #expect(!FileManager.default.fileExists(atPath: home.path))
    }
}

private extension Plan {
    func withRelease(_ id: String) throws -> Plan {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as! [String: Any]
        var release = json["release"] as! [String: Any]
        release["id"] = id
        json["release"] = release
        return try JSONDecoder().decode(Plan.self, from: JSONSerialization.data(withJSONObject: json))
    }
}

private struct NoProcesses: ProcessRunner {
    func run(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> CommandResult {
        CommandResult(status: 1, output: "")
    }
    func start(_ command: [String], namespace: String?, environment: [String: String], log: String) async throws -> Int32 { 0 }
    func isAlive(_ pid: Int32) -> Bool { false }
    func signal(_ pid: Int32, _ signal: Int32, group: Bool) {}
    func pids(inNamespace namespace: String) async -> [Int32] { [] }
    func residentKiB(_ pids: [Int32]) -> Int { 0 }
    func residentKiB(group pid: Int32) -> Int? { nil }
    func tail(_ log: String, lines: Int) -> [String] { [] }
}

private struct NoHTTP: HTTPClient {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { throw CancellationError() }
}

private struct NoPorts: PortProbe {
    func isListening(_ port: Int) -> Bool { false }
}

@Suite struct LabLockTests {
    /// A second command on the same lab home is refused at once, naming the first; the lock ends with its holder.
    @Test func oneCommandAtATime() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        var first: FileLock? = try LabLock.acquire(home: home, command: "bojagi lab up")
        #expect(first != nil)
        #expect {
            try LabLock.acquire(home: home, command: "bojagi lab down")
        } throws: { error in
            "\(error)".contains("pid \(getpid()), `bojagi lab up`")
        }
        first = nil
        _ = try LabLock.acquire(home: home, command: "bojagi lab down")
    }
}

@Suite struct LabGlanceTests {
    /// Glance reads enabled_import_methods as a bracketed list; a bare value made every image create answer 500.
    @Test func importMethodsAreABracketedList() throws {
        let files = LabConfigRenderer(settings: LabTests.settings()).config(.glance)
        let conf = try #require(files.first { $0.path == "etc/glance/glance-api.conf" })
        #expect(conf.contents.contains("enabled_import_methods = [glance-direct]\n"))
    }
}
