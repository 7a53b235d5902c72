#!/usr/bin/env bash
# Install the OpenStack services the labs run (PyPI, one maintained series) into a venv Bojagi manages.
#
#   scripts/lab/install-venv.sh RELEASE_ID [VENV_DIR]
#
# VENV_DIR defaults to $BOJAGI_HOME/venvs/openstack-RELEASE_ID (BOJAGI_HOME defaults to ~/.bojagi).
# Idempotent: a stamp file in the venv records the hash of the requirements and the constraints file it was
# installed from; when it matches, nothing is done. Versions are pinned by scripts/lab/constraints-RELEASE.txt:
# 2025.1, 2025.2 and 2026.1 from their series' upper-constraints and openstack/releases deliverables
# (scripts/lab/make-constraints.sh), 2026.2 a `pip freeze` of a good install. Other releases are refused.
#
# Notes (measured, see FIELD-NOTES): every service of the four series installs on Python 3.11; Heat is `openstack-heat`
# on PyPI (`heat` is an unrelated project); keystone's cache needs pymemcache and keystonemiddleware
# python-memcached; uwsgi builds from source here; pika is the HA drill's RabbitMQ client (the HA lab shares this venv).
#
# Environment: LAB_PYTHON=/path/to/python3.11 overrides interpreter discovery.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/venv.sh"
RELEASE="${1:?usage: install-venv.sh RELEASE_ID [VENV_DIR]}"
BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
VENV="${2:-$BOJAGI_HOME/venvs/openstack-$RELEASE}"
CONSTRAINTS="$HERE/constraints-$RELEASE.txt"

# The releases the lab runs are exactly those with a constraints file (Lab.swift reads the same list).
if [[ ! -f "$CONSTRAINTS" ]]; then
    have="$(cd "$HERE" && ls constraints-*.txt | sed -e 's/^constraints-//' -e 's/\.txt$//' | sort -V | paste -sd' ')"
    echo "error: no pinned OpenStack service versions for release $RELEASE; the lab runs $have." >&2
    echo "       fix: set 'release:' in the blueprint to one of them, or write scripts/lab/constraints-$RELEASE.txt (scripts/lab/make-constraints.sh $RELEASE)." >&2
    exit 2
fi
# Versions come from the constraints file: the services from the series' openstack/releases deliverables, the
# rest from its upper-constraints (see the file's header).
REQS=(keystone glance openstack-placement nova neutron cinder openstack-heat horizon
      python-openstackclient osc-placement python-heatclient
      pymemcache python-memcached PyMySQL uwsgi pika
      setuptools)   # listed so the constraints file's pin (2025.1–2026.1: 80.9.0, see there) replaces the newest

find_python() {
    local c
    find_pyenv_python 3.11 "${LAB_PYTHON:-}" && return 0
    for c in /usr/bin/python3.12 /usr/bin/python3.13; do
        [[ -x "$c" ]] && { echo "$c"; return 0; }
    done
    if c="$(command -v python3 2>/dev/null)" && "$c" -c 'import sys; assert sys.version_info[:2]>=(3,10)' 2>/dev/null; then
        echo "$c"; return 0
    fi
    return 1
}

STAMP="$VENV/.bojagi-lab-stamp"
# Build dependencies of the sdists pip builds, pinned too (see the file).
export PIP_BUILD_CONSTRAINT="$HERE/build-constraints.txt"
WANT="$(venv_stamp "$CONSTRAINTS" "$PIP_BUILD_CONSTRAINT" "$HERE/ml2-bind-all/pyproject.toml" "$HERE"/ml2-bind-all/bojagi_ml2/*.py)"

if [[ -x "$VENV/bin/keystone-manage" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "venv up to date: $VENV"
else
    PY="$(find_python)" || {
        echo "error: Python >= 3.10 not found (looked for pyenv 3.11, /usr/bin/python3.1x, python3)." >&2
        echo "       fix: install Python 3.11 (e.g. 'pyenv install 3.11') or set LAB_PYTHON." >&2
        exit 1
    }
    venv_pip_install "$PY" "$VENV" "$CONSTRAINTS" "${REQS[@]}"
    # The lab's ML2 driver that binds every port (no Neutron agents); built from a copy so the source stays clean.
    BUILD="$(mktemp -d)"; trap 'rm -rf "$BUILD"' EXIT
    cp -r "$HERE/ml2-bind-all" "$BUILD/"
    env -u PIP_BUILD_CONSTRAINT "$VENV/bin/python" -m pip install --quiet --no-deps --no-build-isolation --force-reinstall "$BUILD/ml2-bind-all"
    echo "$WANT" > "$STAMP"
fi

echo "venv:     $VENV"
echo "python:   $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
for p in keystone glance openstack-placement nova neutron cinder openstack-heat horizon; do
    printf '%-9s %s\n' "${p#openstack-}:" "$("$VENV/bin/python" -m pip show "$p" 2>/dev/null | awk '/^Version:/{print $2}')"
done
