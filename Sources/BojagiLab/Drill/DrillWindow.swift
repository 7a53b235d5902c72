import BojagiCore
import BojagiOpenStack
/// What a probe saw during one part of the drill: requests, failures, and the seconds of unavailability —
/// from the first failed request to the first success after the last failure (to the window's end when none
/// came), so intermittent errors count as one outage from first to last.
public struct DrillWindow: Sendable, Hashable, Codable {
    public let requests: Int
    public let failed: Int
    public let unavailableSeconds: Double
    /// The slowest successful request: a fault clients ride out by waiting (a TCP retransmission while the VIP
    /// moves) shows here, not as a failure.
    public let slowestSeconds: Double
    /// The first error seen, to say what failing looked like.
    public let firstError: String?

    public init(requests: Int, failed: Int, unavailableSeconds: Double, slowestSeconds: Double = 0, firstError: String?) {
        self.requests = requests
        self.failed = failed
        self.unavailableSeconds = unavailableSeconds
        self.slowestSeconds = slowestSeconds
        self.firstError = firstError
    }

    public static func measure(_ samples: [DrillSample], from start: Double, to end: Double) -> DrillWindow {
        let window = samples.filter { $0.time >= start && $0.time < end }.sorted { $0.time < $1.time }
        let failures = window.filter { !$0.ok }
        let slowest = window.filter(\.ok).map(\.seconds).max() ?? 0
        guard let first = failures.first, let last = failures.last else {
            return DrillWindow(requests: window.count, failed: 0, unavailableSeconds: 0, slowestSeconds: slowest, firstError: nil)
        }
        // The success that ends the outage may come just after the window; look in all samples.
        let recovery = samples.filter { $0.ok && $0.time > last.time }.map(\.time).min() ?? end
        return DrillWindow(requests: window.count, failed: failures.count, unavailableSeconds: max(0, recovery - first.time),
                           slowestSeconds: slowest, firstError: first.error)
    }
}
