#!/usr/bin/env bash
# The automatic part of a tier-review cycle for 10,000 partners with a year of deals each, on the local
# PostgreSQL (PG_TEST_URL, default jdbc:postgresql://127.0.0.1:5432/test, user postgres; a fresh database is made).
# Usage: bench/tier-review-cycle.sh [partners] [deals-per-partner] [job-threads]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest.excludedGroups= -Dgroups=benchmark -Dtest=TierReviewCycleBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.partners="${1:-10000}" -Dbench.dealsPerPartner="${2:-12}" \
  -Dbench.jobThreads="${3:-4}" \
  2>&1 | grep -A9 "TIER REVIEW CYCLE BENCHMARK" || { echo "benchmark failed; rerun without -q for details"; exit 1; }
