#!/usr/bin/env bash
# Every benchmark and fault run, one after the other, on the local PostgreSQL (about 20 minutes on two cores):
# intake vs the bare engine with pgbench's ceiling and peak RSS, the 10,000-partner tier-review cycle, kill -9
# during load, two nodes on one database. Exits non-zero if a run fails; the fault runs print PASS or FAIL.
# Usage: bench/all.sh
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests || exit 1
failed=0
for run in "bench/intake.sh 10" "bench/tier-review-cycle.sh 10000 12 4" "bench/kill9.sh 6" "bench/two-nodes.sh 80"; do
  echo "=== $run"
  $run || failed=1
  echo
done
exit "$failed"
