#!/usr/bin/env bash
# Integration: the engine (`bojagi deploy`, `runs`, `resume`, `diff --services`) against real kolla-ansible 23
# and real ansible-playbook runs, on this machine only.
#
#   Tests/Integration/engine/run.sh [OUT_BASE]
#
# examples/single-node.yaml is rendered; every host of its inventory is made a local host (connection local,
# collected facts from scripts/kolla/genconfig/prepare.py, given to the engine with --inventory), so no command
# reaches the example's addresses. Then:
#   1. `deploy --dry-run` prints the exact command sequence, checked command by command;
#   2. a real run fails at a chosen step (a playbook that fails until a marker file exists), with the failing
#      task named, and `bojagi runs` records it; a second run during a slow one is refused by the lock;
#   3. the cause fixed, `bojagi resume` continues at that step, and the run stops for real at `registry`:
#      quay.io is unreachable here, so `pull` and `deploy` cannot run — said by the engine before it tries;
#   4. `--from prechecks`: kolla-ansible's real prechecks fail here (no docker), the failing task named;
#   5. `bojagi diff --services --tags nova` runs the real genconfig of the old and new render and names the
#      container that restarts.
# Ends with "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT_BASE="${1:-$(mktemp -d /tmp/bojagi-engine-it.XXXXXX)}"
mkdir -p "$OUT_BASE" && OUT_BASE="$(cd "$OUT_BASE" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
source "$ROOT/Tests/Integration/kolla/lib/checks.sh"

"$ROOT/scripts/kolla/install-venv.sh" >/dev/null || { echo "cannot install kolla-ansible"; exit 1; }
[[ -x "$BOJAGI" ]] || { echo "no bojagi at $BOJAGI: run swift build first"; exit 1; }

# The engine's home: its own runs.sqlite and logs; the venv is the one install-venv.sh made (cached).
REAL_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
export BOJAGI_HOME="$OUT_BASE/home"
mkdir -p "$BOJAGI_HOME/venvs"
ln -sfn "$REAL_HOME/venvs/kolla-ansible-2026.2" "$BOJAGI_HOME/venvs/kolla-ansible-2026.2"
VENV="$BOJAGI_HOME/venvs/kolla-ansible-2026.2"

BP="$OUT_BASE/bojagi.yaml"
DIR="$OUT_BASE/deploy"
cp "$ROOT/examples/single-node.yaml" "$BP"
"$BOJAGI" render "$BP" --out "$DIR" > "$OUT_BASE/render.log" 2>&1
check "bojagi render single-node" test -f "$DIR/inventory"

# Local hosts: prepare.py's overlay (ansible_connection=local for every host) and fact cache.
WORK="$OUT_BASE/local"
mkdir -p "$WORK"
"$VENV/bin/python" "$ROOT/scripts/kolla/genconfig/prepare.py" "$DIR" "$WORK" "$OUT_BASE/node-config" > "$WORK/hosts.txt"
check "prepare.py wrote the local-host overlay" grep -q 'ansible_connection' "$WORK/overlay.yml"
export ANSIBLE_CACHE_PLUGIN=jsonfile ANSIBLE_CACHE_PLUGIN_CONNECTION="$WORK/facts" ANSIBLE_CACHE_PLUGIN_TIMEOUT=0
export ANSIBLE_LOCAL_TEMP="$WORK/ansible-tmp" ANSIBLE_REMOTE_TEMP="$WORK/ansible-tmp" ANSIBLE_BECOME=false
# Interpreter discovery on this machine can find a pyenv shim that does not run; the system Python runs modules.
export ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3
LOCAL=(--inventory "$WORK/overlay.yml")

# --- 1. the exact command sequence -----------------------------------------------------------------
echo "# dry run"
"$BOJAGI" deploy "$BP" --out "$DIR" --dry-run > "$OUT_BASE/dry-run.txt" 2>&1
check "deploy --dry-run exits 0" test $? -eq 0
K="$VENV/bin/kolla-ansible"
A="ANSIBLE_CALLBACKS_ENABLED=bojagi_progress ANSIBLE_CALLBACK_PLUGINS=$ROOT/scripts/engine/callback_plugins ANSIBLE_LOAD_CALLBACK_PLUGINS=1 ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=false"
expected=(
    "$(readlink -f "$BOJAGI") render $BP --out $DIR"
    "$ROOT/scripts/engine/kolla-venv.sh 2026.2 23 $VENV"
    "$A $VENV/bin/ansible 'all:!deployment' -i $DIR/inventory -m ansible.builtin.uri -a 'url=https://quay.io/v2/ status_code=200,401 timeout=10'"
    "$A $VENV/bin/ansible aio1 -i $DIR/inventory -b -m ansible.builtin.copy -a 'src=$DIR/ceph/ dest=/root/bojagi-ceph/ mode=preserve'"
    "$A $VENV/bin/ansible aio1 -i $DIR/inventory -b -m ansible.builtin.command -a 'bash /root/bojagi-ceph/bootstrap.sh chdir=/root/bojagi-ceph'"
    "$A $K bootstrap-servers -i $DIR/inventory --configdir $DIR"
    "$A $K prechecks -i $DIR/inventory --configdir $DIR"
    "$A $K pull -i $DIR/inventory --configdir $DIR"
    "$A $K deploy -i $DIR/inventory --configdir $DIR"
    "$A $K post-deploy -i $DIR/inventory --configdir $DIR"
    "OS_CLIENT_CONFIG_FILE=$DIR/clouds.yaml $(readlink -f "$BOJAGI") verify --cloud kolla-admin"
)
mapfile -t actual < <(sed -n 's/^    \$ //p' "$OUT_BASE/dry-run.txt")
check "dry run: ${#expected[@]} commands" test "${#actual[@]}" -eq "${#expected[@]}"
for i in "${!expected[@]}"; do
    check "dry run: command $((i + 1)) is exact ($(awk '{for(i=1;i<=NF;i++) if ($i !~ /=/) {print $i; exit}}' <<<"${expected[$i]}" | xargs basename) ...)" test "${actual[$i]:-}" = "${expected[$i]}"
done
check "dry run: says pull needs a registry this machine lacks" has "$OUT_BASE/dry-run.txt" 'needs: every host reaches quay.io \(not on this machine'
check "dry run: records no run" test ! -e "$BOJAGI_HOME/runs.sqlite"

# --- 2. a chosen failure, the lock ---------------------------------------------------------------
echo "# a run that fails at a chosen step"
export BOJAGI_IT_MARKER="$OUT_BASE/marker"
rm -f "$BOJAGI_IT_MARKER"
t=$SECONDS
"$BOJAGI" deploy "$BP" --out "$DIR" "${LOCAL[@]}" --check-playbook "$HERE/check.yml" > "$OUT_BASE/run1.txt" 2>&1
status=$?
echo "  (run 1: $((SECONDS - t)) s)"
check "run 1 exits 1" test $status -eq 1
check "run 1 streams Ansible's tasks as progress" has "$OUT_BASE/run1.txt" '^\[step 1/12 check-playbook\] task 3/…: Require the marker$'
check "run 1 names the failing task and host" has "$OUT_BASE/run1.txt" "^\[step 1/12 check-playbook\] failed: \[aio1\] Require the marker failed: the marker $OUT_BASE/marker does not exist yet"
check "run 1 says how to continue" has "$OUT_BASE/run1.txt" 'bojagi resume 1. continues at .check-playbook.'
"$BOJAGI" runs > "$OUT_BASE/runs1.txt" 2>&1
check "bojagi runs lists run 1 as failed" has "$OUT_BASE/runs1.txt" "^ +1  failed .* deploy  $DIR$"
"$BOJAGI" runs 1 > "$OUT_BASE/runs1-detail.txt" 2>&1
check "bojagi runs 1 shows the failing task" has "$OUT_BASE/runs1-detail.txt" 'failing task: \[aio1\] Require the marker failed'
check "bojagi runs 1 shows the 11 steps after it pending" test "$(grep -c ': pending$' "$OUT_BASE/runs1-detail.txt")" -eq 11
log=$(sed -n 's/^ *log: //p' "$OUT_BASE/runs1-detail.txt" | head -1)
check "the step's log holds ansible-playbook's output" has "$log" 'PLAY RECAP'
check "the step's log is 0600" test "$(stat -c %a "$log")" = 600
check "runs.sqlite has the run table (GRDB migration)" sh -c "sqlite3 '$BOJAGI_HOME/runs.sqlite' 'select operation, status from run where id = 1' | grep -qx 'deploy|failed'"

echo "# the lock"
BOJAGI_IT_PAUSE=8 "$BOJAGI" deploy "$BP" --out "$DIR" "${LOCAL[@]}" --check-playbook "$HERE/check.yml" > "$OUT_BASE/run2.txt" 2>&1 &
slow=$!
for _ in $(seq 50); do grep -q '^run 2:' "$OUT_BASE/run2.txt" 2>/dev/null && break; sleep 0.2; done
"$BOJAGI" resume 1 > "$OUT_BASE/locked.txt" 2>&1
check "a resume during run 2 is refused" test $? -eq 1
check "the refusal names the holder" has "$OUT_BASE/locked.txt" "another run holds .*engine.lock: pid $slow, .bojagi deploy"
wait $slow

# --- 3. resume after the cause is fixed ----------------------------------------------------------
echo "# resume"
touch "$BOJAGI_IT_MARKER"
t=$SECONDS
"$BOJAGI" resume 1 > "$OUT_BASE/resume.txt" 2>&1
status=$?
echo "  (resume: $((SECONDS - t)) s)"
check "resume exits 1 (it stops at the registry)" test $status -eq 1
check "resume started at check-playbook, which now passes" has "$OUT_BASE/resume.txt" '^\[step 1/12 check-playbook\] succeeded'
check "resume: render, venv ran" sh -c "grep -q '^\[step 2/12 render\] succeeded' '$OUT_BASE/resume.txt' && grep -q '^\[step 3/12 venv\] succeeded' '$OUT_BASE/resume.txt'"
check "resume stops at registry, naming it" has "$OUT_BASE/resume.txt" "run 3 \(deploy\) step 'registry' failed"
check "…for the real reason: the registry is unreachable" has "$OUT_BASE/resume.txt" "failing task: \[aio1\] ansible.builtin.uri failed: Status code was -1"
check "…and says pull cannot run on this machine" has "$OUT_BASE/resume.txt" 'cannot pull kolla images, so the run stops here'
check "…before bootstrap-servers ran" sh -c "! grep -q 'bootstrap-servers\] \\\$' '$OUT_BASE/resume.txt'"
"$BOJAGI" runs > "$OUT_BASE/runs2.txt" 2>&1
check "bojagi runs shows run 3 resuming run 1" has "$OUT_BASE/runs2.txt" '^ +3  failed .*\(resumes 1\)'
check "bojagi runs shows all three runs" test "$(grep -cE '^ +[0-9]+  ' "$OUT_BASE/runs2.txt")" -eq 3

# --- 4. real kolla-ansible prechecks -------------------------------------------------------------
echo "# kolla-ansible prechecks"
t=$SECONDS
"$BOJAGI" deploy "$BP" --out "$DIR" "${LOCAL[@]}" --from prechecks > "$OUT_BASE/prechecks.txt" 2>&1
status=$?
echo "  (prechecks: $((SECONDS - t)) s)"
check "prechecks fails here" test $status -eq 1
check "prechecks streamed kolla's tasks" grep -qE '^\[step 1/5 prechecks\] task [0-9]+/…: ' "$OUT_BASE/prechecks.txt"
check "prechecks' failing task is named" grep -qE "^error: run [0-9]+ \(deploy\) step 'prechecks' failed: exit status [0-9]+; failing task: \[aio1\] " "$OUT_BASE/prechecks.txt"
sed -n "s/.*failing task: //p" "$OUT_BASE/prechecks.txt" | head -1 | sed 's/^/       kolla: /'

# --- 5. diff and diff --services -----------------------------------------------------------------
echo "# diff"
sed -i 's/^  reserved_host_memory_gib: 40$/  reserved_host_memory_gib: 24/' "$BP"
"$BOJAGI" diff "$BP" --against "$DIR" > "$OUT_BASE/diff.txt" 2>&1
check "diff exits 1 on a change" test $? -eq 1
check "diff shows the rendered change" has "$OUT_BASE/diff.txt" '^\+reserved_host_memory_mb = 24576$'
check "diff never shows a password" sh -c "! grep -qE '^[+-][a-z_]+_password: [^*]' '$OUT_BASE/diff.txt'"
t=$SECONDS
"$BOJAGI" diff "$BP" --against "$DIR" --services --tags nova > "$OUT_BASE/services.txt" 2>"$OUT_BASE/services.err"
echo "  (diff --services: $((SECONDS - t)) s)"
check "diff --services names nova-compute restarting on aio1" has "$OUT_BASE/services.txt" '^nova-compute: nova\.conf \(seen on aio1\) → restarts nova_compute on aio1$'
# kolla merges config/nova.conf into every nova service's nova.conf, so all of them restart — and only they.
check "diff --services lists each service once" test "$(grep -c '→ restarts' "$OUT_BASE/services.txt")" -eq "$(grep '→ restarts' "$OUT_BASE/services.txt" | cut -d: -f1 | sort -u | wc -l)"
check "diff --services lists only nova's containers" sh -c "! grep '→ restarts' '$OUT_BASE/services.txt' | grep -qv '^nova-'"
check "diff --services: nova-scheduler restarts too (kolla merges config/nova.conf into every nova service)" has "$OUT_BASE/services.txt" '^nova-scheduler: nova\.conf'

echo "# output kept in $OUT_BASE"
if ((SKIP)); then echo "$PASS passed, $FAIL failed, $SKIP skipped"; else echo "$PASS passed, $FAIL failed"; fi
((FAIL == 0))
