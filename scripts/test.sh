#!/usr/bin/env bash
# The project's test command. Unit and golden tests always; with BOJAGI_INTEGRATION=1 also the integration
# tests that install and run real components (kolla-ansible genconfig on rendered directories, …).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"

swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test.log
grep -Eq "Test run with [0-9]+ tests? in [0-9]+ suites? passed|Test run with [0-9]+ tests? passed" .build/test.log \
    || { echo "swift test did not report a passing run" >&2; exit 1; }

if [ "${BOJAGI_INTEGRATION:-0}" = "1" ]; then
    for suite in Tests/Integration/*/run.sh; do
        [ -x "$suite" ] || continue
        echo "== integration: $suite"
        "$suite"
    done
fi
