#!/usr/bin/env bash
# Runs schemathesis against the running app: a demo server on loopback with a fresh
# SQLite database, every endpoint and documented status code, as a signed-in
# investigator (token), then as the roles the investigator's 403s would hide. Fails on any server error or response that breaks the schema.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/.venv/bin:$PATH"
WORK=$(mktemp -d)
# A free loopback port, so that parallel runs (CI, developers) do not collide.
PORT="${LABORLENS_FUZZ_PORT:-$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
export LABORLENS_DEMO=1 DATABASE_URL="sqlite:///$WORK/api.sqlite3" LABORLENS_API_RATE="100000/min"
laborlens manage migrate --no-input -v 0
laborlens demo-load > /dev/null
TOKEN=$(laborlens demo-token investigator)
laborlens manage runserver --noreload "127.0.0.1:$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/health/" > /dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/health/" > /dev/null || { echo "the demo server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
# First pass: every operation as the investigator. Then each role whose endpoints the
# investigator may not use (403 tells schemathesis little), on those endpoints only.
fuzz() {  # USER [PATH-REGEX]
  local token; token=$(laborlens demo-token "$1")
  echo "--- schemathesis as $1 ${2:+(paths $2)}"
  schemathesis --config-file scripts/schemathesis.toml run "http://127.0.0.1:$PORT/api/schema/" \
    --header "Authorization: Bearer $token" ${2:+--include-path-regex "$2"} \
    --checks all --max-examples "${LABORLENS_FUZZ_EXAMPLES:-10}" --seed 20261123 \
    --workers 2 --request-timeout 30 --warnings off
}
fuzz investigator
fuzz advocate '^/api/v1/(victims|needs|consents|referrals|directory)'
fuzz supervisor '^/api/v1/(metrics|exports|releases)'
fuzz analyst '^/api/v1/(metrics|releases)'
if grep -q "Traceback" "$WORK/server.log"; then
  echo "server logged a traceback:" >&2; grep -B2 -A20 "Traceback" "$WORK/server.log" | head -60 >&2; exit 1
fi
