/// Procedures that change the hosts: adding a compute node, removing or replacing a controller, adding and
/// replacing a Ceph OSD.
extension ManualBuilder {
    func addCompute(_ c: ManualCloud) -> RunbookDraft {
        let b = "compute", ka = c.kollaAnsible
        let next = c.nextCompute
        let args = ["host": next.name, "address": next.address ?? "–", "computes": c.range(c.computes), "first": c.firstController,
                    "deployment": c.deployment]
        return RunbookDraft(id: RunbookID.compute, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: "ping -c 3 \(next.address ?? next.name)", expect: "0% packet loss"),
                           step(b, .validation, 2, command: "openstack hypervisor list --long")]),
            (.prep, [step(b, .prep, 1, args),
                     step(b, .prep, 2, args, command: "bojagi render bojagi.yaml --out \(c.deployment)", expect: "inventory"),
                     step(b, .prep, 3, args, command: "grep -n \(next.name) \(c.deployment)/inventory", expect: next.name),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, args, command: "\(ka) bootstrap-servers --limit \(next.name)"),
                        step(b, .execute, 2, args, command: "\(ka) prechecks --limit \(next.name)"),
                        step(b, .execute, 3, args, command: "\(ka) pull --limit \(next.name)"),
                        step(b, .execute, 4, args, command: "\(ka) deploy --limit \(next.name)")]),
            (.verify, [step(b, .verify, 1, args, command: "openstack compute service list --service nova-compute -f value -c Host -c State",
                            expect: next.name, lab: LabCommand.openstack("compute service list --service nova-compute -f value -c Host -c State"),
                            labExpect: "up"),
                       step(b, .verify, 2, args, command: "docker exec nova_api nova-manage cell_v2 discover_hosts --verbose", on: c.firstController),
                       step(b, .verify, 3, args, command: "openstack hypervisor list -f value -c 'Hypervisor Hostname' -c State", expect: next.name,
                            lab: LabCommand.openstack("hypervisor list -f value -c 'Hypervisor Hostname' -c State"), labExpect: "up"),
                       step(b, .verify, 4, args, command: "openstack network agent list --host \(next.name) -f value -c Binary -c Alive", expect: "True")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, args, command: "docker logs --tail 100 nova_compute", on: next.name),
                                step(b, .troubleshooting, 2, args, command: "tail -n 100 /var/log/kolla/nova/nova-compute.log", on: next.name)]),
            (.rollback, [step(b, .rollback, 1, args, command: "openstack compute service set --disable --disable-reason rollback \(next.name) nova-compute"),
                         step(b, .rollback, 2, args, command: "\(ka) stop --yes-i-really-really-mean-it --limit \(next.name)"),
                         step(b, .rollback, 3, args, command: "openstack compute service delete $(openstack compute service list --host \(next.name) -f value -c ID)")]),
        ])
    }

    func controller(_ c: ManualCloud) -> RunbookDraft {
        let b = "controller", ka = c.kollaAnsible
        let target = c.controllers.last ?? c.firstController
        let args = ["host": target, "controllers": c.range(c.controllers), "count": "\(c.controllers.count)", "first": c.firstController]
        return RunbookDraft(id: RunbookID.controller, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: Self.sql("SHOW STATUS LIKE 'wsrep_cluster_size'"), on: c.firstController,
                                expect: "\(c.controllers.count)"),
                           step(b, .validation, 2, args)]),
            (.prep, [step(b, .prep, 1, command: "\(ka) mariadb_backup"),
                     step(b, .prep, 2, args, command: "openstack network agent list --host \(target) -f value -c ID -c Binary"),
                     step(b, .prep, 3, args, command: "ip -4 addr show | grep -F \(c.blueprint.networks.vip.internal ?? c.firstController)", on: target),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, args, command: "\(ka) stop --yes-i-really-really-mean-it --limit \(target)"),
                        step(b, .execute, 2, args, command: "openstack network agent delete AGENT_ID"),
                        step(b, .execute, 3, args, command: "openstack compute service delete $(openstack compute service list --host \(target) -f value -c ID)"),
                        step(b, .execute, 4, args, command: "bojagi render bojagi.yaml --out \(c.deployment)"),
                        step(b, .execute, 5, args, command: "\(ka) reconfigure --limit control"),
                        step(b, .execute, 6, args, command: "\(ka) bootstrap-servers --limit \(target) && \(ka) deploy --limit control")]),
            (.verify, [step(b, .verify, 1, args, command: Self.sql("SHOW STATUS LIKE 'wsrep_cluster_size'"), on: c.firstController, expect: "\(c.controllers.count)"),
                       step(b, .verify, 2, command: "docker exec rabbitmq rabbitmqctl cluster_status", on: c.firstController, expect: "Running Nodes"),
                       step(b, .verify, 3, command: "openstack endpoint list -f value -c 'Service Name' -c Interface -c URL")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "tail -n 100 /var/log/kolla/haproxy/haproxy.log", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1, args)]),
        ])
    }

    func addOSD(_ c: ManualCloud) -> RunbookDraft {
        let b = "osdadd", host = c.nextStorageHost.name, admin = c.storageHosts.first ?? c.firstController
        let tiers = c.blueprint.storage.ceph?.tiers.map { "\($0.name) (\($0.deviceClass))" }.joined(separator: ", ") ?? "–"
        let args = ["host": host, "storage": c.range(c.storageHosts), "tiers": tiers, "admin": admin]
        return RunbookDraft(id: RunbookID.osdAdd, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: "ceph -s", on: admin, expect: "HEALTH_OK"),
                           step(b, .validation, 2, command: "ceph osd df tree", on: admin)]),
            (.prep, [step(b, .prep, 1, args, command: "ssh-copy-id -f -i /etc/ceph/ceph.pub root@\(host)", on: admin),
                     step(b, .prep, 2, args, command: "ceph orch host add \(host) \(c.nextStorageHost.address ?? "ADDRESS")", on: admin, expect: "Added host"),
                     step(b, .prep, 3, args, command: "ceph orch device ls \(host) --refresh", on: admin, expect: "Yes"),
                     step(b, .prep, 4, command: "ceph osd set norebalance", on: admin), stopLine()]),
            (.execute, [step(b, .execute, 1, args, command: "ceph orch daemon add osd \(host):/dev/sdb", on: admin, expect: "Created osd"),
                        step(b, .execute, 2, args, command: "ceph osd crush set-device-class ssd osd.ID", on: admin),
                        step(b, .execute, 3, command: "ceph osd unset norebalance", on: admin)]),
            (.verify, [step(b, .verify, 1, args, command: "ceph osd tree", on: admin, expect: host),
                       step(b, .verify, 2, command: "ceph -s", on: admin, expect: "HEALTH_OK"),
                       step(b, .verify, 3, command: "ceph df", on: admin)]),
            (.troubleshooting, [step(b, .troubleshooting, 1, args, command: "cephadm logs --name osd.ID", on: host)]),
            (.rollback, [step(b, .rollback, 1, command: "ceph orch osd rm ID && ceph orch osd rm status", on: admin)]),
        ])
    }

    func replaceOSD(_ c: ManualCloud) -> RunbookDraft {
        let b = "osdreplace", admin = c.storageHosts.first ?? c.firstController
        let args = ["storage": c.range(c.storageHosts), "admin": admin]
        return RunbookDraft(id: RunbookID.osdReplace, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: "ceph health detail", on: admin, expect: "osd"),
                           step(b, .validation, 2, command: "ceph osd tree down", on: admin, expect: "down")]),
            (.prep, [step(b, .prep, 1, command: "ceph osd set noout", on: admin, expect: "noout is set"),
                     step(b, .prep, 2, command: "ceph osd ok-to-stop ID", on: admin, expect: "are ok to stop"),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, command: "ceph orch osd rm ID --replace", on: admin, expect: "Scheduled OSD"),
                        step(b, .execute, 2, command: "ceph orch osd rm status", on: admin),
                        step(b, .execute, 3, args),
                        step(b, .execute, 4, command: "ceph orch device zap HOST /dev/sdX --force", on: admin),
                        step(b, .execute, 5, command: "ceph osd unset noout", on: admin, expect: "noout is unset")]),
            (.verify, [step(b, .verify, 1, command: "ceph osd tree", on: admin, expect: "up"),
                       step(b, .verify, 2, command: "ceph -s", on: admin, expect: "HEALTH_OK")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "ceph orch ps --daemon-type osd", on: admin),
                                step(b, .troubleshooting, 2, command: "cephadm logs --name osd.ID", on: admin)]),
            (.rollback, [step(b, .rollback, 1, command: "ceph osd unset noout", on: admin)]),
        ])
    }
}
