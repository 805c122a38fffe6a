"""Latency under concurrent clients on loopback, each beside the same query as raw SQL.

    LABORLENS_DEMO=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/ll_scale \
      PYTHONPATH=src .venv/bin/python bench/bench_latency.py --clients 50 --requests 20

Needs a database filled by ``laborlens demo-load`` and ``laborlens generate-scale``. Starts
gunicorn (``--workers``) on a free loopback port, signs in the demo supervisor (an API token
and a second-factor-verified session, as after the real flow), then for each scenario runs
``--clients`` threads with keep-alive connections, ``--requests`` requests each, and
prints p50 / p95 / p99. The same query runs as raw SQL through psycopg with the same number
of threads in the same run; the ratio of the two p95 is the figure to watch.

Scenarios: case list (API, first page of the supervisor's cases; baseline = the capped count
and the page query), case detail (API, a random case in scope), search (the HTML search form,
POST), dashboard (``/metrics/``, HTML; baseline = only its two case queries, by stage and by
opening day), stateless assessment (API; its baseline is the engine called in-process,
since it runs no SQL). ``--only "case list,search"`` runs a subset.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from laborlens.accounts.middleware import AUTH_AT, SEEN_AT  # noqa: E402
from laborlens.accounts.models import User  # noqa: E402
from laborlens.accounts.views import NOTICE_KEY  # noqa: E402
from laborlens.api.models import ApiToken  # noqa: E402
from laborlens.cases.models import Case  # noqa: E402
from laborlens.screening.engine import assess  # noqa: E402

ANSWERS = {"answers": {}, "age_group": "adult"}
# The supervisor's scope as Case.scope_for writes it (cases.models.on_team_elsewhere): their
# agency's cases, or a team they are on in a case led by another agency.
SCOPE = ("(c.lead_agency_id = %s OR EXISTS (SELECT 1 FROM cases_casemember m WHERE m.case_id = c.id "
         "AND m.user_id = %s AND NOT (c.lead_agency_id = %s)))")


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_clients(clients: int, requests: int, make: Callable[[], Callable[[], None]],
                think: float = 0.0) -> list[float]:
    """``clients`` threads, ``requests`` each. With ``think`` (seconds) each client waits a
    random 0.5-1.5 x think before each request, as a person reading a page does (the wait
    is not timed); with 0 each sends the next request as soon as the last returns."""
    samples: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def worker() -> None:
        pause = random.Random()  # noqa: S311  (load shaping, not security)
        try:
            call = make()
            mine = []
            for _ in range(requests):
                if think:
                    time.sleep(think * pause.uniform(0.5, 1.5))
                start = time.perf_counter()
                call()
                mine.append(time.perf_counter() - start)
            with lock:
                samples.extend(mine)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"errors: {errors[:3]}")
    return samples


def http_call(port: int, method: str, path: str, headers: dict[str, str],
              body: Callable[[], bytes | None] | None = None) -> Callable[[], Callable[[], None]]:
    def make() -> Callable[[], None]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

        def call() -> None:
            conn.request(method, path() if callable(path) else path, body=body() if body else None,
                         headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{method} {path} -> {response.status}")
        return call
    return make


def sql_call(dsn: str, sql: str | list[str], params: Callable[[], tuple]) -> Callable[[], Callable[[], None]]:
    """One or more statements (each given the same parameters), run one after the other."""
    statements = [sql] if isinstance(sql, str) else sql

    def make() -> Callable[[], None]:
        conn = psycopg.connect(dsn, autocommit=True)

        def call() -> None:
            with conn.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement, params()[: statement.count("%s")])
                    cursor.fetchall()
        return call
    return make


def session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    session[NOTICE_KEY] = True
    session[AUTH_AT] = session[SEEN_AT] = time.time() + 3600  # stays fresh through the run
    session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def search_form(port: int, cookies: str) -> tuple[dict[str, str], str]:
    """Open the search page as a signed-in browser would: the headers a form POST needs
    (session and CSRF cookies) and the form's CSRF token."""
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    page.request("GET", "/cases/search/", headers={"Cookie": cookies})
    response = page.getresponse()
    html = response.read().decode()
    csrf_cookie = re.search(rf"{settings.CSRF_COOKIE_NAME}=([^;]+)", response.getheader("Set-Cookie") or "")
    form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not (csrf_cookie and form_token):
        raise SystemExit(f"could not open the search page ({response.status})")
    headers = {"Cookie": f"{cookies}; {settings.CSRF_COOKIE_NAME}={csrf_cookie.group(1)}",
               "Content-Type": "application/x-www-form-urlencoded"}
    return headers, form_token.group(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--user", default="supervisor")
    parser.add_argument("--search", default="construction workers")
    parser.add_argument("--only", default="", help="comma-separated scenario name prefixes to run")
    parser.add_argument("--think-ms", type=float, default=0,
                        help="mean pause of each client before each request (0: none, closed loop)")
    parser.add_argument("--dashboard-requests", type=int, default=2,
                        help="requests per client for the dashboard (it is slow)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("run against PostgreSQL (DATABASE_URL=postgres://…)")
    db = settings.DATABASES["default"]
    dsn = f"host={db['HOST']} port={db['PORT'] or 5432} user={db['USER']} dbname={db['NAME']}"
    user = User.objects.get(username=args.user)
    _, token = ApiToken.issue(user, "latency benchmark", ["read", "write"], days=1)
    cookie = session_cookie(user)
    in_scope = list(Case.objects.restrict(user, "view").values_list("pk", flat=True)[:5000])
    print(f"{Case.objects.count():,} cases; {args.user} sees {Case.objects.restrict(user, 'view').count():,}; "
          f"{args.clients} clients x {args.requests} requests, think {args.think_ms:g} ms; "
          f"gunicorn workers={args.workers}; "
          f"cpus={os.cpu_count()}")

    port = free_port()
    env = {**os.environ, "LABORLENS_API_RATE": "1000000/min", "LABORLENS_LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
         "--timeout", "120", "laborlens.wsgi:application"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                probe.request("GET", "/api/v1/me/", headers={"Authorization": f"Bearer {token}"})
                probe.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        bearer = {"Authorization": f"Bearer {token}"}
        cookies = f"{settings.SESSION_COOKIE_NAME}={cookie}"
        search_headers, form_token = search_form(port, cookies)
        search_body = urlencode({"csrfmiddlewaretoken": form_token, "q": args.search}).encode()
        words = " & ".join(f"{w}:*" for w in args.search.lower().split())
        scenarios = [
            ("case list (API)",
             http_call(port, "GET", "/api/v1/cases/", bearer),
             sql_call(dsn, [f"SELECT count(*) FROM (SELECT 1 FROM cases_case c WHERE {SCOPE} LIMIT 10001) capped",  # noqa: S608  (constant SQL)
                            "SELECT c.*, a.name FROM cases_case c JOIN accounts_agency a ON a.id = c.lead_agency_id "  # noqa: S608  (constant SQL)
                            f"WHERE {SCOPE} ORDER BY c.opened_on DESC, c.id DESC LIMIT 50"],
                      lambda: (user.agency_id, user.pk, user.agency_id))),
            ("case detail (API)",
             http_call(port, "GET", lambda: f"/api/v1/cases/{random.choice(in_scope)}/", bearer),  # noqa: S311
             sql_call(dsn, "SELECT c.*, a.name FROM cases_case c JOIN accounts_agency a ON a.id = c.lead_agency_id "
                      "WHERE c.id = %s", lambda: (random.choice(in_scope),))),  # noqa: S311
            ("search (HTML POST)",
             http_call(port, "POST", "/cases/search/", search_headers, body=lambda: search_body),
             sql_call(dsn, "SELECT c.id, c.number, c.title FROM cases_case c WHERE c.id IN ("  # noqa: S608  (constant SQL)
                      "SELECT case_id FROM cases_searchdocument WHERE to_tsvector('simple', body) @@ "
                      f"to_tsquery('simple', %s)) AND {SCOPE} ORDER BY c.opened_on DESC LIMIT 50",
                      lambda: (words, user.agency_id, user.pk, user.agency_id))),
            ("dashboard (HTML GET)",
             http_call(port, "GET", "/metrics/", {"Cookie": cookies}),
             sql_call(dsn, ["SELECT stage, count(*) FROM cases_case WHERE lead_agency_id = %s GROUP BY stage",
                            "SELECT opened_on, count(*) FROM cases_case WHERE lead_agency_id = %s "
                            "AND opened_on <= now()::date GROUP BY opened_on"],
                      lambda: (user.agency_id,))),
            ("assess (API, stateless)",
             http_call(port, "POST", "/api/v1/assess/", {**bearer, "Content-Type": "application/json"},
                       body=lambda: json.dumps(ANSWERS).encode()),
             lambda: (lambda: assess({}, "adult").to_dict())),
        ]
        print(f"{'scenario':<24} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} | {'baseline p50':>12} "
              f"{'p95':>8} {'p99':>8} | p95 ratio | app throughput")
        only = [prefix.strip() for prefix in args.only.split(",") if prefix.strip()]
        for name, app, baseline in scenarios:
            if only and not any(name.startswith(prefix) for prefix in only):
                continue
            requests = args.dashboard_requests if name.startswith("dashboard") else args.requests
            run_clients(2, 2, app)  # warm up
            think = args.think_ms / 1000
            began = time.perf_counter()
            app_samples = run_clients(args.clients, requests, app, think)
            throughput = len(app_samples) / (time.perf_counter() - began)
            base_samples = run_clients(args.clients, requests, baseline, think)
            a, b = percentiles(app_samples), percentiles(base_samples)
            print(f"{name:<24} {a[0]:8.1f} {a[1]:8.1f} {a[2]:8.1f} | {b[0]:12.2f} {b[1]:8.2f} {b[2]:8.2f} "
                  f"| {a[1] / max(b[1], 1e-6):8.1f}x | {throughput:6.1f} req/s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
