import BojagiCore
import BojagiOpenStack

/// One step of `bojagi drill upgrade`, named so the resume record can say it is done (`check nova`,
/// `expand keystone`, `controller ctl2`, `compute cmp1`, `contract glance`).
public struct UpgradeStep: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The target release's venv (installed when missing) and, with Ceph, its rados and rbd modules.
        case venv
        /// A project, a network, a server, a volume, an image and a queue message, made before anything changes.
        case makeData = "make-data"
        /// `<service>-status upgrade check` from the target's venv.
        case check
        /// The database's expand and migrate (or the service's whole sync where it has no expand).
        case expand
        /// One controller: drained in every HAProxy, stopped, configured and started from the target's venv, back.
        case controller
        /// One compute node: nova-compute, cinder-volume (and cinder-backup) from the target's venv.
        case compute
        /// The database's contract, or the online data migrations.
        case contract
        /// What was made before, read back and used: a new server with the old volume attached.
        case checkData = "check-data"
        /// The lab's state says the target release and its venv.
        case finish
    }

    public let kind: Kind
    /// The service (`nova`) or node (`ctl1`) the step is about; empty for the whole-lab steps.
    public let target: String

    public init(_ kind: Kind, _ target: String = "") {
        self.kind = kind
        self.target = target
    }

    /// What the resume record stores: `expand keystone`, `controller ctl1`, `venv`.
    public var id: String { target.isEmpty ? kind.rawValue : "\(kind.rawValue) \(target)" }
}

/// The drill's steps for one hop, in kolla-ansible's order: every service's status check with the new code
/// first (nova's upgrade.yml runs `nova-status upgrade check` before it touches a container), the database
/// expanded and migrated while the old code still runs (keystone's `db_sync --expand`, glance's
/// rolling_upgrade.yml `db expand` + `db migrate`, neutron's `upgrade --expand`, nova's `api_db sync` + `db sync`,
/// cinder's, placement's and heat's sync), then the controllers one at a time behind HAProxy, then the compute
/// nodes, and last the contract (keystone `--contract`, glance `db contract` after every API runs the new code,
/// neutron `--contract` once no old neutron-server is left) and the online data migrations of nova, cinder and
/// placement.
public enum UpgradeSteps {
    /// kolla-ansible's site.yml order of the services the lab runs.
    static let serviceOrder: [LabComponent] = [.keystone, .glance, .cinder, .placement, .nova, .neutron, .heat, .horizon]

    /// The services with a `<service>-status upgrade check` (Horizon has none).
    static let checked: Set<LabComponent> = [.keystone, .glance, .cinder, .placement, .nova, .neutron, .heat]

    /// The services with something to do after the roll.
    static let contracted: Set<LabComponent> = [.keystone, .glance, .cinder, .placement, .nova, .neutron]

    public static func plan(components: [LabComponent], controllers: [String], computes: [String]) -> [UpgradeStep] {
        let services = serviceOrder.filter { components.contains($0) }
        let hasComputeWork = components.contains(.nova) || components.contains(.cinder)
        return [UpgradeStep(.venv), UpgradeStep(.makeData)]
            + services.filter(checked.contains).map { UpgradeStep(.check, $0.rawValue) }
            + services.map { UpgradeStep(.expand, $0.rawValue) }
            + controllers.map { UpgradeStep(.controller, $0) }
            + (hasComputeWork ? computes.map { UpgradeStep(.compute, $0) } : [])
            + services.filter(contracted.contains).map { UpgradeStep(.contract, $0.rawValue) }
            + [UpgradeStep(.checkData), UpgradeStep(.finish)]
    }

    /// The steps still to run, in order, given those the resume record holds as done.
    public static func remaining(_ steps: [UpgradeStep], done: Set<String>) -> [UpgradeStep] {
        steps.filter { !done.contains($0.id) }
    }
}
