import BojagiCore
import BojagiOpenStack
/// What a probe saw during one part of a drill: requests, failures, the seconds of unavailability — from the
/// first failed request to the first success after the last failure (to the window's end when none came), so
/// intermittent errors count as one outage from first to last — and, per API, the requests, failures, longest
/// gap between successes, achieved rate and so the time resolution of every figure.
///
/// A figure is only as fine as the probe that measured it: an API probed twice a second cannot tell a 0.1 s
/// outage from none. So each API's resolution (1 / its achieved rate) is kept beside its figures, and a window
/// in which some API got fewer than `minimumSamples` requests is not judged at all (`enoughSamples` false).
public struct DrillWindow: Sendable, Hashable, Codable {
    public let requests: Int
    public let failed: Int
    public let unavailableSeconds: Double
    /// The slowest successful request: a fault clients ride out by waiting (a TCP retransmission while the VIP
    /// moves) shows here, not as a failure.
    public let slowestSeconds: Double
    /// The first error seen, to say what failing looked like.
    public let firstError: String?
    /// The window's length.
    public let seconds: Double
    /// Requests per second the probe achieved in the window, every API together.
    public let rate: Double
    /// The coarsest resolution of any API in the window: `unavailableSeconds` is good to about this much.
    public let resolutionSeconds: Double
    /// The fewest requests per API from which the window is judged (0: judged whatever it holds).
    public let minimumSamples: Int
    /// Whether every API got at least `minimumSamples` requests in the window.
    public let enoughSamples: Bool
    /// Per API (the queue probe's window has one entry), by name.
    public let apis: [API]

    /// One API's share of the window.
    public struct API: Sendable, Hashable, Codable {
        public let name: String
        public let requests: Int
        public let failed: Int
        /// The longest time without a successful answer that overlaps the window: between the ends of two
        /// successive successful requests, counting the last success before the window and the first after it.
        public let longestGapSeconds: Double
        /// Requests per second achieved for this API in the window.
        public let rate: Double
        /// 1 / rate: an outage shorter than this may fall between two requests unseen.
        public let resolutionSeconds: Double
        public let firstError: String?

        public init(name: String, requests: Int, failed: Int, longestGapSeconds: Double, rate: Double, resolutionSeconds: Double,
                    firstError: String? = nil) {
            self.name = name
            self.requests = requests
            self.failed = failed
            self.longestGapSeconds = longestGapSeconds
            self.rate = rate
            self.resolutionSeconds = resolutionSeconds
            self.firstError = firstError
        }
    }

    public init(requests: Int, failed: Int, unavailableSeconds: Double, slowestSeconds: Double = 0, firstError: String?,
                seconds: Double = 0, rate: Double = 0, resolutionSeconds: Double = 0, minimumSamples: Int = 0,
                enoughSamples: Bool = true, apis: [API] = []) {
        self.requests = requests
        self.failed = failed
        self.unavailableSeconds = unavailableSeconds
        self.slowestSeconds = slowestSeconds
        self.firstError = firstError
        self.seconds = seconds
        self.rate = rate
        self.resolutionSeconds = resolutionSeconds
        self.minimumSamples = minimumSamples
        self.enoughSamples = enoughSamples
        self.apis = apis
    }

    /// The APIs with fewer than `minimumSamples` requests in the window.
    public var starved: [API] { apis.filter { $0.requests < minimumSamples } }

    /// The samples that started in [start, end). `expected` names the APIs the window must hold (an API the
    /// probe never reached in the window counts with 0 requests); samples without a service count as `single`.
    public static func measure(_ samples: [DrillSample], from start: Double, to end: Double, minimumSamples: Int = 0,
                               expected: [String] = [], single: String = "probe") -> DrillWindow {
        let window = samples.filter { $0.time >= start && $0.time < end }.sorted { $0.time < $1.time }
        let failures = window.filter { !$0.ok }
        let slowest = window.filter(\.ok).map(\.seconds).max() ?? 0
        let length = max(0, end - start)
        let byAPI = Dictionary(grouping: samples) { $0.service ?? single }
        var names = Set(window.map { $0.service ?? single })
        names.formUnion(expected)
        let apis = names.sorted().map { api(named: $0, byAPI[$0] ?? [], from: start, to: end) }
        let coarsest = apis.map(\.resolutionSeconds).max() ?? length
        let enough = !apis.isEmpty && apis.allSatisfy { $0.requests >= minimumSamples }
        let rate = length > 0 ? Double(window.count) / length : 0
        func result(_ failed: Int, _ unavailable: Double, _ firstError: String?) -> DrillWindow {
            DrillWindow(requests: window.count, failed: failed, unavailableSeconds: unavailable, slowestSeconds: slowest, firstError: firstError,
                        seconds: length, rate: rate, resolutionSeconds: coarsest, minimumSamples: minimumSamples, enoughSamples: enough, apis: apis)
        }
        guard let first = failures.first, let last = failures.last else { return result(0, 0, nil) }
        // The success that ends the outage may come just after the window; look in all samples.
        let recovery = samples.filter { $0.ok && $0.time > last.time }.map(\.time).min() ?? end
        return result(failures.count, max(0, recovery - first.time), first.error)
    }

    /// One API's figures; `samples` are all of its samples, the window's and those around it.
    static func api(named name: String, _ samples: [DrillSample], from start: Double, to end: Double) -> API {
        let inWindow = samples.filter { $0.time >= start && $0.time < end }.sorted { $0.time < $1.time }
        let length = max(0, end - start)
        let rate = length > 0 ? Double(inWindow.count) / length : 0
        return API(name: name, requests: inWindow.count, failed: inWindow.filter { !$0.ok }.count,
                   longestGapSeconds: longestGap(samples, from: start, to: end), rate: rate,
                   resolutionSeconds: rate > 0 ? 1 / rate : length, firstError: inWindow.first { !$0.ok }?.error)
    }

    /// The longest stretch without a successful answer that overlaps [start, end): successes are taken at the
    /// moment their answer came (start + seconds); the stretch before the first success in the window starts at
    /// the last success before it (or the window's start), the one after the last runs to the first success
    /// after the window (or the window's end).
    static func longestGap(_ samples: [DrillSample], from start: Double, to end: Double) -> Double {
        let answers = samples.filter(\.ok).map { $0.time + $0.seconds }.sorted()
        let before = answers.last { $0 <= start } ?? start
        let after = answers.first { $0 >= end } ?? end
        let points = [before] + answers.filter { $0 > start && $0 < end } + [after]
        return zip(points, points.dropFirst()).map { $1 - $0 }.max() ?? 0
    }
}

extension DrillWindow {
    enum CodingKeys: String, CodingKey {
        case requests, failed, unavailableSeconds, slowestSeconds, firstError, seconds, rate, resolutionSeconds, minimumSamples,
             enoughSamples, apis
    }

    /// Reports saved before the per-API figures existed read back with those empty (and not judged).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(requests: try c.decode(Int.self, forKey: .requests), failed: try c.decode(Int.self, forKey: .failed),
                  unavailableSeconds: try c.decode(Double.self, forKey: .unavailableSeconds),
                  slowestSeconds: try c.decodeIfPresent(Double.self, forKey: .slowestSeconds) ?? 0,
                  firstError: try c.decodeIfPresent(String.self, forKey: .firstError),
                  seconds: try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0,
                  rate: try c.decodeIfPresent(Double.self, forKey: .rate) ?? 0,
                  resolutionSeconds: try c.decodeIfPresent(Double.self, forKey: .resolutionSeconds) ?? 0,
                  minimumSamples: try c.decodeIfPresent(Int.self, forKey: .minimumSamples) ?? 0,
                  enoughSamples: try c.decodeIfPresent(Bool.self, forKey: .enoughSamples) ?? false,
                  apis: try c.decodeIfPresent([API].self, forKey: .apis) ?? [])
    }
}
