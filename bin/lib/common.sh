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

# Class-data sharing (AppCDS): the classes a service loads while starting, archived once per build of its
# jar, start it about twice as fast. Prints the JVM options for <jar> with archive <jsa>: use the archive
# when it was made from this jar, else write one when this run stops (the JVM does so at exit).
cds_options() {
  local jar=$1 jsa=$2
  if [ -s "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
    echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$jsa"
    echo "-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
