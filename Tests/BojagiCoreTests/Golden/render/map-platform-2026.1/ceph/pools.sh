#!/usr/bin/env bash
# Ceph pools, CRUSH rules and OpenStack's clients — rendered by Bojagi from bojagi.yaml (map-platform) for 2026.1 Gazpacho.
# Do not edit: change bojagi.yaml and run `bojagi render` again.
# Sections 3 to 5 of ceph/bootstrap.sh, which runs this file once the OSDs exist. It runs alone against any
# cluster the `ceph` and `rbd` commands reach (CEPH_CONF, CEPH_ARGS): `bojagi lab up` runs it on the lab's.
# Safe to run again.
set -euo pipefail
umask 077

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keys="$here/keys.yml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One value from keys.yml: value NAME
value() {
  local found
  found="$(awk -v name="$1:" '$1 == name { v = $2; gsub("\047", "", v); print v }' "$keys")"
  if [[ -z "$found" ]]; then
    echo "pools.sh: '$1' is missing from $keys; run bojagi render" >&2
    return 1
  fi
  printf '%s\n' "$found"
}

# Runs the `ceph ...` command lines on its standard input (blank and # lines skipped) in one `ceph` client:
# one start-up and one monitor connection for the lot instead of one each. `ceph` reading commands from a
# pipe goes on past a failed command and exits 0, so its error lines are looked for: any one fails the
# batch (after the rest of it ran), as a failed command fails this script.
ceph_batch() {
  local commands errors status=0 started
  errors="$(mktemp -p "$work")"
  commands="$(grep -v -e '^[[:space:]]*$' -e '^[[:space:]]*#')" || return 0
  if grep -qv '^ceph ' <<<"$commands"; then
    echo "pools.sh: ceph_batch takes \`ceph ...\` lines only, not: $(grep -v '^ceph ' <<<"$commands" | head -1)" >&2
    return 1
  fi
  printf '+ %s\n' "${commands//$'\n'/$'\n'+ }" >&2
  started="$(date +%s%N)"
  sed 's/^ceph //' <<<"$commands" | ceph 2>"$errors" || status=$?
  cat "$errors" >&2
  echo "ceph_batch: $(wc -l <<<"$commands") commands in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
  if ((status != 0)) || grep -qE '^(Error E[A-Z]+|error handling command target|Can not use)' "$errors"; then
    echo "pools.sh: a ceph command of this batch failed (see above)" >&2
    return 1
  fi
}

# Waits for every background job named (by pid); fails if any failed, once all have ended: wait_all PID...
wait_all() {
  local pid failed=0
  for pid in "$@"; do wait "$pid" || failed=1; done
  return "$failed"
}

# Adds a client with its key from keys.yml and its caps to $clients, imported at the end in one call:
# import_client NAME DAEMON CAPS [DAEMON CAPS]...
clients="$work/clients.keyring"
: >"$clients"
import_client() {
  local name="$1" key
  key="$(value "$name")"
  shift
  {
    printf '[%s]\n\tkey = %s\n' "$name" "$key"
    while (($# > 0)); do
      printf '\tcaps %s = "%s"\n' "$1" "$2"
      shift 2
    done
  } >>"$clients"
}

# A CRUSH rule's numeric id: rule_id NAME
rule_id() {
  ceph osd crush rule dump "$1" --format json | sed -n 's/.*"rule_id": *\([0-9][0-9]*\).*/\1/p'
}

{
cat <<'CEPH'
ceph osd set-nearfull-ratio 0.85
# RBD clone v2 (Mimic and later clients, which every supported release's are): Glance can then delete an
# image that volumes or instance disks were cloned from — it moves it to the RBD trash. With v1 clones the
# image's protected snapshot cannot be unprotected while clones exist, and the delete fails with a 409
# (Cinder logs "Not using v2 clone API"; Tempest's image-dependency tests fail).
ceph osd set-require-min-compat-client mimic
# 3. CRUSH rules per tier: replicas or chunks on distinct hosts of the tier's device class.
CEPH
existing="$(ceph osd crush class ls)"
for class in hdd ssd; do
  grep -q "\"$class\"" <<<"$existing" || echo "ceph osd crush class create $class"
done
cat <<'CEPH'
ceph osd crush rule create-replicated fast default host ssd
ceph osd crush rule create-replicated bulk default host hdd
CEPH
} | ceph_batch

{

# 3b. Ceph's own pools (.mgr or device_health_metrics, RGW's) on the fast rule too, and every new pool by
#     default: one pool on the class-less replicated_rule beside the device-class rules above makes the PG
#     autoscaler skip every pool ("overlapping roots"), so no pool would get the PGs its data needs.
default_rule="$(rule_id fast)"
echo "ceph config set global osd_pool_default_crush_rule $default_rule"
listed="$(ceph osd pool ls)"
if [[ -n "$listed" ]]; then
  mapfile -t pools <<<"$listed"
  # `ceph` reading a pipe prints a blank line after each answer.
  current="$(printf 'ceph osd pool get %q crush_rule\n' "${pools[@]}" | ceph_batch | sed '/^$/d')"
  mapfile -t rules <<<"$current"
  for i in "${!pools[@]}"; do
    [[ "${rules[$i]:-}" != "crush_rule: replicated_rule" ]] || printf 'ceph osd pool set %q crush_rule fast\n' "${pools[$i]}"
  done
fi
} | ceph_batch

# 4. Pools (kolla-ansible's names), each on its tier: a batch per pool, side by side. The monitor commits
#    a change about once a second (paxos_propose_interval), and changes sent together share a commit.
batches=()
ceph_batch <<'CEPH' &
# images: glance, tier fast
ceph osd pool create images
ceph osd pool set images crush_rule fast
ceph osd pool set images size 3
ceph osd pool set images min_size 2
ceph osd pool set images target_size_ratio 0.2
ceph osd pool application enable images rbd
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# vms: nova, tier fast
ceph osd pool create vms
ceph osd pool set vms crush_rule fast
ceph osd pool set vms size 3
ceph osd pool set vms min_size 2
ceph osd pool set vms target_size_ratio 0.4
ceph osd pool application enable vms rbd
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# volumes: cinder, tier bulk
ceph osd pool create volumes
ceph osd pool set volumes crush_rule bulk
ceph osd pool set volumes size 3
ceph osd pool set volumes min_size 2
ceph osd pool set volumes target_size_ratio 0.5
ceph osd pool application enable volumes rbd
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# volumes-fast: cinder, tier fast
ceph osd pool create volumes-fast
ceph osd pool set volumes-fast crush_rule fast
ceph osd pool set volumes-fast size 3
ceph osd pool set volumes-fast min_size 2
ceph osd pool set volumes-fast target_size_ratio 0.4
ceph osd pool application enable volumes-fast rbd
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# backups: cinder-backup, tier bulk
ceph osd pool create backups
ceph osd pool set backups crush_rule bulk
ceph osd pool set backups size 3
ceph osd pool set backups min_size 2
ceph osd pool set backups target_size_ratio 0.1
ceph osd pool application enable backups rbd
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# gnocchi: gnocchi, tier fast
ceph osd pool create gnocchi
ceph osd pool set gnocchi crush_rule fast
ceph osd pool set gnocchi size 3
ceph osd pool set gnocchi min_size 2
ceph osd pool application enable gnocchi gnocchi
CEPH
batches+=($!)
ceph_batch <<'CEPH' &
# default.rgw.buckets.data: rgw, tier bulk
ceph osd pool create default.rgw.buckets.data
ceph osd pool set default.rgw.buckets.data crush_rule bulk
ceph osd pool set default.rgw.buckets.data size 3
ceph osd pool set default.rgw.buckets.data min_size 2
ceph osd pool application enable default.rgw.buckets.data rgw
CEPH
batches+=($!)
wait_all "${batches[@]}"

# 4a. RBD on the pools (the rbd tool, once the pools exist); each init waits for its pool's placement groups, so side by side.
inits=()
for pool in images vms volumes volumes-fast backups; do
  rbd pool init "$pool" &
  inits+=($!)
done
wait_all "${inits[@]}"

# 5. OpenStack's clients, keys from keys.yml (kolla's keyrings under config/ carry the same keys), imported together.
import_client client.glance mon 'profile rbd' osd 'profile rbd pool=images' mgr 'profile rbd pool=images'
import_client client.cinder mon 'profile rbd' osd 'profile rbd pool=volumes, profile rbd pool=volumes-fast, profile rbd pool=vms, profile rbd-read-only pool=images' mgr 'profile rbd pool=volumes, profile rbd pool=volumes-fast, profile rbd pool=vms'
import_client client.cinder-backup mon 'profile rbd' osd 'profile rbd pool=backups' mgr 'profile rbd pool=backups'
import_client client.gnocchi mon 'allow r' osd 'allow rwx pool=gnocchi'
ceph auth import -i "$clients"
