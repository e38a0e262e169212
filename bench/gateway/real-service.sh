#!/usr/bin/env bash
# Gateway vs direct vs nginx in front of the REAL membership-service (PostgreSQL-backed, Keycloak token):
# the closest model of production this machine allows, all in one run, 127.0.0.1 only, about 4 minutes.
# Needs the local stack (deploy/local/kanoon up) with data, e.g. after bench/membership/run.sh. Starts its
# own membership-service (production JVM flags, port 18081, no Keycloak sync, no consumers), gateway
# (18080; rate limiting and OpenTelemetry off as in run.sh) and nginx reverse proxy (18090).
# Ports: REAL_PORT_BASE (18080): +0 gateway, +1 membership-service, +9 gateway management, +10 nginx.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/gateway"
WORK="$HERE/.work-real"
DURATION=${DURATION:-15s}; WARMUP=${WARMUP:-5s}; CONNECTIONS=${CONNECTIONS:-32}; RATE_CONNECTIONS=${RATE_CONNECTIONS:-10}
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
OUT="$HERE/results/real-service-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
B=${REAL_PORT_BASE:-18080}; GW=$B; MS=$((B + 1)); MGMT=$((B + 9)); NG=$((B + 10))
rm -rf "$WORK"; mkdir -p "$WORK" "$HERE/results"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# the packaged jar runs %prod: connections come from the environment, no defaults (here: the local stack's)
env QUARKUS_HTTP_PORT=$MS QUARKUS_HTTP_HOST=127.0.0.1 KANOON_ROLE_SYNC_ENABLED=false KANOON_CONSUMER_ENABLED=false \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:15432/membership QUARKUS_DATASOURCE_USERNAME=kanoon \
  QUARKUS_DATASOURCE_PASSWORD=kanoon KAFKA_BOOTSTRAP_SERVERS=localhost:9092 \
  QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/kanoon KANOON_KEYCLOAK_SYNC_CLIENT_SECRET=unused \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$ROOT/membership-service/target/quarkus-app/quarkus-run.jar" \
  > "$WORK/membership.log" 2>&1 & PIDS+=($!)
env KANOON_GATEWAY_SERVICES_MEMBERSHIP_URL=http://127.0.0.1:$MS QUARKUS_HTTP_PORT=$GW QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_MANAGEMENT_PORT=$MGMT QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/kanoon \
  KANOON_GATEWAY_RATE_LIMIT_ENABLED=false QUARKUS_OTEL_SDK_DISABLED=true \
  QUARKUS_HTTP_IO_THREADS="$(nproc)" QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="$(nproc)" \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" \
  > "$WORK/gateway.log" 2>&1 & PIDS+=($!)
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
daemon on;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream membership { server 127.0.0.1:$MS; keepalive 64; }
  server {
    listen 127.0.0.1:$NG;
    location / { proxy_pass http://membership; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
for port in $MS $GW $NG; do
  for _ in $(seq 1 90); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/provinces" && break; sleep 1; done
done
TOKEN=$(curl -s -d grant_type=password -d client_id=web-app -d username=ministry-analyst -d password=kanoon \
  http://localhost:8180/realms/kanoon/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# run NAME PATH AUTH DELAY_MS: throughput (wrk -c CONNECTIONS), then latency at a fixed rate
# (RATE_CONNECTIONS connections, one request every DELAY_MS each) for direct, nginx and gateway.
run() {
  local name=$1 path=$2 auth=$3 delay=$4 target port
  local hdr=(); [ "$auth" = auth ] && hdr=(-H "Authorization: Bearer $TOKEN")
  printf 'function delay() return %s end\n' "$delay" > "$WORK/rate.lua"
  for target in direct:$MS nginx:$NG gateway:$GW; do
    port=${target#*:}
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${hdr[@]}" "http://127.0.0.1:$port$path" >/dev/null
    echo "== $name | ${target%%:*} | throughput" >> "$OUT"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${hdr[@]}" "http://127.0.0.1:$port$path" >> "$OUT"
    echo "== $name | ${target%%:*} | fixed rate (~$(( RATE_CONNECTIONS * 1000 / delay )) req/s)" >> "$OUT"
    wrk -t2 -c"$RATE_CONNECTIONS" -d"$DURATION" --latency -s "$WORK/rate.lua" "${hdr[@]}" "http://127.0.0.1:$port$path" >> "$OUT"
  done
}
# The service's JIT must be warm before the first measured target, or "direct" (measured first) is
# penalised: 30 s of load on each path first.
wrk -t2 -c"$CONNECTIONS" -d30s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$MS/api/v1/members?province=IR-07&limit=20" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d30s "http://127.0.0.1:$MS/api/v1/provinces" >/dev/null
{ echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1), $(nginx -v 2>&1)"; date -u; } > "$OUT"
run "members (token, database)" "/api/v1/members?province=IR-07&limit=20" auth 20
run "provinces (no token, no database)" "/api/v1/provinces" none 5

# summary: name | target | req/s | p50 at fixed rate
awk '/^== / {split($0, f, " \\| "); name=substr(f[1],4); tgt=f[2]; kind=f[3]}
     /Requests\/sec/ && kind=="throughput" {rps[name"|"tgt]=$2}
     /^ +50%/ && kind ~ /fixed/ {p50[name"|"tgt]=$2}
     END {for (k in rps) printf "%s | %s req/s | p50 at fixed rate %s\n", k, rps[k], p50[k]}' "$OUT" | sort | tee -a "$OUT"
echo "raw output: $OUT"
