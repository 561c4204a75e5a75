#!/usr/bin/env bash
# Installs what the embedded faasflow cluster and the integration tests need on this machine:
#   - Debian's redis-server (node-local store), started later by RedisServerProcess, never here;
#   - npm pouchdb-server 4.2.0 in tools/couchdb/node_modules (the CouchDB stand-in), from package-lock.json;
#   - Debian's tesseract-ocr and its English data (illgal_recognizer's OCR) and fonts (its rendered images);
#   - as root, Debian's iproute2 (ip, tc: the bandwidth cap of ./faasflow experiment tail-latency).
# With --with-docker also Debian's docker.io and docker-compose, and starts dockerd when no engine answers
# (the docker runtime, its tests and the function image need one): the only service this script starts.
# Idempotent: installs only what is missing and says what it did.
# Run as root on Debian 12 (apt-get); the npm step needs no root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
couchdb_dir="${here}/couchdb"
apt_updated=no

log() { printf 'install-prerequisites: %s\n' "$*"; }

apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        log "apt-get not found: install $* with your package manager, then run this script again" >&2
        exit 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "installing $* needs root: run this script as root (or: sudo apt-get install -y $*)" >&2
        exit 1
    fi
    if [ "${apt_updated}" = no ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=yes
    fi
    log "apt-get install -y $*"
    # Keep package scripts from starting services (Debian's redis-server would start a system redis on 6379):
    # a temporary policy-rc.d answering 101 ("action forbidden"), removed afterwards; an existing one is kept.
    local policy=/usr/sbin/policy-rc.d own_policy=no
    if [ ! -e "${policy}" ]; then
        printf '#!/bin/sh\nexit 101\n' > "${policy}"
        chmod +x "${policy}"
        own_policy=yes
    fi
    local rc=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" || rc=$?
    if [ "${own_policy}" = yes ]; then
        rm -f "${policy}"
    fi
    return "${rc}"
}

redis_present() {
    command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]
}

if redis_present; then
    log "redis-server present: $(command -v redis-server || echo /usr/bin/redis-server)"
else
    apt_install redis-server
fi

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    log "node $(node --version) and npm $(npm --version) present"
else
    apt_install nodejs npm
fi

if command -v tesseract >/dev/null 2>&1 && [ -n "$(find /usr/share/tesseract-ocr -name eng.traineddata 2>/dev/null | head -1)" ]; then
    log "tesseract present: $(tesseract --version 2>&1 | head -1)"
else
    apt_install tesseract-ocr tesseract-ocr-eng
fi

if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -1)" ]; then
    log "fonts present"
else
    apt_install fontconfig fonts-dejavu-core
fi

if command -v ip >/dev/null 2>&1 && command -v tc >/dev/null 2>&1; then
    log "ip and tc present"
elif [ "$(id -u)" -eq 0 ]; then
    apt_install iproute2
else
    log "ip and tc missing: ./faasflow experiment tail-latency needs them and root (apt-get install iproute2)"
fi

if [ "${1:-}" = "--with-docker" ]; then
    if command -v dockerd >/dev/null 2>&1 && command -v docker-compose >/dev/null 2>&1; then
        log "dockerd and docker-compose present"
    else
        apt_install docker.io docker-compose
    fi
    if docker info >/dev/null 2>&1; then
        log "the Docker engine answers"
    else
        log "starting dockerd (log: /var/log/faasflow-dockerd.log)"
        nohup dockerd >/var/log/faasflow-dockerd.log 2>&1 &
        for _ in $(seq 1 100); do
            docker info >/dev/null 2>&1 && break
            sleep 0.2
        done
        docker info >/dev/null 2>&1 || { log "dockerd did not answer within 20 s; see /var/log/faasflow-dockerd.log" >&2; exit 1; }
        log "the Docker engine answers"
    fi
fi

if [ -x "${couchdb_dir}/node_modules/.bin/pouchdb-server" ]; then
    log "pouchdb-server present in ${couchdb_dir}/node_modules"
else
    log "npm ci in ${couchdb_dir}"
    (cd "${couchdb_dir}" && npm ci --ignore-scripts --no-audit --no-fund)
fi

log "done"
