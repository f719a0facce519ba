#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: unprivileged, on a free port of 127.0.0.1, data in a
# folder you name (usually a fresh temp dir). Nothing touches the system's own clusters.
#
#   eval "$(packaging/pg-test-cluster.sh start [DIR])"   # DIR defaults to a fresh temp dir; prints
#       export WASERDA_TEST_PG_URL='postgresql://waserda@127.0.0.1:PORT/postgres'
#       export WASERDA_TEST_PG_DIR='DIR'
#   packaging/pg-test-cluster.sh url DIR                  # prints the URL of a running cluster
#   packaging/pg-test-cluster.sh stop DIR                 # stops the server and deletes DIR
#
# When run as root, the server runs as the user `nobody` (initdb and postgres refuse root).
# Set PG_BINDIR to use another PostgreSQL than /usr/lib/postgresql/<newest>/bin.
set -euo pipefail

usage() { echo "usage: $0 start [DIR] | url DIR | stop DIR" >&2; exit 2; }
[ $# -ge 1 ] || usage
cmd=$1
if [ $# -ge 2 ]; then
  dir=$2
elif [ "$cmd" = "start" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/waserda-pg-XXXXXX")
else
  usage
fi

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[ -x "$bindir/initdb" ] || { echo "pg-test-cluster: no initdb found (install postgresql, or set PG_BINDIR)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    cd /  # the server's user may not be allowed into the caller's folder
    if [ "$(id -u)" -eq 0 ]; then
      chown nobody "$dir"
      # nobody must be able to reach the folder: open the path down from a private temp dir.
      d=$dir
      while [ "$d" != "/" ]; do d=$(dirname "$d"); chmod o+x "$d" 2>/dev/null || true; done
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U waserda --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A port may be taken between choosing and binding it: try a few.
    for attempt in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
           start >/dev/null 2>&1; then
        echo "$port" >"$dir/port"
        echo "export WASERDA_TEST_PG_URL='postgresql://waserda@127.0.0.1:$port/postgres'"
        echo "export WASERDA_TEST_PG_DIR='$dir'"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2 || true
    echo "pg-test-cluster: the server did not start" >&2
    exit 1
    ;;
  url)
    echo "postgresql://waserda@127.0.0.1:$(cat "$dir/port")/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
