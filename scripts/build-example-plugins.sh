#!/usr/bin/env bash
# Builds the plain-C providers with the system C compiler from the header alone, as a vendor would:
# the example (one file) and Juniper Mist (Plugins/Mist/*.c) into .build/plugins/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/plugins
flags=(-std=c11 -Wall -Wextra -pedantic -Werror -O2 -shared -fPIC -I Sources/PatchbayProviderABI/include)
for src in Plugins/ExampleC/*.c; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .c)
    cc "${flags[@]}" -o ".build/plugins/lib${name}.so" "$src"
done
cc "${flags[@]}" -o .build/plugins/libpatchbay_mist.so Plugins/Mist/*.c
