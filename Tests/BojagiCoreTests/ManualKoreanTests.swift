import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// No English left in the Korean manual: every example's Korean manual, and every upgrade step the planner
/// emits for the upgrade tests' blueprints, has no run of five English words outside code, commands and
/// identifiers. The detector itself is checked to catch what the Korean manual printed before.
@Suite struct ManualKoreanTests {
    @Test(arguments: ExamplesTests.files)
    func theKoreanManualHasNoEnglishSentences(_ example: String) throws {
        let (_, files) = try ManualTests.build(example, .ko)
        for (path, html) in files.sorted(by: { $0.key < $1.key }) {
            #expect(EnglishRuns.find(inHTML: html) == [], "\(example) \(path)")
        }
    }

    /// The upgrade tests' routes (UpgradePlannerTests, UpgradeGoldenTests): every hop, every step kind.
    static let routes: [(String, String, String, String)] = [
        ("2023.1", "2024.1", "web-application", ""), ("2023.1", "2024.1", "big-data", "deployment: {host_os: rocky-9}"),
        ("2024.1", "2025.1", "web-application", "deployment: {base_distro: ubuntu, host_os: ubuntu-22.04}"),
        ("2024.1", "2026.1", "web-application", "deployment: {host_os: rocky-9}"),
        ("2024.2", "2025.1", "web-application", ""), ("2025.1", "2025.2", "web-application", "ha: {enabled: false}"),
        ("2025.1", "2026.1", "web-application", "deployment: {base_distro: debian, host_os: debian-bookworm}"),
        ("2025.2", "2026.2", "web-application", "deployment: {base_distro: debian, host_os: debian-12}"),
        ("2025.2", "2026.1", "base", "services: {add: [zun]}"),
        ("2025.1", "2026.1", "web-application", "storage: {ceph: {release: octopus, tiers: [{name: fast, device_class: ssd, replication: 3}]}}"),
        ("2024.1", "2026.1", "web-application", "storage: {ceph: {release: quincy, tiers: [{name: fast, device_class: ssd, replication: 3}]}}"),
        ("2023.1", "2026.2", "web-application", "deployment: {host_os: rocky-9}"),
        ("2025.1", "2026.2", "vendor-everything", "deployment: {host_os: rocky-9}"),
        ("queens", "2023.1", "web-application", ""),
    ]

    @Test func everyUpgradeStepIsSaidInKorean() throws {
        let ko = try ManualMessages.bundled(.ko)
        let planner = UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today)
        var plans = try Self.routes.map { from, to, profile, extra in
            try planner.plan(try Fixtures.blueprint("schema: 1\nname: test\nrelease: \(from)\nprofile: \(profile)\n\(extra)"), to: to)
        }
        plans.append(try planner.plan(try UpgradeGoldenTests.mapPlatform2024_1(), to: "2026.1"))
        var areas: Set<String> = []
        var steps = 0
        for plan in plans {
            for step in plan.hops.flatMap(\.steps) {
                steps += 1
                areas.insert(step.area)
                for phrase in [step.phrase] + [step.downtimeNotePhrase].compactMap({ $0 }) {
                    let korean = ko(phrase)
                    #expect(!korean.contains(ManualMessages.unresolvedMark), "\(step.area): \(korean)")
                    #expect(EnglishRuns.find(inText: korean) == [], "\(step.area): \(korean)")
                }
                #expect(!ko("area.\(step.area)").contains(ManualMessages.unresolvedMark), "no Korean label for area \(step.area)")
            }
        }
        // What the routes reach, so that a route that stops reaching a kind of step is noticed.
        #expect(areas == ["backup", "check", "tooling", "upgrade", "rabbitmq", "mariadb", "ceph", "host-os", "service",
                          "inventory", "monitoring"])
        #expect(steps > 100)
    }

    /// The catalogs' sentences that upgrade steps print carry their Korean beside the English.
    @Test func everyCatalogSentenceHasItsKorean() {
        let upgrades = Fixtures.catalog.upgrades
        #expect(upgrades.backup.textKo != nil, "upgrades.yaml backup: no text_ko")
        for (release, facts) in upgrades.releases {
            for change in facts.changes { #expect(change.textKo != nil, "upgrades.yaml \(release) \(change.id): no text_ko") }
            #expect(Set(facts.osMoveNotes.keys) == Set(facts.osMoveNotesKo.keys), "upgrades.yaml \(release): os_move_notes_ko")
        }
        for (name, profile) in Fixtures.catalog.profiles {
            #expect(profile.titleKo != nil, "profiles.yaml \(name): no title_ko")
        }
        for (name, project) in Fixtures.catalog.projects where project.kind == .service {
            #expect(project.titleKo != nil, "projects.yaml \(name): no title_ko")
        }
        for (name, component) in Fixtures.catalog.components where !component.capabilities.isEmpty && component.title.contains(" ") {
            #expect(component.titleKo != nil, "infrastructure.yaml \(name): no title_ko")
        }
        for (name, project) in Fixtures.catalog.projects where project.retired?.note != nil {
            #expect(project.retired?.noteKo != nil, "projects.yaml \(name): retired.note_ko")
        }
    }

    @Test func theEnglishOfAStepIsItsPhraseInEnglish() throws {
        let en = try ManualMessages.bundled(.en)
        let plan = try UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today).plan(try UpgradeGoldenTests.mapPlatform2024_1(), to: "2026.1")
        for step in plan.hops.flatMap(\.steps) {
            #expect(en(step.phrase) == step.text)
            #expect(step.downtimeNotePhrase.map { en($0) } == step.downtimeNote)
        }
    }

    // MARK: the detector

    /// Lines the Korean manual printed before the upgrade steps were translated (the map platform's golden of
    /// 2026-11-30), each with the runs the detector must find.
    static let before: [(String, [String])] = [
        ("<li>[backup, 중단 없음] take fresh backups: a full MariaDB backup with the kolla-ansible in use (it needs enable_mariabackup: true)</li>",
         ["a full MariaDB backup with the"]),
        ("<li>[upgrade, API 재시작] kolla-ansible upgrade: every service&#39;s containers are replaced by 2026.2 Hibiscus&#39;s and its database migrated</li>",
         ["every service's containers are replaced by", "Hibiscus's and its database migrated"]),
        ("<li>[rabbitmq, 롤링] RabbitMQ 4.2 → 4.3 during the upgrade: kolla-ansible restarts a third of its nodes at a time</li>",
         ["restarts a third of its nodes at a time"]),
        ("<tr><td>proxysql</td><td>ha.enabled (kolla-ansible balances MariaDB through ProxySQL) 설정에 필요</td></tr>",
         ["balances MariaDB through ProxySQL"]),
    ]

    @Test func theDetectorFindsTheEnglishThatWasThere() throws {
        for (line, runs) in Self.before.prefix(3) {
            #expect(EnglishRuns.find(inHTML: line) == runs, "\(line)")
        }
        #expect(EnglishRuns.find(inHTML: Self.before[3].0) == [])
        #expect(EnglishRuns.find(inHTML: Self.before[3].0, minimumWords: 4) == Self.before[3].1)
        // The whole Korean golden as it was before, kept beside the goldens: its upgrade steps were English.
        let old = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/manual-map-platform-ko-before.html"), encoding: .utf8)
        #expect(EnglishRuns.find(inHTML: old).count >= 5)
    }

    @Test func theDetectorLeavesCodeIdentifiersAndKoreanAlone() {
        let clean = """
            <pre><code>kolla-ansible -i deployment/inventory upgrade --limit ctl01 and then run the prechecks again</code></pre>
            <p>kolla-ansible upgrade를 실행합니다. `ceph osd require-osd-release squid and wait for the cluster`로 마무리합니다.</p>
            <td>필수 의존성(keystone, nova, neutron, glance, cinder, horizon, trove, heat, octavia, placement)</td>
            <td>ha.enabled(kolla-ansible이 ProxySQL로 MariaDB 부하를 분산) 설정에 필요</td>
            <p>OpenSearch Dashboards, Ceph RADOS Gateway, HEALTH_OK, keepalived + HAProxy 3대</p>
            """
        #expect(EnglishRuns.find(inHTML: clean) == [])
    }

    @Test func theEnglishManualIsFullOfIt() throws {
        let (_, files) = try ManualTests.build("map-platform.yaml", .en)
        #expect(EnglishRuns.find(inHTML: try #require(files[ManualHTML.printPage])).count > 200)
    }

    /// The drawing's labels are short: its Korean is checked for runs of two words, which its English is full of.
    @Test func theDrawingSpeaksKorean() throws {
        let ko = try ManualMessages.bundled(.ko)
        let context = try CephRendererTests.context(example: "map-platform.yaml")
        let svg = TopologyDiagram.svg(context.plan, networks: context.blueprint.networks) { ko($0, $1) }
        let english = TopologyDiagram.svg(context.plan, networks: context.blueprint.networks)
        #expect(EnglishRuns.find(inHTML: english, minimumWords: 2).count > 10)
        // Two words in a row are left only where Korean writes them too: `VRRP ID`, and a provider network's
        // name from the blueprint before `VLAN` (`web VLAN 110`).
        let providers = Set(context.blueprint.networks.provider.map { "\($0.name) VLAN" })
        let runs = EnglishRuns.find(inHTML: svg, minimumWords: 2)
        #expect(runs.filter { $0 != "VRRP ID" && !providers.contains($0) } == [])
        #expect(svg.contains("Ceph 티어 (장애 도메인 host)") && svg.contains("호스트 21대") && svg.contains("32코어 · 256GiB · VIP"))
        #expect(!svg.contains(ManualMessages.unresolvedMark))
    }
}
