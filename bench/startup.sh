#!/usr/bin/env bash
# Measures each service alone: wall time from `java -jar` to the first 200 on /health/readiness, the CPU time the
# JVM spent until then, and its RSS once ready and after 500 more requests, with bin/run's JVM options and start-up
# cache (an ahead-of-time cache on Java 25 and later, a class-data archive on 17). The first start of each service
# has no cache and writes one (as bin/run's first start does), on an empty schema that Flyway migrates; then the
# median of [rounds] starts with the cache on empty schemas, and of [rounds] restarts with it on the schema already
# migrated (a rollout's later replicas, a restart, a scale-up). Beside the services, the floor: an empty Micronaut
# application with only the HTTP server (bench/floor), started the same way, and each service's ratio to it.
# Every JDK 17 or later under /usr/lib/jvm is measured in turn (BENCH_JAVAS="<java> ..." to choose).
#   bench/startup.sh [rounds]        (default 5)
# Needs the shaded jars (mvn -B package -DskipTests) and MariaDB (AEGIS_TEST_DB_HOST/PORT/USER/PASSWORD).
# Prints a table per JVM and writes the figures to bench/results/<UTC time>-startup.json.
set -euo pipefail
source "$(dirname "$0")/../bin/lib/common.sh"
cd "$AEGIS_ROOT"

rounds=${1:-5}
db_host=${AEGIS_TEST_DB_HOST:-127.0.0.1} db_port=${AEGIS_TEST_DB_PORT:-3306}
db_user=${AEGIS_TEST_DB_USER:-root} db_password=${AEGIS_TEST_DB_PASSWORD:-}
java_opts=${AEGIS_JAVA_OPTS:-$AEGIS_DEFAULT_JAVA_OPTS}
port=18990
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
FLOOR_JAR=bench/floor/target/startup-floor-0.1.0-SNAPSHOT.jar
[ -f "$FLOOR_JAR" ] && [ -z "$(find bench/floor/pom.xml bench/floor/src -newer "$FLOOR_JAR" -print -quit)" ] \
  || { say "Building the start-up floor (bench/floor)..."; mvn -B -q -f bench/floor/pom.xml -DskipTests package; }

if [ -n "${BENCH_JAVAS:-}" ]; then
  read -r -a javas <<<"$BENCH_JAVAS"
else
  javas=()
  for candidate in /usr/lib/jvm/*/bin/java; do
    real=$(readlink -f "$candidate")
    [ "$(java_major "$real")" -ge 17 ] && [[ " ${javas[*]} " != *" $real "* ]] && javas+=("$real")
  done
fi

sql() { mariadb --protocol=TCP -h "$db_host" -P "$db_port" -u "$db_user" ${db_password:+-p"$db_password"} -e "$1"; }
now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
fresh_schema() { sql "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
median_of() { sort -n | sed -n "$(( ($1 + 1) / 2 ))p"; }
jar_of() { if [ "$1" = floor ]; then echo "$FLOOR_JAR"; else echo "$1/target/$1-0.1.0-SNAPSHOT.jar"; fi; }

measure() { # java module schema cache-options [cache file to wait for] -> "ms cpu_ms rss_ready rss_after"
  local java=$1 module=$2 schema=$3 pid start ready=""
  start=$(now_ms)
  # shellcheck disable=SC2086 # java_opts and the cache options are lists of JVM options
  env AEGIS_PORT=$port AEGIS_MANAGEMENT_PORT=$((port + 1000)) AEGIS_DATA_DIR="$work" AEGIS_INTERNAL_SECRET=startup-bench \
    AEGIS_DB_URL="jdbc:mysql://$db_host:$db_port/$schema?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true" \
    AEGIS_DB_USER="$db_user" AEGIS_DB_PASSWORD="$db_password" \
    "$java" $java_opts $4 -jar "$(jar_of "$module")" >"$work/$module.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/health/readiness" 2>/dev/null; then ready=$(now_ms); break; fi
    sleep 0.01
  done
  [ -n "$ready" ] || { tail -20 "$work/$module.log" >&2; kill "$pid"; exit 1; }
  local rss_ready cpu_ms; rss_ready=$(rss_mb "$pid")
  cpu_ms=$(awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$pid/stat")
  for _ in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$((port + 1000))/health/readiness"; done
  echo "$((ready - start)) $cpu_ms $rss_ready $(rss_mb "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # The cache is written as the JVM exits: wait for it before the next start reads it.
  [ -z "${5:-}" ] || for _ in $(seq 1 1200); do [ -s "$5" ] && break; sleep 0.1; done
}

stamp=$(date -u +%Y-%m-%dT%H%M%SZ) load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p bench/results
json_runs=()
echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "JVM options: $java_opts; load average before: $load_before"
for java in "${javas[@]}"; do
  major=$(java_major "$java")
  echo
  echo "$("$java" -version 2>&1 | head -1) ($java)"
  printf '%-18s %15s %15s %17s %8s %9s %15s %9s\n' service first_start_ms fresh_schema_ms migrated_schema_ms cpu_ms rss_mb rss_500req_mb vs_floor
  floor_ms="" json_services=()
  for module in floor gateway auth-service user-service machine-service anticheat-service; do
    cache="$work/$module-java$major"
    kept="aegis_t_startup_${module//-/_}"
    # A first deploy: Flyway migrates an empty schema, and there is no cache yet (this start writes it).
    fresh_schema "$kept"
    training=$(startup_cache_options "$major" "$(jar_of "$module")" "$cache")
    written="$cache.$([ "$major" -ge 25 ] && echo aot || echo jsa)"
    first=$(measure "$java" "$module" "$kept" "$training" "$written")
    using=$(startup_cache_options "$major" "$(jar_of "$module")" "$cache")
    # New replicas of a new version: empty schemas, with the cache.
    fresh=$(for round in $(seq 1 "$rounds"); do
      fresh_schema "${kept}_$round"; measure "$java" "$module" "${kept}_$round" "$using"; sql "DROP DATABASE ${kept}_$round"
    done | median_of "$rounds")
    # Restarts and scale-ups: the schema is migrated already.
    restart=$(for _ in $(seq 1 "$rounds"); do measure "$java" "$module" "$kept" "$using"; done | median_of "$rounds")
    sql "DROP DATABASE $kept"
    read -r ms cpu rss after <<<"$restart"
    [ "$module" = floor ] && floor_ms=$ms
    ratio=$(awk -v a="$ms" -v b="$floor_ms" 'BEGIN {printf "%.2f", a / b}')
    printf '%-18s %15s %15s %17s %8s %9s %15s %9s\n' "$module" "${first%% *}" "${fresh%% *}" "$ms" "$cpu" "$rss" "$after" "$ratio"
    json_services+=("$(printf '"%s": {"first_start_ms": %s, "fresh_schema_ms": %s, "migrated_schema_ms": %s, "cpu_ms": %s, "rss_ready_mb": %s, "rss_after_500_requests_mb": %s, "ratio_to_floor": %s}' \
      "$module" "${first%% *}" "${fresh%% *}" "$ms" "$cpu" "$rss" "$after" "$ratio")")
  done
  json_runs+=("$(printf '{"java": "%s", "java_major": %s, "services": {%s}}' \
    "$("$java" -version 2>&1 | head -1 | sed 's/"/\\"/g')" "$major" "$(IFS=,; echo "${json_services[*]}")")")
done
echo
echo "cpu_ms, rss_mb (when ready) and rss_500req_mb (after 500 more requests) are those of the migrated-schema starts;"
echo "vs_floor: migrated-schema start over the empty application's (floor) with the same JVM."
out="bench/results/$stamp-startup.json"
printf '{"script": "bench/startup.sh", "time": "%s", "commit": "%s", "cores": %s, "jvm_options": "%s", "rounds": %s, "load_average_before": "%s", "runs": [%s]}\n' \
  "$stamp" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(nproc)" "$java_opts" "$rounds" \
  "$load_before" "$(IFS=,; echo "${json_runs[*]}")" >"$out"
echo "Figures written to $out"
