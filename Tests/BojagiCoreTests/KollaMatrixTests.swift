import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// The kolla integration matrix (`Tests/Integration/kolla/matrix/`) must render every kolla service any profile can
/// enable: each profile with all its optional capabilities, on each maintained release, planned here and compared
/// with the union of the matrix cases' plans on the releases the kolla suite runs them on.
@Suite struct KollaMatrixTests {
    static let folderPath = "Tests/Integration/kolla/matrix"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent(folderPath)

    /// The case blueprints, by file name.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The releases the kolla suite genconfigs every case on (`releases.txt`, shared with run.sh).
    static let matrixReleases: [String] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("releases.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    /// Maintained on the day the golden files were recorded, read from the catalog (2025.2, 2026.1, 2026.2: 2025.1
    /// turned unmaintained on 2026-10-02, and its plans hold Redis, which kolla-ansible 20 deploys and the 2026
    /// matrix, on Valkey, does not render).
    static let maintained: [String] = Fixtures.catalog.releases.filter { $0.status(on: Fixtures.today) == "maintained" }.map { $0.id ?? $0.name }

    /// Services and components of a plan that kolla-ansible deploys (those with an `enable_*` flag in the release).
    static func kollaServices(_ plan: Plan) -> [String: String] {
        var result: [String: String] = [:]
        for row in plan.services + plan.infrastructure {
            if let flag = row.kollaFlag { result[row.name] = flag }
        }
        return result
    }

    static func plan(case name: String, release: String) throws -> Plan {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var blueprint = try BlueprintDecoder(catalog: Fixtures.catalog).decode(text, file: "\(folderPath)/\(name)")
        blueprint.release = try #require(Fixtures.catalog.release(named: release), "\(release) is not in the catalog").name
        return Fixtures.planner.plan(blueprint)
    }

    /// Every kolla service the matrix renders on some matrix release.
    static let covered: Set<String> = {
        var union = Set<String>()
        for name in cases {
            for release in matrixReleases {
                guard let plan = try? plan(case: name, release: release) else { continue }
                union.formUnion(kollaServices(plan).keys)
            }
        }
        return union
    }()

    /// A profile's plan with every optional capability, on its starter blueprint (`examples/profiles/NAME.yaml`,
    /// whose hosts turn on HA and monitoring) or, for a profile without one, on a blueprint naming only the profile.
    static func fullPlan(profile: String, release: String) throws -> Plan {
        let starter = root.appendingPathComponent("examples/profiles/\(profile).yaml")
        let text = (try? String(contentsOf: starter, encoding: .utf8)) ?? "schema: 1\nrelease: \(release)\nprofile: \(profile)\n"
        var blueprint = try BlueprintDecoder(catalog: Fixtures.catalog).decode(text, file: starter.lastPathComponent)
        blueprint.release = try #require(Fixtures.catalog.release(named: release)).name
        let profile = try #require(Fixtures.catalog.profiles[profile])
        blueprint.capabilities.add = profile.optional
        return Fixtures.planner.plan(blueprint)
    }

    /// One message per kolla service of `plan` the matrix does not render.
    static func uncovered(_ plan: Plan, release: String, covered: Set<String>) -> [String] {
        kollaServices(plan).filter { !covered.contains($0.key) }.sorted { $0.key < $1.key }.map { service, flag in
            "profile \(plan.profile) on \(release) (all optional capabilities) enables the kolla service \(service) (\(flag)), "
                + "which no case in \(folderPath)/ renders: add it to a case there (and its check to Tests/Integration/kolla/lib/matrix.sh)"
        }
    }

    @Test func theMatrixHasCasesAndRunsOnMaintainedReleases() throws {
        #expect(!Self.cases.isEmpty, "no matrix cases in \(Self.folderPath)")
        #expect(Self.matrixReleases.count >= 2)
        #expect(Self.maintained.count >= 3, "maintained releases: \(Self.maintained)")
        for release in Self.matrixReleases {
            #expect(Self.maintained.contains(release), "\(Self.folderPath)/releases.txt names \(release), which is not maintained")
        }
        let newest = try #require(Self.maintained.last)
        #expect(Self.matrixReleases.contains(newest), "\(Self.folderPath)/releases.txt leaves out \(newest), the newest maintained release")
    }

    @Test(arguments: cases)
    func everyCasePlansWithoutErrors(_ name: String) throws {
        for release in Self.matrixReleases {
            let plan = try Self.plan(case: name, release: release)
            let errors = plan.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name) on \(release): \(errors.map(\.message))")
            #expect(plan.gaps.isEmpty, "\(name) on \(release) leaves capabilities unprovided: \(plan.gaps.map(\.capability))")
        }
    }

    @Test(arguments: Fixtures.catalog.profiles.keys.sorted(), maintained)
    func everyProfileIsRenderedByTheMatrix(profile: String, release: String) throws {
        let plan = try Self.fullPlan(profile: profile, release: release)
        #expect(!Self.kollaServices(plan).isEmpty)
        for message in Self.uncovered(plan, release: release, covered: Self.covered) {
            Issue.record(Comment(rawValue: message))
        }
    }

    /// The check can fail: a matrix without Octavia leaves the kubernetes profile uncovered, and says where to add it.
    @Test func aServiceOutsideTheMatrixIsNamed() throws {
        let plan = try Self.fullPlan(profile: "kubernetes", release: "2026.2")
        let messages = Self.uncovered(plan, release: "2026.2", covered: Self.covered.subtracting(["octavia"]))
        #expect(messages == ["profile kubernetes on 2026.2 (all optional capabilities) enables the kolla service octavia (enable_octavia), "
                             + "which no case in Tests/Integration/kolla/matrix/ renders: add it to a case there (and its check to Tests/Integration/kolla/lib/matrix.sh)"])
    }

    /// Found by the matrix: the vendor package keeps Rally (tooling, installed beside the cloud), and its plan row
    /// carried enable_rally on 2026.2 though kolla-ansible dropped Rally in Xena; render never writes the flag.
    @Test func aPlanRowHasNoKollaFlagWhereKollaNoLongerDeploysIt() throws {
        let current = Fixtures.planner.plan(try Fixtures.blueprint("schema: 1\nrelease: 2026.2\nprofile: vendor-everything\n"))
        let rally = try #require(current.services.first { $0.name == "rally" })
        #expect(rally.kollaFlag == nil)
        #expect(current.services.first { $0.name == "nova" }?.kollaFlag == "enable_nova")
        let wallaby = Fixtures.planner.plan(try Fixtures.blueprint("schema: 1\nrelease: wallaby\nprofile: vendor-everything\n"))
        #expect(wallaby.services.first { $0.name == "rally" }?.kollaFlag == "enable_rally")
    }

    /// Found by the matrix: kolla-ansible 22's neutron role reads groups['neutron-infoblox-ipam-agent'] on every host,
    /// and genconfig failed on the 2026.1 inventory, which had master's groups only.
    @Test func theInventoryHasTheGroupsTheReleasesKollaReads() throws {
        let kolla = try KollaFiles.bundled()
        func inventory(_ release: String) throws -> String {
            var blueprint = try Fixtures.blueprint(String(contentsOf: Self.folder.appendingPathComponent("every-profile.yaml"), encoding: .utf8))
            blueprint.release = try #require(Fixtures.catalog.release(named: release)).name
            let context = RenderContext(blueprint: blueprint, plan: Fixtures.planner.plan(blueprint), catalog: Fixtures.catalog, kolla: kolla)
            return InventoryRenderer.render(context).contents
        }
        #expect(try inventory("2026.1").contains("\n[neutron-infoblox-ipam-agent:children]\nneutron\n"))
        #expect(try inventory("2026.1").contains("\n[redis:children]\ncontrol\n"))
        #expect(try inventory("2025.1").contains("\n[ironic-inspector:children]\nironic\n"))
        #expect(try !inventory("2026.2").contains("neutron-infoblox-ipam-agent"))
    }
}
