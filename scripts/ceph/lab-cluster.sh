#!/usr/bin/env bash
# A small real Ceph cluster for the labs: one monitor, one manager and N bluestore OSDs, each OSD on a plain
# sparse file, everything under one data directory with its own fsid. No containers, no systemd, nothing in
# /etc/ceph, /var/lib/ceph, /var/log/ceph or /var/run/ceph. Ceph 16 from Debian (scripts/ceph/install-apt.sh).
#
#   lab-cluster.sh up DATA_DIR [--osds ssd:3,hdd:3] [--hosts 3] [--osd-size 4G]
#                              [--mon-addr 127.0.0.1] [--port-v2 13300] [--port-v1 16789] [--timeout 300]
#   lab-cluster.sh status DATA_DIR
#   lab-cluster.sh down [--wipe] DATA_DIR [--grace 20]
#
# up      creates the cluster if DATA_DIR holds none, else keeps it; starts every daemon that is not running;
#         creates the OSDs --osds asks for beyond those that exist (so `up` with one more ssd OSD grows the ssd
#         tier online; OSDs are never removed); labels each OSD with its device class; waits for HEALTH_OK.
#         Options other than --osds/--timeout only count when the cluster is created (they are kept in
#         ceph.conf).
# status  prints the daemons (pid, resident memory), health, the OSD tree and `ceph df`.
# down    stops the daemons by PID: SIGTERM, SIGKILL after the grace. --wipe then removes DATA_DIR.
#
# What a lab must know, learnt on Ceph 16.2.15:
# - Rendered CRUSH rules put replicas on distinct hosts; this machine is one host. Each OSD therefore gets a CRUSH
#   location of its own: the k-th OSD of a device class sits in host bucket lab-host-(k mod --hosts). With the
#   default 3 buckets, size-3 pools on a host-failure-domain rule go active+clean as on a real cluster.
# - A new OSD labels itself hdd when it starts (the file is on a rotational disk here), and a label is only
#   replaced by removing it first (rm-device-class, then set-device-class). Here the class is given in
#   `ceph osd new` and osd_class_update_on_start is off; `up` checks every label and fixes one that differs.
#   (crush_device_class in ceph.conf is read by ceph-volume only, not by the OSD.)
# - Without a reachable monitor a `ceph` command waits 300 s: every call here uses --connect-timeout, and is run
#   under `timeout` too. Clients get client_mount_timeout for the same reason.
# - The monitor warns below 30 % free disk (MON_DISK_LOW): mon_data_avail_warn is lowered to 10 %.
# - Without mon_cluster_log_file the monitor writes /var/log/ceph; without run_dir, admin sockets and pid files
#   go to /var/run/ceph; without crash_dir, crash reports go to /var/lib/ceph/crash.
# - Daemons run in the foreground (-f) in a session of their own (setsid): a `timeout` or a terminal closing
#   around this script does not take them down. Their PIDs are in DATA_DIR/run/*.pid.
# - A full cluster blocks client I/O forever: whoever writes must bring its own timeout.
set -euo pipefail

readonly MARKER=".bojagi-ceph-lab"   # a DATA_DIR this script created; `down --wipe` removes nothing else
readonly CONNECT_TIMEOUT=10          # seconds for a `ceph` call to reach the monitor
readonly CALL_TIMEOUT=120            # seconds for any `ceph` call in all

usage() { sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
exec 3>&2   # the script's stderr, for die() inside checks whose output is silenced
die() { echo "lab-cluster.sh: $*" >&3; exit 1; }

started_at=$(date +%s.%N)
# A line with the seconds since the script started: [  12.3s] text
say() { printf '[%6.1fs] %s\n' "$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$*"; }

# ---------------------------------------------------------------------------------------------- arguments

command="${1:-}"; [[ -n "$command" ]] || usage; shift
data="" wipe=0 osds_arg="" hosts=3 osd_size="4G" mon_addr="127.0.0.1" port_v2=13300 port_v1=16789
wait_timeout=300 grace=20
while (($#)); do
    case "$1" in
        --wipe) wipe=1 ;;
        --osds) osds_arg="${2:?--osds needs CLASS:COUNT[,CLASS:COUNT]...}"; shift ;;
        --hosts) hosts="${2:?}"; shift ;;
        --osd-size) osd_size="${2:?}"; shift ;;
        --mon-addr) mon_addr="${2:?}"; shift ;;
        --port-v2) port_v2="${2:?}"; shift ;;
        --port-v1) port_v1="${2:?}"; shift ;;
        --timeout) wait_timeout="${2:?}"; shift ;;
        --grace) grace="${2:?}"; shift ;;
        -h|--help) usage ;;
        -*) die "unknown option $1" ;;
        *) [[ -z "$data" ]] || die "one DATA_DIR only (got '$data' and '$1')"; data="$1" ;;
    esac
    shift
done
[[ -n "$data" ]] || usage
[[ "$data" != *[[:space:]]* ]] || die "DATA_DIR must not contain spaces (ceph.conf holds its paths)"
if [[ ! -d "$data" ]]; then
    case "$command" in
        up) mkdir -p "$data" ;;
        down) echo "no cluster in $data"; exit 0 ;;
        *) die "no cluster in $data" ;;
    esac
fi
data="$(cd "$data" && pwd)"
[[ "$data" != / ]] || die "DATA_DIR must not be /"
readonly conf="$data/ceph.conf" admin_keyring="$data/ceph.client.admin.keyring"
[[ "$hosts" =~ ^[1-9][0-9]*$ ]] || die "--hosts must be a positive number"

# ---------------------------------------------------------------------------------------------- helpers

# Every `ceph` call: this cluster's conf, bounded in time even when the monitor is gone.
ceph_() { timeout "$CALL_TIMEOUT" ceph -c "$conf" --connect-timeout "$CONNECT_TIMEOUT" "$@"; }

# Whether PID is a live daemon of this cluster: its command line names our ceph.conf. (A PID can be reused after
# a crash; a killed daemon nobody reaps is a zombie with an empty command line.)
ours() { [[ "$1" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "-c $conf "; }

# The PID in DATA_DIR/run/NAME.pid if that daemon runs, else nothing (and status 1).
running_pid() {
    local pid
    pid="$(cat "$data/run/$1.pid" 2>/dev/null)" && ours "$pid" || return 1
    echo "$pid"
}

# Starts a daemon unless it runs: start_daemon NAME BINARY ARGS...  (NAME as in ceph: mon.a, mgr.x, osd.3)
start_daemon() {
    local name="$1" binary="$2" pid
    shift 2
    if pid="$(running_pid "$name")"; then
        say "$name already running (pid $pid)"
        return 0
    fi
    # Foreground (-f) in a new session; stdin closed; its own stdout/stderr file beside the Ceph log. setsid
    # execs the daemon in place (the job is no process-group leader), so $! is the daemon; should setsid have
    # forked after all, the daemon's own pid file (pid_file in ceph.conf) names it.
    rm -f "$data/run/$name.ceph-pid"
    setsid "$binary" -c "$conf" -f "$@" </dev/null >>"$data/log/$name.stdout" 2>&1 &
    pid=$!
    local tries=0
    until ours "$pid"; do
        pid="$(cat "$data/run/$name.ceph-pid" 2>/dev/null || true)"
        ((++tries < 25)) || die "$name did not start; see $data/log/$name.stdout and $data/log/$name.log"
        sleep 0.2
    done
    echo "$pid" >"$data/run/$name.pid"
    say "$name started (pid $pid)"
}

# Runs a command, showing its output only if it fails.
quiet() { local out; out="$("$@" 2>&1)" || { echo "$out" >&2; return 1; }; }

# Waits until CHECK (a command) succeeds: wait_for SECONDS WHAT CHECK...
wait_for() {
    local seconds="$1" what="$2" deadline
    shift 2
    deadline=$(($(date +%s) + seconds))
    until "$@" >/dev/null 2>&1; do
        (($(date +%s) < deadline)) || return 1
        sleep 1
    done
    say "$what"
}

# The OSD ids that exist here (a directory with a finished mkfs), ascending.
existing_osds() {
    local dir
    for dir in "$data"/osd/*/; do
        [[ -f "$dir/mkfs_done" ]] && basename "$dir"
    done | sort -n
}

# How many OSDs of CLASS exist here.
count_class() { local id n=0; for id in $(existing_osds); do [[ "$(cat "$data/osd/$id/lab-class")" == "$1" ]] && n=$((n + 1)); done; echo "$n"; }

# Every daemon this cluster has, in start order.
daemons() { echo mon.a mgr.x; local id; for id in $(existing_osds); do echo "osd.$id"; done; }

# ---------------------------------------------------------------------------------------------- create

write_conf() {
    local fsid="$1" size_bytes
    size_bytes="$(numfmt --from=iec "$osd_size")" || die "--osd-size: '$osd_size' is not a size like 4G"
    cat >"$conf" <<EOF
# Written by scripts/ceph/lab-cluster.sh: a lab cluster, everything under $data.
[global]
fsid = $fsid
mon_host = [v2:$mon_addr:$port_v2,v1:$mon_addr:$port_v1]
public_addr = $mon_addr
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
auth_allow_insecure_global_id_reclaim = false
# Nothing outside the data directory: sockets, pids, logs, crash reports.
run_dir = $data/run
admin_socket = $data/run/\$name.asok
pid_file = $data/run/\$name.ceph-pid
log_file = $data/log/\$name.log
mon_cluster_log_file = default=$data/log/ceph.\$channel.log cluster=$data/log/ceph.log
crash_dir = $data/crash
osd_pool_default_size = 3
osd_pool_default_min_size = 2
mon_allow_pool_delete = true
# A lab shares its disk: warn only below 10 % free (Ceph's default is 30 %).
mon_data_avail_warn = 10

[mon]
mon_data = $data/mon/\$name

[mgr]
mgr_data = $data/mgr/\$name
keyring = $data/mgr/\$name/keyring

[osd]
osd_data = $data/osd/\$id
keyring = $data/osd/\$id/keyring
osd_objectstore = bluestore
# Bluestore on a plain sparse file that Ceph creates at mkfs (it grows with data and is not given back).
bluestore_block_path = $data/osd/\$id/block.img
bluestore_block_create = true
bluestore_block_size = $size_bytes
# Ceph's default is 4 GiB of cache target per OSD; a lab has several OSDs on one machine.
osd_memory_target = 1073741824
# Each OSD's CRUSH location is in its own section below; it moves there when it starts. Its class is given
# when it is created: an OSD must not label itself (it would say hdd, and a label is only replaced by removing it).
osd_crush_update_on_start = true
osd_class_update_on_start = false

[client]
# Keyring only here: a keyring under [global] would be the daemons' too.
keyring = $admin_keyring
# One admin socket per client process, or concurrent clients collide.
admin_socket = $data/run/\$name.\$pid.asok
log_file = $data/log/client.log
client_mount_timeout = 30
EOF
}

create_cluster() {
    local fsid; fsid="$(cat /proc/sys/kernel/random/uuid)"
    say "creating cluster $fsid in $data (mon $mon_addr v2:$port_v2 v1:$port_v1)"
    mkdir -p "$data"/{run,log,crash,mon/mon.a,mgr/mgr.x,osd,tmp}
    chmod 700 "$data"
    : >"$data/$MARKER"
    write_conf "$fsid"

    # Keys: the monitor's, the admin's, the manager's. All go into the monitor's store at mkfs.
    local mon_keyring="$data/tmp/mon.keyring"
    ceph-authtool --create-keyring "$mon_keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool --create-keyring "$admin_keyring" --gen-key -n client.admin \
        --cap mon 'allow *' --cap osd 'allow *' --cap mds 'allow *' --cap mgr 'allow *' >/dev/null
    ceph-authtool --create-keyring "$data/mgr/mgr.x/keyring" --gen-key -n mgr.x \
        --cap mon 'allow profile mgr' --cap osd 'allow *' --cap mds 'allow *' >/dev/null
    ceph-authtool "$mon_keyring" --import-keyring "$admin_keyring" >/dev/null
    ceph-authtool "$mon_keyring" --import-keyring "$data/mgr/mgr.x/keyring" >/dev/null
    chmod 600 "$admin_keyring" "$data/mgr/mgr.x/keyring" "$mon_keyring"

    monmaptool --create --fsid "$fsid" --addv a "[v2:$mon_addr:$port_v2,v1:$mon_addr:$port_v1]" \
        "$data/tmp/monmap" >/dev/null
    ceph-mon -c "$conf" --mkfs -i a --monmap "$data/tmp/monmap" --keyring "$mon_keyring"
    rm -f "$data/tmp/monmap" "$mon_keyring"
    say "monitor store created"
}

# Creates one OSD of CLASS as the K-th of its class: create_osd CLASS K
create_osd() {
    local class="$1" k="$2" uuid secret id dir
    uuid="$(cat /proc/sys/kernel/random/uuid)"
    secret="$(ceph-authtool --gen-print-key)"
    # The class is set as the OSD enters the map, so data never lands on it under a wrong tier's rule.
    id="$(printf '{"cephx_secret": "%s", "crush_device_class": "%s"}' "$secret" "$class" | ceph_ osd new "$uuid" -i -)"
    [[ "$id" =~ ^[0-9]+$ ]] || die "ceph osd new returned '$id'"
    dir="$data/osd/$id"
    rm -rf "$dir"   # a directory left by an mkfs that did not finish
    mkdir -p "$dir"
    ceph-authtool --create-keyring "$dir/keyring" --name "osd.$id" --add-key "$secret" >/dev/null
    chmod 600 "$dir/keyring"
    echo "$class" >"$dir/lab-class"
    if ! ceph-osd -c "$conf" -i "$id" --mkfs --osd-uuid "$uuid" >>"$data/log/osd.$id.stdout" 2>&1; then
        # Leave no OSD in the map that will never boot (it would keep the cluster out of HEALTH_OK).
        ceph_ osd purge "$id" --yes-i-really-mean-it >/dev/null 2>&1 || true
        rm -rf "$dir"
        die "mkfs of osd.$id failed; see $data/log/osd.$id.log"
    fi
    cat >>"$conf" <<EOF

[osd.$id]
crush_location = root=default host=lab-host-$((k % hosts))
EOF
    say "osd.$id created ($class, lab-host-$((k % hosts)))"
    new_id="$id"
}

# Every OSD carries the class it was created for. One that carries another (set by hand, or by the OSD itself
# had osd_class_update_on_start been on) is relabelled: the old label removed first, or Ceph refuses.
label_osds() {
    local id want have
    for id in $(existing_osds); do
        want="$(cat "$data/osd/$id/lab-class")"
        have="$(ceph_ osd crush get-device-class "osd.$id" 2>/dev/null || true)"
        [[ "$have" == "$want" ]] && continue
        [[ -z "$have" ]] || quiet ceph_ osd crush rm-device-class "osd.$id"
        quiet ceph_ osd crush set-device-class "$want" "osd.$id"
        say "osd.$id labelled $want${have:+ (was $have)}"
    done
}

# ---------------------------------------------------------------------------------------------- commands

# Dies when a daemon of this cluster that should run does not (so a wait fails at once, with the log to read).
alive_or_die() {
    local name
    for name in "$@"; do
        running_pid "$name" >/dev/null || die "$name stopped; see $data/log/$name.log and $data/log/$name.stdout"
    done
}
mon_answers() { alive_or_die mon.a; ceph_ mon stat; }
osd_count_up() { ceph_ osd stat -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)["num_up_osds"])'; }
all_osds_up() { alive_or_die $(daemons); [[ "$(osd_count_up)" -ge "$(existing_osds | wc -l)" ]]; }
health_ok() { [[ "$(ceph_ health)" == HEALTH_OK ]]; }

cmd_up() {
    if [[ ! -f "$conf" ]]; then
        [[ -z "$(ls -A "$data")" ]] || die "$data is not empty and holds no ceph.conf: not a lab cluster"
        create_cluster
        [[ -n "$osds_arg" ]] || osds_arg="ssd:3,hdd:3"
    else
        [[ -f "$data/$MARKER" ]] || die "$data/ceph.conf was not written by this script"
        say "keeping the cluster in $data ($(awk '$1 == "fsid" { print $3 }' "$conf"))"
    fi
    mkdir -p "$data/run" "$data/log"

    start_daemon mon.a ceph-mon -i a
    wait_for 60 "monitor answers" mon_answers || die "the monitor does not answer; see $data/log/mon.a.log"
    start_daemon mgr.x ceph-mgr -i x

    # OSDs that exist: start them. OSDs asked for beyond those: create and start them.
    local id spec class count have k
    for id in $(existing_osds); do start_daemon "osd.$id" ceph-osd -i "$id"; done
    if [[ -n "$osds_arg" ]]; then
        for spec in ${osds_arg//,/ }; do
            class="${spec%%:*}" count="${spec#*:}"
            [[ "$class" =~ ^[a-z0-9_-]+$ && "$count" =~ ^[0-9]+$ ]] || die "--osds: '$spec' is not CLASS:COUNT"
            have="$(count_class "$class")"
            ((have <= count)) || say "keeping $have $class OSDs (asked for $count; OSDs are never removed)"
            for ((k = have; k < count; k++)); do
                create_osd "$class" "$k"
                start_daemon "osd.$new_id" ceph-osd -i "$new_id"
            done
        done
    fi

    local total; total="$(existing_osds | wc -l)"
    wait_for "$wait_timeout" "$total OSDs up" all_osds_up || die "not every OSD came up; see $data/log/osd.*.log"
    label_osds
    if wait_for "$wait_timeout" "HEALTH_OK" health_ok; then
        return 0
    fi
    ceph_ health detail >&2 || true
    die "no HEALTH_OK within ${wait_timeout}s"
}

cmd_status() {
    [[ -f "$conf" ]] || die "no cluster in $data"
    local name pid rss total=0
    echo "cluster: $(awk '$1 == "fsid" { print $3 }' "$conf")  conf: $conf"
    for name in $(daemons); do
        if pid="$(running_pid "$name")"; then
            rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
            total=$((total + rss))
            printf '  %-8s running  pid %-7s rss %6d MiB\n' "$name" "$pid" $((rss / 1024))
        else
            printf '  %-8s stopped\n' "$name"
        fi
    done
    printf '  resident in all: %d MiB\n' $((total / 1024))
    echo
    if ! running_pid mon.a >/dev/null; then
        echo "(the monitor is stopped)"
        return 0
    fi
    ceph_ health detail || echo "(the monitor does not answer)"
    echo
    ceph_ osd tree || true
    echo
    ceph_ df || true
}

# Stops daemons by PID, together: SIGTERM, then SIGKILL for any still running after the grace.
stop_daemons() {
    local names=() pids=() name pid deadline i
    for name in "$@"; do
        if pid="$(running_pid "$name")"; then names+=("$name"); pids+=("$pid"); fi
    done
    ((${#pids[@]})) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    deadline=$(($(date +%s) + grace))
    for i in "${!pids[@]}"; do
        while ours "${pids[$i]}" && (($(date +%s) < deadline)); do sleep 0.2; done
        if ours "${pids[$i]}"; then
            kill -KILL "${pids[$i]}" 2>/dev/null || true
            while ours "${pids[$i]}"; do sleep 0.1; done
            say "${names[$i]} killed (pid ${pids[$i]}, still running ${grace}s after SIGTERM)"
        else
            say "${names[$i]} stopped (pid ${pids[$i]})"
        fi
    done
}

cmd_down() {
    if [[ ! -f "$conf" ]]; then
        say "no cluster in $data"
        # A cluster whose creation stopped half-way: remove it too.
        if ((wipe)) && [[ -f "$data/$MARKER" ]]; then rm -rf "$data"; say "removed $data"; fi
        return 0
    fi
    [[ -f "$data/$MARKER" ]] || die "$data was not created by this script; not touching it"
    # OSDs first, while the monitor can still take their "mark me down" (without it each waits 5 s), then the
    # manager, then the monitor.
    stop_daemons $(existing_osds | sed 's/^/osd./')
    stop_daemons mgr.x
    stop_daemons mon.a
    rm -f "$data"/run/*.pid "$data"/run/*.ceph-pid
    if ((wipe)); then
        rm -rf "$data"
        say "removed $data"
    fi
}

case "$command" in
    up) cmd_up ;;
    status) cmd_status ;;
    down) cmd_down ;;
    *) usage ;;
esac
