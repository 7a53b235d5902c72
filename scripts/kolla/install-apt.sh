#!/usr/bin/env bash
# Install the Debian tools used to validate kolla-ansible's rendered load-balancer configs:
# haproxy (`haproxy -c`) and keepalived (`keepalived -t`). Idempotent: does nothing when both are present.
# On this machine kind /usr/sbin/policy-rc.d exits 101, so the packages' services are not started.
set -euo pipefail
PKGS=(haproxy keepalived)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "haproxy:    $(/usr/sbin/haproxy -v 2>/dev/null | head -1)"
echo "keepalived: $(/usr/sbin/keepalived --version 2>&1 | head -1)"
