/// The engine's step planner: blueprint, rendered directory and operation in, the ordered commands out. Pure —
/// nothing here runs or reads a file; `DeploymentDirectory` brings what the directory holds.
public struct StepPlanner: Sendable {
    /// Where the engine's own programs are on this machine.
    public struct Tools: Sendable, Hashable {
        /// The `bojagi` executable (re-render and verify steps run it).
        public let bojagi: String
        /// The checkout's `scripts/` directory (the venv installer, the Ansible progress callback).
        public let scripts: String
        /// `$BOJAGI_HOME`: the venvs live in `venvs/kolla-ansible-<release>`.
        public let home: String

        public init(bojagi: String, scripts: String, home: String) {
            self.bojagi = bojagi
            self.scripts = scripts
            self.home = home
        }
    }

    public struct Options: Sendable {
        /// More inventory sources after the directory's own (per-site connection variables); each is passed as
        /// another `-i`, so Ansible merges it over the rendered inventory.
        public var inventories: [String] = []
        /// Run `bootstrap-servers` on hosts that already run the cloud too (it can restart their container engine).
        public var bootstrapRunningHosts = false
        /// Hosts an earlier run deployed (from the run records): a `deploy` does not bootstrap them again.
        public var liveHosts: Set<String> = []
        /// A playbook run first, through the engine like every step (the integration test's chosen failure).
        public var checkPlaybook: String?
        /// The upgrade's route (from `UpgradePlanner`), for `upgrade`.
        public var upgrade: UpgradePlan?

        public init() {}
    }

    /// kolla-ansible's default `docker_registry` (group_vars/all/common.yml); Bojagi does not change it.
    public static let registry = "quay.io"

    let blueprint: Blueprint
    let blueprintPath: String
    let directory: DeploymentDirectory
    let catalog: Catalog
    let tools: Tools
    let options: Options

    public init(blueprint: Blueprint, blueprintPath: String, directory: DeploymentDirectory, catalog: Catalog,
                tools: Tools, options: Options = Options()) {
        self.blueprint = blueprint
        self.blueprintPath = blueprintPath
        self.directory = directory
        self.catalog = catalog
        self.tools = tools
        self.options = options
    }

    public func plan(_ operation: EngineOperation) throws -> EnginePlan {
        switch operation {
        case .deploy: try deploy()
        case .reconfigure: try reconfigure()
        case .addHost(let host): try addHost(host)
        case .removeHost(let host): try removeHost(host)
        case .upgrade: try upgrade(operation)
        }
    }

    func deploy() throws -> EnginePlan {
        let release = try kollaRelease(blueprint.release)
        let all = blueprint.hosts.map(\.name)
        let running = all.filter { options.liveHosts.contains($0) }
        var steps = prelude(release)
        steps.append(registryCheck(release, limit: nil))
        steps += ceph(release)
        if options.bootstrapRunningHosts || running.isEmpty {
            steps.append(kolla("bootstrap-servers", release, limit: nil, liveSafe: false))
        } else if running.count < all.count {
            let fresh = all.filter { !options.liveHosts.contains($0) }
            steps.append(kolla("bootstrap-servers", release, limit: fresh, liveSafe: false,
                               reason: "not on \(running.joined(separator: ", ")): an earlier run deployed them and bootstrap-servers can restart their container engine (--bootstrap-running-hosts to include them)"))
        }
        if blueprint.tls.selfSigned && (blueprint.tls.external || blueprint.tls.internal) {
            steps.append(kolla("certificates", release, limit: nil, liveSafe: true))
        }
        // Octavia's CAs and client certificate: kolla's octavia role copies them from config/octavia/.
        if Resolver(catalog: catalog).resolve(blueprint).services.contains("octavia"),
           !directory.files.contains("config/octavia/server_ca.cert.pem") {
            steps.append(kolla("octavia-certificates", release, limit: nil, liveSafe: true,
                               note: "Octavia's server and client CAs into config/octavia/ (kept: later runs reuse them)"))
        }
        steps.append(kolla("prechecks", release, limit: nil, liveSafe: true))
        steps.append(kolla("pull", release, limit: nil, liveSafe: true, needs: [.registry]))
        steps.append(kolla("deploy", release, limit: nil, liveSafe: false, needs: [.containers]))
        steps.append(kolla("post-deploy", release, limit: nil, liveSafe: true, needs: [.containers]))
        steps.append(verify())
        return EnginePlan(operation: .deploy, steps: steps)
    }

    func reconfigure() throws -> EnginePlan {
        let release = try kollaRelease(blueprint.release)
        var steps = prelude(release)
        steps.append(kolla("prechecks", release, limit: nil, liveSafe: true))
        steps.append(kolla("reconfigure", release, limit: nil, liveSafe: true, needs: [.containers],
                           note: "restarts only the containers whose configuration changed (bojagi diff --services lists them)"))
        steps.append(verify())
        return EnginePlan(operation: .reconfigure, steps: steps)
    }

    // MARK: - shared steps

    /// The test playbook (when given), the re-render and the release's venv: what every operation starts with.
    func prelude(_ release: Release) -> [EngineStep] {
        var steps = checkPlaybook(release).map { [$0] } ?? []
        steps.append(render(release: nil))
        steps.append(venvStep(release))
        return steps
    }

    func checkPlaybook(_ release: Release) -> EngineStep? {
        options.checkPlaybook.map {
            EngineStep(name: "check-playbook", argv: [bin(release, "ansible-playbook")] + inventoryArguments + [$0],
                       environment: ansibleEnvironment, workingDirectory: directory.path, liveSafe: true, ansible: true,
                       venv: venv(release))
        }
    }

    func render(release: Release?, name: String = "render") -> EngineStep {
        var argv = [tools.bojagi, "render", blueprintPath, "--out", directory.path]
        if let release { argv += ["--release", release.id ?? release.name] }
        return EngineStep(name: name, argv: argv, workingDirectory: directory.path, liveSafe: true,
                          note: "writes only files whose bytes change; secrets already in the directory are kept")
    }

    func venvStep(_ release: Release, name: String = "venv") -> EngineStep {
        EngineStep(name: name, argv: [tools.scripts + "/engine/kolla-venv.sh", release.id ?? release.name, release.kollaAnsible ?? "", venv(release)],
                   workingDirectory: directory.path, liveSafe: true,
                   note: "kolla-ansible \(release.kollaAnsible ?? "?") on Python 3.12, pinned; does nothing when the venv is up to date")
    }

    /// `ansible all -m uri` to the registry: a host that cannot reach it fails here in seconds, not in `pull`.
    func registryCheck(_ release: Release, limit: [String]?, name: String = "registry") -> EngineStep {
        // Not the deployment group: the deploy host needs no images.
        var argv = [bin(release, "ansible"), limit.map { $0.joined(separator: ",") } ?? "all:!deployment"] + inventoryArguments
        argv += ["-m", "ansible.builtin.uri", "-a", "url=https://\(Self.registry)/v2/ status_code=200,401 timeout=10"]
        return EngineStep(name: name, argv: argv, environment: ansibleEnvironment, workingDirectory: directory.path,
                          limit: limit, liveSafe: true, ansible: true, venv: venv(release), needs: [.registry],
                          note: "every host must reach \(Self.registry) for `pull`")
    }

    /// cephadm: ceph/ copied to the first monitor, then bootstrap.sh there (bootstrap when new, host keys, spec
    /// apply, pools and client keys; safe to run again, so adding a storage host runs it again too).
    func ceph(_ release: Release) -> [EngineStep] {
        guard directory.files.contains("ceph/bootstrap.sh"), let first = firstMonitor else { return [] }
        let copy = [bin(release, "ansible"), first] + inventoryArguments
            + ["-b", "-m", "ansible.builtin.copy", "-a", "src=\(directory.path)/ceph/ dest=/root/bojagi-ceph/ mode=preserve"]
        let run = [bin(release, "ansible"), first] + inventoryArguments
            + ["-b", "-m", "ansible.builtin.command", "-a", "bash /root/bojagi-ceph/bootstrap.sh chdir=/root/bojagi-ceph"]
        return [
            EngineStep(name: "ceph-copy", argv: copy, environment: ansibleEnvironment, workingDirectory: directory.path,
                       limit: [first], limitReason: "the first Ceph monitor runs cephadm", liveSafe: true, ansible: true,
                       venv: venv(release), note: "keys.yml keeps its mode 0600"),
            EngineStep(name: "ceph-bootstrap", argv: run, environment: ansibleEnvironment, workingDirectory: directory.path,
                       limit: [first], limitReason: "the first Ceph monitor runs cephadm", liveSafe: true, ansible: true,
                       venv: venv(release), needs: [.registry, .containers]),
        ]
    }

    func kolla(_ action: String, _ release: Release, limit: [String]?, liveSafe: Bool, reason: String? = nil,
               needs: [EngineStep.Need] = [], name: String? = nil, extra: [String] = [], note: String? = nil) -> EngineStep {
        var argv = [bin(release, "kolla-ansible"), action] + inventoryArguments + ["--configdir", directory.path]
        if let limit { argv += ["--limit", limit.joined(separator: ",")] }
        argv += extra
        return EngineStep(name: name ?? action, argv: argv, environment: ansibleEnvironment, workingDirectory: directory.path,
                          limit: limit, limitReason: reason, liveSafe: liveSafe, ansible: true, venv: venv(release),
                          needs: needs, note: note)
    }

    /// `bojagi verify` with the clouds.yaml kolla-ansible's post-deploy writes into the directory.
    func verify() -> EngineStep {
        EngineStep(name: "verify", argv: [tools.bojagi, "verify", "--cloud", "kolla-admin"],
                   environment: ["OS_CLIENT_CONFIG_FILE": directory.path + "/clouds.yaml"],
                   workingDirectory: directory.path, liveSafe: true,
                   note: "every service through its API, then the smoke scenario")
    }

    var inventoryArguments: [String] {
        (["\(directory.path)/inventory"] + options.inventories).flatMap { ["-i", $0] }
    }

    /// Ansible reports each task through scripts/engine/callback_plugins/bojagi_progress.py.
    var ansibleEnvironment: [String: String] {
        ["ANSIBLE_CALLBACK_PLUGINS": tools.scripts + "/engine/callback_plugins",
         "ANSIBLE_CALLBACKS_ENABLED": "bojagi_progress",
         "ANSIBLE_LOAD_CALLBACK_PLUGINS": "1",
         "ANSIBLE_NOCOLOR": "1",
         "ANSIBLE_RETRY_FILES_ENABLED": "false"]
    }

    func venv(_ release: Release) -> String { "\(tools.home)/venvs/kolla-ansible-\(release.id ?? release.name)" }

    func bin(_ release: Release, _ program: String) -> String { venv(release) + "/bin/" + program }

    func kollaRelease(_ name: String) throws -> Release {
        guard let release = catalog.release(named: name) else {
            throw EnginePlanError("release '\(name)' is not in the catalog", fix: "`bojagi catalog --releases` lists them")
        }
        guard release.kollaAnsible != nil else {
            throw EnginePlanError("the catalog names no kolla-ansible for \(release.label)", fix: "choose a release kolla-ansible supports")
        }
        return release
    }

    /// Where cephadm bootstraps: the first control host, else the first storage host (as `CephCluster` chooses).
    var firstMonitor: String? {
        (blueprint.hosts.first { $0.roles.contains(.control) } ?? blueprint.hosts.first { $0.roles.contains(.storage) })?.name
    }

    func hosts(_ role: Host.Role) -> [String] { blueprint.hosts.filter { $0.roles.contains(role) }.map(\.name) }
}
