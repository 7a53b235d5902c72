#!/usr/bin/env bash
# Runs the pool/rule/caps part of a `ceph/bootstrap.sh` that `bojagi render` wrote against a lab cluster
# (scripts/ceph/lab-cluster.sh): the nearfull ratio, the CRUSH rules and erasure-code profiles per tier, the
# pools, CephFS, and OpenStack's client keys — sections 3 to 5. Not the cephadm bootstrap, the host keys or
# `ceph orch apply` (sections 1, 2: containers and SSH), and not RGW's Keystone settings (5b: no RGW here).
#
#   run-bootstrap-pools.sh DATA_DIR BOOTSTRAP_SH [KEYS_YML]
#
# The rendered file is not changed: its helper functions and those sections are cut out by their comment
# headers, and every command runs with `ceph`/`rbd` pointing at DATA_DIR/ceph.conf (bounded in time). Each
# command is run and reported on its own, so one that fails does not hide the ones after it. Without KEYS_YML,
# a keys.yml with a fresh key for each client the script imports is written to DATA_DIR/bootstrap/.
# Afterwards each client's keyring is in DATA_DIR/ceph.<client>.keyring (0600). Exit status 1 if any failed.
set -euo pipefail

data="${1:?usage: run-bootstrap-pools.sh DATA_DIR BOOTSTRAP_SH [KEYS_YML]}"
script="${2:?usage: run-bootstrap-pools.sh DATA_DIR BOOTSTRAP_SH [KEYS_YML]}"
data="$(cd "$data" && pwd)"
conf="$data/ceph.conf"
[[ -f "$conf" ]] || { echo "run-bootstrap-pools.sh: no cluster in $data" >&2; exit 1; }
[[ -f "$script" ]] || { echo "run-bootstrap-pools.sh: no $script" >&2; exit 1; }

# The rendered commands call plain `ceph` and `rbd`: these reach the lab cluster, and give up instead of hanging.
ceph_bin="$(command -v ceph)" rbd_bin="$(command -v rbd)"
ceph() { timeout 120 "$ceph_bin" -c "$conf" --connect-timeout 10 "$@"; }
rbd() { timeout 120 "$rbd_bin" -c "$conf" "$@"; }

work="$data/bootstrap"
mkdir -p "$work"
chmod 700 "$work"

# The rendered helpers (value, import_client), as written: from their comment up to `fsid=…`.
helpers="$(awk '/^# One value from keys.yml/ { on = 1 } /^fsid=/ { on = 0 } on' "$script")"
# The commands: the nearfull ratio (section 2), then section 3 up to section 5b or 6.
commands="$(awk '
    /^ceph osd set-nearfull-ratio / { print; next }
    /^# 3\. / { on = 1 }
    /^# 5b\. / || /^# 6\. / { on = 0 }
    on && !/^#/ && NF' "$script")"
[[ -n "$helpers" && -n "$commands" ]] || { echo "run-bootstrap-pools.sh: $script has not the sections expected" >&2; exit 1; }

keys="${3:-}"
if [[ -z "$keys" ]]; then
    keys="$work/keys.yml"
    : >"$keys"
    for client in $(grep -o '^import_client [^ ]*' <<<"$commands" | awk '{ print $2 }'); do
        printf "%s: '%s'\n" "$client" "$(ceph-authtool --gen-print-key)" >>"$keys"
    done
    chmod 600 "$keys"
fi

# The helpers expect these, as bootstrap.sh sets them.
here="$work"
export keys here work
eval "$helpers"

failed=0 count=0
while IFS= read -r line; do
    count=$((count + 1))
    start=$(date +%s.%N)
    set +e
    output="$(set -e; eval "$line" 2>&1)"   # errexit as in bootstrap.sh: import_client stops at a failing step
    status=$?
    set -e
    seconds="$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    if ((status == 0)); then
        printf 'ok   %5ss  %s\n' "$seconds" "$line"
    else
        failed=$((failed + 1))
        printf 'FAIL %5ss  %s  (exit %d)\n' "$seconds" "$line" "$status"
    fi
    [[ -z "$output" ]] || sed 's/^/             | /' <<<"$output"
done <<<"$commands"

for client in $(grep -o '^import_client [^ ]*' <<<"$commands" | awk '{ print $2 }'); do
    ceph auth get "$client" -o "$data/ceph.$client.keyring" 2>/dev/null && chmod 600 "$data/ceph.$client.keyring"
done

echo "$count commands, $failed failed"
((failed == 0))
