#!/usr/bin/env bash
# Gateway benchmark: the same GET measured directly against an upstream, through an nginx reverse
# proxy (reference) and through the gateway, in one run, on 127.0.0.1 only. Bounded: about 4 minutes.
#
#   bench/gateway/run.sh            # installs nginx + wrk (apt) if missing, builds the gateway if needed
#   DURATION=20 CONNECTIONS=32 bench/gateway/run.sh
#
# Writes bench/gateway/results/<date>.txt; RESULTS.md quotes a run.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work"
DURATION="${DURATION:-15}"          # seconds per measured run
WARMUP="${WARMUP:-10}"              # seconds of untimed load before each measured run (JIT, pools)
CONNECTIONS="${CONNECTIONS:-32}"    # throughput runs
RATE_CONNECTIONS="${RATE_CONNECTIONS:-10}"  # fixed-rate runs: each connection sends one request every
RATE_DELAY_MS="${RATE_DELAY_MS:-5}"         # RATE_DELAY_MS => about 2000 requests/s in total
SERVICE_MS="${SERVICE_MS:-2}"      # service time of the second upstream (a service doing real work)
SERVICE_CONNECTIONS="${SERVICE_CONNECTIONS:-64}"
GW_PORT_BASE="${GW_PORT_BASE:-18080}"   # its ports: base+0 gateway, +1 upstream, +2 stub, +9 management, +10/+11 nginx
GATEWAY_PORT=$GW_PORT_BASE; UPSTREAM_PORT=$((GW_PORT_BASE + 1)); SERVICE_PORT=$((GW_PORT_BASE + 2))
NGINX_PROXY_PORT=$((GW_PORT_BASE + 10)); NGINX_SERVICE_PROXY_PORT=$((GW_PORT_BASE + 11)); MANAGEMENT_PORT=$((GW_PORT_BASE + 9))

need() { command -v "$1" >/dev/null 2>&1; }
if ! need nginx || ! need wrk || ! need openssl; then
  echo "installing nginx wrk openssl (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk openssl >/dev/null
fi
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ]; then
  # always the current code (a stale jar would measure something else)
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am -DskipTests package)
fi

rm -rf "$WORK"; mkdir -p "$WORK/upstream" "$WORK/proxy" "$HERE/results"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/upstream/nginx.pid" ] && kill "$(cat "$WORK/upstream/nginx.pid")" 2>/dev/null || true
  [ -f "$WORK/proxy/nginx.pid" ] && kill "$(cat "$WORK/proxy/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# --- upstream: nginx answering a fixed JSON body (as a service's GET /api/v1/provinces would) --------
BODY='{"items":[{"code":"IR-07","name":"Tehran","nameFa":"تهران"},{"code":"IR-04","name":"Isfahan","nameFa":"اصفهان"}],"nextCursor":null}'
cat > "$WORK/upstream/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/upstream/nginx.pid;
error_log $WORK/upstream/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT reuseport;
    location / { default_type application/json; return 200 '$BODY'; }
  }
}
CONF
nginx -p "$WORK/upstream" -c "$WORK/upstream/nginx.conf" -e "$WORK/upstream/error.log"

# --- reference: nginx reverse proxy with a keep-alive pool to the upstream -------------------------
cat > "$WORK/proxy/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/proxy/nginx.pid;
error_log $WORK/proxy/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream service { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  upstream slow_service { server 127.0.0.1:$SERVICE_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PROXY_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
  server {
    listen 127.0.0.1:$NGINX_SERVICE_PROXY_PORT;
    location / {
      proxy_pass http://slow_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -e "$WORK/proxy/error.log"

# --- second upstream: a Vert.x stub answering after SERVICE_MS (see ServiceStub.java) ---------------
java -Xmx128m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$HERE/ServiceStub.java" $SERVICE_PORT "$SERVICE_MS" \
  > "$WORK/service-stub.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$SERVICE_PORT/" && break; sleep 0.5; done

# --- gateway: packaged jar, every service pointed at the upstream, tokens checked with a local key --
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY="$(openssl rsa -in "$WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
PAYLOAD=$(printf '{"iss":"https://bench.local/realms/kanoon","aud":"kanoon-api","sub":"bench-user","iat":%d,"exp":%d,"realm_access":{"roles":["ministry-admin"]}}' "$NOW" "$((NOW + 3600))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

# membership (provinces, members) -> the nginx upstream; governance (boards) -> the service stub.
env_services=()
for svc in membership workgroup ideabank networking; do
  env_services+=("KANOON_GATEWAY_SERVICES_${svc^^}_URL=http://127.0.0.1:$UPSTREAM_PORT")
done
env_services+=("KANOON_GATEWAY_SERVICES_GOVERNANCE_URL=http://127.0.0.1:$SERVICE_PORT")
env_services+=("KANOON_GATEWAY_SERVICES_GOVERNANCE_POOL_SIZE=128")
env "${env_services[@]}" \
  QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
  QUARKUS_OIDC_TOKEN_ISSUER=https://bench.local/realms/kanoon \
  KANOON_GATEWAY_RATE_LIMIT_ENABLED=false QUARKUS_OTEL_SDK_DISABLED=true \
  QUARKUS_HTTP_IO_THREADS="$(nproc)" QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="$(nproc)" \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/api/v1/provinces" && break; sleep 0.5
done
curl -fs "http://127.0.0.1:$GATEWAY_PORT/api/v1/provinces" >/dev/null || { tail -50 "$WORK/gateway.log"; exit 1; }
curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT/api/v1/members" >/dev/null \
  || { echo "gateway refused the bench token"; tail -20 "$WORK/gateway.log"; exit 1; }

cat > "$WORK/fixed-rate.lua" <<LUA
-- one request per connection every RATE_DELAY_MS: an open-ish fixed moderate rate
function delay() return $RATE_DELAY_MS end
LUA

OUT="$HERE/results/$(date -u +%Y-%m-%dT%H%M%SZ).txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "nginx: $(nginx -v 2>&1)"; echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "duration ${DURATION}s, warm-up ${WARMUP}s, throughput connections $CONNECTIONS, fixed rate $RATE_CONNECTIONS conns x 1 req/${RATE_DELAY_MS}ms"
} | tee "$OUT"

run() { # name url extra-wrk-args...   (CONNS overrides the throughput connections)
  local name="$1" url="$2"; shift 2
  local conns="${CONNS:-$CONNECTIONS}"
  wrk -t2 -c"$conns" -d"${WARMUP}s" "$@" "$url" >/dev/null
  echo "== throughput: $name"
  wrk -t2 -c"$conns" -d"${DURATION}s" --latency "$@" "$url"
  echo "== fixed rate: $name"
  wrk -t2 -c"$RATE_CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/fixed-rate.lua" "$@" "$url"
}
{
  run "direct (upstream)"        "http://127.0.0.1:$UPSTREAM_PORT/api/v1/provinces"
  run "nginx reverse proxy"      "http://127.0.0.1:$NGINX_PROXY_PORT/api/v1/provinces"
  run "gateway, public route"    "http://127.0.0.1:$GATEWAY_PORT/api/v1/provinces"
  run "gateway, token checked"   "http://127.0.0.1:$GATEWAY_PORT/api/v1/members" -H "Authorization: Bearer $TOKEN"
  CONNS=$SERVICE_CONNECTIONS run "direct (${SERVICE_MS} ms service)"  "http://127.0.0.1:$SERVICE_PORT/api/v1/boards"
  CONNS=$SERVICE_CONNECTIONS run "nginx (${SERVICE_MS} ms service)"   "http://127.0.0.1:$NGINX_SERVICE_PROXY_PORT/api/v1/boards"
  CONNS=$SERVICE_CONNECTIONS run "gateway, token checked (${SERVICE_MS} ms service)" "http://127.0.0.1:$GATEWAY_PORT/api/v1/boards" -H "Authorization: Bearer $TOKEN"
} 2>&1 | tee -a "$OUT"

# Summary: requests/s and median latency per run, ratios against direct.
python3 - "$OUT" "$SERVICE_MS" <<'PY' | tee -a "$OUT"
import re, sys
text = open(sys.argv[1]).read()
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rows = {}
for kind, name, body in re.findall(r"== (throughput|fixed rate): (.*?)\n(.*?)(?=\n== |\Z)", text, re.S):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", body).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", body); p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", body)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", body))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", body))
    total = int(re.search(r"(\d+) requests in", body).group(1))
    rows[(kind, name)] = (rps, ms(*p50.groups()), ms(*p99.groups()), errors, total)
svc = sys.argv[2]
groups = [("direct (upstream)", ["direct (upstream)", "nginx reverse proxy", "gateway, public route", "gateway, token checked"]),
          (f"direct ({svc} ms service)", [f"direct ({svc} ms service)", f"nginx ({svc} ms service)", f"gateway, token checked ({svc} ms service)"])]
print("\n| run | max req/s | vs direct | p50 at fixed rate | added p50 | p99 at fixed rate | failed responses |")
print("|---|---:|---:|---:|---:|---:|---:|")
for direct, names in groups:
    direct_rps = rows[("throughput", direct)][0]
    direct_p50 = rows[("fixed rate", direct)][1]
    for name in names:
        rps, _, _, err1, n1 = rows[("throughput", name)]; _, p50, p99, err2, n2 = rows[("fixed rate", name)]
        print(f"| {name} | {rps:,.0f} | {rps / direct_rps:.0%} | {p50:.3f} ms | {p50 - direct_p50:+.3f} ms | {p99:.3f} ms | {err1 + err2} of {n1 + n2} |")
PY
echo "written: $OUT"
