/// The way from the blueprint's release to a later one: the hops, and for each what the deployment host needs,
/// what moves underneath (host OS, RabbitMQ, MariaDB, Ceph), what leaves the package, and the steps in order
/// with the downtime each brings. Every fact carries its source.
public struct UpgradePlan: Sendable, Codable {
    public struct ReleaseRef: Sendable, Codable, Hashable {
        public let name: String
        public let id: String?
        public let label: String

        init(_ release: Release) {
            name = release.name
            id = release.id
            label = release.label
        }
    }

    /// kolla-ansible of the release upgraded to, and what it runs on.
    public struct Tooling: Sendable, Codable, Hashable {
        public let kollaAnsible: String?
        public let ansibleCore: String?
        public let ansibleCorePip: String?
        public let ansible: String?
        public let python: String?
        public let pythonTested: String?
        public let sources: [String]
    }

    public struct HostOS: Sendable, Codable, Hashable {
        /// What the hosts run when the hop starts and after its moves; nil when the blueprint does not say.
        public let before: String?
        public let after: String?
        /// What the target's kolla-ansible prechecks accept (of the hosts' distribution when known).
        public let accepted: [String]
        /// Where kolla-ansible's support matrix lists less than the prechecks accept.
        public let documented: [String]?
        public let sources: [String]
    }

    /// A version that kolla's images carry, before and after the hop.
    public struct Versions: Sendable, Codable, Hashable {
        public let from: String?
        public let to: String?
        public let sources: [String]
    }

    public struct Ceph: Sendable, Codable, Hashable {
        /// The newest Ceph client in each release's images.
        public let clientFrom: String?
        public let clientTo: String?
        public let clusterBefore: String
        public let clusterAfter: String
        public let sources: [String]
    }

    public struct Step: Sendable, Codable, Hashable {
        /// In the order they run: checks and backups, preparation on the release upgraded from, the upgrade,
        /// what follows on the new release.
        public enum Phase: String, Sendable, Codable, Hashable, CaseIterable {
            case checks, before, upgrade, after
        }

        public let phase: Phase
        /// `host-os`, `rabbitmq`, `mariadb`, `ceph`, `service`, `inventory`, `tooling`, `backup`, `check`, `upgrade`…
        public let area: String
        /// The step's sentence in English, as the report prints it.
        public let text: String
        /// The same sentence as a phrase, for the manual's other languages.
        public let phrase: Phrase
        public let commands: [String]
        /// Lines for globals.yml.
        public let settings: [String]
        public let downtime: UpgradeFacts.Downtime
        /// Why a rolling step counts as an outage here (one controller), when it does.
        public let downtimeNote: String?
        public let downtimeNotePhrase: Phrase?
        /// kolla recommends the step rather than requiring it.
        public let recommended: Bool
        public let sources: [String]

        init(phase: Phase, area: String, phrase: Phrase, commands: [String], settings: [String],
             downtime: UpgradeFacts.Downtime, note: Phrase?, recommended: Bool, sources: [String]) {
            self.phase = phase
            self.area = area
            self.text = phrase.english
            self.phrase = phrase
            self.commands = commands
            self.settings = settings
            self.downtime = downtime
            self.downtimeNote = note?.english
            self.downtimeNotePhrase = note
            self.recommended = recommended
            self.sources = sources
        }

        // The JSON keeps its English sentences only: phrases are for the manual.
        enum CodingKeys: String, CodingKey {
            case phase, area, text, commands, settings, downtime, downtimeNote, recommended, sources
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            phase = try container.decode(Phase.self, forKey: .phase)
            area = try container.decode(String.self, forKey: .area)
            text = try container.decode(String.self, forKey: .text)
            phrase = .verbatim(text)
            commands = try container.decode([String].self, forKey: .commands)
            settings = try container.decode([String].self, forKey: .settings)
            downtime = try container.decode(UpgradeFacts.Downtime.self, forKey: .downtime)
            downtimeNote = try container.decodeIfPresent(String.self, forKey: .downtimeNote)
            downtimeNotePhrase = downtimeNote.map { .verbatim($0) }
            recommended = try container.decode(Bool.self, forKey: .recommended)
            sources = try container.decode([String].self, forKey: .sources)
        }
    }

    /// A service that leaves the package on a hop, and what takes its place.
    public struct Departure: Sendable, Codable, Hashable {
        public let name: String
        public let reason: String
        public let successor: String?
    }

    public struct Hop: Sendable, Codable {
        public let number: Int
        public let from: ReleaseRef
        public let to: ReleaseRef
        /// A SLURP upgrade from one SLURP release to the next, over the releases in `skips`.
        public let slurp: Bool
        public let skips: [ReleaseRef]
        public let tooling: Tooling?
        public let hostOS: HostOS?
        public let rabbitmq: Versions?
        public let mariadb: Versions?
        public let ceph: Ceph?
        public let leaves: [Departure]
        /// Services the target adds to the package (a replacement, a new default), with why.
        public let joins: [String: String]
        public let steps: [Step]
    }

    public let name: String?
    public let from: ReleaseRef
    public let to: ReleaseRef
    public let route: [ReleaseRef]
    public let routeSource: String
    /// The services and infrastructure on the blueprint's release.
    public let package: [String]
    public let hostOS: String?
    /// Whether rolling control-plane steps stay rolling: HA with three or more controllers.
    public let rollingControlPlane: Bool
    public let hops: [Hop]
    public let findings: [Finding]
    /// Something on the path stops the upgrade until the blueprint or the cloud changes (an error finding).
    public let blocked: Bool
}
