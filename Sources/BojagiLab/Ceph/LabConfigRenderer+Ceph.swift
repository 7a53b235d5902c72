import BojagiCore
import BojagiOpenStack

extension LabConfigRenderer {
    // MARK: Ceph clients

    static let cephClientConf = "etc/ceph/ceph.conf"

    /// The clients' ceph.conf (the cluster's own is ceph/ceph.conf, written by scripts/ceph/lab-cluster.sh) and one
    /// keyring per client (0600) with the key ceph/pools.sh imported. Nothing under /etc/ceph or /var/*/ceph.
    func cephFiles() -> [RenderedFile] {
        guard let ceph = settings.ceph else { return [] }
        let s = settings
        var files = [RenderedFile(path: Self.cephClientConf, contents: """
            # Bojagi lab \(s.name): how Cinder, Glance and the drill reach the lab's Ceph as its OpenStack clients.
            [global]
            mon_host = \(ceph.monHost)
            auth_cluster_required = cephx
            auth_service_required = cephx
            auth_client_required = cephx

            [client]
            keyring = \(s.path("etc/ceph/ceph.$name.keyring"))
            run_dir = \(s.path("run/ceph"))
            admin_socket = \(s.path("run/ceph/$name.$pid.$cctid.asok"))
            log_file = \(s.path("logs/ceph-client.log"))
            crash_dir = \(s.path("run/ceph"))
            # A client whose monitor is gone gives up after this instead of Ceph's 300 s.
            client_mount_timeout = 30

            """)]
        for (client, key) in ceph.keys.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "etc/ceph/ceph.\(client).keyring", contents: "[\(client)]\n\tkey = \(key)\n", mode: 0o600))
        }
        return files
    }

    /// Glance's store: RBD in the images pool; the direct URL lets Cinder clone a volume from an image instead of
    /// copying it.
    func glanceStore() -> (defaults: [(String, String)], sections: [(String, [(String, String)])]) {
        let s = settings
        guard let ceph = s.ceph, let pool = ceph.imagesPool else {
            return ([("enabled_backends", "file:file")],
                    [("file", [("filesystem_store_datadir", s.sharedPath("data/glance/images"))]),
                     ("glance_store", [("default_backend", "file")])])
        }
        return ([("enabled_backends", "rbd:rbd"), ("show_image_direct_url", "true")],
                [("glance_store", [("default_backend", "rbd")]),
                 ("rbd", [("rbd_store_pool", pool), ("rbd_store_user", "glance"), ("rbd_store_ceph_conf", s.path(Self.cephClientConf)),
                          ("rbd_store_chunk_size", "8"), ("store_description", "Ceph RBD, pool \(pool)")])])
    }

    /// Cinder's backends: one RBD backend per volume pool (each offered as a volume type) and backups to the
    /// backup pool; without Ceph, the fake driver that keeps volumes as database rows.
    func cinderBackends() -> (defaults: [(String, String)], sections: [(String, [(String, String)])]) {
        let s = settings
        guard let ceph = s.ceph, !ceph.backends.isEmpty else {
            return ([("enabled_backends", "fake"), ("default_volume_type", "__DEFAULT__")],
                    [("fake", [("volume_driver", "cinder.tests.fake_driver.FakeLoggingVolumeDriver"),
                               ("volume_backend_name", "fake"), ("target_helper", "fake")])])
        }
        let conf = s.path(Self.cephClientConf)
        var defaults = [("enabled_backends", ceph.backends.map(\.name).joined(separator: ",")),
                        ("default_volume_type", ceph.defaultVolumeType ?? "__DEFAULT__")]
        if let backups = ceph.backupsPool {
            defaults += [("backup_driver", "cinder.backup.drivers.ceph.CephBackupDriver"), ("backup_ceph_conf", conf),
                         ("backup_ceph_user", "cinder-backup"), ("backup_ceph_pool", backups),
                         ("backup_ceph_stripe_unit", "0"), ("backup_ceph_stripe_count", "0"),
                         ("restore_discard_excess_bytes", "true")]
        }
        // os-brick (cinder-backup reading a volume) asks for the host's connector properties through privsep; its
        // default helper is `sudo cinder-rootwrap`, which the lab has not installed.
        let privsep = ("privsep_osbrick", [("helper_command", (s.user == "root" ? "" : "sudo ") + s.venv + "/bin/privsep-helper --config-file "
                                            + s.path("etc/cinder/cinder.conf"))])
        let sections = [privsep] + ceph.backends.map { backend in
            (backend.name, [
                ("volume_driver", "cinder.volume.drivers.rbd.RBDDriver"),
                ("volume_backend_name", backend.name),
                ("rbd_pool", backend.pool),
                ("rbd_ceph_conf", conf),
                ("rbd_user", "cinder"),
                ("rbd_flatten_volume_from_snapshot", "false"),
                ("rbd_max_clone_depth", "5"),
                ("rados_connect_timeout", "30"),
                ("report_discard_supported", "true"),
            ])
        }
        return (defaults, sections)
    }

    /// (volume type, backend) pairs register.py creates.
    var volumeTypes: [(String, String)] {
        settings.ceph?.backends.map { ($0.volumeType, $0.name) } ?? []
    }
}
