import BojagiCore
import BojagiOpenStack

extension LabConfigRenderer {
    /// uwsgi for each WSGI API: its own loopback port, `Connection: close` (without it clients see resets).
    public func uwsgi(_ component: LabComponent) -> RenderedFile? {
        let s = settings
        let module: String
        var env: [String] = []
        var pyargv: String?
        var extra: [String] = []
        let etc = s.path("etc/\(component.rawValue)")
        switch component {
        case .keystone:
            module = "keystone.wsgi.api:application"
            env = ["OS_KEYSTONE_CONFIG_DIR=\(etc)", "OS_KEYSTONE_CONFIG_FILES=keystone.conf"]
        case .glance:
            module = "glance.wsgi.api:application"
            env = ["OS_GLANCE_CONFIG_DIR=\(etc)"]
        case .placement:
            module = "placement.wsgi.api:application"
            env = ["OS_PLACEMENT_CONFIG_DIR=\(etc)"]
        case .nova:
            module = "nova.wsgi.osapi_compute:application"
            // nova takes the first file as its paste configuration.
            env = ["OS_NOVA_CONFIG_DIR=\(etc)", "OS_NOVA_CONFIG_FILES=\(s.venv)/etc/nova/api-paste.ini;nova.conf"]
        case .neutron:
            module = "neutron.wsgi.api:application"
            env = ["OS_NEUTRON_CONFIG_DIR=\(etc)", "OS_NEUTRON_CONFIG_FILES=neutron.conf;ml2_conf.ini"]
        case .cinder:
            module = "cinder.wsgi.api:application"
            pyargv = "--config-file \(etc)/cinder.conf"
        case .heat:
            module = "heat.wsgi.api:application"
            pyargv = "--config-file \(etc)/heat.conf"
        case .horizon:
            module = "openstack_dashboard.wsgi:application"
            extra = ["pythonpath = \(etc)", "static-map = /static=\(s.sharedPath("data/horizon/static"))"]
        }
        var lines = [
            "[uwsgi]",
            "http-socket = \(s.host):\(s.ports.api(component))",
            "module = \(module)",
            "virtualenv = \(s.venv)",
            "master = true",
            // Keystone runs one thread per process, as its install guide and kolla's wsgi-keystone.conf run it
            // (processes=N threads=1): with 4 threads a token occasionally carried another request's role (Tempest's
            // application-credential tests saw heat_stack_owner on a user granted only member).
            "processes = \(component == .keystone ? 3 : 1)",
            "threads = \(component == .keystone ? 1 : 4)",
            "enable-threads = true",
            "lazy-apps = true",
            "need-app = true",
            "die-on-term = true",
            "buffer-size = 65535",
            "add-header = Connection: close",
            // uwsgi gives a request body 4 s to arrive by default; on two busy cores a worker can take longer to
            // read it, and the POST fails with "timeout during read on wsgi.input" (seen in the HA lab).
            "socket-timeout = 30",
            "procname-prefix-spaced = bojagi-lab-\(component.rawValue)",
        ]
        lines += env.map { "env = \($0)" }
        if let pyargv { lines.append("pyargv = \(pyargv)") }
        lines += extra
        return RenderedFile(path: "etc/uwsgi/\(component.rawValue).ini",
                            contents: "# Bojagi lab \(s.name): \(component.rawValue) API under uwsgi.\n" + lines.joined(separator: "\n") + "\n")
    }

    // MARK: access

    public func cloudsYAML() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "clouds.yaml", contents: """
            # Bojagi lab \(s.name): the admin of the lab cloud. export OS_CLIENT_CONFIG_FILE=\(s.path("clouds.yaml")) OS_CLOUD=bojagi-lab
            clouds:
              bojagi-lab:
                auth:
                  auth_url: \(s.keystoneURL)/v3
                  username: admin
                  password: \(s.secrets.adminPassword)
                  project_name: admin
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: \(s.region)
                identity_api_version: 3
                interface: public
                # What `bojagi verify --tempest` cannot read from the APIs: nova allows a resize to the same host here.
                bojagi_tempest:
                  compute-feature-enabled.resize: "true"

            """, mode: 0o600)
    }

    public func openrc() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "openrc", contents: """
            # Bojagi lab \(s.name): source this file for the admin of the lab cloud.
            export OS_AUTH_URL=\(s.keystoneURL)/v3
            export OS_USERNAME=admin
            export OS_PASSWORD=\(s.secrets.adminPassword)
            export OS_PROJECT_NAME=admin
            export OS_USER_DOMAIN_NAME=Default
            export OS_PROJECT_DOMAIN_NAME=Default
            export OS_REGION_NAME=\(s.region)
            export OS_IDENTITY_API_VERSION=3
            export OS_INTERFACE=public

            """, mode: 0o600)
    }
}
