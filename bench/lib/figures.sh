# Sourced by bench/run: one function per figure of issue 13. Each appends a section to $REPORT.
# Conventions: $1 of wrk_run is a label; wrk output goes to $BENCH_WORK/logs; figures in the report carry
# their method, their same-run reference and the load average.

MEMBERSHIP_PID=""
KAFKA_STARTED=""

ensure_kafka() { [ -n "$KAFKA_STARTED" ] || { kafka_start; KAFKA_STARTED=1; }; }

# membership-service with BENCH data (started once, reused by read/write/scale/footprint)
ensure_membership() {
  # started already (e.g. by the footprint figure): the tokens may still be those of an earlier run, expired
  [ -n "$MEMBERSHIP_PID" ] && kill -0 "$MEMBERSHIP_PID" 2>/dev/null && { ensure_tokens; return 0; }
  ensure_kafka
  service_start membership-service
  MEMBERSHIP_PID=$SERVICE_PID; MEMBERSHIP_READY_S=$SERVICE_READY_S
  MEMBERSHIP_URL="http://127.0.0.1:$(service_port membership-service)"
  local count
  count=$(bsql membership -c "SELECT count(*) FROM member")
  if [ "$count" -lt "$MEMBERS" ]; then
    log "generating $MEMBERS members (once; kept in $BENCH_WORK/data)"
    bsql membership -c "TRUNCATE member, application CASCADE"
    sed "s/1000000/$MEMBERS/g" "$HERE/membership/generate.sql" | bsql membership > /dev/null
  fi
  [ -s "$BENCH_WORK/member-ids.txt" ] && [ "$count" -ge "$MEMBERS" ] \
    || bsql membership -c "SELECT id FROM member TABLESAMPLE SYSTEM (1) LIMIT 5000" > "$BENCH_WORK/member-ids.txt"
  ensure_tokens
}

# $TOKENS distinct tokens per role, minted once per run (they expire after two hours): ministry analysts (national
# reads) and IR-07's secretariat (provincial staff)
ensure_tokens() {
  if [ -z "${TOKENS_MINTED:-}" ]; then
    log "minting $TOKENS tokens"; TOKENS_MINTED=1
    java "$HERE/tools/Tokens.java" "$BENCH_WORK/key.pem" "$BENCH_ISSUER" bench-analyst "$TOKENS" '["ministry-analyst"]' > "$BENCH_WORK/tokens-analyst.txt"
    java "$HERE/tools/Tokens.java" "$BENCH_WORK/key.pem" "$BENCH_ISSUER" bench-secretariat "$TOKENS" '["secretariat"]' '"province":"IR-07"' \
      > "$BENCH_WORK/tokens-secretariat.txt"
  fi
}

# wrk_run LABEL PID URL [wrk args...]: saturation run with the rotating-token script; sets RPS, REQS, CPU_MS
# (CPU milliseconds of process PID per request), PG_CPU_MS (PostgreSQL's), P50/P99 (closed-loop, indicative)
wrk_run() {
  local label=$1 pid=$2 url=$3; shift 3
  local t0 p0 t1 p1 out
  out="$BENCH_WORK/logs/wrk-$label.txt"
  t0=$(cpu_ticks "$pid"); p0=$(cpu_ticks_tree "$(pg_pid)")
  wrk -t$(( CONNECTIONS < 2 ? CONNECTIONS : 2 )) -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "$out" 2>&1
  t1=$(cpu_ticks "$pid"); p1=$(cpu_ticks_tree "$(pg_pid)")
  RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out")
  REQS=$(awk '/requests in/ {print $1}' "$out")
  NON2XX=$(awk '/Non-2xx/ {print $5}' "$out"); NON2XX=${NON2XX:-0}
  CPU_MS=$(awk -v d=$((t1 - t0)) -v n="$REQS" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d * 1000 / hz / n}')
  PG_CPU_MS=$(awk -v d=$((p1 - p0)) -v n="$REQS" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d * 1000 / hz / n}')
  P50=$(awk '$1 == "50%" {print $2}' "$out"); P99=$(awk '$1 == "99%" {print $2}' "$out")
}

# pgbench_run LABEL DB SCRIPT: sets TPS and PG_CPU_MS (PostgreSQL CPU per transaction)
pgbench_run() {
  local label=$1 db=$2 script=$3 p0 p1 out
  out="$BENCH_WORK/logs/pgbench-$label.txt"
  p0=$(cpu_ticks_tree "$(pg_pid)")
  PGPASSWORD=kanoon pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U kanoon -n -M prepared -c "$CONNECTIONS" -j 2 \
    -T "$DURATION" -f "$script" "$db" > "$out" 2>&1 || { cat "$out" >&2; die "pgbench $label failed"; }
  p1=$(cpu_ticks_tree "$(pg_pid)")
  TPS=$(awk '/^tps = / {printf "%.0f", $3}' "$out")
  local n; n=$(awk '/number of transactions actually processed/ {print $6}' "$out")
  PG_CPU_MS=$(awk -v d=$((p1 - p0)) -v n="$n" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d * 1000 / hz / n}')
}

# open_run LABEL RATE URL [OpenLoad args]: constant arrival rate latency; sets OPEN (its summary line)
open_run() {
  local label=$1 rate=$2 url=$3; shift 3
  OPEN=$(java -Xmx256m "$HERE/tools/OpenLoad.java" --rate "$rate" --seconds "$DURATION" --warmup 3 --url "$url" "$@" \
    2> "$BENCH_WORK/logs/open-$label.err" | tail -1) || true
  # the JDK-HttpClient generator shares the 2 cores with the service: at thousands/s it falls behind, queues and can
  # run out of memory; then the row says so instead of ending the whole run
  [ -n "$OPEN" ] || OPEN="not measured: the load generator could not sustain $rate/s here ($(grep -m1 -o 'OutOfMemoryError\|Exception[^ ]*' "$BENCH_WORK/logs/open-$label.err" | head -1 || echo 'no output'))"
  echo "$OPEN" > "$BENCH_WORK/logs/open-$label.txt"
}

# warm_up URL [wrk args]: load until WARMUP_REQUESTS have been served (the JIT compiles after thousands of calls; on
# a loaded machine a fixed number of seconds can be a few hundred requests, all interpreted) or WARMUP_MAX seconds
warm_up() {
  local url=$1; shift
  local served=0 start=$SECONDS n prev=0 chunks=0
  # Until the JIT has settled: at least WARMUP_REQUESTS served AND two chunks in a row within 5 % of each other's
  # throughput (the full tiered JIT keeps compiling long after 20,000 requests: figure 1 once measured 3,100 req/s
  # after one chunk where the same service answered 6,600 req/s in figure 3, warm); WARMUP_MAX bounds it.
  while [ $((SECONDS - start)) -lt "${WARMUP_MAX:-150}" ]; do
    n=$(wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" 2>&1 | awk '/requests in/ {print $1}')
    n=${n:-0}; served=$((served + n)); chunks=$((chunks + 1))
    if [ "$served" -ge "${WARMUP_REQUESTS:-20000}" ] && [ "$prev" -gt 0 ] \
      && awk -v a="$n" -v b="$prev" 'BEGIN { d = (a - b) / b; exit !(d < 0.05 && d > -0.05) }'; then
      break
    fi
    prev=$n
  done
  WARMED="$served requests in $((SECONDS - start)) s ($chunks chunks of ${WARMUP} s; the last two within 5 % unless WARMUP_MAX ended it)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v g="$2" -v dir="${3:-ge}" 'BEGIN {ok = dir == "ge" ? v >= g : v <= g; print ok ? "met" : "**not met**"}'; }

# ---------------------------------------------------------------------------------------------- 1 read
figure_read() {
  ensure_membership
  local url="$MEMBERSHIP_URL/api/v1/members/{id}" load
  cat > "$BENCH_WORK/read.sql" <<SQL
\set n random(1, $MEMBERS)
SELECT * FROM member WHERE id = (lpad(to_hex((1800000000000 + :n)::bigint), 12, '0') || '70008000' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
SQL
  export BENCH_PATH="/api/v1/members/{id}" BENCH_IDS="$BENCH_WORK/member-ids.txt" BENCH_TOKENS="$BENCH_WORK/tokens-analyst.txt"
  curl -fs -o /dev/null -H "Authorization: Bearer $(head -1 "$BENCH_TOKENS")" "$MEMBERSHIP_URL/api/v1/members/$(head -1 "$BENCH_IDS")" \
    || die "the read does not answer 200: $(curl -s -H "Authorization: Bearer $(head -1 "$BENCH_TOKENS")" "$MEMBERSHIP_URL/api/v1/members/$(head -1 "$BENCH_IDS")")"
  warm_up "$MEMBERSHIP_URL" -s "$HERE/tools/rotate.lua"
  load=$(loadavg)
  pgbench_run read-ref membership "$BENCH_WORK/read.sql"; local tps1=$TPS pgref_cpu=$PG_CPU_MS
  if [ "${PROFILE:-}" = 1 ]; then jfr_start "$MEMBERSHIP_PID" read; fi
  wrk_run read "$MEMBERSHIP_PID" "$MEMBERSHIP_URL" -s "$HERE/tools/rotate.lua"
  local rps=$RPS cpu=$CPU_MS pgcpu=$PG_CPU_MS p50=$P50 p99=$P99 non2xx=$NON2XX reqs=$REQS
  if [ "${PROFILE:-}" = 1 ]; then jfr_stop "$MEMBERSHIP_PID" read "$reqs"; fi
  pgbench_run read-ref2 membership "$BENCH_WORK/read.sql"; local tps2=$TPS
  local tps; tps=$(( (tps1 + tps2) / 2 ))
  local rate; rate=$(( rps / 2 > 1 ? rps / 2 : 1 ))
  open_run read "$rate" "$url" --ids "$BENCH_IDS" --tokens "$BENCH_TOKENS"
  local rss; rss=$(rss_mb "$MEMBERSHIP_PID")
  READ_RSS_AFTER=$rss
  local r; r=$(ratio "$rps" "$tps")
  cat >> "$REPORT" <<MD
## 1. Read: \`GET /api/v1/members/{id}\` vs pgbench — ratio **$r** (goal ≥ 0.5: $(verdict "$r" 0.5))

Load average before: $load. Warm-up: $WARMED. $MEMBERS members; random ids from a sample of 5,000; $TOKENS distinct ministry-analyst tokens.

| run | throughput | CPU per request | PostgreSQL CPU per request | latency |
| --- | ---: | ---: | ---: | --- |
| service, wrk -c$CONNECTIONS ${DURATION}s (saturation) | $rps req/s ($non2xx non-2xx) | $cpu ms (service JVM) | $pgcpu ms | closed-loop p50 $p50, p99 $p99 |
| pgbench -c$CONNECTIONS -M prepared, same primary-key SELECT (before / after the service run) | $tps1 / $tps2 tps | — | $pgref_cpu ms | |
| service at a constant $rate req/s (open model, OpenLoad) | | | | $OPEN |

Ratio = service req/s ÷ mean pgbench tps = $rps ÷ $tps. RSS of the service after this load: **$rss MB** (goal < 300 MB).
MD
  [ "${PROFILE:-}" = 1 ] && echo "Profile of the measured run: $JFR_NOTE" >> "$REPORT"
  echo >> "$REPORT"
}

# JFR during a measured run; the flame graph SVG and a text summary go beside the results.
jfr_start() { jcmd "$1" JFR.start name=bench settings=profile filename="$BENCH_WORK/$2.jfr" > /dev/null; }
jfr_stop() {
  jcmd "$1" JFR.stop name=bench > /dev/null
  local svg="$HERE/results/flame-$2-$(date -u +%Y%m%d)-$COMMIT.svg"
  java -Xmx512m "$HERE/tools/FlameGraph.java" "$BENCH_WORK/$2.jfr" "$svg" "$3" > "$BENCH_WORK/logs/flame-$2.txt" 2>&1 || true
  JFR_NOTE="[$(basename "$svg")]($(basename "$svg")); $(head -1 "$BENCH_WORK/logs/flame-$2.txt")"
}

# ---------------------------------------------------------------------------------------------- 2 write
figure_write() {
  ensure_membership
  local load nid_base
  # the reference: the two inserts the issue names (the application row and its outbox row) in one transaction
  cat > "$BENCH_WORK/write.sql" <<'SQL'
\set n random(1, 2000000000)
BEGIN;
INSERT INTO application (id, version, province, status, applicant_subject, category, sector, first_name, last_name,
  national_id, birth_date, mobile, city, expertise, created_at, updated_at)
VALUES (gen_random_uuid(), 0, 'IR-07', 'SUBMITTED', 'pgbench-' || :n, 'ENTREPRENEUR', 'INDUSTRIAL', 'مریم', 'کریمی',
  lpad((:n % 10000000000)::text, 10, '0'), date '1985-08-02', '09121234567', 'تهران', ARRAY['کارآفرینی'], now(), now());
INSERT INTO outbox_event (id, topic, aggregate_id, event_type, payload)
VALUES (gen_random_uuid(), 'kanoon.pgbench.events', :n::text, 'ir.kanoon.membership.application.submitted.v1',
  '{"specversion":"1.0","source":"/kanoon/membership","type":"ir.kanoon.membership.application.submitted.v1","data":{"province":"IR-07","category":"ENTREPRENEUR"}}');
END;
SQL
  export BENCH_TOKENS="$BENCH_WORK/tokens-secretariat.txt"
  nid_base=$(( 100000000 + ($(date +%s) % 50) * 10000000 ))   # fresh national IDs every run (one-person rule)
  BENCH_NID_BASE=$nid_base WARMUP_REQUESTS=${WARMUP_WRITES:-5000} warm_up "$MEMBERSHIP_URL" -s "$HERE/tools/applications.lua"
  load=$(loadavg)
  pgbench_run write-ref membership "$BENCH_WORK/write.sql"; local tps=$TPS pgref_cpu=$PG_CPU_MS
  if [ "${PROFILE:-}" = 1 ]; then jfr_start "$MEMBERSHIP_PID" write; fi
  BENCH_NID_BASE=$((nid_base + 500000000)) wrk_run write "$MEMBERSHIP_PID" "$MEMBERSHIP_URL" -s "$HERE/tools/applications.lua"
  if [ "${PROFILE:-}" = 1 ]; then jfr_stop "$MEMBERSHIP_PID" write "$REQS"; fi
  local rps=$RPS r; r=$(ratio "$RPS" "$tps")
  local rate=$(( RPS / 2 > 1 ? RPS / 2 : 1 ))
  open_run write "$rate" "$MEMBERSHIP_URL/api/v1/applications" --tokens "$BENCH_TOKENS" --post-applications IR-07
  # pgbench's rows stay (distinct subjects, harmless). Deleting them once took minutes at 1,000,000 members: the
  # check of member.application_id scanned every member per deleted row (index member_application since V3)
  cat >> "$REPORT" <<MD
## 2. Write: \`POST /api/v1/applications\` vs pgbench — ratio **$r** (goal ≥ 0.4: $(verdict "$r" 0.4))

Load average before: $load. Warm-up: $WARMED. Each POST by a provincial secretariat (filing on the applicant's behalf) with a fresh valid
national ID: validation, the one-person check (a SELECT), the application insert, a history row and the outbox row,
one transaction. The reference (pgbench, same connections) runs the two inserts the issue names — the
application row and its outbox row — in one transaction.

| run | throughput | CPU per request | PostgreSQL CPU per request | latency |
| --- | ---: | ---: | ---: | --- |
| service, wrk -c$CONNECTIONS ${DURATION}s | $rps req/s ($NON2XX non-2xx) | $CPU_MS ms | $PG_CPU_MS ms | closed-loop p50 $P50, p99 $P99 |
| pgbench, application + outbox insert in one transaction | $tps tps | — | $pgref_cpu ms | |
| service at a constant $rate req/s (open model) | | | | $OPEN |

MD
  [ "${PROFILE:-}" = 1 ] && printf 'Profile of the measured run: %s\n\n' "$JFR_NOTE" >> "$REPORT"
  return 0
}

# ---------------------------------------------------------------------------------------------- 4 events
figure_events() {
  ensure_kafka
  local rate=${EVENTS_RATE:-100} seconds=${EVENTS_SECONDS:-30} load
  [ -n "$MEMBERSHIP_PID" ] || ensure_membership
  service_start networking-service; local npid=$SERVICE_PID
  # member.admitted events written into membership's outbox at a constant rate by pgbench -R (open model), one
  # per transaction, exactly as membership writes them; membership's relay publishes them, networking's directory
  # consumer projects them. Event id = member id, so networking's processed_event (processed_at: the consumer's
  # transaction) joins its directory_entry (as_of: the event time = the insert's clock_timestamp()).
  cat > "$BENCH_WORK/events.sql" <<'SQL'
\set n random(1, 2000000000)
INSERT INTO outbox_event (id, topic, aggregate_id, event_type, payload)
SELECT m, 'kanoon.membership.events', m::text, 'ir.kanoon.membership.member.admitted.v1',
  json_build_object('specversion', '1.0', 'id', m, 'source', '/kanoon/membership', 'type', 'ir.kanoon.membership.member.admitted.v1',
    'subject', m, 'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'datacontenttype', 'application/json', 'provincecode', 'IR-07',
    'data', json_build_object('memberId', m, 'membershipNumber', 'IR-07-1405-' || :n, 'userId', 'bench-' || :n,
      'province', 'IR-07', 'category', 'ENTREPRENEUR', 'sector', 'INDUSTRIAL', 'displayName', 'مریم کریمی ' || :n,
      'expertise', json_build_array('کارآفرینی'), 'status', 'ACTIVE'))::text
FROM (SELECT gen_random_uuid() AS m) x;
SQL
  local since; since=$(bsql networking -c "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US+00')")
  # warm-up (consumer joined, JIT) then the measured window
  PGPASSWORD=kanoon pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U kanoon -n -c 2 -j 1 -R "$rate" -T 10 -f "$BENCH_WORK/events.sql" membership \
    > "$BENCH_WORK/logs/pgbench-events-warmup.txt" 2>&1
  # Wait until the consumer has caught up with ALL of the warm-up, not just its first event: a freshly started
  # networking reads membership's topic from the beginning (every event the other figures wrote), and a window
  # measured during that catch-up measured the backlog, not the path (p95 8 s at 05:11Z: the first window's events
  # waited 20 s for the group to join and read ~20,000 older records; 7–66 ms once caught up)
  local warm i; warm=$(awk '/actually processed/ {print $6}' "$BENCH_WORK/logs/pgbench-events-warmup.txt")
  for i in $(seq 1 180); do
    [ "$(bsql networking -c "SELECT count(*) FROM directory_entry WHERE as_of >= '$since'")" -ge "${warm:-1}" ] && break; sleep 1; done
  sleep 2
  since=$(bsql networking -c "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US+00')")
  load=$(loadavg)
  PGPASSWORD=kanoon pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U kanoon -n -c 2 -j 1 -R "$rate" -T "$seconds" -f "$BENCH_WORK/events.sql" membership > "$BENCH_WORK/logs/pgbench-events.txt" 2>&1
  local expected; expected=$(awk '/actually processed/ {print $6}' "$BENCH_WORK/logs/pgbench-events.txt")
  for i in $(seq 1 60); do
    [ "$(bsql networking -c "SELECT count(*) FROM directory_entry WHERE as_of >= '$since'")" -ge "$expected" ] && break; sleep 1; done
  local stats; stats=$(bsql networking -F ' ' -c "
    WITH l AS (SELECT extract(epoch FROM p.processed_at - d.as_of) * 1000 AS ms
               FROM directory_entry d JOIN processed_event p ON p.event_id = d.member_id::text
               WHERE d.as_of >= '$since')
    SELECT count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
           round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 1),
           round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1), round(max(ms)::numeric, 1) FROM l")
  read -r n p50 p95 p99 max <<< "$stats"
  # where membership's relay spent its batches (OutboxRelayService's kanoon_outbox_relay_* meters, p50/p90/p99 over
  # their last two minutes: the measured window and the end of the warm-up)
  local phases; phases=$(curl -s "$MEMBERSHIP_URL/q/metrics" | awk '
    /^kanoon_outbox_relay_(phase_seconds|wait_seconds)\{/ && /quantile=/ {
      match($0, /phase="[^"]*"/); ph = RSTART ? substr($0, RSTART + 7, RLENGTH - 8) : "wait";
      match($0, /quantile="[^"]*"/); q = substr($0, RSTART + 10, RLENGTH - 11);
      v[ph, q] = sprintf("%.1f", $NF * 1000); seen[ph] = 1 }
    /^kanoon_outbox_relay_batch_events\{/ && /quantile=/ {
      match($0, /quantile="[^"]*"/); q = substr($0, RSTART + 10, RLENGTH - 11); ev[q] = $NF }
    END { for (ph in seen) printf "%s %s/%s/%s ms; ", ph, v[ph, "0.5"], v[ph, "0.9"], v[ph, "0.99"];
          printf "events per batch %s/%s/%s", ev["0.5"], ev["0.9"], ev["0.99"] }')
  cat >> "$REPORT" <<MD
## 4. Events: member admitted in membership → in networking's directory — p95 **$p95 ms**, p99 **$p99 ms** (goals < 100 / < 250 ms: $(verdict "$p95" 100 le) / $(verdict "$p99" 250 le))

Load average before: $load. $n of $expected \`member.admitted\` events at a constant $rate/s for ${seconds}s (pgbench -R, open
model) inserted into membership's outbox, one transaction each, as membership writes them; membership's relay
(Kafka transactions) publishes them; networking's directory consumer projects each in its own transaction.
Latency = networking's \`processed_event.processed_at\` (the consumer's transaction start, just before its commit)
− the event's time (\`clock_timestamp()\` at the insert, just before the commit); one PostgreSQL clock for both.
p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms. Reference: the outbox figure (7) is the relay leg alone.
Membership's relay per batch, p50/p90/p99 (\`kanoon_outbox_relay_*\`: wait = the oldest row's time in the table before
its batch was selected; select; send; kafka-commit; db-commit): ${phases:-not exposed}.

MD
  service_stop "$npid"
}

# ---------------------------------------------------------------------------------------------- 3 gateway
figure_gateway() {
  ensure_membership
  local gport mport iport sport nport
  gport=$(service_port gateway); mport=$(service_port membership-service)
  nport=$BENCH_NGINX_PORT; iport=$((BENCH_PORT_BASE + 11)); sport=$((BENCH_PORT_BASE + 12))
  command -v nginx > /dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq nginx-light > /dev/null; } || true
  local have_nginx=""; command -v nginx > /dev/null && have_nginx=1
  [ -f "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" ] || die "gateway jar missing"
  # three upstreams, as the issue asks: in-memory (nginx answering a fixed body: the proxy's own cost alone), a
  # 2 ms service (Vert.x timer stub: a service doing real work without using CPU) and the real membership-service
  # (token check + PostgreSQL). The gateway routes working-groups → in-memory, boards → stub, members → real.
  mkdir -p "$BENCH_WORK/nginx"
  local body='{"items":[{"code":"IR-07","name":"Tehran","nameFa":"تهران"},{"code":"IR-04","name":"Isfahan","nameFa":"اصفهان"}],"nextCursor":null}'
  if [ -n "$have_nginx" ]; then
    cat > "$BENCH_WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $BENCH_WORK/nginx/nginx.pid;
error_log $BENCH_WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream membership { server 127.0.0.1:$mport; keepalive 64; }
  upstream stub { server 127.0.0.1:$sport; keepalive 64; }
  upstream inmem { server 127.0.0.1:$iport; keepalive 64; }
  server {
    listen 127.0.0.1:$iport;
    location / { default_type application/json; return 200 '$body'; }
  }
  server {
    listen 127.0.0.1:$nport;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /api/v1/members { proxy_pass http://membership; }
    location /api/v1/boards { proxy_pass http://stub; }
    location / { proxy_pass http://inmem; }
  }
}
CONF
    nginx -p "$BENCH_WORK/nginx" -c "$BENCH_WORK/nginx/nginx.conf" -e "$BENCH_WORK/nginx/error.log"
  else
    log "nginx missing (apt-get install nginx-light as root): no in-memory upstream and no nginx reference"
  fi
  java -Xmx64m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$HERE/gateway/ServiceStub.java" "$sport" "${GATEWAY_SERVICE_MS:-2}" \
    > "$BENCH_WORK/logs/service-stub.log" 2>&1 &
  remember $! service-stub
  local i; for i in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$sport/" && break; sleep 0.5; done
  # production-like: rate limiting ON with every limit raised above what the load's clients send (the buckets are
  # still consulted on every request), many distinct tokens
  service_start gateway KANOON_GATEWAY_SERVICES_MEMBERSHIP_URL="$MEMBERSHIP_URL" \
    KANOON_GATEWAY_SERVICES_GOVERNANCE_URL="http://127.0.0.1:$sport" KANOON_GATEWAY_SERVICES_WORKGROUP_URL="http://127.0.0.1:$iport" \
    KANOON_GATEWAY_RATE_LIMIT_ENABLED=true KANOON_GATEWAY_RATE_LIMIT_READS_REQUESTS=1000000 \
    KANOON_GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS=1000000
  local gpid=$SERVICE_PID
  export BENCH_IDS="$BENCH_WORK/member-ids.txt" BENCH_TOKENS="$BENCH_WORK/tokens-analyst.txt"
  local load; load=$(loadavg)
  local rows="" upstream path direct target port rate=${GATEWAY_RATE:-200}
  local -A dport=([in-memory]=$iport [stub]=$sport [real]=$mport)
  local -A upath=([in-memory]=/api/v1/working-groups [stub]=/api/v1/boards/IR-07 [real]='/api/v1/members/{id}')
  local -A gw_ratio nginx_ratio added_gw added_nginx
  for upstream in in-memory stub real; do
    [ "$upstream" = in-memory ] && [ -z "$have_nginx" ] && continue
    path=${upath[$upstream]}; export BENCH_PATH=$path
    local direct_rps="" direct_p50=""
    # the real service's JIT first (as figure 1 does), or "direct", measured first, is measured interpreted
    [ "$upstream" = real ] && warm_up "http://127.0.0.1:$mport" -s "$HERE/tools/rotate.lua"
    for target in direct:${dport[$upstream]} nginx:$nport gateway:$gport; do
      [ "${target%%:*}" = nginx ] && [ -z "$have_nginx" ] && continue
      port=${target#*:}
      WARMUP=${WARMUP_GATEWAY_S:-5} WARMUP_REQUESTS=${WARMUP_GATEWAY:-5000} WARMUP_MAX=30 warm_up "http://127.0.0.1:$port" -s "$HERE/tools/rotate.lua"
      # 15 s per saturation run by default: nine of them, and the default bench/run must stay under 30 minutes
      DURATION=${GATEWAY_DURATION:-$(( DURATION < 15 ? DURATION : 15 ))} wrk_run "gw-$upstream-${target%%:*}" "$gpid" "http://127.0.0.1:$port" -s "$HERE/tools/rotate.lua"
      DURATION=${GATEWAY_OPEN_SECONDS:-10} open_run "gw-$upstream-${target%%:*}" "$rate" "http://127.0.0.1:$port$path" --ids "$BENCH_IDS" --tokens "$BENCH_TOKENS"
      local p50o; p50o=$(sed -n 's/.* p50=\([0-9.]*\) .*/\1/p' <<< "$OPEN")
      [ -n "$direct_rps" ] || { direct_rps=$RPS; direct_p50=$p50o; }
      local r added; r=$(ratio "$RPS" "$direct_rps"); added=$(awk -v a="$p50o" -v b="$direct_p50" 'BEGIN {printf "%+.2f", a - b}')
      [ "${target%%:*}" = gateway ] && { gw_ratio[$upstream]=$r; added_gw[$upstream]=$added; }
      [ "${target%%:*}" = nginx ] && { nginx_ratio[$upstream]=$r; added_nginx[$upstream]=$added; }
      local gwcpu="—"; [ "${target%%:*}" = gateway ] && gwcpu="$CPU_MS ms"
      rows+="| $upstream \`${path}\` | ${target%%:*} | $RPS req/s ($NON2XX non-2xx) | $r | $gwcpu | $OPEN | $added ms |"$'\n'
    done
  done
  [ -n "$have_nginx" ] && kill "$(cat "$BENCH_WORK/nginx/nginx.pid")" 2>/dev/null || true
  service_stop "$gpid"
  local verdicts="" u
  for u in in-memory stub real; do
    [ -n "${gw_ratio[$u]:-}" ] || continue
    verdicts+="- $u: gateway **${gw_ratio[$u]}** of direct (≥ 0.8: $(verdict "${gw_ratio[$u]}" 0.8))"
    [ -n "${nginx_ratio[$u]:-}" ] && verdicts+=", nginx ${nginx_ratio[$u]} (gateway within 5 points: $(verdict "$(awk -v g="${gw_ratio[$u]}" -v n="${nginx_ratio[$u]}" 'BEGIN {printf "%.2f", n - g}')" 0.05 le))"
    verdicts+="; added p50 at $rate req/s: gateway ${added_gw[$u]} ms (< 0.5 ms: $(verdict "${added_gw[$u]}" 0.5 le))${added_nginx[$u]:+, nginx ${added_nginx[$u]} ms}"$'\n'
  done
  cat >> "$REPORT" <<MD
## 3. Gateway vs direct and vs nginx, on three upstreams (in-memory, 2 ms stub, real membership-service)

Load average before: $load. Each upstream measured direct, through nginx (reverse proxy, keep-alive pool) and through
the gateway, in the same minutes: saturation (wrk -c$CONNECTIONS ${GATEWAY_DURATION:-$(( DURATION < 15 ? DURATION : 15 ))}s, closed loop) then a constant $rate req/s
(OpenLoad, open model: latency from the due time, ${GATEWAY_OPEN_SECONDS:-10}s). Gateway as in production: rate limiting ON
(reads and anonymous limits raised to 1,000,000/min so the load's clients are not refused), $TOKENS distinct
ministry-analyst tokens rotating per request (the gateway verifies each), OpenTelemetry off. Upstreams: in-memory =
nginx returning a fixed JSON body; stub = Vert.x answering after ${GATEWAY_SERVICE_MS:-2} ms (bench/gateway/ServiceStub.java);
real = membership-service \`GET /api/v1/members/{id}\` over $MEMBERS members. Goals: gateway ≥ 0.8 of direct, within 5 points
of nginx's ratio on every upstream, added p50 < 0.5 ms at a fixed rate.

$verdicts
| upstream | target | throughput | vs direct | gateway CPU per request | open-model latency at $rate req/s | added p50 |
| --- | --- | ---: | ---: | ---: | --- | ---: |
$rows
MD
}

# ---------------------------------------------------------------------------------------------- 5 scale
figure_scale() {
  ensure_membership
  export BENCH_IDS="" BENCH_TOKENS="$BENCH_WORK/tokens-analyst.txt"
  local load; load=$(loadavg)
  local q='%DA%A9%D8%A7%D8%B1%D8%A2%D9%81%D8%B1%DB%8C%D9%86%DB%8C'   # کارآفرینی: 2 % of members (~640 in IR-07)
  local rare='%D8%AA%D8%AE%D8%B5%D8%B51999'                       # تخصص1999: 0.05 % (16 in IR-07), its trigrams in every row
  # warm-up until the JIT has compiled the search and listing path (WARMUP_REQUESTS or WARMUP_MAX, as the other
  # figures): 10 s of searches were ~200 requests on a loaded machine, and the figures then measured the interpreter
  BENCH_PATH="/api/v1/members?q=$q&province=IR-07" warm_up "$MEMBERSHIP_URL" -s "$HERE/tools/rotate.lua"
  # page 1,000's cursor: the platform's cursor is base64url(last id of the previous page), so it is computed in SQL
  # (the 19,980th IR-07 member by id) instead of walking 999 pages (which took minutes on a loaded machine)
  local cursor
  cursor=$(bsql membership -c "SELECT id FROM member WHERE province = 'IR-07' ORDER BY id OFFSET 19979 LIMIT 1" \
    | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '=')
  # one row per measurement: label, path, goal column; each row carries the service's and PostgreSQL's CPU per
  # request (robust to the shared machine's noise, unlike the latencies of a closed loop)
  local rows="" label path goal p50 p95 p1_p50=""
  for spec in "scale-search|/api/v1/members?q=$q&province=IR-07|member search \`?q=کارآفرینی&province=IR-07\` (common term)|20" \
              "scale-search-rare|/api/v1/members?q=$rare&province=IR-07|member search \`?q=تخصص1999&province=IR-07\` (rare term)|20" \
              "scale-page1|/api/v1/members?province=IR-07&limit=20|listing \`?province=IR-07&limit=20\`, page 1|20" \
              "scale-page1000|/api/v1/members?province=IR-07&limit=20&cursor=$cursor|same, page 1,000 (keyset cursor)|page"; do
    IFS='|' read -r label path title goal <<< "$spec"
    BENCH_PATH="$path" wrk_run "$label" "$MEMBERSHIP_PID" "$MEMBERSHIP_URL" -s "$HERE/tools/rotate.lua"
    p95=$(awk '/p95_ms/ {print $2}' "$BENCH_WORK/logs/wrk-$label.txt"); p50=$(awk '/p50_ms/ {print $2}' "$BENCH_WORK/logs/wrk-$label.txt")
    if [ "$goal" = page ]; then
      local pr; pr=$(ratio "$p50" "$p1_p50")
      goal="≤ 1.5 × page 1 (p50): **$pr** × ($(verdict "$pr" 1.5 le))"
    else
      goal="p95 < $goal ms: $(verdict "$p95" "$goal" le)"
    fi
    [ "$label" = scale-page1 ] && p1_p50=$p50
    rows+="| $title | $RPS req/s (${NON2XX} non-2xx) | $p95 ms | $p50 ms | $CPU_MS ms | $PG_CPU_MS ms | $goal |"$'\n'
  done
  cat >> "$REPORT" <<MD
## 5. Scale

Load average before: $load. $(bsql membership -c "SELECT count(*) FROM member") members over 31 provinces (bench/membership/generate.sql), $CONNECTIONS concurrent
clients (wrk, closed loop, ${DURATION}s each), $TOKENS distinct tokens; warm-up: $WARMED of the common search.

| measurement | throughput | p95 | p50 | service CPU per request | PostgreSQL CPU per request | goal |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
$rows
MD
  if [ "${SCALE_IDEAS:-1}" = 1 ]; then
    log "similar ideas at 100,000 ideas (bench/ideabank/run.sh, helper A's)"
    (cd "$ROOT" && "$HERE/ideabank/run.sh") > "$BENCH_WORK/logs/ideabank.txt" 2>&1 || true
    {
      echo "Similar ideas at 100,000 ideas (\`bench/ideabank/run.sh\`, embedded PostgreSQL of the module's tests; goal p95 < 100 ms; load $(loadavg)):"
      echo; echo '```'; grep -E 'BENCH' "$BENCH_WORK/logs/ideabank.txt" | head -10 || echo "no BENCH line: see $BENCH_WORK/logs/ideabank.txt"; echo '```'; echo
    } >> "$REPORT"
  fi
  echo "The quarterly report draft and the national compliance view: \`bench/run reports\` (below, or run it alone)." >> "$REPORT"
  echo >> "$REPORT"
}

# ---------------------------------------------------------------------------------------------- 5 scale: governance
# The quarterly report draft of a province with 10,000 members and 2,000 meetings (goal < 1 s) and the national
# compliance view of 31 provinces (goal < 200 ms), on governance-service's own projections filled by
# bench/governance/generate.sql (once; kept in $BENCH_WORK/data), with 16 and with 1 client(s).
figure_reports() {
  ensure_kafka; ensure_tokens
  service_start governance-service; local gpid=$SERVICE_PID
  local url; url="http://127.0.0.1:$(service_port governance-service)"
  if [ "$(bsql governance -c "SELECT count(*) FROM member_fact WHERE province = 'IR-07'")" -lt 10000 ]; then
    log "generating governance data (31 provinces; IR-07: 10,000 members, 2,000 meetings)"
    bsql governance -c "TRUNCATE board, appointment, officer, meeting_fact, working_group_fact, compliance_state, member_fact,
      activity_fact, quarterly_report, programme, interest_declaration, interest_confirmation CASCADE"
    bsql governance -f "$HERE/governance/generate.sql" > /dev/null
  fi
  local sec ana quarter path
  sec=$(head -1 "$BENCH_WORK/tokens-secretariat.txt"); ana=$(head -1 "$BENCH_WORK/tokens-analyst.txt")
  # the last ended Jalali quarter, as the compliance check names it (e.g. 1405-Q2): its report is the draft the
  # secretariat prepares for submission (generate.sql leaves it unsubmitted everywhere)
  quarter=$(curl -fs -H "Authorization: Bearer $sec" "$url/api/v1/compliance/IR-07" | grep -o '"quarter":"[0-9]*-Q[1-4]"' | cut -d'"' -f4)
  [ -n "$quarter" ] || die "governance: no quarter in GET /compliance/IR-07: $(curl -s -H "Authorization: Bearer $sec" "$url/api/v1/compliance/IR-07" | head -c 300)"
  path="/api/v1/reports/IR-07/${quarter%-Q*}/Q${quarter#*-Q}"
  local body; body=$(curl -fs -H "Authorization: Bearer $sec" "$url$path") || die "governance: $path does not answer 200"
  grep -q '"status":"DRAFT"' <<< "$body" || die "governance: $path is not a draft: ${body:0:300}"
  curl -fs -o /dev/null -H "Authorization: Bearer $ana" "$url/api/v1/compliance" || die "governance: GET /compliance does not answer 200"
  local figures; figures=$(grep -o '"membersAdmittedByCategory":{[^}]*}' <<< "$body")
  local provinces; provinces=$(curl -fs -H "Authorization: Bearer $ana" "$url/api/v1/compliance" | grep -o '"province":"IR-[0-9]*"' | sort -u | wc -l)
  # warm-up of both endpoints (JIT), then each at 16 and at 1 client(s), distinct tokens per request
  export BENCH_IDS=""
  local saved_conn=$CONNECTIONS rows="" label tokens p c load; load=$(loadavg)
  for label in report compliance; do
    if [ $label = report ]; then p=$path; tokens=tokens-secretariat.txt; else p=/api/v1/compliance; tokens=tokens-analyst.txt; fi
    export BENCH_PATH=$p BENCH_TOKENS="$BENCH_WORK/$tokens"
    # wrk's default 2 s timeout would drop the slowest answers from the percentiles: 30 s
    WARMUP_REQUESTS=${WARMUP_REPORTS:-1000} warm_up "$url" --timeout 30s -s "$HERE/tools/rotate.lua"
    for c in 16 1; do
      CONNECTIONS=$c wrk_run "$label-c$c" "$gpid" "$url" --timeout 30s -s "$HERE/tools/rotate.lua"
      local p50 p95; p50=$(awk '/p50_ms/ {print $2}' "$BENCH_WORK/logs/wrk-$label-c$c.txt"); p95=$(awk '/p95_ms/ {print $2}' "$BENCH_WORK/logs/wrk-$label-c$c.txt")
      local goal=1000; [ $label = compliance ] && goal=200
      rows+="| $([ $label = report ] && echo "report draft \`GET $path\` (IR-07 secretariat)" || echo "national compliance \`GET /api/v1/compliance\` (ministry analysts)") | $c | $RPS req/s ($NON2XX non-2xx) | $p50 ms | $p95 ms | $CPU_MS ms | $PG_CPU_MS ms | < $goal ms: $(verdict "$p95" $goal le) |"$'\n'
    done
  done
  CONNECTIONS=$saved_conn
  cat >> "$REPORT" <<MD
## 5. Scale: quarterly report draft and national compliance (governance-service)

Load average before: $load. Data: \`bench/governance/generate.sql\` straight into governance's tables — 31 provinces, each
Board with 11 trustees under decree (a previous term ended; some provinces with a nominee waiting for the decree, a
missing officer or working-group type), $(bsql governance -c "SELECT count(*) FROM member_fact") member facts
($(bsql governance -c "SELECT count(*) FROM member_fact WHERE province = 'IR-07'") in IR-07), $(bsql governance -c "SELECT count(*) FROM meeting_fact") meetings ($(bsql governance -c "SELECT count(*) FROM meeting_fact WHERE province = 'IR-07'") in IR-07), $(bsql governance -c "SELECT count(*) FROM activity_fact") activity facts, $(bsql governance -c "SELECT count(*) FROM programme") programmes.
The draft is IR-07's report of $quarter (the last ended quarter, unsubmitted: figures computed live; admitted by
category $figures); the national view lists $provinces provinces. wrk closed loop, ${DURATION}s per row, $TOKENS
distinct tokens per role; warm-up $WARMED (last endpoint). Latency per request (goals: report < 1 s, national view < 200 ms).

| endpoint | clients | throughput | p50 | p95 | service CPU per request | PostgreSQL CPU per request | goal (p95) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
$rows
MD
  service_stop "$gpid"
}

# ---------------------------------------------------------------------------------------------- 6 footprint
figure_footprint() {
  ensure_kafka
  local rows="" entry module port idle after pid ready tok cds opts
  tok=$(token bench-footprint '["ministry-analyst"]')
  # Two JVM set-ups per service, started one after the other: the local stack's (deploy/local/kanoon: C1 only, what a
  # developer runs; read from the launcher so the two cannot drift) and this suite's (full tiered JIT, for throughput).
  # Both with the AppCDS archive the build writes beside the jar when it is valid (service_cds_opts).
  local launcher_opts
  launcher_opts=$(sed -n 's/^SERVICE_JAVA_OPTS="${KANOON_SERVICE_JAVA_OPTS:-\(.*\)}"$/\1/p' "$ROOT/deploy/local/kanoon")
  [ -n "$launcher_opts" ] || die "cannot read SERVICE_JAVA_OPTS from deploy/local/kanoon"
  local bench_opts=$BENCH_SERVICE_JAVA_OPTS
  for entry in "${BENCH_SERVICES[@]}"; do
    module=${entry%%:*}; port=$(service_port "$module")
    if [ "$module" = membership-service ] && [ -n "$MEMBERSHIP_PID" ]; then continue; fi
    for opts in "$launcher_opts" "$bench_opts"; do
      BENCH_SERVICE_JAVA_OPTS=$opts
      cds=$(service_cds_opts "$ROOT/$module/target/quarkus-app")
      if [ "$module" = gateway ]; then
        # its /provinces goes to membership (ours, not the default 8081); limits raised so the load is not all 429s
        service_start gateway KANOON_GATEWAY_SERVICES_MEMBERSHIP_URL="${MEMBERSHIP_URL:-http://127.0.0.1:$(service_port membership-service)}" \
          KANOON_GATEWAY_RATE_LIMIT_READS_REQUESTS=1000000 KANOON_GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS=1000000
      else
        service_start "$module"
      fi
      BENCH_SERVICE_JAVA_OPTS=$bench_opts
      pid=$SERVICE_PID; ready=$SERVICE_READY_S
      sleep 10; idle=$(rss_mb "$pid")
      # after load: 10 s of authenticated GETs on a cheap shared route, then RSS
      wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $tok" "http://127.0.0.1:$port/api/v1/provinces" > /dev/null 2>&1 || true
      after=$(rss_mb "$pid")
      rows+="| $module | $([ "$opts" = "$launcher_opts" ] && echo "local stack (C1)" || echo "bench (full JIT)")${cds:+, AppCDS} | ${ready} s | $idle MB | $after MB |"$'\n'
      if [ "$module" = membership-service ] && [ "$opts" = "$bench_opts" ]; then MEMBERSHIP_PID=$pid; MEMBERSHIP_URL="http://127.0.0.1:$port"
        MEMBERSHIP_READY_S=$ready; MEMBERSHIP_IDLE_RSS=$idle; else service_stop "$pid"; fi
    done
  done
  cat >> "$REPORT" <<MD
## 6. Footprint (goal: ready < 5 s, RSS < 300 MB)

Load average: $(loadavg) — time to ready counts from \`java -jar\` to the first 200 of \`/q/health/ready\` (Flyway migrations
included; the gateway: \`/q/health/live\`, its readiness asks upstreams not started here) and is what suffers most from a
loaded machine. Each service is started twice: with the local stack's JVM flags \`$launcher_opts\` (deploy/local/kanoon)
and with this suite's \`$bench_opts\`; "AppCDS" = with the archive the build wrote beside the jar
(\`-XX:SharedArchiveFile=app-cds.jsa\`). After load = after 10 s of \`GET /api/v1/provinces\` at -c$CONNECTIONS.

| service | JVM flags | time to ready | RSS idle (10 s after ready) | RSS after load |
| --- | --- | ---: | ---: | ---: |
$rows
membership-service after the read figure's saturation load: see figure 1 (RSS after load).
**Not measured here:** the whole local stack's time to healthy (\`deploy/local/kanoon up\` uses the developer's fixed ports,
which this suite must not take); run \`time deploy/local/kanoon up\` on a machine of your own.

MD
}

# ---------------------------------------------------------------------------------------------- 7 outbox
figure_outbox() {
  local rate=${OUTBOX_RATE:-1000} load; load=$(loadavg)
  (cd "$ROOT" && ./mvnw -B -o -pl bench/outbox -am verify -DskipE2E -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.rate="$rate" -Dbench.seconds="${OUTBOX_SECONDS:-30}" -Dbench.warmup=10 -Dbench.goal-ms=10 -Dbench.results="$BENCH_WORK/outbox.md") \
    > "$BENCH_WORK/logs/outbox.txt" 2>&1 || log "outbox benchmark failed: $BENCH_WORK/logs/outbox.txt"
  {
    echo "## 7. Outbox: commit → record on Kafka at $rate events/s (goal p99 < 10 ms)"
    echo
    echo "Load average before: $load. \`bench/outbox\` (OutboxLatencyBenchmark: embedded PostgreSQL + Kafka of platform-testing, one"
    echo "relay, Kafka transactions, a read_committed reader; one service's relay, not two):"
    echo
    if [ -s "$BENCH_WORK/outbox.md" ]; then sed -e '1,/^$/d' -e 's/^#/###/' "$BENCH_WORK/outbox.md"; else echo "**not produced**: see the log $BENCH_WORK/logs/outbox.txt"; fi
    echo
  } >> "$REPORT"
}
