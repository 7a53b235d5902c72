#!/usr/bin/env bash
# Ceph bootstrap — rendered by Bojagi from bojagi.yaml (trial) for 2026.1 Gazpacho.
# Do not edit: change bojagi.yaml and run `bojagi render` again.
# Run as root on aio1 from the deployment directory: bash ceph/bootstrap.sh
# Needs cephadm (squid) on this host and root SSH from here to every host in cluster-spec.yaml.
set -euo pipefail
umask 077

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keys="$here/keys.yml"

# One value from keys.yml, or another file Bojagi wrote the same way (`name: 'value'`): value NAME [FILE]
value() {
  local found file="${2:-$keys}"
  found="$(awk -v name="$1:" '$1 == name { v = $2; gsub("\047", "", v); print v }' "$file")"
  if [[ -z "$found" ]]; then
    echo "bootstrap.sh: '$1' is missing from $file; run bojagi render" >&2
    return 1
  fi
  printf '%s\n' "$found"
}

fsid="$(value fsid)"
command -v cephadm >/dev/null || { echo "bootstrap.sh: install cephadm (squid) first" >&2; exit 1; }

# 1. The first monitor and manager. cephadm's own monitoring stack is skipped: kolla-ansible runs Prometheus
#    and its node exporter on these hosts.
if [[ ! -d "/var/lib/ceph/$fsid" ]]; then
  cephadm bootstrap --mon-ip 192.168.50.11 --fsid "$fsid" --skip-monitoring-stack --single-host-defaults
fi
command -v ceph >/dev/null || { cephadm add-repo --release squid; cephadm install ceph-common; }
ceph config set global public_network 192.168.50.0/24
ceph mgr module enable prometheus

# 2. Hosts, monitors, managers, OSDs from cluster-spec.yaml.
ceph orch apply -i "$here/cluster-spec.yaml"
# Wait (up to an hour) for the 3 OSDs the blueprint describes, so pools land on their tiers.
for _ in $(seq 360); do
  [[ "$(ceph osd ls | wc -l)" -ge 3 ]] && break
  sleep 10
done
[[ "$(ceph osd ls | wc -l)" -ge 3 ]] || echo "bootstrap.sh: only $(ceph osd ls | wc -l) of 3 OSDs exist; creating the pools anyway" >&2

# 3.–5. CRUSH rules, pools and OpenStack's clients: pools.sh beside this file (it also runs alone).
bash "$here/pools.sh"

# 6. The cluster answers.
ceph -s
