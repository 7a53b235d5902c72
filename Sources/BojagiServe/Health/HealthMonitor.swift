import Foundation
import Logging
import ServiceLifecycle

/// Samples the collector every `interval` and keeps each sample; runs beside the HTTP server in its
/// ServiceGroup, so SIGINT/SIGTERM stop both.
public struct HealthMonitor: Service {
    let collector: any HealthCollector
    let store: HealthStore
    let interval: Duration
    let logger: Logger

    public init(collector: any HealthCollector, store: HealthStore, interval: Duration, logger: Logger) {
        self.collector = collector
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func sampleOnce() async throws -> HealthSample {
        let sample = HealthSample(time: Date(), components: await collector.collect())
        try await store.record(sample)
        return sample
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let sample = try await sampleOnce()
                let down = sample.components.filter { $0.state != .up }.map(\.id)
                logger.debug("health sample: \(sample.components.count) components, not up: \(down.isEmpty ? "none" : down.joined(separator: ", "))")
            } catch {
                logger.warning("health sample not kept: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
