#!/usr/bin/env bash
# Integration test of the single-node lab with a real Ceph (examples/ceph-lab.yaml: SSD and HDD tiers):
# `bojagi lab up` installs Ceph from Debian and the pinned venv when missing, runs a monitor, a manager and 3+3
# OSDs on files, and the ceph/pools.sh that `bojagi render` writes; then Cinder and Glance on RBD are checked
# by Tests/Integration/ceph/checks.sh (verify's smoke volume really on RBD, a volume of each type, a volume cloned
# from an image, backup and restore with the data compared, the OSD drill, add-osd with the autoscaler and capacity
# checks), and `lab down --wipe` leaves no daemon and nothing in /etc/ceph, /var/lib/ceph, /var/log/ceph. The lab
# suite (Tests/Integration/lab/run.sh, in CI) runs the same checks on its lab; this suite runs them alone, in
# about 6 minutes on 2 cores;
# cleans up after itself on any exit. Ends with "N passed, M failed".
# Skipped unless BOJAGI_CEPH=1 (CI runs these checks in the lab suite; scripts/test.sh runs every suite).
set -uo pipefail
if [[ "${BOJAGI_CEPH:-0}" != "1" ]]; then
    echo "skipped: set BOJAGI_CEPH=1"
    exit 0
fi
cd "$(dirname "$0")/../../.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"

BOJAGI="$PWD/.build/debug/bojagi"
[ -x "$BOJAGI" ] || swift build
HOME_DIR="$(mktemp -d /tmp/bojagi-ceph-test.XXXXXX)"
# Below 32768: ports in Linux's ephemeral range (32768-60999) are often taken by a client's outgoing
# connection on a machine with many loopback connections (Ceph makes many), and a lab API then cannot bind.
OFFSET="${BOJAGI_CEPH_TEST_OFFSET:-3000}"
VENV="${BOJAGI_HOME:-$HOME/.bojagi}/venvs/openstack-2026.2"
BLUEPRINT=examples/ceph-lab.yaml
CONF="$HOME_DIR/ceph/ceph.conf"
passed=0; failed=0
started=$(date +%s)

snapshot() { find /etc/ceph /var/lib/ceph /var/log/ceph -printf '%p %s %T@\n' 2>/dev/null | sort; }
before="$(snapshot)"

# Every Ceph daemon whose command line names this test's cluster: the safety net after `lab down`.
our_daemons() {
    local pid
    for pid in $(pgrep -f "ceph-(mon|mgr|osd) -c $CONF" 2>/dev/null); do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $CONF " && echo "$pid"
    done
}
cleanup() {
    if [ -f "$HOME_DIR/state.json" ]; then "$BOJAGI" lab down --home "$HOME_DIR" --wipe --timeout 20 >/dev/null 2>&1 || true; fi
    local pid
    for pid in $(our_daemons); do kill -KILL "$pid" 2>/dev/null || true; done
    rm -rf "$HOME_DIR" "$HOME_DIR".*
}
trap cleanup EXIT

check() {
    local name="$1"; shift
    if "$@" >"$HOME_DIR.out" 2>&1; then
        echo "ok    $name"; passed=$((passed + 1))
    else
        echo "FAIL  $name"; sed 's/^/      /' "$HOME_DIR.out" | grep -v blazarclient | tail -20; failed=$((failed + 1))
    fi
}
figure() { echo "FIGURE $*"; }
t=$(date +%s)
if ! "$BOJAGI" lab up "$BLUEPRINT" --home "$HOME_DIR" --port-offset "$OFFSET"; then
    echo "FAIL  lab up"; for f in "$HOME_DIR"/logs/*.log "$HOME_DIR"/ceph/log/mon.a.log; do [ -f "$f" ] && { echo "== $f"; tail -8 "$f"; }; done
    echo "0 passed, 1 failed"; exit 1
fi
up_seconds=$(($(date +%s) - t))
figure "lab up with Ceph: ${up_seconds} s"

source Tests/Integration/ceph/checks.sh

echo "== down --wipe"
check "lab down --wipe" "$BOJAGI" lab down --home "$HOME_DIR" --wipe --timeout 20
check "no Ceph daemon of the lab is left" test -z "$(our_daemons)"
check "the lab home is gone" test ! -e "$HOME_DIR/state.json"
check "nothing new in /etc/ceph, /var/lib/ceph, /var/log/ceph" test "$before" = "$(snapshot)"

figure "ceph integration: $(($(date +%s) - started)) s in all"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
