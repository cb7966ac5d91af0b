#!/usr/bin/env bash
# The main job on the embedded default: lists the plugins, then — in a data directory of its own (SQLite file and a
# master key created on first use) — initializes an owner, stores an integration with the offline C example
# provider, syncs its networks and lists them. Safe to run again: it reuses what the first run created.
set -euo pipefail
cd "$(dirname "$0")/.."
patchbay=.build/debug/patchbay
export PATCHBAY_DATA_DIR="${PATCHBAY_DATA_DIR:-$PWD/.build/demo-data}"
export PATCHBAY_PLUGINS="${PATCHBAY_PLUGINS:-$PWD/plugins.yaml}"
token_file="$PATCHBAY_DATA_DIR/demo-token"

echo "== patchbay plugins list"
$patchbay plugins list
echo
echo "== data directory: $PATCHBAY_DATA_DIR"
if [ ! -s "$token_file" ]; then
    mkdir -p "$PATCHBAY_DATA_DIR"
    (umask 077 && $patchbay init --owner demo --workspace demo --json | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' > "$token_file")
fi
export PATCHBAY_TOKEN="$(cat "$token_file")"
if ! $patchbay integrations list --workspace demo --json | grep -q '"name" : "offline example"'; then
    echo '{"token": "demo"}' | $patchbay integrations create --workspace demo --provider example \
        --name "offline example" --credentials-file -
fi
id=$($patchbay integrations list --workspace demo --json | sed -n 's/^    "id" : \([0-9]*\),*$/\1/p' | head -n 1)
echo "== patchbay integrations list --workspace demo"
$patchbay integrations list --workspace demo
echo
echo "== patchbay networks sync --integration $id"
$patchbay networks sync --integration "$id"
echo
echo "== patchbay networks list --workspace demo"
$patchbay networks list --workspace demo
