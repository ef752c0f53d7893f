#!/usr/bin/env bash
# Fault test: kill -9 of the application during deal-registration load on PostgreSQL, then restart.
# Checks that every acknowledged (201) registration exists after the restart with its process waiting at the
# review task, that no registration committed before the kill is left with its review unstarted (the restarted node's
# sweep starts them), and that retrying acknowledged requests with their Idempotency-Key creates nothing new; that the
# sealer leaves no audit record unsealed (those the kill left pending included), each acknowledged registration's
# audit record is in the chain exactly once, and the chain verifies. With "unsealed" as the second argument the node
# before the kill runs no background sealer, so that every audit record it wrote is still pending when it dies and
# the restarted node must seal them all (by default it seals as in production, and a kill finds few or none pending).
# Needs: the built jar (mvn -q package -DskipTests), psql, curl, sha256sum, local PostgreSQL (trust auth).
# Usage: bench/kill9.sh [seconds-of-load-before-the-kill] [sealed|unsealed]
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS="${1:-6}"
SEALER_BEFORE_KILL=()
[ "${2:-sealed}" = unsealed ] && SEALER_BEFORE_KILL=(--partner-lifecycle.audit.sealer.background=false)
JAR=target/partner-lifecycle-engine.jar
[ -f "$JAR" ] || mvn -q -B package -DskipTests
source bench/lib.sh
DB="ple_kill9_$$"
PORT=8095
WORK=$(mktemp -d)
new_database "$DB"
start_app() { start_node "$DB" "$PORT" "$WORK/app.log" "$@"; APP=$NODE_PID; }
start_app "${SEALER_BEFORE_KILL[@]}"
KEY=$(seed_partner "$DB" P-KILL9)

register() { # $1 = request number; prints "key dealId" for an acknowledged registration
  local body="{\"customerName\":\"K$1\",\"customerDomain\":\"k$1.kill9.example\",\"motion\":\"REFERRAL\",\
\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12}"
  local answer
  answer=$(curl -s -m 5 -w ' %{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: kill9-$1" -d "$body" "localhost:$PORT/api/deal-registrations" || true)
  if [[ "$answer" == *" 201" ]]; then
    echo "$1 $(echo "$answer" | sed -E 's/.*"dealId":"([^"]+)".*/\1/')"
  fi
}

for client in 1 2 3 4; do
  ( n=$((client * 100000)); while true; do n=$((n + 1)); register $n; done ) >>"$WORK/acked.$client" 2>/dev/null &
done
sleep "$LOAD_SECONDS"
kill -9 "$APP"
sleep 1
kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
cat "$WORK"/acked.* > "$WORK/acked"
ACKED=$(wc -l < "$WORK/acked")
echo "acknowledged before kill -9: $ACKED; audit records the kill left unsealed: $(sql "$DB" \
  "SELECT count(*) FROM audit_pending") (sealed by the restarted node)"

echo "registrations committed before the kill whose review had yet to start: $(sql "$DB" \
  "SELECT count(*) FROM deal_registration WHERE review_pending") (started by the restarted node's sweep)"
start_app
for _ in $(seq 1 20); do # the restarted node's first sweep runs once it is ready
  UNSTARTED=$(sql "$DB" "SELECT count(*) FROM deal_registration WHERE review_pending")
  [ "$UNSTARTED" = 0 ] && break; sleep 0.5
done
MISSING=0; NOT_WAITING=0
while read -r n deal; do
  status=$(curl -s -u admin:admin "localhost:$PORT/api/deal-registrations/$deal" | sed -E 's/.*"status":"([^"]+)".*/\1/')
  [ "$status" = "IN_REVIEW" ] || { MISSING=$((MISSING + 1)); echo "missing or wrong: $deal ($status)"; }
  tasks=$(curl -s -u admin:admin "localhost:$PORT/engine-rest/task/count?processInstanceBusinessKey=$deal&taskDefinitionKey=ReviewDealRegistration" | sed -E 's/.*"count":([0-9]+).*/\1/')
  [ "$tasks" = "1" ] || { NOT_WAITING=$((NOT_WAITING + 1)); echo "no review task: $deal"; }
done < "$WORK/acked"

# Retry every acknowledged request: each must answer with the same registration.
DIFFERENT=0
while read -r n deal; do
  again=$(register "$n" | cut -d' ' -f2)
  [ "$again" = "$deal" ] || DIFFERENT=$((DIFFERENT + 1))
done < "$WORK/acked"
ROWS=$(sql "$DB" "SELECT count(*) FROM deal_registration")
cut -d' ' -f2 "$WORK/acked" > "$WORK/acked-deals"
audit_sealed "$DB" "$WORK/acked-deals" # before the verification, which would seal what is left
CHAIN=$(curl -s -u admin:admin "localhost:$PORT/api/audit/verify")
AUDITED=$(sql "$DB" "SELECT count(*) FROM audit_record WHERE action = 'deal.register'")
kill "$APP"; wait "$APP" 2>/dev/null || true
drop_database "$DB"
echo "after restart: missing $MISSING, without review task $NOT_WAITING, retries answered differently $DIFFERENT, \
registrations whose review never started: $UNSTARTED"
echo "registrations stored: $ROWS (acknowledged $ACKED; the difference is requests that committed but whose answer the kill cut off)"
echo "audit chain after the kill: $CHAIN; registrations on record: $AUDITED (one per stored registration)"
[ "$MISSING" = 0 ] && [ "$NOT_WAITING" = 0 ] && [ "$DIFFERENT" = 0 ] && [ "$UNSTARTED" = 0 ] && [[ "$CHAIN" == *'"intact":true'* ]] \
  && [ "$AUDITED" = "$ROWS" ] && [ "$AUDIT_PENDING" = 0 ] && [ "$AUDIT_NOT_ONCE" = 0 ] \
  && echo "KILL -9: PASS" || { echo "KILL -9: FAIL"; exit 1; }
