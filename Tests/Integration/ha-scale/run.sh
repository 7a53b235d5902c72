#!/usr/bin/env bash
# Integration: online scale-out and scale-in of the HA lab — `bojagi lab add-host` and `remove-host` for real.
#
#   BOJAGI_HA=1 Tests/Integration/ha-scale/run.sh [--keep] [LAB_HOME]
#
# CI runs it inside the HA suite (Tests/Integration/ha/run.sh passes its own lab and --keep), so the loop over
# Tests/Integration/*/run.sh skips it when no LAB_HOME is given; BOJAGI_HA_SCALE=1 runs it alone.
#
# With LAB_HOME holding a healthy HA lab (e.g. the HA suite's, left up), the suite uses it and saves the ~3 min
# bring-up; otherwise it brings one up there (or in a temporary directory) from the web-application package.
# Either way it takes the lab down with --wipe at the end, unless --keep (then a lab it found stays up, scaled
# back to how it was found).
#
# add-host: the blueprint gains cmp03, a namespace bjcmp2 runs nova-compute and cinder-volume, the hypervisor is
# discovered into cell1 and in Placement, its service enabled and up, a server boots on it; every other process
# of the lab keeps its pid. remove-host: refused for a controller, an unknown node and (at the end) the last
# compute node; cmp2 is drained (its server migrated to cmp1), its compute service, resource provider,
# cinder-volume service, processes and namespace are gone, the blueprint is back as it was, and again no other
# process restarted. Needs root (namespaces). Skipped unless BOJAGI_HA=1.
set -uo pipefail

if [[ "${BOJAGI_HA:-0}" != "1" ]]; then
    echo "skipped: set BOJAGI_HA=1"
    exit 0
fi
if [[ -z "${1:-}" && "${BOJAGI_HA_SCALE:-0}" != "1" ]]; then
    echo "skipped: runs inside Tests/Integration/ha/run.sh on its lab (BOJAGI_HA_SCALE=1 to run it alone)"
    exit 0
fi

KEEP=0
if [[ "${1:-}" == "--keep" ]]; then KEEP=1; shift; fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LAB="${1:-$(mktemp -d /tmp/bojagi-ha-scale.XXXXXX)}"
mkdir -p "$LAB" && LAB="$(cd "$LAB" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
VENV="${VENV:-${BOJAGI_HOME:-$HOME/.bojagi}/venvs/openstack-2026.2}"   # the HA suite passes its lab's
PASS=0; FAIL=0
ok()  { echo "  ok   $*"; PASS=$((PASS + 1)); }
bad() { echo "  FAIL $*"; FAIL=$((FAIL + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
lab() { "$BOJAGI" drill lab "$@" --home "$LAB" --venv "$VENV"; }
scale() { local verb="$1"; shift; "$BOJAGI" lab "$verb" --home "$LAB" --venv "$VENV" "$@"; }
os() { "$VENV/bin/openstack" "$@"; }
pids_except() { lab status --format json | python3 -c '
import json, sys
print(" ".join(sorted(p["node"] + "/" + p["service"] + "=" + str(p["pid"]) for p in json.load(sys.stdin)["processes"] if p["node"] != sys.argv[1])))' "$1"; }

[[ $(id -u) -eq 0 ]] || { echo "the HA lab needs root (network namespaces)"; exit 1; }
[[ -x "$BOJAGI" ]] || { echo "no bojagi at $BOJAGI: run swift build first"; exit 1; }
suite_start=$SECONDS

if lab status >/dev/null 2>&1; then
    echo "== using the healthy HA lab in $LAB"
    FOUND=1
elif [[ -f "$LAB/state.json" ]]; then
    # A lab was given (or left) here but is not healthy: bringing one up in its place would
    # stop it and start another — never the test that was asked for.
    lab status 2>&1 | tail -15 | sed 's/^/       /'
    bad "the HA lab in $LAB is not healthy: refusing to bring up another in its place"
    echo "$PASS passed, $FAIL failed"
    exit 1
else
    FOUND=0
    "$ROOT/scripts/ha-lab/install-apt.sh" >/dev/null || { echo "cannot install the HA lab's Debian packages"; exit 1; }
    "$ROOT/scripts/lab/install-venv.sh" 2026.2 "$VENV" >/dev/null || { echo "cannot install the lab's venv"; exit 1; }
    echo "== HA lab of the web-application package in $LAB"
    ( cd "$LAB" && "$BOJAGI" init --profile web-application --release 2026.2 --force >/dev/null ) || { echo "bojagi init failed"; exit 1; }
    start=$SECONDS
    if lab up "$LAB/bojagi.yaml" > "$LAB/up.out" 2> "$LAB/up.err"; then ok "lab up ($((SECONDS - start)) s)"; else bad "lab up"; tail -25 "$LAB/up.err" | sed 's/^/       /'; lab down --wipe >/dev/null 2>&1; exit 1; fi
fi
[[ $KEEP -eq 1 ]] || trap 'lab down --wipe >/dev/null 2>&1' EXIT
# A lab brought up before `lab up` kept its blueprint: start from the file it came up with.
BLUEPRINT_ARG=()
[[ -f "$LAB/blueprint.yaml" ]] || BLUEPRINT_ARG=(--blueprint "$LAB/bojagi.yaml")
ORIGINAL="$(cat "$LAB/blueprint.yaml" 2>/dev/null || cat "$LAB/bojagi.yaml")"
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab

echo "== add-host"
before="$(pids_except cmp2)"
start=$SECONDS
if scale add-host "${BLUEPRINT_ARG[@]}" --keep-server --format json > "$LAB/add.json" 2> "$LAB/add.err"; then ok "lab add-host exits 0"; else bad "lab add-host"; tail -20 "$LAB/add.err" | sed 's/^/       /'; fi
add_seconds=$((SECONDS - start))
python3 - "$LAB/add.json" > "$LAB/add-checks.txt" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as error:
    print(f"FAIL add-host report is JSON ({error})"); sys.exit()
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
steps = {s["name"]: s for s in r["steps"]}
line(r["host"] == "cmp2" and r["blueprint_host"] == "cmp03", f"the lab node cmp2 stands for blueprint host cmp03 ({r['host']}, {r.get('blueprint_host')})")
line(list(steps) == ["render", "network", "start", "compute service", "placement", "discover", "volume service", "boot"], f"every step ran, in order: {', '.join(steps)}")
line("discover_hosts" in steps.get("discover", {}).get("detail", ""), "cell mapping by nova-manage cell_v2 discover_hosts")
line(any(s["to"] == "cmp2" and s["action"].startswith("booted") for s in r["servers"]), "a server booted on cmp2 through the scheduler")
line(r["passed"] and r["restarted"] == [] and r["other_processes"] >= 40, f"the report: nothing else restarted ({r['other_processes']} compared)")
line(any(s.startswith("bootstrap-servers --limit cmp03") for s in r["engine_steps"]), "the engine's steps for the same change: bootstrap-servers --limit cmp03")
line(r["api_requests"] > 0, f"the API was probed throughout: {r['api_failed']} failed of {r['api_requests']}")
PY
while read -r verdict rest; do if [[ "$verdict" == "ok" ]]; then ok "$rest"; else bad "$rest"; fi; done < "$LAB/add-checks.txt"
check "every other process kept its pid (lab status before and after)" test "$(pids_except cmp2)" = "$before"
check "nova-compute on cmp2 enabled and up" bash -c "'$VENV/bin/openstack' compute service list --service nova-compute -f value -c Host -c Status -c State | grep -qx 'cmp2 enabled up'"
check "hypervisor cmp2 listed" bash -c "'$VENV/bin/openstack' hypervisor list -f value -c 'Hypervisor Hostname' | grep -qx cmp2"
check "cmp2's resource provider in Placement" bash -c "'$VENV/bin/python' -c 'import openstack,sys; sys.exit(0 if \"cmp2\" in [p.name for p in openstack.connect().placement.resource_providers()] else 1)'"
check "cinder-volume on cmp2 up" bash -c "'$VENV/bin/openstack' volume service list --service cinder-volume -f value -c Host -c State | grep -q '^cmp2@.* up$'"
check "blueprint.yaml gained cmp03 and validates" bash -c "grep -q 'name: cmp03' '$LAB/blueprint.yaml' && '$BOJAGI' validate '$LAB/blueprint.yaml' >/dev/null"
check "add-host report saved beside the drill's" test -s "$LAB/drill/add-host-latest.json"
server="$(python3 -c 'import json,sys; print([s["id"] for s in json.load(open(sys.argv[1]))["servers"]][0])' "$LAB/add.json" 2>/dev/null)"
check "the kept server is ACTIVE on cmp2" bash -c "[ \"\$('$VENV/bin/openstack' server show '$server' -f value -c status -c OS-EXT-SRV-ATTR:host | tr '\n' ' ')\" = 'cmp2 ACTIVE ' ]"

echo "== remove-host refusals"
out="$(scale remove-host --name ctl2 2>&1)"; status=$?
check "a controller is refused (exit 1, quorum named)" bash -c "[ $status -eq 1 ] && grep -q 'majority' <<< \"\$1\"" _ "$out"
out="$(scale remove-host --name cmp9 2>&1)"; status=$?
check "an unknown node is refused with the nodes listed" bash -c "[ $status -eq 1 ] && grep -q 'cmp1, cmp2' <<< \"\$1\"" _ "$out"

echo "== remove-host"
before="$(pids_except cmp2)"
cmp2_pids="$(lab status --format json | python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)["processes"] if p["node"] == "cmp2"))')"
start=$SECONDS
if scale remove-host --name cmp2 --format json > "$LAB/remove.json" 2> "$LAB/remove.err"; then ok "lab remove-host exits 0"; else bad "lab remove-host"; tail -20 "$LAB/remove.err" | sed 's/^/       /'; fi
remove_seconds=$((SECONDS - start))
python3 - "$LAB/remove.json" "$server" > "$LAB/remove-checks.txt" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as error:
    print(f"FAIL remove-host report is JSON ({error})"); sys.exit()
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
steps = {s["name"]: s for s in r["steps"]}
moved = [s for s in r["servers"] if s["id"] == sys.argv[2]]
line(list(steps) == ["disable", "move servers", "stop", "delete compute service", "delete volume service", "namespace"], f"steps in order: {', '.join(steps)}")
line(len(moved) == 1 and moved[0]["to"] == "cmp1" and "migrate" in moved[0]["action"], f"the server moved to cmp1: {moved[0]['action'] if moved else 'not moved'}")
line(r["passed"] and r["restarted"] == [], "the report: nothing else restarted")
line(r["blueprint_host"] == "cmp03" and any(s.startswith("stop --limit cmp03") for s in r["engine_steps"]), "the engine's steps for the same change: stop --limit cmp03")
line(r["api_requests"] > 0, f"the API was probed throughout: {r['api_failed']} failed of {r['api_requests']}")
PY
while read -r verdict rest; do if [[ "$verdict" == "ok" ]]; then ok "$rest"; else bad "$rest"; fi; done < "$LAB/remove-checks.txt"
check "every other process kept its pid" test "$(pids_except cmp2)" = "$before"
check "the server is ACTIVE on cmp1" bash -c "[ \"\$('$VENV/bin/openstack' server show '$server' -f value -c status -c OS-EXT-SRV-ATTR:host | tr '\n' ' ')\" = 'cmp1 ACTIVE ' ]"
check "no nova-compute service on cmp2" bash -c "! '$VENV/bin/openstack' compute service list -f value -c Host | grep -qx cmp2"
check "no resource provider cmp2" bash -c "'$VENV/bin/python' -c 'import openstack,sys; sys.exit(1 if \"cmp2\" in [p.name for p in openstack.connect().placement.resource_providers()] else 0)'"
check "no cinder-volume service on cmp2" bash -c "! '$VENV/bin/openstack' volume service list -f value -c Host | grep -q '^cmp2@'"
left=""; for pid in $cmp2_pids; do [[ -n "$(ps -o stat= -p "$pid" 2>/dev/null | grep -v '^Z')" ]] && left+=" $pid"; done
check "cmp2's processes are gone${left:+ (left:$left)}" test -n "$cmp2_pids" -a -z "$left"
check "no namespace bjcmp2, no veth bjvcmp2" bash -c "! ip netns list | grep -q '^bjcmp2\\b' && ! ip -n bjhub link show bjvcmp2 >/dev/null 2>&1"
check "the state records nothing of cmp2" bash -c "! grep -q cmp2 '$LAB/state.json'"
check "the blueprint is back as it was" bash -c "[ \"\$(cat '$LAB/blueprint.yaml')\" = \"\$1\" ]" _ "$ORIGINAL"
check "remove-host report saved beside the drill's" test -s "$LAB/drill/remove-host-latest.json"
out="$(scale remove-host --name cmp1 2>&1)"; status=$?
check "the last compute node is refused" bash -c "[ $status -eq 1 ] && grep -q 'last compute node' <<< \"\$1\"" _ "$out"
check "the lab is healthy after" bash -c "'$BOJAGI' drill lab status --home '$LAB' --venv '$VENV' >/dev/null"
os server delete --wait "$server" >/dev/null 2>&1
os image list -f value -c ID -c Name | awk '$2 ~ /^bojagi-scale-/ {print $1}' | xargs -r "$VENV/bin/openstack" image delete >/dev/null 2>&1
unset OS_CLIENT_CONFIG_FILE OS_CLOUD

python3 - "$LAB/add.json" "$LAB/remove.json" <<'PY' 2>/dev/null
import json, sys
for path in sys.argv[1:]:
    r = json.load(open(path))
    steps = ", ".join(f"{s['name']} {s['seconds']:.1f} s" for s in r["steps"])
    print(f"   {r['operation']:11} {r['seconds']:.0f} s, API {r['api_failed']} failed of {r['api_requests']}; {steps}")
PY
if [[ $KEEP -eq 0 ]]; then
    check "lab down --wipe" lab down --wipe
    trap - EXIT
    check "no lab namespace left" bash -c "! ip netns list | grep -Eq '^(bjhub|bjctl[123]|bjcmp[0-9]+)( |\$)'"
fi
echo "== figures: add-host ${add_seconds} s, remove-host ${remove_seconds} s, suite $((SECONDS - suite_start)) s (lab found running: $FOUND)"
echo "$PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
