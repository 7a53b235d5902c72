/// The commented `bojagi.yaml` that `bojagi init` writes: every section, with the profile's options named.
public enum StarterBlueprint {
    public static func text(profile: Profile, release: Release, catalog: Catalog) -> String {
        let optional = profile.optional.map { capability in
            let provider = catalog.capabilities[capability]?.providers.first { catalog.availability(of: $0, in: release).isAvailable }
            return "#   \(capability)" + (provider.map { " (\($0))" } ?? " (nothing provides it in \(release.label))")
        }
        let ceph = release.recommendedCeph ?? "squid"
        let host = hostOS(for: release)
        // Object storage through Ceph RGW where kolla-ansible no longer deploys Swift.
        let package = Resolver(catalog: catalog).resolve(Blueprint(release: release.name, profile: profile.name)).services
        let rgw = package.contains("ceph-rgw")
        // Ironic's bare-metal nodes PXE-boot on a provisioning network the controllers have a leg in (SVC017).
        let ironic = package.contains("ironic")
        let controllerInterfaces = ironic ? "{management: eth0, external: eth1, provisioning: eth2}" : "{management: eth0, external: eth1}"
        let provisioning = ironic ? "\n  # Ironic's provisioning network: bare-metal nodes PXE-boot, are inspected and cleaned on it.\n  provisioning: {cidr: 10.30.0.0/24, interface: eth2}" : ""
        return """
        # bojagi.yaml — what to package, for which release, on which hosts.
        # `bojagi plan` explains the package; `bojagi profiles` and `bojagi catalog` list the choices.
        schema: \(Blueprint.currentSchema)
        name: my-cloud

        # Release by number or code name, any case: \(release.id ?? release.name), \(release.title).
        release: \(release.id ?? release.name)

        # \(profile.title): \(profile.required.joined(separator: ", ")).
        profile: \(profile.name)

        # Capabilities beyond the profile's required ones. Optional for this profile:
        \(optional.isEmpty ? "#   (none)" : optional.joined(separator: "\n"))
        capabilities:
          add: []
          remove: []

        # Services by name, beyond what the capabilities bring (`bojagi catalog --release \(release.name)`).
        services:
          add: []
          remove: []

        # Selection rules (the seed's defaults): maturity >= 6 and adoption >= 85 % mark the core;
        # more than 9 projects gives an advisory finding; members below maturity get `below_policy` findings.
        policy:
          min_maturity: 6
          core_adoption: 85
          max_projects: 9
          below_policy: advice

        deployment:
          engine: kolla-ansible
          base_distro: \(host.distro)\(String(repeating: " ", count: max(1, 16 - host.distro.count)))# rocky, ubuntu or debian
          container_engine: docker    # docker or podman
          \(host.line)

        # Hosts and their roles: control, network, compute, storage, monitoring.
        # A range such as cmp[01:02] stands for identical hosts; addresses count up from the one given.
        hosts:
          - name: ctl[01:03]
            address: 10.0.0.11
            roles: [control, network, monitoring]
            cores: 16
            memory_gib: 128
            interfaces: \(controllerInterfaces)
          - name: cmp[01:02]
            address: 10.0.0.21
            roles: [compute]
            cores: 32
            memory_gib: 256
            interfaces: {management: eth0}
          - name: stor[01:03]
            address: 10.0.0.31
            roles: [storage]
            cores: 16
            memory_gib: 64
            interfaces: {management: eth0}
            disks:
              - {size_gb: 3840, type: ssd, count: 4}

        networks:
          management: {cidr: 10.0.0.0/24, interface: eth0}
          vip: {internal: 10.0.0.10, virtual_router_id: 101}   # unique on the L2 segment (kolla-ansible defaults to 51)
          external: {interface: eth1, vlan_ranges: ["100:199"]}\(provisioning)
          # With a public VIP (vip.external), the network it lies in and the load balancers' interface on it:
          # external_api: {cidr: 203.0.113.0/24, interface: eth2}
          # Tenant tiers as provider networks, e.g. the seed's WEB/WAS separation:
          provider: []

        storage:
          ceph:
            release: \(ceph)
            failure_domain: host
            rgw: \(rgw)                   # serve the Swift/S3 API from Ceph RGW
            tiers:
              - {name: ssd, device_class: ssd, replication: 3}

        ha:
          enabled: true       # keepalived + HAProxy + Galera + RabbitMQ on 3 controllers

        tls:
          external: false
          internal: false

        monitoring:
          prometheus: true
          grafana: true
          central_logging: false

        """
    }

    /// The host OS line: the release's first supported Rocky (kolla-ansible's own default base), else its first
    /// supported OS, so `validate` can check it (REL001); a comment where the catalog has no list for the release.
    static func hostOS(for release: Release) -> (distro: String, line: String) {
        guard let supported = release.hostOS, let os = supported.first(where: { $0.hasPrefix("rocky-") }) ?? supported.first else {
            return ("rocky", "# host_os: the catalog has no host OS list for \(release.label); set the hosts' OS, e.g. rocky-9")
        }
        let distro = HostOSRule.distro(of: os)
        let others = supported.filter { $0 != os }
        return (["rocky", "ubuntu", "debian"].contains(distro) ? distro : "rocky",
                "host_os: \(os)" + (others.isEmpty ? "" : "   # also supported: \(others.joined(separator: ", "))"))
    }
}
