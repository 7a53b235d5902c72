import BojagiCore
import BojagiOpenStack

extension LabConfigRenderer {
    // MARK: OpenStack services

    /// keystonemiddleware's section: the service's own credentials, plus how it validates tokens.
    func authtoken(_ user: String) -> [(String, String)] {
        [("www_authenticate_uri", settings.keystoneURL), ("memcached_servers", settings.memcachedServers),
         ("service_token_roles_required", "true")] + serviceCredentials(user)
    }

    /// Credentials of `user` for calling another service (nova → neutron/placement/cinder, neutron → nova).
    func serviceCredentials(_ user: String) -> [(String, String)] {
        let s = settings
        return [
            ("auth_url", s.keystoneURL),
            ("auth_type", "password"),
            ("project_domain_name", "Default"),
            ("user_domain_name", "Default"),
            ("project_name", "service"),
            ("username", user),
            ("password", s.secrets.service[user] ?? ""),
            ("region_name", s.region),
        ]
    }

    func lockPath(_ component: LabComponent) -> (String, [(String, String)]) {
        ("oslo_concurrency", [("lock_path", settings.path("run/lock/\(component.rawValue)"))])
    }

    func defaults(_ component: LabComponent) -> [(String, String)] {
        [("host", settings.network.hostName), ("debug", "false"), ("use_stderr", "true"), ("graceful_shutdown_timeout", "5"), ("state_path", settings.path("data/\(component.rawValue)"))]
    }

    public func config(_ component: LabComponent) -> [RenderedFile] {
        let s = settings
        let header = "# Bojagi lab \(s.name) (\(s.release)): rendered by `bojagi lab up`; changes are overwritten.\n"
        func file(_ path: String, _ ini: INIFile) -> RenderedFile {
            RenderedFile(path: path, contents: header + ini.text, mode: 0o600)
        }
        switch component {
        case .keystone:
            return [file("etc/keystone/keystone.conf", INIFile([
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true")]),
                // kolla's keystone.conf uses oslo.cache's pool: after a memcached restart it retries, where
                // dogpile.cache.pymemcache kept its dead sockets and every token request failed with a 500
                // (MemcacheUnexpectedCloseError), seen by the dashboard's memcached test.
                ("cache", [("enabled", "true"), ("backend", "oslo_cache.memcache_pool"),
                           ("memcache_servers", s.memcachedServers)]),
                ("credential", [("key_repository", s.path("etc/keystone/credential-keys"))]),
                ("database", [("connection", s.databaseURL(.keystone))]),
                // Receipts (multi-factor auth) default to /etc/keystone/fernet-keys: everything stays in the lab home.
                ("fernet_receipts", [("key_repository", s.path("etc/keystone/fernet-keys"))]),
                ("fernet_tokens", [("key_repository", s.path("etc/keystone/fernet-keys"))]),
                ("token", [("provider", "fernet")]),
            ]))]
        case .glance:
            let store = glanceStore()
            let sections: [(String, [(String, String)])] = [
                // Only glance-direct import: the lab has no route to the Internet (web-download) and one store
                // (copy-image copies between stores). Tempest reads the methods and skips the others. Glance parses
                // this option as a bracketed list: without the brackets every image create fails with a 500.
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true")] + store.defaults
                    + [("enabled_import_methods", "[glance-direct]"), ("image_cache_dir", s.path("data/glance/cache"))]),
                ("database", [("connection", s.databaseURL(.glance))]),
            ] + store.sections + [
                ("keystone_authtoken", authtoken("glance")),
                lockPath(.glance),
                ("os_glance_staging_store", [("filesystem_store_datadir", s.path("data/glance/staging"))]),
                ("os_glance_tasks_store", [("filesystem_store_datadir", s.path("data/glance/tasks"))]),
                ("paste_deploy", [("flavor", "keystone"), ("config_file", s.venv + "/etc/glance/glance-api-paste.ini")]),
            ]
            return [file("etc/glance/glance-api.conf", INIFile(sections))]
        case .placement:
            return [file("etc/placement/placement.conf", INIFile([
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true")]),
                ("api", [("auth_strategy", "keystone")]),
                ("keystone_authtoken", authtoken("placement")),
                ("placement_database", [("connection", s.databaseURL(.placement))]),
            ]))]
        case .nova:
            let sections: [(String, [(String, String)])] = [
                ("DEFAULT", defaults(.nova) + [
                    ("transport_url", s.transportURL),
                    // No real VMs: nova's fake virt driver pretends to boot servers. This variant keeps a node
                    // identity in state_path/compute_id like a real driver; plain FakeDriver writes none, and
                    // nova-compute then refuses to start a second time ("No local node identity found").
                    ("compute_driver", "fake.FakeDriverWithoutFakeNodes"),
                    ("instances_path", s.path("data/nova/instances")),
                    ("my_ip", s.host),
                    // One compute host: a resize may land on the host it leaves (Tempest's resize tests need it).
                    ("allow_resize_to_same_host", "true"),
                ]),
                // No `[api] auth_strategy`: keystone is its default in nova 31 (2025.1), where it is deprecated, and
                // nova 32 (2025.2) removed it (nova commit d238306aa6; nova/conf/api.py at 31.3.1 and 32.2.1).
                ("api_database", [("connection", s.databaseURL(.nova, database: "nova_api"))]),
                ("cinder", [("os_region_name", s.region)]),
                // One worker each (the default is one per core): the HA lab runs three of each on two cores.
                ("conductor", [("workers", "1")]),
                ("database", [("connection", s.databaseURL(.nova))]),
                ("glance", [("region_name", s.region)]),
                ("keystone_authtoken", authtoken("nova")),
                ("neutron", serviceCredentials("nova")),
                lockPath(.nova),
                ("oslo_messaging_notifications", [("driver", "noop")]),
                ("placement", serviceCredentials("nova")),
                ("scheduler", [("discover_hosts_in_cells_interval", "5"), ("workers", "1")]),
                // Only keystoneauth's auth and session options exist in [service_user]: region_name there is
                // unknown to nova (oslo-config-validator with nova 31.3.1's and 33.0.2's namespaces).
                ("service_user", [("send_service_user_token", "true")] + serviceCredentials("nova").filter { $0.0 != "region_name" }),
                // During a rolling upgrade the services of two releases talk over RPC: each pins the compute RPC
                // version to what the oldest nova-compute in the cell reports (kolla-ansible sets the same).
                ("upgrade_levels", [("compute", "auto")]),
                ("vnc", [("enabled", "false")]),
                ("wsgi", [("api_paste_config", s.venv + "/etc/nova/api-paste.ini")]),
            ]
            // nova-compute reaches the database only through the conductor: its file holds no database credentials
            // (with them nova-compute logs "No DB access allowed" on every start).
            let computeOnly = sections.filter { !["database", "api_database", "keystone_authtoken"].contains($0.0) }
            return [file("etc/nova/nova.conf", INIFile(sections)), file("etc/nova/nova-compute.conf", INIFile(computeOnly))]
        case .neutron:
            return [
                file("etc/neutron/neutron.conf", INIFile([
                    ("DEFAULT", defaults(.neutron) + [
                        ("transport_url", s.transportURL),
                        ("core_plugin", "ml2"),
                        ("service_plugins", "router"),
                        ("auth_strategy", "keystone"),
                        ("api_paste_config", s.venv + "/etc/neutron/api-paste.ini"),
                        ("notify_nova_on_port_status_changes", s.runs(.nova) ? "true" : "false"),
                        ("notify_nova_on_port_data_changes", s.runs(.nova) ? "true" : "false"),
                    ]),
                    ("database", [("connection", s.databaseURL(.neutron))]),
                    ("keystone_authtoken", authtoken("neutron")),
                    ("nova", serviceCredentials("neutron")),
                    lockPath(.neutron),
                ])),
                file("etc/neutron/ml2_conf.ini", INIFile([
                    // No agents in the lab: Bojagi's driver binds every port (see scripts/lab/ml2-bind-all).
                    // neutron 28 (2026.1) renamed tenant_network_types to project_network_types, the old name
                    // deprecated (neutron/conf/plugins/ml2/config.py at 28.0.1; 26.0.5 and 27.0.3 know only the old).
                    ("ml2", [("type_drivers", "flat,vlan,vxlan"),
                             (s.runsRelease(atLeast: "2026.1") ? "project_network_types" : "tenant_network_types", "vxlan"),
                             ("mechanism_drivers", "bojagi_bind_all"), ("extension_drivers", "port_security")]),
                    ("ml2_type_flat", [("flat_networks", "physnet1")]),
                    ("ml2_type_vlan", [("network_vlan_ranges", "physnet1:100:199")]),
                    ("ml2_type_vxlan", [("vni_ranges", "1:1000")]),
                ])),
            ]
        case .cinder:
            let backends = cinderBackends()
            let sections: [(String, [(String, String)])] = [
                ("DEFAULT", defaults(.cinder) + [
                    ("transport_url", s.transportURL),
                    ("auth_strategy", "keystone"),
                    ("api_paste_config", s.venv + "/etc/cinder/api-paste.ini"),
                ] + backends.defaults + [
                    ("my_ip", s.host),
                    // The scheduler knows no backend until cinder-volume's first capability report: send it at
                    // once instead of after up to a minute of random delay.
                    ("periodic_fuzzy_delay", "0"),
                    // Which list filters non-admin users may use; cinder looks in /etc/cinder without this, finds
                    // nothing, and ignores or refuses `name` and `status` filters.
                    ("resource_query_filters_file", s.venv + "/etc/cinder/resource_filters.json"),
                ]),
                ("database", [("connection", s.databaseURL(.cinder))]),
                ("keystone_authtoken", authtoken("cinder")),
                ("nova", serviceCredentials("cinder")),
                lockPath(.cinder),
                ("oslo_messaging_notifications", [("driver", "noop")]),
                // Creating a volume from an image inspects the image through privsep (cinder.privsep.sys_admin_pctxt,
                // section cinder_sys_admin); its default helper is
                // `sudo cinder-rootwrap /etc/cinder/rootwrap.conf`, which the lab has not installed.
                ("cinder_sys_admin", [("helper_command", (s.user == "root" ? "" : "sudo ") + s.venv + "/bin/privsep-helper --config-file " + s.path("etc/cinder/cinder.conf"))]),
            ] + backends.sections
            return [file("etc/cinder/cinder.conf", INIFile(sections))]
        case .heat:
            // Heat has no state_path and takes no oslo.concurrency lock (only processutils): both were unknown
            // options to every release's heat (oslo-config-validator with heat 24.1.1's to 26.0.1's namespaces).
            return [file("etc/heat/heat.conf", INIFile([
                ("DEFAULT", defaults(.heat).filter { $0.0 != "state_path" } + [
                    ("transport_url", s.transportURL),
                    ("heat_metadata_server_url", s.apiURL(.heat)),
                    ("heat_waitcondition_server_url", s.apiURL(.heat) + "/v1/waitcondition"),
                    ("stack_domain_admin", "heat_domain_admin"),
                    ("stack_domain_admin_password", s.secrets.service["heat_domain_admin"] ?? ""),
                    ("stack_user_domain_name", "heat"),
                    ("num_engine_workers", "1"),
                ]),
                ("clients_keystone", [("auth_uri", s.keystoneURL)]),
                ("database", [("connection", s.databaseURL(.heat))]),
                ("keystone_authtoken", authtoken("heat")),
                ("oslo_messaging_notifications", [("driver", "noop")]),
                ("paste_deploy", [("api_paste_config", s.venv + "/etc/heat/api-paste.ini")]),
                ("trustee", [("auth_type", "password"), ("auth_url", s.keystoneURL), ("username", "heat"),
                             ("password", s.secrets.service["heat"] ?? ""), ("user_domain_name", "Default")]),
            ]))]
        case .horizon:
            return [
                RenderedFile(path: "etc/horizon/local/__init__.py", contents: ""),
                RenderedFile(path: "etc/horizon/local/local_settings.py", contents: horizonSettings(), mode: 0o600),
            ]
        }
    }

    /// Django's cache LOCATION: one server as a string, several as a list.
    var memcachedLocation: String {
        let servers = settings.network.memcached.map { "'\($0)'" }
        return servers.count == 1 ? servers[0] : "[" + servers.joined(separator: ", ") + "]"
    }

    func horizonSettings() -> String {
        let s = settings
        return """
            # Bojagi lab \(s.name): Horizon's local settings. Found as `local.local_settings` through PYTHONPATH,
            # so the shared virtual environment is never edited.
            DEBUG = False
            ALLOWED_HOSTS = ['*']
            SECRET_KEY = '\(s.secrets.horizonSecretKey)'
            OPENSTACK_HOST = '\(s.network.endpointHost)'
            OPENSTACK_KEYSTONE_URL = '\(s.keystoneURL)/v3'
            OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
            OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
            OPENSTACK_KEYSTONE_MULTIDOMAIN_SUPPORT = False
            SESSION_ENGINE = 'django.contrib.sessions.backends.cache'
            CACHES = {
                'default': {
                    'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
                    'LOCATION': \(memcachedLocation),
                },
            }
            STATIC_ROOT = '\(s.sharedPath("data/horizon/static"))'
            STATIC_URL = '/static/'
            COMPRESS_OFFLINE = False
            OPENSTACK_NEUTRON_NETWORK = {'enable_router': True, 'enable_quotas': True, 'enable_fip_topology_check': False}
            TIME_ZONE = 'UTC'

            """
    }
}
