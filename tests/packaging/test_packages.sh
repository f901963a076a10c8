#!/usr/bin/env bash
# The Debian packages, built from this build tree and looked at as a user's machine would see
# them: the right files in each package and nothing else (no tests, no static libraries),
# correct dependencies, nothing pointing into the build or source tree, stripped programs,
# lintian without errors; and `cmake --install` into a staging prefix, whose programs run.
# Usage: test_packages.sh BUILD_DIR SOURCE_DIR VERSION
# (No `grep -q` after a pipe: with pipefail, the writer's SIGPIPE would turn a match into false.)
set -euo pipefail
build=$1
source=$2
version=$3

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (scripts/install-deps.sh installs it)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arch=$(dpkg --print-architecture)

echo "== cpack -G DEB"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/packages" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  fail "cpack could not build the packages"
fi
client="$work/packages/moim_${version}_${arch}.deb"
server="$work/packages/moim-mock-server_${version}_${arch}.deb"
[ -f "$client" ] && [ -f "$server" ] || { ls "$work/packages"; fail "expected moim and moim-mock-server packages"; }

icon_sizes="16 22 24 32 48 64 128 256 512"
expected_client="/usr/bin/moim
/usr/share/applications/moim.desktop
/usr/share/doc/moim/changelog.gz
/usr/share/doc/moim/copyright
/usr/share/icons/hicolor/scalable/apps/moim.svg
/usr/share/man/man1/moim.1.gz
/usr/share/metainfo/example.moim.Moim.metainfo.xml"
for size in $icon_sizes; do
  expected_client+=$'\n'"/usr/share/icons/hicolor/${size}x${size}/apps/moim.png"
done
expected_server="/usr/bin/moim-mock-server
/usr/bin/moim-phone
/usr/share/doc/moim-mock-server/changelog.gz
/usr/share/doc/moim-mock-server/copyright
/usr/share/man/man1/moim-mock-server.1.gz
/usr/share/man/man1/moim-phone.1.gz"

# Exactly these files: a test program, a static library or a header in a package fails here.
check_contents() {
  local deb=$1 expected=$2 listed
  listed=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }' | sort)
  if [ "$listed" != "$(sort <<<"$expected")" ]; then
    diff <(sort <<<"$expected") <(echo "$listed") || true
    fail "$(basename "$deb") does not hold exactly the expected files (- expected, + found)"
  fi
  if dpkg-deb -c "$deb" | awk '{print $6}' | grep -vE '^\./usr/(bin|share)?(/|$)|^\./$'; then
    fail "$(basename "$deb") installs outside /usr/bin and /usr/share"
  fi
}
echo "== dpkg-deb -c"
check_contents "$client" "$expected_client"
check_contents "$server" "$expected_server"

echo "== dependencies"
depends_client=$(dpkg-deb -f "$client" Depends)
depends_server=$(dpkg-deb -f "$server" Depends)
echo "moim: $depends_client"
echo "moim-mock-server: $depends_server"
for needed in libqt6widgets6 libqt6svg6 libqt6keychain1 libqt6sql6-sqlite libqt6dbus6 libqrcodegencpp1 libzxcvbn0; do
  grep -qE "(^|, )$needed( |,|$)" <<<"$depends_client" || fail "moim does not depend on $needed"
done
for needed in libqt6httpserver6 libqt6sql6-sqlite libsodium23 liboath0 libzxing2; do
  grep -qE "(^|, )$needed( |,|$)" <<<"$depends_server" || fail "moim-mock-server does not depend on $needed"
done
[ "$(dpkg-deb -f "$client" Package)" = moim ] || fail "the client package is not called moim"

# `apt install ./moim_*.deb` on a clean Debian 12: apt, told that nothing at all is installed,
# must find every dependency in the archive's package lists.
echo "== apt on a clean machine (simulated)"
if command -v apt-get >/dev/null && apt-cache policy libqt6widgets6 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; then
  : >"$work/empty-status"
  if ! apt-get install --simulate --no-install-recommends -o Dir::State::status="$work/empty-status" \
      "$client" "$server" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log"
    fail "apt cannot install the packages on a clean machine"
  fi
  for package in moim moim-mock-server libqt6sql6-sqlite libqt6widgets6; do
    grep -q "^Inst $package " "$work/apt.log" || { cat "$work/apt.log"; fail "apt would not install $package"; }
  done
  echo "apt would install $(grep -c '^Inst ' "$work/apt.log") packages on a clean machine"
else
  echo "(no Debian package lists here: run apt-get update to check a clean install too)"
fi

echo "== nothing points into the build or source tree"
root="$work/root"
mkdir -p "$root"
dpkg-deb -x "$client" "$root"
dpkg-deb -x "$server" "$root"
for tree in "$build" "$source"; do
  if grep -rlF "$tree" "$root"; then fail "the files above mention $tree"; fi
done
for program in "$root"/usr/bin/*; do
  if command -v readelf >/dev/null; then
    readelf -d "$program" | grep -E 'RPATH|RUNPATH' && fail "$program has a run-path"
    readelf -S "$program" | grep '\.symtab' >/dev/null && fail "$program is not stripped"
  fi
done
for compressed in "$root"/usr/share/man/man1/*.gz "$root"/usr/share/doc/*/changelog.gz; do
  gzip -t "$compressed" || fail "$compressed is not a valid gzip file"
done

echo "== the packaged metadata validates"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/moim.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/example.moim.Moim.metainfo.xml" ||
    fail "appstreamcli validate"
fi

# The programs run from where they were installed, far from the build tree.
run_installed() {
  local prefix=$1 out
  cd "$work"
  out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen HOME="$work/home" \
        "$prefix/bin/moim" --version 2>/dev/null) || fail "$prefix/bin/moim --version failed"
  [ "$out" = "moim $version" ] || fail "$prefix/bin/moim --version said: $out"
  out=$(env -u LD_LIBRARY_PATH HOME="$work/home" "$prefix/bin/moim-mock-server" --help) ||
    fail "$prefix/bin/moim-mock-server --help failed"
  grep -q -- '--listen' <<<"$out" || fail "moim-mock-server --help said: $out"
  out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen HOME="$work/home" \
        "$prefix/bin/moim-phone" --version 2>/dev/null) || fail "$prefix/bin/moim-phone --version failed"
  echo "$prefix: moim $version, moim-mock-server and moim-phone run"
}
echo "== the packaged programs run"
run_installed "$root/usr"

echo "== cmake --install into a staging prefix"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" --strip >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install failed"; }
staged=$(cd "$prefix" && find . -type f | sed 's|^\.|/usr|' | sort)
if [ "$staged" != "$(sort <<<"$expected_client"$'\n'"$expected_server")" ]; then
  diff <(sort <<<"$expected_client"$'\n'"$expected_server") <(echo "$staged") || true
  fail "cmake --install put other files than the packages hold"
fi
run_installed "$prefix"

echo "== lintian"
command -v lintian >/dev/null ||
  skip "everything else passed, but lintian is not installed (scripts/install-deps.sh installs it)"
# Errors fail the test; warnings are shown for whoever reads the log.
report=$(lintian --tag-display-limit 0 "$client" "$server" 2>&1 | grep -v 'running with root privileges' || true)
[ -z "$report" ] || echo "$report"
if grep -q '^E:' <<<"$report"; then fail "lintian reports errors"; fi
echo "PASS: packages moim and moim-mock-server $version"
