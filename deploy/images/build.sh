#!/usr/bin/env bash
# Builds the platform's images once and reuses them: each image is tagged with a hash of its inputs
# (its folder here, its parent image, and for the services the sources), so a rebuild happens only when
# an input changed. No registry is needed: the base image comes from debootstrap and every other image is
# built on it. Any image can be replaced by setting its variable (then it is used as is, not built):
#   CEM_BASE_IMAGE      Debian bookworm root              default: debootstrap -> cem/base:bookworm-<hash> as root
#                                                          on Debian, else debian:bookworm-slim (Docker Desktop)
#   CEM_NODE_IMAGE      Node 20 runtime, user `node`       e.g. node:20-bookworm-slim
#   CEM_POSTGRES_IMAGE  PostgreSQL 15                      e.g. postgres:15
#   CEM_KAFKA_IMAGE     Apache Kafka 3.9 KRaft             e.g. apache/kafka:3.9.1
#   CEM_MONGO_IMAGE     MongoDB-wire server (FerretDB)     e.g. mongo:7
#   CEM_KEYCLOAK_IMAGE  Keycloak 26 with the realms of deploy/keycloak imported at start (no official equivalent:
#                       quay.io/keycloak/keycloak needs the realms mounted and `start-dev --import-realm`)
#   CEM_<SERVICE>_IMAGE one per service (submissions, councils, recognition, reporting)
# Writes the names in use to .cache/images.env (sourced by the tests and the compose test).
# CEM_IMAGE_NAMESPACE (default cem) names the images we build: <namespace>/<image>:<hash>. Another namespace
# builds everything once more beside the existing images (e.g. to time a first run without deleting them).
# Usage: build.sh [all|servers|services]   (default all)
set -euo pipefail
IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$IMAGES_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache"
ENV_FILE="$CACHE_DIR/images.env"
SERVICES=(submissions councils recognition reporting)
NAMESPACE=${CEM_IMAGE_NAMESPACE:-cem}
log() { echo "[images] $*"; }
die() { echo "[images] ERROR: $*" >&2; exit 1; }
cd "$REPO_ROOT"

# BuildKit is needed (COPY --chmod, cache mounts). Docker Desktop's client builds with it; Debian's
# docker.io client does with DOCKER_BUILDKIT=1 (a client without buildx, as preinstalled here, does not).
export DOCKER_BUILDKIT=1
DOCKER_BUILD=(docker build)
if ! docker buildx version >/dev/null 2>&1 && [[ -x /usr/bin/docker ]]; then DOCKER_BUILD=(/usr/bin/docker build); fi

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_id() { docker image inspect -f '{{.Id}}' "$1"; }

# hash_of PATH...: a short hash of the contents of the given files and folders (git-ignored files left out,
# so caches and node_modules never count) plus any extra text on stdin.
hash_of() {
  {
    cat
    git ls-files -co --exclude-standard -- "$@" | LC_ALL=C sort | while read -r f; do
      [[ -f "$f" ]] && { echo "$f"; sha256sum <"$f"; }
    done
  } | sha256sum | cut -c1-12
}

# The Debian mirror apt already uses on this machine (deb822 or one-line sources), else deb.debian.org.
debian_mirror() {
  local m
  m=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [[ -z "$m" ]] && m=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}

build_base() {
  if [[ -n "${CEM_BASE_IMAGE:-}" ]]; then log "base: $CEM_BASE_IMAGE (given)"; return; fi
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    # Docker Desktop, or no root: no debootstrap here, but a registry is usually reachable.
    CEM_BASE_IMAGE=debian:bookworm-slim
    log "base: $CEM_BASE_IMAGE (not root on Debian: no debootstrap; set CEM_BASE_IMAGE to choose another)"
    return
  fi
  local mirror tag
  mirror=$(debian_mirror)
  # The host's extra certificate authorities (a company or sandbox proxy) are trusted inside as well.
  local cas=(/usr/local/share/ca-certificates/*.crt)
  [[ -e "${cas[0]}" ]] || cas=()
  tag="$NAMESPACE/base:bookworm-$( { echo "$mirror"; cat "${cas[@]}" /dev/null; } | hash_of deploy/images/base)"
  if image_exists "$tag"; then
    log "base: $tag (cached)"
  else
    command -v debootstrap >/dev/null || { log "installing debootstrap"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
    local root="$CACHE_DIR/images/base-root"
    log "base: debootstrap bookworm from $mirror (a minute or two)"
    bash "$IMAGES_DIR/base/rootfs.sh" "$root" "$mirror" "${cas[@]}" >"$CACHE_DIR/images/base.log" 2>&1 \
      || { tail -n 30 "$CACHE_DIR/images/base.log" >&2; die "debootstrap failed, log: $CACHE_DIR/images/base.log"; }
    # Node reads only its own CA list unless told: point it (and other tools) at the system bundle.
    tar -C "$root" -c . | docker import -c 'CMD ["bash"]' \
      -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' - "$tag" >/dev/null
    rm -rf --one-file-system "$root"
    log "base: built $tag"
  fi
  CEM_BASE_IMAGE=$tag
}

# build_image VAR NAME DIR ARG=VALUE...: builds deploy/images/DIR as $NAMESPACE/NAME:<hash> unless VAR is set; the
# hash covers the folder, $INPUTS, the build args and the ids of the parent images (*_IMAGE args).
build_image() {
  local var=$1 name=$2 dir=$3; shift 3
  if [[ -n "${!var:-}" ]]; then log "$name: ${!var} (given)"; return; fi
  local args=() extra="" a
  for a in "$@"; do
    args+=(--build-arg "$a"); extra+="$a"$'\n'
    if [[ ${a%%=*} == *_IMAGE ]]; then extra+="$(image_id "${a#*=}")"$'\n'; fi
  done
  local tag="$NAMESPACE/$name:$(echo "$extra" | hash_of "deploy/images/$dir" ${INPUTS:-})"
  if image_exists "$tag"; then
    log "$name: $tag (cached)"
  else
    log "$name: building $tag"
    "${DOCKER_BUILD[@]}" -q -f "deploy/images/$dir/Dockerfile" "${args[@]}" ${TARGET:+--target "$TARGET"} \
      --label "org.cem.inputs=$tag" -t "$tag" "${CONTEXT:-deploy/images/$dir}" >/dev/null
  fi
  printf -v "$var" '%s' "$tag"
}

# Writes the names in use to $ENV_FILE; names this run did not deal with (build.sh servers / services) are kept.
write_env() {
  mkdir -p "$CACHE_DIR"
  local v line tmp="$ENV_FILE.$$"
  {
    echo "# Written by deploy/images/build.sh: the images in use."
    for v in CEM_BASE_IMAGE CEM_NODE_IMAGE CEM_POSTGRES_IMAGE CEM_KAFKA_IMAGE CEM_MONGO_IMAGE CEM_KEYCLOAK_IMAGE \
             CEM_SUBMISSIONS_IMAGE CEM_COUNCILS_IMAGE CEM_RECOGNITION_IMAGE CEM_REPORTING_IMAGE; do
      if [[ -n "${!v:-}" ]]; then
        echo "export $v=${!v}"
      elif line=$(grep -s "^export $v=" "$ENV_FILE"); then
        echo "$line"
      fi
    done
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

what=${1:-all}
mkdir -p "$CACHE_DIR/images"
bash "$IMAGES_DIR/engine.sh"
build_base
if [[ $what == all || $what == servers ]]; then
  build_image CEM_POSTGRES_IMAGE postgres postgres "BASE_IMAGE=$CEM_BASE_IMAGE"
  INPUTS="deploy/local/kafka/pom.xml" CONTEXT=. build_image CEM_KAFKA_IMAGE kafka kafka "BASE_IMAGE=$CEM_BASE_IMAGE"
  INPUTS="deploy/local/ferretdb deploy/local/ferretdb.sh" CONTEXT=. build_image CEM_MONGO_IMAGE ferretdb ferretdb "BASE_IMAGE=$CEM_BASE_IMAGE"
  INPUTS="deploy/local/lib.sh deploy/local/keycloak.sh deploy/keycloak/realm-cem.json deploy/keycloak/realm-cem-other.json" \
    CONTEXT=. build_image CEM_KEYCLOAK_IMAGE keycloak keycloak "BASE_IMAGE=$CEM_BASE_IMAGE"
fi
if [[ $what == all || $what == services ]]; then
  build_image CEM_NODE_IMAGE node node "BASE_IMAGE=$CEM_BASE_IMAGE"
  for s in "${SERVICES[@]}"; do
    var="CEM_${s^^}_IMAGE"
    # Tests and docs do not go into an image: editing them rebuilds nothing.
    INPUTS="package.json package-lock.json .swcrc tsconfig.base.json .dockerignore tools/build-project.js libs services
      :(exclude,glob)**/*.spec.ts :(exclude,glob)**/*.int-spec.ts :(exclude,glob)**/*.e2e-spec.ts :(exclude,glob)**/*.md" \
      CONTEXT=. TARGET=service build_image "$var" "$s" service "NODE_IMAGE=$CEM_NODE_IMAGE" "SERVICE=$s"
  done
fi
write_env
log "images: $ENV_FILE"
