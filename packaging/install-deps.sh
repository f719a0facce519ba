#!/usr/bin/env bash
# Installs the Debian 12 packages Waserda POS needs to build, run and test, when any is missing.
# Run as root (or with sudo available). Non-interactive; safe to run again.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ccache git ca-certificates
  libimgui-dev libglfw3-dev libgl-dev libsqlite3-dev sqlite3 libusb-1.0-0-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev libcpp-httplib-dev libssl-dev zlib1g-dev
  libsodium-dev libqrencode-dev libstb-dev libpq-dev libxlsxwriter-dev
  umockdev libumockdev-dev libglib2.0-dev
  xvfb xauth x11-utils xdotool imagemagick
  fonts-dejavu-core
  postgresql
  file dpkg-dev fakeroot lintian python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
