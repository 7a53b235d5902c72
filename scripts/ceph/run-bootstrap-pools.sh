#!/usr/bin/env bash
# Runs the ceph/pools.sh that `bojagi render` wrote — the pool/rule/caps part of ceph/bootstrap.sh: the nearfull
# ratio, the CRUSH rules and erasure-code profiles per tier, Ceph's own pools moved onto a tier rule (the PG
# autoscaler fix), the pools, CephFS, and OpenStack's client keys — whole, against a lab cluster
# (scripts/ceph/lab-cluster.sh). Not the cephadm bootstrap, the host keys or `ceph orch apply` (sections 1, 2:
# containers and SSH), and not RGW's Keystone settings (5b: no RGW here); `bojagi lab up` runs it the same way.
#
#   run-bootstrap-pools.sh DATA_DIR POOLS_SH [KEYS_YML]
#
# POOLS_SH reads keys.yml beside it; with KEYS_YML, or when there is none, it runs from a copy in
# DATA_DIR/bootstrap/ beside that keys.yml (without KEYS_YML: a fresh key for each client it imports).
# Afterwards each client's keyring is in DATA_DIR/ceph.<client>.keyring (0600). Exit status 1 if it failed.
set -euo pipefail

usage="usage: run-bootstrap-pools.sh DATA_DIR POOLS_SH [KEYS_YML]"
data="${1:?$usage}"
script="${2:?$usage}"
data="$(cd "$data" && pwd)"
conf="$data/ceph.conf"
[[ -f "$conf" ]] || { echo "run-bootstrap-pools.sh: no cluster in $data" >&2; exit 1; }
[[ -f "$script" ]] || { echo "run-bootstrap-pools.sh: no $script" >&2; exit 1; }
grep -q '^import_client ' "$script" || { echo "run-bootstrap-pools.sh: $script is not a rendered ceph/pools.sh" >&2; exit 1; }

keys="${3:-}"
if [[ -n "$keys" || ! -f "$(dirname "$script")/keys.yml" ]]; then
    work="$data/bootstrap"
    mkdir -p "$work"
    chmod 700 "$work"
    cp "$script" "$work/pools.sh"
    if [[ -z "$keys" ]]; then
        keys="$work/keys.yml.new"
        : >"$keys"
        for client in $(grep -o '^import_client [^ ]*' "$script" | awk '{ print $2 }'); do
            printf "%s: '%s'\n" "$client" "$(ceph-authtool --gen-print-key)" >>"$keys"
        done
    fi
    [[ "$keys" -ef "$work/keys.yml" ]] || cp "$keys" "$work/keys.yml"
    chmod 600 "$work/keys.yml"
    rm -f "$work/keys.yml.new"
    script="$work/pools.sh"
fi

# The rendered commands call plain `ceph` and `rbd`: CEPH_CONF makes them reach the lab cluster.
start=$(date +%s.%N)
status=0
CEPH_CONF="$conf" timeout 900 bash -x "$script" 2>&1 | sed 's/^/  | /' || status=$?
status=$((status ? status : ${PIPESTATUS[0]}))
echo "pools.sh: exit $status in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

for client in $(grep -o '^import_client [^ ]*' "$script" | awk '{ print $2 }'); do
    timeout 60 ceph -c "$conf" --connect-timeout 10 auth get "$client" -o "$data/ceph.$client.keyring" 2>/dev/null \
        && chmod 600 "$data/ceph.$client.keyring"
done
((status == 0))
