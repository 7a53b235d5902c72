#!/usr/bin/env bash
# The project's test command. Unit and golden tests always; with BOJAGI_INTEGRATION=1 also every
# Tests/Integration/*/run.sh, which install and run real components (kolla-ansible genconfig on rendered
# directories, the lab's OpenStack services, …). Ends with one "N passed, N failed" line over everything.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
mkdir -p .build

swift build --build-tests --explicit-target-dependency-import-check error || { echo "0 passed, 1 failed"; exit 1; }
swift test --skip-build 2>&1 | tee .build/test.log
unit_status=${PIPESTATUS[0]}
passed=$(grep -Eo "Test run with [0-9]+ tests?" .build/test.log | tail -1 | grep -Eo "[0-9]+" || echo 0)
failed=0
if [ "$unit_status" -ne 0 ] || ! grep -Eq "Test run with [0-9]+ tests? in [0-9]+ suites? passed" .build/test.log; then
    echo "swift test failed" >&2
    failed=1
    passed=0
fi

if [ "${BOJAGI_INTEGRATION:-0}" = "1" ]; then
    for suite in Tests/Integration/*/run.sh; do
        [ -x "$suite" ] || continue
        echo "== integration: $suite"
        log=".build/integration-$(basename "$(dirname "$suite")").log"
        "$suite" 2>&1 | tee "$log"
        status=${PIPESTATUS[0]}
        counts=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
        if [ -n "$counts" ]; then
            passed=$((passed + $(echo "$counts" | awk '{print $1}')))
            failed=$((failed + $(echo "$counts" | awk '{print $3}' | tr -d ,)))
        fi
        if [ "$status" -ne 0 ] && [ "$(echo "$counts" | awk '{print $3}' | tr -d ,)" = "0" -o -z "$counts" ]; then
            failed=$((failed + 1))   # the suite failed outside its own checks
        fi
    done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
