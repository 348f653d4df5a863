#!/usr/bin/env bash
# Shows that every service is stateless: two replicas of each, as processes on this machine, on ONE set of
# databases (one schema per service, shared by both replicas), exactly as two pods of each Deployment run.
# Replica set A (gateway A -> auth A, user A, ...) and set B (gateway B -> auth B, ...) share only the
# databases, the internal secret and the JWT signing keys (the Kubernetes Secrets). Then, through the two
# gateways crosswise: a user registered through A logs in through B; tokens of either auth replica are
# accepted by the other set's services; a machine bound through A is seen bound through B; a check reported
# through B is listed through A; a logout through A is refused through B; an endpoint closed through gateway
# A is refused by gateway B within 2 s; and both user-service replicas, started together with the
# bootstrap settings, create one first super-admin between them.
#
#   mvn -B package -DskipTests        # the jars
#   deploy/scripts/two-replicas-check.sh
#
# Needs java 17, curl, jq and the mysql client; a MariaDB/MySQL server at AEGIS_TEST_DB_HOST/_PORT/_USER/
# _PASSWORD (127.0.0.1, 3306, root, empty), where it creates five schemas aegis_replicas_* and drops them at
# the end. Ports AEGIS_CHECK_PORT_A..+4 and AEGIS_CHECK_PORT_B..+4 (18180, 18190) and the same + 1000 (management) must be free.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB_HOST=${AEGIS_TEST_DB_HOST:-127.0.0.1}
DB_PORT=${AEGIS_TEST_DB_PORT:-3306}
DB_USER=${AEGIS_TEST_DB_USER:-root}
DB_PASSWORD=${AEGIS_TEST_DB_PASSWORD:-}
PORT_A=${AEGIS_CHECK_PORT_A:-18180}
PORT_B=${AEGIS_CHECK_PORT_B:-18190}
# module, short name, offset from the replica set's first port
SERVICES=("gateway gateway 0" "auth-service auth 1" "user-service user 2" "machine-service machine 3" "anticheat-service anticheat 4")
ADMIN_ID=11010519491231002X
ADMIN_PASSWORD="Replica-Check-$RANDOM$RANDOM"

say() { printf '%s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
pass() { say "ok: $*"; }

for tool in java curl jq mysql; do command -v $tool >/dev/null || fail "$tool is needed"; done
for entry in "${SERVICES[@]}"; do
  read -r module _ _ <<<"$entry"
  [ -f "$ROOT/$module/target/$module-0.1.0-SNAPSHOT.jar" ] || fail "$module jar missing: run mvn -B package -DskipTests first"
done

WORK=$(mktemp -d)
RUN_ID=$(date +%s)$RANDOM
PIDS=()
mysql_admin() { MYSQL_PWD="$DB_PASSWORD" mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -B "$@"; }
schema_of() { echo "aegis_replicas_${1}_$RUN_ID"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for entry in "${SERVICES[@]}"; do
    read -r _ short _ <<<"$entry"
    mysql_admin -e "DROP DATABASE IF EXISTS \`$(schema_of "$short")\`" || true
  done
  say "logs: $WORK"
}
trap cleanup EXIT

for entry in "${SERVICES[@]}"; do
  read -r _ short _ <<<"$entry"
  mysql_admin -e "CREATE DATABASE \`$(schema_of "$short")\` CHARACTER SET utf8mb4"
done

# What the Kubernetes Secrets hold, shared by both replicas.
INTERNAL_SECRET=$(openssl rand -hex 24 2>/dev/null || echo "replicas-$RUN_ID-$RANDOM$RANDOM")
SIGNING_KEYS=$(java "$ROOT/deploy/scripts/NewJwtSigningKey.java" | jq -c '{keys: [.]}')

start_service() { # set-name first-port module short offset; sets STARTED to the process id
  local set=$1 first=$2 module=$3 short=$4 offset=$5
  mkdir -p "$WORK/$set/$module"
  env -i PATH="$PATH" HOME="$WORK" \
    AEGIS_PORT=$((first + offset)) AEGIS_MANAGEMENT_PORT=$((first + offset + 1000)) \
    AEGIS_DATA_DIR="$WORK/$set/$module" \
    AEGIS_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$(schema_of "$short")?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true" \
    AEGIS_DB_USER="$DB_USER" AEGIS_DB_PASSWORD="$DB_PASSWORD" \
    AEGIS_INTERNAL_SECRET="$INTERNAL_SECRET" \
    AEGIS_JWT_SIGNING_KEYS="$SIGNING_KEYS" \
    AEGIS_AUTH_URL="http://127.0.0.1:$((first + 1))" AEGIS_USER_URL="http://127.0.0.1:$((first + 2))" \
    AEGIS_MACHINE_URL="http://127.0.0.1:$((first + 3))" AEGIS_ANTICHEAT_URL="http://127.0.0.1:$((first + 4))" \
    AEGIS_AUTH_MANAGEMENT_URL="http://127.0.0.1:$((first + 1001))" AEGIS_USER_MANAGEMENT_URL="http://127.0.0.1:$((first + 1002))" \
    AEGIS_MACHINE_MANAGEMENT_URL="http://127.0.0.1:$((first + 1003))" AEGIS_ANTICHEAT_MANAGEMENT_URL="http://127.0.0.1:$((first + 1004))" \
    AEGIS_BOOTSTRAP_ADMIN_USER_ID=$ADMIN_ID AEGIS_BOOTSTRAP_ADMIN_NAME="Replica Check" \
    AEGIS_BOOTSTRAP_ADMIN_PHONE=13800138000 AEGIS_BOOTSTRAP_ADMIN_EMAIL=replica-check@example.com \
    AEGIS_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -XX:MaxRAM=512m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Djava.io.tmpdir="$WORK/$set/$module" -jar "$ROOT/$module/target/$module-0.1.0-SNAPSHOT.jar" \
      >"$WORK/$set-$module.log" 2>&1 &
  PIDS+=($!)
  STARTED=$!
}

await_ready() { # port pid log; readiness answers on the management port (port + 1000)
  for _ in $(seq 1 360); do
    kill -0 "$2" 2>/dev/null || fail "the process for port $1 exited while starting; see $3"
    curl -fsS -o /dev/null "http://127.0.0.1:$(($1 + 1000))/health/readiness" 2>/dev/null && return
    sleep 0.5
  done
  fail "nothing ready on port $1 within 3 minutes; see $3"
}

# Both replicas of one service start together (as a Deployment's pods do; for user-service that races the
# two first-admin creations), one service after another so that ten JVMs do not starve each other of CPU.
say "Starting two replicas of each service (logs in $WORK)..."
for entry in "user-service user 2" "auth-service auth 1" "machine-service machine 3" "anticheat-service anticheat 4" "gateway gateway 0"; do
  read -r module short offset <<<"$entry"
  start_service A "$PORT_A" "$module" "$short" "$offset"
  pid_a=$STARTED
  start_service B "$PORT_B" "$module" "$short" "$offset"
  pid_b=$STARTED
  await_ready $((PORT_A + offset)) "$pid_a" "$WORK/A-$module.log"
  await_ready $((PORT_B + offset)) "$pid_b" "$WORK/B-$module.log"
done
pass "10 processes ready"

A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"
call() { # method url [token] [json] [admin-secret] -> body
  local args=(-sS -X "$1" "$2" -H 'Content-Type: application/json')
  [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
  [ -n "${4:-}" ] && args+=(--data "$4")
  [ -n "${5:-}" ] && args+=(-H "X-Admin-Secret: $5")
  curl "${args[@]}"
}
code_of() { jq -r .code <<<"$1"; }
expect_code() { # expected body what
  [ "$(code_of "$2")" = "$1" ] || fail "$3: expected code $1, got $2"
  pass "$3"
}
await_code() { # expected seconds what command...
  local expected=$1 seconds=$2 what=$3 body=""
  shift 3
  local deadline=$((SECONDS + seconds))
  while [ $SECONDS -le $deadline ]; do
    body=$("$@")
    [ "$(code_of "$body")" = "$expected" ] && { pass "$what"; return; }
    sleep 0.2
  done
  fail "$what: expected code $expected within ${seconds}s, got $body"
}

id_number() { # a valid GB 11643 ID number, born on a date derived from $1
  local first17 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=1 sum=0 i
  first17="440305$(date -u -d "1970-01-01 + $(( $1 % 15000 )) days" +%Y%m%d)$(printf '%03d' $(( $1 % 1000 )))"
  for i in $(seq 0 16); do sum=$((sum + ${first17:$i:1} * ${weights[$i]})); done
  checks=10X98765432
  echo "$first17${checks:$((sum % 11)):1}"
}
SEED=$((RANDOM * 32768 + RANDOM))
PLAYER_ID=$(id_number $SEED)
PLAYER_PASSWORD="Correct-Horse-$SEED"
MACHINE=$(head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 32)

body=$(call POST "$A/user/register/register_user_info" "" "{\"user_id\":\"$PLAYER_ID\",\"user_name\":\"Replica\",\"user_phone_number\":\"137$(printf '%08d' $((SEED % 100000000)))\",\"user_email\":\"replica$SEED@example.com\",\"user_password\":\"$PLAYER_PASSWORD\"}")
expect_code 10000 "$body" "register through gateway A"
TOKEN_A=$(jq -r .token <<<"$body")

body=$(call POST "$B/user/login/login_user_info" "" "{\"user_id\":\"$PLAYER_ID\",\"user_password\":\"$PLAYER_PASSWORD\"}")
expect_code 10000 "$body" "log in through gateway B"
TOKEN_B=$(jq -r .token <<<"$body")

expect_code 10000 "$(call GET "$B/user/info/get_user_info" "$TOKEN_A")" "auth A's token accepted by replica set B"
expect_code 10000 "$(call GET "$A/user/info/get_user_info" "$TOKEN_B")" "auth B's token accepted by replica set A"

body=$(call POST "$A/machine/register/register_machine_info" "$TOKEN_A" "{\"user_id\":\"$PLAYER_ID\",\"machine_code\":\"$MACHINE\",\"windows_uuid\":\"12345678-1234-1234-1234-123456789012\",\"windows_product_id\":\"12345-12345-12345-12345-12345\",\"machine_os_name\":\"Microsoft Windows 11\",\"machine_os_version\":\"10.0.22631\",\"machine_architecture\":\"x64\",\"machine_architecture_type\":\"AMD64\",\"machine_platform\":\"Win32\",\"machine_cpu\":\"Intel Core i7\",\"machine_motherboard\":\"ASUS PRIME Z690-A\",\"machine_mac_address\":\"00:11:22:33:44:55\"}")
expect_code 10000 "$body" "bind a machine through gateway A"
expect_code 10002 "$(call POST "$B/verify/verify_is_machine_code_available" "" "{\"user_id\":\"$PLAYER_ID\",\"machine_code\":\"$MACHINE\"}")" "the machine is bound, seen through gateway B"

LAUNCH="LAUNCH-$RUN_ID"
expect_code 10000 "$(call POST "$B/anticheat/report/report_check_result" "$TOKEN_B" "{\"launch_code\":\"$LAUNCH\",\"machine_code\":\"$MACHINE\",\"check_result\":\"Passed\",\"check_result_detail\":\"System environment check\",\"start_time\":\"2026-11-23T10:00:00+08:00\",\"finish_time\":\"2026-11-23T10:00:05+08:00\"}")" "report a check through gateway B"
body=$(call GET "$A/user/info/get_user_check_info" "$TOKEN_A")
[ "$(jq '.data.check_logs | length' <<<"$body")" = 1 ] || fail "the check reported through B, listed through A: $body"
pass "the check reported through B is listed through A"

expect_code 10000 "$(call POST "$A/user/login/logout" "$TOKEN_A" '{}')" "log out through gateway A"
await_code 10001 3 "the logged-out token is refused through gateway B" call GET "$B/user/info/get_user_info" "$TOKEN_A"
expect_code 10000 "$(call GET "$B/user/info/get_user_info" "$TOKEN_B")" "the other session stays valid"

admins=$(mysql_admin -D "$(schema_of user)" -e "SELECT COUNT(*) FROM users WHERE id_number = '$ADMIN_ID'" 2>/dev/null || echo "?")
[ "$admins" = 1 ] || fail "two user-service replicas starting together made $admins first super-admins"
pass "one first super-admin from two user-service replicas starting together"

USER_TOKEN=$(call POST "$B/user/login/login_user_info" "" "{\"user_id\":\"$ADMIN_ID\",\"user_password\":\"$ADMIN_PASSWORD\"}" | jq -r .token)
ADMIN_AEGIS_ID=$(call GET "$B/user/info/get_user_info" "$USER_TOKEN" | jq -r .data.user_AegisSpeed_id)
ADMIN_TOKEN=$(call POST "$B/user/login/login_admin_info_by_aegisspeed_id" "" "{\"user_AegisSpeed_id\":\"$ADMIN_AEGIS_ID\",\"user_password\":\"$ADMIN_PASSWORD\"}" | jq -r .token)
ADMIN_SECRET=$(call POST "$B/user/login_admin_info/verify/get_secret_admin_password" "$ADMIN_TOKEN" "{\"user_password\":\"$ADMIN_PASSWORD\"}" | jq -r .data.admin_secret)
[ -n "$ADMIN_SECRET" ] && [ "$ADMIN_SECRET" != null ] || fail "no admin secret through gateway B"
pass "admin session through gateway B"

ENDPOINT=/verify/verify_client_version_number
expect_code 10000 "$(call POST "$A/admin/endpoints/close" "$ADMIN_TOKEN" "{\"endpoint_path\":\"$ENDPOINT\"}" "$ADMIN_SECRET")" "close $ENDPOINT through gateway A (admin session from B)"
await_code 00000 2 "gateway B refuses $ENDPOINT within 2 s" call GET "$B$ENDPOINT"
expect_code 10000 "$(call POST "$B/admin/endpoints/open" "$ADMIN_TOKEN" "{\"endpoint_path\":\"$ENDPOINT\"}" "$ADMIN_SECRET")" "reopen it through gateway B"
await_code 10000 2 "gateway A serves $ENDPOINT again within 2 s" call GET "$A$ENDPOINT"

say "PASS: two replicas of every service work against one set of databases"
