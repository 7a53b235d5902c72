import Foundation
import BojagiCore
import BojagiOpenStack

/// The API probe that runs while add-host or remove-host changes the lab: the drill's probe (a new token through
/// the VIP, then a read of the next API in turn) every `interval`. This one function is the seam where the
/// drill's reworked prober goes.
struct ScaleProbe: Sendable {
    let config: CloudConfig
    let interval: Duration

    init(config: CloudConfig, interval: Duration = .milliseconds(250)) {
        self.config = config
        self.interval = interval
    }

    /// Runs `body` while probing; the samples cover exactly its run.
    func during<T>(_ body: () async throws -> T) async throws -> (T, ScaleReport.Probe) {
        let http = URLSessionHTTPClient(timeout: 3)
        let catalog = try await OpenStackSession.authenticate(config, http: http)
        let probe = DrillProbe(config: config, http: http, catalog: catalog)
        let timeline = DrillTimeline()
        let interval = self.interval
        let stop = ScaleProbeStop()
        let task = Task {
            var turn = 0
            while await !stop.stopped {
                let start = ContinuousClock.now
                await timeline.append(await probe.sample(turn: turn))
                turn += 1
                let left = interval - (ContinuousClock.now - start)
                if left > .zero { try? await Task.sleep(for: left) }
            }
        }
        let started = Date().timeIntervalSince1970
        let value: T
        do {
            value = try await body()
        } catch {
            await stop.stop()
            await task.value
            throw error
        }
        // Stopped between requests, not cancelled: a request in flight finishes and is counted as what it was.
        let ended = Date().timeIntervalSince1970
        await stop.stop()
        await task.value
        let samples = await timeline.samples
        let description = "every \(Int(interval.inSeconds * 1000)) ms through the VIP a new Keystone token, then a read of the next API in turn "
            + "(\(probe.description)); 3 s timeout"
        return (value, ScaleReport.Probe(description: description, samples: samples, from: started, to: ended))
    }
}

/// Tells the probe loop to finish after its current request.
actor ScaleProbeStop {
    private(set) var stopped = false

    func stop() { stopped = true }
}
