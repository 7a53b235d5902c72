import BojagiCore
import BojagiOpenStack
/// my.cnf for one Galera node: its own datadir, socket and address, rsync SST (works without an SST user),
/// small buffers for a lab. Started as `mariadbd --defaults-file=…` (it must be the first argument).
public enum GaleraConfig {
    public static let clusterName = "bojagi-ha-lab"
    public static let provider = "/usr/lib/galera/libgalera_smm.so"

    public static func file(for node: HALabNode, topology: HALabTopology, paths: HALabPaths) -> RenderedFile {
        let members = topology.nodes.map(\.address).joined(separator: ",")
        let contents = """
        # Written by bojagi for the HA lab; rewritten on every `up`.
        [mysqld]
        user = root
        datadir = \(paths.mysqlData(node))
        socket = \(paths.mysqlSocket(node))
        pid-file = \(paths.run(node))/mysqld.pid
        log-error = \(paths.log(.mariadb, node))
        bind-address = \(node.address)
        port = \(topology.ports.mariadb)
        skip-name-resolve
        max_connections = 500
        max_connect_errors = 1000000
        performance_schema = OFF
        innodb_buffer_pool_size = 64M
        innodb_log_file_size = 48M
        innodb_flush_log_at_trx_commit = 2
        default_storage_engine = InnoDB
        binlog_format = ROW
        innodb_autoinc_lock_mode = 2
        wsrep_on = ON
        wsrep_provider = \(provider)
        wsrep_cluster_name = \(clusterName)
        wsrep_cluster_address = gcomm://\(members)
        wsrep_node_name = \(node.name)
        wsrep_node_address = \(node.address)
        wsrep_sst_method = \(sstMethod)
        wsrep_slave_threads = 2
        wsrep_provider_options = "gcache.size=64M"

        [client]
        socket = \(paths.mysqlSocket(node))
        user = root

        """
        return RenderedFile(path: paths.relative(paths.myCnf(node)), contents: contents)
    }

    /// The SST method: rsync through `wsrep_sst_bojagi_rsync` (see sstFiles).
    public static let sstMethod = "bojagi_rsync"

    /// wsrep_sst_rsync starts the joiner's rsync daemon, and rsync started by root switches to `nobody`, which
    /// cannot write a datadir under a 0700 home such as /root. mariadbd puts its own bin directory first on the SST
    /// script's PATH, so a shim named rsync is not enough: a custom SST method (found on PATH, as the method name
    /// says) puts the shim first and runs the stock rsync SST script.
    public static func sstFiles(paths: HALabPaths) -> [RenderedFile] {
        [
            RenderedFile(path: paths.relative(paths.sstBin + "/rsync"), contents: """
            #!/bin/sh
            # Written by bojagi for the HA lab: keep the SST rsync daemon running as root (see GaleraConfig.sstFiles).
            case " $* " in
                *" --daemon "*) exec /usr/bin/rsync "$@" -M uid=root -M gid=root ;;
            esac
            exec /usr/bin/rsync "$@"

            """, mode: 0o755),
            RenderedFile(path: paths.relative(paths.sstBin + "/wsrep_sst_\(sstMethod)"), contents: """
            #!/bin/sh
            # Written by bojagi for the HA lab: MariaDB's rsync SST with the rsync shim beside this file first on PATH.
            PATH="$(dirname "$0"):$PATH"
            export PATH
            exec /usr/bin/wsrep_sst_rsync "$@"

            """, mode: 0o755),
        ]
    }

    public static func environment(paths: HALabPaths) -> [String: String] {
        ["PATH": "\(paths.sstBin):/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
    }

    /// What `up` runs on the bootstrap node once it is synced: the Keystone database and its user, and the
    /// password-less user HAProxy's mysql-check logs in as. Idempotent; Galera replicates it.
    public static func bootstrapSQL(secrets: HALabSecrets) -> String {
        """
        CREATE DATABASE IF NOT EXISTS keystone;
        CREATE USER IF NOT EXISTS 'keystone'@'%' IDENTIFIED BY '\(secrets.keystoneDatabase)';
        ALTER USER 'keystone'@'%' IDENTIFIED BY '\(secrets.keystoneDatabase)';
        GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'%';
        CREATE USER IF NOT EXISTS 'haproxy_check'@'%';
        FLUSH PRIVILEGES;
        """
    }
}
