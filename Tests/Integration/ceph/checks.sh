#!/usr/bin/env bash
# The lab's Ceph checked for real, sourced by a suite that has a lab of examples/ceph-lab.yaml up (SSD and HDD
# tiers): the blueprint's design as Ceph runs it, Cinder and Glance on RBD (verify's smoke volume in the pool,
# an image in the images pool, a volume cloned from it, a volume of each type, backup and restore with the bytes
# compared), `bojagi drill osd`, and `bojagi lab add-osd` (rebalance, the autoscaler, and the plan's capacity for the
# new layout beside `ceph df`). Sourced by Tests/Integration/lab/run.sh (in CI) and Tests/Integration/ceph/run.sh
# (on its own). Needs from the sourcing suite: BOJAGI, BLUEPRINT, HOME_DIR, VENV, check() and figure().
CONF="$HOME_DIR/ceph/ceph.conf"
OS="$VENV/bin/openstack"
export OS_CLIENT_CONFIG_FILE="$HOME_DIR/clouds.yaml" OS_CLOUD=bojagi-lab
C() { timeout 120 ceph -c "$CONF" --connect-timeout 10 "$@"; }
R() { timeout 300 rbd -c "$CONF" "$@"; }
wait_for() {   # SECONDS COMMAND...
    local deadline=$(($(date +%s) + $1)); shift
    until "$@" >/dev/null 2>&1; do (($(date +%s) < deadline)) || return 1; sleep 2; done
}
ceph_rss() { local f t=0; for f in "$HOME_DIR"/ceph/run/*.pid; do t=$((t + $(awk '/^VmRSS:/ { print $2 }' "/proc/$(cat "$f")/status" 2>/dev/null || echo 0))); done; echo $((t / 1024)); }
all_rss() { python3 -c 'import json,sys,subprocess
t=0
for p in json.load(open(sys.argv[1]))["processes"]:
    out=subprocess.run(["ps","-o","rss=","-g",str(p["pid"])],capture_output=True,text=True).stdout.split()
    t+=sum(int(x) for x in out)
print(t//1024)' "$HOME_DIR/state.json"; }
figure "resident: Ceph daemons $(ceph_rss) MiB, whole lab $(all_rss) MiB"

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
# The APIs are read through the whole add-osd (curl with one token, 5 reads a second): no request may fail.
probe_start() {
    local token_file="$HOME_DIR/probe-token" urls
    ( umask 077; "$OS" token issue -f value -c id 2>/dev/null | sed 's/^/X-Auth-Token: /' > "$token_file" )
    urls=$("$OS" catalog list -f json 2>/dev/null | python3 -c '
import json, sys
want = {"image": "/v2/images", "volumev3": "/volumes", "compute": "/servers", "network": "/v2.0/networks"}
for entry in json.load(sys.stdin):
    for endpoint in entry["Endpoints"]:
        if entry["Type"] in want and endpoint["interface"] == "public":
            print(endpoint["url"].rstrip("/") + want[entry["Type"]])')
    ( while [ ! -f "$HOME_DIR.probe-stop" ]; do
        for url in $urls; do
            code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H @"$token_file" "$url")
            echo "$(date +%s.%N) $code $url"
        done
        sleep 0.2
      done > "$HOME_DIR.probe" ) &
    probe_pid=$!
}
probe_stop() { touch "$HOME_DIR.probe-stop"; wait "$probe_pid"; rm -f "$HOME_DIR.probe-stop" "$HOME_DIR/probe-token"; }
probe_start
check "lab add-osd --class hdd: joins, rebalances, the autoscaler lists every pool, the plan's capacity matches ceph df" "$BOJAGI" lab add-osd --home "$HOME_DIR" --class hdd
probe_stop
sed 's/^/      /' "$HOME_DIR.out"
probe_requests=$(wc -l < "$HOME_DIR.probe")
probe_failed=$(awk '$2 !~ /^2/' "$HOME_DIR.probe" | wc -l)
figure "add-osd under API reads: $probe_failed failed of $probe_requests requests (Glance, Cinder, Nova, Neutron)"
check "no API request failed while the OSD joined and data rebalanced ($probe_requests requests)" test "$probe_requests" -gt 20 -a "$probe_failed" -eq 0
check "the new OSD is hdd and its PID is in the lab's state" bash -c "[ \"\$(timeout 60 ceph -c '$CONF' osd crush class ls-osd hdd | wc -l)\" = 4 ] && grep -q '\"ceph-osd.6\"' '$HOME_DIR/state.json'"
figure "resident after the drill and growth: Ceph daemons $(ceph_rss) MiB"

