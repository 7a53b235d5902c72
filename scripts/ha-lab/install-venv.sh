#!/usr/bin/env bash
# Install Keystone for the HA lab into a venv of its own (independent of the single-node lab's venv).
#
#   scripts/ha-lab/install-venv.sh [VENV_DIR]
#
# VENV_DIR defaults to $BOJAGI_HOME/venvs/ha-keystone-2026.2 (BOJAGI_HOME defaults to ~/.bojagi).
# Idempotent: a stamp in the venv holds the hash of the requirements and constraints it was installed from.
# Versions are pinned by scripts/ha-lab/constraints-2026.2.txt (a `pip freeze` of a good install).
# keystone's cache needs pymemcache, keystonemiddleware python-memcached (FIELD-NOTES); pika is the drill's
# RabbitMQ client; uwsgi builds from source here.
#
# Environment: LAB_PYTHON=/path/to/python3.11 overrides interpreter discovery.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
VENV="${1:-$BOJAGI_HOME/venvs/ha-keystone-2026.2}"
CONSTRAINTS="$HERE/constraints-2026.2.txt"
REQS=("keystone==30.*" pymemcache python-memcached PyMySQL uwsgi pika)

find_python() {
    local c
    if [[ -n "${LAB_PYTHON:-}" ]]; then echo "$LAB_PYTHON"; return 0; fi
    for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.11.*/bin/python3.11 /root/.pyenv/versions/3.11.*/bin/python3.11 \
             /usr/bin/python3.11 /usr/bin/python3.12 /usr/bin/python3.13; do
        [[ -x "$c" ]] && { echo "$c"; return 0; }
    done
    if c="$(command -v python3 2>/dev/null)" && "$c" -c 'import sys; assert sys.version_info[:2]>=(3,10)' 2>/dev/null; then
        echo "$c"; return 0
    fi
    return 1
}

STAMP="$VENV/.bojagi-ha-stamp"
WANT="$({ printf '%s\n' "${REQS[@]}"; [[ -f "$CONSTRAINTS" ]] && cat "$CONSTRAINTS"; true; } | sha256sum | cut -d' ' -f1)"

if [[ -x "$VENV/bin/keystone-manage" && -x "$VENV/bin/uwsgi" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "venv up to date: $VENV"
else
    PY="$(find_python)" || {
        echo "error: Python >= 3.10 not found (looked for pyenv 3.11, /usr/bin/python3.1x, python3)." >&2
        echo "       fix: install Python 3.11 (e.g. 'pyenv install 3.11') or set LAB_PYTHON." >&2
        exit 1
    }
    echo "creating venv $VENV with $PY"
    mkdir -p "$(dirname "$VENV")"
    [[ -x "$VENV/bin/python" ]] || "$PY" -m venv "$VENV"
    CARGS=()
    if [[ -f "$CONSTRAINTS" ]]; then CARGS=(-c "$CONSTRAINTS"); else echo "warning: $CONSTRAINTS missing; installing unpinned" >&2; fi
    "$VENV/bin/python" -m pip install --quiet --upgrade pip setuptools wheel
    "$VENV/bin/python" -m pip install --quiet "${CARGS[@]}" "${REQS[@]}"
    echo "$WANT" > "$STAMP"
fi

echo "venv:     $VENV"
echo "python:   $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
for p in keystone uwsgi pika PyMySQL; do
    printf '%-9s %s\n' "$p:" "$("$VENV/bin/python" -m pip show "$p" 2>/dev/null | awk '/^Version:/{print $2}')"
done
