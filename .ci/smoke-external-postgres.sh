#!/usr/bin/env bash
# Smoke test of the packaged application on an external PostgreSQL 15 server started from the machine's
# packages (installed with apt when missing): the application records outcomes through its commands
# (the demo data set, forced on), they are read back from the ledger and over HTTP with a real token, and a restart
# records nothing twice.
set -Eeuo pipefail
jar=$(ls $1 | head -1)
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/postgres" ]; then
  echo "== installing PostgreSQL 15 server from Debian packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

work=$(mktemp -d)
chown postgres "$work"
port=$(( 20000 + RANDOM % 20000 ))
as_postgres() { runuser -u postgres -- "$@"; }
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# set -e stops at the first failing command without a word (a curl -f, a grep): say where, with the application's log
app_log=""
trap 'echo "smoke test failed at line $LINENO"; [ -n "$app_log" ] && tail -60 "$app_log"' ERR

echo "== starting PostgreSQL 15 on 127.0.0.1:$port in $work"
as_postgres "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/data" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
psql_ledger() { psql -h 127.0.0.1 -p "$port" -U postgres -d ledger -Atc "$1"; }
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE USER ledger PASSWORD 'ledger-smoke'"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE ledger OWNER ledger"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc "SELECT version()"

run_app() {
  LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:$port/ledger" LEDGER_DB_USER=ledger LEDGER_DB_PASSWORD=ledger-smoke \
  LEDGER_DEMO_DATA=always LEDGER_PORT=0 java -jar "$jar" > "$work/app-$1.log" 2>&1 &
  app_pid=$!
  app_log="$work/app-$1.log"
  for _ in $(seq 1 120); do
    if grep -q "Demo data present" "$work/app-$1.log"; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app-$1.log"; echo "application died"; exit 1; fi
    sleep 1
  done
  grep -q "Demo data present" "$work/app-$1.log" || { tail -50 "$work/app-$1.log"; echo "application did not load"; exit 1; }
  grep "Ledger database: external PostgreSQL" "$work/app-$1.log"
  check_http_api "$work/app-$1.log"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

# Over HTTP with a real token from the embedded authorization server: 张三's balance of DOMAIN.md §6.
check_http_api() {
  local http_port token balance
  http_port=$(grep -o 'Tomcat started on port [0-9]*' "$1" | grep -o '[0-9]*$' | head -1)
  token=$(curl -sf -u regulator:regulator-secret -d grant_type=client_credentials \
    "http://127.0.0.1:$http_port/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  balance=$(curl -sf -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$http_port/api/v1/learners/demo-zhangsan/balance?asOf=2026-11-01")
  echo "HTTP balance of demo-zhangsan: $balance"
  echo "$balance" | grep -q '"accumulatedCredits":28.5' || { echo "balance over HTTP is not 28.5"; exit 1; }
}

echo "== first start: records the demo outcomes through the command bus"
run_app first
events=$(psql_ledger "SELECT count(*) FROM domain_event_entry")
o1=$(psql_ledger "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'level' FROM domain_event_entry
                   WHERE aggregate_identifier = 'demo-zhangsan' AND payload_type LIKE '%CertificateAwarded'
                   AND convert_from(payload, 'UTF8')::jsonb ->> 'outcomeId' = 'O1'")
echo "events stored: $events; outcome O1 read back: CSTP-JAVA level $o1"
[ "$o1" = "中级" ] || { echo "outcome O1 not read back"; exit 1; }

echo "== restart: the same commands again must record nothing"
run_app second
again=$(psql_ledger "SELECT count(*) FROM domain_event_entry")
[ "$events" = "$again" ] || { echo "restart changed the ledger: $events -> $again events"; exit 1; }
echo "== smoke test on external PostgreSQL 15 passed ($events events, unchanged after restart)"
