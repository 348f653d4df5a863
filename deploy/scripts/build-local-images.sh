#!/usr/bin/env bash
# Builds the five images with Podman on this machine, without any image registry: the Dockerfiles of
# deploy/docker on a local Java 25 runtime image (Debian's packages via debootstrap, plus a runtime linked from
# this machine's JDK 25), tagged localhost/aegisspeed/<service>:<tag>. Prints one line per image with its size and
# build time. Needs root, Podman (installed here on Debian/Ubuntu) and the jars (mvn -B package -DskipTests).
#   deploy/scripts/build-local-images.sh [tag]    (default: dev, the tag the dev overlay runs)
set -euo pipefail
source "$(dirname "$0")/../../bin/lib/common.sh"
source "$AEGIS_ROOT/bin/lib/containers.sh"
cd "$AEGIS_ROOT"

tag=${1:-dev}
ensure_podman
ensure_runtime_image
for service in gateway auth-service user-service machine-service anticheat-service; do
  jar="$service/target/$service-0.1.0-SNAPSHOT.jar"
  [ -f "$jar" ] || { say "$jar is missing: run mvn -B package -DskipTests first."; exit 1; }
  image="localhost/aegisspeed/$service:$tag"
  previous=$(as_root podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  started=$(date +%s%3N)
  as_root podman build -q --build-arg RUNTIME_IMAGE="$AEGIS_RUNTIME_IMAGE" \
    --ignorefile "deploy/docker/$service/Dockerfile.dockerignore" -f "deploy/docker/$service/Dockerfile" -t "$image" . >/dev/null
  size=$(as_root podman image inspect --format '{{.Size}}' "$image")
  # The build before this one under the same tag would stay behind untagged: remove it unless something uses it.
  if [ -n "$previous" ] && [ "$previous" != "$(as_root podman image inspect --format '{{.Id}}' "$image")" ]; then
    as_root podman rmi "$previous" >/dev/null 2>&1 || true
  fi
  echo "IMAGE $service $image size_mb=$((size / 1048576)) build_ms=$(( $(date +%s%3N) - started ))"
done
