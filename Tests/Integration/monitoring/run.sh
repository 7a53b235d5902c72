#!/usr/bin/env bash
# Integration: the monitoring files `bojagi render` writes for every blueprint under examples/ (the seed's
# references, the trial and each profile's starter) pass the real promtool — `check rules` on the rules and
# `test rules` on the unit tests rendered beside them (each alert fired and kept quiet on synthetic series) —
# and each Grafana dashboard is JSON with unique panel ids. Then one wrong threshold, put into a copy of the
# map platform's rules, must make promtool's tests fail: they test the plan's figures, not only the syntax.
#
#   Tests/Integration/monitoring/run.sh [OUT_BASE]
#
# Needs Debian's prometheus package (promtool) and jq: scripts/monitoring/install-apt.sh, run here.
# Ends with "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT_BASE="${1:-$(mktemp -d /tmp/bojagi-monitoring-it.XXXXXX)}"
mkdir -p "$OUT_BASE" && OUT_BASE="$(cd "$OUT_BASE" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"

PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
finish() { echo "$PASS passed, $FAIL failed"; [[ $FAIL -eq 0 ]]; exit $?; }

"$ROOT/scripts/monitoring/install-apt.sh" >/dev/null || { bad "scripts/monitoring/install-apt.sh"; finish; }
[[ -x "$BOJAGI" ]] || { bad "no bojagi at $BOJAGI: run swift build first"; finish; }
echo "# $(promtool --version 2>&1 | head -1)"

# check_blueprint FILE: render it, promtool check and test its rules, look at its dashboard. Writes its
# ok/FAIL lines to DIR.result and its summary row to DIR.row; the blueprints run in parallel, one per core.
check_blueprint() {
    local blueprint="$1" name dir prometheus result rules alerts tests dashboard
    name="${blueprint#"$ROOT/examples/"}"; name="${name%.yaml}"
    dir="$OUT_BASE/${name//\//-}"
    {
        # Secrets do not touch the monitoring files, and render keeps those it finds: reusing the first render's
        # passwords.yml spares each render kolla-genpwd's RSA key pairs (seconds each in a debug build).
        [[ -f "$OUT_BASE/seed/passwords.yml" && ! -e "$dir" ]] && mkdir -p "$dir" && cp "$OUT_BASE/seed/passwords.yml" "$dir/"
        if ! "$BOJAGI" render "$blueprint" --out "$dir" > "$dir.log" 2>&1; then
            echo "FAIL - $name: bojagi render"; sed 's/^/       /' "$dir.log"; return
        fi
        prometheus="$dir/config/prometheus"
        # A blueprint with Prometheus off gets no rules at all (the lab example, for one).
        if grep -Eq '^[[:space:]]+prometheus:[[:space:]]*false' "$blueprint"; then
            if [[ -e "$prometheus/bojagi.rules" ]]; then echo "FAIL - $name: Prometheus is off, yet rules were rendered"
            else echo "ok   - $name: Prometheus off, no rules rendered"; fi
            return
        fi
        if [[ ! -f "$prometheus/bojagi.rules" ]]; then echo "FAIL - $name: no config/prometheus/bojagi.rules"; return; fi
        if promtool check rules "$prometheus/bojagi.rules" > "$dir.check" 2>&1; then echo "ok   - $name: promtool check rules ($(grep -oE '[0-9]+ rules found' "$dir.check"))"
        else echo "FAIL - $name: promtool check rules"; sed 's/^/       /' "$dir.check"; fi
        # promtool resolves rule_files against the test file, and prints the failing test's name and alerts.
        if (cd "$prometheus" && promtool test rules tests/*.yml) > "$dir.test" 2>&1; then result=SUCCESS; echo "ok   - $name: promtool test rules ($(ls "$prometheus"/tests/*.yml | wc -l) files)"
        else result=FAILED; echo "FAIL - $name: promtool test rules"; sed 's/^/       /' "$dir.test"; fi
        rules=$(grep -c '^      - alert:' "$prometheus/bojagi.rules")
        alerts=$(grep '^      - alert:' "$prometheus/bojagi.rules" | sort -u | wc -l)
        tests=$(cat "$prometheus"/tests/*.yml | grep -c '^  - name:')
        printf '%-28s %6s %7s %6s  %s\n' "$name" "$rules" "$alerts" "$tests" "$result" > "$dir.row"

        dashboard="$dir/config/grafana/dashboards/bojagi-openstack-overview.json"
        if [[ -f "$dashboard" ]]; then
            if jq -e '(.panels | length) > 0 and ([.panels[].id] | length) == ([.panels[].id] | unique | length)' "$dashboard" >/dev/null 2>&1; then
                echo "ok   - $name: dashboard is JSON with $(jq '.panels | length' "$dashboard") panels, unique ids"
            else echo "FAIL - $name: dashboard is not JSON with unique panel ids"; fi
        elif grep -qE '^  grafana: true' "$blueprint"; then
            echo "FAIL - $name: monitoring.grafana is on but no dashboard was rendered"
        fi
    } > "$dir.result"
}
export -f check_blueprint
export ROOT OUT_BASE BOJAGI

start=$SECONDS
"$BOJAGI" render "$ROOT/examples/single-node.yaml" --out "$OUT_BASE/seed" > /dev/null 2>&1
blueprints=("$ROOT"/examples/*.yaml "$ROOT"/examples/profiles/*.yaml)
printf '%s\0' "${blueprints[@]}" | xargs -0 -P "$(nproc)" -I{} bash -c 'check_blueprint "$1"' _ {}
SUMMARY="$OUT_BASE/summary.txt"
printf '%-28s %6s %7s %6s  %s\n' blueprint rules alerts tests promtool > "$SUMMARY"
for blueprint in "${blueprints[@]}"; do
    name="${blueprint#"$ROOT/examples/"}"; name="${name%.yaml}"; dir="$OUT_BASE/${name//\//-}"
    if [[ -f "$dir.result" ]]; then cat "$dir.result"; else echo "FAIL - $name: not checked"; fi
    [[ -f "$dir.row" ]] && cat "$dir.row" >> "$SUMMARY"
done > "$OUT_BASE/results.txt"
cat "$OUT_BASE/results.txt"
PASS=$((PASS + $(grep -c '^ok   - ' "$OUT_BASE/results.txt")))
FAIL=$((FAIL + $(grep -c '^FAIL - ' "$OUT_BASE/results.txt")))

# The tests bite: the map platform's Galera cluster must have its 3 nodes, not 2.
mutant="$OUT_BASE/mutant"
cp -r "$OUT_BASE/map-platform/config/prometheus" "$mutant"
sed -i 's/wsrep_cluster_size < 3/wsrep_cluster_size < 2/' "$mutant/bojagi.rules"
if ! grep -q 'wsrep_cluster_size < 2' "$mutant/bojagi.rules"; then bad "map-platform: the Galera threshold was not where expected"
elif (cd "$mutant" && promtool test rules tests/*.yml) > "$mutant.log" 2>&1; then bad "map-platform: promtool's tests accept a Galera threshold of 2 of 3 nodes"
elif grep -q 'GaleraClusterDegraded fires when a node leaves' "$mutant.log"; then ok "map-platform: a wrong Galera threshold fails GaleraClusterDegraded's test"
else bad "map-platform: a wrong Galera threshold failed something else"; sed 's/^/       /' "$mutant.log"; fi

echo
cat "$SUMMARY"
echo "# $((SECONDS - start)) s"
finish
