#!/usr/bin/env bash
# Gateway vs direct in front of the REAL membership-service (PostgreSQL-backed, Keycloak token), the
# closest model of production this machine allows. Needs the local stack (deploy/local/kanoon up) with
# data (e.g. after bench/membership/run.sh). Starts its own membership-service (production JVM flags,
# port 18081, no Keycloak sync, no consumers) and gateway (port 18080, rate limiting and OpenTelemetry
# off as in run.sh), then runs wrk against each. Only 127.0.0.1 is targeted; about 2 minutes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/gateway"
DURATION=${DURATION:-15s}; WARMUP=${WARMUP:-5s}; CONNECTIONS=${CONNECTIONS:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
OUT="$HERE/results/real-service-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
mkdir -p "$HERE/results"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

env QUARKUS_HTTP_PORT=18081 QUARKUS_HTTP_HOST=127.0.0.1 KANOON_KEYCLOAK_SYNC_ENABLED=false KANOON_CONSUMER_ENABLED=false \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$ROOT/membership-service/target/quarkus-app/quarkus-run.jar" \
  > /tmp/bench-membership.log 2>&1 & PIDS+=($!)
env KANOON_GATEWAY_SERVICES_MEMBERSHIP_URL=http://127.0.0.1:18081 QUARKUS_HTTP_PORT=18080 QUARKUS_HTTP_HOST=127.0.0.1 \
  KANOON_GATEWAY_RATE_LIMIT_ENABLED=false QUARKUS_OTEL_SDK_DISABLED=true \
  QUARKUS_HTTP_IO_THREADS="$(nproc)" QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="$(nproc)" \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" \
  > /tmp/bench-gateway.log 2>&1 & PIDS+=($!)
for port in 18081 18080; do
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
done
TOKEN=$(curl -s -d grant_type=password -d client_id=web-app -d username=ministry-analyst -d password=kanoon \
  http://localhost:8180/realms/kanoon/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

run() { # name url [auth]
  local args=(-t2 -c"$CONNECTIONS" --latency)
  [ "${3:-}" = auth ] && args+=(-H "Authorization: Bearer $TOKEN")
  wrk "${args[@]}" -d"$WARMUP" "$2" >/dev/null
  echo "== $1: $2" | tee -a "$OUT"
  wrk "${args[@]}" -d"$DURATION" "$2" | tee -a "$OUT" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
}
{ echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)"; date -u; } > "$OUT"
run "direct: members (token, database)" "http://127.0.0.1:18081/api/v1/members?province=IR-07&limit=20" auth
run "gateway: members (token, database)" "http://127.0.0.1:18080/api/v1/members?province=IR-07&limit=20" auth
run "direct: provinces (no token, no database)" "http://127.0.0.1:18081/api/v1/provinces"
run "gateway: provinces (no token, no database)" "http://127.0.0.1:18080/api/v1/provinces"
echo "raw output: $OUT"
