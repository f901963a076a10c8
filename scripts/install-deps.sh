#!/usr/bin/env bash
# Installs the Debian 12 packages Moim needs to build, run and test.
# Only what is missing is installed; a machine that has everything is left alone.
set -euo pipefail

build_packages=(
  cmake ninja-build g++ pkg-config ccache
  qt6-base-dev qt6-base-dev-tools qt6-base-private-dev libqt6sql6-sqlite libsqlite3-dev
  qt6-websockets-dev qt6-httpserver-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libsecret-1-0
  libqrcodegencpp-dev libzxing-dev
  libsodium-dev liboath-dev libzxcvbn-dev
  libgl-dev libvulkan-dev libxkbcommon-dev
  fonts-nanum fonts-noto-color-emoji
  clang libclang-rt-14-dev
)
runtime_packages=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools oathtool
  qt6-qpa-plugins qt6-wayland
  # Qt's own words (a field's Copy and Paste, a question's Yes and Cancel) in Korean.
  qt6-translations-l10n
)
# Building the Debian packages (cpack, dpkg-shlibdeps) and the checks the suite runs on them.
packaging_packages=(
  dpkg-dev file binutils desktop-file-utils appstream lintian man-db
)

wanted=("${build_packages[@]}" "${runtime_packages[@]}" "${packaging_packages[@]}")
missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
