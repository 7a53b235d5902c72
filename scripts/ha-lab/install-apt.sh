#!/usr/bin/env bash
# Install the Debian packages the HA lab runs: the single-node lab's (MariaDB, RabbitMQ, memcached, qemu-utils…)
# plus Galera with rsync SST, HAProxy and keepalived. Idempotent. The lab starts its own instances inside
# network namespaces.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$HERE/../lab/install-apt.sh" >/dev/null
source "$HERE/../lib/apt.sh"
apt_ensure galera-4 rsync haproxy keepalived iproute2
echo "mariadb:    $(/usr/sbin/mariadbd --version 2>/dev/null | head -1)"
echo "galera:     $(dpkg-query -W -f='${Version}' galera-4)"
echo "rabbitmq:   $(dpkg-query -W -f='${Version}' rabbitmq-server)"
echo "memcached:  $(/usr/bin/memcached -V 2>/dev/null)"
echo "haproxy:    $(/usr/sbin/haproxy -v 2>/dev/null | head -1)"
echo "keepalived: $(/usr/sbin/keepalived --version 2>&1 | head -1)"
