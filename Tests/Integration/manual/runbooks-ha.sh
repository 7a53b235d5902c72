#!/usr/bin/env bash
# Executes the manual's runbooks in the HA lab, step by step as written: Galera recovery after a full-cluster
# outage, a RabbitMQ node lost, and adding a compute node. It takes `bojagi manual --format json`, causes the
# fault each runbook recovers from, then runs every step's HA-lab command (the lab runs MariaDB and RabbitMQ as
# processes in the namespaces bjctl1..3, not kolla containers, so the lab's command stands in for the
# `docker exec`/kolla-ansible one — both are printed) and checks the output the runbook expects. Steps with no
# lab equivalent are listed as skipped with their real command. A preparation step that does not match stops
# its runbook, as the runbook says. Verification steps are retried for up to 180 s (a joiner's SST takes time).
#
#   Tests/Integration/manual/runbooks-ha.sh [--dry-run] [RUNBOOKS_JSON]
#
# Needs a running HA lab (`bojagi lab up --ha`; LAB defaults to $BOJAGI_HOME/ha-lab) and root for `ip netns`.
# The lab cannot add a host, so the add-compute runbook runs its validation and verification against the lab's
# compute node. The processes it restarts are not in the lab's state file: run it last, then
# `bojagi lab down --ha` (which kills whatever is left in the namespaces).
# --dry-run prints what it would run without a lab. Ends with "N passed, N failed".
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DRY=0; [[ ${1:-} == --dry-run ]] && { DRY=1; shift; }
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
export LAB="${LAB:-${BOJAGI_HOME:-$HOME/.bojagi}/ha-lab}"
# The runbooks' openstack commands run against the lab's cloud, with the client from the lab's venv.
VENV="${VENV:-${BOJAGI_HOME:-$HOME/.bojagi}/venvs/openstack-2026.2}"
export PATH="$VENV/bin:$PATH" OS_CLIENT_CONFIG_FILE="$LAB/clouds.yaml" OS_CLOUD="${OS_CLOUD:-bojagi-ha-lab}"
# The standard HA lab's controller addresses (HALabTopology.standard).
export CTL1=10.99.0.11 CTL2=10.99.0.12 CTL3=10.99.0.13
RETRY="${RETRY:-180}"

PASS=0 FAIL=0 SKIP=0 INFO=0 PLANNED=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
skip() { SKIP=$((SKIP + 1)); echo "skip - $*"; }
info() { INFO=$((INFO + 1)); echo "info - $*"; }
finish() { echo "# $SKIP steps without a lab equivalent, $INFO run without an expected output"; echo "$PASS passed, $FAIL failed"; [[ $FAIL -eq 0 ]]; exit $?; }

JSON="${1:-}"
if [[ -z $JSON ]]; then
    JSON="$(mktemp /tmp/bojagi-runbooks.XXXXXX.json)"
    "$BOJAGI" manual "$ROOT/examples/map-platform.yaml" --lang en --format json > "$JSON" || { bad "bojagi manual --format json"; finish; }
fi
if ((DRY == 0)); then
    [[ -f $LAB/state.json ]] || { bad "no HA lab in $LAB (bojagi lab up --ha)"; finish; }
fi

# steps ID: one line per step, tab-separated: part, number, real command, lab command, lab expectation.
steps() {
    python3 - "$JSON" "$1" <<'PY'
import json, sys
books = {b["id"]: b for b in json.load(open(sys.argv[1]))}
book = books.get(sys.argv[2])
if book is None:
    sys.exit(3)
for stage in book["stages"]:
    if stage["part"] not in ("validation", "prep", "execute", "verify"):
        continue
    for n, step in enumerate(stage["steps"], 1):
        clean = lambda s: (s or "").replace("\t", " ").replace("\n", " ; ")
        print("\t".join([stage["part"], str(n), clean(step.get("command")), clean(step.get("lab")), clean(step.get("lab_expect"))]))
PY
}

# pids_in NAMESPACE COMM: the processes named COMM in the namespace.
pids_in() {
    local pid
    for pid in $(ip netns pids "$1" 2>/dev/null); do
        [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] && echo "$pid"
    done
    return 0
}

# kill_in NAMESPACE COMM: SIGKILL every process named COMM in the namespace (the fault, not a runbook step).
kill_in() { local pid; for pid in $(pids_in "$1" "$2"); do kill -9 "$pid"; done; }

# running_in NAMESPACE COMM: whether a process named COMM runs in the namespace.
running_in() { [[ -n $(pids_in "$1" "$2") ]]; }

# The faults the runbooks recover from; each fails unless the fault really holds afterwards.
fault_galera_full_outage() {
    local n; for n in 1 2 3; do kill_in "bjctl$n" mariadbd; done; sleep 2
    for n in 1 2 3; do ! running_in "bjctl$n" mariadbd || return 1; done
}
fault_rabbitmq_node_lost() { kill_in bjctl2 beam.smp; sleep 2; ! running_in bjctl2 beam.smp; }
fault_none() { :; }

# run_book ID TITLE FAULT: cause the fault (one of the fault_ functions), then run the runbook's lab steps in order.
run_book() {
    local id="$1" title="$2"; shift 2
    local listing; listing="$(steps "$id")" || { bad "$title: runbook $id not in $JSON"; return; }
    if ((DRY == 0)); then
        echo "# fault: $1"
        "$1" || { bad "$title: the fault could not be caused ($1)"; return; }
        sleep 3
    fi
    local part n real lab expect out status deadline
    while IFS=$'\t' read -r part n real lab expect; do
        if [[ -z $lab ]]; then
            [[ -n $real ]] && skip "$title $part $n: no lab equivalent for: $real"
            continue
        fi
        if ((DRY == 1)); then echo "plan - $title $part $n: would run: $lab${expect:+ (expect: $expect)}"; PLANNED=$((PLANNED + 1)); continue; fi
        deadline=$(date +%s); [[ $part == verify ]] && deadline=$((deadline + RETRY))
        while :; do
            out="$(bash -c "$lab" 2>&1)"; status=$?
            # A step without an expected output is run for the operator to read, not judged.
            if [[ -z $expect ]]; then info "$title $part $n: ran (exit $status): $(tail -1 <<<"$out")"; break; fi
            if [[ $status -eq 0 ]] && grep -qF -- "$expect" <<<"$out"; then
                ok "$title $part $n${expect:+: output contains '$expect'}"; break
            fi
            (( $(date +%s) < deadline )) && { sleep 5; continue; }
            bad "$title $part $n: expected '$expect' (exit $status): $(tail -3 <<<"$out" | tr '\n' ' ')"
            [[ $part == prep ]] && { echo "# the runbook says: if this does not match, stop"; return; }
            break
        done
    done <<<"$listing"
}

run_book galera-full-cluster-recovery "galera" fault_galera_full_outage
run_book rabbitmq-node-lost "rabbitmq" fault_rabbitmq_node_lost
run_book add-compute-node "add-compute" fault_none
((DRY == 1)) && { ((PLANNED > 0)) && ok "dry run: $PLANNED lab steps planned" || bad "dry run: no lab step in the runbooks"; }
finish
