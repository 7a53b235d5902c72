/// HA001: with HA on, Galera and RabbitMQ need a majority, so an odd number (≥ 3) of controllers.
public struct ControllerQuorumRule: Rule {
    public let id = "HA001"
    public let summary = "HA needs an odd number (at least 3) of control hosts for Galera and RabbitMQ quorum"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.ha.enabled else { return [] }
        let count = context.hosts(with: .control).count
        switch count {
        case 0:
            return []  // HOST001 reports a missing control role.
        case 1, 2:
            return [context.finding(id, .error, "hosts",
                                    "HA is on with \(count) control host\(count == 1 ? "" : "s"): Galera and RabbitMQ need a majority, so \(count) controller\(count == 1 ? "" : "s") give no HA",
                                    fix: "use 3 control hosts (survives 1 failure) or 5 (survives 2); or set ha.enabled: false and accept the outage")]
        case let n where n % 2 == 0:
            return [context.finding(id, .warning, "hosts",
                                    "\(n) control hosts: an even count tolerates no more failures than \(n - 1) and can split evenly",
                                    fix: "use \(n - 1) or \(n + 1) control hosts")]
        default:
            return []
        }
    }
}
