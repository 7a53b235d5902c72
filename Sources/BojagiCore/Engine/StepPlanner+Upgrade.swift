/// `upgrade --to R`: per hop of `UpgradePlanner`'s route, the hop's kolla-ansible venv, a render for the hop's
/// release, the services' own upgrade checks, then kolla-ansible's prechecks, pull and upgrade.
extension StepPlanner {
    /// The `<service>-status upgrade check` command of each service that has one, and the container it runs in.
    static let statusChecks: [(service: String, container: String, command: String)] = [
        ("keystone", "keystone", "keystone-status"), ("glance", "glance_api", "glance-status"),
        ("placement", "placement_api", "placement-status"), ("nova", "nova_api", "nova-status"),
        ("neutron", "neutron_server", "neutron-status"), ("cinder", "cinder_api", "cinder-status"),
        ("heat", "heat_api", "heat-status"), ("octavia", "octavia_api", "octavia-status"),
        ("designate", "designate_api", "designate-status"), ("manila", "manila_api", "manila-status"),
        ("barbican", "barbican_api", "barbican-status"),
    ]

    func upgrade(_ operation: EngineOperation) throws -> EnginePlan {
        guard let route = options.upgrade else {
            throw EnginePlanError("no upgrade route was given to the planner", fix: "run `bojagi upgrade plan --to R` to see why")
        }
        guard !route.blocked else {
            throw EnginePlanError("the upgrade to \(route.to.label) is blocked: \(route.findings.filter { $0.severity == .error }.map(\.message).joined(separator: "; "))",
                                  fix: "`bojagi upgrade plan --to \(route.to.id ?? route.to.name)` shows each blocker with its fix")
        }
        guard let firstController = hosts(.control).first else {
            throw EnginePlanError("the blueprint has no control host", fix: "an upgrade needs the controllers of the cloud in hosts:")
        }
        let current = try kollaRelease(blueprint.release)
        var steps = checkPlaybook(current).map { [$0] } ?? []
        var tasks: [String] = []
        for hop in route.hops {
            let release = try kollaRelease(hop.to.name)
            let tag = "hop\(hop.number)"
            steps.append(venvStep(release, name: "\(tag) venv"))
            steps.append(render(release: release, name: "\(tag) render"))
            let package = Set(route.package)
            for check in Self.statusChecks where package.contains(check.service) {
                let argv = [bin(release, "ansible"), firstController] + inventoryArguments
                    + ["-b", "-m", "ansible.builtin.command", "-a", "docker exec \(check.container) \(check.command) upgrade check"]
                steps.append(EngineStep(name: "\(tag) \(check.command)", argv: argv, environment: ansibleEnvironment,
                                        workingDirectory: directory.path, limit: [firstController],
                                        limitReason: "one controller answers for the service's database", liveSafe: true,
                                        ansible: true, venv: venv(release), needs: [.containers],
                                        note: "in the running containers: the last upgrade's migrations must be complete before the next"))
            }
            steps.append(registryCheck(release, limit: nil, name: "\(tag) registry"))
            if options.bootstrapRunningHosts {
                steps.append(kolla("bootstrap-servers", release, limit: nil, liveSafe: false,
                                   reason: "every host, as asked (--bootstrap-running-hosts): it can restart the container engine",
                                   name: "\(tag) bootstrap-servers"))
            }
            steps.append(kolla("prechecks", release, limit: nil, liveSafe: true, name: "\(tag) prechecks"))
            steps.append(kolla("pull", release, limit: nil, liveSafe: true, needs: [.registry], name: "\(tag) pull"))
            steps.append(kolla("upgrade", release, limit: nil, liveSafe: route.rollingControlPlane, needs: [.containers],
                               name: "\(tag) upgrade",
                               note: route.rollingControlPlane ? "rolling: three or more controllers behind HAProxy" : "API outage while the controllers restart"))
            for step in hop.steps where step.phase != .upgrade {
                let commands = step.commands.isEmpty ? "" : ": " + step.commands.map { "`\($0)`" }.joined(separator: "; ")
                let when = step.phase == .after ? "after `\(tag) upgrade`" : "before `\(tag) upgrade`"
                tasks.append("\(when) (\(step.area)) \(step.text)\(commands)")
            }
        }
        steps.append(verify())
        tasks.append("after `verify`: set `release: \(route.to.id ?? route.to.name)` in \(blueprintPath), so the next render stays on \(route.to.label)")
        return EnginePlan(operation: operation, steps: steps, operatorTasks: tasks)
    }
}
