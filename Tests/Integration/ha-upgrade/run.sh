#!/usr/bin/env bash
# Integration: the rolling upgrade drill — `bojagi drill upgrade --to 2026.2` on the HA lab running 2026.1, for real.
#
#   BOJAGI_HA=1 Tests/Integration/ha-upgrade/run.sh [--keep] [LAB_HOME]
#
# Gated like ha-scale: skipped unless BOJAGI_HA=1, and unless a LAB_HOME is given or BOJAGI_HA_UPGRADE=1. With
# LAB_HOME holding a healthy HA lab on 2026.1 the suite uses it; otherwise it brings up the web-application
# package's HA lab on 2026.1 there (or in a temporary directory). It takes the lab down with --wipe at the end
# unless --keep (the lab then stays up, on 2026.2).
#
# Refusals first (the lab already on 2026.1, a release older than the lab's, a release no venv pins). Then the
# resume test: the execute bit of 2026.2's glance-manage is removed, so the upgrade's `expand glance` step fails;
# the run must exit 2 naming the step, its log and "run `bojagi drill upgrade --to 2026.2` again to continue",
# with every API still answering. The bit restored, a second run continues from that step and finishes. Checked
# after: every step done in order (the ones before the failure by the first run), every object made before the
# upgrade still there and usable (a new server booted, the old volume attached to it, the message consumed), the
# lab's state on 2026.2 and its venv, every Keystone and OpenStack process running from 2026.2's venv
# (/proc/<pid>/cmdline or exe), `lab status` healthy, the report saved and shown by `bojagi manual`. API gaps and
# failures are FIGURE lines, never thresholds. Needs root (namespaces).
set -uo pipefail

if [[ "${BOJAGI_HA:-0}" != "1" ]]; then
    echo "skipped: set BOJAGI_HA=1"
    exit 0
fi
if [[ -z "${1:-}" && "${BOJAGI_HA_UPGRADE:-0}" != "1" ]]; then
    echo "skipped: give a LAB_HOME with a healthy HA lab on 2026.1, or set BOJAGI_HA_UPGRADE=1 to bring one up"
    exit 0
fi

KEEP=0
if [[ "${1:-}" == "--keep" ]]; then KEEP=1; shift; fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LAB="${1:-$(mktemp -d /tmp/bojagi-ha-upgrade.XXXXXX)}"
mkdir -p "$LAB" && LAB="$(cd "$LAB" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
FROM=2026.1
TO=2026.2
VENVS="${BOJAGI_HOME:-$HOME/.bojagi}/venvs"
OLD="${OLD_VENV:-$VENVS/openstack-$FROM}"
NEW="${NEW_VENV:-$VENVS/openstack-$TO}"
PASS=0; FAIL=0
ok()  { echo "  ok   $*"; PASS=$((PASS + 1)); }
bad() { echo "  FAIL $*"; FAIL=$((FAIL + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
lab() { "$BOJAGI" drill lab "$@" --home "$LAB"; }
upgrade() { "$BOJAGI" drill upgrade --home "$LAB" --target-venv "$NEW" "$@"; }

[[ $(id -u) -eq 0 ]] || { echo "the HA lab needs root (network namespaces)"; exit 1; }
[[ -x "$BOJAGI" ]] || { echo "no bojagi at $BOJAGI: run swift build first"; exit 1; }
suite_start=$SECONDS

if lab status >/dev/null 2>&1 && grep -q "\"release\" *: *\"$FROM\"" "$LAB/state.json"; then
    echo "== using the healthy HA lab on $FROM in $LAB"
    FOUND=1
elif [[ -f "$LAB/state.json" ]]; then
    # A lab was given (or left) here but is not healthy or not on $FROM: bringing one up in its place would
    # stop it and start another — never the test that was asked for.
    lab status 2>&1 | tail -15 | sed 's/^/       /'
    bad "the HA lab in $LAB is not healthy on $FROM: refusing to bring up another in its place"
    echo "$PASS passed, $FAIL failed"
    exit 1
else
    FOUND=0
    "$ROOT/scripts/ha-lab/install-apt.sh" >/dev/null || { echo "cannot install the HA lab's Debian packages"; exit 1; }
    for release in $FROM $TO; do
        "$ROOT/scripts/lab/install-venv.sh" "$release" "$VENVS/openstack-$release" >/dev/null || { echo "cannot install the $release venv"; exit 1; }
    done
    echo "== HA lab of the web-application package on $FROM in $LAB"
    ( cd "$LAB" && "$BOJAGI" init --profile web-application --release $FROM --force >/dev/null ) || { echo "bojagi init failed"; exit 1; }
    start=$SECONDS
    if lab up "$LAB/bojagi.yaml" --venv "$OLD" > "$LAB/up.out" 2> "$LAB/up.err"; then ok "lab up on $FROM ($((SECONDS - start)) s)"
    else bad "lab up"; tail -25 "$LAB/up.err" | sed 's/^/       /'; lab down --wipe >/dev/null 2>&1; exit 1; fi
fi
GLANCE_MANAGE="$NEW/bin/glance-manage"
restore() { chmod +x "$GLANCE_MANAGE" 2>/dev/null; }
if [[ $KEEP -eq 1 ]]; then trap restore EXIT; else trap 'restore; lab down --wipe >/dev/null 2>&1' EXIT; fi
export OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD=bojagi-ha-lab

echo "== refusals"
out="$(upgrade --to $FROM 2>&1)"; status=$?
check "a lab already on $FROM is refused (exit 1)" bash -c "[ $status -eq 1 ] && grep -q 'already runs $FROM' <<< \"\$1\"" _ "$out"
out="$(upgrade --to 2025.2 2>&1)"; status=$?
check "an older release is refused with the planner's reason (exit 1)" bash -c "[ $status -eq 1 ] && grep -q 'older than' <<< \"\$1\"" _ "$out"
out="$(upgrade --to 2024.2 2>&1)"; status=$?
check "a release no venv pins is refused, naming those the lab runs" bash -c "[ $status -eq 1 ] && grep -q '2025.1, 2025.2, 2026.1, 2026.2' <<< \"\$1\"" _ "$out"

echo "== a step fails: $TO's glance-manage not executable"
chmod -x "$GLANCE_MANAGE"
start=$SECONDS
upgrade --to $TO > "$LAB/upgrade-1.out" 2> "$LAB/upgrade-1.err"; status=$?
first_seconds=$((SECONDS - start))
restore
check "the first run exits 2" test $status -eq 2
check "it names the failed step and its log" bash -c "grep -q \"step 'expand glance' failed\" '$LAB/upgrade-1.err' && grep -q 'log: $LAB/log/upgrade-glance.log' '$LAB/upgrade-1.err'"
check "it says how the cloud was left and how to continue" bash -c "grep -q 'the cloud: nothing was stopped' '$LAB/upgrade-1.err' && grep -qF 'run \`bojagi drill upgrade --to $TO\` again to continue' '$LAB/upgrade-1.err'"
check "every API still answers, the lab healthy" lab status
check "the resume record holds the failure" python3 -c "
import json,sys; p=json.load(open('$LAB/upgrade-progress.json'))
sys.exit(0 if p['failure']['step']=='expand glance' and 'expand keystone' in [d['step'] for d in p['done']] else 1)"
sed -n '/failed:/,$p' "$LAB/upgrade-1.err" | head -12 | sed 's/^/       /'

echo "== the second run continues"
start=$SECONDS
upgrade --to $TO > "$LAB/upgrade-2.out" 2> "$LAB/upgrade-2.err"; status=$?
second_seconds=$((SECONDS - start))
cp "$LAB/drill/upgrade-latest.json" "$LAB/upgrade.json" 2>/dev/null
check "the second run exits 0" test $status -eq 0
[[ $status -eq 0 ]] || tail -20 "$LAB/upgrade-2.err" | sed 's/^/       /'
check "it continued from the failed step" grep -q "continuing the upgrade to $TO" "$LAB/upgrade-2.err"
python3 - "$LAB/upgrade.json" "$NEW" > "$LAB/upgrade-checks.txt" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as error:
    print(f"FAIL the report is JSON ({error})"); sys.exit()
def line(ok, what): print(("ok   " if ok else "FAIL ") + what)
names = [s["name"] for s in r["steps"]]
services = ["keystone", "glance", "cinder", "placement", "nova", "neutron", "heat"]
want = (["venv", "make-data"] + [f"check {s}" for s in services] + [f"expand {s}" for s in services + ["horizon"]]
        + ["controller ctl1", "controller ctl2", "controller ctl3", "compute cmp1"]
        + [f"contract {s}" for s in ["keystone", "glance", "cinder", "placement", "nova", "neutron"]] + ["check-data", "finish"])
line(names == want, "every step ran, in kolla-ansible's order: " + ", ".join(names))
first = {s["name"] for s in r["steps"] if s["run"] != r["run_id"]}
line("expand keystone" in first and "expand glance" not in first and all(s not in first for s in want[want.index("expand glance"):]),
     f"the steps before the failure came from the first run ({len(first)}), the rest from this one")
kinds = {c["kind"]: c for c in r["data"]}
for kind in ["project", "network", "server", "image", "volume", "new server", "attachment", "message"]:
    c = kinds.get(kind)
    line(c is not None and c["ok"], f"{kind} made before the upgrade: {c['detail'] if c else 'not checked'}")
line(r["passed"] and all(c["ok"] for c in r["data"]), f"zero data lost ({len(r['data'])} checks)")
line(r["route"].startswith("2026.1 Gazpacho → 2026.2 Hibiscus") and r["planner_steps"], f"the planner's route {r['route']} and its {len(r['planner_steps'])} steps")
line(r["api_requests"] > 0, f"the APIs were probed throughout: {r['api_failed']} failed of {r['api_requests']}")
for step in r["steps"]:
    if step["name"].startswith(("controller", "compute")):
        line(sys.argv[2] in step["detail"] and (step["name"].startswith("compute") or "back in rotation" in step["detail"]), f"{step['name']}: started from {sys.argv[2]}")
PY
while read -r verdict rest; do if [[ "$verdict" == "ok" ]]; then ok "$rest"; else bad "$rest"; fi; done < "$LAB/upgrade-checks.txt"
check "the lab's state says $TO and its venv" python3 -c "
import json,sys; s=json.load(open('$LAB/state.json')); sys.exit(0 if s['release']=='$TO' and s['venv']=='$NEW' else 1)"
lab status --format json > "$LAB/status.json"; status=$?
check "lab status healthy after the upgrade" test $status -eq 0
old_ones="$(python3 - "$LAB/status.json" "$NEW" <<'PY'
import json, os, sys
infra = {"memcached", "mariadb", "rabbitmq", "haproxy", "keepalived"}
s = json.load(open(sys.argv[1]))
bad, count = [], 0
for p in s["processes"]:
    if p["service"] in infra or p["service"].startswith("ceph-"):
        continue
    count += 1
    # uWSGI masters rename themselves (procname-prefix-spaced: "bojagi-lab-nova uWSGI master"), so their
    # executable says where they came from; the Python daemons' executable is the interpreter the venv links to,
    # so their command line says it (venv/bin/nova-conductor).
    try:
        cmdline = open(f"/proc/{p['pid']}/cmdline", "rb").read().decode(errors="replace")
        exe = os.readlink(f"/proc/{p['pid']}/exe")
    except OSError:
        cmdline = exe = ""
    if sys.argv[2] + "/" not in cmdline and not exe.startswith(sys.argv[2] + "/"):
        bad.append(f"{p['node']}/{p['service']}")
print(f"{count} {' '.join(bad)}")
PY
)"
read -r counted stale <<< "$old_ones"
check "all $counted Keystone and OpenStack processes run from $TO's venv${stale:+ (not: $stale)}" test -z "$stale" -a "${counted:-0}" -gt 20
check "the report saved as drill/upgrade-latest.json" test -s "$LAB/drill/upgrade-latest.json"
check "no progress left half done (the record says finish)" grep -q '"finish"' "$LAB/upgrade-progress.json"
"$BOJAGI" manual "$LAB/blueprint.yaml" --ha-lab "$LAB" --lang en --format html --out "$LAB/manual" >/dev/null 2>&1
check "bojagi manual shows the upgrade" grep -rq "HA lab rolling upgrade $FROM → $TO" "$LAB/manual"
out="$(upgrade --to $TO 2>&1)"; status=$?
check "a second upgrade to $TO is refused: already on it" bash -c "[ $status -eq 1 ] && grep -q 'already runs $TO' <<< \"\$1\"" _ "$out"
unset OS_CLIENT_CONFIG_FILE OS_CLOUD

echo "== figures"
python3 - "$LAB/upgrade.json" <<'PY' 2>/dev/null
import json, sys
r = json.load(open(sys.argv[1]))
print(f"FIGURE upgrade steps {r['step_seconds']:.0f} s in all (second run {r['seconds']:.0f} s)")
for s in r["steps"]:
    print(f"FIGURE step {s['name']:22} {s['seconds']:6.1f} s")
w = r["probe"]["window"]
for a in w["apis"]:
    print(f"FIGURE api {a['name']:15} {a['requests']:5} requests, {a['failed']:3} failed, longest gap {a['longest_gap_seconds']:5.1f} s, "
          f"{a['rate']:.1f}/s (resolution {a['resolution_seconds']:.2f} s)")
PY
if [[ $KEEP -eq 0 ]]; then
    check "lab down --wipe" lab down --wipe
    trap restore EXIT
    check "no lab namespace left" bash -c "! ip netns list | grep -Eq '^(bjhub|bjctl[123]|bjcmp[0-9]+|bjsto[0-9]+)( |\$)'"
fi
echo "FIGURE first run (to the failure) ${first_seconds} s, second run ${second_seconds} s, suite $((SECONDS - suite_start)) s (lab found running: $FOUND)"
echo "$PASS passed, $FAIL failed"
[[ $FAIL -eq 0 ]]
