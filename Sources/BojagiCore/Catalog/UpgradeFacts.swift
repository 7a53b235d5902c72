/// What upgrading between releases involves, from `upgrades.yaml`: the route rules, each release's kolla-ansible
/// tooling, the RabbitMQ and MariaDB kolla ships, host OS windows, and the changes an upgrade into a release
/// brings. Every fact carries its source.
public struct UpgradeFacts: Sendable, Hashable, Decodable {
    public struct Route: Sendable, Hashable, Decodable {
        /// The first release upgraded under SLURP rules; before it, only adjacent upgrades.
        public let slurpSince: String
        public let source: String

        enum CodingKeys: String, CodingKey {
            case slurpSince = "slurp_since"
            case source
        }
    }

    public struct Ceph: Sendable, Hashable, Decodable {
        /// Ceph major version of each release name (`reef` → 18).
        public let majors: [String: Int]
        /// How many majors one cluster upgrade may cross.
        public let maxMajorsPerUpgrade: Int
        public let source: String

        enum CodingKeys: String, CodingKey {
            case majors, source
            case maxMajorsPerUpgrade = "max_majors_per_upgrade"
        }
    }

    public struct StatusCheck: Sendable, Hashable, Decodable {
        public let command: String
        /// kolla-ansible runs it itself during the upgrade.
        public let byKolla: Bool
        public let source: String

        enum CodingKeys: String, CodingKey {
            case command, source
            case byKolla = "by_kolla"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            command = try container.decode(String.self, forKey: .command)
            byKolla = try container.decodeIfPresent(Bool.self, forKey: .byKolla) ?? false
            source = try container.decode(String.self, forKey: .source)
        }
    }

    /// An inclusive range of versions: `2.17`–`2.18`.
    public struct Range: Sendable, Hashable, Codable, CustomStringConvertible {
        public let min: String
        public let max: String

        public var description: String { min == max ? min : "\(min)–\(max)" }
    }

    /// What the deployment host needs to run a release's kolla-ansible.
    public struct Tooling: Sendable, Hashable, Decodable {
        public struct AnsibleCore: Sendable, Hashable, Decodable {
            public let min: String
            public let max: String
            /// The requirement as kolla-ansible writes it for pip.
            public let pip: String
        }

        public let ansibleCore: AnsibleCore
        /// The community `ansible` package range kolla documents, where it does.
        public let ansible: Range?
        /// `python_requires`.
        public let python: String
        /// The Python versions kolla-ansible's classifiers list.
        public let pythonTested: Range
        /// The command that takes a full MariaDB backup with this kolla-ansible.
        public let backupCommand: String
        public let source: String

        enum CodingKeys: String, CodingKey {
            case ansible, python, source
            case ansibleCore = "ansible_core"
            case pythonTested = "python_tested"
            case backupCommand = "backup_command"
        }
    }

    public struct RabbitMQ: Sendable, Hashable, Decodable {
        public struct Extra: Sendable, Hashable, Decodable {
            public let version: String
            /// The point release whose images first carried it.
            public let since: String?
        }

        /// The version kolla's images deploy by default (`major.minor`).
        public let `default`: String
        /// Further versions kolla ships for intermediate upgrades (`rabbitmq_image` override).
        public let also: [Extra]
        /// Jumps kolla-ansible's version check accepts beyond one minor version.
        public let allowedJumps: [String: [String]]
        /// The point release from which `kolla-ansible rabbitmq-upgrade <version>` exists, if it does.
        public let upgradeCommandSince: String?
        public let source: String

        enum CodingKeys: String, CodingKey {
            case `default`, also, source
            case allowedJumps = "allowed_jumps"
            case upgradeCommandSince = "upgrade_command_since"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.default = try container.decode(String.self, forKey: .default)
            also = try container.decodeIfPresent([Extra].self, forKey: .also) ?? []
            allowedJumps = try container.decodeIfPresent([String: [String]].self, forKey: .allowedJumps) ?? [:]
            upgradeCommandSince = try container.decodeIfPresent(String.self, forKey: .upgradeCommandSince)
            source = try container.decode(String.self, forKey: .source)
        }

        /// Every version this release's images carry.
        public var versions: [String] { [self.default] + also.map(\.version) }

        /// Whether kolla-ansible of this release lets RabbitMQ go from `current` to `new` in one step: the same
        /// version, the next minor version, or a jump it lists.
        public func allows(_ current: String, _ new: String) -> Bool {
            if current == new || allowedJumps[current]?.contains(new) == true { return true }
            let old = current.split(separator: ".").compactMap { Int($0) }
            let next = new.split(separator: ".").compactMap { Int($0) }
            guard old.count == 2, next.count == 2 else { return false }
            return old[0] == next[0] && next[1] == old[1] + 1
        }
    }

    public struct MariaDB: Sendable, Hashable, Decodable {
        public let version: String
        public let source: String
    }

    /// How much of the cloud stops while a step runs.
    public enum Downtime: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nothing stops: checks, backups, tools.
        case none
        /// One host (or a third of a cluster) at a time: no outage while the others serve.
        case rolling
        /// Each service's containers restart on all its hosts at once: short API gaps, instances keep running.
        case restarts
        /// The control plane's APIs are down for the step.
        case outage
    }

    /// Something an upgrade into a release brings, with what to do about it.
    public struct Change: Sendable, Hashable, Decodable {
        public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
            /// Checks and backups before anything changes.
            case checks
            /// On the release upgraded from, before the upgrade.
            case before
            /// Part of `kolla-ansible upgrade`.
            case upgrade
            /// On the new release, after the upgrade.
            case after
        }

        public let id: String
        public let area: String
        public let phase: Phase
        /// Services of the package it concerns; empty for every deployment.
        public let appliesTo: [String]
        /// The service whose removal this change describes, for the migration advice.
        public let service: String?
        /// The point release that brought it, when later than the release's first.
        public let since: String?
        public let downtime: Downtime
        /// kolla requires it (`required`) or only recommends it (`recommended`).
        public let level: String
        public let text: String
        /// The same in Korean (`text_ko`), for the manual.
        public let textKo: String?
        public let commands: [String]
        /// Lines for globals.yml.
        public let settings: [String]
        public let source: String

        /// `text` with its translations.
        public var translated: Translated { Translated(en: text, ko: textKo) }

        enum CodingKeys: String, CodingKey {
            case id, area, phase, service, since, downtime, level, text, commands, settings, source
            case appliesTo = "applies_to"
            case textKo = "text_ko"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            area = try container.decode(String.self, forKey: .area)
            phase = try container.decode(Phase.self, forKey: .phase)
            appliesTo = try container.decodeIfPresent([String].self, forKey: .appliesTo) ?? []
            service = try container.decodeIfPresent(String.self, forKey: .service)
            since = try container.decodeIfPresent(String.self, forKey: .since)
            downtime = try container.decode(Downtime.self, forKey: .downtime)
            level = try container.decodeIfPresent(String.self, forKey: .level) ?? "required"
            text = try container.decode(String.self, forKey: .text)
            textKo = try container.decodeIfPresent(String.self, forKey: .textKo)
            commands = try container.decodeIfPresent([String].self, forKey: .commands) ?? []
            settings = try container.decodeIfPresent([String].self, forKey: .settings) ?? []
            source = try container.decode(String.self, forKey: .source)
        }
    }

    public struct ReleaseFacts: Sendable, Hashable, Decodable {
        public let kollaAnsible: Tooling?
        /// The host OS list of kolla-ansible's support matrix, where it differs from what the prechecks accept.
        public let hostOSDocumented: [String]?
        public let hostOSDocumentedSource: String?
        /// The point release that first accepted a host OS, when later than the release's first.
        public let hostOSSince: [String: String]
        public let hostOSSinceSource: String?
        /// How kolla moves hosts to an OS during this release, by the OS moved to; in Korean beside it.
        public let osMoveNotes: [String: String]
        public let osMoveNotesKo: [String: String]
        public let osMoveSource: String?
        public let rabbitmq: RabbitMQ?
        public let mariadb: MariaDB?
        public let changes: [Change]

        enum CodingKeys: String, CodingKey {
            case rabbitmq, mariadb, changes
            case kollaAnsible = "kolla_ansible"
            case hostOSDocumented = "host_os_documented"
            case hostOSDocumentedSource = "host_os_documented_source"
            case hostOSSince = "host_os_since"
            case hostOSSinceSource = "host_os_since_source"
            case osMoveNotes = "os_move_notes"
            case osMoveNotesKo = "os_move_notes_ko"
            case osMoveSource = "os_move_source"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kollaAnsible = try container.decodeIfPresent(Tooling.self, forKey: .kollaAnsible)
            hostOSDocumented = try container.decodeIfPresent([String].self, forKey: .hostOSDocumented)
            hostOSDocumentedSource = try container.decodeIfPresent(String.self, forKey: .hostOSDocumentedSource)
            hostOSSince = try container.decodeIfPresent([String: String].self, forKey: .hostOSSince) ?? [:]
            hostOSSinceSource = try container.decodeIfPresent(String.self, forKey: .hostOSSinceSource)
            osMoveNotes = try container.decodeIfPresent([String: String].self, forKey: .osMoveNotes) ?? [:]
            osMoveNotesKo = try container.decodeIfPresent([String: String].self, forKey: .osMoveNotesKo) ?? [:]
            osMoveSource = try container.decodeIfPresent(String.self, forKey: .osMoveSource)
            rabbitmq = try container.decodeIfPresent(RabbitMQ.self, forKey: .rabbitmq)
            mariadb = try container.decodeIfPresent(MariaDB.self, forKey: .mariadb)
            changes = try container.decodeIfPresent([Change].self, forKey: .changes) ?? []
        }
    }

    /// The downtime a kind of step brings, with the reason.
    public struct DowntimeFact: Sendable, Hashable, Decodable {
        public let `class`: Downtime
        public let source: String
    }

    /// Kinds of step whose downtime the catalog states.
    public enum StepKind: String, Sendable, Hashable, CaseIterable {
        case services, slurp, mariadb, rabbitmq, ceph
        case hostOS = "host_os"
    }

    public struct Backup: Sendable, Hashable, Decodable {
        public let text: String
        public let textKo: String?
        public let source: String

        public var translated: Translated { Translated(en: text, ko: textKo) }

        enum CodingKeys: String, CodingKey {
            case text, source
            case textKo = "text_ko"
        }
    }

    public let route: Route
    public let ceph: Ceph
    public let downtime: [String: DowntimeFact]
    public let backup: Backup
    /// `<service>-status upgrade check`, by project.
    public let upgradeChecks: [String: StatusCheck]
    /// By release code name.
    public let releases: [String: ReleaseFacts]

    enum CodingKeys: String, CodingKey {
        case route, ceph, downtime, backup, releases
        case upgradeChecks = "upgrade_checks"
    }

    /// The downtime of a kind of step; every kind is in the catalog (checked on load).
    public func downtime(_ kind: StepKind) -> DowntimeFact {
        downtime[kind.rawValue]!
    }
}
