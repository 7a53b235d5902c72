#!/usr/bin/env bash
# Run the real `kolla-ansible genconfig` on the fixtures and assert on kolla's OWN output, then
# validate kolla's rendered load-balancer files with the real haproxy and keepalived.
#
#   Tests/Integration/kolla/check-fixtures.sh [OUT_BASE]
#
# OUT_BASE (default: a temp dir) gets OUT_BASE/aio and OUT_BASE/multinode.
# KOLLA_CHECK_REUSE=1 reuses existing OUT_BASE/<fixture> output (no genconfig run) - for iterating.
# Needs: scripts/kolla/install-venv.sh (kolla-ansible) and scripts/kolla/install-apt.sh (haproxy,
# keepalived). The haproxy/keepalived checks need root (mount and network namespaces).
# Ends with "N passed, N failed[, N skipped]"; exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_BASE="${1:-$(mktemp -d /tmp/bojagi-kolla-check.XXXXXX)}"
mkdir -p "$OUT_BASE"
OUT_BASE="$(cd "$OUT_BASE" && pwd)"
VIP=10.99.0.250

PASS=0 FAIL=0 SKIP=0
ok()   { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
skip() { SKIP=$((SKIP + 1)); echo "skip - $*"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds
check() { local d="$1"; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else bad "$d"; fi; }
has() { grep -qE -- "$2" "$1"; }   # has FILE REGEX

SCRATCH="$(mktemp -d /tmp/bojagi-kolla-lb.XXXXXX)"
NETNS="bojagi-kv-$$"
cleanup() { ip netns del "$NETNS" 2>/dev/null; rm -rf "$SCRATCH"; }
trap cleanup EXIT

# --- the real validators -------------------------------------------------------------------------

# haproxy -c on kolla's haproxy.cfg + services.d/, loaded the way kolla's haproxy_run.sh does
# (`haproxy -f /etc/haproxy/haproxy.cfg -f /etc/haproxy/services.d/`). Honest adjustments, none to
# the directives themselves:
#  - paths: files kolla's config.json copies to /etc/haproxy/ (certificates, the external frontend
#    map) are rewritten to the copy in this directory;
#  - the `stats socket ... group kolla` line needs a group named kolla, which kolla's container
#    image has and this machine has not: haproxy runs in a private mount namespace where
#    /etc/group is a copy with `kolla` added. The host's /etc/group is not touched.
haproxy_check() { # DIR (OUT/<host>/haproxy)
    local src="$1" dir="$SCRATCH/haproxy-$RANDOM"
    cp -r "$src" "$dir"
    grep -rlF /etc/haproxy/ "$dir" | xargs -r sed -i "s#/etc/haproxy/#$dir/#g"
    local cmd=(/usr/sbin/haproxy -c -f "$dir/haproxy.cfg")
    [[ -d "$dir/services.d" ]] && cmd+=(-f "$dir/services.d/")
    if getent group kolla >/dev/null; then
        "${cmd[@]}"
    else
        cp /etc/group "$dir/.group" && echo "kolla:x:42400:" >> "$dir/.group"
        unshare -m sh -c 'mount --bind "$0" /etc/group && exec "$@"' "$dir/.group" "${cmd[@]}"
    fi
}

# keepalived -t on kolla's keepalived.conf. keepalived checks that the interfaces exist, so it runs
# in a network namespace made here with a veth for each interface the file names. Honest
# adjustment: the track script "/check_alive.sh" ships in kolla's keepalived image (it runs the
# scripts kolla renders into checks/); its path is rewritten to a stub here. Accepted warnings,
# shown: "SECURITY VIOLATION - scripts are being executed but script_security not enabled" (exit 6;
# kolla's own container gets it too, kolla does not set enable_script_security) and the auth_pass
# truncation. Any other message fails.
keepalived_check() { # FILE (OUT/<host>/keepalived/keepalived.conf)
    local conf="$SCRATCH/keepalived-$RANDOM.conf" stub="$SCRATCH/check_alive.sh" rc ifaces i n=0
    printf '#!/bin/sh\n# stand-in for kolla image /check_alive.sh\nexit 0\n' > "$stub"; chmod 755 "$stub"
    sed "s#\"/check_alive.sh\"#\"$stub\"#" "$1" > "$conf"
    ip netns add "$NETNS" || return 1
    ifaces=$(grep -oE '(^|[[:space:]])(interface|dev)[[:space:]]+[^[:space:]]+' "$conf" | awk '{print $2}' | sort -u)
    for i in $ifaces; do
        n=$((n + 1))
        ip -n "$NETNS" link add "$i" type veth peer name "bjpeer$n" && ip -n "$NETNS" link set "$i" up || return 1
    done
    ip netns exec "$NETNS" /usr/sbin/keepalived -t -l -f "$conf" > "$conf.out" 2>&1
    rc=$?
    ip netns del "$NETNS"
    cat "$conf.out"
    # keepalived 2.2 exits 6 for the security warning even when it also found errors (exit 5
    # otherwise), so also require that every message is one of the two warnings kolla's own
    # config always gets (kolla's 40-character keepalived_password is cut to VRRP's 8).
    [[ $rc -eq 0 || $rc -eq 6 ]] || return 1
    ! grep -vE 'Truncating auth_pass to 8 characters$|^SECURITY VIOLATION - scripts are being executed but script_security not enabled\.$' "$conf.out" | grep -q .
}

lb_checks() { # HOSTDIR
    local h="$1" name; name="$(basename "$1")"
    if [[ $(id -u) -ne 0 ]]; then skip "$name: haproxy -c / keepalived -t need root (namespaces)"; return; fi
    if [[ ! -x /usr/sbin/haproxy || ! -x /usr/sbin/keepalived ]]; then
        bad "$name: haproxy/keepalived missing: run scripts/kolla/install-apt.sh"; return
    fi
    local log="$SCRATCH/out"
    if haproxy_check "$h/haproxy" > "$log" 2>&1; then ok "$name: haproxy -c accepts haproxy.cfg + services.d/"
    else bad "$name: haproxy -c rejects kolla's config:"; sed 's/^/       /' "$log"; fi
    if keepalived_check "$h/keepalived/keepalived.conf" > "$log" 2>&1; then
        ok "$name: keepalived -t accepts keepalived.conf"; grep -q . "$log" && sed 's/^/       keepalived: /' "$log"
    else bad "$name: keepalived -t rejects kolla's config:"; sed 's/^/       /' "$log"; fi
}

vip_checks() { # HOSTDIR
    local h="$1" name; name="$(basename "$1")"
    check "$name: haproxy/haproxy.cfg exists" test -f "$h/haproxy/haproxy.cfg"
    check "$name: keystone frontend binds the VIP (haproxy/services.d/keystone-api.cfg)" \
        has "$h/haproxy/services.d/keystone-api.cfg" "bind $VIP:5000\b"
    check "$name: haproxy.cfg status frontend binds the VIP" has "$h/haproxy/haproxy.cfg" "bind $VIP:"
    check "$name: keepalived.conf carries the VIP" has "$h/keepalived/keepalived.conf" "^[[:space:]]+$VIP dev eth0$"
}

run_genconfig() { # FIXTURE
    local out="$OUT_BASE/$1"
    if [[ "${KOLLA_CHECK_REUSE:-}" == 1 && -d "$out" ]]; then echo "# reusing $out"; return 0; fi
    local t=$SECONDS
    if "$HERE/genconfig.sh" "$HERE/fixtures/$1" "$out"; then ok "genconfig $1 ($((SECONDS - t)) s)"
    else bad "genconfig $1"; return 1; fi
}

# --- all-in-one ----------------------------------------------------------------------------------
echo "# fixture aio"
if run_genconfig aio; then
    A="$OUT_BASE/aio/aio1"
    vip_checks "$A"
    check "aio1: nova.conf transport_url points at aio1's RabbitMQ" \
        has "$A/nova-api/nova.conf" '^transport_url = rabbit://openstack:[^@]+@10\.99\.0\.11:5672//$'
    check "aio1: galera.cnf binds aio1's address" has "$A/mariadb/galera.cnf" '^wsrep_node_address = 10\.99\.0\.11:4567$'
    check "aio1: cinder is off by default" test ! -e "$A/cinder-volume"
    lb_checks "$A"
fi

# --- multinode -----------------------------------------------------------------------------------
echo "# fixture multinode"
if run_genconfig multinode; then
    M="$OUT_BASE/multinode"
    CTL_IPS=(10.99.0.11 10.99.0.12 10.99.0.13)
    for c in ctl1 ctl2 ctl3; do
        h="$M/$c"
        vip_checks "$h"
        gc=$(grep -E '^wsrep_cluster_address' "$h/mariadb/galera.cnf" 2>/dev/null)
        for ip in "${CTL_IPS[@]}"; do
            check "$c: galera.cnf wsrep_cluster_address has $ip" grep -q "$ip:4567" <<<"$gc"
        done
        for svc in nova-api nova-conductor nova-scheduler; do
            tu=$(grep -m1 -E '^transport_url' "$h/$svc/nova.conf" 2>/dev/null)
            for ip in "${CTL_IPS[@]}"; do
                check "$c: $svc/nova.conf transport_url has $ip" grep -q "@$ip:5672" <<<"$tu"
            done
        done
        check "$c: cinder-volume/cinder.conf uses the RBD driver" \
            has "$h/cinder-volume/cinder.conf" '^volume_driver = cinder\.volume\.drivers\.rbd\.RBDDriver$'
        check "$c: cinder-volume/cinder.conf has rbd_pool" has "$h/cinder-volume/cinder.conf" '^rbd_pool = volumes$'
        check "$c: cinder-volume/cinder.conf clusters cinder-volume" has "$h/cinder-volume/cinder.conf" '^cluster = kolla-ceph$'
        check "$c: cinder-backup uses the Ceph backup driver" \
            has "$h/cinder-backup/cinder.conf" '^backup_driver = cinder\.backup\.drivers\.ceph\.CephBackupDriver$'
        check "$c: cinder-volume got the external ceph keyring" test -f "$h/cinder-volume/ceph/ceph.client.cinder.keyring"
        check "$c: glance-api got the external ceph.conf" test -f "$h/glance-api/ceph/ceph.conf"
        lb_checks "$h"
    done
    h="$M/cmp1"
    tu=$(grep -m1 -E '^transport_url' "$h/nova-compute/nova.conf" 2>/dev/null)
    for ip in "${CTL_IPS[@]}"; do
        check "cmp1: nova-compute/nova.conf transport_url has $ip" grep -q "@$ip:5672" <<<"$tu"
    done
    check "cmp1: nova-compute got ceph.client.nova.keyring" test -f "$h/nova-compute/ceph.client.nova.keyring"
    check "cmp1: nova-compute/nova.conf uses rbd images" has "$h/nova-compute/nova.conf" '^images_type = rbd$'
    check "cmp1: tunnel local_ip is the inventory's tunnel_address" \
        has "$h/neutron-openvswitch-agent/openvswitch_agent.ini" '^local_ip = 10\.99\.2\.21$'
    check "cmp1: no load balancer on the compute host" test ! -e "$h/haproxy"
    check "cmp1: no galera on the compute host" test ! -e "$h/mariadb"
fi

echo "# output kept in $OUT_BASE"
if ((SKIP)); then echo "$PASS passed, $FAIL failed, $SKIP skipped"; else echo "$PASS passed, $FAIL failed"; fi
((FAIL == 0))
