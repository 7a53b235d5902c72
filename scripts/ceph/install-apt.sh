#!/usr/bin/env bash
# Install Ceph 16 "pacific" from Debian for the labs' small real cluster (scripts/ceph/lab-cluster.sh): a
# monitor, a manager, OSDs, the `ceph`/`rbd` CLIs, and the rados/rbd Python modules Cinder and Glance load.
# --no-install-recommends keeps it to ~93 packages (~1 min). Idempotent. No daemon starts on install: the lab
# starts its own, with its own data directory, fsid and ports; nothing runs from /etc/ceph or /var/lib/ceph.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/apt.sh"
apt_ensure ceph-mon ceph-mgr ceph-osd ceph-common python3-rados python3-rbd
echo "ceph:      $(ceph --version 2>/dev/null)"
echo "ceph-osd:  $(dpkg-query -W -f='${Version}' ceph-osd)"
