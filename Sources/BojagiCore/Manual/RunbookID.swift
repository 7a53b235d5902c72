/// The runbooks' anchors, and which runbook an alert's link lands on.
enum RunbookID {
    static let coldStart = "full-shutdown-cold-start"
    static let galera = "galera-full-cluster-recovery"
    static let rabbitNode = "rabbitmq-node-lost"
    static let rabbitReset = "rabbitmq-full-reset"
    static let compute = "add-compute-node"
    static let controller = "remove-replace-controller"
    static let osdAdd = "add-ceph-osd"
    static let osdReplace = "replace-ceph-osd"
    static let certificates = "certificate-rotation"
    static let passwords = "password-rotation"
    static let backup = "mariadb-backup-restore"
    static let upgrade = "upgrade-next-release"
    static let service = "service-down"

    /// The runbook for an alert: the component's procedure, else the service-down runbook.
    static func forAlert(_ name: String) -> String {
        if name.hasPrefix("Galera") || name == "MariaDBDown" { return galera }
        if name == "RabbitMQPartition" { return rabbitReset }
        if name.hasPrefix("RabbitMQ") { return rabbitNode }
        if name.hasPrefix("Nova"), name.contains("NearlyFull") || name.contains("N1Risk") { return compute }
        if name.hasPrefix("CephTier") { return osdAdd }
        if name.hasPrefix("Ceph") { return osdReplace }
        if name.hasPrefix("TLSCertificate") { return certificates }
        if name == "VolumeBackupsStale" { return backup }
        if name == "NodeDown" { return coldStart }
        return service
    }
}
