#!/usr/bin/env bash
# Integration: `bojagi serve` in a real headless Chromium.
#
#   Tests/Integration/dashboard/run.sh
#   BOJAGI_DASHBOARD_LAB=<lab home> Tests/Integration/dashboard/run.sh                     (+ a running single-node lab)
#   BOJAGI_DASHBOARD_LAB=<HA lab home> BOJAGI_DASHBOARD_HA=1 Tests/Integration/dashboard/run.sh   (+ a running HA lab)
#
# Part 1, always: serve examples/map-platform.yaml without a lab and load every page in Chromium through its
# DevTools protocol (cdp.py): each must load with no uncaught exception, no console.error and no failed request;
# a page with a script error must be caught (the detector is tested too). The token rule beyond loopback is
# checked with curl. Screenshots go to .build/dashboard-screenshots/.
#
# Part 2, only with BOJAGI_DASHBOARD_LAB (a lab the caller brought up; this suite never starts one): serve
# --lab beside it, every component must be up, every page loads clean; then one component is stopped by its
# PID from state.json (memcached in the single-node lab, ctl3's Galera node in the HA lab) and the health
# page, already open, must show it down within one refresh, with a link to its log that serves the log. The
# component stays stopped: the caller brings the lab up again (`bojagi lab up` starts what is not running).
#
# Ends with "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
SHOTS="$ROOT/.build/dashboard-screenshots"
WORK="$(mktemp -d /tmp/bojagi-dashboard-it.XXXXXX)"
REFRESH=3
PASS=0 FAIL=0
SERVERS=()
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
cleanup() { for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; rm -rf "$WORK"; }
finish() { echo "$PASS passed, $FAIL failed"; cleanup; [[ $FAIL -eq 0 ]]; exit $?; }
trap cleanup EXIT

"$ROOT/scripts/dashboard/install-apt.sh" >/dev/null || { bad "scripts/dashboard/install-apt.sh"; finish; }
[[ -x "$BOJAGI" ]] || { bad "no bojagi at $BOJAGI: run swift build first"; finish; }
mkdir -p "$SHOTS"
echo "# $(chromium --version 2>/dev/null | head -1)"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# serve LOG ARGS...: starts `bojagi serve ARGS` in the background, its output in LOG; sets SERVED_PID.
serve() {
    local log="$1"; shift
    BOJAGI_HOME="${SERVE_HOME:-$WORK/home}" "$BOJAGI" serve "$@" > "$log" 2>&1 &
    SERVED_PID=$!
    SERVERS+=("$SERVED_PID")
}

# answers URL [CURL ARGS...]: waits up to 60 s for a 2xx.
answers() {
    local url="$1"; shift
    for _ in $(seq 1 120); do curl -fsS -o /dev/null "$@" "$url" 2>/dev/null && return 0; sleep 0.5; done
    return 1
}

PAGES=(package=/ topology=/topology capacity=/capacity health=/health logs=/logs runs=/runs)

# load_pages PREFIX BASE_URL: every page in Chromium, clean, screenshot PREFIX-NAME.png; page load times to the log.
load_pages() {
    local prefix="$1" base="$2" args=() item
    for item in "${PAGES[@]}"; do args+=("$prefix-${item%%=*}=$base${item#*=}"); done
    python3 "$HERE/cdp.py" --out "$SHOTS" --settle $((REFRESH + 1)) load "${args[@]}" > "$WORK/$prefix-pages.out" 2>&1
    local status=$?
    sed 's/^/    /' "$WORK/$prefix-pages.out"
    for item in "${PAGES[@]}"; do
        local name="$prefix-${item%%=*}"
        check "$name: loads in Chromium with no error" grep -q "^page $name load_ms=[0-9]* errors=0$" "$WORK/$prefix-pages.out"
        check "$name: screenshot saved" test -s "$SHOTS/$name.png"
    done
    return $status
}

# ---- Part 1: a blueprint, no lab.
mkdir -p "$WORK/home"
PORT=$(free_port)
serve "$WORK/serve.log" "$ROOT/examples/map-platform.yaml" --port "$PORT"
check "serve answers on 127.0.0.1:$PORT" answers "http://127.0.0.1:$PORT/api/openapi.json"
check "serve says where it listens" grep -q "serving http://127.0.0.1:$PORT/" "$WORK/serve.log"
load_pages blueprint "http://127.0.0.1:$PORT"
check "the topology page draws the map platform's VIP" bash -c "curl -fsS http://127.0.0.1:$PORT/topology | grep -q 'internal VIP 10.10.0.10, VRRP id 61'"
check "the OpenAPI document lists /api/health" bash -c "curl -fsS http://127.0.0.1:$PORT/api/openapi.json | python3 -c 'import json,sys; assert \"/api/health\" in json.load(sys.stdin)[\"paths\"]'"

# The detector itself: a page whose script throws must fail.
if python3 "$HERE/cdp.py" --out "$WORK" --settle 1 load broken='data:text/html,<script>notDefined()</script>' > "$WORK/broken.out" 2>&1; then
    bad "a page with a script error is caught"; sed 's/^/    /' "$WORK/broken.out"
else
    check "a page with a script error is caught" grep -q "exception: ReferenceError: notDefined is not defined" "$WORK/broken.out"
fi

# Beyond loopback a token is required, made when not given, printed once and kept 0600.
mkdir -p "$WORK/token-home"
PORT2=$(free_port)
SERVE_HOME="$WORK/token-home" serve "$WORK/serve-token.log" "$ROOT/examples/map-platform.yaml" --host 0.0.0.0 --port "$PORT2"
for _ in $(seq 1 120); do [[ -s "$WORK/token-home/serve-token" ]] && break; sleep 0.5; done
TOKEN="$(cat "$WORK/token-home/serve-token" 2>/dev/null)"
check "a token is made for 0.0.0.0 and kept mode 0600" test "$(stat -c %a "$WORK/token-home/serve-token" 2>/dev/null)" = 600
check "the token is printed once, to stderr" test "$(grep -c "$TOKEN" "$WORK/serve-token.log")" = 1
check "with the token, the page answers" answers "http://127.0.0.1:$PORT2/" -H "Authorization: Bearer $TOKEN"
check "without the token: 401" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT2/api/plan")" = 401

if [[ -z "${BOJAGI_DASHBOARD_LAB:-}" ]]; then
    echo "# part 2 skipped: no BOJAGI_DASHBOARD_LAB (the lab suite calls this with its running lab's home)"
    finish
fi

# ---- Part 2: beside a running lab.
LAB="$BOJAGI_DASHBOARD_LAB"
[[ -f "$LAB/state.json" ]] || { bad "no $LAB/state.json: is the lab up?"; finish; }
PORT3=$(free_port)
if [[ "${BOJAGI_DASHBOARD_HA:-0}" = 1 ]]; then
    SERVE_HOME="$(dirname "$LAB")" serve "$WORK/serve-lab.log" --lab --ha --home "$LAB" --port "$PORT3" --refresh "$REFRESH"
    VICTIM=galera/ctl3
    VICTIM_PID=$(python3 -c 'import json,sys; print(next(p["pid"] for p in json.load(open(sys.argv[1]))["processes"] if p["service"] == "mariadb" and p["node"] == "ctl3"))' "$LAB/state.json")
else
    SERVE_HOME="$(dirname "$(dirname "$LAB")")" serve "$WORK/serve-lab.log" --lab --home "$LAB" --port "$PORT3" --refresh "$REFRESH"
    VICTIM=memcached/memcached
    VICTIM_PID=$(python3 -c 'import json,sys; print(next(p["pid"] for p in json.load(open(sys.argv[1]))["processes"] if p["name"] == "memcached"))' "$LAB/state.json")
fi
BASE="http://127.0.0.1:$PORT3"
check "serve --lab answers with a first health sample" answers "$BASE/api/health"
curl -fsS "$BASE/api/health" > "$WORK/health.json"
python3 - "$WORK/health.json" <<'PY' > "$WORK/health.out"
import json, sys
sample = json.load(open(sys.argv[1]))
for c in sample["components"]:
    if c["state"] != "up":
        print(f'{c["id"]}: {c["state"]}: {c["detail"]}')
print(f'# {len(sample["components"])} components')
PY
sed 's/^/    /' "$WORK/health.out"
check "every component of the lab is up" test "$(grep -vc '^#' "$WORK/health.out")" = 0
check "the health history is kept in SQLite in the lab's home" test -s "$LAB/health.sqlite"
check "/metrics has a sample per component" bash -c "curl -fsS $BASE/metrics | grep -c '^bojagi_component_up{' | grep -qv '^0$'"
load_pages lab "$BASE"

# Stop one component by its PID while the health page is open; it must turn red within one refresh.
ROW="document.querySelector('tr[data-id=\"$VICTIM\"]')"
( sleep 2; kill -TERM "$VICTIM_PID" ) &
python3 "$HERE/cdp.py" --out "$SHOTS" watch "$BASE/health" "$ROW && $ROW.className === 'down'" $((REFRESH * 3 + 20)) lab-health-down > "$WORK/watch.out" 2>&1
sed 's/^/    /' "$WORK/watch.out"
check "$VICTIM (pid $VICTIM_PID) shows down on the open health page" grep -q "seen=yes" "$WORK/watch.out"
check "the health page had no error while it refreshed" grep -q "errors=0" "$WORK/watch.out"
LOG=$(curl -fsS "$BASE/api/health" | python3 -c "import json,sys; print(next((c.get('log') or '') for c in json.load(sys.stdin)['components'] if c['id'] == '$VICTIM'))")
check "$VICTIM links to its log" test -n "$LOG"
check "its log is one click away" bash -c "curl -fsS '$BASE/logs?file=$LOG' | grep -q '<pre id=\"tail\">'"
finish
