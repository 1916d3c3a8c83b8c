#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (Debian's packages) for the storage tests and prints
# its URL on stdout. Usage: eval "$(bash scripts/pg-test-server.sh)"  -> exports TEST_DATABASE_URL
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDIR="${PGDIR:-/tmp/civic-pg}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$bin/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
  rm -rf "$PGDIR"; mkdir -p "$PGDIR/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$PGDIR"
  as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres -A trust >/dev/null
  as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres civic_test
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/civic_test"
