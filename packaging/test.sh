#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest. Exits non-zero on any failure.
# With CI=true: warnings are errors, and a second pass runs the unit tests under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash packaging/install-deps.sh

BUILD=${WASERDA_BUILD_DIR:-$ROOT/build}
JOBS=${WASERDA_JOBS:-$(nproc)}
WERROR=OFF
[ "${CI:-}" = "true" ] && WERROR=ON
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}

echo "== build ($BUILD)"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWASERDA_WERROR=$WERROR
cmake --build "$BUILD" -j"$JOBS"

# A throwaway PostgreSQL cluster for the sync tests, as an unprivileged user on a free port.
PG_STARTED=""
cleanup() {
  if [ -n "$PG_STARTED" ]; then bash packaging/pg-test-cluster.sh stop "$PG_STARTED" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ -f packaging/pg-test-cluster.sh ]; then
  if PG_ENV=$(bash packaging/pg-test-cluster.sh start); then
    eval "$PG_ENV"
    PG_STARTED=${WASERDA_TEST_PG_DIR:-}
    echo "== PostgreSQL test cluster: ${WASERDA_TEST_PG_URL:-}"
  else
    echo "== PostgreSQL test cluster could not start; PostgreSQL tests will be skipped" >&2
  fi
fi

echo "== tests"
export TMPDIR=$(mktemp -d)
# UI tests open real windows: give them a virtual display.
xvfb-run -a -s "-screen 0 1920x1080x24" \
  ctest --test-dir "$BUILD" --output-on-failure -j2 --timeout 600

if [ "${CI:-}" = "true" ] || [ "${WASERDA_SANITIZE:-}" = "1" ]; then
  echo "== sanitizer pass (ASan + UBSan) of the unit tests"
  ASAN_BUILD=${WASERDA_ASAN_BUILD_DIR:-$ROOT/build-asan}
  cmake -S . -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=Debug -DWASERDA_SANITIZE=ON -DWASERDA_UI=OFF -DWASERDA_BENCH=OFF \
    -DWASERDA_WERROR=$WERROR
  cmake --build "$ASAN_BUILD" -j"$JOBS" --target core_tests store_tests
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:verify_asan_link_order=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  for t in core_tests store_tests; do
    echo "-- $t (ASan+UBSan)"
    "$ASAN_BUILD/bin/$t" --gtest_brief=1
  done
fi
echo "== all tests passed"

