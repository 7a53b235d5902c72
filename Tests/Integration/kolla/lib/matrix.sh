# The kolla integration matrix (issue 9), sourced by run.sh: the case under matrix/ holds every kolla service any
# profile enables (with all its optional capabilities; BojagiCoreTests' KollaMatrixTests checks that against every
# profile on every maintained release). It is rendered by Bojagi for each release of matrix/releases.txt and
# genconfig'd by that release's real kolla-ansible (its own pinned venv), on one controller and one compute (the Ceph
# nodes run no kolla service with an external Ceph): every role, so each service is rendered beside every other it
# can meet (Nova's ironic compute, Neutron's DNS integration) — except on 2026.2 when the map platform's run of the
# same suite has rendered every role of its services: there the case runs only the roles of the services the map
# platform lacks (CI's minutes; the older releases run whole). Every service a run renders gets its main
# configuration files checked on the host kolla puts them on; a service with no entry below fails the suite.

# service (plan name) -> kolla-ansible tags of the roles that render it
declare -A MATRIX_TAGS=(
    [keystone]=keystone [nova]=nova,nova-cell [placement]=placement [neutron]=neutron [glance]=glance
    [cinder]=cinder [horizon]=horizon [heat]=heat [trove]=trove [ceilometer]=ceilometer [gnocchi]=gnocchi
    [aodh]=aodh [cloudkitty]=cloudkitty [barbican]=barbican [octavia]=octavia [designate]=designate
    [ceph-rgw]=ceph-rgw [ironic]=ironic [manila]=manila [magnum]=magnum [blazar]=blazar [cyborg]=cyborg
    [tacker]=tacker [masakari]=masakari [hacluster]=hacluster [mariadb]=mariadb [rabbitmq]=rabbitmq
    [memcached]=memcached [valkey]=valkey [openvswitch]=openvswitch [prometheus]=prometheus [grafana]=grafana
    [haproxy]=loadbalancer [keepalived]=loadbalancer [proxysql]=loadbalancer [fluentd]=fluentd [opensearch]=opensearch
)
# service -> its main configuration files, "ctl:PATH" or "cmp:PATH" under the host's kolla directory; "A|B" where
# kolla-ansible releases name it differently (kolla-ansible 23 split keystone into keystone-api)
declare -A MATRIX_FILES=(
    [keystone]="ctl:keystone-api/keystone.conf|keystone/keystone.conf" [placement]="ctl:placement-api/placement.conf"
    [nova]="ctl:nova-api/nova.conf ctl:nova-conductor/nova.conf cmp:nova-compute/nova.conf cmp:nova-libvirt/qemu.conf"
    [neutron]="ctl:neutron-server/neutron.conf ctl:neutron-l3-agent/l3_agent.ini cmp:neutron-openvswitch-agent/openvswitch_agent.ini"
    [glance]="ctl:glance-api/glance-api.conf" [cinder]="ctl:cinder-api/cinder.conf ctl:cinder-volume/cinder.conf"
    [horizon]="ctl:horizon/_9998-kolla-settings.py" [heat]="ctl:heat-api/heat.conf ctl:heat-engine/heat.conf"
    [trove]="ctl:trove-api/trove.conf ctl:trove-taskmanager/trove-guestagent.conf"
    [ceilometer]="ctl:ceilometer-central/ceilometer.conf cmp:ceilometer-compute/ceilometer.conf"
    [gnocchi]="ctl:gnocchi-api/gnocchi.conf" [aodh]="ctl:aodh-api/aodh.conf"
    [cloudkitty]="ctl:cloudkitty-api/cloudkitty.conf" [barbican]="ctl:barbican-api/barbican.conf"
    [octavia]="ctl:octavia-api/octavia.conf ctl:octavia-health-manager/octavia.conf"
    [designate]="ctl:designate-api/designate.conf ctl:designate-worker/pools.yaml ctl:designate-backend-bind9/named.conf"
    [ceph-rgw]="ctl:haproxy/services.d/ceph-rgw.cfg"
    [ironic]="ctl:ironic-conductor/ironic.conf ctl:ironic-dnsmasq/dnsmasq.conf"
    [manila]="ctl:manila-api/manila.conf ctl:manila-share/manila.conf" [magnum]="ctl:magnum-api/magnum.conf"
    [blazar]="ctl:blazar-api/blazar.conf" [cyborg]="ctl:cyborg-api/cyborg.conf cmp:cyborg-agent/cyborg.conf"
    [tacker]="ctl:tacker-server/tacker.conf" [masakari]="ctl:masakari-api/masakari.conf ctl:masakari-hostmonitor/masakari-monitors.conf cmp:masakari-instancemonitor/masakari-monitors.conf"
    [hacluster]="ctl:hacluster-corosync/corosync.conf cmp:hacluster-pacemaker-remote/config.json"
    [mariadb]="ctl:mariadb/galera.cnf" [rabbitmq]="ctl:rabbitmq/rabbitmq.conf" [memcached]="ctl:memcached/config.json"
    [valkey]="ctl:valkey-server/valkey.conf" [openvswitch]="cmp:openvswitch-vswitchd/config.json"
    [prometheus]="ctl:prometheus-server/prometheus.yml" [grafana]="ctl:grafana/grafana.ini"
    [haproxy]="ctl:haproxy/haproxy.cfg" [keepalived]="ctl:keepalived/keepalived.conf" [proxysql]="ctl:proxysql/proxysql.yaml"
    [fluentd]="ctl:fluentd/fluentd.conf cmp:fluentd/fluentd.conf" [opensearch]="ctl:opensearch/opensearch.yml"
)

# kolla_services PLAN_JSON: the plan's members kolla-ansible deploys (those with an enable_* flag), one a line.
kolla_services() {
    python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
print("\n".join(sorted(r["name"] for r in p["services"] + p["infrastructure"] if r.get("kolla_flag"))))' "$1"
}

# prove RUN KOLLA_OUT CTL CMP SERVICE...: each service's main files exist where kolla puts them.
prove() {
    local run="$1" out="$2" ctl="$3" cmp="$4" s f host; shift 4
    for s in "$@"; do
        if [[ -z "${MATRIX_FILES[$s]:-}" ]]; then
            bad "$run: $s is enabled but the matrix knows no file of it: add it to MATRIX_FILES in lib/matrix.sh"; continue
        fi
        for f in ${MATRIX_FILES[$s]}; do
            host=$ctl; [[ $f == cmp:* ]] && host=$cmp
            local alt found="" paths="${f#*:}"
            IFS='|' read -ra alts <<<"$paths"
            for alt in "${alts[@]}"; do [[ -s "$out/$host/$alt" ]] && found="$alt" && break; done
            if [[ -n "$found" ]]; then ok "$run: $s renders $host/$found"; else bad "$run: $s renders $host/${paths//|/ or }"; fi
        done
    done
}

# matrix_start CASE RELEASE: render, Octavia's certificates, the IPA stand-ins and the hacluster keys; genconfig starts.
matrix_start() {
    local case="$1" release="$2" name="matrix-$1-$2" dir="$OUT_BASE/matrix-$1-$2" venv="${MATRIX_VENV[$2]}" s
    mkdir -p "$dir"
    sed -E "s/^release: .*/release: $release/" "$HERE/matrix/$case.yaml" > "$dir/bojagi.yaml"
    if ! "$BOJAGI" render "$dir/bojagi.yaml" --out "$dir/deploy" > "$dir/render.log" 2>&1; then
        bad "bojagi render $name"; sed 's/^/       /' "$dir/render.log"; return 1
    fi
    "$BOJAGI" plan "$dir/bojagi.yaml" --format json > "$dir/plan.json" 2>/dev/null || [[ -s "$dir/plan.json" ]] || { bad "bojagi plan $name"; return 1; }
    mapfile -t services < <(kolla_services "$dir/plan.json")
    ok "$name: plans ${#services[@]} kolla services: ${services[*]}"
    # On 2026.2 the map platform's run (same suite, every role of its services) renders part of them already.
    local tags=() todo=() done_=()
    if [[ $release == 2026.2 ]] && part map-platform && [[ -s "$OUT_BASE/map-platform/plan.json" ]]; then
        mapfile -t done_ < <(kolla_services "$OUT_BASE/map-platform/plan.json")
        for s in "${services[@]}"; do
            [[ " ${done_[*]} " == *" $s "* ]] && continue
            todo+=("$s"); tags+=("${MATRIX_TAGS[$s]:-$s}")
        done
        services=("${todo[@]}")
        echo "# $name: the map platform's run renders the other $(( ${#done_[@]} )) services' roles; this one runs the roles of ${services[*]}"
    fi
    printf '%s\n' "${services[@]}" > "$dir/rendered-services.txt"
    if [[ " ${services[*]} " == *" octavia "* ]]; then
        KOLLA_VENV="$venv" octavia_certificates "$name" || return 1
    fi
    if [[ " ${services[*]} " == *" ironic "* ]]; then
        # A user's step (SVC017's advice): the Ironic Python Agent's kernel and initramfs, published on a host
        # this machine cannot reach, go into config/ironic/. Stand-in files take their place so kolla's copy
        # tasks run; matrix_intent checks they arrive in ironic-http.
        mkdir -p "$dir/deploy/config/ironic"
        for f in ironic-agent.kernel ironic-agent.initramfs; do echo "stand-in for $f (kolla suite; a deploy uses the real IPA image)" > "$dir/deploy/config/ironic/$f"; done
        echo "# $name: config/ironic/ironic-agent.{kernel,initramfs} are stand-ins for the user's IPA images"
    fi
    if [[ " ${services[*]} " == *" hacluster "* ]]; then
        # kolla-ansible's hacluster role makes Corosync's and Pacemaker's authkeys in its bootstrap (deploy runs it,
        # genconfig does not): the same command here, into the same place (node_custom_config).
        for s in hacluster-corosync hacluster-pacemaker; do
            mkdir -p "$dir/deploy/config/$s"
            dd if=/dev/urandom of="$dir/deploy/config/$s/authkey" bs=4096 count=1 2>/dev/null && chmod 600 "$dir/deploy/config/$s/authkey"
        done
        echo "# $name: config/hacluster-{corosync,pacemaker}/authkey made as kolla's hacluster bootstrap makes them (deploy runs it, genconfig does not)"
    fi
    KOLLA_VENV="$venv" KOLLA_GENCONFIG_TAGS="$(IFS=,; echo "${tags[*]}" | tr ',' '\n' | sort -u | paste -sd,)" \
        genconfig_start "$name" --limit ctl01,cmp01 -e octavia_auto_configure=false
}

# matrix_check CASE RELEASE: when its genconfig has ended, every planned service's files and the blueprint's intent.
matrix_check() {
    local name="matrix-$1-$2" dir="$OUT_BASE/matrix-$1-$2"
    genconfig_end "$name" || return 1
    echo "# $name: kolla's files"
    mapfile -t services < "$dir/rendered-services.txt"
    prove "$name" "$dir/kolla" ctl01 cmp01 "${services[@]}"
    matrix_intent "$name" "$dir/kolla" "${services[@]}"
}

# matrix_intent NAME KOLLA_OUT SERVICE...: one piece of the blueprint's intent per service, where it has one
# (the matrix blueprints: management 10.40.0.0/24, controllers' lb-mgmt leg eth3, provisioning 10.30.0.0/24 on
# eth2, RGW on the three storage hosts, Barbican and Gnocchi in every case that has Magnum or CloudKitty).
matrix_intent() {
    local name="$1" out="$2" h="$2/ctl01" c="$2/cmp01" s ip; shift 2
    for s in "$@"; do
        case $s in
        nova) check "$name: nova-compute keeps instances on RBD (storage.ceph)" has "$c/nova-compute/nova.conf" '^images_type = rbd$' ;;
        neutron)
            check "$name: the compute bridges physnet1 (the lb-mgmt provider network)" has "$c/neutron-openvswitch-agent/openvswitch_agent.ini" '^bridge_mappings = physnet1:br-ex$'
            check "$name: routers are HA on the 3 network hosts (l3_ha)" has "$h/neutron-server/neutron.conf" '^l3_ha = true$' ;;
        glance) check "$name: glance stores images in RBD" has "$h/glance-api/glance-api.conf" '^rbd_store_pool = images$' ;;
        cinder) check "$name: cinder-volume uses the ssd tier's RBD backend" has "$h/cinder-volume/cinder.conf" '^enabled_backends = rbd-1$' ;;
        gnocchi) check "$name: gnocchi keeps metrics in Ceph, pool gnocchi" sh -c "grep -q '^driver = ceph$' '$h/gnocchi-api/gnocchi.conf' && grep -q '^ceph_pool = gnocchi$' '$h/gnocchi-api/gnocchi.conf'" ;;
        cloudkitty) check "$name: cloudkitty rates what Gnocchi collects" has "$h/cloudkitty-api/cloudkitty.conf" '^collector = gnocchi$' ;;
        magnum) check "$name: magnum keeps cluster certificates in Barbican (key-manager)" has "$h/magnum-api/magnum.conf" '^cert_manager_type = barbican$' ;;
        manila) check "$name: manila-share shares CephFS (cephfsnative1)" has "$h/manila-share/manila.conf" '^enabled_share_backends = cephfsnative1$' ;;
        ironic)
            check "$name: ironic-dnsmasq serves an inspection range in networks.provisioning (10.30.0.0/24)" has "$h/ironic-dnsmasq/dnsmasq.conf" '^dhcp-range=set:[^,]+,10\.30\.0\.[0-9]+,10\.30\.0\.[0-9]+,'
            check "$name: ironic-dnsmasq listens on the provisioning interface eth2" has "$h/ironic-dnsmasq/dnsmasq.conf" '^interface=eth2$'
            check "$name: ironic cleans nodes on the Neutron network provisioning" has "$h/ironic-conductor/ironic.conf" '^cleaning_network = provisioning$'
            check "$name: kolla copied the IPA kernel and initramfs from config/ironic/ to ironic-http" sh -c "test -s '$h/ironic-http/ironic-agent.kernel' && test -s '$h/ironic-http/ironic-agent.initramfs'" ;;
        octavia)
            ip=$(awk '$1 == "ctl01" { for (i = 2; i <= NF; i++) if ($i ~ /^eth3=/) { sub(/^eth3=/, "", $i); print $i } }' "$out/.work/hosts.txt")
            check "$name: octavia's health manager binds ctl01's lb-mgmt address on eth3 (${ip:-none})" has "$h/octavia-health-manager/octavia.conf" "^bind_ip = ${ip//./\\.}$"
            check "$name: octavia-worker got the certificates kolla-ansible octavia-certificates made" test -s "$h/octavia-worker/client.cert-and-key.pem" ;;
        ceph-rgw) check "$name: HAProxy sends the Swift/S3 API to RGW on the 3 storage hosts" sh -c "grep -oE 'server stor0[123] 10\.40\.0\.3[123]:8080' '$h/haproxy/services.d/ceph-rgw.cfg' | sort -u | wc -l | grep -qx 3" ;;
        designate) check "$name: designate's pool targets bind9 on ctl01" has "$h/designate-worker/pools.yaml" 'host: 10\.40\.0\.11' ;;
        hacluster) check "$name: Corosync's ring holds the 3 controllers (10.40.0.11-13)" sh -c "grep -oE '^[[:space:]]+ring0_addr: 10\.40\.0\.1[123]$' '$h/hacluster-corosync/corosync.conf' | sort -u | wc -l | grep -qx 3" ;;
        masakari) check "$name: masakari's host monitor watches Corosync on the management interface eth0" has "$h/masakari-hostmonitor/masakari-monitors.conf" '^corosync_multicast_interfaces = eth0$' ;;
        tacker) check "$name: tacker keeps VIM credentials in Barbican (key-manager)" has "$h/tacker-server/tacker.conf" '^use_barbican = true$' ;;
        keepalived) check "$name: keepalived holds the VIP 10.40.0.10 on eth0" has "$h/keepalived/keepalived.conf" '^[[:space:]]+10\.40\.0\.10 dev eth0$' ;;
        esac
    done
    [[ " $* " == *" haproxy "* || -d "$h/haproxy" ]] && lb_checks "$h" "$name: ctl01"
}
