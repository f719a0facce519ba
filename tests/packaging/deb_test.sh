#!/usr/bin/env bash
# The Debian packages end to end, on this machine: build them twice (versions 0.1.0 and 0.1.1 of
# the same tree), lintian (no errors), install 0.1.0 with dpkg, use the programs and make a shop,
# upgrade to 0.1.1 over it, remove, purge, reinstall: the shop's and the server's data survive all.
#
# How to run (as root: it installs packages; it needs the build dependencies and lintian, see
# packaging/install-deps.sh):
#     sudo tests/packaging/deb_test.sh
# or through ctest (registered only when asked for at configure time, because it is slow):
#     WASERDA_DEB_TEST=1 cmake -S . -B build && ctest --test-dir build -R packaging_deb --output-on-failure
# Environment:
#     WASERDA_DEB_BUILD_DIR   build folder for the packages (default: build-deb in the source tree;
#                             ctest passes <build>/deb-packaging). Reusing one saves a Release build.
#     WASERDA_DEB_CMAKE_ARGS  extra configure arguments, e.g. "-DWASERDA_UI=OFF"
# Exit 77 (ctest: skipped) when not root, or when waserda packages or /var/lib/waserda-central are
# already on this machine: the test never touches a real till's or server's installation.
#
# [SECTION] Helpers and preconditions
# [SECTION] Build and lintian
# [SECTION] Install 0.1.0 and use it
# [SECTION] Upgrade to 0.1.1
# [SECTION] Remove, purge, reinstall
set -euo pipefail

# [SECTION] Helpers and preconditions
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${WASERDA_DEB_BUILD_DIR:-$ROOT/build-deb}
read -r -a EXTRA_ARGS <<<"${WASERDA_DEB_CMAKE_ARGS:-}"
V1=0.1.0
V2=0.1.1
PKGS=(waserda-pos waserda-central)

step() { echo; echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
# expect "what" command...: runs the command, fails the test with its output unless it exits 0.
expect() {
  local what=$1; shift
  local out
  if ! out=$("$@" 2>&1); then echo "$out" >&2; fail "$what: '$*' failed"; fi
  printf '%s\n' "$out"
}
contains() { grep -qF -- "$2" <<<"$1" || fail "expected \"$2\" in: $1"; }
lacks() { ! grep -qF -- "$2" <<<"$1" || fail "did not expect \"$2\" in: $1"; }
status_of() { dpkg-query -W -f='${db:Status-Status} ${Version}' "$1" 2>/dev/null || echo "not-installed"; }

[ "$(id -u)" -eq 0 ] || skip "needs root to install packages (sudo $0)"
for p in "${PKGS[@]}"; do
  s=$(status_of "$p")
  case "$s" in not-installed*) ;; *) skip "$p is already on this machine ($s); not touching it" ;; esac
done
[ ! -e /var/lib/waserda-central ] || skip "/var/lib/waserda-central exists: a real server's data; not touching it"
for tool in lintian dpkg-deb runuser; do command -v $tool >/dev/null || fail "$tool is missing"; done

HAD_USER=0; getent passwd waserda-central >/dev/null && HAD_USER=1
HAD_CENTRAL_GROUP=0; getent group waserda-central >/dev/null && HAD_CENTRAL_GROUP=1
HAD_GROUP=0; getent group waserda >/dev/null && HAD_GROUP=1
WORK=$(mktemp -d /tmp/waserda-deb-test.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  dpkg --purge "${PKGS[@]}" >/dev/null 2>&1 || true
  rm -rf /var/lib/waserda-central
  [ $HAD_USER -eq 1 ] || deluser --system --quiet waserda-central >/dev/null 2>&1 || true
  [ $HAD_CENTRAL_GROUP -eq 1 ] || delgroup --system --quiet waserda-central >/dev/null 2>&1 || true
  [ $HAD_GROUP -eq 1 ] || delgroup --system --quiet waserda >/dev/null 2>&1 || true
  # The build folder keeps the project's own package version afterwards, not this test's.
  [ -f "$BUILD/CMakeCache.txt" ] && cmake -S "$ROOT" -B "$BUILD" -UWASERDA_PACKAGE_VERSION >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The installed programs, with nothing of the source tree or the caller's shop in their way.
unset WASERDA_ASSETS WASERDA_DB
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/.local/share
mkdir -p "$HOME"
DB=$WORK/x/y.sqlite
w() { /usr/bin/waserda --db "$DB" "$@"; }

# [SECTION] Build and lintian
step "build $V1 and $V2 (the second only re-runs cpack)"
mkdir -p "$WORK/v1" "$WORK/v2"
for v in $V1 $V2; do
  dir=$WORK/v1; [ $v = $V2 ] && dir=$WORK/v2
  debs=$(WASERDA_DEB_BUILD_DIR=$BUILD WASERDA_DEB_OUT_DIR=$dir "$ROOT/packaging/build-deb.sh" \
           "${EXTRA_ARGS[@]}" -DWASERDA_PACKAGE_VERSION=$v) || fail "packaging/build-deb.sh ($v) failed"
  echo "$debs"
  for p in "${PKGS[@]}"; do
    [ -f "$dir/${p}_${v}_$(dpkg --print-architecture).deb" ] || fail "no $p $v package in: $debs"
  done
done
DEB_POS1=$(ls "$WORK"/v1/waserda-pos_*.deb); DEB_CEN1=$(ls "$WORK"/v1/waserda-central_*.deb)
DEB_POS2=$(ls "$WORK"/v2/waserda-pos_*.deb); DEB_CEN2=$(ls "$WORK"/v2/waserda-central_*.deb)

step "package contents and fields"
pos_files=$(dpkg-deb -c "$DEB_POS2")
for f in ./usr/bin/waserda ./lib/udev/rules.d/60-waserda-pos.rules ./usr/share/waserda/assets/i18n/en.json \
         ./usr/share/waserda/assets/demo/items.csv ./usr/share/waserda/assets/printers/generic-58.json \
         ./usr/share/waserda/assets/fonts/DejaVuSans.ttf ./usr/share/doc/waserda-pos/copyright; do
  contains "$pos_files" "$f"
done
if grep -qF ./usr/bin/waserda-pos <<<"$pos_files"; then
  contains "$pos_files" ./usr/share/applications/waserda-pos.desktop
  contains "$pos_files" ./usr/share/icons/hicolor/scalable/apps/waserda-pos.svg
  desktop=$(dpkg-deb --fsys-tarfile "$DEB_POS2" | tar -xO ./usr/share/applications/waserda-pos.desktop)
  contains "$desktop" "Exec=waserda-pos --fullscreen"
  contains "$desktop" "Icon=waserda-pos"
else
  echo "(waserda-pos was not built: no touchscreen app, desktop entry or icon in this package)"
fi
lacks "$pos_files" screenshots
cen_files=$(dpkg-deb -c "$DEB_CEN2")
for f in ./usr/bin/waserda-central ./lib/systemd/system/waserda-central.service ./etc/waserda/central.conf; do
  contains "$cen_files" "$f"
done
lacks "$cen_files" ./var/lib
contains "$(dpkg-deb -f "$DEB_POS2" Depends)" "libsqlite3-0"  # dpkg-shlibdeps ran
contains "$(dpkg-deb -f "$DEB_POS2" Depends)" "adduser"
contains "$(dpkg-deb -f "$DEB_CEN2" Depends)" "libpq5"
contains "$(dpkg-deb -f "$DEB_CEN2" Depends)" "adduser"
contains "$(dpkg-deb -I "$DEB_CEN2" conffiles)" "/etc/waserda/central.conf"
contains "$(dpkg-deb -f "$DEB_CEN2" Version)" "$V2"

step "lintian (no errors allowed)"
lint=$(lintian --tag-display-limit 0 "$DEB_POS2" "$DEB_CEN2" 2>&1) || true
echo "$lint"
if grep -E '^E: ' <<<"$lint"; then fail "lintian reports errors"; fi

# [SECTION] Install 0.1.0 and use it
step "install $V1"
expect "dpkg -i" dpkg -i "$DEB_POS1" "$DEB_CEN1"
for p in "${PKGS[@]}"; do [ "$(status_of $p)" = "installed $V1" ] || fail "$p: $(status_of $p)"; done

step "waserda --version, init --demo, a day's work"
contains "$(expect version /usr/bin/waserda --version)" "waserda "
expect "init --demo" w init --demo
[ -f "$DB" ] || fail "no database at $DB"
# The demo catalog came from the installed assets: its rice is there.
contains "$(expect export w item export)" "BRS-P05"
expect "member add" w member add --number T-0001 --name "Uji Paket" --card MT0001 --work-unit Gudang
expect "savings" w savings deposit --member T-0001 --type pokok --amount 50000
expect "user add" w user add --name Tari --role cashier --pin 9753
expect "shift open" w shift open --user Tari --float 100000
expect "sale" w sale --user Tari --member T-0001 --item 8991201100113x2 --pay cash
expect "check" w check
BALANCE_BEFORE=$(expect balance w savings balance --member T-0001)
STOCK_BEFORE=$(expect stock w report stock --format csv)
MEMBERS_BEFORE=$(expect members w member export "$WORK/members-before.csv"; cat "$WORK/members-before.csv")
contains "$MEMBERS_BEFORE" "Uji Paket"

step "logs: in the data folder, PINs redacted, shown by waserda logs"
[ -f "$WORK/x/logs/waserda.log" ] || fail "no log file in $WORK/x/logs"
logs=$(expect logs w logs -n 200)
contains "$logs" "user add --name Tari --role cashier --pin ***"
lacks "$(cat "$WORK"/x/logs/*.log)" "9753"
[ "$(w logs -n 3 | wc -l)" -eq 3 ] || fail "waserda logs -n 3 did not print 3 lines"

step "waserda-central: --help, its user, its folder, its config, its unit"
contains "$(expect help /usr/bin/waserda-central --help)" "serve"
user_line=$(getent passwd waserda-central) || fail "no user waserda-central"
case "$user_line" in *:/var/lib/waserda-central:/usr/sbin/nologin) ;; *) fail "user: $user_line" ;; esac
[ "$(id -u waserda-central)" -lt 1000 ] || fail "waserda-central is not a system user"
[ "$(stat -c '%U:%G %a' /var/lib/waserda-central)" = "waserda-central:waserda-central 750" ] ||
  fail "/var/lib/waserda-central: $(stat -c '%U:%G %a' /var/lib/waserda-central)"
grep -qx 'WASERDA_CENTRAL_LISTEN=127.0.0.1:8470' /etc/waserda/central.conf || fail "central.conf does not listen on loopback"
[ -L /etc/systemd/system/multi-user.target.wants/waserda-central.service ] || fail "the unit was not enabled"
getent group waserda >/dev/null || fail "no group waserda for the udev rule"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/waserda-central.service 2>&1 | grep -F waserda-central.service &&
    fail "systemd-analyze verify complains about the unit" || true
fi

step "the server runs as its user on its data (as the unit starts it, on a free port)"
# shellcheck disable=SC1091
. /etc/waserda/central.conf
CENTRAL_DB=$WASERDA_CENTRAL_DB
runuser -u waserda-central -- /usr/bin/waserda-central serve --listen 127.0.0.1:0 --db "$CENTRAL_DB" \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
deadline=$((SECONDS + 30))
until grep -q "listening on 127.0.0.1:" "$WORK/server.out"; do
  kill -0 $SERVER_PID 2>/dev/null || { cat "$WORK/server.err"; fail "waserda-central serve exited"; }
  [ $SECONDS -lt $deadline ] || fail "waserda-central serve did not start within 30 s"
  sleep 0.1
done
kill $SERVER_PID; wait $SERVER_PID || true; SERVER_PID=""
expect "device add" runuser -u waserda-central -- /usr/bin/waserda-central device add --name toko-uji-T01 --db "$CENTRAL_DB" >/dev/null
[ "$(stat -c %U "$CENTRAL_DB")" = waserda-central ] || fail "$CENTRAL_DB is not the service user's"
# The administrator tunes the config: an upgrade must keep that.
sed -i 's/^WASERDA_CENTRAL_THREADS=.*/WASERDA_CENTRAL_THREADS=4/' /etc/waserda/central.conf

# [SECTION] Upgrade to 0.1.1
step "upgrade to $V2 over the shop and the server"
expect "dpkg -i (upgrade)" dpkg -i "$DEB_POS2" "$DEB_CEN2"
for p in "${PKGS[@]}"; do [ "$(status_of $p)" = "installed $V2" ] || fail "$p: $(status_of $p)"; done
expect "check after upgrade" w check
[ "$(expect balance w savings balance --member T-0001)" = "$BALANCE_BEFORE" ] || fail "savings changed by the upgrade"
[ "$(expect stock w report stock --format csv)" = "$STOCK_BEFORE" ] || fail "stock changed by the upgrade"
expect members w member export "$WORK/members-after.csv" >/dev/null
cmp -s "$WORK/members-before.csv" "$WORK/members-after.csv" || fail "members changed by the upgrade"
grep -qx 'WASERDA_CENTRAL_THREADS=4' /etc/waserda/central.conf || fail "the upgrade overwrote the administrator's config"
contains "$(expect "device list" runuser -u waserda-central -- /usr/bin/waserda-central device list --db "$CENTRAL_DB")" toko-uji-T01
# Still usable after the upgrade: one more sale.
expect "sale after upgrade" w sale --user Tari --item 8991201100113x1 --pay cash
expect "check" w check

# [SECTION] Remove, purge, reinstall
step "remove: programs go, data and config stay"
expect "dpkg -r" dpkg -r "${PKGS[@]}"
[ ! -e /usr/bin/waserda ] && [ ! -e /usr/bin/waserda-central ] || fail "programs left after remove"
[ ! -e /usr/share/waserda ] || fail "/usr/share/waserda left after remove"
[ ! -e /lib/udev/rules.d/60-waserda-pos.rules ] || fail "udev rule left after remove"
[ -f "$DB" ] && [ -f "$WORK/x/logs/waserda.log" ] || fail "the shop's data went with the package"
[ -f "$CENTRAL_DB" ] || fail "the server's data went with the package"
[ -f /etc/waserda/central.conf ] || fail "remove (not purge) deleted the config"
case "$(status_of waserda-central)" in config-files*) ;; *) fail "waserda-central: $(status_of waserda-central)" ;; esac

step "purge: config goes, data stays"
expect "dpkg -P" dpkg -P "${PKGS[@]}"
[ ! -e /etc/waserda/central.conf ] || fail "purge left the config"
[ ! -e /etc/systemd/system/multi-user.target.wants/waserda-central.service ] || fail "purge left the unit enabled"
[ -f "$CENTRAL_DB" ] || fail "purge deleted the server's data"
[ -f "$DB" ] || fail "purge deleted the shop's data"

step "reinstall $V2 on the kept data"
expect "dpkg -i (reinstall)" dpkg -i "$DEB_POS2" "$DEB_CEN2"
contains "$(expect "device list" runuser -u waserda-central -- /usr/bin/waserda-central device list --db "$CENTRAL_DB")" toko-uji-T01
expect "check after reinstall" w check
contains "$(expect members w member export)" "Uji Paket"

echo
echo "== packaging test passed"
