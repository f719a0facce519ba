#!/usr/bin/env bash
# Builds (Release) and runs every benchmark; prints one table with ratios where the issue asks
# for them. Figures depend on the machine: quote them with its name (printed first).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash packaging/install-deps.sh
BUILD=${WASERDA_BENCH_BUILD_DIR:-$ROOT/build-bench}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DWASERDA_TESTS=ON -DWASERDA_BENCH=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc)" >/dev/null

OUT=$(mktemp -d)
# The benchmarks' databases live in the temporary folder: its disk is the one the ratios measure.
TMP_FOR_DB=${TMPDIR:-/tmp}
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; databases in $TMP_FOR_DB on $(df -h "$TMP_FOR_DB" 2>/dev/null | awk 'NR==2{print $1 " (" $2 ")"}' || true)"
for b in "$BUILD"/tests/bench/*_bench "$BUILD"/bin/*_bench; do
  [ -x "$b" ] || continue
  name=$(basename "$b")
  "$b" --benchmark_format=json --benchmark_out="$OUT/$name.json" --benchmark_out_format=json >/dev/null 2>"$OUT/$name.err" \
    || echo "$name failed: $(tail -1 "$OUT/$name.err")" >&2
done
python3 packaging/bench_table.py "$OUT"/*.json
