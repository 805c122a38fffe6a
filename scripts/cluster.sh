#!/usr/bin/env bash
# A small LaborLens cluster on this machine, with production settings: two gunicorn
# application servers (ports 8101 and 8102), one queue worker, one scheduler and one audit
# sealer, all against one PostgreSQL database and one Redis database, sharing one data
# folder. It is the multi-server setup DEPLOYMENT.md describes, and tests/cluster drive it.
#
#   scripts/cluster.sh start [--fresh]   set up once (keys, database, migrations, demo data),
#                                        then start whatever is not running
#   scripts/cluster.sh stop              stop every process started here
#   scripts/cluster.sh status            one line per process; exit 1 if one is down
#   scripts/cluster.sh env               print the environment (source it to run laborlens
#                                        commands, e.g. `laborlens audit verify`, against it)
#
# --fresh drops the cluster's database, empties its Redis database and makes new keys.
# Settings (environment): LABORLENS_CLUSTER_PORTS ("8101 8102"), LABORLENS_CLUSTER_PG
# (postgres://postgres@127.0.0.1:5432, an account that may create databases),
# LABORLENS_CLUSTER_DB (laborlens_cluster), LABORLENS_CLUSTER_REDIS (redis://127.0.0.1:6379),
# LABORLENS_CLUSTER_REDIS_DB (11). Everything it writes is under var/cluster/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUN="$ROOT/var/cluster"
read -r -a PORTS <<<"${LABORLENS_CLUSTER_PORTS:-8101 8102}"
PG="${LABORLENS_CLUSTER_PG:-postgres://postgres@127.0.0.1:5432}"
DB="${LABORLENS_CLUSTER_DB:-laborlens_cluster}"
REDIS="${LABORLENS_CLUSTER_REDIS:-redis://127.0.0.1:6379}"
REDIS_DB="${LABORLENS_CLUSTER_REDIS_DB:-11}"

if [ -x "$ROOT/.venv/bin/laborlens" ]; then
  BIN="$ROOT/.venv/bin"
elif command -v laborlens >/dev/null 2>&1; then
  BIN=$(dirname "$(command -v laborlens)")
else
  echo "cluster: no laborlens command; run scripts/bootstrap.sh first" >&2
  exit 2
fi
# This checkout's code, also when the virtualenv was installed from another one.
export PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}"

say() { echo "cluster: $*"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Run a laborlens command with the cluster's environment only (nothing inherited that could
# point it at another database or switch demo mode on).
cluster_env() { (exec_cluster_env "$@"); }

# The same, replacing the calling (sub)shell: `exec_cluster_env cmd &` leaves $! = cmd's pid.
exec_cluster_env() {
  exec env -i PATH="$BIN:/usr/local/bin:/usr/bin:/bin" HOME="${HOME:-/tmp}" LANG=C.UTF-8 \
    PYTHONPATH="$PYTHONPATH" $(grep -v '^#' "$RUN/env") "$@"
}

write_env() {
  mkdir -p "$RUN/data"
  chmod 700 "$RUN"
  umask 077
  {
    echo "# LaborLens cluster environment (secrets: keep private). Made by scripts/cluster.sh."
    echo "LABORLENS_HOME=$ROOT"
    echo "DATABASE_URL=$PG/$DB"
    echo "LABORLENS_CACHE_URL=$REDIS/$REDIS_DB"
    echo "LABORLENS_CACHE_PREFIX=cluster"
    echo "LABORLENS_DATA_DIR=$RUN/data"
    echo "LABORLENS_ALLOWED_HOSTS=127.0.0.1,localhost"
    # The servers stand behind a TLS-terminating proxy: it sets X-Forwarded-Proto/-For.
    echo "LABORLENS_TRUST_X_FORWARDED_FOR=1"
    echo "LABORLENS_LOG_FORMAT=json"
    echo "LABORLENS_METRICS_TOKEN=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))')"
    "$BIN/laborlens" keys new
  } >"$RUN/env.new"
  mv "$RUN/env.new" "$RUN/env"
}

reset_stores() {
  say "emptying database $DB and Redis database $REDIS_DB"
  # An empty schema rather than DROP DATABASE, which waits for a checkpoint of the whole
  # PostgreSQL server (seconds on a busy one).
  "$BIN/python" - "$PG" "$DB" "$REDIS/$REDIS_DB" <<'PY'
import sys
import psycopg
import redis
from psycopg import sql
admin, name, cache = sys.argv[1:]
with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 "WHERE datname = %s AND pid <> pg_backend_pid()", [name])
with psycopg.connect(f"{admin}/{name}", autocommit=True) as conn:
    conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
    conn.execute("CREATE SCHEMA public")
redis.Redis.from_url(cache).flushdb()
PY
}

ensure_database() {
  "$BIN/python" - "$PG" "$DB" <<'PY'
import sys
import psycopg
from psycopg import sql
admin, name = sys.argv[1:]
with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"cluster: created database {name}")
PY
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 120); do
    if "$BIN/python" - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health/ready", timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
PY
    then return 0; fi
    sleep 0.5
  done
  echo "cluster: the server on port $port did not become ready; see $RUN/web-$port.log" >&2
  return 1
}

# Production serves hashed, compressed copies (whitenoise's manifest); collect them when the
# sources changed since the last collection.
collect_static() {
  local manifest="$RUN/data/static/staticfiles.json"
  if [ ! -f "$manifest" ] || [ -n "$(find "$ROOT/src/laborlens" -path '*/static/*' -type f -newer "$manifest" -print -quit)" ]; then
    say "collecting static files"
    cluster_env "$BIN/laborlens" manage collectstatic --no-input -v 0
  fi
}

setup() {
  if [ "${1:-}" = "--fresh" ] || [ ! -f "$RUN/env" ]; then
    stop_all
    # Everything goes but the collected static files (they depend on the code only).
    find "$RUN" -mindepth 1 -maxdepth 1 ! -name data -exec rm -rf {} + 2>/dev/null || true
    find "$RUN/data" -mindepth 1 -maxdepth 1 ! -name static -exec rm -rf {} + 2>/dev/null || true
    write_env
    reset_stores
    say "migrating (once, before any server starts)"
    cluster_env "$BIN/laborlens" manage migrate --no-input -v 0
    collect_static
    # The loader refuses outside demo mode (it writes published passwords); it runs once,
    # with the cluster's own keys, and the servers then run without demo mode.
    say "loading the demo task force"
    cluster_env LABORLENS_DEMO=1 "$BIN/laborlens" demo-load --url "http://127.0.0.1:${PORTS[0]}/" \
      >"$RUN/demo-load.log"
  else
    ensure_database
    cluster_env "$BIN/laborlens" manage migrate --no-input -v 0
    collect_static
  fi
}

start_web() {
  local port=$1
  if alive "$RUN/web-$port.pid"; then say "web $port already running"; return; fi
  # --daemon: gunicorn becomes a session leader, so its workers share its process group.
  cluster_env "$BIN/gunicorn" laborlens.wsgi --daemon --workers 2 --threads 4 --timeout 60 \
    --graceful-timeout 10 --bind "127.0.0.1:$port" --pid "$RUN/web-$port.pid" \
    --forwarded-allow-ips 127.0.0.1 --control-socket "$RUN/web-$port.ctl" \
    --access-logfile "$RUN/web-$port.access.log" --error-logfile "$RUN/web-$port.log"
  for _ in $(seq 1 50); do [ -s "$RUN/web-$port.pid" ] && break; sleep 0.2; done
  say "web $port started (pid $(cat "$RUN/web-$port.pid"))"
}

start_daemon() {
  local name=$1; shift
  if alive "$RUN/$name.pid"; then say "$name already running"; return; fi
  # setsid: its own session, so that it outlives the shell that started it.
  exec_cluster_env setsid "$BIN/laborlens" "$@" >>"$RUN/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
  say "$name started (pid $!)"
}

start_all() {
  setup "${1:-}"
  for port in "${PORTS[@]}"; do start_web "$port"; done
  start_daemon worker worker --interval 0.5
  start_daemon scheduler scheduler
  start_daemon sealer audit seal --follow
  for port in "${PORTS[@]}"; do wait_ready "$port"; done
  say "ready: ${PORTS[*]/#/http://127.0.0.1:} (behind a proxy: send X-Forwarded-Proto: https)"
}

stop_all() {
  [ -d "$RUN" ] || return 0
  local pidfile pid entry waiting=()
  # TERM to all first (gunicorn finishes its requests, a worker its task), then wait.
  for pidfile in "$RUN"/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      waiting+=("$pid:$pidfile")
    else
      rm -f "$pidfile"
    fi
  done
  for entry in "${waiting[@]}"; do
    pid=${entry%%:*} pidfile=${entry#*:}
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$(basename "$pidfile" .pid) did not stop in 15 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    say "stopped $(basename "$pidfile" .pid)"
  done
}

status() {
  local down=0 pidfile name
  for name in "${PORTS[@]/#/web-}" worker scheduler sealer; do
    pidfile="$RUN/$name.pid"
    if alive "$pidfile"; then echo "$name: running (pid $(cat "$pidfile"))"
    else echo "$name: stopped"; down=1; fi
  done
  return $down
}

case "${1:-}" in
  start) start_all "${2:-}" ;;
  stop) stop_all ;;
  status) status ;;
  env) grep -v '^#' "$RUN/env" ;;
  *) echo "usage: scripts/cluster.sh start [--fresh] | stop | status | env" >&2; exit 2 ;;
esac
