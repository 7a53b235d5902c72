import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct CatalogTests {
    let catalog = Fixtures.catalog

    @Test func releasesRunFromOcataToIndri() throws {
        #expect(catalog.releases.first?.name == "ocata")
        #expect(catalog.releases.last?.name == "indri")
        #expect(catalog.releases.last?.id == "2027.1")
        let ordinals = catalog.releases.map(\.ordinal)
        #expect(ordinals == Array(ordinals.first!...ordinals.last!))
        #expect(catalog.ordinal(of: "austin") == 1)
        #expect(catalog.ordinal(of: "ocata") == 15)
    }

    @Test func statusIsJudgedOnTheDayAsked() throws {
        let hibiscus = try #require(catalog.release(named: "2026.2"))
        #expect(hibiscus.status(on: Day(year: 2026, month: 8, day: 1)) == "development")
        #expect(hibiscus.status(on: Fixtures.today) == "maintained")
        let queens = try #require(catalog.release(named: "queens"))
        #expect(queens.status(on: Fixtures.today) == "end of life")
        let gazpacho = try #require(catalog.release(named: "gazpacho"))
        #expect(gazpacho.slurp)
        #expect(gazpacho.status(on: Fixtures.today) == "maintained")
    }

    @Test func kollaAnsibleVersionsFollowTheSeries() throws {
        #expect(catalog.release(named: "ocata")?.kollaAnsible == "4")
        #expect(catalog.release(named: "queens")?.kollaAnsible == "6")
        #expect(catalog.release(named: "2026.2")?.kollaAnsible == "23")
    }

    @Test func maturityCountsTheEightNavigatorCriteria() throws {
        let nova = try #require(catalog.projects["nova"])
        #expect(nova.maturity.criteria.count == 8)
        #expect(nova.maturity.points >= 6)
        #expect(nova.navigator?.adoption == 95)
        let sahara = try #require(catalog.projects["sahara"])
        #expect(sahara.maturity.points < 6)
    }

    @Test func retirementsComeFromGovernance() throws {
        let sahara = try #require(catalog.projects["sahara"])
        #expect(sahara.retired?.on == Day(year: 2024, month: 5, day: 10))
        // openstack/releases removed Sahara's deliverables from 2024.1 before governance retired the team.
        #expect(catalog.lastRelease(of: sahara)?.name == "bobcat")
        #expect(catalog.retirementRelease(of: sahara)?.id == "2024.1")
        #expect(catalog.exists(sahara, in: catalog.release(named: "2023.2")!))
        #expect(!catalog.exists(sahara, in: catalog.release(named: "2024.1")!))
        #expect(catalog.projects["nova"]?.retired == nil)
    }

    /// openstack/openstack-chef: stable/train is its last branch, and master "is currently tied to the base
    /// OpenStack Train release" until the retirement; openstack/releases records nothing after Ocata.
    @Test func chefOpenStackEndsWithTrain() throws {
        let chef = try #require(catalog.projects["chef-openstack"])
        #expect(catalog.lastRelease(of: chef)?.name == "train")
        #expect(catalog.availability(of: "chef-openstack", in: catalog.release(named: "train")!) == .available)
        #expect(catalog.availability(of: "chef-openstack", in: catalog.release(named: "ussuri")!) == .retired(lastRelease: "train"))
    }

    /// ops-tags-team ocata ops-docs-install-guide.json lists Vitrage "not available": a known criterion, not met.
    @Test func vitragesInstallGuideIsKnownAndMissing() throws {
        let vitrage = try #require(catalog.projects["vitrage"])
        let guide = try #require(vitrage.maturity.criteria.first { $0.name == "install guide" })
        #expect(guide.met == false)
        #expect(vitrage.maturity.unknown == 2, "adoption and SDK count are the only unknowns")
    }

    @Test func kollaRemovalsAreReleaseAware() throws {
        let swift = try #require(catalog.projects["swift"])
        #expect(catalog.kollaDeploys(swift.kolla, in: catalog.release(named: "2024.2")!))
        #expect(!catalog.kollaDeploys(swift.kolla, in: catalog.release(named: "2025.1")!))
        #expect(catalog.availability(of: "swift", in: catalog.release(named: "2025.1")!) == .notDeployed(removedIn: "epoxy"))
    }

    @Test func everyFactNamesASource() {
        for project in catalog.projects.values where project.kind == .service {
            #expect(!project.sources.isEmpty, "\(project.name) has no sources")
            if project.retired != nil {
                #expect(project.sources["retired"] != nil, "\(project.name): retirement without a source")
            }
            if project.kolla != nil {
                #expect(project.sources["kolla"] != nil, "\(project.name): kolla facts without a source")
            }
        }
        for release in catalog.releases {
            #expect(release.source?.dates != nil, "\(release.name) has no date source")
        }
    }

    @Test func seedEraAndTodaysProjectsArePresent() {
        for name in ["keystone", "nova", "neutron", "glance", "cinder", "swift", "horizon", "heat", "ceilometer", "trove",
                     "sahara", "ironic", "magnum", "manila", "designate", "barbican", "octavia", "placement", "skyline"] {
            #expect(catalog.projects[name] != nil, "\(name) missing")
        }
        #expect(catalog.projects.values.filter { $0.kind == .service }.count >= 46)
    }
}
