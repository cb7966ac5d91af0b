#!/usr/bin/env bash
# The console's page weight and first render in headless Chromium (Benchmarks/Console/console_benchmark.py):
#   scripts/console-benchmark.sh [loads per page]           against a release build (what the README's figures use)
#   scripts/console-benchmark.sh --debug [loads per page]   against the debug build make test already made
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release
if [ "${1:-}" = "--debug" ]; then
    configuration=debug
    shift
fi
for product in patchbay PatchbayMeraki FakeMerakiServer; do
    swift build -c "$configuration" --product "$product" >/dev/null
done
PATCHBAY_BIN_DIR=$(swift build -c "$configuration" --show-bin-path) \
    /usr/bin/python3 Benchmarks/Console/console_benchmark.py "$@"
