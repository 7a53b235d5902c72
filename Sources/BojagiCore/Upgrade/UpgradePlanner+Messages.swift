/// The planner's own sentences, by message key: the English here is what `bojagi upgrade plan` prints; other
/// languages have the same keys in their manual catalog (`Resources/manual/ko.yaml`). A clause that is added
/// only sometimes is a key of its own, said after its sentence.
extension UpgradePlanner {
    public static let messages: [String: String] = [
        // Checks and backups.
        "upgrade.backup.command": "; with {release} that is `{command}`",
        "upgrade.check": "run each service's upgrade check from {release}'s images against the running cloud; exit 2 means the upgrade will fail",
        "upgrade.check.byKolla": " (kolla-ansible runs {commands} itself during the upgrade and stops on a failure)",
        // The upgrade.
        "upgrade.tooling": "install kolla-ansible {major} for {release} in a new virtual environment on the deployment host (Python {python}, tested {tested}) with {pip}, then its collections; set `release: {id}` in bojagi.yaml and render the deployment again, merge passwords.yml with kolla-mergepwd, pull the images and run the prechecks",
        "upgrade.upgrade": "kolla-ansible upgrade: every service's containers are replaced by {release}'s and its database migrated",
        "upgrade.upgrade.slurp": "; a SLURP upgrade skips a release, and services keep RPC compatibility only with the release before theirs, so plan for API downtime while the control plane restarts",
        "upgrade.change.since": " (from kolla-ansible {since})",
        // Why a rolling step is an outage here.
        "upgrade.note.fewControllers": "fewer than three controllers: restarting one stops the cluster",
        "upgrade.note.haOff": "HA is off: the one controller's restart stops the service",
        // Host OS.
        "upgrade.hostOS": "move every host from {current} to {next} while on {from}: {to}'s kolla-ansible prechecks refuse {current}",
        "upgrade.hostOS.since": "; {from} accepts {next} from kolla-ansible {since}",
        "upgrade.hostOS.note": ". {note}",
        // RabbitMQ, MariaDB, Ceph.
        "upgrade.rabbitmq.during": "RabbitMQ {old} → {new} during the upgrade: kolla-ansible restarts a third of its nodes at a time",
        "upgrade.rabbitmq.first": "upgrade RabbitMQ from {current} to {middle} while on {from}: {to}'s kolla-ansible refuses {current} → {new} in one step",
        "upgrade.rabbitmq.first.since": "; {from}'s images carry {middle} from {since}",
        "upgrade.rabbitmq.first.command": ". `kolla-ansible rabbitmq-upgrade` (from {since}) is not idempotent; the idempotent way is rabbitmq_image in globals.yml set to the {image} image, then `kolla-ansible upgrade --tags rabbitmq`",
        "upgrade.rabbitmq.first.image": ": set rabbitmq_image in globals.yml to the {image} image and upgrade RabbitMQ alone",
        "upgrade.mariadb": "MariaDB {old} → {new} during the upgrade: kolla-ansible restarts the Galera nodes a third at a time, with rsync state transfer while it upgrades",
        "upgrade.ceph": "upgrade the Ceph cluster from {current} to {next} while on {from}, before the hop: {to}'s images carry the {goal} client and were never used with a cluster older than {oldest}; with the cluster HEALTH_OK, cephadm upgrades the daemons one at a time; when `ceph versions` shows every OSD on {next}, finish with require-osd-release",
        // Services that leave the package.
        "upgrade.leaves": "{name} leaves the package: {reason}",
        "upgrade.leaves.with": "{name} leaves the package with {dependents}, which needs it: {reason}",
        "upgrade.leaves.successor": "; {successor} takes its place",
        "upgrade.leaves.advice": ". {advice}",
        "upgrade.leaves.alternatives": "move its users to {alternatives}",
    ]
}
