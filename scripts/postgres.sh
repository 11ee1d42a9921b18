# shellcheck shell=bash
#
# scripts/postgres.sh -- sourced after scripts/bootstrap.sh (needs apt_install).
# Starts a throw-away PostgreSQL server for the tests:
#
#   source scripts/bootstrap.sh
#   source scripts/postgres.sh
#   pg_start      # exports MEETINGROOM_TEST_PG_URL, installs an EXIT trap
#   ...           # run the tests
#   # pg_stop runs automatically on exit (or call it yourself)
#
# The server lives in a fresh temp dir (data dir, unix socket, log), listens
# only on 127.0.0.1 on a free port, uses trust auth for superuser "postgres",
# and is tuned for speed, not durability. Call pg_start from the main shell,
# not from a subshell / command substitution (the trap would fire there).
# pg_start replaces any existing EXIT trap of the calling shell.

PG_BINDIR=""
PG_TMPDIR=""
PG_PORT=""

_pg_log() { printf '[postgres] %s\n' "$*" >&2; }

# Print the newest /usr/lib/postgresql/*/bin directory that has initdb.
_pg_find_bindir() {
    local d best=""
    for d in /usr/lib/postgresql/*/bin; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
            if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1)" == "$d" ]]; then
                best="$d"
            fi
        fi
    done
    [[ -n "$best" ]] || return 1
    printf '%s\n' "$best"
}

# Run a command as the user owning the cluster (postgres refuses to run as
# root), from inside the temp dir (the postgres user may not be able to read
# the caller's cwd, e.g. /root).
_pg_as_owner() (
    cd "${PG_TMPDIR:-/}" || exit 1
    if [[ "$(id -u)" -ne 0 ]]; then
        exec "$@"
    elif command -v runuser >/dev/null 2>&1; then
        exec runuser -u postgres -- "$@"
    else
        exec su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    fi
)

_pg_free_port() {
    local py
    py="$(command -v python3 || command -v python3.11 || true)"
    if [[ -z "$py" && -n "${VENV:-}" ]]; then py="$VENV/bin/python"; fi
    "$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

_pg_show_log() {
    if [[ -n "$PG_TMPDIR" && -f "$PG_TMPDIR/postgres.log" ]]; then
        _pg_log "---- last lines of $PG_TMPDIR/postgres.log ----"
        tail -n 30 "$PG_TMPDIR/postgres.log" >&2 || true
    fi
}

# pg_start -- start the server and export MEETINGROOM_TEST_PG_URL.
pg_start() {
    local base attempt
    local -a initdb_common

    if [[ -n "$PG_TMPDIR" ]]; then
        pg_stop
    fi

    if ! PG_BINDIR="$(_pg_find_bindir)"; then
        _pg_log "No initdb under /usr/lib/postgresql/*/bin; installing Debian package 'postgresql'."
        apt_install postgresql || return 1
        if ! PG_BINDIR="$(_pg_find_bindir)"; then
            _pg_log "ERROR: postgresql installed but no initdb under /usr/lib/postgresql/*/bin."
            return 1
        fi
    fi

    if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        _pg_log "Creating system user 'postgres'."
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
            --shell /bin/bash postgres || return 1
    fi

    # Short path: the unix socket path must stay below ~100 characters.
    base="${TMPDIR:-/tmp}"
    if [[ ! -d "$base" || ! -w "$base" || ${#base} -gt 60 ]]; then base=/tmp; fi
    PG_TMPDIR="$(mktemp -d "$base/meetingroom-pg.XXXXXXXX")" || return 1
    if [[ "$(id -u)" -eq 0 ]]; then
        chown postgres: "$PG_TMPDIR" || return 1
        if ! runuser -u postgres -- test -w "$PG_TMPDIR" 2>/dev/null &&
            ! su postgres -s /bin/sh -c "test -w '$PG_TMPDIR'" 2>/dev/null; then
            # e.g. TMPDIR inside /root: not reachable for the postgres user.
            rm -rf "$PG_TMPDIR"
            PG_TMPDIR="$(mktemp -d /tmp/meetingroom-pg.XXXXXXXX)" || return 1
            chown postgres: "$PG_TMPDIR" || return 1
        fi
    fi
    trap pg_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    initdb_common=("$PG_BINDIR/initdb" -D "$PG_TMPDIR/data" -A trust -U postgres --encoding=UTF8)
    if ! _pg_as_owner "${initdb_common[@]}" --locale=C.UTF-8 >"$PG_TMPDIR/initdb.log" 2>&1; then
        _pg_log "initdb --locale=C.UTF-8 failed; retrying with --no-locale."
        _pg_as_owner rm -rf "$PG_TMPDIR/data"
        if ! _pg_as_owner "${initdb_common[@]}" --no-locale >"$PG_TMPDIR/initdb.log" 2>&1; then
            _pg_log "ERROR: initdb failed:"
            cat "$PG_TMPDIR/initdb.log" >&2 || true
            return 1
        fi
    fi

    _pg_as_owner tee -a "$PG_TMPDIR/data/postgresql.conf" >/dev/null <<CONF || return 1

# --- throw-away test server (scripts/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMPDIR'
max_connections = 200
fsync = off
full_page_writes = off
synchronous_commit = off
CONF

    # A free port can be taken between picking and binding it: retry a few times.
    for attempt in 1 2 3 4 5; do
        PG_PORT="$(_pg_free_port)" || return 1
        if _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -l "$PG_TMPDIR/postgres.log" \
                -w -t 60 -o "-p $PG_PORT" start >/dev/null; then
            export MEETINGROOM_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
            _pg_log "PostgreSQL $("$PG_BINDIR/pg_ctl" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT (dir $PG_TMPDIR)"
            return 0
        fi
        _pg_log "pg_ctl start failed on port $PG_PORT (attempt $attempt)."
        _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m immediate stop >/dev/null 2>&1 || true
    done
    _pg_show_log
    _pg_log "ERROR: could not start PostgreSQL."
    return 1
}

# pg_stop -- stop the server and delete its temp dir. Idempotent, never fails.
pg_stop() {
    if [[ -z "$PG_TMPDIR" ]]; then
        return 0
    fi
    if [[ -f "$PG_TMPDIR/data/postmaster.pid" ]]; then
        _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m immediate -w stop >/dev/null 2>&1 ||
            _pg_log "WARNING: could not stop the server in $PG_TMPDIR"
    fi
    rm -rf "$PG_TMPDIR" || true
    PG_TMPDIR=""
    PG_PORT=""
    unset MEETINGROOM_TEST_PG_URL
    return 0
}
