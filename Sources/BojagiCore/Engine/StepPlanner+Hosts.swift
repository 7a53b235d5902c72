/// Scale-out and scale-in: the `--limit` set widened to what must be touched, each widening with its reason.
extension StepPlanner {
    func addHost(_ name: String) throws -> EnginePlan {
        guard let host = blueprint.hosts.first(where: { $0.name == name }) else {
            throw EnginePlanError("\(name) is not a host in \(blueprintPath)",
                                  fix: "add it under hosts: in \(blueprintPath) first, then run add-host \(name)")
        }
        guard !directory.hosts.contains(name) else {
            throw EnginePlanError("\(name) is already in \(directory.path)/inventory, so it is part of the cloud",
                                  fix: "run `bojagi reconfigure` to apply changes to it")
        }
        let release = try kollaRelease(blueprint.release)
        let controller = host.roles.contains(.control)
        var limit = [name]
        var reasons: [String] = []
        if controller {
            let controllers = hosts(.control)
            limit += controllers.filter { !limit.contains($0) }
            reasons.append("every controller: Galera, RabbitMQ, HAProxy and keepalived list all controllers (\(controllers.joined(separator: ", ")))")
        }
        let monitoring = monitoringHosts.filter { !limit.contains($0) }
        if !monitoring.isEmpty {
            limit += monitoring
            reasons.append("the monitoring hosts: Prometheus gets new scrape targets (\(monitoring.joined(separator: ", ")))")
        }
        var steps = prelude(release)
        steps.append(registryCheck(release, limit: [name]))
        if host.roles.contains(.storage) || (controller && directory.files.contains("ceph/bootstrap.sh")) { steps += ceph(release) }
        steps.append(bootstrap(release, new: [name]))
        steps.append(kolla("prechecks", release, limit: limit, liveSafe: true, reason: reasons.joined(separator: "; ").nilIfEmpty))
        steps.append(kolla("pull", release, limit: [name], liveSafe: true, needs: [.registry]))
        steps.append(kolla("deploy", release, limit: limit, liveSafe: !controller,
                           reason: reasons.joined(separator: "; ").nilIfEmpty, needs: [.containers]))
        if controller, let step = reconfigureOthers(release, beyond: limit) { steps.append(step) }
        steps.append(verify())
        var tasks: [String] = []
        if host.roles.contains(.compute) {
            tasks.append("after `verify`: check `openstack compute service list --service nova-compute` shows \(name) up and enabled (kolla's nova-cell role runs discover_hosts)")
        }
        return EnginePlan(operation: .addHost(name), steps: steps, operatorTasks: tasks)
    }

    func removeHost(_ name: String) throws -> EnginePlan {
        guard directory.hosts.contains(name) else {
            throw EnginePlanError("\(name) is not in \(directory.path)/inventory, so kolla-ansible does not manage it",
                                  fix: "name a host of the inventory: \(directory.hosts.sorted().joined(separator: ", "))")
        }
        guard !blueprint.hosts.contains(where: { $0.name == name }) else {
            throw EnginePlanError("\(name) is still a host in \(blueprintPath)",
                                  fix: "delete it from hosts: in \(blueprintPath) first (the run stops it, then renders without it)")
        }
        let release = try kollaRelease(blueprint.release)
        let roles = Set(directory.groups.filter { $0.value.contains(name) }.map(\.key))
        let controllers = directory.groups["control", default: []]
        let controller = roles.contains("control")
        var warnings: [String] = []
        if controller {
            let left = controllers.count - 1
            if left < 2 {
                throw EnginePlanError("removing \(name) leaves \(left) controller\(left == 1 ? "" : "s"): Galera and RabbitMQ need two to keep a quorum through a restart",
                                      fix: "add a controller first (bojagi add-host), then remove \(name)")
            }
            if left == 2 {
                warnings.append("removing \(name) leaves 2 controllers: Galera and RabbitMQ keep quorum only while both run; losing one more stops writes")
            }
        }
        var steps = checkPlaybook(release).map { [$0] } ?? []
        steps.append(venvStep(release))
        steps.append(kolla("stop", release, limit: [name], liveSafe: false, extra: ["--yes-i-really-really-mean-it"],
                           note: "stops \(name)'s containers; kolla-ansible leaves its records in the services to the operator"))
        steps.append(render(release: nil))
        let remaining = controllers.filter { $0 != name }
        var limit = controller ? remaining : []
        var reasons = controller ? ["the remaining controllers: Galera, RabbitMQ, HAProxy and keepalived drop \(name)"] : []
        let monitoring = monitoringHosts.filter { !limit.contains($0) && $0 != name }
        if !monitoring.isEmpty {
            limit += monitoring
            reasons.append("the monitoring hosts: Prometheus drops \(name)'s scrape targets")
        }
        if !limit.isEmpty {
            steps.append(kolla("deploy", release, limit: limit, liveSafe: !controller, reason: reasons.joined(separator: "; "), needs: [.containers]))
        }
        if controller, let step = reconfigureOthers(release, beyond: limit) { steps.append(step) }
        steps.append(verify())
        return EnginePlan(operation: .removeHost(name), steps: steps, warnings: warnings,
                          operatorTasks: Self.removalTasks(name, roles: roles, remaining: remaining))
    }

    /// What kolla-ansible's "removing hosts" guide leaves to the operator, by role, in the order to do it.
    static func removalTasks(_ name: String, roles: Set<String>, remaining: [String]) -> [String] {
        var tasks: [String] = []
        if roles.contains("storage") {
            tasks.append("before `stop`: `ceph orch host drain \(name)`, wait until `ceph orch osd rm status` is empty, then `ceph orch host rm \(name)`")
        }
        if roles.contains("compute") {
            tasks.append("before `stop`: `openstack compute service set --disable \(name) nova-compute`, then live-migrate its instances (`openstack server list --all-projects --host \(name)`, `openstack server migrate --live-migration SERVER`)")
            tasks.append("after `stop`: `openstack compute service delete` the nova-compute record of \(name)")
        }
        if roles.contains("network") || roles.contains("control") {
            tasks.append("before `stop`: move the routers of \(name)'s L3 agent (`openstack router list --agent AGENT`, `openstack network agent remove router --l3 AGENT ROUTER`, `openstack network agent add router --l3 OTHER ROUTER`) and its networks' DHCP (`openstack network agent remove network --dhcp` / `add network --dhcp`)")
        }
        if roles.contains("control") {
            let survivor = remaining.first ?? "a remaining controller"
            tasks.append("after `stop`: on \(survivor), `docker exec rabbitmq rabbitmqctl forget_cluster_node rabbit@\(name)`")
            tasks.append("after `stop`: `openstack compute service delete` the nova-scheduler and nova-conductor records of \(name); `docker exec cinder_api cinder-manage service remove cinder-scheduler \(name)` (and cinder-volume)")
        }
        if !roles.isDisjoint(with: ["control", "network", "compute"]) {
            tasks.append("after `stop`: `openstack network agent list --host \(name)`, then `openstack network agent delete` each")
        }
        return tasks
    }

    /// `bootstrap-servers` on the new hosts only, unless the operator asks for the running ones too.
    func bootstrap(_ release: Release, new: [String]) -> EngineStep {
        if options.bootstrapRunningHosts {
            return kolla("bootstrap-servers", release, limit: nil, liveSafe: false,
                         reason: "every host, as asked (--bootstrap-running-hosts): it can restart the running hosts' container engine")
        }
        return kolla("bootstrap-servers", release, limit: new, liveSafe: true,
                     note: "not on the running hosts: it can restart their container engine (--bootstrap-running-hosts to include them)")
    }

    /// The hosts Prometheus runs on, when it is on.
    var monitoringHosts: [String] {
        guard blueprint.monitoring.prometheus else { return [] }
        return hosts(.monitoring)
    }

    /// After a controller comes or goes, the hosts outside the deploy's limit still name the old set of controllers
    /// (transport_url, memcached servers): reconfigure them.
    func reconfigureOthers(_ release: Release, beyond limit: [String]) -> EngineStep? {
        let others = blueprint.hosts.map(\.name).filter { !limit.contains($0) }
        guard !others.isEmpty else { return nil }
        return kolla("reconfigure", release, limit: others, liveSafe: true,
                     reason: "the other hosts' services name every controller (transport_url, memcached servers)",
                     needs: [.containers], name: "reconfigure-others")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
