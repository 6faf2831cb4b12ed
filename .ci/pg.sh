# >>> riposte PostgreSQL block (issue 5) >>>
# Source this file (`. .ci/pg.sh`): installs PostgreSQL 15 if missing, starts a private local cluster
# (trust auth, 127.0.0.1 only) and exports RIPOSTE_TEST_PG for the store conformance tests.
riposte_pg_setup() {
  local port="${RIPOSTE_PG_PORT:-54329}"
  local dir="${RIPOSTE_PG_DIR:-/tmp/riposte-pg15}"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  # a client-only install has a bin folder without the server: look for initdb
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
    else
      sudo -n sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql' >/dev/null || return 1
    fi
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  # the server refuses to run as root: run it as the postgres account when we are root
  local as=""
  if [ "$(id -u)" = 0 ]; then as="runuser -u postgres --"; fi
  if ! $as "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    if [ ! -s "$dir/PG_VERSION" ]; then
      mkdir -p "$dir" && [ -n "$as" ] && chown postgres:postgres "$dir"
      $as "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
    fi
    $as "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c synchronous_commit=off" start >/dev/null || return 1
  fi
  $as "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='riposte_test'" | grep -q 1 ||
    $as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres riposte_test || return 1
  export RIPOSTE_TEST_PG="postgres://postgres@127.0.0.1:$port/riposte_test"
  echo "PostgreSQL ready: $RIPOSTE_TEST_PG" >&2
}
riposte_pg_setup || echo "PostgreSQL unavailable: the PostgreSQL store tests will skip" >&2
# <<< riposte PostgreSQL block (issue 5) <<<
