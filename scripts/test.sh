#!/usr/bin/env bash
# README command 2 (and .ci/run): every check, then the whole suite on SQLite and on
# PostgreSQL, then the browser tests in Chromium. Any failure stops with a non-zero exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LABORLENS_NEED_BROWSER=1 bash scripts/bootstrap.sh
export PATH="$PWD/.venv/bin:$PATH"
unset LABORLENS_DEMO DATABASE_URL
WORKERS="${LABORLENS_TEST_WORKERS:-2}"

step() { echo; echo "==> $*"; }

step "ruff (lint, with bandit S rules)"
ruff check src tests $(ls -d bench 2>/dev/null)

step "import contracts (lint-imports: pure modules import no Django and no app)"
lint-imports

step "mypy (pure modules)"
mypy $(ls -d src/laborlens/env.py src/laborlens/audit src/laborlens/catalogue \
  src/laborlens/screening/engine.py src/laborlens/screening/batch.py src/laborlens/screening/cli.py \
  src/laborlens/screening/answers.py src/laborlens/screening/results.py src/laborlens/screening/rule.py \
  src/laborlens/screening/federal.py src/laborlens/screening/next_question.py src/laborlens/screening/actions.py \
  src/laborlens/screening/explain.py \
  src/laborlens/anonymity src/laborlens/extraction src/laborlens/matching/normalise.py \
  src/laborlens/activities/topics.py src/laborlens/readiness/scoring.py src/laborlens/barriers/mapping.py \
  src/laborlens/feedback/questions.py \
  src/laborlens/publishing/engine.py src/laborlens/research/router.py \
  src/laborlens/metrics/sources.py src/laborlens/metrics/periods.py src/laborlens/metrics/charts.py src/laborlens/metrics/disclosure.py \
  src/laborlens/exchange/fields.py src/laborlens/exchange/htcds.py src/laborlens/exchange/nibrs.py src/laborlens/exchange/nibrs_xml.py \
  src/laborlens/threat/geo.py src/laborlens/threat/parsing.py src/laborlens/threat/scoring.py \
  src/laborlens/cases/identity src/laborlens/victims/access.py src/laborlens/victims/consent.py 2>/dev/null)

step "manage.py check --deploy with production settings"
eval "$(laborlens keys new | sed 's/^/export /')"
LABORLENS_ALLOWED_HOSTS=laborlens.example.org LABORLENS_CACHE_URL=redis://127.0.0.1:6379/15 DATABASE_URL=sqlite:////tmp/laborlens-check.sqlite3 \
  laborlens manage check --deploy --fail-level WARNING
unset LABORLENS_SECRET_KEY LABORLENS_FIELD_KEYS LABORLENS_BLIND_INDEX_KEY LABORLENS_AUDIT_KEY LABORLENS_AUDIT_SIGNING_KEY

step "makemigrations --check"
LABORLENS_DEMO=1 DATABASE_URL=sqlite:////tmp/laborlens-check.sqlite3 laborlens manage makemigrations --check --dry-run

step "Redis for the shared cache tests (started if it is down)"
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  if command -v redis-server >/dev/null 2>&1; then
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  elif [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  fi
  for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.5; done
fi

# tests/cluster start their own servers on PostgreSQL and Redis: they run once, at the end.
# Coverage is measured here only; [tool.coverage.report] fail_under in pyproject.toml is the
# floor (it only rises: ARCHITECTURE.md, "Tests and the coverage floor").
step "test suite on SQLite (with browser tests in Chromium), with the coverage floor"
python -m pytest -n "$WORKERS" --dist loadgroup --ignore=tests/cluster \
  --cov --cov-report=term:skip-covered tests

step "schemathesis against the running app (every endpoint and documented status code)"
bash scripts/api-fuzz.sh

step "test suite on PostgreSQL"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
DATABASE_URL="postgres://postgres@127.0.0.1:5432/laborlens" \
  python -m pytest -n "$WORKERS" -m "not e2e" --create-db --ignore=tests/cluster tests

step "cluster tests: two application servers, a worker, a scheduler and the audit sealer on one PostgreSQL and one Redis"
python -m pytest -p no:xdist tests/cluster

echo
echo "==> all checks passed"
