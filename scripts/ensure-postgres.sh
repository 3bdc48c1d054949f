#!/usr/bin/env bash
# Makes sure a private PostgreSQL cluster for Trellis' tests is running, and prints its connection
# string as the LAST line on stdout (everything else goes to stderr).
#
# Idempotent and safe to run many times, also concurrently (a lock file serialises runs):
#   - no PostgreSQL server binaries anywhere -> installs Debian's `postgresql` package (needs root);
#   - no cluster yet -> initdb into $TRELLIS_PG_DIR (default: <repo>/.artifacts/pg, else $TMPDIR);
#   - cluster not running -> starts it on 127.0.0.1:$TRELLIS_PG_PORT (default 54329, not 5432 so it
#     never meets a system server), waits until it answers;
#   - role and database trellis_test (password trellis_test) are created when missing.
# initdb and the server refuse to run as root, so as root they run as the `postgres` user.
set -euo pipefail

port="${TRELLIS_PG_PORT:-54329}"
role="trellis_test"
database="trellis_test"
password="trellis_test"

log() { echo "ensure-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# --- server binaries ----------------------------------------------------------------------------
find_bin_dir() {
  local candidate
  if candidate="$(command -v pg_ctl 2>/dev/null)" && [ -n "$candidate" ]; then
    candidate="$(readlink -f "$candidate")"
    if [ -x "$(dirname "$candidate")/initdb" ] && [ -x "$(dirname "$candidate")/postgres" ]; then
      dirname "$candidate"; return 0
    fi
  fi
  # Debian keeps the server out of PATH under /usr/lib/postgresql/<major>/bin: take the newest.
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! bin_dir="$(find_bin_dir)"; then
  [ "$(id -u)" -eq 0 ] || die "no PostgreSQL server binaries found and not root: install the 'postgresql' package"
  log "no PostgreSQL server binaries found: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
  bin_dir="$(find_bin_dir)" || die "postgresql installed but pg_ctl/initdb still not found"
fi
log "using PostgreSQL binaries in $bin_dir"

# --- who runs the server ------------------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server as"
  as_owner() { runuser -u postgres -- "$@"; }
  owner="postgres"
else
  as_owner() { "$@"; }
  owner="$(id -un)"
fi

# --- where the cluster lives --------------------------------------------------------------------
# The repo's ignored .artifacts/ is preferred; the server's user must be able to reach it (every
# parent folder traversable), otherwise fall back to $TMPDIR.
choose_base_dir() {
  if [ -n "${TRELLIS_PG_DIR:-}" ]; then echo "$TRELLIS_PG_DIR"; return; fi
  local preferred="$repo_root/.artifacts/pg"
  if mkdir -p "$preferred" 2>/dev/null; then
    [ "$(id -u)" -eq 0 ] && chown "$owner" "$preferred"
    if as_owner test -w "$preferred" 2>/dev/null; then echo "$preferred"; return; fi
  fi
  echo "${TMPDIR:-/tmp}/trellis-pg-$port"
}
base_dir="$(choose_base_dir)"
mkdir -p "$base_dir"
[ "$(id -u)" -eq 0 ] && chown "$owner" "$base_dir"
data_dir="$base_dir/data"
socket_dir="$base_dir/run"
log_file="$base_dir/server.log"

# Concurrent runs (two test processes starting at once) must not initdb or start twice.
exec 9>"$base_dir/.lock"
flock 9

as_owner mkdir -p "$socket_dir"

if [ ! -s "$data_dir/PG_VERSION" ]; then
  log "creating a cluster in $data_dir"
  as_owner rm -rf "$data_dir"
  # Local (unix socket) connections are trusted so this script can administer the cluster without
  # a superuser password; TCP connections need a password.
  as_owner "$bin_dir/initdb" -D "$data_dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >&2
fi

psql_admin() {
  as_owner "$bin_dir/psql" -h "$socket_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

is_ready() { "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; }

# Another checkout's cluster may already answer on this port (its socket is not in our folder): use the next one.
while is_ready && [ ! -S "$socket_dir/.s.PGSQL.$port" ]; do
  port=$((port + 1))
done

if ! is_ready; then
  log "starting the server on 127.0.0.1:$port (log: $log_file)"
  # The server outlives this script: it must not inherit the lock (fd 9),
  # or the next run would wait for the lock forever (pg_ctl -l already sends its output to the log).
  # pg_ctl removes a stale postmaster.pid left by a killed server by itself.
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $socket_dir -c max_connections=200" start </dev/null >&2 9>&- \
    || { tail -n 30 "$log_file" >&2 || true; die "the server did not start"; }
fi

for _ in $(seq 1 60); do
  if is_ready && psql_admin -c "select 1" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
is_ready || die "the server on 127.0.0.1:$port does not answer"

if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
  log "creating role $role"
  psql_admin -c "create role $role login createdb password '$password'" >/dev/null
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != "1" ]; then
  log "creating database $database"
  psql_admin -c "create database $database owner $role" >/dev/null
fi

echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$role;Password=$password"
