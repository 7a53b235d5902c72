import Foundation
import Testing
@testable import BojagiLab

/// The releases the labs run are read from scripts/lab's constraints files; each file pins the series' services.
@Suite struct LabReleasesTests {
    static let scripts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/lab")

    /// The services install-venv.sh installs whose version the series decides (PyPI names).
    static let services = ["keystone", "glance", "openstack-placement", "nova", "neutron", "cinder", "openstack-heat", "horizon"]

    @Test func theCheckoutPinsEveryMaintainedRelease() throws {
        #expect(try LabReleases(scripts: Self.scripts).ids == ["2025.1", "2025.2", "2026.1", "2026.2"])
    }

    @Test func onlyConstraintsFilesNameReleasesInNumericOrder() {
        let releases = LabReleases(fileNames: ["constraints-2026.2.txt", "install-venv.sh", "constraints-2025.10.txt",
                                               "constraints-2025.2.txt", "constraints-.txt", "constraints-2024.1.txt.orig"])
        #expect(releases.ids == ["2025.2", "2025.10", "2026.2"])
    }

    @Test(arguments: ["2025.1", "2025.2", "2026.1", "2026.2"])
    func pinnedReleasesPass(_ release: String) throws {
        try LabReleases(scripts: Self.scripts).check(release)
    }

    @Test(arguments: ["2024.1", "2027.1", "epoxy"])
    func othersAreRefusedNamingWhatRuns(_ release: String) throws {
        let failure = #expect(throws: LabFailure.self) { try LabReleases(scripts: Self.scripts).check(release) }
        #expect(failure?.message == "the lab cannot run OpenStack \(release): it runs 2025.1, 2025.2, 2026.1, 2026.2, one pinned venv each; the blueprint asks for \(release)")
        #expect(failure?.fix?.contains("scripts/lab/constraints-\(release).txt") == true)
    }

    @Test func aMissingScriptsDirectoryIsNamed() {
        let failure = #expect(throws: LabFailure.self) { try LabReleases(scripts: URL(fileURLWithPath: "/nonexistent/scripts/lab")) }
        #expect(failure?.message.contains("/nonexistent/scripts/lab") == true)
    }

    /// Each release pins exactly one version of every service, and each series' services are a major version
    /// above the series before (keystone 27 → 28 → 29 → 30): a file copied from another series fails here.
    @Test func eachReleasePinsItsOwnServiceVersions() throws {
        var previous: [String: Int] = [:]
        for release in try LabReleases(scripts: Self.scripts).ids {
            let text = try String(contentsOf: Self.scripts.appendingPathComponent(LabReleases.constraintsFile(release)), encoding: .utf8)
            var majors: [String: Int] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: ";")[0].replacingOccurrences(of: "===", with: "==").components(separatedBy: "==")
                guard parts.count == 2, Self.services.contains(parts[0].lowercased()) else { continue }
                #expect(majors[parts[0].lowercased()] == nil, "\(release) pins \(parts[0]) twice")
                majors[parts[0].lowercased()] = Int(parts[1].split(separator: ".")[0])
            }
            #expect(Set(majors.keys) == Set(Self.services), "\(release) pins \(majors.keys.sorted())")
            for (service, major) in majors where service != "horizon" {
                if let before = previous[service] { #expect(major == before + 1, "\(service) \(major) in \(release) after \(before)") }
            }
            previous = majors
        }
    }

    /// Options a release renamed or removed are rendered as that release reads them (see the renderer's comments
    /// for where each difference was read).
    @Test(arguments: [("2025.1", "tenant_network_types"), ("2025.2", "tenant_network_types"),
                      ("2026.1", "project_network_types"), ("2026.2", "project_network_types")])
    func neutronsProjectNetworkTypesFollowTheRelease(_ release: String, _ option: String) throws {
        var settings = LabTests.settings()
        settings.release = release
        let ml2 = try #require(LabTests.file("etc/neutron/ml2_conf.ini", settings)).contents
        #expect(ml2.contains("\n\(option) = vxlan\n"))
        let other = option == "project_network_types" ? "tenant_network_types" : "project_network_types"
        #expect(!ml2.contains(other))
        #expect(ml2.contains("# Bojagi lab trial (\(release))"))
    }

    @Test func novaLeavesTheRemovedAuthStrategyOut() throws {
        for release in ["2025.1", "2026.2"] {
            var settings = LabTests.settings()
            settings.release = release
            let nova = try #require(LabTests.file("etc/nova/nova.conf", settings)).contents
            #expect(!nova.contains("auth_strategy"))
        }
    }

    @Test func releasesCompareNumerically() {
        var settings = LabTests.settings()
        settings.release = "2025.10"
        #expect(settings.runsRelease(atLeast: "2025.2") && !settings.runsRelease(atLeast: "2026.1"))
        settings.release = "2026.1"
        #expect(settings.runsRelease(atLeast: "2026.1") && settings.runsRelease(atLeast: "2025.1"))
    }
}
