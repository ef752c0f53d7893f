#!/usr/bin/env bash
# Fault test: two application nodes on one PostgreSQL database, both with their job executors on. Deal
# registrations are made through both nodes in turn: a quarter stay in review, a quarter are approved, and half
# are approved and then closed WON by the same request sent to both nodes at once. Then every review-SLA and
# protection-expiry timer is made due at once (engine-rest, admin) so that both nodes race for them. Checks that
# each timer's work ran exactly once, which node ran it (the engine's job log), and that each won deal's payout is
# booked exactly once; then intakes through both nodes at once, each review started exactly once (their review
# rounds claim from one table); and the audit chain both nodes write: no record left unsealed by their sealers, each
# registration's record in the chain exactly once, and the chain verifies.
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
# Idle job executors look for due jobs at least every second (default: backing off to a minute), so that both
# nodes are looking when the timers fall due, not only the one that wakes first.
POLL=--camunda.bpm.job-execution.max-wait=1000
start_node "$DB" 8096 "$WORK/node-8096.log" $POLL; PIDS+=("$NODE_PID")
start_node "$DB" 8097 "$WORK/node-8097.log" $POLL; PIDS+=("$NODE_PID")
A=localhost:8096
B=localhost:8097
KEY=$(seed_partner "$DB" P-NODES)

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
for n in $(seq 1 "$DEALS"); do
  [ $((n % 2)) = 1 ] && intake=$A || intake=$B # both nodes register, and seal
  deal=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "{\"customerName\":\"N$n\",\
\"customerDomain\":\"n$n.nodes.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\
\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12}" "$intake/api/deal-registrations" | json "d['dealId']")
  echo "$deal" >> "$WORK/deals"
  if [ $((n % 4)) != 1 ]; then # three quarters approved (protection timer), a quarter left in review (SLA timer)
    task=$(curl -s -u admin:admin "$A/engine-rest/task?processInstanceBusinessKey=$deal" | json "d[0]['id']")
    curl -s -u admin:admin -H 'Content-Type: application/json' -d '{"variables":{"decision":{"value":"APPROVE"}}}' \
      "$A/engine-rest/task/$task/complete" >/dev/null
  fi
  if [ $((n % 2)) = 0 ]; then # half closed WON: the same close sent to both nodes at the same moment
    close="{\"outcome\":\"WON\",\"amount\":1000,\"closedOn\":\"$(date -u +%F)\"}"
    CLOSERS=()
    for node in $A $B; do # closing is staff work: the admin, as a partner manager would
      curl -s -o /dev/null -w "%{http_code}\n" -u admin:admin -H 'Content-Type: application/json' \
        -d "$close" "$node/api/deal-registrations/$deal/close" >> "$WORK/close-statuses" &
      CLOSERS+=($!)
    done
    wait "${CLOSERS[@]}"
  fi
done
# Every timer of these deals due now, half through each node so that both job executors are woken: they race.
node=$A
for job in $(curl -s -u admin:admin "$A/engine-rest/job?timers=true&processDefinitionKey=deal-registration" | json "' '.join(j['id'] for j in d)"); do
  curl -s -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{"duedate":"2020-01-01T00:00:00.000+0000"}' \
    "$node/engine-rest/job/$job/duedate" >/dev/null
  [ "$node" = "$A" ] && node=$B || node=$A
done
for _ in $(seq 1 120); do
  left=$(curl -s -u admin:admin "$A/engine-rest/job/count?timers=true&processDefinitionKey=deal-registration" | json "d['count']")
  [ "$left" = 0 ] && break; sleep 1
done
# Then intakes through both nodes at once (3 clients each): their review rounds claim from one table (SKIP LOCKED).
# Every acknowledged registration must have exactly one process, waiting at its review task, and none may be left
# unstarted.
burst() { # $1 = node, $2 = client
  local i
  for i in $(seq 1 10); do
    curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "{\"customerName\":\"B$2-$i\",\
\"customerDomain\":\"b${1##*:}-$2-$i.nodes.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\
\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12}" \
      "$1/api/deal-registrations" | json "d['dealId']" >> "$WORK/burst.${1##*:}.$2" || true
  done
}
BURSTS=()
for client in 1 2 3; do
  burst $A $client & BURSTS+=($!)
  burst $B $client & BURSTS+=($!)
done
wait "${BURSTS[@]}"
cat "$WORK"/burst.* > "$WORK/burst"
BURST_ACKED=$(wc -l < "$WORK/burst")
BURST_IDS=$(sed -E "s/.*/('&')/" "$WORK/burst" | paste -sd, -)
STARTED_NOT_ONCE=$(sql "$DB" "SELECT count(*) FROM (VALUES $BURST_IDS) a(id) WHERE (SELECT count(*) FROM act_hi_procinst p \
  WHERE p.proc_def_key_ = 'deal-registration' AND p.business_key_ = a.id) <> 1")
WITHOUT_TASK=$(sql "$DB" "SELECT count(*) FROM (VALUES $BURST_IDS) a(id) WHERE NOT EXISTS (SELECT 1 FROM act_ru_task t \
  JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = a.id \
  AND t.task_def_key_ = 'ReviewDealRegistration')")
LEFT_PENDING=$(sql "$DB" "SELECT count(*) FROM deal_registration WHERE review_pending")
cat "$WORK/burst" >> "$WORK/deals"
WON=$(sql "$DB" "SELECT count(*) FROM deal_registration WHERE status = 'WON'")
PAYOUTS=$(sql "$DB" "SELECT count(*) FROM ledger_entry WHERE kind <> 'CLAWBACK'")
PAID_TWICE=$(sql "$DB" "SELECT count(*) FROM (SELECT deal_id FROM ledger_entry GROUP BY deal_id, kind HAVING count(*) > 1) t")
EXPIRED=$(sql "$DB" "SELECT count(*) FROM deal_registration WHERE status = 'EXPIRED'")
ESCALATED=$(sql "$DB" "SELECT count(*) FROM deal_registration WHERE escalated_at IS NOT NULL")
TWICE=$(sql "$DB" "SELECT count(*) FROM (SELECT proc_inst_id_, act_id_ FROM act_hi_actinst WHERE act_id_ IN ('ExpireRegistration','EscalateReview') GROUP BY proc_inst_id_, act_id_ HAVING count(*) > 1) t")
BY_NODE=$(sql "$DB" "SELECT hostname_ || ': ' || count(*) FROM act_hi_job_log WHERE job_def_type_ LIKE 'timer-%' \
  AND job_state_ = 2 GROUP BY hostname_ ORDER BY hostname_" | paste -sd, -)
FAILED=$(curl -s -u admin:admin "$A/engine-rest/job/count?withException=true" | json "d['count']")
audit_sealed "$DB" "$WORK/deals" # before the verification, which would seal what is left
CHAIN=$(curl -s -u admin:admin "$B/api/audit/verify") # both nodes wrote to the one audit chain
IN_REVIEW=$(( (DEALS + 3) / 4 )); CLOSED=$(( DEALS / 2 )); TO_EXPIRE=$(( DEALS - IN_REVIEW - CLOSED ))
echo "deals: $DEALS; won: $WON (expected $CLOSED); close answers from the two nodes: \
$(sort "$WORK/close-statuses" | uniq -c | awk '{print $2 " x" $1}' | paste -sd' ' -)"
echo "payouts booked: $PAYOUTS (expected $CLOSED); deals paid twice: $PAID_TWICE"
echo "expired: $EXPIRED (expected $TO_EXPIRE); escalated: $ESCALATED (expected $IN_REVIEW)"
echo "timer work that ran twice: $TWICE; jobs left with an exception: $FAILED; timers fired per node: $BY_NODE"
echo "intakes through both nodes at once: $BURST_ACKED acknowledged (expected 60); started other than once: \
$STARTED_NOT_ONCE; without their review task: $WITHOUT_TASK; registrations left unstarted: $LEFT_PENDING"
echo "audit chain written by both nodes: $CHAIN"
[ "$WON" = "$CLOSED" ] && [ "$PAYOUTS" = "$CLOSED" ] && [ "$PAID_TWICE" = 0 ] && [ "$EXPIRED" = "$TO_EXPIRE" ] \
  && [ "$ESCALATED" = "$IN_REVIEW" ] && [ "$TWICE" = 0 ] && [ "$FAILED" = 0 ] && [[ "$CHAIN" == *'"intact":true'* ]] \
  && [ "$AUDIT_PENDING" = 0 ] && [ "$AUDIT_NOT_ONCE" = 0 ] && [ "$BURST_ACKED" = 60 ] \
  && [ "$STARTED_NOT_ONCE" = 0 ] && [ "$WITHOUT_TASK" = 0 ] && [ "$LEFT_PENDING" = 0 ] \
  && echo "TWO NODES: PASS" || { echo "TWO NODES: FAIL"; exit 1; }
