import Testing
@testable import BojagiCore
import BojagiTestSupport

/// upgrades.yaml against what was read in kolla-ansible and kolla per branch: requirements.txt, setup.cfg,
/// tools/kolla-ansible, doc/source/conf.py, and the rabbitmq and mariadb images.
@Suite struct UpgradeFactsTests {
    struct Known: CustomTestStringConvertible, Sendable {
        let release: String
        let ansibleCore: String
        let python: String
        let rabbitmq: String
        let mariadb: String
        let source: String
        var testDescription: String { release }
    }

    static let known: [Known] = [
        Known(release: "antelope", ansibleCore: "2.13–2.14", python: ">=3.6", rabbitmq: "3.11", mariadb: "10.6",
              source: "kolla-ansible 16.0.0 tools/kolla-ansible"),
        Known(release: "bobcat", ansibleCore: "2.14–2.15", python: ">=3.8", rabbitmq: "3.12", mariadb: "10.11",
              source: "kolla-ansible 17.0.0 tools/kolla-ansible"),
        Known(release: "caracal", ansibleCore: "2.15–2.16", python: ">=3.8", rabbitmq: "3.13", mariadb: "10.11",
              source: "kolla-ansible 18.0.0 tools/kolla-ansible"),
        Known(release: "dalmatian", ansibleCore: "2.16–2.17", python: ">=3.10", rabbitmq: "3.13", mariadb: "10.11",
              source: "kolla-ansible 19.0.0 requirements.txt ansible-core>=2.16,<2.18"),
        Known(release: "epoxy", ansibleCore: "2.17–2.18", python: ">=3.10", rabbitmq: "4.0", mariadb: "10.11",
              source: "kolla-ansible 20.0.0 requirements.txt ansible-core>=2.17,<2.19"),
        Known(release: "flamingo", ansibleCore: "2.18–2.19", python: ">=3.11", rabbitmq: "4.1", mariadb: "11.4",
              source: "kolla-ansible 21.0.0 requirements.txt ansible-core>=2.18,!=2.19.0,<2.20"),
        Known(release: "gazpacho", ansibleCore: "2.19–2.20", python: ">=3.11", rabbitmq: "4.2", mariadb: "11.4",
              source: "kolla-ansible 22.0.0 requirements.txt ansible-core>=2.19,!=2.19.0,<2.21"),
    ]

    @Test(arguments: known)
    func releaseFacts(_ known: Known) throws {
        let facts = try #require(Fixtures.catalog.upgrades.releases[known.release])
        let tooling = try #require(facts.kollaAnsible)
        #expect("\(tooling.ansibleCore.min)–\(tooling.ansibleCore.max)" == known.ansibleCore)
        #expect(tooling.python == known.python)
        #expect(tooling.source.contains(known.source))
        #expect(facts.rabbitmq?.default == known.rabbitmq)
        #expect(facts.mariadb?.version == known.mariadb)
    }

    @Test func everyFactNamesItsSource() {
        let upgrades = Fixtures.catalog.upgrades
        for (name, facts) in upgrades.releases {
            #expect(facts.kollaAnsible?.source.isEmpty == false, "\(name) kolla_ansible")
            #expect(facts.rabbitmq?.source.isEmpty == false, "\(name) rabbitmq")
            #expect(facts.mariadb?.source.isEmpty == false, "\(name) mariadb")
            #expect(facts.hostOSSince.isEmpty || facts.hostOSSinceSource != nil, "\(name) host_os_since")
            #expect(facts.hostOSDocumented == nil || facts.hostOSDocumentedSource != nil, "\(name) host_os_documented")
            #expect(facts.osMoveNotes.isEmpty || facts.osMoveSource != nil, "\(name) os_move_notes")
            for change in facts.changes { #expect(!change.source.isEmpty, "\(name).\(change.id)") }
        }
        for (name, check) in upgrades.upgradeChecks { #expect(check.source.contains("openstack/\(name)"), "\(name)") }
        for kind in UpgradeFacts.StepKind.allCases { #expect(!upgrades.downtime(kind).source.isEmpty) }
    }

    /// kolla-ansible's version check: one minor version at a time, or a jump the release lists.
    @Test func rabbitmqVersionCheck() throws {
        let caracal = try #require(Fixtures.catalog.upgrades.releases["caracal"]?.rabbitmq)
        let gazpacho = try #require(Fixtures.catalog.upgrades.releases["gazpacho"]?.rabbitmq)
        #expect(caracal.allows("3.12", "3.13"))
        #expect(!caracal.allows("3.11", "3.13"))
        #expect(caracal.allows("3.13", "4.1"))
        #expect(!caracal.allows("4.0", "4.2"))
        #expect(gazpacho.allows("4.0", "4.2"))
        #expect(gazpacho.allows("4.1", "4.2"))
        #expect(!gazpacho.allows("3.12", "4.2"))
    }

    /// Rocky Linux 9 → 10 must happen on 2025.1, Debian bookworm → trixie on 2026.1: the only releases whose
    /// prechecks accept both (kolla-ansible stable/2025.1, stable/2026.1 ansible/roles/prechecks/vars/main.yml);
    /// Ubuntu jammy → noble on 2024.1 or 2024.2.
    @Test(arguments: [("rocky-9", "rocky-10", ["epoxy"]), ("debian-bookworm", "debian-trixie", ["gazpacho"]),
                      ("ubuntu-jammy", "ubuntu-noble", ["caracal", "dalmatian"])])
    func hostOSWindows(old: String, new: String, window: [String]) {
        let both = Fixtures.catalog.releases.filter { $0.hostOS?.contains(old) == true && $0.hostOS?.contains(new) == true }
        #expect(both.map(\.name) == window)
        let last = Fixtures.catalog.release(named: window.last!)!.ordinal
        #expect(Fixtures.catalog.releases.filter { $0.ordinal > last }.allSatisfy { $0.hostOS?.contains(old) != true })
    }

    @Test func debianTrixieIsTheOnlyDebianIn2026_1sSupportMatrix() throws {
        let facts = try #require(Fixtures.catalog.upgrades.releases["gazpacho"])
        #expect(facts.hostOSDocumented?.filter { $0.hasPrefix("debian") } == ["debian-trixie"])
        #expect(Fixtures.catalog.release(named: "2025.2")?.hostOS?.filter { $0.hasPrefix("debian") } == ["debian-bookworm"])
    }
}
