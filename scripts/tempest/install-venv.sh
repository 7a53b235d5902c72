#!/usr/bin/env bash
# Install OpenStack's integration suite, Tempest, into a venv Bojagi manages (`bojagi verify --tempest`).
#
#   scripts/tempest/install-venv.sh [VENV_DIR]
#
# VENV_DIR defaults to $BOJAGI_HOME/venvs/tempest (BOJAGI_HOME defaults to ~/.bojagi).
# Idempotent: a stamp file in the venv records the hash of the requirements and the constraints file it was
# installed from; when it matches, nothing is done. Versions are pinned by scripts/tempest/constraints.txt
# (a `pip freeze` of a good install).
#
# Notes:
#  - Tempest 47.0.0 is the tag for OpenStack 2026.2 (its release note: supports 2026.2, 2026.1, 2025.2 and
#    2025.1). Tempest is branchless: the same venv tests any of those clouds, the lab's or a kolla-deployed one.
#  - heat-tempest-plugin is here because Tempest itself has no orchestration tests (they moved to the plugin)
#    and the interop "orchestration" add-on lists its tests; it tags no test smoke, so `--smoke` is unchanged.
#    It is also most of the venv: Tempest alone is 64 packages, 136 MB, ~25 s; with the plugin 123, 233 MB, 44-55 s.
#  - neutron-, keystone-, cinder- and glance-tempest-plugin are left out on purpose: neutron's adds 19 packages
#    (neutron-lib, os-ken, ovs, SQLAlchemy, ...) and 56 smoke tests (VPNaaS, agent and guest-SSH scenarios)
#    that change what `tempest run --smoke` means; keystone's adds ~2000 RBAC tests that need scope-enforcing
#    policies; none is in a selection or an interop guideline Bojagi runs. Adding one is a line in REQS and a
#    new constraints.txt.
#  - python-subunit brings subunit2csv and subunit2junitxml (per-test results; the JUnit XML keeps skip reasons
#    and tracebacks, the CSV does not); subunit2junitxml needs junitxml, which python-subunit does not pull in.
#    stestr is Tempest's runner.
#
# Environment: TEMPEST_PYTHON=/path/to/python3.11 overrides interpreter discovery.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/venv.sh"
BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
VENV="${1:-$BOJAGI_HOME/venvs/tempest}"
CONSTRAINTS="$HERE/constraints.txt"
REQS=("tempest==47.0.0" "heat-tempest-plugin==3.0.0" python-subunit junitxml stestr)

STAMP="$VENV/.bojagi-tempest-stamp"
WANT="$(venv_stamp "$CONSTRAINTS")"

if [[ -x "$VENV/bin/tempest" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "tempest venv up to date: $VENV"
else
    PY="$(find_pyenv_python 3.11 "${TEMPEST_PYTHON:-}")" || {
        echo "error: Python 3.11 not found (looked in \$PYENV_ROOT/versions/3.11.*, /root/.pyenv/versions/3.11.*, python3.11 on PATH)." >&2
        echo "       fix: install it (e.g. 'pyenv install 3.11') or set TEMPEST_PYTHON." >&2
        exit 1
    }
    venv_pip_install "$PY" "$VENV" "$CONSTRAINTS" "${REQS[@]}"
    echo "$WANT" > "$STAMP"
fi

echo "venv:     $VENV"
echo "python:   $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
for p in tempest heat-tempest-plugin stestr python-subunit; do
    printf '%-20s %s\n' "$p:" "$("$VENV/bin/python" -m pip show "$p" 2>/dev/null | awk '/^Version:/{print $2}')"
done
