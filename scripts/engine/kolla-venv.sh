#!/usr/bin/env bash
# The kolla-ansible venv of one release, as the engine's `venv` step runs it.
#
#   scripts/engine/kolla-venv.sh RELEASE KOLLA_MAJOR VENV
#
# RELEASE 2026.2 and 2026.1 are scripts/kolla/install-venv.sh RELEASE (each pinned by its
# scripts/kolla/constraints-RELEASE.txt, with its kolla-ansible's own ansible range). Another release gets
# kolla-ansible==KOLLA_MAJOR.* on Python 3.12, pinned by scripts/kolla/constraints-RELEASE.txt when that file
# exists (unpinned with a warning otherwise). Idempotent: a stamp in the venv records what it was installed from.
set -euo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 RELEASE KOLLA_MAJOR VENV" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RELEASE="$1" MAJOR="$2" VENV="$3"

case "$RELEASE" in 2026.2|2026.1) exec "$HERE/../kolla/install-venv.sh" "$RELEASE" "$VENV" ;; esac

source "$HERE/../lib/venv.sh"
[[ "$MAJOR" =~ ^[0-9]+$ ]] || { echo "error: kolla-ansible major '$MAJOR' for $RELEASE is not a number; the catalog's releases.yaml names it" >&2; exit 2; }
CONSTRAINTS="$HERE/../kolla/constraints-$RELEASE.txt"
REQS=("kolla-ansible==$MAJOR.*")
STAMP="$VENV/.bojagi-kolla-stamp"
WANT="$(venv_stamp "$CONSTRAINTS")"
if [[ -x "$VENV/bin/kolla-ansible" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "kolla-ansible venv up to date: $VENV"
    exit 0
fi
PY="$(find_pyenv_python 3.12 "${KOLLA_PYTHON:-}")" || { echo "error: Python 3.12 not found; install it (pyenv install 3.12) or set KOLLA_PYTHON" >&2; exit 1; }
venv_pip_install "$PY" "$VENV" "$CONSTRAINTS" "${REQS[@]}"
echo "$WANT" > "$STAMP"
echo "kolla-ansible $("$VENV/bin/python" -m pip show kolla-ansible | awk '/^Version:/{print $2}') in $VENV"
