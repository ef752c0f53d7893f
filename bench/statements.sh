#!/usr/bin/env bash
# Where PostgreSQL's time goes in the intake, in the deal process alone and in a bare start: runs the intake
# benchmark (bench/intake.sh's rows) against a private PostgreSQL that loads pg_stat_statements, and prints each
# row's statements grouped by table, per request: calls, rows, executor time, share and WAL bytes.
# The private server is the machine's PostgreSQL binaries on a temporary data directory (port 5499, trust auth,
# shared_buffers and autovacuum as the machine's server has them), removed at the end; the machine's server is left
# as it is, because loading pg_stat_statements there takes a restart.
# Usage: bench/statements.sh [seconds-per-row] [most-warm-up-seconds] [clients, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_PER_ROW="${1:-20}"
WARM_UP="${2:-300}"
CLIENTS="${3:-8}"
PORT=5499

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
BIN="${BIN:-$(dirname "$(command -v initdb)")}"
DATA="$(mktemp -d /tmp/ple-statements.XXXXXX)"
# initdb refuses to run as root: as root, the server runs as the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
stop() { as_owner "$BIN/pg_ctl" -D "$DATA/db" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap stop EXIT

as_owner "$BIN/initdb" -D "$DATA/db" -A trust -U postgres >/dev/null
cat >>"$DATA/db/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DATA'
shared_buffers = '$(sql test "SHOW shared_buffers")'
autovacuum = $(sql test "SHOW autovacuum")
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
CONF
as_owner "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w start >/dev/null

OUT=$(mktemp)
PG_TEST_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres" mvn -B -q test -Dtest.excludedGroups= -Dgroups=benchmark \
  -Dtest=DealIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.statements=true \
  -Dbench.seconds="$SECONDS_PER_ROW" -Dbench.warmup="$WARM_UP" -Dbench.clients="$CLIENTS" >"$OUT" 2>&1 \
  || { tail -50 "$OUT"; echo "benchmark failed (output above)"; rm -f "$OUT"; exit 1; }
grep "^warm-up after" "$OUT" || true
awk '/^STATEMENTS/ {on = 1} on {print} /^pages: / {on = 0; print ""}' "$OUT"
awk '/DEAL INTAKE BENCHMARK/ {on = 1} on && /^$/ {exit} on' "$OUT"
rm -f "$OUT"
