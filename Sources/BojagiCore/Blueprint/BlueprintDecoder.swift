import Yams

/// Reads `bojagi.yaml` into a `Blueprint`, reporting every problem at once with its line and a fix.
public struct BlueprintDecoder: Sendable {
    let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    static let topKeys = ["schema", "name", "release", "profile", "capabilities", "services", "policy", "deployment",
                          "hosts", "networks", "storage", "ha", "tls", "monitoring", "capacity"]

    public func decode(_ text: String, file: String = "bojagi.yaml") throws -> Blueprint {
        let sink = DiagnosticSink(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw BlueprintError(diagnostics: [Diagnostic(file: file, path: "", message: "the file is empty",
                                                              fix: "run `bojagi init --profile NAME --release NAME` for a starter file")])
            }
            root = node
        } catch let error as YamlError {
            throw BlueprintError(diagnostics: [Self.diagnostic(for: error, file: file)])
        }
        let top = YAMLField(node: root, path: "", sink: sink)
        var blueprint = Blueprint(release: "", profile: "")
        if let fields = top.mapping(allowed: Self.topKeys, what: "bojagi.yaml") {
            read(fields, into: &blueprint, top: top)
        }
        guard sink.diagnostics.isEmpty else {
            throw BlueprintError(diagnostics: sink.diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        blueprint.lines = sink.lines
        return blueprint
    }

    private func read(_ fields: [String: YAMLField], into blueprint: inout Blueprint, top: YAMLField) {
        if let schema = fields["schema"] {
            if let value = schema.int(), value != Blueprint.currentSchema {
                schema.report("schema \(value) is not known to this Bojagi (it reads schema \(Blueprint.currentSchema))",
                              fix: "write `schema: \(Blueprint.currentSchema)` or use a newer Bojagi")
            }
        } else {
            top.report("missing 'schema'", fix: "add `schema: \(Blueprint.currentSchema)` at the top")
        }
        blueprint.name = fields["name"]?.string()
        if let field = fields["release"] {
            if let text = field.string() {
                if let release = catalog.release(named: text) {
                    blueprint.release = release.name
                } else {
                    let names = catalog.releases.flatMap { [$0.name] + ($0.id.map { [$0] } ?? []) }
                    field.report("unknown release '\(text)'" + Suggestion.phrase(for: text, in: names),
                                 fix: "use a code name or number from \(catalog.releases.first!.name) to \(catalog.releases.last!.label); `bojagi catalog --releases` lists them")
                }
            }
        } else {
            top.report("missing 'release'", fix: "add for example `release: \(catalog.releases.last { $0.slurp }?.id ?? "2025.1")`")
        }
        if let field = fields["profile"] {
            if let text = field.string() {
                if catalog.profiles[text] != nil {
                    blueprint.profile = text
                } else {
                    field.report("unknown profile '\(text)'" + Suggestion.phrase(for: text, in: catalog.profiles.keys),
                                 fix: "use one of: \(catalog.profiles.keys.sorted().joined(separator: ", ")) (`bojagi profiles` explains them)")
                }
            }
        } else {
            top.report("missing 'profile'", fix: "add for example `profile: web-application`; `bojagi profiles` lists them")
        }
        if let field = fields["capabilities"] {
            blueprint.capabilities = changes(field, names: Array(catalog.capabilities.keys), what: "capability")
        }
        if let field = fields["services"] {
            blueprint.services = changes(field, names: catalog.serviceNames, what: "service")
        }
        if let field = fields["policy"] { blueprint.policy = policy(field) }
        if let field = fields["deployment"] { blueprint.deployment = deployment(field) }
        if let field = fields["capacity"] { blueprint.capacity = capacity(field) }
        if let field = fields["hosts"] { blueprint.hosts = HostDecoder().hosts(field) }
        if let field = fields["networks"] { blueprint.networks = NetworksDecoder().networks(field) }
        if let field = fields["storage"] { blueprint.storage = StorageDecoder(catalog: catalog).storage(field) }
        if let field = fields["ha"], let ha = field.mapping(allowed: ["enabled"], what: "ha") {
            if let value = ha["enabled"]?.bool() { blueprint.ha.enabled = value }
        }
        if let field = fields["tls"],
           let tls = field.mapping(allowed: ["external", "internal", "certificate", "internal_certificate", "ca", "self_signed"], what: "tls") {
            if let value = tls["external"]?.bool() { blueprint.tls.external = value }
            if let value = tls["internal"]?.bool() { blueprint.tls.internal = value }
            blueprint.tls.certificate = tls["certificate"]?.string()
            blueprint.tls.internalCertificate = tls["internal_certificate"]?.string()
            blueprint.tls.ca = tls["ca"]?.string()
            if let value = tls["self_signed"]?.bool() { blueprint.tls.selfSigned = value }
        }
        if let field = fields["monitoring"],
           let monitoring = field.mapping(allowed: ["prometheus", "grafana", "central_logging"], what: "monitoring") {
            if let value = monitoring["prometheus"]?.bool() { blueprint.monitoring.prometheus = value }
            if let value = monitoring["grafana"]?.bool() { blueprint.monitoring.grafana = value }
            if let value = monitoring["central_logging"]?.bool() { blueprint.monitoring.centralLogging = value }
        }
    }

    private func changes(_ field: YAMLField, names: [String], what: String) -> Blueprint.Changes {
        var result = Blueprint.Changes()
        guard let fields = field.mapping(allowed: ["add", "remove"], what: "\(field.path) (add/remove)") else { return result }
        for (key, keyPath) in [("add", \Blueprint.Changes.add), ("remove", \Blueprint.Changes.remove)] {
            guard let list = fields[key]?.sequence() else { continue }
            for item in list {
                guard let name = item.string() else { continue }
                let key = name.lowercased()
                guard names.contains(key) else {
                    item.report("unknown \(what) '\(name)'" + Suggestion.phrase(for: name, in: names),
                                fix: what == "service" ? "`bojagi catalog` lists every service" : "`bojagi profiles --capabilities` lists every capability")
                    continue
                }
                result[keyPath: keyPath].append(key)
            }
        }
        for name in Set(result.add).intersection(result.remove).sorted() {
            field.report("'\(name)' is both added and removed", fix: "keep it in one list")
        }
        return result
    }

    private func policy(_ field: YAMLField) -> Policy {
        var policy = Policy()
        guard let fields = field.mapping(allowed: ["min_maturity", "core_adoption", "max_projects", "below_policy"], what: "policy") else {
            return policy
        }
        if let value = fields["min_maturity"]?.int(in: 0...8) { policy.minMaturity = value }
        if let value = fields["core_adoption"]?.int(in: 0...100) { policy.coreAdoption = value }
        if let value = fields["max_projects"]?.int(in: 1...100) { policy.maxProjects = value }
        if let value = fields["below_policy"]?.choice(Finding.Severity.allCases.map(\.rawValue), what: "severity") {
            policy.belowPolicy = Finding.Severity(rawValue: value)!
        }
        return policy
    }

    private func deployment(_ field: YAMLField) -> Deployment {
        var deployment = Deployment()
        guard let fields = field.mapping(allowed: ["engine", "base_distro", "container_engine", "host_os"], what: "deployment") else {
            return deployment
        }
        deployment.hostOS = fields["host_os"]?.string()?.lowercased()
        if let value = fields["engine"]?.choice(Deployment.engines, what: "engine") { deployment.engine = value }
        if let value = fields["base_distro"]?.choice(Deployment.distros, what: "base distro") { deployment.baseDistro = value }
        if let value = fields["container_engine"]?.choice(Deployment.containerEngines, what: "container engine") {
            deployment.containerEngine = value
        }
        return deployment
    }

    private func capacity(_ field: YAMLField) -> CapacitySettings {
        var capacity = CapacitySettings()
        let keys = ["cpu_allocation_ratio", "ram_allocation_ratio", "reserved_host_cores", "reserved_host_memory_gib",
                    "planned_vcpus", "planned_memory_gib", "planned_storage_tb"]
        guard let fields = field.mapping(allowed: keys, what: "capacity") else { return capacity }
        if let value = fields["cpu_allocation_ratio"]?.double(in: 0.1...64) { capacity.cpuAllocationRatio = value }
        if let value = fields["ram_allocation_ratio"]?.double(in: 0.1...8) { capacity.ramAllocationRatio = value }
        if let value = fields["reserved_host_cores"]?.int(in: 0...512) { capacity.reservedHostCores = value }
        if let value = fields["reserved_host_memory_gib"]?.int(in: 0...4096) { capacity.reservedHostMemoryGiB = value }
        capacity.plannedVCPUs = fields["planned_vcpus"]?.int(in: 0...10_000_000)
        capacity.plannedMemoryGiB = fields["planned_memory_gib"]?.int(in: 0...100_000_000)
        for (tier, value) in fields["planned_storage_tb"]?.namedEntries() ?? [] {
            if let amount = value.double(in: 0...1_000_000) { capacity.plannedStorageTB[tier] = amount }
        }
        return capacity
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "",
                              message: "YAML syntax: \(detail)\(problem)",
                              fix: "check the indentation and quoting near this line (tabs are not allowed in YAML)")
        default:
            return Diagnostic(file: file, path: "", message: "YAML syntax: \(error)")
        }
    }
}
