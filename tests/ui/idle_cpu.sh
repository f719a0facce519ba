#!/bin/sh
# Idle CPU of the real till: start waserda-pos on a private Xvfb, let it settle on the login
# screen, then read its CPU time (utime+stime from /proc/PID/stat) over 10 seconds.
# Usage: tests/ui/idle_cpu.sh BUILD_DIR [SECONDS]   (needs Xvfb; seeds a throwaway shop)
set -eu
build=${1:?build dir}
secs=${2:-10}
tmp=$(mktemp -d)
trap 'kill $pos $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$build/bin/ui_seed_shop" "$tmp/shop.sqlite" >/dev/null
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
while [ ! -s "$tmp/display" ]; do sleep 0.1; done
DISPLAY=:$(cat "$tmp/display") "$build/bin/waserda-pos" --db "$tmp/shop.sqlite" --printer "virtual:$tmp/r" >/dev/null 2>&1 &
pos=$!
sleep 3   # start-up and the first frames are not idle time
ticks() { awk '{print $14 + $15}' "/proc/$pos/stat"; }
hz=$(getconf CLK_TCK)
a=$(ticks)
sleep "$secs"
b=$(ticks)
echo "waserda-pos idle: $((b - a)) CPU ticks in ${secs}s at ${hz} Hz = $(awk "BEGIN{printf \"%.2f\", ($b-$a)*100/($hz*$secs)}")% of one core"
