#!/usr/bin/env python3
"""Writes Sources/BojagiCore/Resources/kolla/containers.yaml: every container kolla-ansible's roles run, the
inventory groups that place it, and when it runs, read from the roles' `*_services` in defaults/main.yml.

Usage: scripts/kolla/containers-table.py KOLLA_ANSIBLE_SHARE_DIR > Sources/BojagiCore/Resources/kolla/containers.yaml
(KOLLA_ANSIBLE_SHARE_DIR: the venv's share/kolla-ansible, from scripts/kolla/install-venv.sh).

`enabled:` and `group:` are Jinja; the few that are not literal are translated below, each beside kolla's own
expression, and the script stops on any it does not know, so a new kolla-ansible is read, not guessed.
`when` lists package members that must all be in the package; `off` marks what kolla leaves off by default and
Bojagi never turns on; `neutron-ovs` / `neutron-ovn` follow neutron_plugin_agent.
"""
import glob
import re
import sys

import yaml

# Role → the Bojagi package member that turns it on (catalog name); `common` runs on every host.
ROLE_MEMBER = {
    # fluentd: enable_fluentd defaults to true and render never turns it off, so it runs on every host.
    "cron": "common", "kolla_toolbox": "common", "fluentd": "common", "nova-cell": "nova",
    "prometheus-node-exporters": "prometheus", "ovn-controller": "ovn", "ovn-db": "ovn", "iscsi": None,
    "loadbalancer": None, "ovs-dpdk": None, "letsencrypt": None, "collectd": None,
}
# Containers of the loadbalancer role belong to separate members.
CONTAINER_MEMBER = {"haproxy": "haproxy", "keepalived": "keepalived", "proxysql": "proxysql"}

# kolla's `enabled:` expressions → `when` tokens (beyond the role's member).
ENABLED = {
    "{{ enable_ceilometer_ipmi }}": ["off"],                                   # enable_ceilometer_ipmi: false
    "{{ enable_cinder_backup | bool }}": [],                                   # enable_cinder_backup: true
    "{{ designate_backend == 'bind9' }}": [],                                  # designate_backend: bind9
    "{{ designate_enable_notifications_sink | bool }}": ["off"],
    "{{ enable_fluentd | bool }}": [],
    "{{ enable_gnocchi_statsd | bool }}": ["off"],
    "{{ enable_ironic_dnsmasq }}": [],                                         # true when ironic is on
    "{{ enable_ironic_pxe_filter }}": ["off"],
    "{{ enable_ironic_prometheus_exporter }}": ["prometheus"],                 # enable_ironic and enable_prometheus
    "{{ enable_iscsid_for_cinder or enable_iscsid_for_ironic }}": ["off"],     # iSCSI backends only
    "{{ enable_tgtd }}": ["off"],
    "{{ enable_keystone_federation | bool }}": ["off"],                        # needs identity providers
    "{{ enable_proxysql | bool }}": [],
    "{{ enable_keepalived | bool }}": [],
    "{{ enable_letsencrypt | bool }}": ["off"],
    "{{ enable_masakari_instancemonitor | bool }}": [],
    "{{ enable_masakari_hostmonitor | bool }}": [],
    "{{ neutron_plugin_agent == 'ovn' }}": ["neutron-ovn"],
    "{{ neutron_plugin_agent == 'openvswitch' }}": ["neutron-ovs"],
    "{{ neutron_plugin_agent != 'ovn' }}": ["neutron-ovs"],
    "{{ enable_neutron_sriov | bool }}": ["off"],
    "{{ enable_neutron_mlnx | bool }}": ["off"],
    "{{ enable_neutron_bgp_dragent | bool }}": ["off"],
    "{{ enable_neutron_metering | bool }}": ["off"],
    "{{ enable_ironic_neutron_agent | bool }}": ["ironic"],
    "{{ neutron_enable_ovn_agent | bool }}": ["off"],
    "{{ enable_neutron_vpnaas | bool and neutron_plugin_agent == 'ovn' }}": ["off"],
    "{{ enable_nova_libvirt_container }}": [],                                 # nova_compute_virt_type kvm
    "{{ enable_nova_ssh | bool }}": [],
    "{{ nova_console == 'novnc' }}": [],
    "{{ nova_console == 'spice' and (nova_spice_html5 | bool) }}": ["off"],
    "{{ enable_nova_serialconsole_proxy | bool }}": ["off"],
    "{{ not enable_nova_fake | bool }}": [],
    "{{ enable_ironic | bool and nova_cell_name == nova_cell_ironic_cell_name }}": ["ironic"],
    "{{ enable_cells }}": ["off"],
    "{{ enable_octavia_driver_agent }}": ["neutron-ovn"],                      # enable_octavia and ovn
    "{{ enable_opensearch_dashboards }}": [],
    "{{ enable_openvswitch }}": [],
    "{{ enable_ovn_sb_db_relay | bool }}": [],                                 # = enable_ovn
    "{{ neutron_plugin_agent in ['openvswitch'] }}": ["off"],                  # ovs-dpdk role, off by default
    "{{ enable_prometheus_node_exporter | bool }}": [],
    "{{ enable_prometheus_cadvisor | bool }}": [],
    "{{ enable_prometheus_server | bool }}": [],
    "{{ enable_prometheus_mysqld_exporter | bool }}": ["mariadb"],
    "{{ enable_prometheus_memcached_exporter | bool }}": ["memcached"],
    "{{ enable_prometheus_alertmanager | bool }}": [],
    "{{ enable_prometheus_openstack_exporter | bool }}": [],
    "{{ enable_prometheus_elasticsearch_exporter | bool }}": ["opensearch"],
    "{{ enable_prometheus_blackbox_exporter | bool }}": [],
    "{{ enable_prometheus_libvirt_exporter | bool }}": ["nova"],
    "{{ enable_prometheus_openstack_network_exporter | bool }}": [],
    "{{ enable_prometheus_valkey_exporter | bool }}": ["valkey"],
}
# Jinja `group:` values → the group in kolla's default settings.
GROUP = {
    "{{ nova_cell_compute_group }}": "compute", "{{ nova_cell_novncproxy_group }}": "nova-novncproxy",
    "{{ nova_cell_spicehtml5proxy_group }}": "nova-spicehtml5proxy",
    "{{ nova_cell_serialproxy_group }}": "nova-serialproxy", "{{ nova_cell_conductor_group }}": "nova-conductor",
    "{{ nova_cell_compute_ironic_group }}": "nova-compute-ironic", "{{ mariadb_shard_group }}": "mariadb",
    "{{ role_rabbitmq_groups }}": "rabbitmq",
}


def groups_of(name, spec):
    group = spec.get("group")
    if group is None:
        expression = spec.get("host_in_groups", "")
        # The first clause is the default path (no DVR, no generic Manila backend, no fake driver).
        first = re.split(r"\bor\b|\band\b", expression.replace("\n", " "))
        found = [re.findall(r"groups\['([^']+)'\]", part) for part in first]
        names = [g for part in found for g in part]
        if " ".join(expression.split()).startswith("{{ (inventory_hostname in groups['compute']"):
            # neutron-openvswitch-agent: compute, the DHCP, L3 and metadata agents' hosts.
            return ["compute", "neutron-dhcp-agent", "neutron-l3-agent", "neutron-metadata-agent"]
        if not names:
            sys.exit(f"{name}: no group and no host_in_groups")
        return names[:1]
    group = " ".join(str(group).split())
    if group.startswith("{{ 'cinder-"):
        return ["choice:cinder"]
    if "{{" in group:
        if group not in GROUP:
            sys.exit(f"{name}: unknown group expression {group}")
        return [GROUP[group]]
    return [group]


def main():
    share = sys.argv[1]
    rows = []
    for path in sorted(glob.glob(f"{share}/ansible/roles/*/defaults/main.yml")):
        role = path.split("/")[-3]
        data = yaml.safe_load(open(path)) or {}
        for key, value in data.items():
            if not key.endswith("_services") or not isinstance(value, dict):
                continue
            for name, spec in value.items():
                if not isinstance(spec, dict) or "container_name" not in spec:
                    continue
                member = CONTAINER_MEMBER.get(name, ROLE_MEMBER.get(role, role))
                enabled = " ".join(str(spec.get("enabled", True)).split())
                if enabled == "True":
                    when = []
                elif enabled in ENABLED:
                    when = ENABLED[enabled]
                else:
                    sys.exit(f"{role}/{name}: unknown enabled expression {enabled}")
                if member is None:
                    when = ["off"]
                    member = role
                rows.append((name, member, groups_of(name, spec), when, role))
    print("# Every container kolla-ansible's roles run: the inventory groups that place it and when it runs.")
    print("# Written by scripts/kolla/containers-table.py from kolla-ansible 23.0.0 (PyPI, the 2026.2 line)")
    print("# ansible/roles/*/defaults/main.yml `*_services` (group / host_in_groups, enabled); do not edit by hand.")
    print("# member: the package member that turns it on (common: every host); when: more members it needs, or")
    print("# off (kolla's default is off and Bojagi never turns it on), neutron-ovs / neutron-ovn (neutron_plugin_agent);")
    print("# groups: choice:cinder is kolla's cinder-volume / -lvm / -multiple choice, made by CinderBackend.")
    print("schema: 1")
    print("containers:")
    for name, member, groups, when, role in rows:
        print(f"  - {{name: {name}, member: {member}, groups: [{', '.join(groups)}], when: [{', '.join(when)}], role: {role}}}")


main()
