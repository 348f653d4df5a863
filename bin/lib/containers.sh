# Shared by bin/test, bin/test-in-container and deploy/scripts/build-local-images.sh: Podman as root on a machine
# without a Docker daemon or a reachable image registry. Source bin/lib/common.sh first.

AEGIS_BASE_IMAGE=${AEGIS_CONTAINER_IMAGE:-localhost/aegis-bookworm-minbase}
AEGIS_RUNTIME_IMAGE=${AEGIS_RUNTIME_IMAGE:-localhost/aegisspeed/java-runtime:25}

# Podman with runc (crun cannot create containers on some hosts) and raised default open-files and processes limits
# (without them builds fail with "did not get container create message from subprocess: EOF"). Exports
# CONTAINERS_CONF, which every podman call of this shell and its children then reads.
ensure_podman() {
  command -v podman >/dev/null && command -v runc >/dev/null && command -v debootstrap >/dev/null \
    || apt_install podman runc debootstrap
  local conf="${XDG_CACHE_HOME:-$HOME/.cache}/aegisspeed/containers.conf"
  mkdir -p "$(dirname "$conf")"
  local nested=""
  # Inside a container (bin/test-in-container runs one, privileged) Podman runs nested: no systemd to manage
  # cgroups or keep an event journal, and overlay storage cannot sit on the outer overlay.
  if [ -f /run/.containerenv ]; then
    nested=$'cgroup_manager = "cgroupfs"\nevents_logger = "file"'
    export STORAGE_DRIVER=vfs
  fi
  cat >"$conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
$nested
CONF
  export CONTAINERS_CONF="$conf"
}

# A Debian 12 base image made from Debian's packages (debootstrap), once: no image registry is needed.
ensure_base_image() {
  as_root podman image exists "$AEGIS_BASE_IMAGE" && return 0
  local work; work=$(mktemp -d)
  say "Building the base image $AEGIS_BASE_IMAGE (debootstrap --variant=minbase bookworm)..."
  as_root debootstrap --variant=minbase bookworm "$work/rootfs" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log"; as_root rm -rf "$work"; exit 1; }
  # A network that inspects TLS brings its own certificate authorities: the image trusts what this host trusts
  # locally (ca-certificates adds them to the system and Java stores when it is installed).
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    as_root mkdir -p "$work/rootfs/usr/local/share/ca-certificates"
    as_root cp /usr/local/share/ca-certificates/*.crt "$work/rootfs/usr/local/share/ca-certificates/"
  fi
  as_root tar -C "$work/rootfs" -c . | as_root podman import - "$AEGIS_BASE_IMAGE" >/dev/null
  as_root rm -rf "$work"
}

# The images' Java 25 runtime where the Dockerfiles' default (Temurin's Java 25 JRE image) cannot be pulled: the base image plus a runtime linked
# (jlink) from this machine's JDK 25 or later, at the path and on the PATH the Temurin images use. Rebuilt when
# the JDK changes.
ensure_runtime_image() {
  local jdk="" candidate
  for candidate in /usr/lib/jvm/*/bin/jlink; do
    [ "$(java_major "${candidate%/jlink}/java")" -ge 25 ] && jdk=${candidate%/bin/jlink}
  done
  [ -n "$jdk" ] || { say "No JDK 25 or later under /usr/lib/jvm to make $AEGIS_RUNTIME_IMAGE from (set AEGIS_RUNTIME_IMAGE to a Java 25 image)."; exit 1; }
  local label; label=$("$jdk/bin/java" -version 2>&1 | head -1 | tr -dc 'A-Za-z0-9._-' | head -c 60)
  if as_root podman image exists "$AEGIS_RUNTIME_IMAGE" \
      && [ "$(as_root podman image inspect --format '{{index .Labels "aegisspeed.jdk"}}' "$AEGIS_RUNTIME_IMAGE")" = "$label" ]; then
    return 0
  fi
  ensure_base_image
  say "Building $AEGIS_RUNTIME_IMAGE (jlink from $jdk)..."
  local work; work=$(mktemp -d)
  # The modules the five services use (jdeps --print-module-deps over their jars), plus the XML parser logback
  # reads its configuration with, the character sets of the MySQL driver and DNS naming. Only Java debug attributes
  # are stripped: stripping native symbols needs binutils' objcopy, which a bare machine lacks.
  "$jdk/bin/jlink" --output "$work/runtime" --strip-java-debug-attributes --no-man-pages --no-header-files \
    --add-modules java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.scripting,java.security.sasl,java.sql,java.xml,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.charsets,jdk.naming.dns,jdk.zipfs
  # The runtime's default class-data archive, as the JDK's own installer makes it.
  "$work/runtime/bin/java" -Xshare:dump >/dev/null 2>&1 || true
  cat >"$work/Containerfile" <<CONTAINERFILE
FROM $AEGIS_BASE_IMAGE
COPY runtime /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL aegisspeed.jdk="$label"
CONTAINERFILE
  as_root podman build -q -t "$AEGIS_RUNTIME_IMAGE" "$work" >/dev/null
  as_root rm -rf "$work"
}
