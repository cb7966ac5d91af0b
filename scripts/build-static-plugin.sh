#!/usr/bin/env bash
# Builds the Meraki plugin (Plugins/Meraki + ProviderKit + JSONText) as a portable Swift plugin: the Swift runtime linked
# statically into the .so (-static-stdlib), so it runs in the plugin runner (a C process with no Swift runtime)
# whatever Swift the host was built with. What a vendor shipping a Swift plugin does; the tests sync through it.
# Plain swiftc, not SwiftPM: the product SwiftPM builds links the shared runtime, for in-process use.
# Usage: scripts/build-static-plugin.sh [OUTPUT_FOLDER]   (default .build/plugins; writes libPatchbayMerakiStatic.so)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/plugins}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The C header as the module SwiftPM would make of Sources/PatchbayProviderABI.
mkdir -p "$work/abi"
cat > "$work/abi/module.modulemap" <<MAP
module PatchbayProviderABI {
    header "$PWD/Sources/PatchbayProviderABI/include/patchbay_provider.h"
    export *
}
MAP
# The package's upcoming features, so the sources compile as they do under SwiftPM.
flags=(-swift-version 6 -package-name patchbay -parse-as-library -Onone -I "$work/abi" -I "$work"
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault)
# JSONText first: ProviderKit writes its replies with it (the host's own writer, no dependencies).
swiftc "${flags[@]}" -static -emit-library -module-name JSONText \
    -emit-module -emit-module-path "$work/JSONText.swiftmodule" \
    -o "$work/libJSONText.a" $(find Sources/JSONText -name '*.swift' | sort)
swiftc "${flags[@]}" -static -emit-library -module-name ProviderKit \
    -emit-module -emit-module-path "$work/ProviderKit.swiftmodule" \
    -o "$work/libProviderKit.a" $(find Sources/ProviderKit -name '*.swift' | sort)
swiftc "${flags[@]}" -emit-library -static-stdlib -module-name PatchbayMeraki \
    -L "$work" -lProviderKit -lJSONText \
    -o "$out/libPatchbayMerakiStatic.so" Plugins/Meraki/*.swift
echo "$out/libPatchbayMerakiStatic.so"
