#!/usr/bin/env bash
# Integration test of the single-node lab with a real Ceph (examples/ceph-lab.yaml: SSD and HDD tiers):
# `bojagi lab up` installs Ceph from Debian and the pinned venv when missing, runs a monitor, a manager and 3+3
# OSDs on files, and the ceph/pools.sh that `bojagi render` writes; then Cinder and Glance on RBD are checked
# (verify's smoke volume really on RBD, a volume of each type, a volume cloned from an image, backup and
# restore with the data compared), the OSD drill, add-osd with the autoscaler check, and `lab down --wipe`
# leaving no daemon and nothing in /etc/ceph, /var/lib/ceph, /var/log/ceph. About 10 minutes on 2 cores;
# cleans up after itself on any exit. Ends with "N passed, M failed".
# Skipped unless BOJAGI_CEPH=1 (scripts/test.sh runs every integration suite; .ci/run says which labs run).
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
C() { timeout 120 ceph -c "$CONF" --connect-timeout 10 "$@"; }
R() { timeout 300 rbd -c "$CONF" "$@"; }
wait_for() {   # SECONDS COMMAND...
    local deadline=$(($(date +%s) + $1)); shift
    until "$@" >/dev/null 2>&1; do (($(date +%s) < deadline)) || return 1; sleep 2; done
}

t=$(date +%s)
if ! "$BOJAGI" lab up "$BLUEPRINT" --home "$HOME_DIR" --port-offset "$OFFSET"; then
    echo "FAIL  lab up"; for f in "$HOME_DIR"/logs/*.log "$HOME_DIR"/ceph/log/mon.a.log; do [ -f "$f" ] && { echo "== $f"; tail -8 "$f"; }; done
    echo "0 passed, 1 failed"; exit 1
fi
up_seconds=$(($(date +%s) - t))
figure "lab up with Ceph: ${up_seconds} s"
ceph_rss() { local f t=0; for f in "$HOME_DIR"/ceph/run/*.pid; do t=$((t + $(awk '/^VmRSS:/ { print $2 }' "/proc/$(cat "$f")/status" 2>/dev/null || echo 0))); done; echo $((t / 1024)); }
all_rss() { python3 -c 'import json,sys,subprocess
t=0
for p in json.load(open(sys.argv[1]))["processes"]:
    out=subprocess.run(["ps","-o","rss=","-g",str(p["pid"])],capture_output=True,text=True).stdout.split()
    t+=sum(int(x) for x in out)
print(t//1024)' "$HOME_DIR/state.json"; }
figure "resident: Ceph daemons $(ceph_rss) MiB, whole lab $(all_rss) MiB"

export OS_CLIENT_CONFIG_FILE="$HOME_DIR/clouds.yaml" OS_CLOUD=bojagi-lab
OS="$VENV/bin/openstack"

echo "== the blueprint's Ceph design"
check "the lab ran what \`bojagi render\` writes (render --check of deployment/ is clean)" "$BOJAGI" render "$BLUEPRINT" --out "$HOME_DIR/deployment" --check
check "3 ssd and 3 hdd OSDs, every PG active+clean, HEALTH_OK" bash -c "[ \"\$(timeout 60 ceph -c '$CONF' osd crush class ls-osd ssd | wc -l)\" = 3 ] && [ \"\$(timeout 60 ceph -c '$CONF' osd crush class ls-osd hdd | wc -l)\" = 3 ] && [ \"\$(timeout 60 ceph -c '$CONF' health)\" = HEALTH_OK ]"
check "pools on their tiers' rules (volumes ssd, volumes-hdd and backups hdd)" bash -c "[ \"\$(timeout 60 ceph -c '$CONF' osd pool get volumes crush_rule)\" = 'crush_rule: ssd' ] && [ \"\$(timeout 60 ceph -c '$CONF' osd pool get volumes-hdd crush_rule)\" = 'crush_rule: hdd' ] && [ \"\$(timeout 60 ceph -c '$CONF' osd pool get backups crush_rule)\" = 'crush_rule: hdd' ]"
check "no pool left on the class-less replicated_rule" bash -c "! for p in \$(timeout 60 ceph -c '$CONF' osd pool ls); do timeout 60 ceph -c '$CONF' osd pool get \"\$p\" crush_rule; done | grep -q replicated_rule"
autoscaled() { [ "$(C osd pool autoscale-status -f json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = "$(C osd pool ls | wc -l)" ]; }
check "the PG autoscaler lists every pool" autoscaled
check "client keyrings are 0600 and in the lab home" bash -c "for f in '$HOME_DIR'/etc/ceph/ceph.client.*.keyring '$HOME_DIR'/deployment/ceph/keys.yml; do [ \"\$(stat -c %a \"\$f\")\" = 600 ] || exit 1; done; ls '$HOME_DIR'/etc/ceph/ceph.client.cinder.keyring '$HOME_DIR'/etc/ceph/ceph.client.glance.keyring '$HOME_DIR'/etc/ceph/ceph.client.cinder-backup.keyring"
check "lab status shows Ceph's health, OSDs and usage" bash -c "'$BOJAGI' lab status --home '$HOME_DIR' | tee /dev/stderr | grep -q '^Ceph: HEALTH_OK' && '$BOJAGI' lab status --home '$HOME_DIR' | grep -q 'OSDs: 6/6 up'"
check "Debian's rados and rbd import in the lab venv" "$VENV/bin/python" -c "import rados, rbd"
check "cinder.conf: an RBD backend per tier, backups to Ceph; glance on RBD with direct URLs" bash -c "grep -qx 'enabled_backends = rbd-1,rbd-hdd' '$HOME_DIR/etc/cinder/cinder.conf' && grep -qx 'backup_ceph_pool = backups' '$HOME_DIR/etc/cinder/cinder.conf' && grep -qx 'show_image_direct_url = true' '$HOME_DIR/etc/glance/glance-api.conf' && grep -qx 'compute_driver = fake.FakeDriverWithoutFakeNodes' '$HOME_DIR/etc/nova/nova.conf'"

echo "== Cinder and Glance on RBD"
# verify's smoke scenario makes a volume and deletes it at the end: watch the pool while it runs.
( while [ ! -f "$HOME_DIR.verify-done" ]; do R ls volumes 2>/dev/null; sleep 0.5; done | sort -u >"$HOME_DIR.seen" ) &
watcher=$!
check "bojagi verify: every service and the smoke scenario" "$BOJAGI" verify --cloud bojagi-lab
touch "$HOME_DIR.verify-done"; wait "$watcher"
check "the smoke scenario's volume was an RBD image in the volumes pool" grep -q '^volume-' "$HOME_DIR.seen"

head -c 8388608 /dev/urandom >"$HOME_DIR.img"
image_id=$("$OS" image create --disk-format raw --container-format bare --file "$HOME_DIR.img" bojagi-ceph-test -f value -c id 2>/dev/null)
check "glance stored the image in the images pool" bash -c "timeout 60 rbd -c '$CONF' ls images | grep -qx '$image_id'"
vol_status() { "$OS" volume show "$1" -f value -c status 2>/dev/null; }
available() { [ "$(vol_status "$1")" = available ]; }
from_image=$("$OS" volume create --image "$image_id" --size 1 bojagi-from-image -f value -c id 2>/dev/null)
check "a volume from the image becomes available" wait_for 180 available "$from_image"
check "it is a clone of the image (its RBD parent is images/$image_id@snap)" bash -c "timeout 60 rbd -c '$CONF' info volumes/volume-$from_image | grep -q 'parent: images/$image_id@snap'"
hdd=$("$OS" volume create --type hdd --size 1 bojagi-hdd -f value -c id 2>/dev/null)
check "a volume of type hdd lands in volumes-hdd" bash -c "for i in \$(seq 60); do timeout 60 rbd -c '$CONF' ls volumes-hdd | grep -qx 'volume-$hdd' && exit 0; sleep 2; done; exit 1"

t=$(date +%s)
backup=$("$OS" volume backup create --name bojagi-backup "$from_image" -f value -c id 2>/dev/null)
backup_available() { [ "$("$OS" volume backup show "$1" -f value -c status 2>/dev/null)" = available ]; }
check "a backup of the volume becomes available" wait_for 300 backup_available "$backup"
figure "backup of a 1 GiB volume: $(($(date +%s) - t)) s"
check "the backup is in the backups pool" bash -c "timeout 60 rbd -c '$CONF' ls backups | grep -q 'volume-$from_image'"
restored=$("$OS" volume backup restore "$backup" bojagi-restored -f value -c volume_id 2>/dev/null)
check "a restore into a new volume becomes available" wait_for 300 available "$restored"
same_data() {   # the first 8 MiB (the image's size); not a pipe into head: pipefail would count rbd's SIGPIPE
    cmp -s -n 8388608 <(R export "volumes/volume-$restored" - 2>/dev/null) "$HOME_DIR.img"
}
check "the restored volume holds the image's bytes" same_data
for v in "$restored" "$from_image" "$hdd"; do "$OS" volume delete "$v" >/dev/null 2>&1; done
"$OS" volume backup delete "$backup" >/dev/null 2>&1

echo "== OSD drill"
check "bojagi drill osd: no write fails, data intact, the OSD rejoins, PGs clean" "$BOJAGI" drill osd --home "$HOME_DIR" --seconds 45
cat "$HOME_DIR.out" | sed 's/^/      /'
check "the drill's report is saved in the lab home" test -s "$HOME_DIR/drill/osd-latest.json"
python3 - "$HOME_DIR/drill/osd-latest.json" <<'PY' | sed 's/^/FIGURE /'
import json, sys
r = json.load(open(sys.argv[1]))
w = r.get("writes") or {}
print(f"OSD drill: stall {w.get('longestWriteSeconds')} s, {w.get('failedWrites')} failed of {w.get('writes')} writes, "
      f"marked down {r.get('markedDownSeconds')} s, OSD back {r.get('osdDownSeconds')} s after the kill, "
      f"active+clean {r.get('killToCleanSeconds')} s after the kill, API {r['api']['failed']}/{r['api']['requests']} failed")
PY

echo "== online growth"
check "lab add-osd --class hdd: joins, rebalances, the autoscaler lists every pool" "$BOJAGI" lab add-osd --home "$HOME_DIR" --class hdd
sed 's/^/      /' "$HOME_DIR.out"
check "the new OSD is hdd and its PID is in the lab's state" bash -c "[ \"\$(timeout 60 ceph -c '$CONF' osd crush class ls-osd hdd | wc -l)\" = 4 ] && grep -q '\"ceph-osd.6\"' '$HOME_DIR/state.json'"
figure "resident after the drill and growth: Ceph daemons $(ceph_rss) MiB"

echo "== down --wipe"
check "lab down --wipe" "$BOJAGI" lab down --home "$HOME_DIR" --wipe --timeout 20
check "no Ceph daemon of the lab is left" test -z "$(our_daemons)"
check "the lab home is gone" test ! -e "$HOME_DIR/state.json"
check "nothing new in /etc/ceph, /var/lib/ceph, /var/log/ceph" test "$before" = "$(snapshot)"

figure "ceph integration: $(($(date +%s) - started)) s in all"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
