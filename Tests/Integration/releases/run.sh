#!/usr/bin/env bash
# The labs on every maintained release other than 2026.2 (which the lab and HA suites run): for each, the
# release's venv (scripts/lab/install-venv.sh, cached between runs), `bojagi lab up --render-only` rendering every
# service's configuration from it, and each file checked by that release's own code, nothing started:
#   - oslo-config-validator with the service's oslo-config-generator namespaces at the pinned version
#     (generators/RELEASE/, copied by copy-generators.sh): no unknown option, no deprecated one;
#   - every uwsgi `module =` importable from the venv; every file of the venv the configs name exists;
#   - Horizon's settings pass Django's `check`.
# Then, for BOJAGI_RELEASES_FULL (default 2026.1, the release the upgrade drill starts from; set and empty for none),
# the real `lab up`, `bojagi verify` (every API and the smoke scenario) and `lab down --wipe`.
# The blueprint is the web-application starter (examples/profiles) with its release set: the full `up` runs its
# Ceph tier too (a monitor, a manager, OSDs on files; Cinder and Glance on RBD), as the README's example does.
# Skipped unless BOJAGI_RELEASES=1. Ends with "N passed, M failed".
set -uo pipefail
if [[ "${BOJAGI_RELEASES:-0}" != "1" ]]; then
    echo "skipped: set BOJAGI_RELEASES=1"
    exit 0
fi
cd "$(dirname "$0")/../../.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
HERE="Tests/Integration/releases"

BOJAGI="$PWD/.build/debug/bojagi"
[ -x "$BOJAGI" ] || swift build
# Every pinned release but 2026.2, from the constraints files (the lab's own list).
RELEASES="${BOJAGI_RELEASES_LIST:-$(ls scripts/lab/constraints-*.txt | sed -E 's/.*constraints-(.*)\.txt/\1/' | grep -vx 2026.2 | sort -V | paste -sd' ')}"
FULL="${BOJAGI_RELEASES_FULL-2026.1}"   # set and empty: none (CI: the HA suite brings 2026.1 up in full)
OFFSET="${BOJAGI_RELEASES_TEST_OFFSET:-6000}"
WORK="$(mktemp -d /tmp/bojagi-releases-test.XXXXXX)"
passed=0; failed=0
started=$(date +%s)
figures=()

cleanup() {
    for home in "$WORK"/lab-*; do
        [ -f "$home/state.json" ] && "$BOJAGI" lab down --home "$home" --wipe --timeout 20 >/dev/null 2>&1
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

check() {
    local name="$1"; shift
    if "$@" >"$WORK/out" 2>&1; then
        echo "ok   - $name"; passed=$((passed + 1))
    else
        echo "FAIL - $name"; sed 's/^/       /' "$WORK/out" | tail -25; failed=$((failed + 1))
    fi
}

blueprint() {  # RELEASE → the web-application starter with its release set (its Ceph tier included)
    sed -e "s/^release: .*/release: $1/" -e "s/^name: .*/name: releases-$1/" examples/profiles/web-application.yaml > "$WORK/web-application-$1.yaml"
    echo "$WORK/web-application-$1.yaml"
}

# Every option of FILE known to RELEASE's SERVICE, none deprecated.
validate() {
    local venv="$1" generator="$2" file="$3" group excludes=()
    # Glance's stores register their options under group names the file itself chooses (enabled_backends, and
    # the reserved os_glance_staging_store and os_glance_tasks_store): no generator namespace lists them.
    if [[ "$file" == */glance-api.conf ]]; then
        for group in $(sed -n 's/^enabled_backends = //p' "$file" | tr ',' '\n' | cut -d: -f1) os_glance_staging_store os_glance_tasks_store; do
            excludes+=(--exclude-group "$group")
        done
    fi
    # Cinder's too: a group per backend (enabled_backends); [nova]'s auth options, which keystoneauth registers
    # when cinder loads the plugin; and the privsep contexts' groups, registered when cinder imports them.
    if [[ "$file" == */cinder.conf ]]; then
        for group in $(sed -n 's/^enabled_backends = //p' "$file" | tr ',' ' ') nova cinder_sys_admin privsep_osbrick; do
            excludes+=(--exclude-group "$group")
        done
    fi
    "$venv/bin/oslo-config-validator" --config-file "$generator" --input-file "$file" --fatal-warnings "${excludes[@]}"
}

# The uwsgi module of each API is in the venv (a module renamed by a release fails here).
modules_import() {
    local venv="$1" home="$2" ini module missing=0
    for ini in "$home"/etc/uwsgi/*.ini; do
        module="$(sed -n 's/^module = \([^:]*\):.*/\1/p' "$ini")"
        "$venv/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$module') is None)" \
            || { echo "$(basename "$ini"): no module $module in $venv"; missing=1; }
    done
    return $missing
}

# Every path into the venv that a rendered file names (paste files, metadefs, resource filters, binaries).
venv_paths_exist() {
    local venv="$1" home="$2" path missing=0
    while read -r path; do
        [ -e "$path" ] || { echo "missing: $path"; missing=1; }
    done < <(grep -rhoE "$venv/[A-Za-z0-9_./-]+" "$home/etc" | sort -u)
    return $missing
}

horizon_check() {
    local venv="$1" home="$2"
    PYTHONPATH="$home/etc/horizon" DJANGO_SETTINGS_MODULE=openstack_dashboard.settings "$venv/bin/django-admin" check
}

for release in $RELEASES; do
    venv="${BOJAGI_HOME:-$HOME/.bojagi}/venvs/openstack-$release"
    home="$WORK/lab-$release"
    file="$(blueprint "$release")"
    t=$(date +%s)
    check "$release: venv installs from scripts/lab/constraints-$release.txt" scripts/lab/install-venv.sh "$release"
    figures+=("$release venv $(( $(date +%s) - t )) s")
    check "$release: lab up --render-only renders every service's configuration from the venv" \
        "$BOJAGI" lab up "$file" --home "$home" --port-offset "$OFFSET" --render-only --skip-install
    gen="$HERE/generators/$release"
    for pair in keystone/keystone.conf:keystone.conf glance/glance-api.conf:glance-api.conf placement/placement.conf:placement.conf \
                nova/nova.conf:nova.conf nova/nova-compute.conf:nova.conf neutron/neutron.conf:neutron.conf \
                neutron/ml2_conf.ini:ml2_conf.ini cinder/cinder.conf:cinder.conf heat/heat.conf:heat.conf; do
        conf="${pair%%:*}"; generator="${pair##*:}"
        check "$release: $conf holds only options $release knows, none deprecated" validate "$venv" "$gen/$generator" "$home/etc/$conf"
    done
    check "$release: every uwsgi module is in the venv" modules_import "$venv" "$home"
    check "$release: every venv file the configs name exists" venv_paths_exist "$venv" "$home"
    check "$release: Horizon's settings pass Django's check" horizon_check "$venv" "$home"
done

for release in $FULL; do
    venv="${BOJAGI_HOME:-$HOME/.bojagi}/venvs/openstack-$release"
    home="$WORK/lab-$release-up"
    file="$(blueprint "$release")"
    t=$(date +%s)
    check "$release: lab up" "$BOJAGI" lab up "$file" --home "$home" --port-offset "$OFFSET"
    figures+=("$release lab up $(( $(date +%s) - t )) s")
    t=$(date +%s)
    check "$release: bojagi verify (every API, the smoke scenario)" \
        env OS_CLIENT_CONFIG_FILE="$home/clouds.yaml" "$BOJAGI" verify --cloud bojagi-lab
    figures+=("$release verify $(( $(date +%s) - t )) s")
    check "$release: lab status: all running" "$BOJAGI" lab status --home "$home"
    # oslo.config's own message for an option set under a deprecated name or group (libraries' deprecation
    # notices, such as neutronclient's Python bindings in nova's log, are not about the lab's files).
    check "$release: no service logged a deprecated option" \
        bash -c "! grep -hE 'Option \"[^\"]+\" from group \"[^\"]+\" is deprecated' '$home'/logs/*.log"
    check "$release: lab down --wipe" "$BOJAGI" lab down --home "$home" --wipe
done

echo "figures: ${figures[*]}; total $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
