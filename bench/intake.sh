#!/usr/bin/env bash
# Deal-registration intake over REST vs a bare engine, at 1, 8 and 32 clients, on the local PostgreSQL
# (PG_TEST_URL, default jdbc:postgresql://127.0.0.1:5432/test, user postgres; a fresh database is made),
# with PostgreSQL's own commit ceiling (pgbench, single-row INSERT transactions) beside it.
# Usage: bench/intake.sh [seconds-per-row] [most-warm-up-seconds] [clients, default 1,8,32]
# The warm-up runs rounds of load (30 s intake, 10 s intake at the most clients, 10 s bare engine, 10 s read) until a
# round leaves the JIT compiler nearly idle, or until the most warm-up seconds (default 600) are spent: on two cores
# under load the C2 compiler gets a small share of the CPU and works through its queue for minutes; measured sooner,
# the rows measure the compiler. The table's JIT column says how busy it still was during each row. A fourth path, a partner reading
# its own record over REST, shows what any authenticated request costs without a process. Last, the intake / bare
# engine ratio at 8 clients again in pairs of rows side by side (-Dbench.pairs, default 3): the VM's speed drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_PER_ROW="${1:-10}"
WARM_UP="${2:-600}"
CLIENTS="${3:-1,8,32}"

echo "POSTGRESQL COMMIT CEILING (pgbench, 8 clients, ${SECONDS_PER_ROW} s, one INSERT per transaction)"
DB="ple_pgbench_$$"
new_database "$DB"
sql "$DB" "CREATE TABLE commit_probe (id bigserial PRIMARY KEY, v int)" >/dev/null
echo "INSERT INTO commit_probe (v) VALUES (1);" > /tmp/ple-commit-probe.sql
pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T "$SECONDS_PER_ROW" -f /tmp/ple-commit-probe.sql "$DB" 2>/dev/null \
  | grep -E "^tps|latency average" || echo "pgbench not available"
drop_database "$DB"

OUT=$(mktemp)
mvn -B -q test -Dtest.excludedGroups= -Dgroups=benchmark -Dtest=DealIntakeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds="$SECONDS_PER_ROW" -Dbench.warmup="$WARM_UP" \
  -Dbench.clients="$CLIENTS" >"$OUT" 2>&1 \
  || { tail -50 "$OUT"; echo "benchmark failed (output above)"; exit 1; }
grep "^warm-up after" "$OUT" || true
awk '/DEAL INTAKE BENCHMARK/ {on = 1} on && /^$/ {exit} on' "$OUT"
grep -E "most lock waits|waiting to be sealed" "$OUT" | grep -v "^warm-up" || true
rm -f "$OUT"
