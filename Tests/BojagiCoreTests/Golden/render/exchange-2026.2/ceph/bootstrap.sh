#!/usr/bin/env bash
# Ceph bootstrap — rendered by Bojagi from bojagi.yaml (exchange) for 2026.2 Hibiscus.
# Do not edit: change bojagi.yaml and run `bojagi render` again.
# Run as root on ctl01 from the deployment directory: bash ceph/bootstrap.sh
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
  cephadm bootstrap --mon-ip 10.30.0.11 --fsid "$fsid" --skip-monitoring-stack --cluster-network 10.31.0.0/24
fi
command -v ceph >/dev/null || { cephadm add-repo --release squid; cephadm install ceph-common; }
ceph config set global public_network 10.30.0.0/24
ceph config set global cluster_network 10.31.0.0/24
ceph mgr module enable prometheus

# 2. Hosts, monitors, managers, OSDs and RGW from cluster-spec.yaml.
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.12
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.13
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.41
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.42
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.43
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.44
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.45
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.30.0.46
ceph orch apply -i "$here/cluster-spec.yaml"
# Wait (up to an hour) for the 72 OSDs the blueprint describes, so pools land on their tiers.
for _ in $(seq 360); do
  [[ "$(ceph osd ls | wc -l)" -ge 72 ]] && break
  sleep 10
done
[[ "$(ceph osd ls | wc -l)" -ge 72 ]] || echo "bootstrap.sh: only $(ceph osd ls | wc -l) of 72 OSDs exist; creating the pools anyway" >&2
ceph osd set-nearfull-ratio 0.85

# 3. CRUSH rules per tier: replicas or chunks on distinct hosts of the tier's device class.
ceph osd crush class create hdd 2>/dev/null || true
ceph osd crush class create ssd 2>/dev/null || true
ceph osd crush rule create-replicated ssd default host ssd
ceph osd crush rule create-replicated hdd default host hdd

# 4. Pools (kolla-ansible's names), each on its tier.

# images: glance, tier hdd
ceph osd pool create images
ceph osd pool set images crush_rule hdd
ceph osd pool set images size 3
ceph osd pool set images min_size 2
ceph osd pool set images target_size_ratio 0.1
ceph osd pool application enable images rbd
rbd pool init images

# vms: nova, tier ssd
ceph osd pool create vms
ceph osd pool set vms crush_rule ssd
ceph osd pool set vms size 3
ceph osd pool set vms min_size 2
ceph osd pool set vms target_size_ratio 0.5
ceph osd pool application enable vms rbd
rbd pool init vms

# volumes-hdd: cinder, tier hdd
ceph osd pool create volumes-hdd
ceph osd pool set volumes-hdd crush_rule hdd
ceph osd pool set volumes-hdd size 3
ceph osd pool set volumes-hdd min_size 2
ceph osd pool set volumes-hdd target_size_ratio 0.6
ceph osd pool application enable volumes-hdd rbd
rbd pool init volumes-hdd

# volumes-ssd: cinder, tier ssd
ceph osd pool create volumes-ssd
ceph osd pool set volumes-ssd crush_rule ssd
ceph osd pool set volumes-ssd size 3
ceph osd pool set volumes-ssd min_size 2
ceph osd pool set volumes-ssd target_size_ratio 0.5
ceph osd pool application enable volumes-ssd rbd
rbd pool init volumes-ssd

# backups: cinder-backup, tier hdd
ceph osd pool create backups
ceph osd pool set backups crush_rule hdd
ceph osd pool set backups size 3
ceph osd pool set backups min_size 2
ceph osd pool set backups target_size_ratio 0.3
ceph osd pool application enable backups rbd
rbd pool init backups

# default.rgw.buckets.data: rgw, tier hdd
ceph osd pool create default.rgw.buckets.data
ceph osd pool set default.rgw.buckets.data crush_rule hdd
ceph osd pool set default.rgw.buckets.data size 3
ceph osd pool set default.rgw.buckets.data min_size 2
ceph osd pool application enable default.rgw.buckets.data rgw

# 5. OpenStack's clients, keys from keys.yml (kolla's keyrings under config/ carry the same keys).
import_client client.glance mon 'profile rbd' osd 'profile rbd pool=images' mgr 'profile rbd pool=images'
import_client client.cinder mon 'profile rbd' osd 'profile rbd pool=volumes-hdd, profile rbd pool=volumes-ssd, profile rbd pool=vms, profile rbd-read-only pool=images' mgr 'profile rbd pool=volumes-hdd, profile rbd pool=volumes-ssd, profile rbd pool=vms'
import_client client.cinder-backup mon 'profile rbd' osd 'profile rbd pool=backups' mgr 'profile rbd pool=backups'

# 5b. RGW accepts Keystone tokens for the Swift endpoints kolla-ansible registers (user ceph_rgw).
rgw_password="$(value ceph_rgw_keystone_password "$here/../passwords.yml")"
ceph config set client.rgw rgw_keystone_url https://10.30.0.10:5000
ceph config set client.rgw rgw_keystone_api_version 3
ceph config set client.rgw rgw_keystone_admin_user ceph_rgw
ceph config set client.rgw rgw_keystone_admin_project service
ceph config set client.rgw rgw_keystone_admin_domain default
ceph config set client.rgw rgw_keystone_accepted_roles member,admin
ceph config set client.rgw rgw_keystone_accepted_admin_roles admin
ceph config set client.rgw rgw_s3_auth_use_keystone true
ceph config set client.rgw rgw_keystone_admin_password "$rgw_password"
ceph orch restart rgw.default

# 6. The cluster answers.
ceph -s
