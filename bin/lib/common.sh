# Shared by bin/run and bin/test: repository root, privilege helper, and the Java/Maven toolchain.

AEGIS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

say() { printf '\033[1m[aegis]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if ! command -v apt-get >/dev/null; then
    say "Please install: $* (this script installs it only on Debian/Ubuntu)"
    exit 1
  fi
  say "Installing $* from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Java 17+ and Maven 3.8+ build and run the suite.
ensure_toolchain() {
  command -v java >/dev/null && command -v mvn >/dev/null || apt_install openjdk-17-jdk-headless maven
}

# JVM options for a service run by bin/run or the benchmarks. A small initial heap keeps each service's RSS
# low (the heap grows towards -Xmx only under load); SerialGC suits the 1-2 cores a service gets; C1 alone
# (TieredStopAtLevel=1) starts twice as fast for a little less peak speed (bench/ measures production options).
AEGIS_DEFAULT_JAVA_OPTS="-Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

# The JVM that runs the services: AEGIS_JAVA if set, else the newest JDK 17 or later among the system's JVMs
# (Debian's 17 and, where installed, Temurin 25), else `java` on PATH. The build stays on Java 17 bytecode, so any
# of them runs the same jars; a newer one starts faster (ahead-of-time cache, below) and verifies tokens cheaper.
aegis_java() {
  if [ -n "${AEGIS_JAVA:-}" ]; then echo "$AEGIS_JAVA"; return; fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -ge 17 ] && [ "$major" -gt "$best_major" ]; then best=$candidate best_major=$major; fi
  done
  echo "${best:-java}"
}

# The major version of the JVM <java> (17, 25...).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

# Start-up caches, one per build of a service's jar: the classes it loads while starting (and, on Java 25 and later,
# their linked state and method profiles: the ahead-of-time cache of JEP 483/514/515), written once when a run
# stops and used by every later start. Prints the JVM options for <java major version> <jar> <cache file without
# extension>: use the cache when it was made from this jar, else write one when this run stops.
startup_cache_options() {
  local major=$1 jar=$2 cache=$3
  if [ "$major" -ge 25 ]; then
    if [ -s "$cache.aot" ] && [ "$cache.aot" -nt "$jar" ]; then
      echo "-XX:AOTCache=$cache.aot -Xlog:aot=off -Xlog:cds=off"
    else
      rm -f "$cache.aot"
      echo "-XX:AOTCacheOutput=$cache.aot -Xlog:aot=off -Xlog:cds=off"
    fi
  elif [ -s "$cache.jsa" ] && [ "$cache.jsa" -nt "$jar" ]; then
    echo "-XX:SharedArchiveFile=$cache.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$cache.jsa"
    echo "-XX:ArchiveClassesAtExit=$cache.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
