import BojagiCore
import BojagiOpenStack
extension LabConfigRenderer {
    /// A Python script run in the lab's venv: service users, roles, catalog entries and Heat's domain
    /// (`catalog`), and the lab flavor (`flavor`). Idempotent. Secrets are read from secrets.json, never argv.
    func registerScript() -> RenderedFile {
        let s = settings
        let services = s.components.compactMap { component -> String? in
            guard let type = component.serviceType, component != .keystone else { return nil }
            return "    (\"\(component.rawValue)\", \"\(type)\", \"\(s.apiURL(component))\(component.endpointPath)\"),"
        }.joined(separator: "\n")
        return RenderedFile(path: "bin/register.py", contents: """
            # Bojagi lab \(s.name): registers the lab's services in Keystone. Usage: register.py catalog|flavor|network|volumetypes
            import json
            import sys

            from keystoneauth1 import session
            from keystoneauth1.identity import v3
            from keystoneclient.v3 import client as keystone_client

            SECRETS = json.load(open("\(s.path(LabSecrets.fileName))"))
            REGION = "\(s.region)"
            SERVICES = [
            \(services)
            ]
            HEAT = \(s.runs(.heat) ? "True" : "False")
            # (volume type, Cinder backend): one per Ceph tier's volume pool.
            VOLUME_TYPES = [\(volumeTypes.map { "(\"\($0.0)\", \"\($0.1)\")" }.joined(separator: ", "))]


            def admin_session():
                auth = v3.Password(auth_url="\(s.keystoneURL)/v3", username="admin", password=SECRETS["adminPassword"],
                                   project_name="admin", user_domain_id="default", project_domain_id="default")
                return session.Session(auth=auth)


            def find(manager, name, **kwargs):
                for item in manager.list(**kwargs):
                    if item.name == name:
                        return item
                return None


            def ensure_role(ks, name):
                return find(ks.roles, name) or ks.roles.create(name)


            def ensure_user(ks, name, password, domain="default"):
                user = find(ks.users, name, domain=domain)
                if user is None:
                    return ks.users.create(name, domain=domain, password=password)
                ks.users.update(user, password=password)
                return user


            def catalog():
                ks = keystone_client.Client(session=admin_session())
                service_project = find(ks.projects, "service") or ks.projects.create("service", "default")
                admin, service_role = ensure_role(ks, "admin"), ensure_role(ks, "service")
                ensure_role(ks, "member")
                ensure_role(ks, "reader")
                for name, kind, url in SERVICES:
                    user = ensure_user(ks, name, SECRETS["service"][name])
                    ks.roles.grant(admin, user=user, project=service_project)
                    ks.roles.grant(service_role, user=user, project=service_project)
                    service = next((x for x in ks.services.list(type=kind) if x.name == name), None)
                    if service is None:
                        service = ks.services.create(name, type=kind)
                    endpoints = ks.endpoints.list(service=service, region=REGION)
                    for interface in ("public", "internal", "admin"):
                        current = [e for e in endpoints if e.interface == interface]
                        if current and current[0].url != url:
                            ks.endpoints.update(current[0], url=url)
                        elif not current:
                            ks.endpoints.create(service, url, interface=interface, region=REGION)
                if HEAT:
                    domain = find(ks.domains, "heat") or ks.domains.create("heat", description="Heat stack users")
                    domain_admin = ensure_user(ks, "heat_domain_admin", SECRETS["service"]["heat_domain_admin"], domain=domain)
                    ks.roles.grant(admin, user=domain_admin, domain=domain)
                    ensure_role(ks, "heat_stack_owner")
                    ensure_role(ks, "heat_stack_user")
                    admin_user = find(ks.users, "admin", domain="default")
                    admin_project = find(ks.projects, "admin")
                    ks.roles.grant(ensure_role(ks, "heat_stack_owner"), user=admin_user, project=admin_project)


            def flavor():
                from novaclient import client as nova_client
                nova = nova_client.Client("2.1", session=admin_session(), region_name=REGION)
                names = {f.name for f in nova.flavors.list(is_public=None)}
                for name, ram, vcpus, disk in (("bojagi.tiny", 256, 1, 1), ("bojagi.small", 1024, 1, 10)):
                    if name not in names:
                        nova.flavors.create(name, ram, vcpus, disk)


            def network():
                # The lab's default external network (flat on physnet1; no agent forwards its packets) and default
                # subnet pool: what Neutron's auto-allocated topology and floating IPs need.
                from openstack import connection
                conn = connection.Connection(session=admin_session(), region_name=REGION)
                public = conn.network.find_network("public")
                if public is None:
                    public = conn.network.create_network(name="public", is_router_external=True, is_default=True,
                                                         provider_network_type="flat", provider_physical_network="physnet1")
                if not list(conn.network.subnets(network_id=public.id)):
                    conn.network.create_subnet(network_id=public.id, name="public", ip_version=4, cidr="\(LabSettings.externalCIDR)",
                                               enable_dhcp=False)
                if conn.network.find_subnet_pool("bojagi-default") is None:
                    conn.network.create_subnet_pool(name="bojagi-default", prefixes=["\(LabSettings.subnetPoolPrefix)"],
                                                    default_prefix_length=26, is_default=True, is_shared=True)


            def volumetypes():
                # A volume type per tier, each bound to its backend; the first is cinder.conf's default_volume_type.
                from cinderclient import client as cinder_client
                cinder = cinder_client.Client("3", session=admin_session(), region_name=REGION)
                types = {t.name: t for t in cinder.volume_types.list(is_public=None)}
                for name, backend in VOLUME_TYPES:
                    kind = types.get(name) or cinder.volume_types.create(name, is_public=True)
                    if kind.get_keys().get("volume_backend_name") != backend:
                        kind.set_keys({"volume_backend_name": backend})


            {"catalog": catalog, "flavor": flavor, "network": network, "volumetypes": volumetypes}[sys.argv[1]]()

            """, mode: 0o600)
    }
}
