#!/usr/bin/env bash
# What the dashboard's integration test needs from Debian: Chromium (headless, driven through its DevTools
# protocol by Tests/Integration/dashboard/cdp.py, which needs only Python's standard library) and curl.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
apt_ensure chromium curl python3
