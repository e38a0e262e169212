#!/usr/bin/env bash
# Where the gateway's CPU goes per request, measured the way figure 3 of bench/run runs it, without the
# database: the in-memory upstream (nginx answering a fixed body) and the 2 ms stub, each direct, through nginx
# and through the gateway, in the same minutes; the gateway as production runs it (the suite's JVM flags, rate
# limiting ON with limits raised above the load, BENCH_TOKENS distinct tokens rotating per request).
#
#   bench/gateway/profile.sh                    # ~3 min: table of req/s, ratio, gateway CPU ms per request
#   JFR=1 bench/gateway/profile.sh              # also a JFR of the gateway's in-memory saturation run, a text
#                                               # summary of its hottest frames and a flame graph SVG
#   UPSTREAMS=in-memory TARGETS=gateway bench/gateway/profile.sh   # only what you need while iterating
#   GATEWAY_JAR=/tmp/before/quarkus-run.jar bench/gateway/profile.sh  # another build (compare in the same minutes)
#
# Ports: GW_PORT_BASE (default 18080) +0 gateway, +1 in-memory upstream, +2 stub, +9 management, +10 nginx proxy.
# Writes bench/gateway/results/profile-<date>.txt. Needs nginx, wrk, a packaged gateway
# (./mvnw -B -o -q -pl gateway -am package -DskipTests -DskipE2E).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work/profile"   # bench/gateway/.work is git-ignored
DURATION=${DURATION:-15}; WARMUP=${WARMUP:-10}; CONNECTIONS=${CONNECTIONS:-16}; TOKENS=${TOKENS:-200}
RATE=${RATE:-200}   # open-model requests/s for the latency at a fixed rate, as figure 3 (0: none)
UPSTREAMS=${UPSTREAMS:-in-memory stub}; TARGETS=${TARGETS:-direct nginx gateway}
GW_PORT_BASE=${GW_PORT_BASE:-18080}
GPORT=$GW_PORT_BASE; IPORT=$((GW_PORT_BASE + 1)); SPORT=$((GW_PORT_BASE + 2)); MPORT=$((GW_PORT_BASE + 9)); NPORT=$((GW_PORT_BASE + 10))
# the same flags as bench/lib/stack.sh gives every service (figure 3 measures the gateway with them)
JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=2 -XX:MaxDirectMemorySize=64m}
ISSUER=https://bench.local/realms/kanoon
JAR=${GATEWAY_JAR:-$ROOT/gateway/target/quarkus-app/quarkus-run.jar}   # GATEWAY_JAR: another build, e.g. a copy of the one before a change
[ -f "$JAR" ] || { echo "package the gateway first: $JAR missing" >&2; exit 1; }

rm -rf "$WORK"; mkdir -p "$WORK/nginx" "$HERE/results"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

body='{"items":[{"code":"IR-07","name":"Tehran","nameFa":"تهران"},{"code":"IR-04","name":"Isfahan","nameFa":"اصفهان"}],"nextCursor":null}'
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream stub { server 127.0.0.1:$SPORT; keepalive 64; }
  upstream inmem { server 127.0.0.1:$IPORT; keepalive 64; }
  server {
    listen 127.0.0.1:$IPORT;
    location / { default_type application/json; return 200 '$body'; }
  }
  server {
    listen 127.0.0.1:$NPORT;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /api/v1/boards { proxy_pass http://stub; }
    location / { proxy_pass http://inmem; }
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
java -Xmx64m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$HERE/ServiceStub.java" "$SPORT" 2 > "$WORK/stub.log" 2>&1 &
PIDS+=($!)

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl rsa -in "$WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
java "$ROOT/bench/tools/Tokens.java" "$WORK/key.pem" "$ISSUER" bench-analyst "$TOKENS" '["ministry-analyst"]' > "$WORK/tokens.txt"

GC_OPTS=""; [ "${JFR:-}" = 1 ] && GC_OPTS="-XX:+FlightRecorder"
# shellcheck disable=SC2086
env QUARKUS_HTTP_PORT=$GPORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MPORT \
  QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER \
  QUARKUS_OTEL_SDK_DISABLED=true \
  KANOON_GATEWAY_SERVICES_WORKGROUP_URL=http://127.0.0.1:$IPORT KANOON_GATEWAY_SERVICES_GOVERNANCE_URL=http://127.0.0.1:$SPORT \
  KANOON_GATEWAY_RATE_LIMIT_ENABLED=true KANOON_GATEWAY_RATE_LIMIT_READS_REQUESTS=1000000 \
  KANOON_GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS=1000000 ${GATEWAY_ENV:-} \
  java $JAVA_OPTS $GC_OPTS ${GATEWAY_JAVA_OPTS:-} -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
GPID=$!; PIDS+=($GPID)
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$MPORT/q/health/live" && break; sleep 0.5; done
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$SPORT/" && break; sleep 0.5; done
curl -fs -o /dev/null -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" "http://127.0.0.1:$GPORT/api/v1/working-groups" \
  || { echo "gateway does not answer 200 with a token"; tail -30 "$WORK/gateway.log"; exit 1; }

CLK_TCK=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
OUT="$HERE/results/profile-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" status --porcelain -- gateway | head -1 | sed 's/.*/ (with uncommitted changes)/')${GATEWAY_JAR:+; gateway jar $GATEWAY_JAR}"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS ${DURATION}s after ${WARMUP}s warm-up; $TOKENS rotating tokens; gateway flags: $JAVA_OPTS ${GATEWAY_JAVA_OPTS:-} ${GATEWAY_ENV:-}"
  echo
  echo "| upstream | target | req/s | vs direct | gateway CPU ms/request | closed-loop p50 | open model at $RATE req/s (bench/tools/OpenLoad.java, 10 s) | added p50 |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |"
} | tee "$OUT"
export BENCH_IDS="" BENCH_TOKENS="$WORK/tokens.txt"
for upstream in $UPSTREAMS; do
  if [ "$upstream" = stub ]; then export BENCH_PATH=/api/v1/boards/IR-07; dport=$SPORT; else export BENCH_PATH=/api/v1/working-groups; dport=$IPORT; fi
  direct=""; direct_p50=""
  for target in $TARGETS; do
    case $target in direct) port=$dport ;; nginx) port=$NPORT ;; gateway) port=$GPORT ;; esac
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/tools/rotate.lua" "http://127.0.0.1:$port" > /dev/null
    record=""
    if [ "${JFR:-}" = 1 ] && [ "$target" = gateway ] && [ "$upstream" = in-memory ]; then
      # the JDK's "profile" settings sample every 10 ms: too few samples in 15 s of a starved process; 1 ms here
      sed 's/>10 ms</>1 ms</; s/>20 ms</>1 ms</' "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$WORK/profile-1ms.jfc"
      record="$WORK/gateway.jfr"; jcmd "$GPID" JFR.start name=p settings="$WORK/profile-1ms.jfc" filename="$record" > /dev/null
    fi
    t0=$(ticks $GPID)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/tools/rotate.lua" "http://127.0.0.1:$port" > "$WORK/wrk-$upstream-$target.txt"
    t1=$(ticks $GPID)
    [ -n "$record" ] && jcmd "$GPID" JFR.stop name=p > /dev/null
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/wrk-$upstream-$target.txt")
    reqs=$(awk '/requests in/ {print $1}' "$WORK/wrk-$upstream-$target.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-$upstream-$target.txt")
    p50=$(awk '/p50_ms/ {print $2}' "$WORK/wrk-$upstream-$target.txt")
    [ -n "$direct" ] || direct=$rps
    cpu="—"; [ "$target" = gateway ] && cpu=$(awk -v d=$((t1 - t0)) -v n="$reqs" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d * 1000 / hz / n}')
    open="—"; added="—"
    if [ "$RATE" != 0 ]; then
      open=$(java -Xmx256m "$ROOT/bench/tools/OpenLoad.java" --rate "$RATE" --seconds 10 --warmup 3 --url "http://127.0.0.1:$port$BENCH_PATH" \
        --tokens "$BENCH_TOKENS" 2> /dev/null | tail -1)
      op50=$(sed -n 's/.* p50=\([0-9.]*\) .*/\1/p' <<< "$open")
      [ -n "$direct_p50" ] || direct_p50=$op50
      added=$(awk -v a="$op50" -v b="$direct_p50" 'BEGIN {printf "%+.2f ms", a - b}')
    fi
    echo "| $upstream | $target | $rps${non2xx:+ ($non2xx non-2xx)} | $(awk -v a="$rps" -v b="$direct" 'BEGIN {printf "%.2f", a / b}') | $cpu | $p50 ms | $open | $added |" | tee -a "$OUT"
    if [ -n "$record" ]; then
      svg="$WORK/flame-gateway.svg"
      java -Xmx512m "$ROOT/bench/tools/FlameGraph.java" "$record" "$svg" "$reqs" > "$WORK/flame.txt" 2>&1 || true
      { echo; echo "JFR of the gateway run: $record, flame graph $svg"; head -60 "$WORK/flame.txt"; echo; } >> "$OUT"
    fi
  done
done
grep -E 'WARN|ERROR' "$WORK/gateway.log" | head -5 >> "$OUT" || true
echo "written: $OUT"
