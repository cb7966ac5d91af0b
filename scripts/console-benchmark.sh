#!/usr/bin/env bash
# The console's page weight and first render in headless Chromium (Benchmarks/Console/console_benchmark.py), against
# the release build: `scripts/console-benchmark.sh [loads per page]`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product patchbay >/dev/null
swift build -c release --product PatchbayMeraki >/dev/null
swift build -c release --product FakeMerakiServer >/dev/null
PATCHBAY_BIN_DIR=$(swift build -c release --show-bin-path) /usr/bin/python3 Benchmarks/Console/console_benchmark.py "$@"
