#!/usr/bin/env bash
# Installs the system libraries Patchbay builds against, what the console's browser tests drive (headless Chromium,
# its WebDriver and Selenium, all Debian packages: nothing downloads a browser), and python3 with venv for
# scripts/schemathesis.sh (which installs schemathesis itself from PyPI into .build/schemathesis-venv), when missing.
set -euo pipefail
# postgresql: the server binaries scripts/pg-cluster.sh runs a throwaway cluster with (and pg_dump) for the tests.
packages=(libsqlite3-dev libcurl4-openssl-dev libssl-dev libyaml-dev chromium chromium-driver python3-selenium postgresql)
# A python3 that can make a venv may come from elsewhere (pyenv); only then are Debian's packages skipped.
python3 -m venv --help > /dev/null 2>&1 || packages+=(python3 python3-venv)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
