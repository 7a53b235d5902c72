/// Whole-cloud and cluster procedures: full shutdown and cold start, Galera after a full-cluster outage,
/// a RabbitMQ node lost and a full RabbitMQ reset.
extension ManualBuilder {
    static func sql(_ statement: String) -> String {
        "docker exec mariadb mariadb -uroot -p\"$DB_ROOT_PASSWORD\" -N -B -e \"\(statement)\""
    }

    static func exportDatabasePassword(_ cloud: ManualCloud) -> String {
        "export DB_ROOT_PASSWORD=$(sed -n 's/^database_password: //p' \(cloud.deployment)/passwords.yml)"
    }

    func coldStart(_ c: ManualCloud) -> RunbookDraft {
        let b = "coldstart", ka = c.kollaAnsible
        let args = ["controllers": c.range(c.controllers), "computes": c.range(c.computes), "storage": c.range(c.storageHosts)]
        let ceph = c.blueprint.storage.ceph != nil
        var shutdown: [Runbook.Step] = [
            step(b, .execute, 1, command: "openstack server list --all-projects --status ACTIVE -f value -c ID -c Name -c Host"),
            step(b, .execute, 2, command: "openstack server stop SERVER_ID"),
            step(b, .execute, 3, args, command: "\(ka) stop --yes-i-really-really-mean-it --limit compute"),
            step(b, .execute, 4, args, command: "\(ka) stop --yes-i-really-really-mean-it --limit control"),
        ]
        if ceph {
            shutdown += [step(b, .execute, 5, command: "ceph osd set noout && ceph osd set norebalance", on: c.storageHosts.first),
                         step(b, .execute, 6, args, command: "systemctl stop ceph.target", on: c.range(c.storageHosts))]
        }
        var start: [Runbook.Step] = []
        if ceph {
            start += [step(b, .execute, 7, args, command: "ceph -s", on: c.storageHosts.first, expect: "osd:"),
                      step(b, .execute, 8, command: "ceph osd unset noout && ceph osd unset norebalance", on: c.storageHosts.first)]
        }
        start += [step(b, .execute, 9, args, command: "\(ka) mariadb_recovery"),
                  step(b, .execute, 10, command: "\(ka) deploy-containers")]
        return RunbookDraft(id: RunbookID.coldStart, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: "openstack compute service list -f value -c Binary -c Host -c State", expect: "up"),
                           step(b, .validation, 2, command: Self.sql("SHOW STATUS LIKE 'wsrep_cluster_status'"), on: c.firstController, expect: "Primary",
                                lab: LabCommand.sql(1, "SHOW STATUS LIKE 'wsrep_cluster_status'"), labExpect: "Primary")]),
            (.prep, [step(b, .prep, 1, command: "\(ka) mariadb_backup"),
                     step(b, .prep, 2, command: Self.exportDatabasePassword(c)),
                     step(b, .prep, 3, command: "openstack server list --all-projects --status ACTIVE -f value -c ID -c Name > active-servers.txt"),
                     stopLine()]),
            (.execute, shutdown + start),
            (.verify, [step(b, .verify, 1, command: Self.sql("SHOW STATUS LIKE 'wsrep_cluster_size'"), on: c.firstController,
                            expect: "\(c.controllers.count)", lab: LabCommand.sql(1, "SHOW STATUS LIKE 'wsrep_cluster_size'"), labExpect: "3"),
                       step(b, .verify, 2, command: "openstack compute service list -f value -c Binary -c State", expect: "up"),
                       step(b, .verify, 3, command: "openstack network agent list -f value -c Binary -c Alive", expect: "True"),
                       step(b, .verify, 4, command: "openstack server start SERVER_ID")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, args, command: "docker logs --tail 50 mariadb", on: c.firstController),
                                step(b, .troubleshooting, 2, command: "docker exec rabbitmq rabbitmqctl cluster_status", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1)]),
        ])
    }

    func galera(_ c: ManualCloud) -> RunbookDraft {
        let b = "galera", ka = c.kollaAnsible
        let args = ["controllers": c.range(c.controllers), "count": "\(c.controllers.count)", "first": c.firstController]
        return RunbookDraft(id: RunbookID.galera, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: "docker ps -a --filter name=mariadb", on: c.range(c.controllers), expect: "mariadb"),
                           step(b, .validation, 2, command: "openstack token issue", lab: LabCommand.openstack("token issue"))]),
            (.prep, [step(b, .prep, 1, command: Self.exportDatabasePassword(c)),
                     step(b, .prep, 2, args, command: "docker exec mariadb cat /var/lib/mysql/grastate.dat", on: c.range(c.controllers), expect: "seqno:",
                          lab: "cat $LAB/data/ctl1/mysql/grastate.dat $LAB/data/ctl2/mysql/grastate.dat $LAB/data/ctl3/mysql/grastate.dat", labExpect: "seqno:"),
                     step(b, .prep, 3),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, command: "\(ka) mariadb_recovery", lab: LabCommand.galeraPositions, labExpect: "Recovered position"),
                        step(b, .execute, 2, args, command: "\(ka) mariadb_recovery -e mariadb_recover_inventory_name=\(c.firstController)",
                             lab: LabCommand.galeraBootstrap, labExpect: "safe_to_bootstrap")]),
            (.verify, [step(b, .verify, 1, args, command: Self.sql("SHOW STATUS LIKE 'wsrep_cluster_size'"), on: c.firstController,
                            expect: "\(c.controllers.count)", lab: LabCommand.sql(1, "SHOW STATUS LIKE 'wsrep_cluster_size'"), labExpect: "3"),
                       step(b, .verify, 2, command: Self.sql("SHOW STATUS LIKE 'wsrep_local_state_comment'"), on: c.range(c.controllers), expect: "Synced",
                            lab: LabCommand.sql(2, "SHOW STATUS LIKE 'wsrep_local_state_comment'"), labExpect: "Synced"),
                       step(b, .verify, 3, command: "openstack token issue -f value -c expires", expect: "T",
                            lab: LabCommand.openstack("token issue -f value -c expires"), labExpect: "T")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "docker logs --tail 100 mariadb", on: c.firstController),
                                step(b, .troubleshooting, 2, command: "tail -n 100 /var/log/kolla/mariadb/mariadb.log", on: c.range(c.controllers))]),
            (.rollback, [step(b, .rollback, 1, args)]),
        ])
    }

    func rabbitNode(_ c: ManualCloud) -> RunbookDraft {
        let b = "rabbitnode", ka = c.kollaAnsible
        let lost = c.controllers.count > 1 ? c.controllers[1] : c.firstController
        let args = ["host": lost, "first": c.firstController, "count": "\(c.controllers.count)"]
        return RunbookDraft(id: RunbookID.rabbitNode, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: "docker exec rabbitmq rabbitmqctl cluster_status", on: c.firstController,
                                expect: "Running Nodes", lab: LabCommand.rabbitmqctl(1, "cluster_status"), labExpect: "Running Nodes")]),
            (.prep, [step(b, .prep, 1, args, command: "docker ps -a --filter name=rabbitmq", on: lost, expect: "rabbitmq"),
                     step(b, .prep, 2, command: "docker exec rabbitmq rabbitmqctl list_queues name messages consumers", on: c.firstController),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, args, command: "docker restart rabbitmq", on: lost, lab: LabCommand.rabbitmqServer(2)),
                        step(b, .execute, 2, args, command: "docker exec rabbitmq rabbitmqctl await_startup", on: lost,
                             lab: LabCommand.rabbitmqctl(2, "await_startup"))]),
            (.verify, [step(b, .verify, 1, args, command: "docker exec rabbitmq rabbitmqctl status", on: lost, expect: "RabbitMQ version",
                            lab: LabCommand.rabbitmqctl(2, "status"), labExpect: "RabbitMQ version"),
                       step(b, .verify, 2, command: "openstack compute service list -f value -c Binary -c State", expect: "up")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, args, command: "tail -n 100 /var/log/kolla/rabbitmq/rabbit@\(lost).log", on: lost),
                                step(b, .troubleshooting, 2, args, command: "docker exec rabbitmq rabbitmqctl stop_app && docker exec rabbitmq rabbitmqctl reset && docker exec rabbitmq rabbitmqctl join_cluster rabbit@\(c.firstController) && docker exec rabbitmq rabbitmqctl start_app", on: lost),
                                step(b, .troubleshooting, 3, args, command: "\(ka) deploy --tags rabbitmq --limit \(lost)")]),
            (.rollback, [step(b, .rollback, 1)]),
        ])
    }

    func rabbitReset(_ c: ManualCloud) -> RunbookDraft {
        let b = "rabbitreset", ka = c.kollaAnsible
        let args = ["controllers": c.range(c.controllers)]
        return RunbookDraft(id: RunbookID.rabbitReset, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: "docker exec rabbitmq rabbitmqctl cluster_status", on: c.firstController, expect: "Network Partitions"),
                           step(b, .validation, 2)]),
            (.prep, [step(b, .prep, 1, command: "docker exec rabbitmq rabbitmqctl list_queues name messages", on: c.firstController),
                     step(b, .prep, 2), stopLine()]),
            (.execute, [step(b, .execute, 1, command: "\(ka) rabbitmq-reset-state"),
                        step(b, .execute, 2, command: "\(ka) deploy-containers")]),
            (.verify, [step(b, .verify, 1, args, command: "docker exec rabbitmq rabbitmqctl cluster_status", on: c.firstController,
                            expect: "Running Nodes"),
                       step(b, .verify, 2, command: "openstack network agent list -f value -c Binary -c Alive", expect: "True"),
                       step(b, .verify, 3, command: "openstack server create --flavor m1.tiny --image cirros --network demo-net runbook-check --wait",
                            expect: "ACTIVE")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "docker logs --tail 100 nova_conductor", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1)]),
        ])
    }
}
