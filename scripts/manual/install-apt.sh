#!/usr/bin/env bash
# Install what turns the operations manual into a PDF and checks it: Debian's chromium (headless, prints the
# HTML), fonts-noto-cjk (the Korean glyphs; without them Chromium prints empty boxes) and poppler-utils
# (pdftotext, which the manual's integration test reads the PDF back with). Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib/apt.sh"
apt_ensure chromium fonts-noto-cjk poppler-utils fontconfig
echo "chromium:   $(chromium --version 2>/dev/null | head -1)"
echo "pdftotext:  $(pdftotext -v 2>&1 | head -1)"
echo "CJK fonts:  $(fc-list :lang=ko family | sort -u | head -3 | tr '\n' ';')"
