/// The upgrade to the next release, from the upgrade planner's hops and steps; and the runbook every other
/// alert links to: one API, agent or host service down.
extension ManualBuilder {
    func upgradeBook(_ c: ManualCloud, _ plan: UpgradePlan?) -> RunbookDraft {
        let b = "upgrade"
        guard let plan, let hop = plan.hops.first else {
            // No later release: the summary says so; the validation step is the one thing to check meanwhile.
            return RunbookDraft(id: RunbookID.upgrade, key: b, summaryKey: "rb.upgrade.none",
                                arguments: ["release": c.plan.release.label, "from": c.plan.release.label], [
                (.validation, [step(b, .validation, 1, ["release": c.plan.release.label])]),
            ])
        }
        let args = ["from": hop.from.label, "to": hop.to.label]
        func steps(_ phase: UpgradePlan.Step.Phase) -> [Runbook.Step] {
            hop.steps.filter { $0.phase == phase }.map { item in
                // The planner's steps are phrases: its own sentences by key, the catalog's with their translations.
                var downtime = t("downtime.\(item.downtime.rawValue)")
                if item.recommended { downtime = t("rb.upgrade.recommended", ["downtime": downtime]) }
                let note = item.downtimeNotePhrase.map { t("rb.upgrade.outageNote", ["note": t($0)]) } ?? ""
                let text = t("rb.upgrade.step", ["area": t("area.\(item.area)"), "downtime": downtime, "text": t(item.phrase), "note": note])
                return Runbook.Step(text: text, command: item.commands.isEmpty ? nil : item.commands.joined(separator: "\n"))
            }
        }
        var prep = steps(.before)
        prep.append(stopLine())
        return RunbookDraft(id: RunbookID.upgrade, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, ["release": hop.from.label])] + steps(.checks)),
            (.prep, prep),
            (.execute, steps(.upgrade)),
            (.verify, steps(.after) + [step(b, .verify, 1, command: "openstack versions show -f value -c 'Service Type' -c Status", expect: "CURRENT")]),
            (.troubleshooting, [step(b, .troubleshooting, 1)]),
            (.rollback, [step(b, .rollback, 1, args)]),
        ])
    }

    func serviceDown(_ c: ManualCloud) -> RunbookDraft {
        let b = "service", ka = c.kollaAnsible
        let args = ["controllers": c.range(c.controllers), "vip": c.internalAddress]
        return RunbookDraft(id: RunbookID.service, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: "openstack endpoint list -f value -c 'Service Name' -c Interface -c URL"),
                           step(b, .validation, 2, command: "curl -s -o /dev/null -w '%{http_code}\\n' \(c.internalScheme)://\(c.internalAddress):8774/",
                                expect: "200")]),
            (.prep, [step(b, .prep, 1, args, command: "docker ps -a --filter name=nova_api", on: c.range(c.controllers), expect: "Up"),
                     step(b, .prep, 2, command: "chronyc tracking && df -h /var/lib/docker", on: c.range(c.controllers)),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, command: "docker logs --tail 100 nova_api", on: c.firstController),
                        step(b, .execute, 2, command: "docker restart nova_api", on: c.firstController),
                        step(b, .execute, 3, command: "\(ka) deploy-containers --tags nova")]),
            (.verify, [step(b, .verify, 1, command: "openstack compute service list -f value -c Binary -c State", expect: "up"),
                       step(b, .verify, 2, command: "openstack network agent list -f value -c Binary -c Alive", expect: "True")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "tail -n 100 /var/log/kolla/haproxy/haproxy.log", on: c.firstController),
                                step(b, .troubleshooting, 2, command: "docker exec openvswitch_vswitchd ovs-vsctl show", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1)]),
        ])
    }
}
