import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab
import BojagiTestSupport

@Suite("HA lab OpenStack services")
struct HALabOpenStackTests {
    static let components: [LabComponent] = [.keystone, .glance, .placement, .nova, .neutron, .cinder, .heat, .horizon]
    static let lab = HALab(home: "/srv/ha", venv: "/v", runner: HALabDownTests.FakeRunner(alive: [], namespaces: []),
                           secretSource: CountingSecretSource(seed: 11))
    static let haSecrets = HALabSecrets.generate(CountingSecretSource(seed: 7))
    static let secrets = try! lab.openstackSecrets(haSecrets, components: components)
    static let files = try! lab.openstackFiles(components: components, secrets: secrets)

    static func lines(_ path: String) throws -> [String] {
        let file = try #require(files.first { $0.path == path }, "no \(path)")
        return file.contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func theAdminQueueAndKeystoneDatabasePasswordsAreTheHALabs() {
        #expect(Self.secrets.adminPassword == Self.haSecrets.keystoneAdmin)
        #expect(Self.secrets.rabbitmqPassword == Self.haSecrets.rabbitmq)
        #expect(Self.secrets.database["keystone"] == Self.haSecrets.keystoneDatabase)
        #expect(Set(Self.secrets.database.values).count == Self.secrets.database.count, "one password per database user")
    }

    @Test func eachControllerListensOnItsOwnAddressAndReachesTheRestThroughTheVIP() throws {
        for node in HALabTopology.standard.nodes {
            let glance = try Self.lines("openstack/\(node.name)/etc/glance/glance-api.conf")
            #expect(glance.contains("connection = mysql+pymysql://glance:\(Self.secrets.database["glance"]!)@10.99.0.10:3306/glance?charset=utf8"))
            #expect(glance.contains("www_authenticate_uri = http://10.99.0.10:5000"))
            #expect(glance.contains("memcached_servers = 10.99.0.11:11211,10.99.0.12:11211,10.99.0.13:11211"))
            #expect(glance.contains("filesystem_store_datadir = /srv/ha/openstack/data/glance/images"), "images on the store every node sees")
            let uwsgi = try Self.lines("openstack/\(node.name)/etc/uwsgi/nova.ini")
            #expect(uwsgi.contains("http-socket = \(node.address):8774"))
            let nova = try Self.lines("openstack/\(node.name)/etc/nova/nova.conf")
            let rabbit = HALabTopology.standard.nodes.map { "bojagi:\(Self.haSecrets.rabbitmq)@\($0.address):5672" }.joined(separator: ",")
            #expect(nova.contains("transport_url = rabbit://\(rabbit)/"))
            #expect(nova.contains("host = \(node.name)") && nova.contains("my_ip = \(node.address)"))
            #expect(nova.contains("workers = 1"))
        }
    }

    @Test func theComputeNodeHasNovaAndCinderOnlyAndNoAPI() throws {
        let compute = Self.files.filter { $0.path.hasPrefix("openstack/cmp1/") }.map(\.path).sorted()
        #expect(compute == ["openstack/cmp1/etc/cinder/cinder.conf", "openstack/cmp1/etc/nova/nova-compute.conf"])
        let nova = try Self.lines("openstack/cmp1/etc/nova/nova-compute.conf")
        #expect(!nova.contains("[database]") && !nova.contains("[api_database]"), "nova-compute holds no database credentials")
        #expect(!nova.contains { $0.hasPrefix("connection = ") })
        #expect(nova.contains("host = cmp1") && nova.contains("my_ip = 10.99.0.21") && nova.contains("compute_driver = fake.FakeDriverWithoutFakeNodes"))
        let processes = Self.lab.openstackProcesses(on: HALabTopology.standard.computes[0], components: Self.components, secrets: Self.secrets)
        #expect(processes.map(\.name) == ["nova-compute", "cinder-volume"])
    }

    @Test func controllersRunEveryAPIAndDaemonButComputeAndVolume() {
        let node = HALabTopology.standard.nodes[2]
        let processes = Self.lab.openstackProcesses(on: node, components: Self.components, secrets: Self.secrets)
        #expect(processes.map(\.name) == ["glance-api", "placement-api", "nova-api", "neutron-api", "cinder-api", "heat-api", "horizon-api",
                                          "nova-conductor", "nova-scheduler", "cinder-scheduler", "heat-engine"])
        #expect(processes.first?.healthURL == "http://10.99.0.13:9292/", "health is checked on the node itself")
    }

    @Test func theCatalogAndHorizonPointAtTheVIP() throws {
        let register = try #require(Self.files.first { $0.path == "openstack/bin/register.py" })
        #expect(register.contents.contains(#"("nova", "compute", "http://10.99.0.10:8774/v2.1"),"#))
        #expect(register.contents.contains(#"auth_url="http://10.99.0.10:5000/v3""#))
        #expect(register.mode == 0o600)
        let horizon = try Self.lines("openstack/ctl1/etc/horizon/local/local_settings.py")
        #expect(horizon.contains("OPENSTACK_KEYSTONE_URL = 'http://10.99.0.10:5000/v3'"))
        #expect(horizon.contains("'LOCATION': ['10.99.0.11:11211', '10.99.0.12:11211', '10.99.0.13:11211'],"))
        #expect(horizon.contains("STATIC_ROOT = '/srv/ha/openstack/data/horizon/static'"))
    }

    @Test func serviceDatabaseUsersMayConnectFromAnyControllerThroughHAProxy() {
        let settings = Self.lab.openstackSettings(nil, components: Self.components, secrets: Self.secrets)
        let sql = LabConfigRenderer(settings: settings).databasesSQL()
        #expect(sql.contents.contains("CREATE USER IF NOT EXISTS 'nova'@'%' IDENTIFIED BY"))
        #expect(sql.contents.contains("GRANT ALL PRIVILEGES ON `nova_cell0`.* TO 'nova'@'%';"))
        #expect(!sql.contents.contains("'localhost'"))
        #expect(sql.mode == 0o600)
    }

    @Test func everyFileWithAPasswordIsOwnerOnly() {
        let passwords = Array(Self.secrets.database.values) + Array(Self.secrets.service.values) + [Self.secrets.adminPassword, Self.secrets.rabbitmqPassword]
        for file in Self.files where passwords.contains(where: file.contents.contains) {
            #expect(file.mode == 0o600, "\(file.path) holds a password")
        }
    }

    @Test func haproxyBalancesEveryAPIOverTheThreeControllers() {
        let config = HAProxyConfig.file(for: HALabTopology.standard.nodes[0], topology: .standard, paths: HALabPaths(home: "/srv/ha"),
                                        components: Self.components).contents
        let lines = config.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for component in Self.components {
            let port = HALabTopology.standard.ports.api(component)
            #expect(lines.contains("listen \(component.rawValue)"))
            #expect(lines.contains("bind 10.99.0.10:\(port)"))
            #expect(lines.filter { $0.hasPrefix("server ") && $0.hasSuffix(":\(port) check inter 2s fall 2 rise 2") }.count == 3, "\(component)")
        }
        #expect(lines.contains("option httpchk GET /auth/login/"))
        #expect(lines.filter { $0 == "retry-on conn-failure empty-response response-timeout" }.count == 1, "only keystone retries on timeouts")
    }
}

@Suite("Lab readiness")
struct LabReadinessTests {
    @Test func novaTimestampsAreUTCWithoutAZone() throws {
        let date = try #require(LabReadiness.utc("2026-11-25T15:15:28.000000"))
        #expect(date.timeIntervalSince1970 == 1_795_619_728)
        #expect(LabReadiness.utc("yesterday") == nil)
    }
}
