/// Assembles the runbooks for this cloud; each procedure lives in its own `Runbooks+*.swift`.
extension ManualBuilder {
    func runbooks(_ cloud: ManualCloud, upgrade: UpgradePlan?, alerts: [String]) -> [Runbook] {
        var books: [RunbookDraft] = [coldStart(cloud), galera(cloud)]
        if cloud.has("rabbitmq") { books += [rabbitNode(cloud), rabbitReset(cloud)] }
        books += [addCompute(cloud), controller(cloud)]
        if cloud.blueprint.storage.ceph != nil { books += [addOSD(cloud), replaceOSD(cloud)] }
        books += [certificates(cloud), passwords(cloud), backup(cloud), upgradeBook(cloud, upgrade), serviceDown(cloud)]
        return books.map { draft in
            Runbook(id: draft.id, title: t("rb.\(draft.key).title"), summary: t(draft.summaryKey ?? "rb.\(draft.key).summary", draft.arguments),
                    impact: t("rb.\(draft.key).impact", draft.arguments),
                    alerts: alerts.filter { RunbookID.forAlert($0) == draft.id },
                    stages: draft.stages.map { Runbook.Stage(part: $0.part, steps: $0.steps.map { labReading($0, cloud) }) })
        }
    }

    /// A read-only OpenStack client step (a list, a show, a token) runs the same in the HA lab, against its cloud,
    /// unless it names one of this cloud's hosts (or the one a runbook adds), which the lab does not have.
    func labReading(_ step: Runbook.Step, _ cloud: ManualCloud) -> Runbook.Step {
        guard step.lab == nil, let command = step.command, command.hasPrefix("openstack "),
              command.contains(" list") || command.contains(" show") || command.contains("token issue"),
              !(cloud.blueprint.hosts.map(\.name) + [cloud.nextCompute.name, cloud.nextStorageHost.name]).contains(where: { command.contains($0) })
        else { return step }
        return Runbook.Step(text: step.text, command: command, host: step.host, expect: step.expect,
                            lab: LabCommand.openstack(String(command.dropFirst("openstack ".count))), labExpect: step.expect)
    }

    /// A step whose text is `rb.<book>.<part>.<n>` in the catalog.
    func step(_ book: String, _ part: Runbook.Part, _ number: Int, _ arguments: [String: String] = [:], command: String? = nil,
              on host: String? = nil, expect: String? = nil, lab: String? = nil, labExpect: String? = nil) -> Runbook.Step {
        Runbook.Step(text: t("rb.\(book).\(part.rawValue).\(number)", arguments), command: command, host: host, expect: expect,
                     lab: lab, labExpect: labExpect)
    }

    /// The runbook's own "if this does not match, stop" line, closing every preparation.
    func stopLine() -> Runbook.Step { Runbook.Step(text: t("rb.stopIfMismatch")) }
}

/// A runbook before its title and summary are looked up: the catalog key stem and the steps.
struct RunbookDraft {
    let id: String
    let key: String
    /// A summary other than `rb.<key>.summary` (the upgrade runbook without a later release).
    let summaryKey: String?
    var arguments: [String: String] = [:]
    let stages: [Runbook.Stage]

    init(id: String, key: String, summaryKey: String? = nil, arguments: [String: String] = [:], _ stages: [(Runbook.Part, [Runbook.Step])]) {
        self.id = id
        self.key = key
        self.summaryKey = summaryKey
        self.arguments = arguments
        self.stages = stages.map { Runbook.Stage(part: $0.0, steps: $0.1) }
    }
}

/// The HA lab's stand-ins for kolla's containers: the lab runs MariaDB and RabbitMQ as processes in the network
/// namespaces `bjctl1`… with their files under `$LAB` (the HA lab's home, `$BOJAGI_HOME/ha-lab`) and `$CTL<n>`
/// the node's address (10.99.0.1<n> in the standard lab). BojagiLabTests checks these against the lab's own
/// command lines, so the runbooks' lab steps stay the commands the lab really runs.
public enum LabCommand {
    static let path = "PATH=$LAB/bin/sst:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    public static func sql(_ node: Int, _ statement: String) -> String {
        "ip netns exec bjctl\(node) /usr/bin/mariadb --defaults-file=$LAB/etc/ctl\(node)/my.cnf -N -B -e \"\(statement)\""
    }

    /// mariadbd as the lab launches it, detached, its output where the lab puts it.
    public static func mariadbd(_ node: Int, bootstrap: Bool = false) -> String {
        "ip netns exec bjctl\(node) env \(path) setsid /usr/sbin/mariadbd --defaults-file=$LAB/etc/ctl\(node)/my.cnf"
            + (bootstrap ? " --wsrep-new-cluster" : "") + " >> $LAB/log/ctl\(node)/mariadb.out 2>&1 < /dev/null &"
    }

    /// Each node's last committed position, as `mariadbd --wsrep-recover` writes it to the node's error log.
    public static let galeraPositions = "for n in 1 2 3; do ip netns exec bjctl$n env \(path) /usr/sbin/mariadbd --defaults-file=$LAB/etc/ctl$n/my.cnf --wsrep-recover > /dev/null 2>&1; grep 'Recovered position' $LAB/log/ctl$n/mariadb.log | tail -1; done"

    /// What kolla's mariadb_recovery does, by hand: bootstrap the first node, then start the others.
    public static let galeraBootstrap = "sed -i 's/safe_to_bootstrap: 0/safe_to_bootstrap: 1/' $LAB/data/ctl1/mysql/grastate.dat; "
        + mariadbd(1, bootstrap: true) + " sleep 15; " + mariadbd(2) + " " + mariadbd(3) + " sleep 5; cat $LAB/data/ctl1/mysql/grastate.dat"

    /// The environment the lab starts RabbitMQ with (RabbitMQConfig.environment).
    public static func rabbitEnvironment(_ node: Int) -> String {
        ["HOME=$LAB/data/ctl\(node)/rabbitmq-home", "ERL_EPMD_PORT=4371", "RABBITMQ_USE_LONGNAME=true", "RABBITMQ_NODENAME=rabbit@$CTL\(node)",
         "RABBITMQ_NODE_IP_ADDRESS=$CTL\(node)", "RABBITMQ_NODE_PORT=5672", "RABBITMQ_DIST_PORT=25672",
         "RABBITMQ_MNESIA_BASE=$LAB/data/ctl\(node)/rabbitmq", "RABBITMQ_LOG_BASE=$LAB/log/ctl\(node)/rabbitmq",
         "RABBITMQ_CONFIG_FILE=$LAB/etc/ctl\(node)/rabbitmq.conf", "RABBITMQ_CONF_ENV_FILE=$LAB/etc/ctl\(node)/rabbitmq-env.conf",
         "RABBITMQ_ENABLED_PLUGINS_FILE=$LAB/etc/ctl\(node)/enabled_plugins", "RABBITMQ_PID_FILE=$LAB/run/ctl\(node)/rabbitmq.pid"].joined(separator: " ")
    }

    public static func rabbitmqctl(_ node: Int, _ arguments: String) -> String {
        "ip netns exec bjctl\(node) env \(rabbitEnvironment(node)) /usr/lib/rabbitmq/bin/rabbitmqctl -q -n rabbit@$CTL\(node) \(arguments)"
    }

    public static func rabbitmqServer(_ node: Int) -> String {
        "ip netns exec bjctl\(node) env \(rabbitEnvironment(node)) setsid /usr/lib/rabbitmq/bin/rabbitmq-server >> $LAB/log/ctl\(node)/rabbitmq.log 2>&1 < /dev/null &"
    }

    /// The OpenStack client against the lab's cloud through its VIP.
    public static func openstack(_ arguments: String) -> String {
        "OS_CLIENT_CONFIG_FILE=$LAB/clouds.yaml OS_CLOUD=bojagi-ha-lab openstack \(arguments)"
    }
}
