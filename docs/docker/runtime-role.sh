#!/bin/sh
# docker-compose.yml: PostgreSQL runs this once, on the database's first start (docker-entrypoint-initdb.d). The
# database's owner (POSTGRES_USER) runs the migrations; the application runs as this runtime role, which Flyway's
# afterMigrate.sql grants DML on our tables: it owns none, so it cannot disable the audit trail's triggers.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="${DB_RUNTIME_USER:-partners_app}" -v password="${DB_RUNTIME_PASSWORD:-partners_app}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL
