/// A maintenance procedure for this cloud in the maintenance-template shape: validation, preparation with
/// expected outputs, execution, verification, troubleshooting and rollback. Steps are data so the HA lab can
/// run them as written.
public struct Runbook: Sendable, Codable, Hashable {
    public enum Part: String, Sendable, Codable, Hashable, CaseIterable {
        case validation, prep, execute, verify, troubleshooting, rollback
    }

    public struct Step: Sendable, Codable, Hashable {
        public let text: String
        /// The real command: kolla-ansible, cephadm's `ceph`, the OpenStack client, or `docker exec` into a
        /// kolla container. nil for a step that is an instruction only.
        public let command: String?
        /// Where the command runs: the deployment host, a controller, a storage host.
        public let host: String?
        /// Text the output must contain; when it does not, stop (preparation) or go to troubleshooting.
        public let expect: String?
        /// The HA lab's equivalent (its services run as processes in network namespaces, not kolla containers);
        /// nil when the command runs the same in the lab or has no equivalent there.
        public let lab: String?
        public let labExpect: String?

        public init(text: String, command: String? = nil, host: String? = nil, expect: String? = nil,
                    lab: String? = nil, labExpect: String? = nil) {
            self.text = text
            self.command = command
            self.host = host
            self.expect = expect
            self.lab = lab
            self.labExpect = labExpect
        }
    }

    public struct Stage: Sendable, Codable, Hashable {
        public let part: Part
        public let steps: [Step]
    }

    /// The anchor in runbooks.html.
    public let id: String
    public let title: String
    public let summary: String
    /// Service impact while it runs.
    public let impact: String
    /// The alerts whose runbook link lands here.
    public let alerts: [String]
    public let stages: [Stage]

    /// Every sentence of the runbook, for the unresolved-message scan.
    var texts: [String] {
        [title, summary, impact] + stages.flatMap { $0.steps.flatMap { [$0.text, $0.host ?? ""] } }
    }
}
