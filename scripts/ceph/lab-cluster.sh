#!/usr/bin/env bash
# A small real Ceph cluster for the labs: monitors, managers and N bluestore OSDs, each OSD on a plain sparse
# file, everything under one data directory with its own fsid. No containers, no systemd, nothing in /etc/ceph,
# /var/lib/ceph, /var/log/ceph or /var/run/ceph. Ceph 16 from Debian (scripts/ceph/install-apt.sh).
#
#   lab-cluster.sh up DATA_DIR [--osds ssd:3,hdd:3] [--hosts 3] [--osd-size 4G]
#                              [--mon-addr 127.0.0.1] [--port-v2 13300] [--port-v1 16789] [--timeout 300]
#                              [--mons NAME@NETNS@ADDR,...] [--osd-hosts NAME@NETNS@ADDR,...]
#                              [--add-host NAME@NETNS@ADDR]
#   lab-cluster.sh status DATA_DIR
#   lab-cluster.sh down [--wipe] DATA_DIR [--grace 20]
#
# The single-node lab: one monitor (mon.a) and one manager (mgr.x) on --mon-addr, and --hosts CRUSH host buckets
# (lab-host-0, ...), every daemon on the machine itself. The HA lab: --mons gives one monitor and one manager per
# entry, each run inside that network namespace on that address (the ports are the same for all: each has its
# own address); --osd-hosts gives the CRUSH host buckets, each a network namespace whose address its OSDs bind.
# Both are kept in DATA_DIR/layout when the cluster is created.
#
# up      creates the cluster if DATA_DIR holds none, else keeps it; starts every daemon that is not running;
#         creates the OSDs --osds asks for beyond those that exist (so `up` with one more ssd OSD grows the ssd
#         tier online; OSDs are never removed); labels each OSD with its device class; waits for HEALTH_OK.
#         Options other than --osds/--timeout/--add-host only count when the cluster is created (they are kept
#         in ceph.conf and DATA_DIR/layout). --add-host adds a CRUSH host bucket (a new storage namespace of the HA
#         lab) to the layout, if it is not there, and puts every OSD this run creates on it: storage grown by a
#         host, as on a real cluster. Host buckets, like OSDs, are never removed.
# status  prints the daemons (pid, resident memory), health, the OSD tree and `ceph df`.
# down    stops the daemons by PID: SIGTERM, SIGKILL after the grace. --wipe then removes DATA_DIR.
#
# What a lab must know, learnt on Ceph 16.2.15:
# - Rendered CRUSH rules put replicas on distinct hosts; this machine is one host. Each OSD therefore gets a CRUSH
#   location of its own: the k-th OSD of a device class sits in host bucket k mod the buckets (lab-host-K, or the
#   K-th --osd-hosts entry). With 3 buckets, size-3 pools on a host-failure-domain rule go active+clean as on a
#   real cluster.
# - A daemon in a namespace starts as `ip netns exec NS setsid DAEMON`: both exec in place, so the PID is the
#   daemon's. Its public_addr (and an OSD's cluster_addr) is in its own section of ceph.conf: a controller holding
#   the VIP has two addresses in the network, and a daemon must not pick the VIP.
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
#   around this script does not take them down. Their PIDs are in DATA_DIR/run/*.pid. They inherit no descriptor
#   of this script's caller beyond stdin, stdout and stderr.
# - A full cluster blocks client I/O forever: whoever writes must bring its own timeout.
set -euo pipefail

readonly MARKER=".bojagi-ceph-lab"   # a DATA_DIR this script created; `down --wipe` removes nothing else
readonly CONNECT_TIMEOUT=10          # seconds for a `ceph` call to reach the monitor
readonly CALL_TIMEOUT=120            # seconds for any `ceph` call in all

usage() { sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
exec 3>&2   # the script's stderr, for die() inside checks whose output is silenced
die() { echo "lab-cluster.sh: $*" >&3; exit 1; }

started_at=$(date +%s.%N)
# A line with the seconds since the script started: [  12.3s] text
say() { printf '[%6.1fs] %s\n' "$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$*"; }

# ---------------------------------------------------------------------------------------------- arguments

command="${1:-}"; [[ -n "$command" ]] || usage; shift
data="" wipe=0 osds_arg="" hosts=3 osd_size="4G" mon_addr="127.0.0.1" port_v2=13300 port_v1=16789
wait_timeout=300 grace=20 mons_arg="" osd_hosts_arg="" add_host_arg="" new_osd_bucket=""
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
        --mons) mons_arg="${2:?--mons needs NAME@NETNS@ADDR[,...]}"; shift ;;
        --osd-hosts) osd_hosts_arg="${2:?--osd-hosts needs NAME@NETNS@ADDR[,...]}"; shift ;;
        --add-host) add_host_arg="${2:?--add-host needs NAME@NETNS@ADDR}"; shift ;;
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
readonly conf="$data/ceph.conf" admin_keyring="$data/ceph.client.admin.keyring" layout="$data/layout"
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

# ---------------------------------------------------------------------------------------------- layout

# DATA_DIR/layout, one line per monitor, manager and CRUSH host bucket: KIND NAME NETNS ADDR (NETNS "-": none).
# A cluster made before the layout file existed is the single-node one: mon.a, mgr.x, lab-host-K on the machine.
layout_lines() {
    if [[ -f "$layout" ]]; then cat "$layout"; return; fi
    echo "mon a - $mon_addr"; echo "mgr x - $mon_addr"
    local k; for ((k = 0; k < hosts; k++)); do echo "host lab-host-$k - $mon_addr"; done
}
# The names of one kind, in order: names mon|mgr|host
names() { layout_lines | awk -v kind="$1" '$1 == kind { print $2 }'; }
# Field 3 (namespace, "-" for none) or 4 (address) of a monitor, manager or host bucket: field KIND NAME 3|4
field() { layout_lines | awk -v kind="$1" -v name="$2" -v n="$3" '$1 == kind && $2 == name { print $n; exit }'; }
# The host bucket an OSD sits in (written when it is created; older OSDs sit on the machine itself).
osd_host() { cat "$data/osd/$1/lab-host" 2>/dev/null || echo "-"; }
# The namespace a daemon runs in ("-": none): netns_of mon.a | mgr.x | osd.3
netns_of() {
    local kind="${1%%.*}" name="${1#*.}" host
    case "$kind" in
        mon|mgr) field "$kind" "$name" 3 ;;
        osd) host="$(osd_host "$name")"; if [[ "$host" == - ]]; then echo -; else field host "$host" 3; fi ;;
    esac
}

# Layout lines of KIND from NAME@NETNS@ADDR[,...].
parse_entries() {
    local kind="$1" list="$2" entry name ns addr
    for entry in ${list//,/ }; do
        IFS=@ read -r name ns addr <<<"$entry"
        [[ "$name" =~ ^[a-z0-9_-]+$ && "$ns" =~ ^[A-Za-z0-9_.-]+$ && "$addr" =~ ^[0-9.]+$ ]] \
            || die "'$entry' is not NAME@NETNS@ADDR"
        echo "$kind $name $ns $addr"
    done
}

# The layout a new cluster gets from the options: a manager beside each monitor.
new_layout() {
    if [[ -n "$mons_arg" ]]; then
        parse_entries mon "$mons_arg"
        parse_entries mgr "$mons_arg"
    else
        echo "mon a - $mon_addr"; echo "mgr x - $mon_addr"
    fi
    if [[ -n "$osd_hosts_arg" ]]; then
        parse_entries host "$osd_hosts_arg"
    else
        local k; for ((k = 0; k < hosts; k++)); do echo "host lab-host-$k - $mon_addr"; done
    fi
}

# Starts a daemon unless it runs: start_daemon NAME BINARY ARGS...  (NAME as in ceph: mon.a, mgr.x, osd.3)
start_daemon() {
    local name="$1" binary="$2" pid ns prefix=()
    shift 2
    ns="$(netns_of "$name")"
    [[ -z "$ns" || "$ns" == - ]] || prefix=(ip netns exec "$ns")
    if pid="$(running_pid "$name")"; then
        say "$name already running (pid $pid)"
        return 0
    fi
    # Foreground (-f) in a new session; stdin closed; its own stdout/stderr file beside the Ceph log. setsid
    # execs the daemon in place (the job is no process-group leader), so $! is the daemon; should setsid have
    # forked after all, the daemon's own pid file (pid_file in ceph.conf) names it.
    rm -f "$data/run/$name.ceph-pid"
    # The daemon holds none of this script's inherited descriptors: whoever runs this script may watch it through
    # one (Foundation's Process does), and a daemon holding it would make the run never seem to end. Closed here,
    # in the daemon's subshell, not for the whole script: closing its own watch descriptor early makes Foundation
    # block in waitpid until the script ends, and every other process it runs meanwhile then seems to hang too.
    (
        for fd in $(ls "/proc/$BASHPID/fd"); do if ((fd > 2)); then eval "exec $fd>&-" || true; fi; done 2>/dev/null
        exec "${prefix[@]}" setsid "$binary" -c "$conf" -f "$@" </dev/null >>"$data/log/$name.stdout" 2>&1
    ) &
    pid=$!
    local tries=0
    until ours "$pid"; do
        pid="$(cat "$data/run/$name.ceph-pid" 2>/dev/null || true)"
        ((++tries < 25)) || die "$name did not start; see $data/log/$name.stdout and $data/log/$name.log"
        sleep 0.2
    done
    echo "$pid" >"$data/run/$name.pid"
    say "$name started (pid $pid${prefix[3]:+, in ${prefix[3]}})"
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
daemons() {
    local name id
    for name in $(names mon); do echo "mon.$name"; done
    for name in $(names mgr); do echo "mgr.$name"; done
    for id in $(existing_osds); do echo "osd.$id"; done
}

# ---------------------------------------------------------------------------------------------- create

# Every monitor with its addresses, one a line: NAME [v2:ADDR:P2,v1:ADDR:P1]
mon_addrs() { local name; for name in $(names mon); do echo "$name [v2:$(field mon "$name" 4):$port_v2,v1:$(field mon "$name" 4):$port_v1]"; done; }

write_conf() {
    local fsid="$1" size_bytes mon_host public_addr="" name
    size_bytes="$(numfmt --from=iec "$osd_size")" || die "--osd-size: '$osd_size' is not a size like 4G"
    mon_host="$(mon_addrs | awk '{ print $2 }' | paste -sd, -)"
    # On the machine itself every daemon binds --mon-addr; in namespaces each daemon's own section names its address.
    [[ -n "$mons_arg" ]] || public_addr="public_addr = $mon_addr"
    cat >"$conf" <<EOF
# Written by scripts/ceph/lab-cluster.sh: a lab cluster, everything under $data.
[global]
fsid = $fsid
mon_host = $mon_host
$public_addr
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
    if [[ -n "$mons_arg" ]]; then
        for name in $(names mon); do printf '\n[mon.%s]\npublic_addr = %s\n' "$name" "$(field mon "$name" 4)" >>"$conf"; done
        for name in $(names mgr); do printf '\n[mgr.%s]\npublic_addr = %s\n' "$name" "$(field mgr "$name" 4)" >>"$conf"; done
    fi
}

create_cluster() {
    local fsid; fsid="$(cat /proc/sys/kernel/random/uuid)"
    mkdir -p "$data"/{run,log,crash,mon,mgr,osd,tmp}
    chmod 700 "$data"
    : >"$data/$MARKER"
    new_layout >"$layout"
    say "creating cluster $fsid in $data (monitors: $(mon_addrs | paste -sd' ' -))"
    write_conf "$fsid"

    # Keys: the monitor's, the admin's, the manager's. All go into the monitor's store at mkfs.
    local mon_keyring="$data/tmp/mon.keyring"
    ceph-authtool --create-keyring "$mon_keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool --create-keyring "$admin_keyring" --gen-key -n client.admin \
        --cap mon 'allow *' --cap osd 'allow *' --cap mds 'allow *' --cap mgr 'allow *' >/dev/null
    ceph-authtool "$mon_keyring" --import-keyring "$admin_keyring" >/dev/null
    local name addr addrs=()
    for name in $(names mgr); do
        mkdir -p "$data/mgr/mgr.$name"
        ceph-authtool --create-keyring "$data/mgr/mgr.$name/keyring" --gen-key -n "mgr.$name" \
            --cap mon 'allow profile mgr' --cap osd 'allow *' --cap mds 'allow *' >/dev/null
        ceph-authtool "$mon_keyring" --import-keyring "$data/mgr/mgr.$name/keyring" >/dev/null
        chmod 600 "$data/mgr/mgr.$name/keyring"
    done
    chmod 600 "$admin_keyring" "$mon_keyring"

    while read -r name addr; do addrs+=(--addv "$name" "$addr"); done < <(mon_addrs)
    monmaptool --create --fsid "$fsid" "${addrs[@]}" "$data/tmp/monmap" >/dev/null
    for name in $(names mon); do
        mkdir -p "$data/mon/mon.$name"
        ceph-mon -c "$conf" --mkfs -i "$name" --monmap "$data/tmp/monmap" --keyring "$mon_keyring"
    done
    rm -f "$data/tmp/monmap" "$mon_keyring"
    say "monitor stores created ($(names mon | paste -sd' ' -))"
}

# Creates one OSD of CLASS as the K-th of its class: create_osd CLASS K
create_osd() {
    local class="$1" k="$2" uuid secret id dir buckets bucket
    mapfile -t buckets < <(names host)
    bucket="${new_osd_bucket:-${buckets[k % ${#buckets[@]}]}}"
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
    echo "$bucket" >"$dir/lab-host"
    if ! ceph-osd -c "$conf" -i "$id" --mkfs --osd-uuid "$uuid" >>"$data/log/osd.$id.stdout" 2>&1; then
        # Leave no OSD in the map that will never boot (it would keep the cluster out of HEALTH_OK).
        ceph_ osd purge "$id" --yes-i-really-mean-it >/dev/null 2>&1 || true
        rm -rf "$dir"
        die "mkfs of osd.$id failed; see $data/log/osd.$id.log"
    fi
    cat >>"$conf" <<EOF

[osd.$id]
crush_location = root=default host=$bucket
EOF
    if [[ "$(field host "$bucket" 3)" != - ]]; then
        printf 'public_addr = %s\ncluster_addr = %s\n' "$(field host "$bucket" 4)" "$(field host "$bucket" 4)" >>"$conf"
    fi
    say "osd.$id created ($class, $bucket)"
    new_id="$id"
}

# Every OSD carries the class it was created for. One that carries another (set by hand, or by the OSD itself
# had osd_class_update_on_start been on) is relabelled: the old label removed first, or Ceph refuses.
label_osds() {
    local id want have classes
    # Every OSD's class from one `ceph` call ("ID CLASS" lines): each call is a Python start-up of about a second.
    classes="$(ceph_ osd tree -f json | python3 -c 'import json, sys
for node in json.load(sys.stdin)["nodes"]:
    if node["type"] == "osd": print(node["id"], node.get("device_class", ""))')"
    for id in $(existing_osds); do
        want="$(cat "$data/osd/$id/lab-class")"
        have="$(awk -v id="$id" '$1 == id { print $2 }' <<<"$classes")"
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
mon_answers() { alive_or_die $(names mon | sed 's/^/mon./'); ceph_ mon stat; }
quorum_full() {
    [[ "$(ceph_ quorum_status -f json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["quorum_names"]))')" \
        -eq "$(names mon | wc -l)" ]]
}
osd_count_up() { ceph_ osd stat -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)["num_up_osds"])'; }
all_osds_up() { alive_or_die $(daemons); [[ "$(osd_count_up)" -ge "$(existing_osds | wc -l)" ]]; }
health_ok() { [[ "$(ceph_ health)" == HEALTH_OK ]]; }

# --add-host: the bucket joins the layout (written whole, then renamed) unless it is there; new OSDs go on it.
add_host() {
    local line name
    [[ "$add_host_arg" != *,* ]] || die "--add-host takes one NAME@NETNS@ADDR"
    [[ -f "$layout" ]] || die "--add-host needs a cluster made with --osd-hosts (a layout file in $data)"
    line="$(parse_entries host "$add_host_arg")"
    name="$(awk '{ print $2 }' <<<"$line")"
    if ! names host | grep -qx "$name"; then
        { cat "$layout"; echo "$line"; } >"$layout.tmp" && mv "$layout.tmp" "$layout"
        say "host bucket $name added ($(awk '{ print $3 ", " $4 }' <<<"$line"))"
    fi
    new_osd_bucket="$name"
}

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
    [[ -z "$add_host_arg" ]] || add_host

    local name
    for name in $(names mon); do start_daemon "mon.$name" ceph-mon -i "$name"; done
    wait_for 60 "monitors answer" mon_answers || die "the monitors do not answer; see $data/log/mon.*.log"
    wait_for 60 "every monitor in the quorum" quorum_full || die "not every monitor joined the quorum; see $data/log/mon.*.log"
    for name in $(names mgr); do start_daemon "mgr.$name" ceph-mgr -i "$name"; done

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
    local running=0
    for name in $(names mon); do running_pid "mon.$name" >/dev/null && running=$((running + 1)); done
    if ((running == 0)); then
        echo "(every monitor is stopped)"
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
    stop_daemons $(names mgr | sed 's/^/mgr./')
    stop_daemons $(names mon | sed 's/^/mon./')
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
