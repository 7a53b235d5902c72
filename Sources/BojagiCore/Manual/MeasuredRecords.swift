/// What the lab and verify measured, as the manual reports it: passed in as values (the command reads the
/// records; BojagiCore reads no files). Each entry carries the file it came from and its date.
public struct MeasuredRecords: Sendable, Codable, Hashable {
    public struct Fault: Sendable, Codable, Hashable {
        public let name: String
        public let target: String
        public let apiDownSeconds: Double
        public let failedRequests: Int
        public let requests: Int
        public let vipMoveSeconds: Double?
        public let dataKept: Bool
        public let healed: Bool
        public let healSeconds: Double
        /// The time resolution of `apiDownSeconds` (1 / the coarsest API's achieved rate); nil when the report did not say.
        public let apiResolutionSeconds: Double?
        /// Whether the fault's window held enough samples to judge it; without, the manual shows no downtime figure.
        public let judged: Bool

        public init(name: String, target: String, apiDownSeconds: Double, failedRequests: Int, requests: Int,
                    vipMoveSeconds: Double?, dataKept: Bool, healed: Bool, healSeconds: Double,
                    apiResolutionSeconds: Double? = nil, judged: Bool = true) {
            self.apiResolutionSeconds = apiResolutionSeconds
            self.judged = judged
            self.name = name
            self.target = target
            self.apiDownSeconds = apiDownSeconds
            self.failedRequests = failedRequests
            self.requests = requests
            self.vipMoveSeconds = vipMoveSeconds
            self.dataKept = dataKept
            self.healed = healed
            self.healSeconds = healSeconds
        }
    }

    /// The HA lab's failover drill (`bojagi drill`).
    public struct Failover: Sendable, Codable, Hashable {
        public let runID: String
        public let source: String
        public let passed: Bool
        public let seconds: Double
        public let faults: [Fault]

        public init(runID: String, source: String, passed: Bool, seconds: Double, faults: [Fault]) {
            self.runID = runID
            self.source = source
            self.passed = passed
            self.seconds = seconds
            self.faults = faults
        }
    }

    /// The single-node lab's OSD drill (`bojagi drill osd`).
    public struct OSDDrill: Sendable, Codable, Hashable {
        public let runID: String
        public let source: String
        public let osd: String
        public let deviceClass: String
        public let writes: Int
        public let failedWrites: Int
        public let longestWriteSeconds: Double
        public let intact: Bool
        public let passed: Bool

        public init(runID: String, source: String, osd: String, deviceClass: String, writes: Int, failedWrites: Int,
                    longestWriteSeconds: Double, intact: Bool, passed: Bool) {
            self.runID = runID
            self.source = source
            self.osd = osd
            self.deviceClass = deviceClass
            self.writes = writes
            self.failedWrites = failedWrites
            self.longestWriteSeconds = longestWriteSeconds
            self.intact = intact
            self.passed = passed
        }
    }

    /// `bojagi verify --tempest`'s latest report.
    public struct Tempest: Sendable, Codable, Hashable {
        public let date: String
        public let source: String
        public let selection: String
        public let passed: Int
        public let failed: Int
        public let skipped: Int
        public let seconds: Double
        public let verdict: Bool

        public init(date: String, source: String, selection: String, passed: Int, failed: Int, skipped: Int,
                    seconds: Double, verdict: Bool) {
            self.date = date
            self.source = source
            self.selection = selection
            self.passed = passed
            self.failed = failed
            self.skipped = skipped
            self.seconds = seconds
            self.verdict = verdict
        }
    }

    /// The HA lab's latest `bojagi lab add-host` or `remove-host`.
    public struct Scale: Sendable, Codable, Hashable {
        /// add-host, remove-host.
        public let operation: String
        public let runID: String
        public let source: String
        public let host: String
        public let seconds: Double
        public let apiRequests: Int
        public let apiFailed: Int
        /// Servers booted on the new host, or moved off the removed one.
        public let servers: Int
        /// Nothing else in the lab restarted.
        public let passed: Bool

        public init(operation: String, runID: String, source: String, host: String, seconds: Double, apiRequests: Int, apiFailed: Int,
                    servers: Int, passed: Bool) {
            self.operation = operation
            self.runID = runID
            self.source = source
            self.host = host
            self.seconds = seconds
            self.apiRequests = apiRequests
            self.apiFailed = apiFailed
            self.servers = servers
            self.passed = passed
        }
    }

    /// The HA lab's latest `bojagi drill upgrade`.
    public struct Upgrade: Sendable, Codable, Hashable {
        public let runID: String
        public let source: String
        public let from: String
        public let to: String
        /// Seconds of every step, across the runs a resumed upgrade took.
        public let seconds: Double
        public let apiRequests: Int
        public let apiFailed: Int
        /// The longest time any API went without a successful answer, and that API.
        public let longestGapSeconds: Double
        public let longestGapAPI: String?
        public let dataChecks: Int
        public let dataLost: Int
        public let passed: Bool

        public init(runID: String, source: String, from: String, to: String, seconds: Double, apiRequests: Int, apiFailed: Int,
                    longestGapSeconds: Double, longestGapAPI: String?, dataChecks: Int, dataLost: Int, passed: Bool) {
            self.runID = runID
            self.source = source
            self.from = from
            self.to = to
            self.seconds = seconds
            self.apiRequests = apiRequests
            self.apiFailed = apiFailed
            self.longestGapSeconds = longestGapSeconds
            self.longestGapAPI = longestGapAPI
            self.dataChecks = dataChecks
            self.dataLost = dataLost
            self.passed = passed
        }
    }

    public var failover: Failover?
    public var osd: OSDDrill?
    public var tempest: Tempest?
    public var addHost: Scale?
    public var removeHost: Scale?
    public var upgrade: Upgrade?
    /// Where the command looked, so the manual can say where nothing was found.
    public var searched: [String]

    public init(failover: Failover? = nil, osd: OSDDrill? = nil, tempest: Tempest? = nil, searched: [String] = []) {
        self.failover = failover
        self.osd = osd
        self.tempest = tempest
        self.searched = searched
    }

    public var isEmpty: Bool { failover == nil && osd == nil && tempest == nil && addHost == nil && removeHost == nil && upgrade == nil }

    /// `20261130-073938` → `2026-11-30 07:39 UTC`; anything else as it is.
    static func date(ofRun runID: String) -> String {
        let digits = Array(runID)
        guard digits.count == 15, digits[8] == "-", runID.replacingOccurrences(of: "-", with: "").allSatisfy(\.isNumber) else { return runID }
        let s = String(digits)
        func part(_ from: Int, _ length: Int) -> String {
            String(s[s.index(s.startIndex, offsetBy: from)..<s.index(s.startIndex, offsetBy: from + length)])
        }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) \(part(9, 2)):\(part(11, 2)) UTC"
    }
}
