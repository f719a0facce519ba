#!/usr/bin/env bash
# Installs what is missing, builds (Release), creates a demo shop database if none exists, and
# starts the touchscreen POS on it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash packaging/install-deps.sh

BUILD=${WASERDA_BUILD_DIR:-$ROOT/build-release}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DWASERDA_TESTS=OFF -DWASERDA_BENCH=OFF
cmake --build "$BUILD" -j"$(nproc)"

DATA=${WASERDA_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/waserda}
DB=${WASERDA_DB:-$DATA/demo.sqlite}
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  echo "Membuat toko contoh di $DB ..."
  "$BUILD/bin/waserda" --db "$DB" init --demo
fi

echo "Database: $DB"
echo "Login demo: Budi (kasir) PIN 1111, Sari (supervisor) 3456, Mulyani (manajer) 2345, Admin 1234"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Tidak ada layar (DISPLAY kosong). Jalankan di bawah Xvfb, misalnya:"
  echo "  xvfb-run -a -s '-screen 0 1366x768x24' $BUILD/bin/waserda-pos --db $DB --screenshot /tmp/pos.png"
  exit 0
fi
exec "$BUILD/bin/waserda-pos" --db "$DB" "$@"
