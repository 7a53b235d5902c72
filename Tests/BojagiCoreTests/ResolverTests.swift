import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct ResolverTests {
    /// The seed's packaging samples (summary item 4), on the release of the talk.
    @Test(arguments: [
        ("web-application", ["ceilometer", "cinder", "glance", "heat", "horizon", "keystone", "neutron", "nova", "swift", "trove"]),
        ("big-data", ["cinder", "glance", "heat", "horizon", "ironic", "keystone", "neutron", "nova", "sahara"]),
        ("e-commerce", ["ceilometer", "cinder", "glance", "heat", "horizon", "keystone", "neutron", "nova", "swift", "trove"]),
    ])
    func seedProfilesOnQueensResolveToTheSeedLists(profile: String, expected: [String]) throws {
        let result = try Fixtures.resolve(profile: profile, release: "Queens")
        #expect(result.services.members.filter { $0.kind == .project }.map(\.name) == expected)
        #expect(result.services.gaps.isEmpty)
        #expect(!result.findings.hasErrors)
    }

    @Test func everyMemberCarriesAReason() throws {
        for profile in Fixtures.catalog.profiles.keys {
            for release in ["queens", "2025.1", "2026.2"] {
                let result = try Fixtures.resolve(profile: profile, release: release)
                for member in result.services.members + result.services.infrastructure {
                    #expect(!member.reasons.isEmpty, "\(profile) on \(release): \(member.name) has no reason")
                }
            }
        }
    }

    /// kolla-ansible balances MariaDB through ProxySQL by default from Dalmatian (19.0.0); before, HAProxy did.
    @Test func proxySQLRunsWithHAWhereKollaDeploysItByDefault() throws {
        let infrastructure = { (release: String, extra: String) in
            try Fixtures.resolve(profile: "base", release: release, extra: extra).services.infrastructure.map(\.name)
        }
        #expect(try infrastructure("2026.2", "").contains("proxysql"))
        #expect(try infrastructure("dalmatian", "").contains("proxysql"))
        #expect(!(try infrastructure("caracal", "")).contains("proxysql"))
        #expect(!(try infrastructure("2026.2", "ha: {enabled: false}\n")).contains("proxysql"))
        let kolla = Fixtures.catalog.components["proxysql"]?.kolla
        #expect(!Fixtures.catalog.kollaEnablesByDefault(kolla, in: Fixtures.catalog.release(named: "2024.1")!))
        #expect(Fixtures.catalog.kollaEnablesByDefault(kolla, in: Fixtures.catalog.release(named: "2024.2")!))
    }

    @Test func baseProfileIsTheSeedsDistribution() throws {
        let result = try Fixtures.resolve(profile: "base", release: "queens")
        #expect(result.services.names == ["cinder", "glance", "horizon", "keystone", "neutron", "nova"])
    }

    @Test func retiredSaharaLeavesAnExplainedGapOnToday() throws {
        let result = try Fixtures.resolve(profile: "big-data", release: "2025.1")
        #expect(!result.services.names.contains("sahara"))
        let gap = try #require(result.services.gaps.first { $0.capability == "data-processing" })
        #expect(gap.explanation.contains("sahara was retired"))
        #expect(gap.alternatives.contains("magnum"))
        let finding = try #require(result.findings.first { $0.id == "SVC002" })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("data-processing"))
        #expect(finding.fix?.contains("2023.2 Bobcat") == true)
    }

    @Test func addingARetiredServiceIsAnErrorNamingWhatToDoInstead() throws {
        let result = try Fixtures.resolve(profile: "base", release: "epoxy", extra: "services:\n  add: [sahara]\n")
        let finding = try #require(result.findings.first { $0.id == "SVC001" })
        #expect(finding.severity == .error)
        #expect(finding.path == "services.add[0]")
        #expect(finding.line == 5)
        #expect(finding.message.contains("retired"))
        #expect(!result.services.names.contains("sahara"))
    }

    @Test func swiftGoesToCephRGWWhereKollaNoLongerDeploysIt() throws {
        let queens = try Fixtures.resolve(profile: "web-application", release: "queens")
        #expect(queens.services.names.contains("swift"))
        let epoxy = try Fixtures.resolve(profile: "web-application", release: "2025.1")
        #expect(!epoxy.services.names.contains("swift"))
        let rgw = try #require(epoxy.services.members.first { $0.name == "ceph-rgw" })
        guard case let .substitute(capability, preferred, because) = rgw.reasons.first else {
            Issue.record("ceph-rgw should substitute for swift, got \(rgw.reasons)")
            return
        }
        #expect(capability == "object-storage")
        #expect(preferred == "swift")
        #expect(because.contains("kolla-ansible no longer deploys swift"))
    }

    @Test func addingSwiftWhereKollaDropsItPointsToCephRGW() throws {
        let result = try Fixtures.resolve(profile: "base", release: "2025.2", extra: "services:\n  add: [swift]\n")
        let finding = try #require(result.findings.first { $0.id == "SVC001" })
        #expect(finding.message.contains("kolla-ansible no longer deploys swift"))
        #expect(finding.fix?.contains("ceph-rgw") == true)
    }

    /// Tacker's own release note (remove-mistral, tacker 10.0.0 = 2023.1) drops Mistral: it is pulled in on Zed only.
    @Test func tackerNeedsMistralUntilZed() throws {
        for (release, needs) in [("zed", true), ("2023.1", false), ("2024.1", false)] {
            let result = try Fixtures.resolve(profile: "nfv", release: release)
            let names = result.services.members.map(\.name)
            #expect(names.contains("tacker"), "\(release)")
            #expect(names.contains("mistral") == needs, "\(release): \(names)")
        }
    }

    @Test func magnumPullsHeat() throws {
        let result = try Fixtures.resolve(profile: "base", release: "2025.1", extra: "services:\n  add: [magnum]\n")
        let heat = try #require(result.services.members.first { $0.name == "heat" })
        #expect(heat.reasons.contains(.requiredBy("magnum", since: nil, note: nil)))
    }

    @Test func trovePullsNovaCinderAndGlance() throws {
        let blueprint = try Fixtures.blueprint("schema: 1\nrelease: 2025.1\nprofile: base\ncapabilities:\n  remove: [compute, block-storage, image, dashboard, network]\nservices:\n  add: [trove]\n")
        let result = Resolver(catalog: Fixtures.catalog).resolve(blueprint)
        for name in ["nova", "cinder", "glance"] {
            let member = try #require(result.services.members.first { $0.name == name }, "\(name) missing")
            #expect(member.reasons.contains { if case .requiredBy("trove", _, _) = $0 { true } else { false } })
        }
    }

    @Test func placementJoinsOnceItLeftNova() throws {
        let queens = try Fixtures.resolve(profile: "base", release: "queens")
        #expect(!queens.services.names.contains("placement"))
        let stein = try Fixtures.resolve(profile: "base", release: "stein")
        let placement = try #require(stein.services.members.first { $0.name == "placement" })
        #expect(placement.reasons.contains { if case .requiredBy("nova", "stein", _) = $0 { true } else { false } })
    }

    @Test func removingADependencyIsAnError() throws {
        let result = try Fixtures.resolve(profile: "base", release: "2025.1", extra: "services:\n  remove: [keystone]\n")
        let finding = try #require(result.findings.first { $0.id == "SVC005" })
        #expect(finding.severity == .error)
        #expect(finding.path == "services.remove[0]")
    }

    @Test func moreProjectsThanThePolicyIsAdvice() throws {
        let result = try Fixtures.resolve(profile: "web-application", release: "queens")
        let finding = try #require(result.findings.first { $0.id == "POL001" })
        #expect(finding.severity == .advice)
        #expect(finding.message.hasPrefix("10 OpenStack projects"))
        let relaxed = try Fixtures.resolve(profile: "web-application", release: "queens", extra: "policy:\n  max_projects: 10\n")
        #expect(!relaxed.findings.contains { $0.id == "POL001" })
    }

    @Test func belowMaturityFollowsThePolicySeverity() throws {
        let strict = try Fixtures.resolve(profile: "web-application", release: "queens", extra: "policy:\n  below_policy: error\n")
        let trove = try #require(strict.findings.first { $0.id == "POL002" && $0.message.hasPrefix("trove") })
        #expect(trove.severity == .error)
    }

    @Test func coreIsMatureAndAdopted() throws {
        let result = try Fixtures.resolve(profile: "web-application", release: "queens")
        let core = Set(result.services.members.filter(\.isCore).map(\.name))
        #expect(core.isSuperset(of: ["nova", "keystone", "glance", "neutron", "cinder"]))
        #expect(!core.contains("trove"))
        #expect(!core.contains("swift"))
    }

    @Test func haAddsTheLoadBalancerPair() throws {
        let on = try Fixtures.resolve(profile: "base", release: "2025.1")
        #expect(on.services.infrastructure.map(\.name).contains("haproxy"))
        #expect(on.services.infrastructure.map(\.name).contains("keepalived"))
        let off = try Fixtures.resolve(profile: "base", release: "2025.1", extra: "ha:\n  enabled: false\n")
        #expect(!off.services.infrastructure.map(\.name).contains("keepalived"))
    }

    @Test func infrastructureFollowsTheRelease() throws {
        let result = try Fixtures.resolve(profile: "base", release: "2025.1")
        let infra = result.services.infrastructure.map(\.name)
        #expect(infra.contains("mariadb"))
        #expect(infra.contains("rabbitmq"))
        #expect(infra.contains("memcached"))
    }

    @Test func optionalCapabilitiesAreOfferedNotIncluded() throws {
        let result = try Fixtures.resolve(profile: "web-application", release: "2025.1")
        #expect(result.services.offered["load-balancer"] == "octavia")
        #expect(!result.services.names.contains("octavia"))
        let added = try Fixtures.resolve(profile: "web-application", release: "2025.1", extra: "capabilities:\n  add: [load-balancer]\n")
        #expect(added.services.names.contains("octavia"))
        #expect(added.services.offered["load-balancer"] == nil)
    }

    @Test func haWithCinderBringsACoordinationBackendForTheRelease() throws {
        let today = try Fixtures.resolve(profile: "base", release: "2026.2")
        let valkey = try #require(today.services.infrastructure.first { $0.name == "valkey" })
        #expect(valkey.reasons == [.setting("ha.enabled", why: "resolver.why.coordination")])
        #expect(valkey.reasons[0].text == "needed by ha.enabled (coordination for active-active cinder-volume)")
        let older = try Fixtures.resolve(profile: "base", release: "2024.2")
        #expect(older.services.infrastructure.contains { $0.name == "redis" })
        let single = try Fixtures.resolve(profile: "base", release: "2026.2", extra: "ha:\n  enabled: false\n")
        #expect(!single.services.infrastructure.contains { $0.name == "valkey" })
        let optedOut = try Fixtures.resolve(profile: "base", release: "2026.2", extra: "services:\n  remove: [valkey]\n")
        #expect(!optedOut.services.infrastructure.contains { $0.name == "valkey" })
        #expect(!optedOut.findings.hasErrors)
    }

    @Test func removingInfrastructureAProjectNeedsIsAnError() throws {
        let result = try Fixtures.resolve(profile: "base", release: "2026.2", extra: "services:\n  remove: [rabbitmq]\n")
        #expect(result.findings.contains { $0.id == "SVC005" && $0.message.hasSuffix("requires rabbitmq, which bojagi.yaml removes") && $0.severity == .error })
    }
}
