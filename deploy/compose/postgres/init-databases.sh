#!/usr/bin/env bash
# Runs once, on an empty data directory (docker-entrypoint-initdb.d): one login role and one database per
# service (a service never reads another's tables, conventions "Repository layout"), plus Keycloak's.
# Passwords come from the environment (deploy/compose/.env, never committed); a missing one fails the init.
set -euo pipefail

create() {
  local db="$1" password="$2"
  [ -n "$password" ] || { echo "init-databases: no password for database $db" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v pw="$password" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

# UTF-8 ctype matters: under "C", ideabank's pg_trgm index treats Persian letters as non-word characters.
# pg_trgm is a trusted extension (PostgreSQL 13+), so ideabank's own migration creates it as the database owner.
create membership "${MEMBERSHIP_DB_PASSWORD:-}"
create governance "${GOVERNANCE_DB_PASSWORD:-}"
create workgroup  "${WORKGROUP_DB_PASSWORD:-}"
create ideabank   "${IDEABANK_DB_PASSWORD:-}"
create networking "${NETWORKING_DB_PASSWORD:-}"
create keycloak   "${KEYCLOAK_DB_PASSWORD:-}"
