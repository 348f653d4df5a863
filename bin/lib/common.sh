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
