#!/usr/bin/env bash
# Ceph bootstrap — rendered by Bojagi from bojagi.yaml (map-platform) for 2026.1 Gazpacho.
# Do not edit: change bojagi.yaml and run `bojagi render` again.
# Run as root on ctl01 from the deployment directory: bash ceph/bootstrap.sh
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
  cephadm bootstrap --mon-ip 10.10.0.11 --fsid "$fsid" --skip-monitoring-stack --cluster-network 10.20.0.0/24
fi
command -v ceph >/dev/null || { cephadm add-repo --release squid; cephadm install ceph-common; }
ceph config set global public_network 10.10.0.0/24
ceph config set global cluster_network 10.20.0.0/24
ceph mgr module enable prometheus

# 2. Hosts, monitors, managers, OSDs and RGW from cluster-spec.yaml.
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.12
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.13
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.51
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.52
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.53
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.54
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.55
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.56
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.57
ssh-copy-id -f -i /etc/ceph/ceph.pub root@10.10.0.58
ceph orch apply -i "$here/cluster-spec.yaml"
# Wait (up to an hour) for the 96 OSDs the blueprint describes, so pools land on their tiers.
for _ in $(seq 360); do
  [[ "$(ceph osd ls | wc -l)" -ge 96 ]] && break
  sleep 10
done
[[ "$(ceph osd ls | wc -l)" -ge 96 ]] || echo "bootstrap.sh: only $(ceph osd ls | wc -l) of 96 OSDs exist; creating the pools anyway" >&2

# 3.–5. CRUSH rules, pools and OpenStack's clients: pools.sh beside this file (it also runs alone).
bash "$here/pools.sh"

# 5b. RGW accepts Keystone tokens for the Swift endpoints kolla-ansible registers (user ceph_rgw).
rgw_password="$(value ceph_rgw_keystone_password "$here/../passwords.yml")"
ceph config set client.rgw rgw_keystone_url http://10.10.0.10:5000
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
