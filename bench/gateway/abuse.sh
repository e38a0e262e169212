#!/usr/bin/env bash
# Issue 14, "Gateway under abuse": floods of missing and forged tokens from one address. Before the
# limit per address ran ahead of the token check, 10 s of forged tokens at 16 connections got 52,878
# answers, all 401 and not one 429 (a signature check each). Bounded: about 2 minutes.
#
#   bench/gateway/abuse.sh                   # needs wrk; builds the gateway if its jar is missing
#   DURATION=10 CONNECTIONS=16 bench/gateway/abuse.sh
#
# Writes bench/gateway/results/abuse-<date>.txt: per flood the answers by status and the gateway's
# kanoon_gateway_token_verifications_total (signature checks) before and after.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work-abuse"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
ANON_LIMIT="${ANON_LIMIT:-300}"      # per address and minute (the default); lower it on a starved machine
SERVICE_PORT=18182; GATEWAY_PORT=18180; MANAGEMENT_PORT=18189
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -pl gateway -am -DskipTests package)
rm -rf "$WORK"; mkdir -p "$WORK" "$HERE/results"
OUT="$HERE/results/abuse-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
PIDS=()
cleanup() { for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

java -Xmx128m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$HERE/ServiceStub.java" $SERVICE_PORT 1 \
  > "$WORK/service-stub.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$SERVICE_PORT/" && break; sleep 0.5; done

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/forger.pem" 2>/dev/null
PUBLIC_KEY="$(openssl rsa -in "$WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
PAYLOAD=$(printf '{"iss":"https://bench.local/realms/kanoon","aud":"kanoon-api","sub":"bench-user","iat":%d,"exp":%d}' "$NOW" "$((NOW + 3600))" | b64url)
# well-formed, right issuer and audience, signed with a key the gateway does not trust
FORGED="$HEADER.$PAYLOAD.$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/forger.pem" -binary | b64url)"

env KANOON_GATEWAY_SERVICES_MEMBERSHIP_URL=http://127.0.0.1:$SERVICE_PORT \
  KANOON_GATEWAY_SERVICES_GOVERNANCE_URL=http://127.0.0.1:$SERVICE_PORT \
  KANOON_GATEWAY_SERVICES_WORKGROUP_URL=http://127.0.0.1:$SERVICE_PORT \
  KANOON_GATEWAY_SERVICES_IDEABANK_URL=http://127.0.0.1:$SERVICE_PORT \
  KANOON_GATEWAY_SERVICES_NETWORKING_URL=http://127.0.0.1:$SERVICE_PORT \
  QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
  QUARKUS_OIDC_TOKEN_ISSUER=https://bench.local/realms/kanoon QUARKUS_OTEL_SDK_DISABLED=true \
  KANOON_GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS="$ANON_LIMIT" \
  java -Xms256m -Xmx256m -XX:+UseParallelGC -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/live" && break; sleep 0.5
done

cat > "$WORK/count.lua" <<'LUA'
-- answers by status, summed over wrk's threads
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("status %d: %d\n", k, v)) end
end
LUA
verifications() {
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^kanoon_gateway_token_verifications_total/ {print $2}'
}
# one valid token first: creates the token check (and its counter) and warms the path up
TOKEN="$HEADER.$PAYLOAD.$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT/api/v1/members"
flood() { # name, extra wrk args
  local name="$1"; shift
  local before after
  before=$(verifications)
  echo "== $name: ${DURATION}s at $CONNECTIONS connections from one address" | tee -a "$OUT"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/count.lua" "$@" "http://127.0.0.1:$GATEWAY_PORT/api/v1/members" \
    | grep -E "status|Requests/sec" | tee -a "$OUT"
  after=$(verifications)
  echo "signature checks: $before -> $after" | tee -a "$OUT"
}
{ echo "gateway abuse run $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), limit per address $ANON_LIMIT/min"; } | tee "$OUT"
flood "forged tokens" -H "Authorization: Bearer $FORGED"
sleep 61 # let the address's bucket refill between floods
flood "no token"
echo "results: $OUT"
