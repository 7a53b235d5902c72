#!/usr/bin/env bash
# Install the Debian packages the HA lab runs: MariaDB with Galera (rsync SST), RabbitMQ, memcached, HAProxy,
# keepalived. Idempotent: installs only what is missing. Never python3-swiftclient (its /usr/bin/swift shadows
# the Swift toolchain). On this machine kind /usr/sbin/policy-rc.d exits 101, so the packages' own services are
# not started; the lab starts its own instances inside network namespaces.
set -euo pipefail
PKGS=(mariadb-server galera-4 rsync rabbitmq-server memcached haproxy keepalived iproute2)
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
echo "mariadb:    $(/usr/sbin/mariadbd --version 2>/dev/null | head -1)"
echo "galera:     $(dpkg-query -W -f='${Version}' galera-4)"
echo "rabbitmq:   $(dpkg-query -W -f='${Version}' rabbitmq-server)"
echo "memcached:  $(/usr/bin/memcached -V 2>/dev/null)"
echo "haproxy:    $(/usr/sbin/haproxy -v 2>/dev/null | head -1)"
echo "keepalived: $(/usr/sbin/keepalived --version 2>&1 | head -1)"
