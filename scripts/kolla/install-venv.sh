#!/usr/bin/env bash
# Install the real kolla-ansible of one OpenStack series into a Python 3.12 venv.
#
#   scripts/kolla/install-venv.sh [SERIES [VENV_DIR]]
#   scripts/kolla/install-venv.sh VENV_DIR            (series 2026.2, as before)
#
#   SERIES   kolla-ansible   ansible (its collections)   pinned by
#   2026.2   23.x            >=14,<15 (ansible-core 2.21) scripts/kolla/constraints-2026.2.txt
#   2026.1   22.x            >=12,<13 (ansible-core 2.19) scripts/kolla/constraints-2026.1.txt
#   2025.2   21.x            >=11,<12 (ansible-core 2.18) scripts/kolla/constraints-2025.2.txt
#
# SERIES defaults to 2026.2; VENV_DIR to $BOJAGI_HOME/venvs/kolla-ansible-SERIES (BOJAGI_HOME defaults to
# ~/.bojagi). Idempotent: a stamp file in the venv records the requirements and the constraints file it was
# installed from; when it matches, nothing is done. The constraints file is a `pip freeze` of a good install.
#
# Notes:
#  - kolla-ansible 23 needs Python >= 3.12 (on 3.11 pip silently picks 22.x); 22 takes 3.11 or 3.12.
#  - The ansible range is each kolla-ansible's own: 22.x requires ansible-core >=2.19,<2.21 (!=2.19.0) and its
#    prechecks accept 2.19-2.20, and its requirements-core.yml caps the collections (community.general <12,
#    community.docker <5, ...), which the `ansible` 12 package meets; 23.x the same with `ansible` 14; 21.x requires
#    ansible-core >=2.18,<2.20 (!=2.19.0), its prechecks accept 2.18-2.19, its docs name `ansible` 11-12, and its
#    collection caps are 22.x's, which the `ansible` 11 package meets.
#  - Mitogen (a strategy plugin for Ansible, from PyPI) is installed beside it for scripts/kolla/genconfig.sh, which
#    runs kolla's plays with it (modules in one persistent Python per host instead of a new one per task); a deploy
#    does not use it unless told to.
#  - `kolla-ansible install-deps` cannot work here (it clones from a git host we cannot reach);
#    the `ansible` package ships every collection genconfig needs.
#
# Environment: KOLLA_PYTHON=/path/to/python3.12 overrides interpreter discovery.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/venv.sh"
BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
SERIES=2026.2
if [[ $# -ge 1 && "$1" =~ ^[0-9]{4}\.[0-9]$ ]]; then SERIES="$1"; shift; fi
case "$SERIES" in
    2026.2) REQS=("kolla-ansible==23.*" "ansible>=14,<15" "mitogen==0.3.54") ;;
    2026.1) REQS=("kolla-ansible==22.*" "ansible>=12,<13" "mitogen==0.3.54") ;;
    2025.2) REQS=("kolla-ansible==21.*" "ansible>=11,<12" "mitogen==0.3.54") ;;
    *) echo "error: no kolla-ansible venv recipe for series $SERIES; this script installs 2026.2 (kolla-ansible 23), 2026.1 (kolla-ansible 22) and 2025.2 (kolla-ansible 21)." >&2
       echo "       fix: pass 2026.2 or 2026.1, or add the series here with its kolla-ansible major, ansible range and constraints file." >&2
       exit 2 ;;
esac
VENV="${1:-$BOJAGI_HOME/venvs/kolla-ansible-$SERIES}"
CONSTRAINTS="$HERE/constraints-$SERIES.txt"

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
echo "mitogen:       $("$VENV/bin/python" -m pip show mitogen 2>/dev/null | awk '/^Version:/{print $2}')"
