#!/usr/bin/env bash
# Integration: `bojagi manual` prints the operations manual of the seed's two references to PDF with Debian's
# headless Chromium, in Korean and in English, and pdftotext reads back what the customer gets: the cloud's
# hostnames and VIPs, every runbook's title in that language (from the message catalog), Korean text in the
# Korean PDF, and no unfilled placeholder. The runbooks' JSON (for the HA lab's executor) has the six parts.
#
#   Tests/Integration/manual/run.sh [OUT_BASE]
#
# With a Tempest record from the HA suite (run before this one in CI), the manual must show it with its date.
# Needs chromium, fonts-noto-cjk and poppler-utils: scripts/manual/install-apt.sh, run here.
# Ends with "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT_BASE="${1:-$(mktemp -d /tmp/bojagi-manual-it.XXXXXX)}"
mkdir -p "$OUT_BASE" && OUT_BASE="$(cd "$OUT_BASE" && pwd)"
BOJAGI="${BOJAGI:-$ROOT/.build/debug/bojagi}"
CATALOGS="$ROOT/Sources/BojagiCore/Resources/manual"
REAL_RECORDS="${BOJAGI_HOME:-$HOME/.bojagi}/records/bojagi-ha-lab"
# No lab records: the manual must say so plainly rather than invent figures.
export BOJAGI_HOME="$OUT_BASE/home"

PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
finish() { echo "$PASS passed, $FAIL failed"; [[ $FAIL -eq 0 ]]; exit $?; }

"$ROOT/scripts/manual/install-apt.sh" >/dev/null || { bad "scripts/manual/install-apt.sh"; finish; }
[[ -x "$BOJAGI" ]] || { bad "no bojagi at $BOJAGI: run swift build first"; finish; }
echo "# $(chromium --version 2>/dev/null | head -1)"

# title LANG KEY: a runbook's title as the catalog writes it.
title() { sed -n "s/^$2: \"\(.*\)\"$/\1/p" "$CATALOGS/$1.yaml"; }

# check EXAMPLE LANG HOSTS... : print the PDF and read it back.
check() {
    local example="$1" lang="$2"; shift 2
    local name dir text start
    name="$(basename "$example" .yaml)-$lang"
    dir="$OUT_BASE/$name"
    start=$(date +%s)
    if ! "$BOJAGI" manual "$ROOT/examples/$example" --lang "$lang" --format pdf --out "$dir" > "$dir.log" 2>&1; then
        bad "$name: bojagi manual --format pdf"; sed 's/^/       /' "$dir.log"; return
    fi
    [[ -s "$dir/manual.pdf" ]] && ok "$name: manual.pdf printed in $(( $(date +%s) - start )) s ($(stat -c %s "$dir/manual.pdf") bytes)" || { bad "$name: no manual.pdf"; return; }
    pdftotext -enc UTF-8 "$dir/manual.pdf" "$dir/manual.txt" || { bad "$name: pdftotext"; return; }
    # Table cells wrap inside the PDF: compare on the text with line breaks removed as well.
    text="$(tr '\n' ' ' < "$dir/manual.txt")"
    local missing=()
    for word in "$@"; do grep -qF -- "$word" <<<"$text" || missing+=("$word"); done
    ((${#missing[@]} == 0)) && ok "$name: hostnames and VIPs present ($*)" || bad "$name: missing ${missing[*]}"
    missing=()
    local keys=(rb.coldstart.title rb.galera.title rb.rabbitnode.title rb.rabbitreset.title rb.compute.title rb.controller.title
                rb.osdadd.title rb.osdreplace.title rb.certs.title rb.passwords.title rb.backup.title rb.upgrade.title rb.service.title)
    for key in "${keys[@]}"; do
        local t; t="$(title "$lang" "$key")"
        [[ -n "$t" ]] || { missing+=("$key(no title in $lang.yaml)"); continue; }
        grep -qF -- "$t" <<<"$text" || missing+=("$t")
    done
    ((${#missing[@]} == 0)) && ok "$name: all ${#keys[@]} runbook titles present" || bad "$name: runbook titles missing: ${missing[*]}"
    if grep -qE '⟦|\{[a-zA-Z]+\}' "$dir/manual.txt"; then
        bad "$name: unfilled placeholder: $(grep -oE '⟦[^⟧]*⟧|\{[a-zA-Z]+\}' "$dir/manual.txt" | sort -u | head -5 | tr '\n' ' ')"
    else
        ok "$name: no unfilled placeholder"
    fi
    if [[ $lang == ko ]]; then
        grep -qF "컨트롤러 노드" "$dir/manual.txt" && grep -qF "쿼럼" "$dir/manual.txt" \
            && ok "$name: Korean text readable from the PDF (fonts embedded)" || bad "$name: no Korean text in the PDF"
    fi
    grep -qF "No records yet" "$dir/manual.txt" || grep -qF "아직 기록이 없습니다" "$dir/manual.txt" \
        && ok "$name: says plainly that nothing was measured yet" || bad "$name: no 'no records' sentence"
}

check map-platform.yaml ko ctl01 cmp10 cmp11 ceph08 10.10.0.10 203.0.113.10 cloud.map.example
check map-platform.yaml en ctl01 cmp10 cmp11 ceph08 10.10.0.10 203.0.113.10 cloud.map.example
check exchange.yaml ko ctl03 osd06 10.30.0.10 198.51.100.20 api.exchange.example
check exchange.yaml en ctl03 osd06 10.30.0.10 198.51.100.20 api.exchange.example

# The runbooks as data, for the HA lab's executor: six parts each, and the lab's stand-ins on Galera's steps.
if "$BOJAGI" manual "$ROOT/examples/map-platform.yaml" --lang en --format json > "$OUT_BASE/runbooks.json" 2> "$OUT_BASE/runbooks.err"; then
    if python3 - "$OUT_BASE/runbooks.json" <<'PY'
import json, sys
books = json.load(open(sys.argv[1]))
parts = ["validation", "prep", "execute", "verify", "troubleshooting", "rollback"]
bad = [b["id"] for b in books if [s["part"] for s in b["stages"]] != parts]
galera = next(b for b in books if b["id"] == "galera-full-cluster-recovery")
labs = [s for st in galera["stages"] for s in st["steps"] if s.get("lab")]
sys.exit(1 if bad or len(labs) < 3 else 0)
PY
    then ok "runbooks JSON: every runbook has the six parts; Galera's steps carry the HA lab's commands"
    else bad "runbooks JSON: shape"; fi
else
    bad "bojagi manual --format json"; sed 's/^/       /' "$OUT_BASE/runbooks.err"
fi

# A real record: the HA suite's latest Tempest report, read back into the measured facts with its date.
if [[ -f $REAL_RECORDS/tempest-latest.json ]]; then
    if "$BOJAGI" manual "$ROOT/examples/map-platform.yaml" --lang en --records "$REAL_RECORDS" --out "$OUT_BASE/with-record" > "$OUT_BASE/with-record.log" 2>&1 \
        && grep -qE "<p>Tempest of [0-9]{4}-[0-9]{2}-[0-9]{2}[^<]*$REAL_RECORDS/tempest-latest.json" "$OUT_BASE/with-record/index.html"; then
        ok "the HA suite's Tempest record is in the measured facts: $(grep -oE '<p>Tempest of [^<]*' "$OUT_BASE/with-record/index.html" | cut -c4- | cut -d'(' -f1)"
    else
        bad "the Tempest record in $REAL_RECORDS is not in the manual"; sed 's/^/       /' "$OUT_BASE/with-record.log"
    fi
else
    echo "# no Tempest record in $REAL_RECORDS (the HA suite has not run here): reading records is covered by the unit tests"
fi

# The HA lab's executor, without a lab: every runbook it runs has lab steps for its execution and verification.
if "$HERE/runbooks-ha.sh" --dry-run "$OUT_BASE/runbooks.json" > "$OUT_BASE/dry-run.log" 2>&1 \
    && grep -q "^plan - galera execute 2:" "$OUT_BASE/dry-run.log" && grep -q "^plan - galera verify 1:" "$OUT_BASE/dry-run.log" \
    && grep -q "^plan - rabbitmq execute 1:" "$OUT_BASE/dry-run.log" && grep -q "^plan - rabbitmq verify 1:" "$OUT_BASE/dry-run.log" \
    && grep -q "^plan - add-compute verify 1:" "$OUT_BASE/dry-run.log"; then
    ok "runbooks-ha.sh --dry-run: $(grep -c '^plan - ' "$OUT_BASE/dry-run.log") lab steps for Galera, RabbitMQ and add-compute"
else
    bad "runbooks-ha.sh --dry-run"; sed 's/^/       /' "$OUT_BASE/dry-run.log" | tail -20
fi

# Without Chromium the command says so and names the install script (BOJAGI_CHROMIUM points at none here).
if BOJAGI_CHROMIUM=/nonexistent/chromium "$BOJAGI" manual "$ROOT/examples/exchange.yaml" --lang en --format pdf --out "$OUT_BASE/nochromium" >/dev/null 2>"$OUT_BASE/nochromium.err"; then
    bad "no Chromium: bojagi manual --format pdf succeeded"
elif grep -qF "scripts/manual/install-apt.sh" "$OUT_BASE/nochromium.err"; then
    ok "no Chromium: a clear error naming scripts/manual/install-apt.sh"
else
    bad "no Chromium: the error does not name the install script: $(head -2 "$OUT_BASE/nochromium.err")"
fi
finish
