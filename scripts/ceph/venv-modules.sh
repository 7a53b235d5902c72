#!/usr/bin/env bash
# Makes Debian's rados and rbd Python modules (python3-rados, python3-rbd: Ceph's own bindings, which PyPI does
# not have) importable in the lab's venv, for Cinder's RBD driver and Glance's RBD store.
#
#   venv-modules.sh VENV
#
# A .pth file in the venv names a folder of symlinks to just those two modules: naming all of Debian's
# dist-packages would let Debian's requests, urllib3 and friends shadow the venv's pinned ones. Debian builds the
# modules for its python3.11; the venv must be a 3.11 too (pyenv's 3.11 loads them). Idempotent.
set -euo pipefail
venv="${1:?usage: venv-modules.sh VENV}"
python="$venv/bin/python"
[[ -x "$python" ]] || { echo "venv-modules.sh: no venv at $venv; run scripts/lab/install-venv.sh first" >&2; exit 1; }
site="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
suffix="$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
modules="$venv/bojagi-ceph-modules"
mkdir -p "$modules"
for module in rados rbd; do
    source_file="/usr/lib/python3/dist-packages/$module$suffix"
    if [[ ! -f "$source_file" ]]; then
        echo "venv-modules.sh: $source_file is missing: the venv's Python ($suffix) needs Debian's python3-$module built for it" >&2
        echo "  fix: scripts/ceph/install-apt.sh, and a venv on Python 3.11 (Debian's python3 version)" >&2
        exit 1
    fi
    ln -sfn "$source_file" "$modules/$module$suffix"
done
echo "$modules" >"$site/bojagi-ceph.pth"
"$python" -c 'import rados, rbd; print("rados and rbd import in the venv:", rados.__file__, rbd.__file__)'
