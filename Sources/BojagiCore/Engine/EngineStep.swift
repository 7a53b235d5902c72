/// One command of a run: exactly what runs, where, on which hosts and why those.
public struct EngineStep: Sendable, Hashable, Codable {
    /// What the step needs that a machine may lack; the engine says so before it starts the step.
    public enum Need: String, Sendable, Hashable, Codable {
        /// The container registry reachable from every host (`pull`).
        case registry
        /// A container engine under systemd on the hosts (`deploy`, `upgrade`, `post-deploy`).
        case containers
    }

    /// Short and unique in the run: `bootstrap-servers`, `deploy`, `hop1 upgrade`.
    public let name: String
    public let argv: [String]
    /// Variables added to the engine's environment; never a secret.
    public let environment: [String: String]
    public let workingDirectory: String
    /// The hosts `--limit` names, nil for every host.
    public let limit: [String]?
    /// Why the limit is wider than the host the operation is about.
    public let limitReason: String?
    /// Whether the step may run while the cloud serves users (no restart of what it does not change).
    public let liveSafe: Bool
    /// A kolla-ansible / Ansible step: its tasks are reported as progress.
    public let ansible: Bool
    /// The kolla-ansible venv whose bin/ goes first on PATH.
    public let venv: String?
    public let needs: [Need]
    public let note: String?

    public init(name: String, argv: [String], environment: [String: String] = [:], workingDirectory: String,
                limit: [String]? = nil, limitReason: String? = nil, liveSafe: Bool, ansible: Bool = false,
                venv: String? = nil, needs: [Need] = [], note: String? = nil) {
        self.name = name
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.limit = limit
        self.limitReason = limitReason
        self.liveSafe = liveSafe
        self.ansible = ansible
        self.venv = venv
        self.needs = needs
        self.note = note
    }

    /// The command as a shell line, each word quoted where it must be: what `--dry-run` prints.
    public var commandLine: String {
        let variables = environment.keys.sorted().map { "\($0)=\(Self.quote(environment[$0]!))" }
        return (variables + argv.map(Self.quote)).joined(separator: " ")
    }

    static func quote(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+%".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
