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
start_node() {
  SPRING_PROFILES_ACTIVE=postgres DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" DB_USER=postgres \
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
