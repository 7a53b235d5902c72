import Foundation

/// Measured facts from the lab's records, the seed's hybrid pattern, and the training exercises.
extension ManualBuilder {
    func measured(_ records: MeasuredRecords) -> ManualDocument.Section {
        var blocks: [ManualDocument.Block] = [.paragraph(t("measured.intro"))]
        if records.isEmpty {
            blocks.append(.note(t("measured.none", ["places": records.searched.joined(separator: ", ")])))
        }
        if let drill = records.failover {
            blocks.append(.paragraph(t("measured.failover", ["date": MeasuredRecords.date(ofRun: drill.runID), "source": drill.source,
                                                            "verdict": t(drill.passed ? "verdict.passed" : "verdict.failed"),
                                                            "seconds": String(format: "%.0f", drill.seconds)])))
            blocks.append(.table(.init(header: [t("col.fault"), t("col.target"), t("col.apiDown"), t("col.failed"), t("col.vipMove"),
                                                t("col.dataKept"), t("col.healed")], rows: drill.faults.map { fault in
                [fault.name, fault.target,
                 !fault.judged ? t("measured.notJudged")
                    : fault.apiResolutionSeconds.map { String(format: "%.1f s ±%.2f", fault.apiDownSeconds, $0) }
                    ?? String(format: "%.1f s", fault.apiDownSeconds),
                 "\(fault.failedRequests)/\(fault.requests)",
                 fault.vipMoveSeconds.map { String(format: "%.1f s", $0) } ?? "–", t(fault.dataKept ? "yes" : "no"),
                 fault.healed ? String(format: "%@, %.0f s", t("yes"), fault.healSeconds) : t("no")]
            })))
        } else {
            blocks.append(.note(t("measured.noFailover")))
        }
        if let osd = records.osd {
            blocks.append(.paragraph(t("measured.osd", ["date": MeasuredRecords.date(ofRun: osd.runID), "source": osd.source, "osd": osd.osd,
                                                       "class": osd.deviceClass, "writes": "\(osd.writes)", "failed": "\(osd.failedWrites)",
                                                       "stall": String(format: "%.1f", osd.longestWriteSeconds),
                                                       "intact": t(osd.intact ? "yes" : "no"),
                                                       "verdict": t(osd.passed ? "verdict.passed" : "verdict.failed")])))
        } else {
            blocks.append(.note(t("measured.noOSD")))
        }
        if let tempest = records.tempest {
            blocks.append(.paragraph(t("measured.tempest", ["date": tempest.date, "source": tempest.source, "selection": tempest.selection,
                                                           "passed": "\(tempest.passed)", "failed": "\(tempest.failed)",
                                                           "skipped": "\(tempest.skipped)", "seconds": String(format: "%.0f", tempest.seconds),
                                                           "verdict": t(tempest.verdict ? "verdict.passed" : "verdict.failed")])))
        } else {
            blocks.append(.note(t("measured.noTempest")))
        }
        for run in [records.addHost, records.removeHost].compactMap({ $0 }) {
            blocks.append(.paragraph(t("measured.scale", ["operation": run.operation, "date": MeasuredRecords.date(ofRun: run.runID), "source": run.source,
                                                         "host": run.host, "seconds": String(format: "%.0f", run.seconds),
                                                         "failed": "\(run.apiFailed)", "requests": "\(run.apiRequests)", "servers": "\(run.servers)",
                                                         "verdict": t(run.passed ? "verdict.passed" : "verdict.failed")])))
        }
        if records.addHost == nil && records.removeHost == nil { blocks.append(.note(t("measured.noScale"))) }
        if let upgrade = records.upgrade {
            blocks.append(.paragraph(t("measured.upgrade", ["from": upgrade.from, "to": upgrade.to, "date": MeasuredRecords.date(ofRun: upgrade.runID),
                                                           "source": upgrade.source, "seconds": String(format: "%.0f", upgrade.seconds),
                                                           "failed": "\(upgrade.apiFailed)", "requests": "\(upgrade.apiRequests)",
                                                           "gap": String(format: "%.1f", upgrade.longestGapSeconds), "api": upgrade.longestGapAPI ?? "–",
                                                           "lost": "\(upgrade.dataLost)", "checks": "\(upgrade.dataChecks)",
                                                           "verdict": t(upgrade.passed ? "verdict.passed" : "verdict.failed")])))
        } else {
            blocks.append(.note(t("measured.noUpgrade")))
        }
        // `verify` without --tempest keeps no record.
        blocks.append(.note(t("measured.notYet")))
        return .init(id: "measured", title: t("measured.title"), blocks: blocks)
    }

    func hybrid(_ cloud: ManualCloud) -> ManualDocument.Section {
        let tiers = cloud.blueprint.networks.provider.map { [$0.name, $0.vlan.map(String.init) ?? "–", $0.cidr ?? "–", $0.purpose ?? "–"] }
        var blocks: [ManualDocument.Block] = [
            .paragraph(t("hybrid.intro")),
            .list([t("hybrid.public"), t("hybrid.private", ["cloud": cloud.name]), t("hybrid.link"), t("hybrid.boundary")]),
        ]
        if !tiers.isEmpty {
            blocks.append(.paragraph(t("hybrid.tiers")))
            blocks.append(.table(.init(header: [t("col.network"), t("col.vlan"), t("col.cidr"), t("col.purpose")], rows: tiers)))
        }
        blocks.append(.paragraph(t("hybrid.deploys")))
        blocks.append(.list([t("hybrid.deploys.1"), t("hybrid.deploys.2"), t("hybrid.deploys.3")]))
        blocks.append(.paragraph(t("hybrid.notDeploys")))
        blocks.append(.list([t("hybrid.not.1"), t("hybrid.not.2"), t("hybrid.not.3"), t("hybrid.not.4")]))
        return .init(id: "hybrid", title: t("hybrid.title"), blocks: blocks)
    }

    func training(_ cloud: ManualCloud) -> ManualDocument.Section {
        let exercises: [ManualDocument.Section] = [
            .init(id: "training-galera", title: t("train.galera.title"), blocks: [
                .paragraph(t("train.galera.goal", ["runbook": t("rb.galera.title")])),
                .code("bojagi lab up --ha\nbojagi drill lab status"),
                .list([t("train.galera.1"), t("train.galera.2"), t("train.galera.3")]),
                .paragraph(t("train.see")), .list([t("train.galera.see.1"), t("train.galera.see.2")]),
            ]),
            .init(id: "training-compute", title: t("train.compute.title"), blocks: [
                .paragraph(t("train.compute.goal", ["runbook": t("rb.compute.title"), "host": cloud.nextCompute.name])),
                .list([t("train.compute.1"), t("train.compute.2"), t("train.compute.3")]),
                .paragraph(t("train.see")), .list([t("train.compute.see.1"), t("train.compute.see.2")]),
            ]),
            .init(id: "training-drill", title: t("train.drill.title"), blocks: [
                .paragraph(t("train.drill.goal")),
                .code("bojagi drill\nbojagi drill --format json > drill.json"),
                .list([t("train.drill.1"), t("train.drill.2"), t("train.drill.3")]),
                .paragraph(t("train.see")), .list([t("train.drill.see.1"), t("train.drill.see.2")]),
            ]),
        ]
        return .init(id: "training", title: t("train.title"), blocks: [.paragraph(t("train.intro")), .note(t("train.lab"))],
                     subsections: exercises)
    }

    /// Every alert of this cloud's rules, each row an anchor (`runbook_url`) that links on to its runbook.
    func alertIndex(_ groups: [AlertGroup], runbooks: [Runbook]) -> ManualDocument.Section {
        var seen: Set<String> = []
        var rows: [[String]] = []
        var ids: [String] = []
        var links: [String: String] = [:]
        for rule in groups.flatMap(\.rules) where seen.insert(rule.runbookAnchor).inserted {
            let runbook = runbooks.first { $0.alerts.contains(rule.name) } ?? runbooks.first { $0.id == RunbookID.service }!
            links["\(rows.count),3"] = "#\(runbook.id)"
            rows.append([rule.name, t("severity.\(rule.severity.rawValue)"), rule.component, runbook.title])
            ids.append(rule.runbookAnchor)
        }
        let blocks: [ManualDocument.Block] = rows.isEmpty
            ? [.note(t("alerts.none"))]
            : [.paragraph(t("alerts.intro")),
               .table(.init(header: [t("col.alert"), t("col.severity"), t("col.component"), t("col.runbook")], rows: rows,
                            rowIDs: ids, links: links))]
        return .init(id: "alerts", title: t("alerts.title"), blocks: blocks)
    }
}
