#!/usr/bin/env bash
# The proof of the lab's real Ceph, end to end, with its figures: a cluster of 3 ssd + 3 hdd OSDs to HEALTH_OK,
# the rendered ceph/pools.sh (the pool/rule/caps part of bootstrap.sh) run against it, the PG autoscaler checked
# (pools.sh moves Ceph's own pools onto a tier rule), RBD as client.cinder, an OSD killed during writes, a 7th OSD added online,
# and everything torn down. Needs scripts/ceph/install-apt.sh first; ~6 min, ~2.5 GB of RAM at its peak, ~7 GB
# of disk (sparse OSD files, 4 GiB each at most).
#
#   prove.sh [DATA_DIR] [POOLS_SH]
#
# DATA_DIR defaults to a new temporary directory (removed at the end); POOLS_SH to the exchange golden
# render (SSD and HDD tiers). Ends with "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
data="${1:-$(mktemp -d /tmp/bojagi-ceph-prove.XXXXXX)}"
bootstrap="${2:-$REPO/Tests/BojagiCoreTests/Golden/render/exchange-2026.2/ceph/pools.sh}"
[[ -z "$(ls -A "$data" 2>/dev/null)" ]] || { echo "prove.sh: $data is not empty" >&2; exit 2; }
lab="$HERE/lab-cluster.sh"
conf="$data/ceph.conf"
C() { timeout 120 ceph -c "$conf" --connect-timeout 10 "$@"; }
passed=0 failed=0
check() { # check WHAT COMMAND...: a pass or a failure, counted
    local what="$1"; shift
    if "$@"; then passed=$((passed + 1)); echo "PASS $what"; else failed=$((failed + 1)); echo "FAIL $what"; fi
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
figure() { echo "FIGURE $*"; }
rss_mib() { local f total=0; for f in "$data"/run/*.pid; do total=$((total + $(awk '/^VmRSS:/ { print $2 }' "/proc/$(cat "$f")/status" 2>/dev/null || echo 0))); done; echo $((total / 1024)); }
pools_total() { C osd pool ls | wc -l; }
pools_autoscaled() { C osd pool autoscale-status -f json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
every_pool_autoscaled() { [[ "$(pools_autoscaled)" -eq "$(pools_total)" ]]; }
active_clean() { C pg stat -f json | python3 -c '
import json, sys
s = json.load(sys.stdin)
states = {x["name"]: x["num"] for x in s["pg_summary"]["num_pg_by_state"]}
sys.exit(0 if states.get("active+clean", 0) == s["pg_summary"]["num_pgs"] else 1)'; }
wait_until() { local seconds="$1" deadline; shift; deadline=$(($(date +%s) + seconds)); until "$@" >/dev/null 2>&1; do (($(date +%s) < deadline)) || return 1; sleep 0.5; done; }
osd_is() { C osd dump -f json | python3 -c "import json,sys; o=[x for x in json.load(sys.stdin)['osds'] if x['osd']==$1][0]; sys.exit(0 if o['up']==$2 else 1)"; }

find /etc/ceph /var/lib/ceph /var/log/ceph /var/run/ceph -printf '%p %s %T@\n' 2>/dev/null | sort >"/tmp/ceph-prove-sysdirs.$$"

echo "== 1. cluster up: 3 ssd + 3 hdd OSDs"
t=$(now)
check "lab-cluster.sh up reaches HEALTH_OK" "$lab" up "$data" --osds ssd:3,hdd:3
figure "seconds to HEALTH_OK: $(since "$t")"
figure "resident MiB idle (mon+mgr+6 OSDs): $(rss_mib)"
check "3 OSDs of class ssd" test "$(C osd crush class ls-osd ssd | wc -l)" -eq 3
check "3 OSDs of class hdd" test "$(C osd crush class ls-osd hdd | wc -l)" -eq 3
t=$(now)
check "a second up keeps and reuses the cluster" "$lab" up "$data"
figure "seconds for an up with everything running: $(since "$t")"
fsid="$(awk '$1 == "fsid" { print $3 }' "$conf")"
check "down keeps the data" "$lab" down "$data"
check "status with the cluster down" timeout 60 "$lab" status "$data"
t=$(now)
check "up on kept data restarts the daemons" "$lab" up "$data"
figure "seconds from up on kept data to HEALTH_OK: $(since "$t")"
check "same fsid, same 6 OSDs, none re-created" test "$(awk '$1 == "fsid" { print $3 }' "$conf") $(C osd ls | wc -l)" = "$fsid 6"

echo "== 2. the rendered pools.sh: $bootstrap"
t=$(now)
check "every rendered command succeeds" "$HERE/run-bootstrap-pools.sh" "$data" "$bootstrap"
figure "seconds for the rendered pool/rule/caps part: $(since "$t")"
check "HEALTH_OK with the pools" wait_until 120 test "$(C health)" = HEALTH_OK
check "all PGs active+clean" wait_until 120 active_clean

echo "== 3. PG autoscaler"
C osd pool autoscale-status
echo "(autoscale-status lists $(pools_autoscaled) of $(pools_total) pools)"
check "as rendered, autoscale-status lists every pool (pools.sh 3b moved device_health_metrics off replicated_rule)" every_pool_autoscaled
check "new pools default to the first tier's rule" test "$(C config get mon osd_pool_default_crush_rule)" = "$(C osd crush rule dump ssd -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)["rule_id"])')"
# RGW creates its own pools when it first starts (with cephadm at `ceph orch apply`, before pools.sh, or later).
for pool in .rgw.root default.rgw.log default.rgw.control default.rgw.meta; do
    C osd pool create "$pool" 8 >/dev/null && C osd pool application enable "$pool" rgw >/dev/null
done
check "a pool RGW creates later lands on the ssd rule" test "$(C osd pool get default.rgw.meta crush_rule)" = "crush_rule: ssd"
check "and the autoscaler still lists every pool" every_pool_autoscaled
check "pools.sh runs again cleanly" "$HERE/run-bootstrap-pools.sh" "$data" "$bootstrap" "$data/bootstrap/keys.yml"
check "all PGs active+clean after the moves" wait_until 180 active_clean

echo "== 4. RBD as client.cinder"
R() { timeout 120 rbd -c "$conf" --id cinder --keyring "$data/ceph.client.cinder.keyring" "$@"; }
check "cinder creates an image in volumes-ssd" R create volumes-ssd/vol-a --size 1G
check "cinder writes it (rbd bench, 64 MiB)" R bench --io-type write --io-size 4M --io-total 64M volumes-ssd/vol-a
check "cinder snapshots it" R snap create volumes-ssd/vol-a@snap
check "cinder creates an image in volumes-hdd" R create volumes-hdd/vol-b --size 1G
check "cinder may not write to backups" bash -c "! timeout 60 rbd -c '$conf' --id cinder --keyring '$data/ceph.client.cinder.keyring' create backups/x --size 1G 2>/dev/null"
check "cinder may not write to images" bash -c "! timeout 60 rbd -c '$conf' --id cinder --keyring '$data/ceph.client.cinder.keyring' create images/x --size 1G 2>/dev/null"
bench4m="$(R bench --io-type write --io-size 4M --io-total 256M --io-pattern seq volumes-ssd/vol-a 2>&1 | tail -1)"
bench4k="$(R bench --io-type write --io-size 4K --io-total 32M --io-pattern rand volumes-ssd/vol-a 2>&1 | tail -1)"
figure "rbd bench 4M seq write: $bench4m"
figure "rbd bench 4K rand write: $bench4k"

echo "== 5. OSD drill: kill -9 osd.1 (ssd) during writes"
probe_out="$data/probe-drill.json"
/usr/bin/python3 "$HERE/rbd-probe.py" --conf "$conf" --id cinder --keyring "$data/ceph.client.cinder.keyring" \
    --pool volumes-ssd --image probe --seconds 60 >"$probe_out" 2>"$data/log/probe-drill.err" &
probe=$!
(timeout 65 rbd -c "$conf" --id cinder --keyring "$data/ceph.client.cinder.keyring" bench --io-type write \
    --io-size 64K --io-total 100G --io-pattern rand volumes-ssd/vol-a 2>&1 | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done >"$data/log/bench-drill.log") &
bench=$!
sleep 10
victim="$(cat "$data/run/osd.1.pid")"
t_kill=$(now)
kill -9 "$victim"
wait_until 60 osd_is 1 False && figure "seconds until osd.1 is marked down: $(since "$t_kill")"
sleep 10
t_restart=$(now)
"$lab" up "$data" --timeout 300 >"$data/log/up-drill.log" 2>&1 &   # starts osd.1 again, then waits for HEALTH_OK
up=$!
wait_until 120 osd_is 1 True && figure "seconds from restart until osd.1 is up: $(since "$t_restart")"
wait_until 300 active_clean && figure "seconds from restart until every PG is active+clean: $(since "$t_restart") (from the kill: $(since "$t_kill"))"
check "up restarted the killed OSD" wait "$up"
wait "$probe"
wait "$bench"
cat "$probe_out"
check "no write failed during the OSD kill" python3 -c "import json; r=json.load(open('$probe_out')); exit(0 if r['failed_writes']==0 else 1)"
check "all written data read back intact" python3 -c "import json; r=json.load(open('$probe_out')); exit(0 if r['intact'] else 1)"
figure "into the probe: kill at $(python3 -c "import json; print(round($t_kill - json.load(open('$probe_out'))['started'], 1))") s, restart at $(python3 -c "import json; print(round($t_restart - json.load(open('$probe_out'))['started'], 1))") s"
figure "longest write (stall) during the kill: $(python3 -c "import json; print(json.load(open('$probe_out'))['longest_write_seconds'])") s"
# rbd bench's per-second lines: the longest gap between two of them while the OSD was down.
figure "rbd bench: longest gap between progress lines: $(awk -v k="$t_kill" '$2 ~ /^[0-9]+$/ && NF >= 5 { if (p && $1 > k - 5) { g = $1 - p; if (g > m) m = g } p = $1 } END { printf "%.1f s", m }' "$data/log/bench-drill.log")"
check "HEALTH_OK after the drill" wait_until 120 test "$(C health)" = HEALTH_OK

echo "== 6. a 7th OSD joins the ssd tier online"
probe_out="$data/probe-grow.json"
/usr/bin/python3 "$HERE/rbd-probe.py" --conf "$conf" --id cinder --keyring "$data/ceph.client.cinder.keyring" \
    --pool volumes-ssd --image probe --seconds 45 >"$probe_out" 2>"$data/log/probe-grow.err" &
probe=$!
sleep 3
t=$(now)
check "up --osds ssd:4,hdd:3 adds osd.6" "$lab" up "$data" --osds ssd:4,hdd:3 --timeout 300
figure "seconds to add the OSD and reach HEALTH_OK: $(since "$t")"
check "osd.6 is ssd" test "$(C osd crush get-device-class osd.6)" = ssd
check "rebalanced to active+clean" wait_until 300 active_clean
figure "seconds from adding the OSD until every PG is active+clean: $(since "$t")"
check "osd.6 holds PGs of the ssd pools" test "$(C pg ls-by-osd osd.6 -f json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["pg_stats"] if isinstance(d, dict) else d))')" -gt 0
check "after growth, autoscale-status lists every pool" every_pool_autoscaled
wait "$probe"
cat "$probe_out"
check "no write failed while the OSD joined" python3 -c "import json; r=json.load(open('$probe_out')); exit(0 if r['intact'] else 1)"
figure "resident MiB after load (mon+mgr+7 OSDs): $(rss_mib)"
"$lab" status "$data"

echo "== 7. down --wipe"
t=$(now)
pids="$(cat "$data"/run/*.pid)"
check "down --wipe" "$lab" down --wipe "$data"
figure "seconds to stop and wipe: $(since "$t")"
none_alive() { local p; for p in $pids; do if tr '\0' ' ' 2>/dev/null </proc/$p/cmdline | grep -qF "$conf"; then return 1; fi; done; }
check "none of its daemons is left" none_alive
check "no ceph daemon at all on this machine" bash -c '! ps -eo comm= | grep -Eqx "ceph-(mon|mgr|osd)"'
check "DATA_DIR is gone" test ! -e "$data"
find /etc/ceph /var/lib/ceph /var/log/ceph /var/run/ceph -printf '%p %s %T@\n' 2>/dev/null | sort >"/tmp/ceph-prove-sysdirs.$$.after"
check "nothing new in /etc/ceph, /var/lib/ceph, /var/log/ceph, /var/run/ceph" diff "/tmp/ceph-prove-sysdirs.$$" "/tmp/ceph-prove-sysdirs.$$.after"
rm -f "/tmp/ceph-prove-sysdirs.$$" "/tmp/ceph-prove-sysdirs.$$.after"

echo "$passed passed, $failed failed"
((failed == 0))
