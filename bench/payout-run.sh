#!/usr/bin/env bash
# A monthly payout run over 10,000 partners with 12 payable ledger entries each, on the local PostgreSQL
# (PG_TEST_URL, default jdbc:postgresql://127.0.0.1:5432/test, user postgres; a fresh database is made): statements
# built, approved by leadership, issued, partners told; and the reconciliation of the totals.
# Usage: bench/payout-run.sh [partners] [entries-per-partner]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest.excludedGroups= -Dgroups=benchmark -Dtest=PayoutRunBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.partners="${1:-10000}" -Dbench.entriesPerPartner="${2:-12}" \
  2>&1 | grep -A6 "PAYOUT RUN BENCHMARK" || { echo "benchmark failed; rerun without -q for details"; exit 1; }
