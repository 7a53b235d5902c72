import BojagiCore
import BojagiOpenStack

/// The one-shot commands of a rolling upgrade, from the venv and config files these settings name (the target
/// release's). Each service's own documentation names them: keystone's "Upgrading Keystone" (expand, migrate,
/// contract), glance's "Zero-Downtime Database Upgrades" (db expand, migrate, contract), neutron's
/// `neutron-db-manage upgrade --expand/--contract`, nova's and cinder's `online_data_migrations` after every
/// service runs the new code.
extension LabConfigRenderer {
    /// `<service>-status upgrade check`: exit 0 passed, 1 passed with warnings (kolla-ansible accepts both),
    /// 2 failed, 255 could not check.
    public func upgradeCheck(_ component: LabComponent) -> [String]? {
        guard UpgradeSteps.checked.contains(component) else { return nil }
        if component == .keystone {
            return [settings.venv + "/bin/python", "-c", Self.keystoneStatus] + configFiles(component) + ["upgrade", "check"]
        }
        return [settings.venv + "/bin/\(component.rawValue)-status"] + configFiles(component) + ["upgrade", "check"]
    }

    /// keystone-status's own `main`, with its backends loaded after the command line is parsed: keystone-status
    /// loads them first (keystone/cmd/status.py, keystone 29 and 30), so its token provider looks for
    /// /etc/keystone/fernet-keys whatever --config-file says, and it exits 1 on any host without /etc/keystone.
    static let keystoneStatus = """
        import sys
        import keystone.conf
        from keystone.cmd import status
        from keystone.server import backends
        from oslo_upgradecheck import upgradecheck
        run = upgradecheck.run
        def run_with_backends(conf):
            backends.load_backends()
            return run(conf)
        upgradecheck.run = run_with_backends
        keystone.conf.configure()
        sys.exit(upgradecheck.main(keystone.conf.CONF, 'keystone', status.Checks()))
        """

    /// Expand and migrate while the old code runs.
    public func upgradeExpand(_ component: LabComponent) -> [(step: String, command: [String])] {
        let bin = settings.venv + "/bin/"
        let conf = configFiles(component)
        switch component {
        case .keystone:
            return [("keystone db_sync --expand", [bin + "keystone-manage"] + conf + ["db_sync", "--expand"]),
                    ("keystone db_sync --migrate", [bin + "keystone-manage"] + conf + ["db_sync", "--migrate"])]
        case .glance:
            return [("glance db expand", [bin + "glance-manage"] + conf + ["db", "expand"]),
                    ("glance db migrate", [bin + "glance-manage"] + conf + ["db", "migrate"])]
        case .placement:
            return [("placement db sync", [bin + "placement-manage"] + conf + ["db", "sync"])]
        case .nova:
            return [("nova api_db sync", [bin + "nova-manage"] + conf + ["api_db", "sync"]),
                    ("nova db sync", [bin + "nova-manage"] + conf + ["db", "sync"])]
        case .neutron:
            return [("neutron upgrade --expand", [bin + "neutron-db-manage"] + conf + ["upgrade", "--expand"])]
        case .cinder:
            return [("cinder db sync", [bin + "cinder-manage"] + conf + ["db", "sync"])]
        case .heat:
            return [("heat db_sync", [bin + "heat-manage"] + conf + ["db_sync"])]
        case .horizon:
            // The static files every controller's Horizon serves, collected by the new code (the shared tree).
            return preparation(.horizon)
        }
    }

    /// After every node runs the new code.
    public func upgradeContract(_ component: LabComponent) -> [(step: String, command: [String])] {
        let bin = settings.venv + "/bin/"
        let conf = configFiles(component)
        switch component {
        case .keystone: return [("keystone db_sync --contract", [bin + "keystone-manage"] + conf + ["db_sync", "--contract"])]
        case .glance: return [("glance db contract", [bin + "glance-manage"] + conf + ["db", "contract"])]
        case .neutron: return [("neutron upgrade --contract", [bin + "neutron-db-manage"] + conf + ["upgrade", "--contract"])]
        case .nova: return [("nova online_data_migrations", [bin + "nova-manage"] + conf + ["db", "online_data_migrations"])]
        case .cinder: return [("cinder online_data_migrations", [bin + "cinder-manage"] + conf + ["db", "online_data_migrations"])]
        case .placement: return [("placement online_data_migrations", [bin + "placement-manage"] + conf + ["db", "online_data_migrations"])]
        case .heat, .horizon: return []
        }
    }

    /// `--config-file` arguments of a service's one-shot commands.
    func configFiles(_ component: LabComponent) -> [String] {
        let etc = settings.path("etc/\(component.rawValue)")
        switch component {
        case .glance: return ["--config-file", etc + "/glance-api.conf"]
        case .neutron: return ["--config-file", etc + "/neutron.conf", "--config-file", etc + "/ml2_conf.ini"]
        case .horizon: return []
        default: return ["--config-file", etc + "/\(component.rawValue).conf"]
        }
    }
}
