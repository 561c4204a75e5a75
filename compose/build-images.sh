#!/usr/bin/env bash
# Builds the images of the compose cluster from what this machine has, with no registry:
#   faasflow/jre:<version>            a jlink'd Java runtime, sh, bash, curl and a few tools: the base of the next three
#   faasflow/kafka-local:<kafka>      stand-in for apache/kafka: the broker jars from Maven Central, KRaft, configured
#                                     by KAFKA_* variables as the official image is (its own KafkaDockerWrapper)
#   faasflow/redis-local:<redis>      stand-in for redis: Debian's redis-server and redis-cli with their libraries
#   faasflow/couchdb-local:<pouchdb>  stand-in for couchdb: pouchdb-server from npm on Debian's node
#   faasflow/node-scheduler:<version> the node scheduler
#   faasflow/ingress:<version>        the Quarkus ingress
#   faasflow/functions:<version>      the function server (compose/build-function-image.sh)
# Each is also tagged :latest; compose/local-images.env points docker-compose at the stand-ins.
#
#   compose/build-images.sh [--force] [IMAGE...]   IMAGE: jre kafka redis couchdb node-scheduler ingress functions
#                                                  (default: all); --force builds again even when up to date
#
# An image whose inputs (files, this script, its Dockerfile) are unchanged is not built again: it carries their
# digest as label io.faasflow.inputs. Needs a JDK 25 (JAVA_HOME), a built project (./mvnw -DskipTests install),
# a Docker engine, and what tools/install-prerequisites.sh installs (redis-server, node, pouchdb-server, tesseract).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
compose="${root}/compose"
# shellcheck source=compose/image-lib.sh
. "${compose}/image-lib.sh"

log() { printf 'build-images: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

force=no
requested=()
for argument in "$@"; do
    case "${argument}" in
        --force) force=yes ;;
        jre|kafka|redis|couchdb|node-scheduler|ingress|functions) requested+=("${argument}") ;;
        *) fail "unknown image '${argument}': expected jre, kafka, redis, couchdb, node-scheduler, ingress or functions" ;;
    esac
done
[ "${#requested[@]}" -gt 0 ] || requested=(jre kafka redis couchdb node-scheduler ingress functions)

java_home="${JAVA_HOME:-}"
if [ -z "${java_home}" ]; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
command -v docker >/dev/null || fail "no docker command: install docker.io (tools/install-prerequisites.sh --with-docker does)"
docker info >/dev/null 2>&1 || fail "the Docker engine does not answer: start dockerd (tools/install-prerequisites.sh --with-docker does)"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "${root}/pom.xml" | head -1)"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "${root}/pom.xml" | head -1)"

# The digest of everything an image is made of: its Dockerfile directory, this script and the given inputs (files
# by their content only, so that two checkouts of the same commit agree; other words as they are).
inputs_digest() {
    {
        sha256sum < "${BASH_SOURCE[0]}"
        sha256sum < "${compose}/image-lib.sh"
        (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
        shift
        for input in "$@"; do
            if [ -f "${input}" ]; then sha256sum < "${input}"; else echo "${input}"; fi
        done
    } | sha256sum | cut -c1-32
}

up_to_date() { # IMAGE:TAG DIGEST
    [ "${force}" = no ] && [ "$(docker image inspect -f '{{index .Config.Labels "io.faasflow.inputs"}}' "$1" 2>/dev/null)" = "$2" ]
}

# docker_build NAME TAG DIGEST CONTEXT [BUILD-ARG...]: builds CONTEXT as NAME:TAG and NAME:latest.
docker_build() {
    local name="$1" tag="$2" digest="$3" context="$4" started
    shift 4
    local build_args=()
    for argument in "$@"; do build_args+=(--build-arg "${argument}"); done
    started=$(date +%s)
    # The engine's notice that its legacy builder is deprecated goes to standard error: shown only on failure.
    if ! docker build -q "${build_args[@]}" --label "io.faasflow.inputs=${digest}" -t "${name}:${tag}" -t "${name}:latest" \
            "${context}" >"${context}/.build.log" 2>&1; then
        cat "${context}/.build.log" >&2
        fail "docker build of ${name}:${tag} failed"
    fi
    log "built ${name}:${tag} in $(( $(date +%s) - started )) s ($(docker image inspect -f '{{.Size}}' "${name}:${tag}" | awk '{printf "%.0f MB", $1/1e6}'))"
}

new_root() { # CONTEXT: an empty root file system under CONTEXT/rootfs, with /tmp and /bin -> usr/bin as on Debian
    mkdir -p "$1/rootfs/tmp" "$1/rootfs/usr/bin"
    chmod 1777 "$1/rootfs/tmp"
    ln -s usr/bin "$1/rootfs/bin"
}

# Build contexts are made under one temporary folder, removed on exit (new_context runs in a subshell, so it
# cannot record what it made in a variable of this shell).
contexts="$(mktemp -d "${TMPDIR:-/tmp}/faasflow-images.XXXXXX")"
trap 'rm -rf "${contexts}"' EXIT

new_context() { # IMAGE-DIRECTORY: a temporary build context holding the image's Dockerfile and files
    local context
    context="$(mktemp -d "${contexts}/image.XXXXXX")"
    cp -r "$1/." "${context}/"
    echo "${context}"
}

require_file() { [ -f "$1" ] || fail "$1 is missing: $2"; }

jar_list() { # RUNTIME-CLASSPATH-FILE [EXTRA-JAR...]: one jar per line
    local file="$1"
    shift
    tr ':' '\n' < "${file}" | grep .
    for jar in "$@"; do echo "${jar}"; done
}

build_jre() {
    "${java_home}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
        || fail "the JDK in ${java_home} is older than 21: set JAVA_HOME to a JDK 21 or newer"
    local digest context
    digest="$(inputs_digest "${compose}/images/jre" "$("${java_home}/bin/java" -version 2>&1)" \
        "$(command -v bash)" "$(command -v curl)" "$(command -v dash)")"
    up_to_date "faasflow/jre:${version}" "${digest}" && { log "faasflow/jre:${version} is up to date"; return; }
    context="$(new_context "${compose}/images/jre")"
    new_root "${context}"
    log "jlink runtime from ${java_home}"
    "${java_home}/bin/jlink" --output "${context}/rootfs/opt/java" --strip-debug --no-man-pages --no-header-files \
        --add-modules java.se,jdk.unsupported,jdk.management,jdk.crypto.cryptoki,jdk.security.auth,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.httpserver,jdk.jfr
    copy_linked_libraries "${context}/rootfs" "${context}/rootfs/opt/java/bin/java" $(find "${context}/rootfs/opt/java" -name '*.so')
    copy_programs "${context}/rootfs" dash bash sleep test cat ls rm mkdir env curl
    ln -s dash "${context}/rootfs/usr/bin/sh"
    docker_build faasflow/jre "${version}" "${digest}" "${context}"
}

build_kafka() {
    local classpath="${compose}/target/runtime-classpath.txt" digest context
    require_file "${classpath}" "run ./mvnw -DskipTests install (the compose module lists the broker's jars)"
    digest="$(inputs_digest "${compose}/images/kafka" "$(docker image inspect -f '{{.Id}}' "faasflow/jre:${version}")" \
        $(jar_list "${classpath}"))"
    up_to_date "faasflow/kafka-local:${kafka_version}" "${digest}" && { log "faasflow/kafka-local:${kafka_version} is up to date"; return; }
    context="$(new_context "${compose}/images/kafka")"
    mkdir -p "${context}/libs"
    jar_list "${classpath}" | xargs -r cp -t "${context}/libs/"
    docker_build faasflow/kafka-local "${kafka_version}" "${digest}" "${context}" "BASE=faasflow/jre:${version}"
}

build_redis() {
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null \
        || fail "no redis-server or redis-cli: apt-get install redis-server (tools/install-prerequisites.sh does)"
    local redis_version digest context
    redis_version="$(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')"
    digest="$(inputs_digest "${compose}/images/redis" "$(command -v redis-server)" "$(command -v redis-cli)")"
    up_to_date "faasflow/redis-local:${redis_version}" "${digest}" && { log "faasflow/redis-local:${redis_version} is up to date"; return; }
    context="$(new_context "${compose}/images/redis")"
    new_root "${context}"
    copy_programs "${context}/rootfs" redis-server redis-cli
    mkdir -p "${context}/rootfs/data"
    docker_build faasflow/redis-local "${redis_version}" "${digest}" "${context}"
}

build_couchdb() {
    local modules="${root}/tools/couchdb/node_modules" pouchdb_version digest context
    [ -x "${modules}/.bin/pouchdb-server" ] || fail "no pouchdb-server in ${modules}: run tools/install-prerequisites.sh"
    command -v node >/dev/null || fail "no node: apt-get install nodejs (tools/install-prerequisites.sh does)"
    pouchdb_version="$(sed -n 's/.*"pouchdb-server": *"\([^"]*\)".*/\1/p' "${root}/tools/couchdb/package.json")"
    digest="$(inputs_digest "${compose}/images/couchdb" "${root}/tools/couchdb/package-lock.json" "$(command -v node)" "$(command -v curl)")"
    up_to_date "faasflow/couchdb-local:${pouchdb_version}" "${digest}" && { log "faasflow/couchdb-local:${pouchdb_version} is up to date"; return; }
    context="$(new_context "${compose}/images/couchdb")"
    new_root "${context}"
    copy_programs "${context}/rootfs" node curl
    mkdir -p "${context}/rootfs/opt/pouchdb-server" "${context}/rootfs/opt/couchdb/data"
    cp -r "${root}/tools/couchdb/node_modules" "${root}/tools/couchdb/package.json" "${context}/rootfs/opt/pouchdb-server/"
    docker_build faasflow/couchdb-local "${pouchdb_version}" "${digest}" "${context}"
}

build_node_scheduler() {
    local jar="${root}/node-scheduler/target/node-scheduler-${version}.jar" classpath="${root}/node-scheduler/target/runtime-classpath.txt" digest context
    require_file "${jar}" "run ./mvnw -DskipTests install"
    require_file "${classpath}" "run ./mvnw -DskipTests install"
    digest="$(inputs_digest "${compose}/images/node-scheduler" "$(docker image inspect -f '{{.Id}}' "faasflow/jre:${version}")" \
        $(jar_list "${classpath}" "${jar}"))"
    up_to_date "faasflow/node-scheduler:${version}" "${digest}" && { log "faasflow/node-scheduler:${version} is up to date"; return; }
    context="$(new_context "${compose}/images/node-scheduler")"
    mkdir -p "${context}/lib"
    jar_list "${classpath}" "${jar}" | xargs -r cp -t "${context}/lib/"
    docker_build faasflow/node-scheduler "${version}" "${digest}" "${context}" "BASE=faasflow/jre:${version}"
}

build_ingress() {
    local app="${root}/ingress/target/quarkus-app" digest context
    require_file "${app}/quarkus-run.jar" "run ./mvnw -DskipTests install"
    digest="$(inputs_digest "${compose}/images/ingress" "$(docker image inspect -f '{{.Id}}' "faasflow/jre:${version}")" \
        $(find "${app}" -type f | sort))"
    up_to_date "faasflow/ingress:${version}" "${digest}" && { log "faasflow/ingress:${version} is up to date"; return; }
    context="$(new_context "${compose}/images/ingress")"
    cp -r "${app}" "${context}/quarkus-app"
    docker_build faasflow/ingress "${version}" "${digest}" "${context}" "BASE=faasflow/jre:${version}"
}

started=$(date +%s)
# kafka, node-scheduler and ingress start from faasflow/jre: it is built (when stale) before them.
for image in "${requested[@]}"; do
    case "${image}" in jre|kafka|node-scheduler|ingress) build_jre; break ;; esac
done
for image in "${requested[@]}"; do
    case "${image}" in
        jre) ;;
        kafka) build_kafka ;;
        redis) build_redis ;;
        couchdb) build_couchdb ;;
        node-scheduler) build_node_scheduler ;;
        ingress) build_ingress ;;
        functions) JAVA_HOME="${java_home}" "${compose}/build-function-image.sh" $([ "${force}" = yes ] && echo --force) ;;
    esac
done
log "done in $(( $(date +%s) - started )) s: ${requested[*]}"
