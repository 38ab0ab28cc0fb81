#!/bin/sh
# Install Debian's Chromium and Arabic-capable fonts for the browser tests of the HTML report.
# Idempotent: does nothing when /usr/bin/chromium and the Noto Arabic fonts are already there.
# Playwright's own browser download is not used (it needs a CDN this project cannot reach).
set -eu

packages=""
[ -x /usr/bin/chromium ] || packages="chromium"
if ! fc-list 2>/dev/null | grep -q "Noto Naskh Arabic"; then
    packages="$packages fonts-noto-core"
fi
[ -z "$packages" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install_browser.sh: need root to install:$packages" >&2
        exit 1
    fi
else
    SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $packages \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends $packages; }
