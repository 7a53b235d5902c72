#!/usr/bin/env bash
# Install the real kolla-ansible (PyPI 23.x = OpenStack 2026.2) into a Python 3.12 venv.
#
#   scripts/kolla/install-venv.sh [VENV_DIR]
#
# VENV_DIR defaults to $BOJAGI_HOME/venvs/kolla-ansible-2026.2 (BOJAGI_HOME defaults to ~/.bojagi).
# Idempotent: a stamp file in the venv records the constraints file it was installed from; when it
# matches, nothing is done. Versions are pinned by scripts/kolla/constraints-2026.2.txt (a `pip freeze`
# of a good install) when that file exists.
#
# Notes:
#  - kolla-ansible 23 needs Python >= 3.12 (on 3.11 pip silently picks 22.x).
#  - `kolla-ansible install-deps` cannot work here (it clones from a git host we cannot reach);
#    the `ansible` package (>=14,<15) ships every collection genconfig needs.
#
# Environment: KOLLA_PYTHON=/path/to/python3.12 overrides interpreter discovery.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/venv.sh"
BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
VENV="${1:-$BOJAGI_HOME/venvs/kolla-ansible-2026.2}"
CONSTRAINTS="$HERE/constraints-2026.2.txt"
REQS=("kolla-ansible==23.*" "ansible>=14,<15")

STAMP="$VENV/.bojagi-kolla-stamp"
WANT="$(venv_stamp "$CONSTRAINTS")"

if [[ -x "$VENV/bin/kolla-ansible" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "kolla-ansible venv up to date: $VENV"
else
    PY="$(find_pyenv_python 3.12 "${KOLLA_PYTHON:-}")" || {
        echo "error: Python 3.12 not found (looked in \$PYENV_ROOT/versions/3.12.*, /root/.pyenv/versions/3.12.*, python3.12 on PATH)." >&2
        echo "       kolla-ansible 23 needs Python >= 3.12; install it (e.g. 'pyenv install 3.12') or set KOLLA_PYTHON." >&2
        exit 1
    }
    venv_pip_install "$PY" "$VENV" "$CONSTRAINTS" "${REQS[@]}"
    echo "$WANT" > "$STAMP"
fi

echo "venv:          $VENV"
echo "python:        $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
echo "kolla-ansible: $("$VENV/bin/python" -m pip show kolla-ansible 2>/dev/null | awk '/^Version:/{print $2}')"
echo "ansible:       $("$VENV/bin/python" -m pip show ansible 2>/dev/null | awk '/^Version:/{print $2}')"
echo "ansible-core:  $("$VENV/bin/python" -m pip show ansible-core 2>/dev/null | awk '/^Version:/{print $2}')"
