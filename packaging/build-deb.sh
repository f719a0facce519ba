#!/usr/bin/env bash
# Builds the Debian packages waserda-pos and waserda-central (Release, Debian's hardening flags,
# CPack DEB) and prints the path of each .deb, one a line, on stdout.
#
#   packaging/build-deb.sh [CMAKE_ARGS...]
#     e.g. packaging/build-deb.sh -DWASERDA_UI=OFF                   (no touchscreen app)
#          packaging/build-deb.sh -DWASERDA_PACKAGE_VERSION=0.1.1    (only re-runs cpack)
#   WASERDA_DEB_BUILD_DIR  build folder (default: build-deb in the source tree)
#   WASERDA_DEB_OUT_DIR    where the .deb files go (default: <build folder>/packages)
#   WASERDA_JOBS           parallel compile jobs (default: nproc)
#
# A fresh build folder is configured without tests and benchmarks; an existing one keeps its
# settings, so a developer's folder with tests can make packages too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=${WASERDA_DEB_BUILD_DIR:-$ROOT/build-deb}
OUT=${WASERDA_DEB_OUT_DIR:-$BUILD/packages}
JOBS=${WASERDA_JOBS:-$(nproc)}

log() { echo "build-deb: $*" >&2; }

for tool in cmake cpack dpkg-shlibdeps dpkg-buildflags fakeroot gzip; do
  command -v "$tool" >/dev/null || { log "$tool is missing: run packaging/install-deps.sh"; exit 1; }
done

fresh=()
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  fresh=(-DWASERDA_TESTS=OFF -DWASERDA_BENCH=OFF)
fi

# Debian's hardening (fortify, stack protector, relro, bindnow), as dpkg-buildpackage would set it.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
CFLAGS="$(dpkg-buildflags --get CFLAGS) $CPPFLAGS"
CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $CPPFLAGS"
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)

log "configure ($BUILD)"
cmake -S "$ROOT" -B "$BUILD" "${fresh[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" -DCMAKE_SHARED_LINKER_FLAGS="$LDFLAGS" \
  "$@" >&2

# Only the programs that go into the packages; whichever of them this configuration has.
targets=()
known=$(cmake --build "$BUILD" --target help 2>/dev/null || true)
for t in waserda waserda-pos waserda-central; do
  if grep -qE "(^\.\.\. |^)$t(:| |$)" <<<"$known"; then targets+=("$t"); fi
done
[ ${#targets[@]} -gt 0 ] || { log "no program to package"; exit 1; }
log "build ${targets[*]}"
cmake --build "$BUILD" --target "${targets[@]}" -j"$JOBS" >&2

log "cpack"
mkdir -p "$OUT"
version=$(sed -n 's/^WASERDA_PACKAGE_VERSION:STRING=//p' "$BUILD/CMakeCache.txt")
rm -f "$OUT"/waserda-*_"${version}"_*.deb
# fakeroot: the files in the archives belong to root whoever builds them.
(cd "$BUILD" && fakeroot cpack -G DEB -B "$OUT" >&2)
rm -rf "$OUT/_CPack_Packages"

ls -1 "$OUT"/waserda-*_"${version}"_*.deb
