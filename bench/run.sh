#!/usr/bin/env bash
# The gateway benchmark (issue 7). Starts the five services on MariaDB (fresh aegis_bench_* schemas) and nginx as
# a plain reverse proxy in front of user-service, then measures with wrk: an authenticated
# GET /user/info/get_user_info (a) on user-service directly, (b) through the gateway, (c) through nginx, (d) through
# a bare Micronaut proxy (bench/proxy-floor: the gateway's client, none of its work), each first warmed up until its
# throughput stops rising, then in interleaved rounds; login throughput and
# verify_is_machine_code_available throughput through the gateway, each after a fixed warm-up.
# Beside them, the stack's own limit: user-service's readiness probe (one `SELECT 1` through the same connection pool,
# no token) and, for logins, a bare Argon2id hash loop on as many threads as user-service's hashing pool.
# Prints requests/s, p50 and p99 per case, the ratios (direct/floor, gateway/direct, gateway/nginx, gateway/bare
# proxy), the p99 each proxy adds, at 64 connections (saturated: mostly queueing) and at 2 (the hop itself), and the
# CPU time each process spent per request in the saturated cases (user-service, the proxy in front, MariaDB when it
# runs here), which compares builds across days where this shared machine's speed does not; writes the same
# figures to bench/results/<UTC time>-run.json. The services run on bin/run's JVM (the newest JDK, or BENCH_JAVA).
#   bench/run.sh   (BENCH_DURATION=20s BENCH_WARMUP=10s BENCH_WARMUP_SLICE=10s BENCH_WARMUP_MIN=60s BENCH_WARMUP_MAX=240s
#                   BENCH_ROUNDS=3 BENCH_CONNECTIONS=64 BENCH_LIGHT_CONNECTIONS=2 BENCH_LOGIN_CONNECTIONS=4
#                   BENCH_LIGHT_ROUNDS=3 BENCH_THREADS=2)
# Needs the shaded jars (built when missing), MariaDB (AEGIS_TEST_DB_HOST/PORT/USER/PASSWORD, default root on
# 127.0.0.1:3306), wrk and nginx (installed from Debian's packages when missing). Results: bench/RESULTS.md.
set -euo pipefail
source "$(dirname "$0")/../bin/lib/common.sh"
cd "$AEGIS_ROOT"

duration=${BENCH_DURATION:-20s} warmup=${BENCH_WARMUP:-10s} slice=${BENCH_WARMUP_SLICE:-10s}
warmup_min=${BENCH_WARMUP_MIN:-60s} warmup_max=${BENCH_WARMUP_MAX:-240s} rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-64} threads=${BENCH_THREADS:-2} light_connections=${BENCH_LIGHT_CONNECTIONS:-2}
login_connections=${BENCH_LOGIN_CONNECTIONS:-4} light_rounds=${BENCH_LIGHT_ROUNDS:-3}
# Production's JVM flags (deploy/docker: full JIT, SerialGC), with bin/run's heap bounds.
java_opts=${BENCH_JAVA_OPTS:--Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC}
JAVA=${BENCH_JAVA:-$(aegis_java)}
# Native memory tracking (summary level costs a little speed): after the runs, each service's committed memory by
# JVM area (heap, classes, threads, code cache, GC, direct buffers as "Other"...), which sizes the containers.
nmt=${BENCH_NMT:-1}
[ "$nmt" = 1 ] && java_opts="$java_opts -XX:NativeMemoryTracking=summary"
hashing_threads=${AEGIS_PASSWORD_HASHING_THREADS:-2}
db_host=${AEGIS_TEST_DB_HOST:-127.0.0.1} db_port=${AEGIS_TEST_DB_PORT:-3306}
db_user=${AEGIS_TEST_DB_USER:-root} db_password=${AEGIS_TEST_DB_PASSWORD:-}
# name  port
SERVICES=("user-service 18182" "auth-service 18181" "machine-service 18183" "anticheat-service 18184" "gateway 18180")
NGINX_PORT=18190 PROXY_FLOOR_PORT=18191
GATEWAY=http://127.0.0.1:18180 USER_SERVICE=http://127.0.0.1:18182 NGINX=http://127.0.0.1:$NGINX_PORT
PROXY_FLOOR=http://127.0.0.1:$PROXY_FLOOR_PORT
PROXY_FLOOR_JAR=bench/proxy-floor/target/proxy-floor-0.1.0-SNAPSHOT.jar

ensure_toolchain
for tool in wrk nginx curl mariadb unzip; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || apt_install "$([ "$tool" = mariadb ] && echo mariadb-client || echo "$tool")"
done
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
for entry in "${SERVICES[@]}"; do
  read -r name _ <<<"$entry"
  [ -f "$name/target/$name-0.1.0-SNAPSHOT.jar" ] || { say "Building the jars..."; mvn -B -q -DskipTests package; break; }
done
[ -f "$PROXY_FLOOR_JAR" ] && [ -z "$(find bench/proxy-floor/pom.xml bench/proxy-floor/src -newer "$PROXY_FLOOR_JAR" -print -quit)" ] \
  || { say "Building the bare proxy (bench/proxy-floor)..."; mvn -B -q -f bench/proxy-floor/pom.xml -DskipTests package; }

work=$(mktemp -d)
internal_secret="bench-$RANDOM$RANDOM$RANDOM"
PIDS=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ ${#PIDS[@]} -gt 0 ] && { kill "${PIDS[@]}" 2>/dev/null || true; wait "${PIDS[@]}" 2>/dev/null || true; }
  for entry in "${SERVICES[@]}"; do read -r name _ <<<"$entry"; sql "DROP DATABASE IF EXISTS $(schema "$name")" || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql() { mariadb --protocol=TCP -h "$db_host" -P "$db_port" -u "$db_user" ${db_password:+-p"$db_password"} -e "$1"; }
schema() { echo "aegis_bench_${1//-/_}"; }
port_of() {
  local entry name port
  for entry in "${SERVICES[@]}"; do read -r name port <<<"$entry"; if [ "$name" = "$1" ]; then echo "$port"; fi; done
}

start_service() {
  local name=$1 port; port=$(port_of "$1")
  sql "DROP DATABASE IF EXISTS $(schema "$name"); CREATE DATABASE $(schema "$name") CHARACTER SET utf8mb4"
  # shellcheck disable=SC2086 # java_opts is a list of JVM options
  # Probes answer only on the management port: the public port + 1000 here.
  env AEGIS_PORT="$port" AEGIS_MANAGEMENT_PORT="$((port + 1000))" AEGIS_DATA_DIR="$work" AEGIS_INTERNAL_SECRET="$internal_secret" \
    AEGIS_DB_URL="jdbc:mysql://$db_host:$db_port/$(schema "$name")?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true" \
    AEGIS_DB_USER="$db_user" AEGIS_DB_PASSWORD="$db_password" \
    AEGIS_AUTH_URL=http://127.0.0.1:18181 AEGIS_USER_URL=http://127.0.0.1:18182 \
    AEGIS_MACHINE_URL=http://127.0.0.1:18183 AEGIS_ANTICHEAT_URL=http://127.0.0.1:18184 \
    AEGIS_AUTH_MANAGEMENT_URL=http://127.0.0.1:19181 AEGIS_USER_MANAGEMENT_URL=http://127.0.0.1:19182 \
    AEGIS_MACHINE_MANAGEMENT_URL=http://127.0.0.1:19183 AEGIS_ANTICHEAT_MANAGEMENT_URL=http://127.0.0.1:19184 \
    AEGIS_LOG_LEVEL=WARN \
    AEGIS_LOGIN_RATE_LIMIT_PER_CLIENT=none AEGIS_AVAILABILITY_RATE_LIMIT_PER_CLIENT=none \
    "$JAVA" $java_opts -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" >"$work/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${name//-/_}=$!"
}

await_ready() {
  local port; port=$(port_of "$1")
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/health/readiness" 2>/dev/null && return 0
    sleep 0.5
  done
  say "$1 did not become ready; the end of its log:"; tail -20 "$work/$1.log"; exit 1
}

# A valid PRC ID number (GB 11643 check character) that no earlier run used.
id_number() {
  local first17 sum=0 i weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=(1 0 X 9 8 7 6 5 4 3 2)
  first17="44030519$(printf '%02d' $((70 + RANDOM % 29)))0$((1 + RANDOM % 9))1$((RANDOM % 9))$(printf '%03d' $((RANDOM % 1000)))"
  for i in $(seq 0 16); do sum=$((sum + ${first17:$i:1} * ${weights[$i]})); done
  echo "$first17${checks[$((sum % 11))]}"
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

say "Starting the five services on MariaDB at $db_host:$db_port (JVM options: $java_opts)..."
start_service user-service; start_service auth-service
await_ready user-service; await_ready auth-service
for name in machine-service anticheat-service gateway; do start_service "$name"; done
for name in machine-service anticheat-service gateway; do await_ready "$name"; done

mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<EOF
# A plain reverse proxy, tuned as one would for production: upstream keep-alive, no access log.
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream user_service { server 127.0.0.1:$(port_of user-service); keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://user_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
EOF
"$NGINX_BIN" -p "$work/nginx" -c "$work/nginx.conf"
# shellcheck disable=SC2086 # java_opts is a list of JVM options
AEGIS_PORT=$PROXY_FLOOR_PORT AEGIS_UPSTREAM_URL=$USER_SERVICE "$JAVA" $java_opts -jar "$PROXY_FLOOR_JAR" >"$work/proxy-floor.log" 2>&1 &
PIDS+=($!) PID_proxy_floor=$!
for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_FLOOR_PORT") 2>/dev/null && break; sleep 0.5; done

password="Bench-Passw0rd-$RANDOM"
player=$(id_number)
register=$(curl -sS -X POST "$GATEWAY/user/register/register_user_info" -H 'Content-Type: application/json' -d \
  "{\"user_id\":\"$player\",\"user_name\":\"压测用户\",\"user_phone_number\":\"137$(printf '%08d' $((RANDOM * RANDOM % 100000000)))\",\"user_email\":\"bench$RANDOM@example.com\",\"user_password\":\"$password\"}")
case $register in *'"code":"10000"'*) ;; *) say "Registration failed: $register"; exit 1 ;; esac
login_body="{\"user_id\":\"$player\",\"user_password\":\"$password\"}"
token=$(curl -sS -X POST "$GATEWAY/user/login/login_user_info" -H 'Content-Type: application/json' -d "$login_body" | json_field token)
[ -n "$token" ] || { say "Login failed"; exit 1; }
machine_body="{\"user_id\":\"$player\",\"machine_code\":\"BenchMachine0123456789abcdefABCD\"}"

declare -A RPS P50 P99 NOTE CPU
# CPU per request: the user and system time each process on a request's way spent during a case, over its requests
# (CPU[<case>:<process>], microseconds). MariaDB only when it runs on this machine.
CPU_PROCESSES=(user-service gateway proxy-floor nginx mariadb)
CLOCK_TICKS=$(getconf CLK_TCK)
case $db_host in 127.0.0.1 | localhost | ::1) MARIADB_PID=$(pgrep -x mariadbd || pgrep -x mysqld || true) ;; *) MARIADB_PID="" ;; esac
MARIADB_PID=${MARIADB_PID%%$'\n'*}
cpu_ticks() { # process -> clock ticks of CPU time so far
  local pid_var="PID_${1//-/_}" pids
  case $1 in
    nginx) pids=$(pgrep -P "$(cat "$work/nginx.pid")") ;;
    mariadb) pids=$MARIADB_PID ;;
    *) pids=${!pid_var} ;;
  esac
  for pid in $pids; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{t += $1} END {print t + 0}'
}
run_case() { # name url method body token [connections] [warm-up, "none" for none]
  local name=$1 url=$2 result open=${6:-$connections} warm=${7:-$warmup} before=() process i=0 requests
  say "$name: warm-up $warm, then $duration at $open connections"
  [ "$warm" = none ] || BENCH_METHOD=$3 BENCH_BODY=$4 BENCH_TOKEN=$5 wrk -t "$threads" -c "$open" -d "$warm" \
    --timeout 10s -s bench/wrk-report.lua "$url" >/dev/null
  for process in "${CPU_PROCESSES[@]}"; do before+=("$(cpu_ticks "$process")"); done
  result=$(BENCH_METHOD=$3 BENCH_BODY=$4 BENCH_TOKEN=$5 wrk -t "$threads" -c "$open" -d "$duration" --timeout 10s \
    -s bench/wrk-report.lua "$url" | grep '^RESULT')
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  for process in "${CPU_PROCESSES[@]}"; do
    CPU[$name:$process]=$(awk -v a="${before[$i]}" -v b="$(cpu_ticks "$process")" -v hz="$CLOCK_TICKS" -v n="$requests" \
      'BEGIN {printf "%.1f", n ? (b - a) * 1e6 / hz / n : 0}')
    i=$((i + 1))
  done
  RPS[$name]=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$result")
  P50[$name]=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$result")
  P99[$name]=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$result")
  NOTE[$name]="$(sed -n 's/.*requests=\([0-9]*\) non2xx=\([0-9]*\) socket_errors=\([0-9]*\).*/\1 requests, \2 non-2xx, \3 socket errors/p' <<<"$result")"
}

# Warms a case in slices of $slice until its throughput stops rising: the JIT compiler keeps compiling the request
# path for a minute or more of load on two cores (in steps: one flat slice is no plateau), and a fixed short warm-up
# measured half-compiled code. Steady means two slices in a row no more than 5 % above the best before them, after
# at least $warmup_min; at most $warmup_max.
warm_until_steady() { # name url method body token
  local best=0 flat=0 rate spent=0 seen=""
  while :; do
    rate=$(BENCH_METHOD=$3 BENCH_BODY=$4 BENCH_TOKEN=$5 wrk -t "$threads" -c "$connections" -d "$slice" --timeout 10s \
      -s bench/wrk-report.lua "$2" | sed -n 's/^RESULT rps=\([0-9.]*\).*/\1/p')
    spent=$((spent + ${slice%s})) seen="$seen ${rate%.*}"
    if awk -v r="$rate" -v b="$best" 'BEGIN {exit !(r <= 1.05 * b)}'; then flat=$((flat + 1)); else flat=0; fi
    best=$(awk -v r="$rate" -v b="$best" 'BEGIN {print (r > b) ? r : b}')
    if [ "$spent" -ge "${warmup_min%s}" ] && [ "$flat" -ge 2 ]; then break; fi
    [ "$spent" -lt "${warmup_max%s}" ] || break
  done
  WARMUP[$1]="${spent}s, requests/s per ${slice} slice:$seen"
  say "$1 warmed up: ${WARMUP[$1]}"
}
declare -A WARMUP
FLOOR_URL="http://127.0.0.1:$(( $(port_of user-service) + 1000 ))/health/readiness"
warm_until_steady floor "$FLOOR_URL" GET "" ""
warm_until_steady direct "$USER_SERVICE/user/info/get_user_info" GET "" "$token"
warm_until_steady gateway "$GATEWAY/user/info/get_user_info" GET "" "$token"
warm_until_steady nginx "$NGINX/user/info/get_user_info" GET "" "$token"
warm_until_steady proxy "$PROXY_FLOOR/user/info/get_user_info" GET "" "$token"
# The saturated cases also run in interleaved rounds (floor, direct, gateway, nginx, bare proxy, then again) and
# report medians, so a slow moment of this shared machine falls on one round of one case, not on one case alone.
for round in $(seq 1 "$rounds"); do
  run_case "floor-$round" "$FLOOR_URL" GET "" "" "$connections" none
  run_case "direct-$round" "$USER_SERVICE/user/info/get_user_info" GET "" "$token" "$connections" none
  run_case "gateway-$round" "$GATEWAY/user/info/get_user_info" GET "" "$token" "$connections" none
  run_case "nginx-$round" "$NGINX/user/info/get_user_info" GET "" "$token" "$connections" none
  run_case "proxy-$round" "$PROXY_FLOOR/user/info/get_user_info" GET "" "$token" "$connections" none
done
# At 64 connections every case saturates the two cores, so its latency is mostly queueing (Little's law:
# connections / throughput). The latency a hop adds is measured apart, with few connections and idle cores.
# A hop's few milliseconds are small next to this shared machine's hiccups (a stalled vCPU, a JIT compilation, a
# collection in either JVM), which move a single 20 s run's p99 by several milliseconds. So the light cases run in
# interleaved rounds (direct, gateway, nginx, then again), each hop's p99 is compared with the direct p99 of its own
# round, and the medians over the rounds are reported.
for round in $(seq 1 "$light_rounds"); do
  run_case "direct-light-$round" "$USER_SERVICE/user/info/get_user_info" GET "" "$token" "$light_connections" none
  run_case "gateway-light-$round" "$GATEWAY/user/info/get_user_info" GET "" "$token" "$light_connections" none
  run_case "nginx-light-$round" "$NGINX/user/info/get_user_info" GET "" "$token" "$light_connections" none
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
added=() nginx_added=()
for round in $(seq 1 "$light_rounds"); do
  added+=("$(awk -v a="${P99[gateway-light-$round]}" -v b="${P99[direct-light-$round]}" 'BEGIN {print a - b}')")
  nginx_added+=("$(awk -v a="${P99[nginx-light-$round]}" -v b="${P99[direct-light-$round]}" 'BEGIN {print a - b}')")
done
summarize_rounds() { # case rounds
  local case=$1 count=$2
  RPS[$case]=$(for r in $(seq 1 "$count"); do echo "${RPS[$case-$r]}"; done | median)
  P50[$case]=$(for r in $(seq 1 "$count"); do echo "${P50[$case-$r]}"; done | median)
  P99[$case]=$(for r in $(seq 1 "$count"); do echo "${P99[$case-$r]}"; done | median)
  for process in "${CPU_PROCESSES[@]}"; do
    CPU[$case:$process]=$(for r in $(seq 1 "$count"); do echo "${CPU[$case-$r:$process]}"; done | median)
  done
  NOTE[$case]="median of $count rounds; requests/s per round: $(for r in $(seq 1 "$count"); do printf '%s ' "${RPS[$case-$r]}"; done)p99 per round: $(for r in $(seq 1 "$count"); do printf '%s ' "${P99[$case-$r]}"; done)"
  [ -z "${WARMUP[$case]:-}" ] || NOTE[$case]="${NOTE[$case]}; warm-up ${WARMUP[$case]}"
}
for case in floor direct gateway nginx proxy; do summarize_rounds "$case" "$rounds"; done
for case in direct-light gateway-light nginx-light; do summarize_rounds "$case" "$light_rounds"; done
# Each login spends an Argon2id hash (19 MiB, 2 passes) on user-service's small pool; past a 1 s wait for it the
# login is refused 429 (docs/api-auth-user.md). So logins are measured at a concurrency the pool is sized for.
run_case login "$GATEWAY/user/login/login_user_info" POST "$login_body" "" "$login_connections"
run_case machine-check "$GATEWAY/verify/verify_is_machine_code_available" POST "$machine_body" ""
# The same hashes with nothing around them, on the same number of threads, while the services idle.
hash_jar=$(for entry in "${SERVICES[@]}"; do
  read -r name _ <<<"$entry"; jar="$name/target/$name-0.1.0-SNAPSHOT.jar"
  if unzip -Z1 "$jar" 'org/bouncycastle/crypto/generators/Argon2BytesGenerator.class' >/dev/null 2>&1; then echo "$jar"; fi
done | head -1)
say "bare Argon2id loop: $duration on $hashing_threads threads"
hash_rate=$("$JAVA" -cp "$hash_jar" bench/HashLoop.java "$hashing_threads" "${duration%s}" | sed -n 's/.*rate=\([0-9.]*\).*/\1/p')

echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1); wrk -t$threads, $duration per case and round; 64-connection cases warmed up until steady ($slice slices, $warmup_min to $warmup_max), logins and machine checks after $warmup"
printf '%-52s %10s %9s %9s  %s\n' case requests/s p50_ms p99_ms notes
printf '%-52s %10s %9s %9s  %s\n' \
  "(f) readiness (SELECT 1), user-service directly" "${RPS[floor]}" "${P50[floor]}" "${P99[floor]}" "${NOTE[floor]}" \
  "(a) get_user_info, user-service directly" "${RPS[direct]}" "${P50[direct]}" "${P99[direct]}" "${NOTE[direct]}" \
  "(b) get_user_info through the gateway" "${RPS[gateway]}" "${P50[gateway]}" "${P99[gateway]}" "${NOTE[gateway]}" \
  "(c) get_user_info through nginx" "${RPS[nginx]}" "${P50[nginx]}" "${P99[nginx]}" "${NOTE[nginx]}" \
  "(d) get_user_info through a bare Micronaut proxy" "${RPS[proxy]}" "${P50[proxy]}" "${P99[proxy]}" "${NOTE[proxy]}" \
  "(a) at $light_connections connections" "${RPS[direct-light]}" "${P50[direct-light]}" "${P99[direct-light]}" "${NOTE[direct-light]}" \
  "(b) at $light_connections connections" "${RPS[gateway-light]}" "${P50[gateway-light]}" "${P99[gateway-light]}" "${NOTE[gateway-light]}" \
  "(c) at $light_connections connections" "${RPS[nginx-light]}" "${P50[nginx-light]}" "${P99[nginx-light]}" "${NOTE[nginx-light]}" \
  "login_user_info through the gateway, $login_connections connections" "${RPS[login]}" "${P50[login]}" "${P99[login]}" "${NOTE[login]}" \
  "verify_is_machine_code_available through the gateway" "${RPS[machine-check]}" "${P50[machine-check]}" "${P99[machine-check]}" "${NOTE[machine-check]}" \
  "bare Argon2id hashes, $hashing_threads threads" "$hash_rate" "" "" "hashes/s with nothing around them"
awk -v f="${RPS[floor]}" -v l="${RPS[login]}" -v h="$hash_rate" \
    -v g="${RPS[gateway]}" -v d="${RPS[direct]}" -v n="${RPS[nginx]}" -v gp="${P99[gateway]}" -v dp="${P99[direct]}" \
    -v np="${P99[nginx]}" -v b="${RPS[proxy]}" \
    -v c="$connections" -v lc="$light_connections" -v ga="$(echo "${added[*]}" | median)" \
    -v na="$(echo "${nginx_added[*]}" | median)" 'BEGIN {
  printf "direct/floor throughput: %.0f%% (target at least 70%%)\n", 100 * d / f
  printf "gateway/direct throughput: %.0f%%; gateway/nginx throughput: %.0f%% (target at least 90%%)\n", 100 * g / d, 100 * g / n
  printf "bare Micronaut proxy/nginx throughput: %.0f%%; gateway/bare proxy: %.0f%%\n", 100 * b / n, 100 * g / b
  printf "logins/s over bare hashes/s: %.0f%%\n", 100 * l / h
  printf "p99 added at %d connections: gateway %+.2f ms, nginx %+.2f ms\n", c, gp - dp, np - dp
  printf "p99 added at %d connections, median over the rounds of each round'"'"'s difference: gateway %+.2f ms, nginx %+.2f ms (target: gateway no more than nginx)\n", lc, ga, na }'
echo "CPU time per request at $connections connections, microseconds (median of the rounds):"
printf '  %-14s %14s %10s %14s %8s %10s %8s\n' case user-service gateway bare-proxy nginx MariaDB total
for case in floor direct gateway nginx proxy; do
  printf '  %-14s %14s %10s %14s %8s %10s %8s\n' "$case" "${CPU[$case:user-service]}" "${CPU[$case:gateway]}" \
    "${CPU[$case:proxy-floor]}" "${CPU[$case:nginx]}" "${CPU[$case:mariadb]}" "$(for process in "${CPU_PROCESSES[@]}"; do
      echo "${CPU[$case:$process]}"; done | awk '{t += $1} END {printf "%.1f", t}')"
done
printf 'RSS after the runs:'
for entry in "${SERVICES[@]}"; do
  read -r name _ <<<"$entry"; pid_var="PID_${name//-/_}"
  printf ' %s %s MB;' "$name" "$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/${!pid_var}/status")"
done
echo
nmt_json=()
if [ "$nmt" = 1 ]; then
  echo "Committed memory by JVM area after the runs (MB; native memory tracking):"
  jcmd_bin="$(dirname "$(readlink -f "$JAVA")")/jcmd"
  for entry in "${SERVICES[@]}"; do
    read -r name _ <<<"$entry"; pid_var="PID_${name//-/_}"
    areas=$("$jcmd_bin" "${!pid_var}" VM.native_memory summary scale=KB 2>/dev/null \
      | sed -n 's/^-\{0,1\} *\([A-Z][A-Za-z ]*\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\1=\2/p' | sed 's/ *=/=/')
    printf '  %-18s %s\n' "$name" "$(awk -F= '{printf "%s %.0f; ", $1, $2 / 1024}' <<<"$areas")"
    nmt_json+=("$(printf '"%s": {%s}' "$name" "$(awk -F= '{printf "%s\"%s\": %.1f", (NR > 1 ? ", " : ""), $1, $2 / 1024}' <<<"$areas")")")
  done
fi

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p bench/results
cases=()
for case in floor direct gateway nginx proxy direct-light gateway-light nginx-light login machine-check; do
  cpu_json=$(for process in "${CPU_PROCESSES[@]}"; do printf '"%s": %s\n' "$process" "${CPU[$case:$process]:-0}"; done | paste -sd, - | sed 's/,/, /g')
  cases+=("$(printf '"%s": {"requests_per_second": %s, "p50_ms": %s, "p99_ms": %s, "cpu_us_per_request": {%s}, "notes": "%s"}' \
    "$case" "${RPS[$case]}" "${P50[$case]}" "${P99[$case]}" "$cpu_json" "${NOTE[$case]}")")
done
out="bench/results/$stamp-run.json"
awk -v f="${RPS[floor]}" -v d="${RPS[direct]}" -v g="${RPS[gateway]}" -v n="${RPS[nginx]}" -v l="${RPS[login]}" -v b="${RPS[proxy]}" \
    -v h="$hash_rate" -v ga="$(echo "${added[*]}" | median)" -v na="$(echo "${nginx_added[*]}" | median)" \
    -v stamp="$stamp" -v commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    -v java="$("$JAVA" -version 2>&1 | head -1 | tr -d '"')" -v cores="$(nproc)" -v conns="$connections" \
    -v light="$light_connections" -v duration="$duration" -v threads="$hashing_threads" \
    -v cases="$(IFS=,; echo "${cases[*]}")" -v nmt="$(IFS=,; echo "${nmt_json[*]}")" 'BEGIN {
  printf "{\"script\": \"bench/run.sh\", \"time\": \"%s\", \"commit\": \"%s\", \"java\": \"%s\", \"cores\": %s,", stamp, commit, java, cores
  printf " \"connections\": %s, \"light_connections\": %s, \"duration\": \"%s\", \"cases\": {%s},", conns, light, duration, cases
  printf " \"bare_hashes_per_second\": %s, \"hashing_threads\": %s,", h, threads
  printf " \"ratios\": {\"direct_over_floor\": %.3f, \"gateway_over_direct\": %.3f, \"gateway_over_nginx\": %.3f, \"gateway_over_bare_proxy\": %.3f, \"bare_proxy_over_nginx\": %.3f, \"logins_over_bare_hashes\": %.3f},", d / f, g / d, g / n, g / b, b / n, l / h
  printf " \"committed_mb_by_area\": {%s},", nmt
  printf " \"light_p99_added_ms\": {\"gateway\": %.2f, \"nginx\": %.2f}}\n", ga, na }' >"$out"
echo "Figures written to $out"
