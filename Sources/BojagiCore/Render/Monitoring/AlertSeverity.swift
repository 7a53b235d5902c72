/// Bojagi's fixed scale for an alert's `severity` label: how soon someone must act, not how bad it sounds.
public enum AlertSeverity: String, Sendable, Hashable, CaseIterable, Codable {
    /// Users are affected now, or data is at risk: act now, whatever the hour.
    case critical
    /// Redundancy is lost or a limit is near, and users do not notice yet: act within the working day.
    case warning
    /// The plan's margins are exceeded (N+1, the capacity the plan counted on): plan hardware or moves.
    case info
}
