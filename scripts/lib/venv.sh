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
