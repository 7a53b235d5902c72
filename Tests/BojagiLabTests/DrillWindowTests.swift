import Foundation
import Testing
import BojagiCore
@testable import BojagiLab

/// The drill's window and summary math over sample series shaped like the probe's: the clients take the
/// targets in turn, so each API is sampled at a steady rate, and a fault shows as a run of failures.
@Suite("Drill measurements")
struct DrillWindowTests {
    static func samples(_ pattern: String, start: Double = 100, step: Double = 0.25, service: String? = nil) -> [DrillSample] {
        pattern.enumerated().map {
            DrillSample(time: start + Double($0.offset) * step, ok: $0.element == ".", error: $0.element == "x" ? "boom" : nil,
                        seconds: 0.05, service: service)
        }
    }

    static let apis = ["keystone-token", "keystone", "glance", "nova", "neutron", "cinder", "placement", "heat"]

    /// What 4 clients each starting a request every 250 ms give over `seconds`: 16 requests/s taken in turn by the
    /// 8 targets, so 2/s per API; `failing(api, time)` says which requests fail.
    static func probeSeries(seconds: Double, start: Double = 1000, answer: Double = 0.04,
                            failing: (String, Double) -> Bool = { _, _ in false }) -> [DrillSample] {
        let count = Int(seconds * 16)
        return (0..<count).map { index in
            let time = start + Double(index) / 16, api = apis[index % apis.count]
            let failed = failing(api, time)
            return DrillSample(time: time, ok: !failed, error: failed ? "\(api): 503" : nil, seconds: failed ? 3 : answer, service: api)
        }
    }

    @Test func noFailureIsNoDowntime() {
        let window = DrillWindow.measure(Self.samples("........"), from: 100, to: 102)
        #expect(window.requests == 8 && window.failed == 0 && window.unavailableSeconds == 0 && window.slowestSeconds == 0.05)
        #expect(window.firstError == nil)
        #expect(window.rate == 4)
        #expect(window.apis.map(\.name) == ["probe"])
    }

    @Test func downtimeRunsFromFirstFailureToFirstSuccessAfterTheLast() {
        // failures at 100.5, 100.75 and 101.25; the next success at 101.5
        let window = DrillWindow.measure(Self.samples("..xx.x.."), from: 100, to: 102)
        #expect(window.failed == 3)
        #expect(window.requests == 8)
        #expect(abs(window.unavailableSeconds - 1.0) < 1e-9)
        #expect(window.firstError == "boom")
    }

    @Test func recoveryAfterTheWindowStillEndsTheOutage() {
        let all = Self.samples("..xxxx..")
        let window = DrillWindow.measure(all, from: 100, to: 101.4)
        #expect(abs(window.unavailableSeconds - 1.0) < 1e-9)
    }

    @Test func noRecoveryAtAllCountsToTheWindowEnd() {
        let window = DrillWindow.measure(Self.samples("..xxxx"), from: 100, to: 103)
        #expect(abs(window.unavailableSeconds - 2.5) < 1e-9)
    }

    @Test func rateAndResolutionPerAPI() {
        // 12 s of probing, the window is the middle 10 s: 160 requests, 20 per API.
        let series = Self.probeSeries(seconds: 12)
        let window = DrillWindow.measure(series, from: 1001, to: 1011, minimumSamples: 20, expected: Self.apis)
        #expect(window.requests == 160)
        #expect(abs(window.rate - 16) < 1e-9)
        #expect(window.apis.count == 8)
        for api in window.apis {
            #expect(api.requests == 20, "\(api.name)")
            #expect(abs(api.rate - 2) < 1e-9)
            #expect(abs(api.resolutionSeconds - 0.5) < 1e-9)
            // Each API answers every 0.5 s: no gap longer than that.
            #expect(abs(api.longestGapSeconds - 0.5) < 1e-9, "\(api.name): \(api.longestGapSeconds)")
        }
        #expect(abs(window.resolutionSeconds - 0.5) < 1e-9)
        #expect(window.enoughSamples)
        #expect(window.starved.isEmpty)
    }

    @Test func aWindowWithTooFewSamplesIsNotJudged() {
        // The issue's case: a round of token + read took about a second, so a 6 s window held a handful per API.
        let series = Self.probeSeries(seconds: 12)
        let short = DrillWindow.measure(series, from: 1001, to: 1007, minimumSamples: 20, expected: Self.apis)
        #expect(!short.enoughSamples)
        #expect(short.starved.count == 8)
        #expect(short.starved.allSatisfy { $0.requests == 12 })
        // An API the catalog has but the probe never reached in the window counts with none.
        let missing = DrillWindow.measure(series.filter { $0.service != "heat" }, from: 1001, to: 1011, minimumSamples: 20,
                                          expected: Self.apis)
        #expect(missing.starved.map(\.name) == ["heat"])
        #expect(missing.apis.first { $0.name == "heat" }?.requests == 0)
        #expect(!missing.enoughSamples)
        // An empty window is never judged, whatever the minimum.
        #expect(!DrillWindow.measure([], from: 0, to: 10).enoughSamples)
    }

    @Test func theLongestGapSpansTheOutageOfOneAPI() {
        // Glance fails from 1003 to 1005.5; its answers come every 0.5 s (at .04 past its turn) otherwise.
        let series = Self.probeSeries(seconds: 12) { api, time in api == "glance" && time >= 1003 && time < 1005.5 }
        let window = DrillWindow.measure(series, from: 1001, to: 1011, minimumSamples: 20, expected: Self.apis)
        let glance = window.apis.first { $0.name == "glance" }!
        // Glance's turn is at 1000.125 + k/2: the last success before 1003 started at 1002.625, the first after at 1005.625.
        #expect(abs(glance.longestGapSeconds - 3.0) < 1e-9, "\(glance.longestGapSeconds)")
        #expect(glance.failed == 5)
        #expect(glance.firstError == "glance: 503")
        let nova = window.apis.first { $0.name == "nova" }!
        #expect(nova.failed == 0 && abs(nova.longestGapSeconds - 0.5) < 1e-9)
        // Any API down: from glance's first failure to the first success of anyone after its last failure.
        #expect(abs(window.unavailableSeconds - (1005.1875 - 1003.125)) < 1e-9, "\(window.unavailableSeconds)")
        #expect(window.failed == 5)
    }

    @Test func aGapOverlappingTheWindowsStartCountsFromTheLastSuccessBefore() {
        // Nothing answered from 999 to 1002.4: the gap that overlaps the window [1001, 1004) starts at the last
        // answer before the window (998.95 + 0.05) and ends at the first answer inside it (1002.5 + 0.05).
        let before = Self.samples("....", start: 998.2, service: "nova")
        let during = Self.samples("xxxxxx", start: 1001, service: "nova")
        let after = Self.samples("......", start: 1002.5, service: "nova")
        let gap = DrillWindow.longestGap(before + during + after, from: 1001, to: 1004)
        #expect(abs(gap - (1002.55 - 999.0)) < 1e-9, "\(gap)")
        // A success that took long counts when its answer came, not when it was asked.
        let slow = [DrillSample(time: 10, ok: true, seconds: 0.1), DrillSample(time: 10.5, ok: true, seconds: 2.6)]
        #expect(abs(DrillWindow.longestGap(slow, from: 10, to: 13.5) - 3.0) < 1e-9)
    }

    @Test func theQueueWindowIsOneProbe() {
        let queue = Self.samples(String(repeating: ".", count: 24), start: 50, step: 0.5)
        let window = DrillWindow.measure(queue, from: 50, to: 62, minimumSamples: 20, single: Drill.queueName)
        #expect(window.apis.map(\.name) == ["rabbitmq"])
        #expect(window.apis[0].requests == 24 && abs(window.apis[0].rate - 2) < 1e-9 && abs(window.resolutionSeconds - 0.5) < 1e-9)
        #expect(window.enoughSamples)
    }

    @Test func stableNeedsHistoryAndOnlySuccesses() {
        let samples = Self.samples("x.......")
        #expect(Drill.stable(samples, for: 1, now: 102))
        #expect(!Drill.stable(samples, for: 2, now: 102))
        #expect(!Drill.stable([], for: 1, now: 102))
    }

    @Test func aReportWithAnUnjudgedWindowFailsAndShowsNoFigure() throws {
        let series = Self.probeSeries(seconds: 12)
        let judged = DrillWindow.measure(series, from: 1001, to: 1011, minimumSamples: 20, expected: Self.apis)
        let unjudged = DrillWindow.measure(series, from: 1001, to: 1004, minimumSamples: 20, expected: Self.apis)
        func fault(_ api: DrillWindow) -> DrillReport.Fault {
            .init(name: "database", target: "ctl1", action: "kill -9 mariadbd", api: api, apiRequests: [:], apiFailures: [:],
                  queue: DrillWindow.measure(Self.samples(String(repeating: ".", count: 40), start: 1000, step: 0.25), from: 1000, to: 1010,
                                             minimumSamples: 20, single: Drill.queueName),
                  apiDuringRestore: judged, vipMoveSeconds: nil, vipHolderAfter: nil, projectKept: true, messageKept: true, networkKept: true,
                  healed: true, healSeconds: 12, galeraClusterSize: 3, rabbitmqRunningNodes: 3, notes: [])
        }
        let good = DrillReport(runID: "r", keystoneURL: "k", probe: "p", queueClient: "q", faults: [fault(judged)], seconds: 60, minimumSamples: 20)
        #expect(good.passed)
        #expect(good.text.contains("0.0 s ±0.50"))
        #expect(good.text.contains("PASSED"))
        let bad = DrillReport(runID: "r", keystoneURL: "k", probe: "p", queueClient: "q", faults: [fault(unjudged)], seconds: 60, minimumSamples: 20)
        #expect(!bad.passed)
        #expect(bad.text.contains("not enough samples to judge: cinder 6 < 20"))
        #expect(bad.text.contains("too few requests"))
        #expect(!bad.text.contains("±0.50"))
        #expect(bad.text.contains("FAILED (a fault window held too few samples to judge)"))
        // Round trip, as the manual reads it back.
        #expect(try JSON.decode(DrillReport.self, from: Data(try JSON.encode(bad).utf8)) == bad)
    }

    @Test func aReportSavedBeforeThePerAPIFiguresReadsBackUnjudged() throws {
        let old = #"{"faults":[{"action":"a","api":{"failed":0,"requests":6,"slowest_seconds":0.2,"unavailable_seconds":0},"api_during_restore":{"failed":0,"requests":3,"unavailable_seconds":0},"api_failures":{},"api_requests":{"keystone":6},"galera_cluster_size":3,"healed":true,"heal_seconds":11,"message_kept":true,"name":"database","network_kept":true,"notes":[],"project_kept":true,"queue":{"failed":0,"requests":14,"unavailable_seconds":0},"rabbitmq_running_nodes":3,"target":"ctl1"}],"keystone_url":"http://10.99.0.10:5000","probe":"every 150 ms","queue_client":"pika","run_id":"20261129-101010","seconds":107}"#
        let report = try JSON.decode(DrillReport.self, from: Data(old.utf8))
        #expect(report.faults[0].api.requests == 6)
        #expect(!report.faults[0].judged)
        #expect(!report.passed)
        #expect(report.minimumSamples == nil)
    }
}
