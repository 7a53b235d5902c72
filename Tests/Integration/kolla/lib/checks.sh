# Shared by the kolla integration checks: counters and assertions, and the real haproxy and keepalived
# validators run on kolla's rendered load-balancer files. Sourced by run.sh.
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
    # kolla's config.json puts the TLS bundles it rendered beside haproxy.cfg into /etc/haproxy/certificates/.
    if compgen -G "$dir/*.pem" >/dev/null; then mkdir -p "$dir/certificates" && cp "$dir"/*.pem "$dir/certificates/"; fi
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

lb_checks() { # HOSTDIR [LABEL]
    local h="$1" name="${2:-$(basename "$1")}"
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

