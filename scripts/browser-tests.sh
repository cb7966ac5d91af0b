#!/usr/bin/env bash
# The console's browser tests: headless Chromium from Debian's packages, driven by Selenium, against the built
# `patchbay` binary and a loopback FakeMeraki. Needs `swift build` first (make test does it). Fails, never skips,
# when the browser cannot start. Screenshots land in .build/browser-artifacts/.
#   scripts/browser-tests.sh                 run them
#   scripts/browser-tests.sh --update-docs   also copy the integrations screenshot to docs/
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir=$(swift build --show-bin-path)
export PATCHBAY_BIN_DIR="$bin_dir"
export PATCHBAY_BROWSER_ARTIFACTS="$PWD/.build/browser-artifacts"
rm -rf "$PATCHBAY_BROWSER_ARTIFACTS"
# Debian's python3-selenium lives in the system interpreter, whatever python3 a version manager puts first.
/usr/bin/python3 Tests/Browser/test_console.py
if [ "${1:-}" = "--update-docs" ]; then
    cp "$PATCHBAY_BROWSER_ARTIFACTS/04-integrations.png" docs/console-integrations.png
    echo "updated docs/console-integrations.png"
fi
