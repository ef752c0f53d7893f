#!/usr/bin/env bash
# Fault test: two application nodes on one PostgreSQL database, both with their job executors on. Deal
# registrations are made and approved through node A; then every review-SLA and protection-expiry timer is made
# due at once (engine-rest, admin) so that both nodes race for them. Checks that each timer's work ran exactly once
# and that payouts of won deals are booked once.
# Needs: the built jar, psql, curl, python3, sha256sum, local PostgreSQL. Usage: bench/two-nodes.sh [deals]
set -euo pipefail
cd "$(dirname "$0")/.."
DEALS="${1:-40}"
JAR=target/partner-lifecycle-engine.jar
[ -f "$JAR" ] || mvn -q -B package -DskipTests
source bench/lib.sh
DB="ple_twonodes_$$"
WORK=$(mktemp -d)
new_database "$DB"
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; drop_database "$DB"; }
trap cleanup EXIT
start_node "$DB" 8096 "$WORK/node-8096.log"; PIDS+=("$NODE_PID")
start_node "$DB" 8097 "$WORK/node-8097.log"; PIDS+=("$NODE_PID")
A=localhost:8096
KEY=$(seed_partner "$DB" P-NODES)

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
for n in $(seq 1 "$DEALS"); do
  deal=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "{\"customerName\":\"N$n\",\
\"customerDomain\":\"n$n.nodes.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\
\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12}" "$A/api/deal-registrations" | json "d['dealId']")
  echo "$deal" >> "$WORK/deals"
  if [ $((n % 2)) = 0 ]; then # half approved (protection timer), half left in review (SLA timer)
    task=$(curl -s -u admin:admin "$A/engine-rest/task?processInstanceBusinessKey=$deal" | json "d[0]['id']")
    curl -s -u admin:admin -H 'Content-Type: application/json' -d '{"variables":{"decision":{"value":"APPROVE"}}}' \
      "$A/engine-rest/task/$task/complete" >/dev/null
  fi
done
# Every timer of these deals due now: both nodes' job executors race for them.
for job in $(curl -s -u admin:admin "$A/engine-rest/job?timers=true&processDefinitionKey=deal-registration" | json "' '.join(j['id'] for j in d)"); do
  curl -s -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{"duedate":"2020-01-01T00:00:00.000+0000"}' \
    "$A/engine-rest/job/$job/duedate" >/dev/null
done
for _ in $(seq 1 120); do
  left=$(curl -s -u admin:admin "$A/engine-rest/job/count?timers=true&processDefinitionKey=deal-registration" | json "d['count']")
  [ "$left" = 0 ] && break; sleep 1
done
EXPIRED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM deal_registration WHERE status = 'EXPIRED'")
ESCALATED=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM deal_registration WHERE escalated_at IS NOT NULL")
TWICE=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM (SELECT proc_inst_id_, act_id_ FROM act_hi_actinst WHERE act_id_ IN ('ExpireRegistration','EscalateReview') GROUP BY proc_inst_id_, act_id_ HAVING count(*) > 1) t")
FAILED=$(curl -s -u admin:admin "$A/engine-rest/job/count?withException=true" | json "d['count']")
echo "deals: $DEALS; expired: $EXPIRED (expected $((DEALS / 2))); escalated: $ESCALATED (expected $((DEALS - DEALS / 2)))"
echo "timer work that ran twice: $TWICE; jobs left with an exception: $FAILED"
[ "$EXPIRED" = $((DEALS / 2)) ] && [ "$ESCALATED" = $((DEALS - DEALS / 2)) ] && [ "$TWICE" = 0 ] && [ "$FAILED" = 0 ] \
  && echo "TWO NODES: PASS" || { echo "TWO NODES: FAIL"; exit 1; }
