#!/usr/bin/env bash
# Builds the plain-C example provider with the system C compiler from the header alone, as a vendor would.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/plugins
for src in Plugins/ExampleC/*.c; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .c)
    cc -std=c11 -Wall -Wextra -pedantic -Werror -O2 -shared -fPIC \
        -I Sources/PatchbayProviderABI/include -o ".build/plugins/lib${name}.so" "$src"
done
