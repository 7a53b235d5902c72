/// The Project Navigator's maturity indicator: one point for each of eight criteria, 0–8.
public struct Maturity: Sendable, Hashable, Codable {
    /// Navigator thresholds: adoption above 75 % of production deployments, supported by 7 or more SDKs.
    public static let adoptionThreshold = 75
    public static let sdkThreshold = 7

    public struct Criterion: Sendable, Hashable, Codable {
        public let name: String
        /// nil when no source has the figure: counted as no point, and shown as unknown.
        public let met: Bool?
    }

    public let criteria: [Criterion]

    public var points: Int { criteria.filter { $0.met == true }.count }
    public var unknown: Int { criteria.filter { $0.met == nil }.count }
    /// No input known at all: the project postdates the Navigator's data.
    public var isUnknown: Bool { unknown == criteria.count }

    public init(_ navigator: Project.Navigator?) {
        let inputs = navigator
        criteria = [
            Criterion(name: "adoption > \(Self.adoptionThreshold)%", met: inputs?.adoption.map { $0 > Self.adoptionThreshold }),
            Criterion(name: "install guide", met: inputs?.installGuide),
            Criterion(name: "team diversity", met: inputs?.diverseAffiliation),
            Criterion(name: "stable branches", met: inputs?.stablePolicy),
            Criterion(name: "SDK support (≥ \(Self.sdkThreshold) SDKs)", met: inputs?.sdkCount.map { $0 >= Self.sdkThreshold }),
            Criterion(name: "standard deprecation", met: inputs?.standardDeprecation),
            Criterion(name: "supports upgrade", met: inputs?.supportsUpgrade),
            Criterion(name: "supports rolling upgrade", met: inputs?.rollingUpgrade),
        ]
    }
}

extension Project {
    public var maturity: Maturity { Maturity(navigator) }
}
