#!/usr/bin/env bash
# The quarterly partner-health run and the program KPI query for 10,000 partners with 12 WON deals each (120,000),
# on the local PostgreSQL (PG_TEST_URL, default jdbc:postgresql://127.0.0.1:5432/test, user postgres; a fresh
# database is made). Usage: bench/partner-health.sh [partners] [deals-per-partner] [job-threads]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest.excludedGroups= -Dgroups=benchmark -Dtest=PartnerHealthBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.partners="${1:-10000}" -Dbench.dealsPerPartner="${2:-12}" \
  -Dbench.jobThreads="${3:-4}" \
  2>&1 | grep -A8 "PARTNER HEALTH AND KPI BENCHMARK" || { echo "benchmark failed; rerun without -q for details"; exit 1; }
