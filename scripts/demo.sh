#!/usr/bin/env bash
# README command 1: set up, migrate an SQLite database, load the demo task force and serve
# it on http://127.0.0.1:8000 (demo mode: public keys, fictional data).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
export LABORLENS_DEMO=1
export DATABASE_URL="${DATABASE_URL:-sqlite:///var/demo.sqlite3}"
echo "==> migrating $DATABASE_URL"
.venv/bin/laborlens manage migrate --no-input -v 0
.venv/bin/laborlens demo-load --url "http://127.0.0.1:${PORT:-8000}/"
echo "==> serving on http://127.0.0.1:${PORT:-8000}/ with gunicorn (Ctrl-C stops)"
# The production server, not Django's development server: two worker processes, each
# with a few threads (SQLite serialises writes; the demo is small).
exec .venv/bin/gunicorn laborlens.wsgi --workers 2 --threads 4 --timeout 60 \
  --bind "127.0.0.1:${PORT:-8000}" --access-logfile - --error-logfile -
