#!/usr/bin/env bash
# Run the REAL `kolla-ansible genconfig` on a kolla deployment directory, without containers or SSH.
#
#   scripts/kolla/genconfig.sh DEPLOY_DIR OUT_DIR
#
# DEPLOY_DIR holds inventory (INI/YAML file or directory), globals.yml, passwords.yml and optionally
# config/ (kolla's node_custom_config). It is never modified. kolla's rendered files land in
# OUT_DIR/<host>/ (each host's node_config_directory, what would be /etc/kolla on that host).
# OUT_DIR/.work/ is the work copy, OUT_DIR/genconfig.log kolla's output.
#
# Environment:
#   KOLLA_VENV             venv from scripts/kolla/install-venv.sh [SERIES]: it picks the kolla-ansible, so the
#                          release (default $BOJAGI_HOME/venvs/kolla-ansible-2026.2, BOJAGI_HOME default ~/.bojagi;
#                          kolla-ansible-2026.1 holds kolla-ansible 22)
#   KOLLA_GENCONFIG_TAGS   optional: passed as `-t` (e.g. "mariadb,nova"; "loadbalancer" is always
#                          added); default: the full run
#   KOLLA_GENCONFIG_ARGS   optional: more arguments for kolla-ansible (word-split), e.g. "-v"
#   KOLLA_GENCONFIG_STRATEGY  Ansible's strategy: auto (default: mitogen_linear when the venv has Mitogen, else
#                          linear), linear, mitogen_linear
set -euo pipefail

usage() { echo "usage: $0 DEPLOY_DIR OUT_DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPLOY="$(cd "$1" && pwd)" || { echo "error: no such directory: $1" >&2; exit 2; }
OUT="$2"

for f in inventory globals.yml passwords.yml; do
    [[ -e "$DEPLOY/$f" ]] || { echo "error: $DEPLOY/$f is missing" >&2; exit 2; }
done

BOJAGI_HOME="${BOJAGI_HOME:-$HOME/.bojagi}"
VENV="${KOLLA_VENV:-$BOJAGI_HOME/venvs/kolla-ansible-2026.2}"
if [[ ! -x "$VENV/bin/kolla-ansible" ]]; then
    echo "error: no kolla-ansible in $VENV; run scripts/kolla/install-venv.sh first (or set KOLLA_VENV)" >&2
    exit 2
fi

# OUT_DIR: created fresh. Refuse to empty a directory that is not ours.
if [[ -e "$OUT" ]]; then
    if [[ -n "$(ls -A "$OUT")" && ! -e "$OUT/.bojagi-genconfig" ]]; then
        echo "error: $OUT exists, is not empty and was not made by $0; refusing to overwrite it" >&2
        exit 2
    fi
    rm -rf "$OUT"
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
case "$OUT/" in "$DEPLOY"/*) echo "error: OUT_DIR must not be inside DEPLOY_DIR" >&2; exit 2;; esac
touch "$OUT/.bojagi-genconfig"
WORK="$OUT/.work"
LOG="$OUT/genconfig.log"
mkdir -p "$WORK"

"$VENV/bin/python" "$HERE/genconfig/prepare.py" "$DEPLOY" "$WORK" "$OUT" > "$WORK/hosts.txt"

# node_custom_config defaults to CONFIG_DIR/config (CONFIG_DIR = --configdir). Always set it, so a
# globals.yml value such as /etc/kolla/config cannot pull in files from this machine.
if [[ -d "$DEPLOY/config" ]]; then CUSTOM="$DEPLOY/config"; else CUSTOM="$WORK/no-custom-config"; fi

ARGS=(genconfig -i "$WORK/inventory" -i "$WORK/overlay.yml" --configdir "$WORK"
      -e "node_custom_config=$CUSTOM")
if [[ $(id -u) -ne 0 ]]; then
    # kolla chowns its files to config_owner_user/group (root); as non-root own them ourselves.
    ARGS+=(-e "config_owner_user=$(id -un)" -e "config_owner_group=$(id -gn)")
fi
if [[ -n "${KOLLA_GENCONFIG_TAGS:-}" ]]; then
    # Every role's haproxy-config step writes into haproxy/services.d/, which only the loadbalancer
    # role creates: a tag-limited run fails without it, so it is always added.
    TAGS="$KOLLA_GENCONFIG_TAGS"
    [[ ",$TAGS," == *,loadbalancer,* ]] || TAGS="loadbalancer,$TAGS"
    ARGS+=(-t "$TAGS")
fi
# shellcheck disable=SC2206
[[ -n "${KOLLA_GENCONFIG_ARGS:-}" ]] && ARGS+=(${KOLLA_GENCONFIG_ARGS})

export ANSIBLE_CACHE_PLUGIN=jsonfile
export ANSIBLE_CACHE_PLUGIN_CONNECTION="$WORK/facts"
export ANSIBLE_CACHE_PLUGIN_TIMEOUT=0
export ANSIBLE_ACTION_PLUGINS="$HERE/genconfig/action_plugins"
export ANSIBLE_LOCAL_TEMP="$WORK/ansible-tmp"
export ANSIBLE_REMOTE_TEMP="$WORK/ansible-tmp"
export ANSIBLE_RETRY_FILES_ENABLED=false
export ANSIBLE_NOCOLOR=1
export ANSIBLE_FORKS="${ANSIBLE_FORKS:-10}"
export ANSIBLE_PIPELINING=true
export PATH="$VENV/bin:$PATH"
# Ansible's strategy. Mitogen (install-venv.sh puts it in the venv) runs the same roles, templates and modules, but each
# module inside one persistent Python per host instead of a new interpreter that recompiles Ansible's module_utils for
# every task (half of a genconfig's CPU without it): about 3 times faster, the same files (README, "the kolla matrix").
# KOLLA_GENCONFIG_STRATEGY=linear runs Ansible's own; the default takes Mitogen when the venv has it.
STRATEGY="${KOLLA_GENCONFIG_STRATEGY:-auto}"
MITOGEN="$("$VENV/bin/python" -c 'import ansible_mitogen, os; print(os.path.dirname(ansible_mitogen.__file__))' 2>/dev/null || true)"
if [[ $STRATEGY == auto ]]; then STRATEGY=linear; [[ -n "$MITOGEN" ]] && STRATEGY=mitogen_linear; fi
if [[ $STRATEGY == mitogen_* ]]; then
    [[ -n "$MITOGEN" ]] || { echo "error: KOLLA_GENCONFIG_STRATEGY=$STRATEGY but $VENV has no Mitogen; run scripts/kolla/install-venv.sh again (it adds it) or set KOLLA_GENCONFIG_STRATEGY=linear" >&2; exit 2; }
    export ANSIBLE_STRATEGY_PLUGINS="$MITOGEN/plugins/strategy"
fi
export ANSIBLE_STRATEGY="$STRATEGY"

echo "genconfig: $DEPLOY -> $OUT ($(wc -l < "$WORK/hosts.txt") hosts, strategy $STRATEGY; log $LOG)"
start=$SECONDS
if ! (cd "$WORK" && "$VENV/bin/kolla-ansible" "${ARGS[@]}") > "$LOG" 2>&1; then
    echo "error: kolla-ansible genconfig failed after $((SECONDS - start)) s; last 40 lines of $LOG:" >&2
    tail -n 40 "$LOG" | cut -c1-600 >&2   # Ansible's failure lines can be very long item dumps
    echo "full log: $LOG" >&2
    exit 1
fi
files=$(find "$OUT" -path "$WORK" -prune -o -type f ! -name genconfig.log ! -name .bojagi-genconfig -print | wc -l)
if [[ $files -eq 0 ]]; then
    # kolla's plays target its service groups (keystone, nova-api, ...); an inventory without
    # kolla's [<service>:children] groups matches no play and genconfig "succeeds" doing nothing.
    echo "error: kolla-ansible genconfig rendered no files (does the inventory define kolla's service groups?); log: $LOG" >&2
    exit 1
fi
echo "genconfig: ok in $((SECONDS - start)) s, $files files under $OUT/<host>/"
