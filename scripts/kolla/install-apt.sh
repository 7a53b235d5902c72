#!/usr/bin/env bash
# Install the Debian tools used to validate kolla-ansible's rendered load-balancer configs:
# haproxy (`haproxy -c`) and keepalived (`keepalived -t`). Idempotent: does nothing when both are present.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/apt.sh"
apt_ensure haproxy keepalived
echo "haproxy:    $(/usr/sbin/haproxy -v 2>/dev/null | head -1)"
echo "keepalived: $(/usr/sbin/keepalived --version 2>&1 | head -1)"
