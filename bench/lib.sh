# Shared by the bench scripts: a fresh database, application nodes on it, one ACTIVE partner with an API key.
# shellcheck shell=bash

# new_database NAME: creates it on the local PostgreSQL (trust auth).
new_database() { psql -h 127.0.0.1 -U postgres -d test -qc "CREATE DATABASE $1" >/dev/null; }

# drop_database NAME
drop_database() { psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1 || true; }

# sql DB QUERY: runs QUERY in database DB; prints its rows unaligned, without headers (one value per line).
sql() { psql -h 127.0.0.1 -U postgres -d "$1" -Atc "$2"; }

# start_node DB PORT LOG [ARGS...]: the application in profile postgres (admin/admin); waits for health; sets NODE_PID.
# The engine's host name is node-PORT, so the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_) says which node ran a job.
# Profile postgres needs the audit checkpoints' signing key: one for the bench runs, made by the first node started.
start_node() {
  SPRING_PROFILES_ACTIVE=postgres DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" DB_USER=postgres \
    AUDIT_SIGNING_KEY_FILE="$PWD/target/bench-audit-signing-key.pem" AUDIT_SIGNING_KEY_GENERATE=true \
    ADMIN_USER=admin ADMIN_PASSWORD=admin PORT="$2" java -jar target/partner-lifecycle-engine.jar \
    --camunda.bpm.generic-properties.properties.hostname="node-$2" "${@:4}" >>"$3" 2>&1 &
  NODE_PID=$!
  for _ in $(seq 1 90); do curl -sf "localhost:$2/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "the application on port $2 did not start (see $3)"; exit 1
}

# seed_partner DB PARTNER_ID: an ACTIVE GROWTH referral partner and an API key, stored hashed as the application
# stores keys; prints the key.
seed_partner() {
  local key hash
  key="plk_bench$(date +%s%N)"
  hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
  psql -h 127.0.0.1 -U postgres -d "$1" -q <<SQL
INSERT INTO partner (id, company_name, website_domain, normalized_domain, contact_name, contact_email, region,
  applied_motion, forecast_annual_revenue, status, proposed_tier, tier, motion, terms_version, launch_methods,
  products, integration_types, listed, next_review_due, activated_at, created_at, updated_at)
VALUES ('$2', 'Bench $2', '$2.example', '$2.example', 'C', 'c@bench.example', 'NA', 'REFERRAL', 150000, 'ACTIVE',
  'GROWTH', 'GROWTH', 'REFERRAL', '2026-01-01', 'SCORM,AICC', 'PLUS', 'DIRECT_INTEGRATION', TRUE,
  current_date + 365, now(), now(), now());
INSERT INTO partner_api_key (id, partner_id, key_hash, created_by, created_at)
VALUES ('key-$2', '$2', '$hash', 'bench', now());
SQL
  echo "$key"
}

# audit_sealed DB DEALS_FILE: the audit chain after a run (issue 30). Waits up to 10 s for audit_pending to be empty
# without anyone reading the chain (so it is the background sealer's work, not a reader's seal), then counts the
# deals of DEALS_FILE (one id a line) whose deal.register record is not in audit_record exactly once. Sets
# AUDIT_PENDING and AUDIT_NOT_ONCE and prints them.
audit_sealed() {
  local waited pending ids not_once=0
  for waited in $(seq 0 20); do
    pending=$(sql "$1" "SELECT count(*) FROM audit_pending")
    [ "$pending" = 0 ] && break
    sleep 0.5
  done
  if [ -s "$2" ]; then
    ids=$(sed -E "s/.*/('&')/" "$2" | paste -sd, -)
    not_once=$(sql "$1" "SELECT count(*) FROM (VALUES $ids) a(id) WHERE (SELECT count(*) FROM audit_record r \
      WHERE r.subject_type = 'DEAL' AND r.subject_id = a.id AND r.action = 'deal.register') <> 1")
  fi
  AUDIT_PENDING=$pending
  AUDIT_NOT_ONCE=$not_once
  echo "audit: records left unsealed: $pending (checked for $((waited / 2)).$((waited % 2 * 5)) s); acknowledged" \
    "registrations whose audit record is not in the chain exactly once: $not_once of $(wc -l < "$2")"
}
