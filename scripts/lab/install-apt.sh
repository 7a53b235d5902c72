#!/usr/bin/env bash
# Install the Debian packages the single-node lab runs beside OpenStack: MariaDB, RabbitMQ, memcached,
# plus what the Python services need at run time (qemu-utils for glance/cinder image conversion,
# the MariaDB client for database creation). Idempotent: does nothing when every package is present.
# The lab starts its own instances on ports and data directories of its own.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/apt.sh"
apt_ensure mariadb-server mariadb-client rabbitmq-server memcached qemu-utils procps iproute2 curl
echo "mariadb:   $(mariadbd --version 2>/dev/null || /usr/sbin/mariadbd --version 2>/dev/null | head -1)"
echo "rabbitmq:  $(dpkg-query -W -f='${Version}' rabbitmq-server)"
echo "memcached: $(memcached -V 2>/dev/null || /usr/bin/memcached -V)"
