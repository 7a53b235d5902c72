# Sourced by the install-venv.sh scripts. `venv_pip_install PYTHON VENV CONSTRAINTS REQ...` creates VENV with
# PYTHON when it has none, then installs REQ... pinned by CONSTRAINTS (a `pip freeze` of a good install; unpinned,
# with a warning, when the file is missing). The installer is uv (`venv_uv`, pinned below): it resolves the same
# pins as pip, downloads and installs in parallel and keeps the wheels it builds (uwsgi) in its cache, so the
# second venv of a release series does not build them again. Measured here: see README "Virtual environments".
# PIP_BUILD_CONSTRAINT, when the caller sets it, pins the build dependencies of source distributions for uv too.
UV_VERSION=0.13.9

# `venv_uv PYTHON` prints the path of a uv at UV_VERSION, installing it first into $BOJAGI_HOME/venvs/uv-UV_VERSION
# (a venv of its own made with PYTHON, the interpreter the caller found; from PyPI with pip: uv is one wheel).
venv_uv() {
    local python="$1" home="${BOJAGI_HOME:-$HOME/.bojagi}" dir
    dir="$home/venvs/uv-$UV_VERSION"
    if [[ ! -x "$dir/bin/uv" ]] || [[ "$("$dir/bin/uv" --version 2>/dev/null | awk '{print $2}')" != "$UV_VERSION" ]]; then
        mkdir -p "$home/venvs"
        rm -rf "$dir.tmp"
        "$python" -m venv "$dir.tmp" >&2 && "$dir.tmp/bin/python" -m pip install --quiet "uv==$UV_VERSION" >&2 || {
            echo "error: cannot install uv $UV_VERSION from PyPI into $dir (pip's output above)" >&2; return 1; }
        rm -rf "$dir" && mv "$dir.tmp" "$dir"   # bin/uv is a binary, not a script naming its venv: it moves
    fi
    echo "$dir/bin/uv"
}

venv_pip_install() {
    local python="$1" venv="$2" constraints="$3" uv; shift 3
    uv="$(venv_uv "$python")" || return 1
    echo "creating venv $venv with $python"
    mkdir -p "$(dirname "$venv")"
    [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
    local cargs=()
    if [[ -f "$constraints" ]]; then cargs=(-c "$constraints"); else echo "warning: $constraints missing; installing unpinned" >&2; fi
    [[ -n "${PIP_BUILD_CONSTRAINT:-}" ]] && cargs+=(--build-constraint "$PIP_BUILD_CONSTRAINT")
    # Copies, not hard links into uv's cache: each venv stands alone, as pip makes it (a test that changes a file
    # mode in one venv must not change it in another). The system's CA bundle, as pip uses it.
    UV_LINK_MODE=copy UV_NATIVE_TLS=1 "$uv" pip install --quiet --python "$venv/bin/python" "${cargs[@]}" pip setuptools wheel "$@"
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
