import Foundation
import Testing
import Yams
@testable import BojagiCore
import BojagiTestSupport

/// The alert rules, their promtool tests and the overview dashboard: only the package's components, the plan's
/// thresholds, and files kolla's Prometheus and Grafana read. promtool itself runs in Tests/Integration/monitoring.
@Suite struct MonitoringRendererTests {
    static func context(_ example: String) throws -> RenderContext { try CephRendererTests.context(example: example) }

    static func rules(_ context: RenderContext) -> [AlertRule] { MonitoringRenderer.groups(context).flatMap(\.rules) }

    static func rule(_ name: String, in context: RenderContext) throws -> AlertRule {
        try #require(rules(context).first { $0.name == name }, "no \(name)")
    }

    /// Metric prefixes and the package member (or blueprint setting) without which nothing exports them.
    static let exporters: [(prefix: String, member: String)] = [
        ("haproxy_", "haproxy"), ("mysql_", "mariadb"), ("rabbitmq_", "rabbitmq"), ("erlang_vm_", "rabbitmq"),
        ("memcached_", "memcached"), ("redis_", "valkey"), ("libvirt_", "nova"), ("openstack_nova_", "nova"),
        ("openstack_placement_", "placement"), ("openstack_cinder_", "cinder"), ("openstack_neutron_", "neutron"),
        ("openstack_identity_", "keystone"), ("openstack_glance_", "glance"),
    ]

    @Test(arguments: ExamplesTests.files)
    func eachRuleSetHoldsOnlyThePackagesComponents(_ example: String) throws {
        let context = try Self.context(example)
        let members = Set(context.members)
        // Every host runs the node exporter; Ceph is the blueprint's, built by cephadm rather than a kolla member.
        let components = members.union(["node"]).union(context.blueprint.storage.ceph == nil ? [] : ["ceph"])
        let rules = Self.rules(context)
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect(components.contains(rule.component), "\(example): \(rule.name) is about \(rule.component), which the package does not run")
            for (prefix, member) in Self.exporters where rule.expression.contains(prefix) {
                #expect(members.contains(member), "\(example): \(rule.name) reads \(prefix)* but the package has no \(member)")
            }
            if rule.expression.contains("ceph_") { #expect(context.blueprint.storage.ceph != nil, "\(example): \(rule.name) without Ceph") }
            if rule.expression.contains("probe_ssl_") { #expect(context.blueprint.tls.external || context.blueprint.tls.internal) }
        }
        // An API alert for every API of the package kolla probes, and for no other.
        let apis = Set(rules.filter { $0.name.hasSuffix("APIDown") || ["HorizonDown", "SkylineDown"].contains($0.name) }.map(\.component))
        #expect(apis == Set(MonitoredCloud.knownAPIs.map(\.member)).intersection(members), "\(example)")
        #expect(Set(rules.map(\.component)).isSuperset(of: ["keystone", "nova", "mariadb", "rabbitmq", "memcached", "node"]))
    }

    @Test func whatThePackageLacksHasNoRules() throws {
        // The trial: one controller, HA off, no TLS, one compute host.
        let trial = try Self.context("single-node.yaml")
        let names = Set(Self.rules(trial).map(\.name))
        for absent in ["HAProxyDown", "HAProxyBackendDown", "GaleraClusterDegraded", "GaleraQuorumLost", "RabbitMQPartition",
                       "TLSCertificateExpiring", "NovaVCPUN1Risk", "NovaMemoryN1Risk", "CephTierN1Risk", "OctaviaAPIDown", "TroveAPIDown"] {
            #expect(!names.contains(absent), "single node renders \(absent)")
        }
        // Alone, MariaDB and RabbitMQ going down stop every service.
        #expect(try Self.rule("MariaDBDown", in: trial).severity == .critical)
        #expect(try Self.rule("RabbitMQNodeDown", in: trial).severity == .critical)

        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.1
            profile: base
            hosts:
              - {name: aio1, address: 192.168.50.11, roles: [control, network, compute, monitoring], cores: 16, memory_gib: 64}
            ha: {enabled: false}
            """)
        let context = try CephRendererTests.context(blueprint)
        let groups = Set(MonitoringRenderer.groups(context).map(\.name))
        #expect(!groups.contains("bojagi-ceph") && !groups.contains("bojagi-backups") && !groups.contains("bojagi-haproxy"))
    }

    @Test func thresholdsComeFromThePlan() throws {
        let context = try Self.context("map-platform.yaml")
        let topology = try #require(context.plan.topology)
        #expect(try Self.rule("GaleraClusterDegraded", in: context).expression == "mysql_global_status_wsrep_cluster_size < 3")
        #expect(try Self.rule("RabbitMQPartition", in: context).expression.hasSuffix("< 2"))
        #expect(try Self.rule("MariaDBDown", in: context).severity == .warning)
        // 10 hosts × (48 − 4) cores × 4.0; with cmp01 down, 9 hosts.
        #expect(topology.compute.vcpus == 1760 && topology.compute.vcpusN1 == 1584)
        #expect(try Self.rule("NovaVCPUN1Risk", in: context).expression.hasSuffix("{resourcetype=\"VCPU\"}) > 1584"))
        #expect(try Self.rule("NovaMemoryN1Risk", in: context).expression.hasSuffix("> \(topology.compute.memoryGiBN1 * 1024)"))
        #expect(try Self.rule("NovaVCPUNearlyFull", in: context).expression.hasSuffix("> 1584"))
        #expect(try Self.rule("NovaVCPUN1Risk", in: context).severity == .info)

        // One rule per tier, on the tier's device class: nearfull at the blueprint's ratio, N+1 at the plan's
        // after-losing-one-host figure over usable (8 hosts: 7/8 × 0.85 = 0.74375, floored).
        let tiers = Self.rules(context).filter { $0.name == "CephTierNearfull" }
        #expect(tiers.map { $0.labels["tier"] } == ["fast", "bulk"])
        #expect(tiers.allSatisfy { $0.expression.hasSuffix("> 0.85") })
        #expect(tiers[0].expression.contains("device_class=\"ssd\"") && tiers[1].expression.contains("device_class=\"hdd\""))
        let n1 = Self.rules(context).filter { $0.name == "CephTierN1Risk" }
        #expect(n1.map { $0.labels["tier"] } == ["fast", "bulk"])
        #expect(n1.allSatisfy { $0.expression.hasSuffix("> 0.7437") })
        #expect(n1[1].description.contains("148.8 TB"))
        // The exchange's backups go to its hdd tier's pool named by kolla.
        #expect(try Self.rule("VolumeBackupsStale", in: try Self.context("exchange.yaml")).expression.contains("name=\"backups\""))
    }

    @Test(arguments: ExamplesTests.files)
    func everyAlertIsTestedBothWaysAndItsTemplatesExpand(_ example: String) throws {
        for rule in Self.rules(try Self.context(example)) {
            #expect(rule.tests.contains { !$0.firing.isEmpty }, "\(rule.name) has no test that fires it")
            #expect(rule.tests.contains { $0.firing.isEmpty }, "\(rule.name) has no test that keeps it quiet")
            // Only `{{ $labels.NAME }}`: promtool compares annotations as Bojagi expands them.
            let referenced = try Self.labelsReferenced(rule.summary + rule.description)
            for test in rule.tests {
                for labels in test.firing {
                    #expect(Set(labels.keys).isSuperset(of: referenced), "\(rule.name) (\(test.name)) leaves \(referenced.subtracting(labels.keys)) empty")
                    for (key, value) in labels {
                        #expect(test.series.contains { $0.labels[key] == value }, "\(rule.name) (\(test.name)): \(key)=\(value) is in no input series")
                    }
                }
            }
            #expect(rule.runbookURL == "manual/runbooks.html#\(rule.name.lowercased())")
            #expect(rule.summary.count <= 120, "\(rule.name)'s summary is long")
        }
    }

    static func labelsReferenced(_ text: String) throws -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let close = try #require(rest[open.upperBound...].range(of: "}}"))
            let inner = rest[open.upperBound..<close.lowerBound]
            #expect(inner.hasPrefix(" $labels.") && inner.hasSuffix(" "), "template {{\(inner)}}")
            names.insert(String(inner.dropFirst(" $labels.".count).dropLast()))
            rest = rest[close.upperBound...]
        }
        return names
    }

    @Test func everyAlertHasARunbookAnchorInTheDocs() throws {
        let docs = try String(contentsOf: ExamplesTests.directory.deletingLastPathComponent().appendingPathComponent("docs/monitoring.md"), encoding: .utf8)
        var names = Set(MonitoredCloud.knownAPIs.map(\.alertName))
        for example in ExamplesTests.files { names.formUnion(Self.rules(try Self.context(example)).map(\.name)) }
        for name in names.sorted() {
            #expect(docs.contains("| \(name) |") && docs.contains("`#\(name.lowercased())`"), "docs/monitoring.md lacks \(name)")
        }
    }

    @Test func filesAreWhatKollaReads() throws {
        let context = try Self.context("map-platform.yaml")
        let files = MonitoringRenderer.render(context)
        #expect(files.map(\.path) == ["config/grafana/dashboards/bojagi-openstack-overview.json", "config/prometheus/bojagi.rules",
                                      "config/prometheus/tests/bojagi-hourly.yml", "config/prometheus/tests/bojagi.yml"])
        #expect(files.allSatisfy { $0.mode == 0o644 })
        #expect(MonitoringRenderer.render(context) == files)

        // The rules as Prometheus reads them: groups of rules, each with the fixed severity scale and a runbook.
        let rules = try #require(files.first { $0.path.hasSuffix(".rules") })
        let document = try #require(try Yams.load(yaml: rules.contents) as? [String: Any])
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.count == MonitoringRenderer.groups(context).count)
        var alerts = 0
        for group in groups {
            for rule in try #require(group["rules"] as? [[String: Any]]) {
                alerts += 1
                let labels = try #require(rule["labels"] as? [String: String])
                #expect(AlertSeverity(rawValue: labels["severity"] ?? "") != nil)
                let annotations = try #require(rule["annotations"] as? [String: String])
                #expect(annotations["runbook_url"]?.hasPrefix("manual/runbooks.html#") == true)
                #expect(annotations["summary"]?.isEmpty == false)
            }
        }
        #expect(alerts == Self.rules(context).count)

        // The tests point at the rules file from their directory.
        for tests in files where tests.path.hasPrefix("config/prometheus/tests/") {
            let document = try #require(try Yams.load(yaml: tests.contents) as? [String: Any])
            #expect(document["rule_files"] as? [String] == ["../bojagi.rules"])
            #expect(!((document["tests"] as? [Any]) ?? []).isEmpty)
        }
    }

    @Test func monitoringSettingsChooseTheFiles() throws {
        var blueprint = try RenderTests.blueprint("map-platform.yaml")
        blueprint.monitoring.grafana = false
        #expect(MonitoringRenderer.render(try CephRendererTests.context(blueprint)).map(\.path).allSatisfy { $0.hasPrefix("config/prometheus/") })
        blueprint.monitoring.prometheus = false
        blueprint.monitoring.grafana = true
        let context = try CephRendererTests.context(blueprint)
        #expect(MonitoringRenderer.render(context).isEmpty)
        #expect(!GlobalsRenderer.render(context).contents.contains("ceph_mgr_exporter"))
    }

    @Test func kollaScrapesTheCephManagers() throws {
        let context = try Self.context("map-platform.yaml")
        let globals = GlobalsRenderer.render(context).contents
        #expect(globals.contains("enable_prometheus_ceph_mgr_exporter: \"yes\""))
        #expect(globals.contains("prometheus_ceph_mgr_exporter_endpoints:\n  - \"10.10.0.11:9283\"\n  - \"10.10.0.12:9283\"\n  - \"10.10.0.13:9283\"\n"))
        let files = try CephRendererTests.render(example: "map-platform.yaml")
        #expect(try #require(files["ceph/bootstrap.sh"]).contents.contains("\nceph mgr module enable prometheus\n"))
    }

    @Test(arguments: ExamplesTests.files)
    func theDashboardFitsOneScreen(_ example: String) throws {
        let context = try Self.context(example)
        guard let file = MonitoringRenderer.render(context).first(where: { $0.path.hasSuffix(".json") }) else {
            #expect(!context.blueprint.monitoring.grafana)
            return
        }
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        #expect(dashboard["uid"] as? String == OverviewDashboard.uid)
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        #expect(panels.compactMap { $0["id"] as? Int } == Array(1...panels.count))
        var cells: Set<[Int]> = []
        for panel in panels {
            let position = try #require(panel["gridPos"] as? [String: Int])
            let (x, y, w, h) = (position["x"]!, position["y"]!, position["w"]!, position["h"]!)
            #expect(x + w <= 24)
            for column in x..<(x + w) {
                for row in y..<(y + h) { #expect(cells.insert([column, row]).inserted, "\(example): panels overlap at \(column),\(row)") }
            }
            for target in panel["targets"] as? [[String: Any]] ?? [] {
                #expect((target["expr"] as? String)?.isEmpty == false)
            }
        }
        #expect((cells.map { $0[1] }.max() ?? 0) < 30, "\(example): the dashboard is taller than one screen")
        // Panels only for what the package runs.
        let titles = panels.compactMap { $0["title"] as? String }
        #expect(titles.contains { $0.hasPrefix("HAProxy") } == context.has("haproxy"))
        #expect(titles.contains { $0.hasPrefix("Ceph") } == (MonitoredCloud(context).ceph != nil))
        #expect(file.contents.hasSuffix("}\n"))
    }

    @Test func jsonIsWrittenTheSameWay() {
        let value: JSONValue = ["b": [1, .decimal("0.85"), .null], "a": "quote \" and \\ and \u{1}", "c": [:], "d": []]
        #expect(value.text == """
            {
              "a": "quote \\" and \\\\ and \\u0001",
              "b": [
                1,
                0.85,
                null
              ],
              "c": {},
              "d": []
            }

            """)
    }
}
