#!/usr/bin/env bash
# Benchmark of GET /api/v1/members with 1,000,000 members (issue 3). Run on demand, not in the test run:
#   deploy/local/kanoon up            # PostgreSQL, Kafka, Keycloak and membership-service on :8081
#   bench/membership/run.sh           # generates the data once (empty db), measures, writes RESULTS.md
# Targets: search (?q=…&province=…) p95 < 50 ms; page 1000 of a listing within 1.5x page 1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KANOON="$ROOT/deploy/local/kanoon"
BASE=${BASE:-http://localhost:8081/api/v1}
N=${N:-200}
HERE="$ROOT/bench/membership"

count=$("$KANOON" sql membership "SELECT count(*) FROM member" | tr -dc '0-9')
if [ "${count:-0}" -lt 1000000 ]; then
  echo "generating 1,000,000 members (a few minutes)…"
  "$KANOON" sql membership "$(cat "$HERE/generate.sql")"
fi

token() { curl -s -d grant_type=password -d client_id=web-app -d username="$1" -d password=kanoon \
  http://localhost:8180/realms/kanoon/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
TOKEN=$(token ministry-analyst)

# time_ms URL -> prints the total time of one request in milliseconds
time_ms() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$1" | awk '{printf "%.2f\n", $1*1000}'; }
p95() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; printf "%.2f", a[i]}'; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }

for i in $(seq 20); do time_ms "$BASE/members?q=%DA%A9%D8%A7%D8%B1%D8%A2%D9%81%D8%B1%DB%8C%D9%86%DB%8C&province=IR-07" >/dev/null; done
SEARCH=$(for i in $(seq "$N"); do
  p=$(printf 'IR-%02d' $(( (i % 8) + 1 )))
  time_ms "$BASE/members?q=%DA%A9%D8%A7%D8%B1%D8%A2%D9%81%D8%B1%DB%8C%D9%86%DB%8C&province=$p"
done | p95)

# Walk to page 1000 of IR-07 (limit 20) collecting cursors, then time page 1 and page 1000.
cursor=""; for page in $(seq 999); do
  cursor=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/members?province=IR-07&limit=20&cursor=$cursor" \
    | sed 's/.*"nextCursor":"\([^"]*\)".*/\1/')
done
PAGE1=$(for i in $(seq 50); do time_ms "$BASE/members?province=IR-07&limit=20"; done | median)
PAGE1000=$(for i in $(seq 50); do time_ms "$BASE/members?province=IR-07&limit=20&cursor=$cursor"; done | median)

cat > "$HERE/RESULTS.md" <<MD
# membership-service benchmark results

- Date: $(date -u +%Y-%m-%dT%H:%MZ)
- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr); PostgreSQL 17 (local stack)
- Data: $("$KANOON" sql membership "SELECT count(*) FROM member" | tr -dc '0-9') members, 31 provinces

| measurement | result | target |
| --- | --- | --- |
| \`GET /members?q=کارآفرینی&province=…\` p95 over $N requests | ${SEARCH} ms | < 50 ms |
| \`GET /members?province=IR-07&limit=20\` page 1 (median) | ${PAGE1} ms | |
| same, page 1000 (median) | ${PAGE1000} ms | ≤ 1.5 × page 1 |
MD
cat "$HERE/RESULTS.md"
