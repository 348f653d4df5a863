#!/usr/bin/env bash
# Builds and pushes the five images tagged by the commit they are built from, then prints the `images:` block,
# pinned by digest, for the operator's overlay (deploy/README.md, "Images"): a rollout then ships exactly that
# build, whatever the nodes have cached.
#   mvn -B package -DskipTests && deploy/scripts/build-images.sh registry.example.com/aegisspeed > images.yaml
# RUNTIME_IMAGE in the environment replaces the Dockerfiles' Java runtime, e.g. the same release by digest.
set -euo pipefail
registry=${1:?usage: $0 <registry>/<path>, e.g. registry.example.com/aegisspeed}
cd "$(dirname "$0")/../.."
if [ -n "$(git status --porcelain)" ]; then
  echo "The checkout has uncommitted changes: the commit tag would not name what is built." >&2
  exit 1
fi
tag=$(git rev-parse --short=12 HEAD)
runtime=()
if [ -n "${RUNTIME_IMAGE:-}" ]; then
  runtime=(--build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")
fi
echo "images:"
for service in gateway auth-service user-service machine-service anticheat-service; do
  docker build -q "${runtime[@]}" -f "deploy/docker/$service/Dockerfile" -t "$registry/$service:$tag" . >&2
  docker push -q "$registry/$service:$tag" >&2
  digest=$(docker inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$registry/$service:$tag" \
    | grep "^$registry/$service@" | head -n 1)
  echo "  - name: aegisspeed/$service"
  echo "    newName: $registry/$service"
  echo "    digest: ${digest#*@}   # commit $tag"
done
