import BojagiCore
extension Duration {
    /// The duration in seconds, fractions included.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Waiting for something to become true, the one way every lab step, the drill and `verify` wait.
public enum Poll {
    /// Asks `probe` every `interval` until it gives a value, or nil once `timeout` seconds have passed. The probe is
    /// asked at least once; a probe that throws ends the wait with its error.
    public static func value<T>(timeout: Double, every interval: Duration = .milliseconds(500),
                                _ probe: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if let value = try await probe() { return value }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: interval)
        }
    }

    /// Whether `condition` held within `timeout` seconds.
    public static func until(timeout: Double, every interval: Duration = .milliseconds(500),
                             _ condition: () async throws -> Bool) async throws -> Bool {
        try await value(timeout: timeout, every: interval) { try await condition() ? true : nil } ?? false
    }
}
