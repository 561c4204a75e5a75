#!/usr/bin/env bash
# Builds the function server image (faasflow/functions) from what this machine has, with no registry:
# a jlink'd runtime of the JDK that builds faasflow, the shared libraries it and tesseract link (copied from
# this machine), tesseract and its English data, fonts, and the functions jar with its dependencies.
#
#   compose/build-function-image.sh            build unless an image of the same inputs exists
#   compose/build-function-image.sh --force    build again
#
# FAASFLOW_IMAGE_BASE names a base image to start from instead of scratch, where a registry is reachable.
#
# Needs: a JDK 25 (JAVA_HOME), a built project (./mvnw install: functions/target/functions-*.jar and runtime-classpath.txt), a
# Docker engine, tesseract-ocr (tools/install-prerequisites.sh installs it). Tags faasflow/functions:<version>
# and :latest; the image carries the digest of its inputs as label io.faasflow.inputs, so an unchanged
# build is skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=compose/image-lib.sh
. "${root}/compose/image-lib.sh"
image="${FAASFLOW_FUNCTION_IMAGE:-faasflow/functions}"
force=no
[ "${1:-}" = "--force" ] && force=yes

log() { printf 'build-function-image: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

java_home="${JAVA_HOME:-}"
if [ -z "${java_home}" ]; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
[ -x "${java_home}/bin/jlink" ] || fail "no jlink in ${java_home}/bin: set JAVA_HOME to a JDK (21 or newer)"
# 25: the image's start-up cache is made with -XX:AOTCacheOutput (JEP 514, JDK 25).
"${java_home}/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' \
    || fail "the JDK in ${java_home} is older than 25, which the image's AOT cache needs: set JAVA_HOME to a JDK 25"
command -v docker >/dev/null || fail "no docker command: install docker.io (tools/start-docker.sh does)"
docker info >/dev/null 2>&1 || fail "the Docker engine does not answer: start dockerd (tools/start-docker.sh does)"
tesseract="$(command -v tesseract || true)"
[ -n "${tesseract}" ] || fail "no tesseract: apt-get install tesseract-ocr tesseract-ocr-eng (tools/install-prerequisites.sh does)"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "${root}/pom.xml" | head -1)"
jar="${root}/functions/target/functions-${version}.jar"
classpath_file="${root}/functions/target/runtime-classpath.txt"
[ -f "${jar}" ] && [ -f "${classpath_file}" ] || fail "${jar} or ${classpath_file} missing: run ./mvnw -DskipTests install first"

tessdata="$(dirname "$(find /usr/share/tesseract-ocr -name eng.traineddata | head -1)")"
[ -f "${tessdata}/eng.traineddata" ] || fail "no eng.traineddata under /usr/share/tesseract-ocr: apt-get install tesseract-ocr-eng"

# Everything the image is made of; equal digests mean an equal image.
inputs_digest="$( {
    # By content only, so that two checkouts of the same commit agree.
    for input in "${jar}" "${root}/compose/images/functions/Dockerfile" "${BASH_SOURCE[0]}" "${root}/compose/image-lib.sh" "${tesseract}"; do
        sha256sum < "${input}"
    done
    tr ':' '\n' < "${classpath_file}" | xargs -r sha256sum | cut -d' ' -f1
    "${java_home}/bin/java" -version 2>&1
    echo "base ${FAASFLOW_IMAGE_BASE:-scratch}"
} | sha256sum | cut -c1-32)"
if [ "${force}" = no ] && [ "$(docker image inspect -f '{{index .Config.Labels "io.faasflow.inputs"}}' "${image}:${version}" 2>/dev/null)" = "${inputs_digest}" ]; then
    log "${image}:${version} is up to date (inputs ${inputs_digest})"
    exit 0
fi

started=$(date +%s)
context="$(mktemp -d "${TMPDIR:-/tmp}/faasflow-function-image.XXXXXX")"
trap 'rm -rf "${context}"' EXIT
rootfs="${context}/rootfs"
mkdir -p "${rootfs}/opt" "${rootfs}/tmp" "${rootfs}/usr/bin" "${context}/app/lib"
chmod 1777 "${rootfs}/tmp"

log "jlink runtime from ${java_home}"
"${java_home}/bin/jlink" --output "${rootfs}/opt/java" --strip-debug --no-man-pages --no-header-files \
    --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.scripting,java.security.jgss,java.instrument,jdk.httpserver,jdk.unsupported,jdk.zipfs,jdk.crypto.cryptoki

cp "${tesseract}" "${rootfs}/usr/bin/tesseract"
mkdir -p "${rootfs}${tessdata}"
cp -r "${tessdata}/." "${rootfs}${tessdata}/"

# Shared libraries: those the runtime's native code and tesseract link, and fontconfig (which the JDK loads
# by name for text rendering) with what it links in turn; plus the dynamic loader.
ldconfig_bin="$(command -v ldconfig || echo /sbin/ldconfig)"
fontconfig="$({ "${ldconfig_bin}" -p 2>/dev/null || true; } | awk '/libfontconfig\.so\.1 / {found = $NF} END {print found}')"
copy_linked_libraries "${rootfs}" "${rootfs}/opt/java/bin/java" $(find "${rootfs}/opt/java" -name '*.so') "${tesseract}" \
    ${fontconfig:+"${fontconfig}"}
if [ -n "${fontconfig}" ]; then
    cp -L --parents "${fontconfig}" "${rootfs}/"
else
    log "warning: no libfontconfig.so.1 on this machine: functions that render text in the image may fail"
fi
for dir in /etc/fonts /usr/share/fonts/truetype/dejavu; do
    if [ -d "${dir}" ]; then
        mkdir -p "${rootfs}${dir}"
        cp -rL "${dir}/." "${rootfs}${dir}/"
    fi
done

cp "${jar}" "${context}/app/lib/"
# The file has no newline at its end: read the last entry too.
tr ':' '\n' < "${classpath_file}" | while read -r dependency || [ -n "${dependency}" ]; do
    if [ -n "${dependency}" ]; then
        cp "${dependency}" "${context}/app/lib/"
    fi
done
expected=$(( $(tr ':' '\n' < "${classpath_file}" | grep -c .) + 1 ))
copied=$(find "${context}/app/lib" -name '*.jar' | wc -l)
[ "${copied}" -eq "${expected}" ] || fail "copied ${copied} jars into the image, expected ${expected} (the functions jar and ${classpath_file})"
cp "${root}/compose/images/functions/Dockerfile" "${context}/Dockerfile"

log "docker build ${image}:${version} (context $(du -sh "${context}" | cut -f1))"
# The engine's notice that its legacy builder is deprecated goes to standard error: shown only on failure.
if ! docker build -q --build-arg "BASE=${FAASFLOW_IMAGE_BASE:-scratch}" --label "io.faasflow.inputs=${inputs_digest}" \
        -t "${image}:${version}" -t "${image}:latest" "${context}" >"${context}/build.log" 2>&1; then
    cat "${context}/build.log" >&2
    fail "docker build of ${image}:${version} failed"
fi
log "built ${image}:${version} in $(( $(date +%s) - started )) s ($(docker image inspect -f '{{.Size}}' "${image}:${version}" | awk '{printf "%.0f MB", $1/1e6}'))"
