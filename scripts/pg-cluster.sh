#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 12): Debian's `postgresql` server binaries, a cluster under
# .build/pg-cluster listening on 127.0.0.1 only, on a free port, with a password (so the tests see a URL that has
# one to redact).
#
#   scripts/pg-cluster.sh start        starts it (or finds it running) and prints its URL
#   scripts/pg-cluster.sh url          prints the URL of the running cluster
#   scripts/pg-cluster.sh stop         stops it and deletes it
#   scripts/pg-cluster.sh run CMD ...  starts it, runs CMD with PATCHBAY_TEST_DATABASE_URL set, stops it (always)
#
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the system user `patchbay-pg`
# (created when missing) and its commands run through runuser. Any failure to start is fatal, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.build/pg-cluster"
data="$root/data"
user=patchbay
password_file="$root/password"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-cluster: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin; run scripts/install-deps.sh (Debian's postgresql package)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u patchbay-pg -- "$@"
    else
        "$@"
    fi
}

url() {
    local port
    port=$(cat "$root/port")
    echo "postgres://$user:$(cat "$password_file")@127.0.0.1:$port/postgres?sslmode=disable"
}

running() {
    [ -f "$root/port" ] && as_owner "$bin/pg_ctl" -D "$data" status > /dev/null 2>&1
}

start() {
    if running; then
        url
        return
    fi
    rm -rf "$root"
    mkdir -p "$root"
    if [ "$(id -u)" -eq 0 ]; then
        id patchbay-pg > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin patchbay-pg
        chown patchbay-pg "$root"
        # The cluster's owner must reach its folder through the worktree.
        chmod o+x "$PWD/.build"
    fi
    chmod 700 "$root"
    # A password of letters and digits only: it goes into a URL unescaped.
    head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$password_file"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" > "$root/port"
    [ "$(id -u)" -eq 0 ] && chown patchbay-pg "$password_file" "$root/port"
    as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$password_file" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 > "$root/initdb.log" 2>&1 \
        || { echo "pg-cluster: initdb failed:" >&2; cat "$root/initdb.log" >&2; exit 1; }
    # Loopback only; the socket lives in the cluster's own folder. fsync off: a throwaway cluster for tests.
    as_owner "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        > /dev/null \
        || { echo "pg-cluster: the server did not start:" >&2; tail -20 "$root/server.log" >&2; exit 1; }
    url
}

stop() {
    if [ -d "$data" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -w -t 60 -m fast stop > /dev/null 2>&1 || true
    fi
    rm -rf "$root"
}

case "${1:-}" in
    start) start ;;
    url)
        running || { echo "pg-cluster: not running; run scripts/pg-cluster.sh start" >&2; exit 1; }
        url
        ;;
    stop) stop ;;
    run)
        shift
        [ $# -gt 0 ] || { echo "usage: scripts/pg-cluster.sh run CMD ..." >&2; exit 2; }
        trap stop EXIT
        PATCHBAY_TEST_DATABASE_URL=$(start)
        export PATCHBAY_TEST_DATABASE_URL
        "$@"
        ;;
    *)
        echo "usage: scripts/pg-cluster.sh start|url|stop|run CMD ..." >&2
        exit 2
        ;;
esac
