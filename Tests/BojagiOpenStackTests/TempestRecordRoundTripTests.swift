import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack

/// `bojagi manual` reads tempest-latest.json back with `JSON.decode`: the report must come back as it was saved.
@Suite struct TempestRecordRoundTripTests {
    @Test func theSavedReportReadsBack() throws {
        let report = TempestReport(cloud: "bojagi-ha-lab", date: "2026-11-25T10:15:00Z", selection: "smoke", tempest: "41.0.0", seconds: 310,
                                   results: [TempestReport.Result(id: "tempest.api.identity.v3.test_tokens.TokensV3Test.test_create_token", status: "success", reason: nil, seconds: 1.2),
                                             TempestReport.Result(id: "tempest.api.compute.servers.test_create_server.ServersTestJSON.test_list_servers", status: "skip", reason: "no flavor", seconds: nil)],
                                   exclusions: [], workspace: "/tmp/tempest")
        let back = try JSON.decode(TempestReport.self, from: Data(try JSON.encode(report).utf8))
        #expect(back.counts == report.counts)
        #expect(back.date == report.date && back.selection == "smoke" && back.passed == report.passed)
        #expect(back.counts.passed == 1 && back.counts.skipped == 1)
    }
}
