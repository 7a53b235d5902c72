#!/usr/bin/env bash
# What the engine needs from Debian: SQLite's headers and library for GRDB (the run records, built into bojagi)
# and the sqlite3 client the engine's integration test reads runs.sqlite with.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../lib/apt.sh"
apt_ensure libsqlite3-dev sqlite3
