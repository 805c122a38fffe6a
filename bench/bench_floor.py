"""Cost per request beside the framework's floor, in the same run (issue 16, part 6).

    LABORLENS_DEMO=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf_scale \
      PYTHONPATH=src .venv/bin/python bench/bench_floor.py --clients 8 --seconds 5 --rounds 3

Needs a database filled by ``laborlens demo-load`` and ``laborlens generate-scale``. Starts
gunicorn as scripts/demo.sh does (``--workers 2 --threads 4`` unless told) with
``--pythonpath bench`` and ``floor_settings``, so ``/floor/`` (a plain Django view behind
LaborLens's middleware) and LaborLens's pages are served by the same processes. Signs the
demo supervisor in with an API token (as bench_latency.py does), warms up, then runs
interleaved rounds (floor, case detail, case list, assessment, floor, ...) of ``--clients``
closed-loop clients (keep-alive, next request as soon as the last returns) for
``--seconds`` each, and prints req/s, p50, p95 and floor_rps / page_rps per page. The case
list is measured in numbered pages (first, and page 100) and in keyset pages (``?cursor=``:
first, and from a cursor at the same 50 cases as page 100); ``--only list`` measures only
those, beside the floor. The bare
floor (``floor_bare_settings``: no middleware at all) is served by a second gunicorn and
measured once, for reference. The shared cache is Redis when ``LABORLENS_CACHE_URL`` is set
(as every multi-process deployment must), else per-process memory (demo mode).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from laborlens.accounts.models import User  # noqa: E402
from laborlens.api import keyset  # noqa: E402
from laborlens.api.models import ApiToken  # noqa: E402
from laborlens.cases.models import Case  # noqa: E402
from laborlens.screening import services  # noqa: E402

BENCH = os.path.dirname(os.path.abspath(__file__))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answer_sets(count: int, seed: int = 16) -> list[bytes]:
    """Realistic assessments: 6-15 answers each, mostly present/absent, a few unknown."""
    rng = random.Random(seed)
    ids = sorted(services.answerable_ids())
    bodies = []
    for _ in range(count):
        answers = {item_id: {"value": rng.choices(services.VALUES, weights=(5, 4, 1))[0],
                             "source": rng.choice(services.SOURCES)}
                   for item_id in rng.sample(ids, rng.randint(6, 15))}
        bodies.append(json.dumps({"age_group": rng.choice(["adult", "adult", "minor"]), "answers": answers}).encode())
    return bodies


def start(settings_module: str, workers: int, threads: int, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--pythonpath", BENCH, "--workers", str(workers),
         "--threads", str(threads), "--bind", f"127.0.0.1:{port}", "--timeout", "120",
         "laborlens.wsgi:application"],
        env={**env, "DJANGO_SETTINGS_MODULE": settings_module}, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", "/floor/")
            if probe.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit(f"gunicorn with {settings_module} did not answer")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


Request = Callable[[], tuple[str, str, bytes | None]]


def closed_loop(port: int, clients: int, seconds: float, headers: dict[str, str], make: Request) -> list[float]:
    """``clients`` threads, each on its own keep-alive connection, for ``seconds``."""
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        try:
            while time.perf_counter() < deadline:
                method, path, body = make()
                began = time.perf_counter()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                mine.append(time.perf_counter() - began)
                if response.status != 200:
                    raise RuntimeError(f"{method} {path} -> {response.status}")
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"errors: {errors[:3]}")
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--user", default="supervisor")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare floor (no middleware)")
    parser.add_argument("--only", nargs="*", help="measure only the pages whose names contain one of these "
                        "(the floor always), e.g. --only list")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("run against PostgreSQL (DATABASE_URL=postgres://…)")
    user = User.objects.get(username=args.user)
    _, token = ApiToken.issue(user, "floor benchmark", ["read", "write"], days=1)
    in_scope = list(Case.objects.restrict(user, "view").values_list("pk", flat=True)[:5000])
    bodies = answer_sets(200)
    # The keyset cursor of the 4,950th case of the list, where numbered page 100 starts.
    ordered = Case.objects.restrict(user, "view").order_by("-opened_on", "-pk")
    row = ordered[4949:4950].get()
    deep = keyset.encode("-opened_on,-pk", "a", keyset.position_of(keyset.keys_of(ordered), row))
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{Case.objects.count():,} cases; case detail reads one of {len(in_scope):,} cases {args.user} sees; "
          f"{args.clients} clients, "
          f"{args.rounds} rounds x {args.seconds:g} s; gunicorn --workers {args.workers} --threads {args.threads}; "
          f"cache {cache}; cpus={os.cpu_count()}; load average {os.getloadavg()[0]:.2f}", flush=True)

    env = {**os.environ, "LABORLENS_API_RATE": "100000000/min", "LABORLENS_LOG_LEVEL": "WARNING"}
    bearer = {"Authorization": f"Bearer {token}"}
    scenarios: list[tuple[str, dict[str, str], Request]] = [
        ("floor", {}, lambda: ("GET", "/floor/", None)),
        ("case detail (API)", bearer, lambda: ("GET", f"/api/v1/cases/{random.choice(in_scope)}/", None)),  # noqa: S311
        ("case list (API)", bearer, lambda: ("GET", "/api/v1/cases/", None)),
        ("case list (API, keyset)", bearer, lambda: ("GET", "/api/v1/cases/?cursor=", None)),
        ("case list page 100 (API)", bearer, lambda: ("GET", "/api/v1/cases/?page=100", None)),
        ("case list row 4,950 (API, keyset)", bearer, lambda: ("GET", f"/api/v1/cases/?cursor={deep}", None)),
        ("assessment (API)", {**bearer, "Content-Type": "application/json"},
         lambda: ("POST", "/api/v1/assess/", random.choice(bodies))),  # noqa: S311
    ]
    if args.only:
        scenarios = [item for item in scenarios if item[0] == "floor" or any(w in item[0] for w in args.only)]
    results: dict[str, list[float]] = {name: [] for name, _, _ in scenarios}
    elapsed: dict[str, float] = {name: 0.0 for name, _, _ in scenarios}
    loads = [os.getloadavg()[0]]
    server, port = start("floor_settings", args.workers, args.threads, env)
    try:
        for _, headers, make in scenarios:  # warm up every worker and thread
            closed_loop(port, args.clients, 1.0, headers, make)
        for _ in range(args.rounds):
            for name, headers, make in scenarios:
                began = time.perf_counter()
                results[name] += closed_loop(port, args.clients, args.seconds, headers, make)
                elapsed[name] += time.perf_counter() - began
            loads.append(os.getloadavg()[0])
    finally:
        stop(server)
    bare = None
    if not args.no_bare:
        server, port = start("floor_bare_settings", args.workers, args.threads, env)
        try:
            closed_loop(port, args.clients, 1.0, {}, scenarios[0][2])
            began = time.perf_counter()
            samples = closed_loop(port, args.clients, args.seconds, {}, scenarios[0][2])
            bare = (samples, time.perf_counter() - began)
        finally:
            stop(server)

    floor_rps = len(results["floor"]) / elapsed["floor"]
    print(f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'floor/page':>10}")

    def row(name: str, samples: list[float], seconds: float) -> None:
        cuts = statistics.quantiles(samples, n=100, method="inclusive")
        rps = len(samples) / seconds
        print(f"{name:<20} {rps:8.1f} {cuts[49] * 1000:8.2f} {cuts[94] * 1000:8.2f} {floor_rps / rps:9.1f}x")

    for name, _, _ in scenarios:
        row(name, results[name], elapsed[name])
    if bare:
        row("bare floor (ref.)", *bare)
    print(f"load average (1 min) during the rounds: {min(loads):.2f}-{max(loads):.2f}", flush=True)


if __name__ == "__main__":
    main()
