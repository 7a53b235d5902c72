#!/usr/bin/env bash
# Install what checks the rendered monitoring files: Debian's prometheus package for promtool (`check rules`,
# `test rules`) and jq for the dashboards. Idempotent. The package's own Prometheus service is not started
# (policy-rc.d) and none is needed: promtool evaluates the rules and their unit tests in memory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/apt.sh"
apt_ensure prometheus jq
echo "promtool:   $(promtool --version 2>&1 | head -1)"
echo "jq:         $(jq --version 2>&1)"
