import Foundation
import Testing
@testable import BojagiServe

/// The history outlives a `serve`, but the health page shows only what this run sampled: a restarted dashboard
/// showed memcached down from the previous run's last sample although the lab had restarted it since.
@Suite struct HealthStoreTests {
    @Test func latestIsThisRunsSampleHistoryKeepsTheEarlierOnes() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-health-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let earlier = try HealthStore(path: path)
        try await earlier.record(HealthSample(time: Date(), components: [ComponentHealth(kind: "process", name: "memcached", state: .down, detail: "pid 1 gone")]))
        #expect(try await earlier.latest()?.components.first?.state == .down)

        try await Task.sleep(for: .milliseconds(20))
        let next = try HealthStore(path: path)
        #expect(try await next.latest() == nil, "an earlier run's sample is not this run's health")
        try await next.record(HealthSample(time: Date(), components: [ComponentHealth(kind: "process", name: "memcached", state: .up, detail: "pid 2 running")]))
        #expect(try await next.latest()?.components.first?.state == .up)
        #expect(try await next.history(id: "process/memcached", limit: 10).map(\.health.state) == [.up, .down])
    }
}
