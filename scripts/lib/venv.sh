# Sourced by the install-venv.sh scripts. `venv_pip_install PYTHON VENV CONSTRAINTS REQ...` creates VENV with
# PYTHON when it has none, then installs REQ... pinned by CONSTRAINTS (a `pip freeze` of a good install; unpinned,
# with a warning, when the file is missing).
venv_pip_install() {
    local python="$1" venv="$2" constraints="$3"; shift 3
    echo "creating venv $venv with $python"
    mkdir -p "$(dirname "$venv")"
    [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
    local cargs=()
    if [[ -f "$constraints" ]]; then cargs=(-c "$constraints"); else echo "warning: $constraints missing; installing unpinned" >&2; fi
    "$venv/bin/python" -m pip install --quiet --upgrade pip setuptools wheel
    "$venv/bin/python" -m pip install --quiet "${cargs[@]}" "$@"
}

# `find_pyenv_python X.Y [OVERRIDE]` prints a Python X.Y interpreter: OVERRIDE when set, else pyenv's, else
# pythonX.Y on PATH (a pyenv shim may exist for a version that is not installed: it must really run).
find_pyenv_python() {
    local want="$1" override="${2:-}" c
    if [[ -n "$override" ]]; then echo "$override"; return 0; fi
    for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$want".*/bin/python"$want" /root/.pyenv/versions/"$want".*/bin/python"$want"; do
        [[ -x "$c" ]] && { echo "$c"; return 0; }
    done
    if c="$(command -v "python$want" 2>/dev/null)" && "$c" -c "import sys, venv; assert sys.version_info[:2]==tuple(map(int, '$want'.split('.')))" 2>/dev/null; then
        echo "$c"; return 0
    fi
    return 1
}

# `venv_stamp FILE...` prints the hash a venv's stamp must match: REQS (the caller's array) and FILE... contents.
venv_stamp() {
    { printf '%s\n' "${REQS[@]}"; local f; for f in "$@"; do if [[ -f "$f" ]]; then cat "$f"; fi; done; } | sha256sum | cut -d' ' -f1
}
