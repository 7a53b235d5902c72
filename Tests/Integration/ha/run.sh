#!/usr/bin/env bash
# Integration: the HA lab for real, then the failover drill on it.
#
#   BOJAGI_HA=1 Tests/Integration/ha/run.sh [LAB_HOME]
#
# Brings up three controller namespaces (Galera, RabbitMQ, memcached, HAProxy, keepalived, Keystone in each),
# runs `bojagi drill` (VIP holder's keepalived + HAProxy, one Galera node, one RabbitMQ node), asserts that every
# fault healed with nothing lost and downtimes within bounds, takes the lab down and asserts nothing is left:
# no recorded pid alive, no process using the lab home, no namespace, no host link.
# Needs root (namespaces). Skipped unless BOJAGI_HA=1: scripts/test.sh runs every integration suite.
# Bounds (seconds, override by environment): HA_MAX_VIP_MOVE=10, HA_MAX_API_DOWN=30, HA_MAX_UP=300.
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
MAX_VIP_MOVE="${HA_MAX_VIP_MOVE:-10}"
MAX_API_DOWN="${HA_MAX_API_DOWN:-30}"
MAX_UP="${HA_MAX_UP:-300}"
PASS=0; FAIL=0
ok()  { echo "  ok   $*"; PASS=$((PASS + 1)); }
bad() { echo "  FAIL $*"; FAIL=$((FAIL + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
lab() { "$BOJAGI" drill lab "$@" --home "$LAB"; }

[[ $(id -u) -eq 0 ]] || { echo "the HA lab needs root (network namespaces)"; exit 1; }
[[ -x "$BOJAGI" ]] || { echo "no bojagi at $BOJAGI: run swift build first"; exit 1; }
"$ROOT/scripts/ha-lab/install-apt.sh" >/dev/null || { echo "cannot install the HA lab's Debian packages"; exit 1; }
"$ROOT/scripts/ha-lab/install-venv.sh" >/dev/null || { echo "cannot install the HA lab's venv"; exit 1; }

echo "== HA lab in $LAB"
trap 'lab down --wipe >/dev/null 2>&1' EXIT
start=$SECONDS
if lab up > "$LAB/up.out" 2> "$LAB/up.err"; then ok "lab up"; else bad "lab up"; sed 's/^/       /' "$LAB/up.err" | tail -25; exit 1; fi
up_seconds=$((SECONDS - start))
check "up within ${MAX_UP} s (took ${up_seconds} s)" test "$up_seconds" -le "$MAX_UP"
lab status --format json > "$LAB/status.json"
check "status: healthy" python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["galera_cluster_size"]==3 and s["rabbitmq_running_nodes"]==3 and s["keystone"] and s["vip_holder"] else 1)' "$LAB/status.json"
rss=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["resident_mi_b"])' "$LAB/status.json" 2>/dev/null || echo "?")
pids=$(python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(open(sys.argv[1]))["processes"]))' "$LAB/status.json")
check "a second up is idempotent" lab up
check "up kept the same processes" test "$(lab status --format json | python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)["processes"]))')" = "$pids"

echo "== drill"
start=$SECONDS
"$BOJAGI" drill --home "$LAB" --format json > "$LAB/drill.json" 2> "$LAB/drill.err"
drill_status=$?
drill_seconds=$((SECONDS - start))
check "drill exits 0" test "$drill_status" -eq 0
[[ $drill_status -eq 0 ]] || tail -20 "$LAB/drill.err" | sed 's/^/       /'
check "drill report saved in the lab home" test -s "$LAB/drill/latest.json"
python3 - "$LAB/drill.json" "$MAX_VIP_MOVE" "$MAX_API_DOWN" > "$LAB/assertions.txt" <<'PY'
import json, sys
report, max_vip, max_down = json.load(open(sys.argv[1])), float(sys.argv[2]), float(sys.argv[3])
faults = {f["name"]: f for f in report["faults"]}
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
line(set(faults) == {"load-balancer", "database", "queue"}, f"three faults: {sorted(faults)}")
for name, f in faults.items():
    line(f["healed"], f"{name}: healed in {f['heal_seconds']:.0f} s (Galera {f['galera_cluster_size']}, RabbitMQ {f['rabbitmq_running_nodes']})")
    line(f["galera_cluster_size"] == 3 and f["rabbitmq_running_nodes"] == 3, f"{name}: Galera back to 3, RabbitMQ 3 running nodes")
    line(f["project_kept"], f"{name}: project written before the fault read back")
    line(f["message_kept"], f"{name}: message queued before the fault consumed")
    line(f["api"]["unavailable_seconds"] <= max_down, f"{name}: API down {f['api']['unavailable_seconds']:.1f} s <= {max_down:.0f} s ({f['api']['failed']}/{f['api']['requests']} failed)")
    line(f["queue"]["unavailable_seconds"] <= max_down, f"{name}: queue down {f['queue']['unavailable_seconds']:.1f} s <= {max_down:.0f} s ({f['queue']['failed']}/{f['queue']['requests']} failed)")
lb = faults.get("load-balancer", {})
move = lb.get("vip_move_seconds")
line(move is not None and move < max_vip, f"load-balancer: VIP moved in {move} s < {max_vip:.0f} s to {lb.get('vip_holder_after')}")
PY
while read -r verdict rest; do
    if [[ "$verdict" == "ok" ]]; then ok "$rest"; else bad "$rest"; fi
done < "$LAB/assertions.txt"

echo "== down"
# The drill restarted what it killed: those pids count too.
pids+=" $(lab status --format json | python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)["processes"]))')"
check "lab down --wipe" lab down --wipe
trap - EXIT
# A zombie waiting for init to reap it is not running: only count processes in another state.
running() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)"; [[ -n "$state" && "$state" != Z* ]]; }
left=""
for pid in $pids; do running "$pid" && left+=" $pid"; done
check "no recorded pid alive${left:+ (left:$left)}" test -z "$left"
check "no process uses the lab home" bash -c "! ps -eo stat=,args= | grep -v '^Z' | grep -F '$LAB/' | grep -v grep"
check "no lab namespace" bash -c "! ip netns list | grep -Eq '^(bjhub|bjctl[123])( |\$)'"
check "no host link bjhost" bash -c "! ip link show bjhost >/dev/null 2>&1"
check "data wiped" test ! -e "$LAB/data"

echo "== figures: up ${up_seconds} s, ${rss} MiB resident, drill ${drill_seconds} s"
python3 - "$LAB/drill.json" 2>/dev/null <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["faults"]:
    api, queue, move = f["api"], f["queue"], f.get("vip_move_seconds")
    print(f"   {f['name']:14} API down {api['unavailable_seconds']:.1f} s ({api['failed']}/{api['requests']} failed, slowest "
          f"{api['slowest_seconds']:.1f} s), queue down {queue['unavailable_seconds']:.1f} s ({queue['failed']} failed), "
          f"VIP move {'-' if move is None else f'{move:.1f} s'}, healed in {f['heal_seconds']:.0f} s")
PY
echo "$PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
