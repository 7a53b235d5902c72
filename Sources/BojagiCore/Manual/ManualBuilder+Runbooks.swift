/// Assembles the runbooks for this cloud; each procedure lives in its own `Runbooks+*.swift`.
extension ManualBuilder {
    func runbooks(_ cloud: ManualCloud, upgrade: UpgradePlan?, alerts: [String]) -> [Runbook] {
        var books: [RunbookDraft] = [coldStart(cloud), galera(cloud)]
        if cloud.has("rabbitmq") { books += [rabbitNode(cloud), rabbitReset(cloud)] }
        books += [addCompute(cloud), controller(cloud)]
        if cloud.blueprint.storage.ceph != nil { books += [addOSD(cloud), replaceOSD(cloud)] }
        books += [certificates(cloud), passwords(cloud), backup(cloud), upgradeBook(cloud, upgrade), serviceDown(cloud)]
        return books.map { draft in
            Runbook(id: draft.id, title: t("rb.\(draft.key).title"), summary: t("rb.\(draft.key).summary", draft.arguments),
                    impact: t("rb.\(draft.key).impact", draft.arguments),
                    alerts: alerts.filter { RunbookID.forAlert($0) == draft.id }, stages: draft.stages)
        }
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
    var arguments: [String: String] = [:]
    let stages: [Runbook.Stage]

    init(id: String, key: String, arguments: [String: String] = [:], _ stages: [(Runbook.Part, [Runbook.Step])]) {
        self.id = id
        self.key = key
        self.arguments = arguments
        self.stages = stages.map { Runbook.Stage(part: $0.0, steps: $0.1) }
    }
}

/// The HA lab's stand-ins for kolla's containers: the lab runs MariaDB and RabbitMQ as processes in the network
/// namespaces `bjctl1`… with their files under `$LAB` (the HA lab's home, `$BOJAGI_HOME/ha-lab`).
enum LabCommand {
    static func sql(_ node: Int, _ statement: String) -> String {
        "ip netns exec bjctl\(node) /usr/bin/mariadb --defaults-file=$LAB/etc/ctl\(node)/my.cnf -N -B -e \"\(statement)\""
    }

    /// rabbitmqctl with the environment the lab starts the node with; `$CTL<n>` is the node's address.
    static func rabbitmqctl(_ node: Int, _ arguments: String) -> String {
        "ip netns exec bjctl\(node) env HOME=$LAB/data/ctl\(node)/rabbitmq-home ERL_EPMD_PORT=4371 RABBITMQ_USE_LONGNAME=true "
            + "/usr/lib/rabbitmq/bin/rabbitmqctl -q -n rabbit@$CTL\(node) \(arguments)"
    }

    /// The OpenStack client against the lab's cloud through its VIP.
    static func openstack(_ arguments: String) -> String {
        "OS_CLIENT_CONFIG_FILE=$LAB/clouds.yaml OS_CLOUD=bojagi-ha-lab openstack \(arguments)"
    }
}
