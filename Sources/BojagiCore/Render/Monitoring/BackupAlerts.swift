/// Backups the package takes: cinder-backup writes volume backups into a Ceph pool; when that pool, once
/// used, gets no write for a day and more, backups have stopped.
enum BackupAlerts {
    /// A day and two hours: a daily backup that runs late does not alert.
    static let window = "26h"

    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard let pool = cloud.backupPool, cloud.has("cinder"), cloud.ceph != nil else { return nil }
        let mgr = ["job": "ceph_mgr_exporter", "instance": "10.0.0.11:9283", "pool_id": "7"]
        func series(writes: String, stored: String = "5000x400") -> [AlertTest.Series] {
            [AlertTest.Series("ceph_pool_wr", mgr, writes), AlertTest.Series("ceph_pool_stored", mgr, stored),
             AlertTest.Series("ceph_pool_metadata", mgr.merging(["name": pool]) { $1 }, "1x400"),
             AlertTest.Series("ceph_pool_wr", mgr.merging(["pool_id": "8"]) { $1 }, "100x400"),
             AlertTest.Series("ceph_pool_stored", mgr.merging(["pool_id": "8"]) { $1 }, "5000x400"),
             AlertTest.Series("ceph_pool_metadata", mgr.merging(["pool_id": "8", "name": "images"]) { $1 }, "1x400")]
        }
        return AlertGroup(name: "bojagi-backups", rules: [
            AlertRule(
                name: "VolumeBackupsStale", component: "cinder",
                expression: "increase(ceph_pool_wr[\(window)]) * on (pool_id) group_left (name) ceph_pool_metadata{name=\"\(pool)\"} == 0 "
                    + "and on (pool_id) ceph_pool_stored > 0",
                duration: "1h", severity: .warning,
                summary: "No volume backup reached Ceph pool \(pool) for \(window)",
                description: "cinder-backup has written nothing to the \(pool) pool for \(window), though it holds backups: scheduled "
                    + "backups stopped (cinder-backup down, its Ceph key, or the job that starts them). `openstack volume backup list "
                    + "--all-projects` shows the last ones.",
                tests: [.fires("writes stop for more than a day", interval: "5m", evaluation: .hourly, series(writes: "0+10x12 120x400"), at: "30h", with: [mgr.merging(["name": pool]) { $1 }]),
                        .quiet("the last backup was written 22 hours ago", interval: "5m", evaluation: .hourly, series(writes: "0+1x96 96x320"), at: "30h"),
                        .quiet("the pool never held a backup", interval: "5m", evaluation: .hourly, series(writes: "0x400", stored: "0x400"), at: "30h")]),
        ])
    }
}
