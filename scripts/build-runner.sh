#!/usr/bin/env bash
# Builds patchbay-plugin-runner (Runner/*.c, the process that hosts a plugin under `isolation: process`) with the
# system C compiler into the build products folder, next to the `patchbay` binary, where the host looks for it.
# Plain cc, not SwiftPM: SwiftPM links every executable through swiftc, which always adds the Swift runtime, and the
# runner must not have one (a plugin built with -static-stdlib brings its own).
# Usage: scripts/build-runner.sh [PRODUCTS_FOLDER]   (default: `swift build --show-bin-path`)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(swift build --show-bin-path)}
mkdir -p "$out"
cc -std=gnu11 -O2 -g -Wall -Wextra -Werror -I Sources/PatchbayProviderABI/include \
    -o "$out/patchbay-plugin-runner.tmp" Runner/*.c -lpthread -ldl
mv -f "$out/patchbay-plugin-runner.tmp" "$out/patchbay-plugin-runner"
