#!/usr/bin/env bash
# Integration: the HA lab for real, `bojagi verify` through its VIP, then the failover drill on it.
#
#   BOJAGI_HA=1 Tests/Integration/ha/run.sh [LAB_HOME]
#
# Takes examples/profiles/web-application.yaml as it is (2026.1; HA_RELEASE sets another), brings it up as the HA lab: three controller
# namespaces (Galera, RabbitMQ, memcached, HAProxy, keepalived, a Ceph monitor and manager, and Keystone, Glance,
# Placement, Nova, Neutron, Cinder, Heat and Horizon in each), a compute namespace (nova-compute, cinder-volume,
# cinder-backup) and three storage namespaces with the blueprint's OSDs. Asserts every API answers through the
# VIP, Ceph's quorum of 3 and its OSDs, `bojagi verify` passes with its smoke scenario (server boot, volume attach;
# the volume an RBD image), a Glance image lands in the images pool and a volume from it is an RBD clone, and the
# openstack client sees the compute host. Then runs `bojagi drill` (VIP holder's keepalived + HAProxy, one Galera
# node, one RabbitMQ node) and asserts that every fault healed with nothing lost and that every fault window
# held enough samples to judge it (HA_MIN_SAMPLES requests of every API and of the queue, 20 by default); the
# downtimes, gaps, rates and resolutions are printed as FIGURE lines, not bounded (timing belongs in the
# README's figures). Takes the lab down and asserts nothing is left: no recorded pid alive, no process using the
# lab home, no namespace, no host link,
# nothing new in /etc/ceph, /var/lib/ceph or /var/log/ceph. With the blueprint's Ceph, also kills the Ceph
# monitor clients list first and makes a volume with two monitors left.
# Then, on the same lab, storage grown by a host (`lab add-osd --ha`), a Ceph monitor killed, a compute node added and
# removed (Tests/Integration/ha-scale), and the rolling upgrade to the next release while the APIs are probed
# (Tests/Integration/ha-upgrade: a failed step and its resume, every object made before the upgrade used after it).
# Tempest smoke then judges the upgraded cloud, and the manual's runbooks run on it. HA_RESTART=1 adds "down with
# the data kept, up again" before the scale-out (CI leaves it to the single-node lab suite: about 4 minutes).
# Needs root (namespaces). Skipped unless BOJAGI_HA=1: scripts/test.sh runs every integration suite.
set -uo pipefail

if [[ "${BOJAGI_HA:-0}" != "1" ]]; then
    echo "skipped: set BOJAGI_HA=1"
    exit 0
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LAB="${1:-$(mktemp -d /tmp/bojagi-ha-it.XXXXXX)}"
mkdir -p "$LAB" && LAB="$(cd "$LAB" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
MIN_SAMPLES="${HA_MIN_SAMPLES:-20}"
# HA_QUICK=1: up, the checks, verify and Ceph, then down --wipe; no Tempest, drill or restart (a developer's loop).
QUICK="${HA_QUICK:-0}"
# The release the lab starts on and the one the upgrade drill takes it to (one hop: SLURP 2026.1 to 2026.2).
RELEASE="${HA_RELEASE:-2026.1}"
TO="${HA_UPGRADE_TO:-2026.2}"
VENVS="${BOJAGI_HOME:-$HOME/.bojagi}/venvs"
VENV="$VENVS/openstack-$RELEASE"
NEW_VENV="$VENVS/openstack-$TO"
RESTART="${HA_RESTART:-0}"
PASS=0; FAIL=0
ok()  { echo "  ok   $*"; PASS=$((PASS + 1)); }
bad() { echo "  FAIL $*"; FAIL=$((FAIL + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
# counted NAME OUTPUT: adds the "N passed, N failed" line of a suite this one ran to the counts.
counted() {
    local counts; counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$2" | tail -1)
    if [[ -n "$counts" ]]; then
        PASS=$((PASS + $(awk '{print $1}' <<<"$counts"))); FAIL=$((FAIL + $(awk '{print $3}' <<<"$counts")))
    else
        bad "$1 gave no result"; tail -15 "$2" | sed 's/^/       /'
    fi
}
lab() { "$BOJAGI" drill lab "$@" --home "$LAB" --venv "$VENV"; }

[[ $(id -u) -eq 0 ]] || { echo "the HA lab needs root (network namespaces)"; exit 1; }
[[ -x "$BOJAGI" ]] || { echo "no bojagi at $BOJAGI: run swift build first"; exit 1; }
"$ROOT/scripts/ha-lab/install-apt.sh" >/dev/null || { echo "cannot install the HA lab's Debian packages"; exit 1; }
"$ROOT/scripts/ceph/install-apt.sh" >/dev/null || { echo "cannot install Ceph's Debian packages"; exit 1; }
snapshot() { find /etc/ceph /var/lib/ceph /var/log/ceph -printf '%p %s %T@\n' 2>/dev/null | sort; }
ceph_before="$(snapshot)"
for release in $RELEASE $TO; do
    "$ROOT/scripts/lab/install-venv.sh" "$release" "$VENVS/openstack-$release" >/dev/null || { echo "cannot install the $release venv"; exit 1; }
done

echo "== HA lab of the web-application package in $LAB"
# The project's own example as it is (its release is 2026.1); another HA_RELEASE is set in a copy.
sed -E "s/^release: .*/release: $RELEASE/" "$ROOT/examples/profiles/web-application.yaml" > "$LAB/bojagi.yaml" || { echo "cannot copy the example"; exit 1; }
BLUEPRINT="$LAB/bojagi.yaml"
CONF="$LAB/ceph/ceph.conf"
C() { timeout 120 ceph -c "$CONF" --connect-timeout 10 "$@"; }
R() { timeout 120 rbd -c "$CONF" "$@"; }
grep -q "device_class: ssd" "$BLUEPRINT" || { echo "the web-application starter has no Ceph tier: this suite expects one"; exit 1; }
trap 'lab down --wipe >/dev/null 2>&1' EXIT
start=$SECONDS
if lab up "$BLUEPRINT" > "$LAB/up.out" 2> "$LAB/up.err"; then ok "lab up"; else bad "lab up"; sed 's/^/       /' "$LAB/up.err" | tail -25; exit 1; fi
up_seconds=$((SECONDS - start))
check "up says what it does not run, and why" grep -q "not run: trove — needs real VMs" "$LAB/up.err"
lab status --format json > "$LAB/status.json"
check "status: healthy" python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["galera_cluster_size"]==3 and s["rabbitmq_running_nodes"]==3 and s["keystone"] and s["vip_holder"] else 1)' "$LAB/status.json"
check "every planned API answers through the VIP" python3 -c '
import json, sys
apis = {a["service"]: a for a in json.load(open(sys.argv[1]))["apis"]}
want = {"glance", "placement", "nova", "neutron", "cinder", "heat", "horizon"}
sys.exit(0 if set(apis) == want and all(a["url"].startswith("http://10.99.0.10:") and a["status"] and a["status"] < 500 for a in apis.values()) else 1)' "$LAB/status.json"
check "each API runs on all three controllers, nova-compute and cinder-volume on cmp1" python3 -c '
import json, sys
procs = json.load(open(sys.argv[1]))["processes"]
on = lambda name: sorted(p["node"] for p in procs if p["service"] == name)
apis = ["keystone", "glance-api", "placement-api", "nova-api", "neutron-api", "cinder-api", "heat-api", "horizon-api", "nova-conductor", "nova-scheduler"]
sys.exit(0 if all(on(a) == ["ctl1", "ctl2", "ctl3"] for a in apis) and on("nova-compute") == ["cmp1"] and on("cinder-volume") == ["cmp1"] else 1)' "$LAB/status.json"
rss=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["resident_mi_b"])' "$LAB/status.json" 2>/dev/null || echo "?")
pids=$(python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(open(sys.argv[1]))["processes"]))' "$LAB/status.json")
# Every process the lab ever recorded, as pid@start-time (the 22nd field of /proc/<pid>/stat): at the end, a pid that
# runs with another start time was handed to another process after ours ended (pid_max is 32768 here, and Tempest,
# the drill and the upgrade start thousands of processes), so it is not left over.
stamped() { local pid start; for pid in "$@"; do start=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $20}') && [ -n "$start" ] && printf '%s@%s ' "$pid" "$start"; done; }
seen="$(stamped $pids)"
echo "== Ceph"
check "status: 3 monitors in quorum, every OSD up" python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))["ceph"]
sys.exit(0 if c["quorum"] == ["ctl1", "ctl2", "ctl3"] and c["monitors"] == 3 and len(c["osds"]) >= 3 and all(o["up"] for o in c["osds"]) else 1)' "$LAB/status.json"
check "a monitor and a manager in each controller, the OSDs in bjsto1..3 (one CRUSH host each), cinder-backup on cmp1" python3 -c '
import json, sys
procs = json.load(open(sys.argv[1]))["processes"]
on = lambda name: sorted(p["node"] for p in procs if p["service"] == name)
osds = sorted(p["node"] for p in procs if p["service"].startswith("ceph-osd."))
sys.exit(0 if all(on("ceph-%s.ctl%d" % (k, i)) == ["ctl%d" % i] for k in ("mon", "mgr") for i in (1, 2, 3)) and osds == ["sto1", "sto2", "sto3"] and on("cinder-backup") == ["cmp1"] else 1)' "$LAB/status.json"
check "each monitor listens on its controller's own address" bash -c "for i in 1 2 3; do ip netns exec bjctl\$i ss -ltn | grep -q \"10.99.0.1\$i:3300 \" || exit 1; done"
check "the lab ran what \`bojagi render\` writes (render --check of deployment/ is clean)" "$BOJAGI" render "$BLUEPRINT" --out "$LAB/deployment" --check
check "pools on the tier's rule, none on the class-less replicated_rule" bash -c "[ \"\$(timeout 60 ceph -c '$CONF' osd pool get volumes crush_rule)\" = 'crush_rule: ssd' ] && ! for p in \$(timeout 60 ceph -c '$CONF' osd pool ls); do timeout 60 ceph -c '$CONF' osd pool get \"\$p\" crush_rule; done | grep -q replicated_rule"
check "client keyrings 0600: glance's on each controller, cinder's and cinder-backup's on cmp1" bash -c "for f in '$LAB'/openstack/ctl{1,2,3}/etc/ceph/ceph.client.glance.keyring '$LAB'/openstack/cmp1/etc/ceph/ceph.client.cinder{,-backup}.keyring '$LAB/deployment/ceph/keys.yml'; do [ \"\$(stat -c %a \"\$f\")\" = 600 ] || exit 1; done"
check "every client's ceph.conf lists the three monitors" bash -c "grep -qx 'mon_host = \[v2:10.99.0.11:3300,v1:10.99.0.11:6789\],\[v2:10.99.0.12:3300,v1:10.99.0.12:6789\],\[v2:10.99.0.13:3300,v1:10.99.0.13:6789\]' '$LAB/openstack/cmp1/etc/ceph/ceph.conf'"
ceph_rss=$(python3 -c 'import json,sys
t=0
for p in json.load(open(sys.argv[1]))["processes"]:
    if p["service"].startswith("ceph-"):
        try: t+=int(next(l.split()[1] for l in open("/proc/%d/status" % p["pid"]) if l.startswith("VmRSS:")))
        except Exception: pass
print(t//1024)' "$LAB/status.json" 2>/dev/null || echo "?")
check "clouds.yaml, openrc and the service passwords are 0600" bash -c "[ \"\$(stat -c %a '$LAB/clouds.yaml')\$(stat -c %a '$LAB/openrc')\$(stat -c %a '$LAB/openstack/secrets.json')\" = 600600600 ]"
check "no password in the lab's output" bash -c "! grep -qF \"\$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[\"keystone_admin\"])' '$LAB/secrets.json')\" '$LAB/up.out' '$LAB/up.err'"
check "a second up is idempotent" bash -c "'$BOJAGI' drill lab up '$BLUEPRINT' --home '$LAB' --venv '$VENV' 2>&1 | grep -q 'HA lab already up'"
check "up kept the same processes" test "$(lab status --format json | python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)["processes"]))')" = "$pids"

echo "== verify through the VIP"
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab
start=$SECONDS
# verify's smoke scenario makes a volume and deletes it at the end: watch the pool while it runs.
( while [ ! -f "$LAB/verify-done" ]; do R ls volumes 2>/dev/null; sleep 0.5; done | sort -u >"$LAB/volumes-seen" ) &
watcher=$!
if "$BOJAGI" verify > "$LAB/verify.txt" 2>&1; then ok "bojagi verify passes, smoke scenario included"; else bad "bojagi verify"; tail -25 "$LAB/verify.txt" | sed 's/^/       /'; fi
verify_seconds=$((SECONDS - start))
touch "$LAB/verify-done"; wait "$watcher"
check "the smoke scenario's volume was an RBD image in the volumes pool" grep -q '^volume-' "$LAB/volumes-seen"
head -c 8388608 /dev/urandom >"$LAB/image.raw"
image_id=$("$VENV/bin/openstack" image create --disk-format raw --container-format bare --file "$LAB/image.raw" bojagi-ha-ceph -f value -c id 2>/dev/null)
check "Glance (through the VIP) stored the image in the images pool" bash -c "R() { timeout 60 rbd -c '$CONF' \"\$@\"; }; R ls images | grep -qx '$image_id'"
from_image=$("$VENV/bin/openstack" volume create --image "$image_id" --size 1 bojagi-ha-from-image -f value -c id 2>/dev/null)
check "a volume from the image is an RBD clone of it (parent images/$image_id@snap)" bash -c "for i in \$(seq 90); do [ \"\$('$VENV/bin/openstack' volume show '$from_image' -f value -c status 2>/dev/null)\" = available ] && break; sleep 2; done; timeout 60 rbd -c '$CONF' info volumes/volume-$from_image | grep -q 'parent: images/$image_id@snap'"
"$VENV/bin/openstack" volume delete "$from_image" >/dev/null 2>&1
for i in $(seq 30); do "$VENV/bin/openstack" volume show "$from_image" >/dev/null 2>&1 || break; sleep 2; done
"$VENV/bin/openstack" image delete "$image_id" >/dev/null 2>&1
check "verify saw every service at the VIP" python3 -c '
import json, subprocess, sys
out = subprocess.run([sys.argv[1], "verify", "--no-smoke", "--format", "json"], capture_output=True, text=True).stdout
report = json.loads(out)
services = report.get("services", [])
types = {s.get("type") for s in services}
sys.exit(0 if {"identity", "image", "compute", "network", "volumev3", "placement", "orchestration"} <= types and all("10.99.0.10" in s.get("url", "10.99.0.10") for s in services) else 1)' "$BOJAGI"
check "openstack compute service list: nova-compute up on cmp1" bash -c "'$VENV/bin/openstack' compute service list -f value -c Binary -c Host -c State 2>/dev/null | grep -q '^nova-compute cmp1 up$'"
check "openstack server list answers" bash -c "'$VENV/bin/openstack' server list >/dev/null 2>&1"
unset OS_CLIENT_CONFIG_FILE OS_CLOUD

if [[ "$QUICK" != 1 ]]; then
echo "== drill"
start=$SECONDS
"$BOJAGI" drill --home "$LAB" --min-samples "$MIN_SAMPLES" --format json > "$LAB/drill.json" 2> "$LAB/drill.err"
drill_status=$?
drill_seconds=$((SECONDS - start))
check "drill exits 0" test "$drill_status" -eq 0
[[ $drill_status -eq 0 ]] || tail -20 "$LAB/drill.err" | sed 's/^/       /'
check "drill report saved in the lab home" test -s "$LAB/drill/latest.json"
python3 - "$LAB/drill.json" "$MIN_SAMPLES" > "$LAB/assertions.txt" <<'PY'
import json, sys
report, minimum = json.load(open(sys.argv[1])), int(sys.argv[2])
faults = {f["name"]: f for f in report["faults"]}
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
line(set(faults) == {"load-balancer", "database", "queue"}, f"three faults: {sorted(faults)}")
line(report.get("minimum_samples") == minimum and report.get("api_clients", 0) >= 2,
     f"the report states its probe: {report.get('api_clients')} clients every {report.get('api_interval_seconds')} s, judged from {report.get('minimum_samples')} samples")
wanted = {"keystone-token", "keystone", "glance", "nova", "neutron", "cinder", "placement", "heat"}
for name, f in faults.items():
    apis = {a["name"]: a for a in f["api"]["apis"]}
    line(set(apis) == wanted, f"{name}: the window has every API and token issuance ({sorted(apis)})")
    starved = [f"{a['name']} {a['requests']}" for a in f["api"]["apis"] + f["queue"]["apis"] if a["requests"] < minimum]
    line(f["api"]["enough_samples"] and f["queue"]["enough_samples"] and not starved and f["queue"]["apis"],
         f"{name}: at least {minimum} requests of every API and of the queue in the fault window" + (f" (too few: {', '.join(starved)})" if starved else ""))
    line(f["healed"], f"{name}: healed in {f['heal_seconds']:.0f} s (Galera {f['galera_cluster_size']}, RabbitMQ {f['rabbitmq_running_nodes']})")
    line(f["galera_cluster_size"] == 3 and f["rabbitmq_running_nodes"] == 3, f"{name}: Galera back to 3, RabbitMQ 3 running nodes")
    line(f["project_kept"], f"{name}: project written before the fault read back")
    line(f["message_kept"], f"{name}: message queued before the fault consumed")
    line(f.get("network_kept") is True, f"{name}: Neutron network created before the fault read back")
queue = faults.get("queue", {})
heat = next((a for a in queue.get("api", {}).get("apis", []) if a["name"] == "heat"), {})
line(heat.get("requests", 0) >= minimum, f"queue: Heat's stack list (an RPC call to heat-engine) probed during the fault ({heat.get('requests', 0)} times, {heat.get('failed', 0)} failed)")
lb = faults.get("load-balancer", {})
line(lb.get("vip_move_seconds") is not None and lb.get("vip_holder_after") not in (None, lb.get("target")),
     f"load-balancer: the VIP moved from {lb.get('target')} to {lb.get('vip_holder_after')}")
PY
while read -r verdict rest; do
    if [[ "$verdict" == "ok" ]]; then ok "$rest"; else bad "$rest"; fi
done < "$LAB/assertions.txt"
fi

# Issue 10: storage grown by a host while the cloud serves — a new storage namespace with one OSD, the rebalance, the
# autoscaler and the plan's capacity beside `ceph df`; with HA_RESTART=1 the restart below must bring the new host back.
# Before the monitor fault: add-osd refuses a lab whose Ceph is degraded.
if [[ "$QUICK" != 1 ]]; then
echo "== storage grown by a host: lab add-osd --ha"
start=$SECONDS
if "$BOJAGI" lab add-osd --ha --home "$LAB" --format json > "$LAB/add-osd.json" 2> "$LAB/add-osd.err"; then ok "lab add-osd --ha exits 0"; else bad "lab add-osd --ha"; tail -20 "$LAB/add-osd.err" | sed 's/^/       /'; fi
add_osd_seconds=$((SECONDS - start))
python3 - "$LAB/add-osd.json" > "$LAB/add-osd-checks.txt" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as error:
    print(f"FAIL the add-osd report is JSON ({error})"); sys.exit()
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
res, probe = r["result"], r["probe"]
line(r["storage_host"] == "sto4" and r["namespace"] == "bjsto4" and res["host"] == "sto4", f"the new storage host is sto4 in bjsto4 ({r['storage_host']}, {res['host']})")
line(res["placement_groups_on_new_osd"] > 0, f"data rebalanced onto {res['osd']}: {res['placement_groups_on_new_osd']} PGs on it")
line(res["raw_bytes_after"] > res["raw_bytes_before"], f"raw capacity grew: {res['raw_bytes_before']} -> {res['raw_bytes_after']} bytes")
line(res["autoscaled_pools"] == res["pools"], f"ceph osd pool autoscale-status lists every pool ({res['autoscaled_pools']} of {res['pools']})")
tiers = (res.get("capacity") or {}).get("tiers", [])
line(bool(tiers) and all(t["raw_agrees"] and t["usable_agrees"] for t in tiers), "the plan's capacity for 4 storage hosts agrees with ceph df: " + "; ".join(f"{t['name']} {t['osds']} OSDs, plan raw {t['plan_raw_bytes']} = ceph {t['ceph_raw_bytes']}" for t in tiers))
errors = probe.get("errors") or {}
broken = sum(n for e, n in errors.items() if "timed out" not in e.lower())
line(probe["window"]["requests"] >= 20 and broken == 0, f"no API request broke while the host joined and data moved ({probe['window']['failed']} failed of {probe['window']['requests']}, {broken} not a timeout)")
print(f"FIGURE add-osd --ha: up {res['up_seconds']:.0f} s, rebalanced {res['rebalance_seconds']:.0f} s, API {probe['window']['failed']} failed of {probe['window']['requests']} ({probe['window']['rate']:.1f}/s); " + ", ".join(f"{n}x {e}" for e, n in errors.items()))
PY
grep -E '^(ok|FAIL) ' "$LAB/add-osd-checks.txt" | while read -r verdict rest; do if [[ "$verdict" == ok ]]; then echo "  ok   $rest"; else echo "  FAIL $rest"; fi; done
PASS=$((PASS + $(grep -c '^ok ' "$LAB/add-osd-checks.txt"))); FAIL=$((FAIL + $(grep -c '^FAIL ' "$LAB/add-osd-checks.txt")))
grep '^FIGURE' "$LAB/add-osd-checks.txt"
# The host bucket sto4 holds an OSD that is up.
sto4_up() { C osd tree -f json | python3 -c '
import json, sys
nodes = json.load(sys.stdin)["nodes"]; by_id = {n["id"]: n for n in nodes}
host = [n for n in nodes if n["type"] == "host" and n["name"] == "sto4"]
sys.exit(0 if host and any(by_id[c].get("status") == "up" for c in host[0].get("children", [])) else 1)'; }
check "osd tree: host sto4 holds an OSD that is up" sto4_up
check "the add-osd report is saved beside the drill's" test -s "$LAB/drill/add-osd-latest.json"
check "lab status: healthy with the fourth storage node" bash -c "'$BOJAGI' drill lab status --home '$LAB' --venv '$VENV' >/dev/null"
fi


# The processes the lab records now: what the drill, the restart and the upgrade started count too.
recorded() { lab status --format json | python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)["processes"]))'; }
seen+=" $(stamped $(recorded))"
if [[ "$QUICK" != 1 && "$RESTART" == 1 ]]; then
echo "== down with the data kept, then up again"
check "lab down (data kept)" lab down
check "no lab namespace while down" bash -c "! ip netns list | grep -Eq '^(bjhub|bjctl[123]|bjcmp1|bjsto[0-9])( |\$)'"
check "the Galera data is kept" test -d "$LAB/data/ctl1/mysql/nova"
start=$SECONDS
if lab up "$BLUEPRINT" > "$LAB/up2.out" 2> "$LAB/up2.err"; then ok "up again on the kept data"; else bad "up again"; sed 's/^/       /' "$LAB/up2.err" | tail -25; fi
restart_seconds=$((SECONDS - start))
check "the storage node add-osd made is back, its OSD up (sto4 kept in the state)" sto4_up
check "up again does not migrate the databases again" bash -c "! grep -q 'database schemas' '$LAB/up2.err'"
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab
if "$BOJAGI" verify > "$LAB/verify2.txt" 2>&1; then ok "bojagi verify passes after the restart (server boots on the restarted compute node)"; else bad "verify after the restart"; tail -25 "$LAB/verify2.txt" | sed 's/^/       /'; fi
unset OS_CLIENT_CONFIG_FILE OS_CLOUD
seen+=" $(stamped $(recorded))"
fi

# Issue 15: online scale-out and scale-in on this lab — `lab add-host` (cmp2 joins, a server boots on it, nothing
# else restarts) and `lab remove-host` (drained, its server migrated, every trace gone), with the refusals;
# Tests/Integration/ha-scale/run.sh with --keep leaves the lab up and scaled back as it found it.
if [[ "$QUICK" != 1 ]]; then
echo "== scale out and in (Tests/Integration/ha-scale/run.sh on this lab)"
VENV="$VENV" BOJAGI="$BOJAGI" BOJAGI_HA=1 "$ROOT/Tests/Integration/ha-scale/run.sh" --keep "$LAB" > "$LAB/scale.txt" 2>&1
grep -E '^  (ok|FAIL) ' "$LAB/scale.txt" | sed 's/^  /  scale /'
grep -E '^   (add-host|remove-host) |^== figures' "$LAB/scale.txt" | sed 's/^ */FIGURE scale: /'
counted ha-scale "$LAB/scale.txt"
seen+=" $(stamped $(recorded))"
fi

# Issue 15: the rolling upgrade to the next release on this lab, while the drill's prober reads every API through the
# VIP — Tests/Integration/ha-upgrade/run.sh with --keep (refusals, a failed step and its resume, every step, the data
# made before it used after it, every process on the new venv); the lab stays up on $TO. Then Tempest judges the
# upgraded cloud.
if [[ "$QUICK" != 1 ]]; then
echo "== rolling upgrade $RELEASE -> $TO (Tests/Integration/ha-upgrade/run.sh on this lab)"
start=$SECONDS
OLD_VENV="$VENV" NEW_VENV="$NEW_VENV" BOJAGI="$BOJAGI" BOJAGI_HA=1 "$ROOT/Tests/Integration/ha-upgrade/run.sh" --keep "$LAB" > "$LAB/upgrade.txt" 2>&1
upgrade_seconds=$((SECONDS - start))
grep -E '^  (ok|FAIL) ' "$LAB/upgrade.txt" | sed 's/^  /  upgrade /'
grep -E '^FIGURE' "$LAB/upgrade.txt" | sed 's/^FIGURE /FIGURE upgrade: /'
counted ha-upgrade "$LAB/upgrade.txt"
VENV="$NEW_VENV"
seen+=" $(stamped $(recorded))"
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab
start=$SECONDS
if "$BOJAGI" verify --tempest smoke > "$LAB/tempest.txt" 2>&1; then ok "tempest smoke through the VIP on the upgraded cloud ($TO): zero failures"; else bad "tempest smoke through the VIP on $TO"; fi
sed -n '/^Tempest /,/^$/p;/^SERVICE/,/^$/p;/^Failures:/,/^$/p' "$LAB/tempest.txt" | sed 's/^/       /'
tempest_seconds=$((SECONDS - start))
unset OS_CLIENT_CONFIG_FILE OS_CLOUD
fi

# Last before the runbooks: the killed monitor stays down (nothing in the lab restarts a single Ceph daemon; `lab up`
# on a lab that is not healthy restarts all of it), and add-osd, the scale-out and the upgrade want a healthy lab.
echo "== Ceph: the monitor clients list first killed"
mon_pid=$(lab status --format json | python3 -c 'import json,sys; print(next(p["pid"] for p in json.load(sys.stdin)["processes"] if p["service"] == "ceph-mon.ctl1"))')
kill -KILL "$mon_pid"
start=$SECONDS
check "the two other monitors keep the quorum" bash -c "for i in \$(seq 60); do [ \"\$(timeout 30 ceph -c '$CONF' --connect-timeout 10 quorum_status -f json 2>/dev/null | python3 -c 'import json,sys; print(\",\".join(json.load(sys.stdin)[\"quorum_names\"]))' 2>/dev/null)\" = ctl2,ctl3 ] && exit 0; sleep 1; done; exit 1"
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab
vol=$("$VENV/bin/openstack" volume create --size 1 bojagi-ha-mon-down -f value -c id 2>/dev/null)
check "with ctl1's monitor dead, a volume is made on RBD through the VIP" bash -c "for i in \$(seq 60); do s=\$('$VENV/bin/openstack' volume show '$vol' -f value -c status 2>/dev/null); [ \"\$s\" = available ] && exit 0; [ \"\$s\" = error ] && exit 1; sleep 2; done; exit 1"
mon_fault_seconds=$((SECONDS - start))
check "the image list answers through the VIP" bash -c "'$VENV/bin/openstack' image list >/dev/null 2>&1"
"$VENV/bin/openstack" volume delete "$vol" >/dev/null 2>&1
unset OS_CLIENT_CONFIG_FILE OS_CLOUD

# Issue 13: the operations manual's Galera full-cluster recovery, RabbitMQ node loss and add-compute runbooks,
# executed step by step as `bojagi manual` writes them for this blueprint. Last before down: the processes the
# runbooks restart are not in the lab's state, and `lab down` stops whatever is left in the namespaces.
echo "== the manual's runbooks, executed"
# The blueprint the lab keeps: the upgrade's last step moved it to $TO.
kept="$LAB/blueprint.yaml"; [[ -f "$kept" ]] || kept="$BLUEPRINT"
"$BOJAGI" manual "$kept" --lang en --format json > "$LAB/runbooks.json" 2> "$LAB/runbooks.err" || bad "bojagi manual --format json"
LAB="$LAB" VENV="$VENV" BOJAGI="$BOJAGI" "$ROOT/Tests/Integration/manual/runbooks-ha.sh" "$LAB/runbooks.json" > "$LAB/runbooks.txt" 2>&1
grep -E '^(ok|FAIL) +- ' "$LAB/runbooks.txt" | sed 's/^/  runbook /'
counted runbooks-ha.sh "$LAB/runbooks.txt"

echo "== down --wipe"
check "lab down --wipe" lab down --wipe
trap - EXIT
# Ours and running: the same start time, and not a zombie waiting for init to reap it.
running() { local stat; stat=$(sed 's/^.*) //' "/proc/${1%@*}/stat" 2>/dev/null) || return 1; [[ "$(awk '{print $20}' <<<"$stat")" == "${1#*@}" && "$(awk '{print $1}' <<<"$stat")" != Z ]]; }
left=""
for entry in $seen; do running "$entry" && left+=" ${entry%@*}"; done
check "no recorded pid alive${left:+ (left:$left)}" test -z "$left"
check "no process uses the lab home" bash -c "! ps -eo stat=,args= | grep -v '^Z' | grep -F '$LAB/' | grep -v grep"
check "no lab namespace" bash -c "! ip netns list | grep -Eq '^(bjhub|bjctl[123]|bjcmp1|bjsto[0-9])( |\$)'"
check "no Ceph daemon of the lab left" bash -c "! pgrep -f 'ceph-(mon|mgr|osd) -c $CONF' >/dev/null"
check "nothing new in /etc/ceph, /var/lib/ceph, /var/log/ceph" test "$ceph_before" = "$(snapshot)"
check "no host link bjhost" bash -c "! ip link show bjhost >/dev/null 2>&1"
check "data wiped" test ! -e "$LAB/data"

echo "== figures"
echo "FIGURE ha: up ${up_seconds} s, ${rss} MiB resident (Ceph daemons ${ceph_rss} MiB), monitor fault to a new volume ${mon_fault_seconds:-?} s, verify ${verify_seconds} s, drill ${drill_seconds:--} s, up again ${restart_seconds:--} s, upgrade suite ${upgrade_seconds:--} s, tempest smoke on $TO ${tempest_seconds:--} s"
python3 - "$LAB/drill.json" 2>/dev/null <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"FIGURE drill probe: {report['api_clients']} clients every {report['api_interval_seconds'] * 1000:.0f} ms, queue every {report['queue_interval_seconds']} s")
for f in report["faults"]:
    api, queue, move = f["api"], f["queue"], f.get("vip_move_seconds")
    print(f"FIGURE drill {f['name']}: window {api['seconds']:.1f} s, API {api['rate']:.1f} req/s ({api['requests']} requests, {api['failed']} failed), "
          f"API down {api['unavailable_seconds']:.1f} s ±{api['resolution_seconds']:.2f}, slowest {api['slowest_seconds']:.1f} s; "
          f"queue {queue['rate']:.1f}/s, down {queue['unavailable_seconds']:.1f} s ±{queue['resolution_seconds']:.2f} ({queue['failed']} failed); "
          f"VIP move {'-' if move is None else f'{move:.1f} s'}, healed in {f['heal_seconds']:.0f} s")
    for a in api["apis"] + queue["apis"]:
        print(f"FIGURE drill {f['name']} {a['name']}: {a['requests']} requests, {a['failed']} failed, longest gap {a['longest_gap_seconds']:.2f} s, "
              f"{a['rate']:.1f}/s, resolution {a['resolution_seconds']:.2f} s")
PY
echo "$PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
