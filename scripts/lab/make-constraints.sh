#!/usr/bin/env bash
# Write scripts/lab/constraints-RELEASE.txt for a maintained series from its two sources of truth:
#   - the series' upper-constraints.txt (openstack/requirements, branch stable/RELEASE), copied verbatim;
#   - the service versions of the series (openstack/releases, deliverables/<series>/<deliverable>.yaml, the last
#     final release listed): upper-constraints pins libraries and clients, never the services themselves.
# Each fact's branch or file and the commit it was read at go into the file's header.
#
#   scripts/lab/make-constraints.sh RELEASE [REQUIREMENTS_GIT] [RELEASES_GIT]
#
# The git directories default to the local mirrors /work/.mirror/openstack+{requirements,releases}/repo.
# A series whose requirements branch does not exist yet (2026.2 while it was master) is refused: its file stays
# the `pip freeze` of a good install.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RELEASE="${1:?usage: make-constraints.sh RELEASE [REQUIREMENTS_GIT] [RELEASES_GIT]}"
REQUIREMENTS="${2:-/work/.mirror/openstack+requirements/repo}"
RELEASES="${3:-/work/.mirror/openstack+releases/repo}"
OUT="$HERE/constraints-$RELEASE.txt"

case "$RELEASE" in
    2025.1) SERIES=epoxy ;;
    2025.2) SERIES=flamingo ;;
    2026.1) SERIES=gazpacho ;;
    2026.2) SERIES=hibiscus ;;
    *) echo "error: no series name known for $RELEASE; fix: add it to the case in $0" >&2; exit 2 ;;
esac
BRANCH="stable/$RELEASE"
git -C "$REQUIREMENTS" rev-parse --verify --quiet "$BRANCH" >/dev/null || {
    echo "error: $REQUIREMENTS has no branch $BRANCH; fix: fetch openstack/requirements again, or keep $OUT as a pip freeze" >&2
    exit 2
}
REQ_COMMIT="$(git -C "$REQUIREMENTS" rev-parse "$BRANCH")"
REQ_DATE="$(git -C "$REQUIREMENTS" log -1 --format=%cs "$BRANCH")"
REL_COMMIT="$(git -C "$RELEASES" rev-parse HEAD)"
REL_DATE="$(git -C "$RELEASES" log -1 --format=%cs HEAD)"

# PyPI name ← deliverable name: the services the lab runs.
SERVICES=(keystone:keystone glance:glance openstack-placement:placement nova:nova neutron:neutron cinder:cinder
          openstack-heat:heat horizon:horizon)
# uWSGI is not in upper-constraints (OpenStack does not ship it); the lab serves every API with it. 2.0.31 is
# what the 2026.2 lab runs and builds from source on Python 3.11.
UWSGI="uWSGI==2.0.31"
# setuptools is not in upper-constraints either; the newest (84.x) has no pkg_resources, which these series'
# code still imports at run time (2025.1: yaql under heat-engine, os-win under cinder's option list; seen by
# the releases suite), so the venvs keep 80.9.0, the last 80.x, which has it.
SETUPTOOLS="setuptools==80.9.0"

TMP="$(mktemp)"; trap 'rm -f "$TMP"' EXIT
{
    echo "# OpenStack $RELEASE ($SERIES) for Bojagi's labs: scripts/lab/install-venv.sh $RELEASE, Python 3.11."
    echo "# Written by scripts/lab/make-constraints.sh $RELEASE; do not edit by hand."
    echo "# Service versions: openstack/releases deliverables/$SERIES/<deliverable>.yaml, the last final release listed,"
    echo "#   at commit $REL_COMMIT ($REL_DATE)."
    echo "# Everything else: openstack/requirements upper-constraints.txt on $BRANCH,"
    echo "#   at commit $REQ_COMMIT ($REQ_DATE), verbatim below the services."
    echo "# $UWSGI: not in upper-constraints; the version the 2026.2 lab runs."
    echo "# $SETUPTOOLS: not in upper-constraints; the newest setuptools has no pkg_resources, which 2025.1's yaql 3.0.0"
    echo "#   (heat-engine) and os-win 5.9.0 (cinder's option list) import at run time; every generated series keeps it."
    for entry in "${SERVICES[@]}"; do
        pypi="${entry%%:*}"; deliverable="${entry##*:}"
        version="$(git -C "$RELEASES" show "HEAD:deliverables/$SERIES/$deliverable.yaml" \
            | awk '/^ *- version:/ {print $3}' | grep -Ev '(a|b|rc)[0-9]+$' | tail -1)"
        [[ -n "$version" ]] || { echo "error: no final release of $deliverable in deliverables/$SERIES at $REL_COMMIT" >&2; exit 2; }
        # Horizon is also a library (dashboards' plugins build on it), so upper-constraints pins it already.
        pinned="$(git -C "$REQUIREMENTS" show "$BRANCH:upper-constraints.txt" | awk -F'===' -v p="$pypi" '$1 == p {print $2}')"
        if [[ -z "$pinned" ]]; then echo "$pypi==$version"
        elif [[ "$pinned" != "$version" ]]; then
            echo "error: upper-constraints pins $pypi $pinned, the series' deliverable says $version" >&2; exit 2
        fi
    done
    echo "$UWSGI"
    echo "$SETUPTOOLS"
    echo "# upper-constraints.txt ($BRANCH $REQ_COMMIT)"
    git -C "$REQUIREMENTS" show "$BRANCH:upper-constraints.txt"
} > "$TMP"
mv "$TMP" "$OUT"; trap - EXIT
echo "wrote $OUT"
grep -E '^(keystone|glance|openstack-placement|nova|neutron|cinder|openstack-heat|horizon)==' "$OUT" | tr '\n' ' '; echo
