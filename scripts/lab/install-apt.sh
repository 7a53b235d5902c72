#!/usr/bin/env bash
# Install the Debian packages the single-node lab runs beside OpenStack: MariaDB, RabbitMQ, memcached,
# plus what the Python services need at run time (qemu-utils for glance/cinder image conversion,
# the MariaDB client for database creation). Idempotent: does nothing when every package is present.
#
# Never installs python3-swiftclient: its /usr/bin/swift shadows the Swift toolchain.
# On this machine kind /usr/sbin/policy-rc.d exits 101, so the packages' own services are not started;
# the lab starts its own instances on ports and data directories of its own.
set -euo pipefail
PKGS=(mariadb-server mariadb-client rabbitmq-server memcached qemu-utils procps iproute2 curl)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    echo "installing: ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "mariadb:   $(mariadbd --version 2>/dev/null || /usr/sbin/mariadbd --version 2>/dev/null | head -1)"
echo "rabbitmq:  $(dpkg-query -W -f='${Version}' rabbitmq-server)"
echo "memcached: $(memcached -V 2>/dev/null || /usr/bin/memcached -V)"
