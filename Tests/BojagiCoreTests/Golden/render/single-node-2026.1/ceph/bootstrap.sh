#!/usr/bin/env bash
# Ceph bootstrap — rendered by Bojagi from bojagi.yaml (trial) for 2026.1 Gazpacho.
# Do not edit: change bojagi.yaml and run `bojagi render` again.
# Run as root on aio1 from the deployment directory: bash ceph/bootstrap.sh
# Needs cephadm (squid) on this host and root SSH from here to every host in cluster-spec.yaml.
set -euo pipefail
umask 077

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keys="$here/keys.yml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

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

# Imports a client with its key from keys.yml and its caps: import_client NAME DAEMON CAPS [DAEMON CAPS]...
import_client() {
  local name="$1" key keyring="$work/$1.keyring"
  key="$(value "$name")"
  shift
  {
    printf '[%s]\n\tkey = %s\n' "$name" "$key"
    while (($# > 0)); do
      printf '\tcaps %s = "%s"\n' "$1" "$2"
      shift 2
    done
  } >"$keyring"
  ceph auth import -i "$keyring"
  rm -f "$keyring"
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
ceph osd set-nearfull-ratio 0.85

# 3. CRUSH rules per tier: replicas or chunks on distinct osds of the tier's device class.
ceph osd crush class create ssd 2>/dev/null || true
ceph osd crush rule create-replicated ssd default osd ssd

# 4. Pools (kolla-ansible's names), each on its tier.

# images: glance, tier ssd
ceph osd pool create images
ceph osd pool set images crush_rule ssd
ceph osd pool set images size 3
ceph osd pool set images min_size 2
ceph osd pool application enable images rbd
rbd pool init images

# vms: nova, tier ssd
ceph osd pool create vms
ceph osd pool set vms crush_rule ssd
ceph osd pool set vms size 3
ceph osd pool set vms min_size 2
ceph osd pool application enable vms rbd
rbd pool init vms

# volumes: cinder, tier ssd
ceph osd pool create volumes
ceph osd pool set volumes crush_rule ssd
ceph osd pool set volumes size 3
ceph osd pool set volumes min_size 2
ceph osd pool application enable volumes rbd
rbd pool init volumes

# backups: cinder-backup, tier ssd
ceph osd pool create backups
ceph osd pool set backups crush_rule ssd
ceph osd pool set backups size 3
ceph osd pool set backups min_size 2
ceph osd pool application enable backups rbd
rbd pool init backups

# 5. OpenStack's clients, keys from keys.yml (kolla's keyrings under config/ carry the same keys).
import_client client.glance mon 'profile rbd' osd 'profile rbd pool=images' mgr 'profile rbd pool=images'
import_client client.cinder mon 'profile rbd' osd 'profile rbd pool=volumes, profile rbd pool=vms, profile rbd-read-only pool=images' mgr 'profile rbd pool=volumes, profile rbd pool=vms'
import_client client.cinder-backup mon 'profile rbd' osd 'profile rbd pool=backups' mgr 'profile rbd pool=backups'

# 6. The cluster answers.
ceph -s
