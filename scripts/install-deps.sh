#!/usr/bin/env bash
# Installs the system libraries Patchbay builds against, and what the console's browser tests drive (headless
# Chromium, its WebDriver and Selenium, all Debian packages: nothing downloads a browser), when any is missing.
set -euo pipefail
packages=(libsqlite3-dev libcurl4-openssl-dev libssl-dev libyaml-dev chromium chromium-driver python3-selenium)
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
