#!/usr/bin/env bash
# Measures each service alone: wall time from `java -jar` to the first 200 on /health/readiness, the CPU time the
# JVM spent until then, and its RSS once ready and after 500 more requests, with bin/run's JVM options. The first
# start of each service has no class-data archive and writes one (as bin/run's first start does), on an empty
# schema that Flyway migrates; then the median of [rounds] starts with the archive on empty schemas, and of
# [rounds] restarts with it on the schema already migrated (a rollout's later replicas, a restart, a scale-up).
#   bench/startup.sh [rounds]        (default 5)
# Needs the shaded jars (mvn -B package -DskipTests) and MariaDB (AEGIS_TEST_DB_HOST/PORT/USER/PASSWORD).
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

sql() { mariadb --protocol=TCP -h "$db_host" -P "$db_port" -u "$db_user" ${db_password:+-p"$db_password"} -e "$1"; }
now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

fresh_schema() { sql "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
median_of() { sort -n | sed -n "$(( ($1 + 1) / 2 ))p"; }

measure() { # module schema jvm-options [archive to wait for] -> "ms cpu_ms rss_ready rss_after"
  local module=$1 schema=$2 pid start ready=""
  start=$(now_ms)
  # shellcheck disable=SC2086 # java_opts is a list of JVM options
  env AEGIS_PORT=$port AEGIS_MANAGEMENT_PORT=$((port + 1000)) AEGIS_DATA_DIR="$work" AEGIS_INTERNAL_SECRET=startup-bench \
    AEGIS_DB_URL="jdbc:mysql://$db_host:$db_port/$schema?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true" \
    AEGIS_DB_USER="$db_user" AEGIS_DB_PASSWORD="$db_password" \
    java $java_opts $3 -jar "$module/target/$module-0.1.0-SNAPSHOT.jar" >"$work/$module.log" 2>&1 &
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
  # The archive is written as the JVM exits: wait for it before the next start reads it.
  [ -z "${4:-}" ] || for _ in $(seq 1 600); do [ -s "$4" ] && break; sleep 0.1; done
}

echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "JVM options: $java_opts; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %15s %15s %17s %8s %9s %15s\n' service first_start_ms fresh_schema_ms migrated_schema_ms cpu_ms rss_mb rss_500req_mb
for module in gateway auth-service user-service machine-service anticheat-service; do
  jsa="$work/$module.jsa" cds="-XX:SharedArchiveFile=$work/$module.jsa -Xlog:cds=off" kept="aegis_t_startup_${module//-/_}"
  # A first deploy: Flyway migrates an empty schema, and there is no archive yet (this start writes it).
  fresh_schema "$kept"
  first=$(measure "$module" "$kept" "-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off" "$jsa")
  # New replicas of a new version: empty schemas, with the archive.
  fresh=$(for round in $(seq 1 "$rounds"); do
    fresh_schema "${kept}_$round"; measure "$module" "${kept}_$round" "$cds"; sql "DROP DATABASE ${kept}_$round"
  done | median_of "$rounds")
  # Restarts and scale-ups: the schema is migrated already.
  restart=$(for _ in $(seq 1 "$rounds"); do measure "$module" "$kept" "$cds"; done | median_of "$rounds")
  sql "DROP DATABASE $kept"
  read -r ms cpu rss after <<<"$restart"
  printf '%-18s %15s %15s %17s %8s %9s %15s\n' "$module" "${first%% *}" "${fresh%% *}" "$ms" "$cpu" "$rss" "$after"
done
echo "cpu_ms, rss_mb (when ready) and rss_500req_mb (after 500 more requests) are those of the migrated-schema starts."
