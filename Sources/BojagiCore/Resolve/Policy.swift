/// The selection rules. Defaults are the seed's: maturity ≥ 6 and adoption ≥ 85 % mark the core, and most
/// sites package 8–9 projects.
public struct Policy: Sendable, Hashable, Codable {
    /// Navigator maturity (0–8) at or above which a project counts as mature.
    public var minMaturity = 6
    /// Production adoption (%) at or above which a mature project is core.
    public var coreAdoption = 85
    /// More projects than this gives an advisory finding.
    public var maxProjects = 9
    /// Severity of the finding for a member below the maturity threshold.
    public var belowPolicy = Finding.Severity.advice

    public init() {}

    enum CodingKeys: String, CodingKey {
        case minMaturity = "min_maturity"
        case coreAdoption = "core_adoption"
        case maxProjects = "max_projects"
        case belowPolicy = "below_policy"
    }
}
