#!/usr/bin/env python3
"""Build the work copy that lets the real `kolla-ansible genconfig` run without containers or SSH.

    prepare.py DEPLOY_DIR WORK_DIR OUT_DIR

Run with the kolla-ansible venv's Python (it imports PyYAML and ansible-core). It never writes to
DEPLOY_DIR. It writes into WORK_DIR:

  inventory            a verbatim copy of DEPLOY_DIR/inventory (file or directory)
  overlay.yml          a second inventory source giving every host ansible_connection=local,
                       ansible_become=false and node_config_directory=OUT_DIR/<host>; Ansible merges
                       it over the first, so every other host var, group and group var is kept
  globals.yml          DEPLOY_DIR/globals.yml, minus keys that must stay per host (see STRIPPED)
  passwords.yml        a copy of DEPLOY_DIR/passwords.yml (and globals.d/, if present, as is)
  facts/s1_<host>      an ansible-core jsonfile fact cache entry per host, so kolla's
                       gather-facts.yml skips `setup` (it only gathers when ansible_facts is empty)

and prints one line per host: "<host> <interface>=<address> ...".

With BOJAGI_PLAN_JSON set (the output of `bojagi plan --format json`), a host of the plan gets only the
interfaces it has: its management interface and those its blueprint entry names (`interfaces:`) — not every
interface any *_interface variable mentions. A variable that names an interface a host does not have then
fails in kolla's own templates, as it would on the real host.
"""

import ipaddress
import json
import os
import shutil
import subprocess
import sys

import yaml

# globals.yml is passed to ansible-playbook as extra vars (-e @globals.yml), which beat inventory host
# vars. These keys must differ per host in the work copy, so they are dropped from the work globals.
STRIPPED = ("node_config_directory", "ansible_connection", "ansible_become")

# Values of *_interface variables that are endpoint types, not network interfaces
# (e.g. openstack_interface: internal).
ENDPOINT_TYPES = {"internal", "public", "admin", "internalURL", "publicURL", "adminURL"}

# kolla-ansible defaults (group_vars/all/common.yml, neutron.yml) for the two interfaces that are
# not derived from others.
DEFAULT_INTERFACES = {"network_interface": "eth0", "neutron_external_interface": "eth1"}

# Host OS facts matching kolla_base_distro (the host OSes kolla-ansible 2026.2 supports).
DISTROS = {
    "rocky": dict(distribution="Rocky", os_family="RedHat", distribution_version="10.0",
                  distribution_major_version="10", distribution_release="Red Quartz"),
    "debian": dict(distribution="Debian", os_family="Debian", distribution_version="13",
                   distribution_major_version="13", distribution_release="trixie"),
    "ubuntu": dict(distribution="Ubuntu", os_family="Debian", distribution_version="24.04",
                   distribution_major_version="24", distribution_release="noble"),
}

MEMTOTAL_MB = 32768
VCPUS = 8


def literal(value):
    """A variable's value if it is a plain string (not a Jinja template), else None."""
    if isinstance(value, str) and "{{" not in value and "{%" not in value:
        return value.strip()
    return None


def as_ip(value):
    try:
        return str(ipaddress.ip_address(str(value)))
    except ValueError:
        return None


def load_inventory(venv_bin, inventory):
    out = subprocess.run([os.path.join(venv_bin, "ansible-inventory"), "-i", inventory, "--list"],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    hostvars = data.get("_meta", {}).get("hostvars", {})
    hosts = set(hostvars)
    for group, body in data.items():
        if group != "_meta" and isinstance(body, dict):
            hosts.update(body.get("hosts", []))
    return sorted(hosts), hostvars


def interface_vars(*sources):
    """Merge the *_interface variables of several var dicts (later wins) into {var: [iface, ...]}."""
    merged = dict(DEFAULT_INTERFACES)
    for src in sources:
        for key, value in src.items():
            if key.endswith("_interface") and literal(value) is not None:
                merged[key] = literal(value)
    result = {}
    for key, value in merged.items():
        if value in ENDPOINT_TYPES or not value:
            continue
        # neutron_external_interface may list several interfaces: "eth1,eth2"
        result[key] = [v.strip() for v in value.split(",") if v.strip()]
    return result


def iface_fact(name, address):
    net = ipaddress.ip_network(f"{address}/24", strict=False)
    return {
        "device": name, "active": True, "type": "ether", "mtu": 1500,
        "macaddress": "52:54:00:%02x:%02x:%02x" % tuple(ipaddress.ip_address(address).packed[1:]),
        "ipv4": {"address": address, "netmask": str(net.netmask), "network": str(net.network_address),
                 "broadcast": str(net.broadcast_address), "prefix": "24"},
        "ipv4_secondaries": [], "ipv6": [],
    }


def planned_interfaces(path):
    """{host: set of interface names} from `bojagi plan --format json`, or None without a plan."""
    if not path:
        return None
    with open(path) as f:
        plan = json.load(f)
    return {h["name"]: set(h.get("interfaces", {}).values()) for h in plan.get("hosts", [])}


def host_facts(host, index, hvars, globals_, all_iface_names, own=None):
    distro = literal(hvars.get("kolla_base_distro")) or literal(globals_.get("kolla_base_distro")) or "rocky"
    ivars = interface_vars(globals_, hvars)
    network = ivars["network_interface"][0]
    api = ivars.get("api_interface", [network])[0]

    mgmt = as_ip(hvars.get("ansible_host")) or f"10.99.250.{10 + index}"
    addresses = {network: mgmt, api: mgmt}
    last_octets = mgmt.split(".")[2:] if "." in mgmt else ["0", str(10 + index)]
    for key in sorted(ivars):
        override_names = (key[: -len("_interface")] + "_address", key + "_address")
        override = next((as_ip(hvars[n]) for n in override_names if as_ip(hvars.get(n))), None)
        for iface in ivars[key]:
            if override and iface not in (network, api):
                addresses[iface] = override
    for iface in sorted(set(n for names in ivars.values() for n in names) | (own or set())):
        if own is not None and iface not in own and iface not in (network, api):
            continue  # the blueprint gives this host no such interface
        if iface not in addresses:
            # A distinct /24 per interface name, same for every host: 10.<100+k>.<c>.<d>
            k = all_iface_names.index(iface)
            addresses[iface] = "10.%d.%s.%s" % (100 + k, *last_octets)

    short = host.split(".")[0]
    facts = {
        "ansible_hostname": short, "ansible_nodename": host, "ansible_fqdn": host,
        "ansible_domain": host.partition(".")[2],
        "ansible_system": "Linux", "ansible_kernel": "6.12.0", "ansible_architecture": "x86_64",
        "ansible_machine": "x86_64", "ansible_service_mgr": "systemd",
        "ansible_memtotal_mb": MEMTOTAL_MB, "ansible_memfree_mb": MEMTOTAL_MB // 2,
        "ansible_processor_count": 1, "ansible_processor_cores": VCPUS,
        "ansible_processor_threads_per_core": 1, "ansible_processor_vcpus": VCPUS,
        "ansible_user_id": "root", "ansible_user_uid": 0, "ansible_user_gid": 0,
        "ansible_python": {"executable": sys.executable,
                           "version": {"major": sys.version_info[0], "minor": sys.version_info[1]}},
        "ansible_interfaces": ["lo"] + sorted(addresses),
        "ansible_lo": {"device": "lo", "active": True, "type": "loopback",
                       "ipv4": {"address": "127.0.0.1", "netmask": "255.0.0.0",
                                "network": "127.0.0.0", "prefix": "8"}},
        "ansible_default_ipv4": dict(iface_fact(network, mgmt)["ipv4"], interface=network),
        "ansible_all_ipv4_addresses": sorted(set(addresses.values())),
        "module_setup": True,
    }
    facts.update({"ansible_" + k: v for k, v in DISTROS.get(distro, DISTROS["rocky"]).items()})
    for iface, address in addresses.items():
        facts["ansible_" + iface.replace("-", "_")] = iface_fact(iface, address)
    return facts, addresses


def cache_entry(host, facts):
    """File name and content of an ansible-core jsonfile fact cache entry: up to 2.18 the file is the host's name and
    holds the facts as JSON (ansible/plugins/cache/jsonfile.py of 2.18.19); 2.19+ wraps the payload."""
    from ansible.release import __version__
    if tuple(int(x) for x in __version__.split(".")[:2]) < (2, 19):
        return host, facts
    try:
        from ansible._internal._plugins._cache import PluginInterposer
        return PluginInterposer._get_key(host), PluginInterposer._encode(PluginInterposer, facts)
    except (ImportError, AttributeError):  # the format measured with ansible-core 2.21
        return "s1_" + host, {"__payload__": json.dumps(facts)}


def main():
    deploy, work, out = (os.path.abspath(a) for a in sys.argv[1:4])
    venv_bin = os.path.dirname(sys.executable)

    src_inv = os.path.join(deploy, "inventory")
    dst_inv = os.path.join(work, "inventory")
    if os.path.isdir(src_inv):
        shutil.copytree(src_inv, dst_inv)
    else:
        shutil.copyfile(src_inv, dst_inv)
    shutil.copyfile(os.path.join(deploy, "passwords.yml"), os.path.join(work, "passwords.yml"))
    if os.path.isdir(os.path.join(deploy, "certificates")):
        # kolla_certificates_dir is CONFIG_DIR/certificates (haproxy.pem for external TLS, CA bundles).
        shutil.copytree(os.path.join(deploy, "certificates"), os.path.join(work, "certificates"))
    if os.path.isdir(os.path.join(deploy, "globals.d")):
        # kolla-ansible also passes CONFIG_DIR/globals.d/*.yml as extra vars, after globals.yml
        shutil.copytree(os.path.join(deploy, "globals.d"), os.path.join(work, "globals.d"))

    with open(os.path.join(deploy, "globals.yml")) as f:
        globals_ = yaml.safe_load(f) or {}
    if not isinstance(globals_, dict):
        sys.exit("globals.yml is not a YAML mapping")
    work_globals = {k: v for k, v in globals_.items() if k not in STRIPPED}
    for k in sorted(set(globals_) - set(work_globals)):
        print(f"note: dropped '{k}' from the work copy of globals.yml (it must be per host here)",
              file=sys.stderr)
    with open(os.path.join(deploy, "globals.yml")) as f:
        text = f.read()
    if len(work_globals) == len(globals_):
        # Keep the file byte for byte when nothing had to go.
        with open(os.path.join(work, "globals.yml"), "w") as f:
            f.write(text)
    else:
        with open(os.path.join(work, "globals.yml"), "w") as f:
            yaml.safe_dump(work_globals, f, default_flow_style=False, sort_keys=False)

    hosts, hostvars = load_inventory(venv_bin, dst_inv)
    if not hosts:
        sys.exit("the inventory has no hosts")

    planned = planned_interfaces(os.environ.get("BOJAGI_PLAN_JSON"))
    all_iface_names = sorted(set(
        n for h in hosts for names in interface_vars(globals_, hostvars.get(h, {})).values() for n in names)
        | set(n for names in (planned or {}).values() for n in names))
    facts_dir = os.path.join(work, "facts")
    os.makedirs(facts_dir)
    overlay = {}
    # Interpreter discovery on a host (and on localhost, where tasks delegated to the deployment host run, e.g.
    # fluentd's custom config lookup) falls back to a generic list and can land on a pyenv shim of a Python
    # that is not installed (ansible-core 2.18 under Mitogen did). Every host gets the one a Debian host
    # discovers.
    system_python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    for i, host in enumerate(hosts):
        hvars = hostvars.get(host, {})
        own = planned.get(host) if planned is not None else None
        facts, addresses = host_facts(host, i, hvars, globals_, all_iface_names, own)
        name, content = cache_entry(host, facts)
        with open(os.path.join(facts_dir, name), "w") as f:
            json.dump(content, f)
        overlay[host] = {"ansible_connection": "local", "ansible_become": False,
                         "ansible_python_interpreter": system_python,
                         "node_config_directory": os.path.join(out, host)}
        print(host, " ".join(f"{k}={v}" for k, v in sorted(addresses.items())))
    overlay.setdefault("localhost", {"ansible_connection": "local"})["ansible_python_interpreter"] = system_python
    with open(os.path.join(work, "overlay.yml"), "w") as f:
        yaml.safe_dump({"all": {"hosts": overlay}}, f, default_flow_style=False)


if __name__ == "__main__":
    main()
