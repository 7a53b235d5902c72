import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BojagiServe

/// The probes' readings: Galera's status rows, Ceph's status, HAProxy's statistics, from real memcached and
/// HAProxy processes where the machine has them (the labs' Debian packages: scripts/lab/install-apt.sh).
@Suite(.serialized) struct ProbeTests {
    @Test func aFullGaleraClusterIsUpAndAShrunkOneDegraded() {
        let full = "wsrep_cluster_size\t3\nwsrep_local_state_comment\tSynced\nwsrep_cluster_status\tPrimary\n"
        #expect(InfrastructureProbes.galera(name: "ctl1", rows: full, expectedSize: 3, milliseconds: 4, log: nil).state == .up)
        let shrunk = "wsrep_cluster_size\t2\nwsrep_local_state_comment\tSynced\nwsrep_cluster_status\tPrimary\n"
        let degraded = InfrastructureProbes.galera(name: "ctl1", rows: shrunk, expectedSize: 3, milliseconds: 4, log: nil)
        #expect(degraded.state == .degraded)
        #expect(degraded.detail == "wsrep_cluster_size 2, Synced, Primary")
        let lost = "wsrep_cluster_size\t1\nwsrep_local_state_comment\tInitialized\nwsrep_cluster_status\tnon-Primary\n"
        #expect(InfrastructureProbes.galera(name: "ctl1", rows: lost, expectedSize: 3, milliseconds: 4, log: nil).state == .down)
        #expect(InfrastructureProbes.galera(name: "mariadb", rows: "", expectedSize: nil, milliseconds: 4, log: nil).state == .up)
    }

    @Test func cephHealthMapsToState() {
        let ok = #"{"health": {"status": "HEALTH_OK", "checks": {}}, "osdmap": {"num_osds": 6, "num_up_osds": 6}}"#
        let status = CephProbe.status(ok, error: "", milliseconds: 30)
        #expect(status.state == .up)
        #expect(status.detail == "HEALTH_OK, 6/6 OSDs up")
        let warn = #"{"health": {"status": "HEALTH_WARN", "checks": {"OSD_DOWN": {}}}, "osdmap": {"num_osds": 6, "num_up_osds": 5}}"#
        #expect(CephProbe.status(warn, error: "", milliseconds: 30).detail == "HEALTH_WARN, 5/6 OSDs up, OSD_DOWN")
        #expect(CephProbe.status(nil, error: "timed out", milliseconds: 30).state == .down)
    }

    @Test func haproxyBackendsFromShowStat() {
        let csv = """
        # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight
        keystone,FRONTEND,,,0,1,,1,0,0,0,0,0,,,,,OPEN,
        keystone,ctl1,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,1
        keystone,ctl2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,1
        keystone,BACKEND,0,0,0,0,,0,0,0,0,0,,0,0,0,0,UP,2
        glance,ctl1,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,1
        """
        let backends = InfrastructureProbes.haproxy(node: "ctl1", csv: csv, log: "ctl1/haproxy.log")
        #expect(backends.map(\.id) == ["haproxy/ctl1/keystone", "haproxy/ctl1/glance"])
        #expect(backends.map(\.state) == [.degraded, .up])
        #expect(backends[0].detail == "ctl1 UP, ctl2 DOWN")
        #expect(InfrastructureProbes.haproxy(node: "ctl1", csv: "Unknown command\n", log: nil).first?.state == .down)
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static func until<T>(_ seconds: Double, _ probe: () async -> T, _ done: (T) -> Bool) async -> T {
        let deadline = Date().addingTimeInterval(seconds)
        var value = await probe()
        while !done(value), Date() < deadline {
            try? await Task.sleep(for: .milliseconds(100))
            value = await probe()
        }
        return value
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/memcached"), "needs Debian's memcached"))
    func aRealMemcachedIsUpAndThenDown() async throws {
        let port = Self.freePort()
        let memcached = try Self.start(["/usr/bin/memcached", "-l", "127.0.0.1", "-p", "\(port)", "-U", "0", "-m", "8"] + (getuid() == 0 ? ["-u", "root"] : []))
        let up = await Self.until(15, { await InfrastructureProbes.memcached(name: "m", host: "127.0.0.1", port: port, log: nil) }) { $0.state == .up }
        #expect(up.state == .up, "memcached on port \(port): \(up.detail); running: \(memcached.isRunning)")
        #expect(up.detail.hasPrefix("up "))
        Self.stop(memcached)
        let down = await InfrastructureProbes.memcached(name: "m", host: "127.0.0.1", port: port, log: nil)
        #expect(down.state == .down)
        #expect(down.detail.contains("127.0.0.1:\(port)"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/haproxy"), "needs Debian's haproxy"))
    func aRealHAProxyStatsSocketShowsADownServer() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-haproxy-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = Self.freePort()
        let socketPath = directory.appendingPathComponent("haproxy.sock").path
        try """
        global
            stats socket \(socketPath) mode 600 level admin
        defaults
            mode tcp
            timeout connect 1s
            timeout client 5s
            timeout server 5s
        listen api
            bind 127.0.0.1:\(port)
            server self 127.0.0.1:\(port) check inter 100ms fall 1 rise 1
            server gone 127.0.0.1:9 check inter 100ms fall 1 rise 1

        """.write(to: directory.appendingPathComponent("haproxy.cfg"), atomically: true, encoding: .utf8)
        let haproxy = try Self.start(["/usr/sbin/haproxy", "-db", "-f", directory.appendingPathComponent("haproxy.cfg").path])
        defer { Self.stop(haproxy) }
        let backends = await Self.until(10, {
            (try? await SocketQuery.ask(.unix(path: socketPath), "show stat\n")).map { InfrastructureProbes.haproxy(node: "n1", csv: $0, log: nil) } ?? []
        }) { $0.first?.detail == "self UP, gone DOWN" }
        #expect(backends.map(\.id) == ["haproxy/n1/api"])
        #expect(backends.first?.state == .degraded)
        #expect(backends.first?.detail == "self UP, gone DOWN")
    }
}
