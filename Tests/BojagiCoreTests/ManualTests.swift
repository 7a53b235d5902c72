import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// The operations manual: both catalogs say the same things, every example's manual resolves every message in
/// both languages, every alert's runbook_url lands on an anchor of runbooks.html, runbooks have the
/// maintenance-template shape and name this cloud, and the text of two examples is pinned in golden files.
@Suite struct ManualTests {
    static func input(_ example: String, records: MeasuredRecords = MeasuredRecords(searched: ["/records"])) throws -> ManualInput {
        let context = try CephRendererTests.context(example: example)
        let catalog = context.catalog
        let release = catalog.release(named: context.blueprint.release)!
        let next = catalog.releases.filter { $0.ordinal > release.ordinal }.min { $0.ordinal < $1.ordinal }
        let upgrade = try next.map { try UpgradePlanner(catalog: catalog, today: Fixtures.today).plan(context.blueprint, to: $0.name) }
        return ManualInput(context: context, alerts: MonitoringRenderer.groups(context), records: records, upgrade: upgrade)
    }

    static func build(_ example: String, _ language: ManualMessages.Language,
                      records: MeasuredRecords = MeasuredRecords(searched: ["/records"])) throws -> (ManualDocument, [String: String]) {
        let messages = try ManualMessages.bundled(language)
        let document = ManualBuilder(messages: messages).build(try input(example, records: records))
        let files = Dictionary(uniqueKeysWithValues: ManualHTML.render(document, messages: messages).map { ($0.path, $0.contents) })
        return (document, files)
    }

    @Test func catalogsHaveTheSameKeysAndPlaceholders() throws {
        let en = try ManualMessages.bundled(.en), ko = try ManualMessages.bundled(.ko)
        // English is en.yaml plus the sentences the code says itself (the planner's, the drawing's), never both.
        let owned = Phrase.english
        #expect(Set(en.entries.keys).intersection(owned.keys).sorted() == [], "keys both in en.yaml and in the code's English")
        let english = en.entries.merging(owned) { yaml, _ in yaml }
        #expect(Set(english.keys).subtracting(ko.entries.keys).sorted() == [], "keys missing from ko.yaml")
        #expect(Set(ko.entries.keys).subtracting(english.keys).sorted() == [], "keys only in ko.yaml")
        for (key, text) in english {
            guard let korean = ko.entries[key] else { continue }
            #expect(ManualMessages.placeholders(text) == ManualMessages.placeholders(korean), "\(key): placeholders differ")
        }
        #expect(en.entries.count > 300)
        // The owners' tables do not share a key: one would hide the other in Phrase.english.
        let tables = [UpgradePlanner.messages, Catalog.availabilityMessages, TopologyDiagram.english, Resolver.messages, Phrase.common]
        #expect(tables.map(\.count).reduce(0, +) == owned.count)
    }

    @Test func aMissingKeyOrArgumentIsMarked() throws {
        let messages = try ManualMessages(language: .en, yaml: "greeting: \"hello {name}\"\n")
        #expect(messages("greeting", ["name": "ctl01"]) == "hello ctl01")
        #expect(messages("greeting").contains(ManualMessages.unresolvedMark))
        #expect(messages("absent").contains(ManualMessages.unresolvedMark))
    }

    @Test(arguments: ExamplesTests.files, ManualMessages.Language.allCases)
    func everyMessageResolves(_ example: String, _ language: ManualMessages.Language) throws {
        let (document, files) = try Self.build(example, language)
        #expect(document.unresolved == [], "\(example) \(language.rawValue)")
        for (path, html) in files {
            #expect(!html.contains(ManualMessages.unresolvedMark), "\(example) \(path)")
        }
    }

    @Test(arguments: ExamplesTests.files)
    func everyAlertLandsOnAnAnchorThatLinksToItsRunbook(_ example: String) throws {
        let input = try Self.input(example)
        let (document, files) = try Self.build(example, .en)
        let runbooks = try #require(files[ManualBuilder.runbooksPage])
        let rules = input.alerts.flatMap(\.rules)
        #expect(!rules.isEmpty || !input.context.blueprint.monitoring.prometheus)
        for rule in rules {
            #expect(rule.runbookURL == "manual/\(ManualBuilder.runbooksPage)#\(rule.runbookAnchor)")
            #expect(runbooks.contains("<tr id=\"\(rule.runbookAnchor)\">"), "\(example): no anchor for \(rule.name)")
            let target = RunbookID.forAlert(rule.name)
            #expect(document.runbooks.contains { $0.id == target }, "\(example): \(rule.name) links to \(target), which is not written")
            #expect(runbooks.contains("<section id=\"\(target)\">"))
        }
        // Every in-page link of runbooks.html lands on an id that exists.
        for href in runbooks.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(runbooks.contains("id=\"\(href)\""), "\(example): link to #\(href) has no target")
        }
    }

    @Test(arguments: ExamplesTests.files)
    func runbooksHaveTheTemplateShape(_ example: String) throws {
        let (document, _) = try Self.build(example, .en)
        let required = [RunbookID.coldStart, RunbookID.galera, RunbookID.compute, RunbookID.controller, RunbookID.certificates,
                        RunbookID.passwords, RunbookID.backup, RunbookID.upgrade]
        for id in required { #expect(document.runbooks.contains { $0.id == id }, "\(example): no \(id)") }
        for runbook in document.runbooks where runbook.id != RunbookID.upgrade || runbook.stages.count > 1 {
            #expect(runbook.stages.map(\.part) == Runbook.Part.allCases, "\(example) \(runbook.id)")
            let prep = runbook.stages.first { $0.part == .prep }
            #expect(prep?.steps.last?.command == nil && prep?.steps.last?.text.contains("stop") == true, "\(example) \(runbook.id): prep ends without the stop line")
            for step in runbook.stages.flatMap(\.steps) {
                guard let command = step.command else { continue }
                let tools = ["kolla-ansible", "ceph", "openstack", "docker", "bojagi", "mariabackup", "kolla-", "openssl", "echo |",
                             "export DB_ROOT_PASSWORD", "cp ", "grep ", "git ", "ping ", "curl ", "chronyc ", "ls ", "rm -rf /var/lib/mysql", "stat ", "tail ", "cat ", "ip ", "systemctl ", "ssh-copy-id "]
                // The upgrade planner's commands: pip for kolla-ansible, and each service's `<name>-status upgrade check`.
                let planner = command.hasPrefix("pip install") || command.contains("-status upgrade check")
                #expect(planner || tools.contains { command.hasPrefix($0) }, "\(example) \(runbook.id): unexpected command \(command)")
                #expect(!command.contains("\(ManualMessages.unresolvedMark)"))
            }
        }
    }

    @Test func runbooksNameThisCloud() throws {
        let (document, _) = try Self.build("map-platform.yaml", .en)
        let compute = try #require(document.runbooks.first { $0.id == RunbookID.compute })
        let commands = compute.stages.flatMap(\.steps).compactMap(\.command).joined(separator: "\n")
        #expect(commands.contains("--limit cmp11"))
        #expect(compute.summary.contains("cmp11 (10.10.0.31)"))
        let galera = try #require(document.runbooks.first { $0.id == RunbookID.galera })
        #expect(galera.summary.contains("ctl01–ctl03") || galera.summary.contains("ctl[01:03]") || galera.summary.contains("ctl01"))
        #expect(galera.stages.flatMap(\.steps).contains { $0.lab != nil }, "Galera's steps carry the HA lab's commands")
        let upgrade = try #require(document.runbooks.first { $0.id == RunbookID.upgrade })
        #expect(upgrade.title == "Upgrade to the next release")
        #expect(upgrade.summary.contains("2026.1") && upgrade.summary.contains("2026.2"))
        #expect(upgrade.stages.first { $0.part == .execute }?.steps.isEmpty == false)
    }

    @Test func measuredFactsSayWhenNoneExist() throws {
        let (_, empty) = try Self.build("exchange.yaml", .en)
        #expect(try #require(empty["index.html"]).contains("No records yet: nothing was found in /records."))
        let (_, korean) = try Self.build("exchange.yaml", .ko)
        #expect(try #require(korean["index.html"]).contains("아직 기록이 없습니다"))
    }

    static let drillRecord = MeasuredRecords(failover: .init(runID: "20261125-101500", source: "/ha-lab/drill/latest.json", passed: true, seconds: 212, faults: [
        .init(name: "load-balancer", target: "ctl1", apiDownSeconds: 2.4, failedRequests: 3, requests: 410, vipMoveSeconds: 2.1,
              dataKept: true, healed: true, healSeconds: 14),
    ]), searched: ["/ha-lab/drill/latest.json"])

    @Test func aDrillRecordIsShownWithItsDate() throws {
        let (_, files) = try Self.build("map-platform.yaml", .en, records: Self.drillRecord)
        let index = try #require(files["index.html"])
        #expect(index.contains("Failover drill of 2026-11-25 10:15 UTC (/ha-lab/drill/latest.json): passed in 212 s."))
        #expect(index.contains("<td>2.1 s</td>"))
        #expect(index.contains("No Tempest run on record"))
    }

    @Test func aDrillFigureCarriesItsResolutionAndAnUnjudgedOneNone() throws {
        let records = MeasuredRecords(failover: .init(runID: "20261130-121500", source: "/ha-lab/drill/latest.json", passed: false, seconds: 180, faults: [
            .init(name: "load-balancer", target: "ctl1", apiDownSeconds: 0.6, failedRequests: 2, requests: 310, vipMoveSeconds: 0.6,
                  dataKept: true, healed: true, healSeconds: 4, apiResolutionSeconds: 0.5, judged: true),
            .init(name: "database", target: "ctl1", apiDownSeconds: 0, failedRequests: 0, requests: 6, vipMoveSeconds: nil,
                  dataKept: true, healed: true, healSeconds: 12, apiResolutionSeconds: 2, judged: false),
        ]), searched: ["/ha-lab/drill/latest.json"])
        let (_, files) = try Self.build("map-platform.yaml", .en, records: records)
        let index = try #require(files["index.html"])
        #expect(index.contains("<td>0.6 s ±0.50</td>"))
        #expect(index.contains("<td>not enough samples to judge</td>"))
        #expect(!index.contains("<td>0.0 s"))
        let (_, korean) = try Self.build("map-platform.yaml", .ko, records: records)
        #expect(try #require(korean["index.html"]).contains("<td>표본 부족(판단 불가)</td>"))
    }

    @Test func scaleRecordsAreShownWithTheirDates() throws {
        var records = MeasuredRecords(searched: ["/ha-lab/drill/add-host-latest.json"])
        records.addHost = .init(operation: "add-host", runID: "20261130-121500", source: "/ha-lab/drill/add-host-latest.json", host: "cmp2",
                                seconds: 48, apiRequests: 190, apiFailed: 0, servers: 1, passed: true)
        let (_, files) = try Self.build("exchange.yaml", .en, records: records)
        let index = try #require(files["index.html"])
        #expect(index.contains("HA lab add-host of 2026-11-30 12:15 UTC (/ha-lab/drill/add-host-latest.json): cmp2 in 48 s, 1 server(s) booted or moved, 0 of 190 API requests failed"))
        #expect(!index.contains("No scale-out on record"))
        let (_, none) = try Self.build("exchange.yaml", .ko)
        #expect(try #require(none["index.html"]).contains("스케일아웃 기록이 없습니다"))
    }

    @Test func theUpgradeDrillIsShownWithItsDate() throws {
        var records = MeasuredRecords(searched: ["/ha-lab/drill/upgrade-latest.json"])
        records.upgrade = .init(runID: "20261130-170000", source: "/ha-lab/drill/upgrade-latest.json", from: "2026.1", to: "2026.2", seconds: 412,
                                apiRequests: 6400, apiFailed: 3, longestGapSeconds: 2.4, longestGapAPI: "keystone-token", dataChecks: 8, dataLost: 0,
                                passed: true)
        let (_, files) = try Self.build("exchange.yaml", .en, records: records)
        let index = try #require(files["index.html"])
        #expect(index.contains("HA lab rolling upgrade 2026.1 → 2026.2 of 2026-11-30 17:00 UTC (/ha-lab/drill/upgrade-latest.json): 412 s of steps, "
                               + "3 of 6400 API requests failed meanwhile, the longest gap without an answer 2.4 s (keystone-token); 0 of 8 objects"))
        #expect(!index.contains("No upgrade drill on record"))
        let (_, korean) = try Self.build("exchange.yaml", .ko, records: records)
        #expect(try #require(korean["index.html"]).contains("HA 랩 롤링 업그레이드 2026.1 → 2026.2"))
        let (_, none) = try Self.build("exchange.yaml", .en)
        #expect(try #require(none["index.html"]).contains("No upgrade drill on record"))
    }

    @Test(arguments: [("map-platform.yaml", "map-platform"), ("exchange.yaml", "exchange")], ManualMessages.Language.allCases)
    func golden(_ example: (String, String), _ language: ManualMessages.Language) throws {
        let records = example.1 == "map-platform" ? Self.drillRecord : MeasuredRecords(searched: ["/records"])
        let (_, files) = try Self.build(example.0, language, records: records)
        try assertGolden(try #require(files[ManualHTML.printPage]), named: "manual-\(example.1)-\(language.rawValue).html")
    }
}
