"""People-like load: many signed-in users who read a page, pause, and ask for the next one.

    LABORLENS_DEMO=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/laborlens_scale \
      PYTHONPATH=src .venv/bin/python bench/bench_load.py --users 300 --servers 1

Issue 16, part 7. Needs a database filled by ``laborlens demo-load`` and ``laborlens
generate-scale``. Starts ``--servers`` gunicorn servers on loopback (``--workers`` workers in
all, split evenly, so one and two servers get the same processes on the same cores), all
serving LaborLens plus the framework's floor (``bench/floor_urls.py``), sharing one Redis
cache (``LABORLENS_CACHE_URL``), as the cluster does. Each simulated user is one thread
with a keep-alive connection to one server (round robin), signed in as one of three demo
accounts of two agencies (an API token and a second-factor-verified session, as after the
real flow). A user pauses 0.5-1.5 x ``--think`` seconds (uniform, mean ``--think``), then
sends one request drawn from the mix:

    case list 25%   (API, first page: the most used page of a working day)
    case detail 30% (API, a case in the user's scope)
    search 10%      (the HTML search form, POST, a word from case titles)
    screening 15%   (API assessment with a realistic set of answers)
    tip queue 10%   (the HTML triage list)
    dashboard 10%   (/metrics/, HTML; figures cached 60 s in the shared cache)

Requests that start inside the measured window (after ``--warmup`` seconds) count. Then, in
the same run and through the same servers, a closed loop of ``--floor-clients`` on ``/floor/``
(a plain Django view behind the whole middleware stack) gives the floor. Throughput per core
is requests per CPU-second of the server processes (read from /proc), so the two can be
compared however busy the shared machine is.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("LABORLENS_CACHE_URL", "redis://127.0.0.1:6379/9")

from bench_latency import free_port, search_form, session_cookie  # noqa: E402  (sets Django up)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from laborlens.accounts.models import User  # noqa: E402
from laborlens.api.models import ApiToken  # noqa: E402
from laborlens.cases.models import Case  # noqa: E402

MIX = [("case list", 25), ("case detail", 30), ("search", 10), ("screening", 15), ("tip queue", 10),
       ("dashboard", 10)]
TARGET_P95_MS = {"case list": 150, "case detail": 150, "search": 300, "dashboard": 1000}
ACCOUNTS = ["supervisor", "investigator", "sergeant"]
SEARCH_WORDS = ["construction", "farm", "restaurant", "domestic", "cleaning", "landscaping"]
# A realistic screening: a few answers, so the engine explains and ranks next questions.
ANSWERS = {"answers": {"cd_confiscation_of_documents": {"value": "present"},
                       "cr_debt_bondage": {"value": "present"},
                       "ex_excessive_hours": {"value": "present"},
                       "cd_isolation_confinement_surveillance": {"value": "unknown"}},
           "age_group": "adult"}


def percentile(samples: list[float], q: int) -> float:
    if len(samples) < 2:
        return samples[0] * 1000 if samples else float("nan")
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1] * 1000


def cpu_seconds(root_pids: list[int]) -> float:
    """User+system CPU of the gunicorn masters and their workers (children), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = set(root_pids)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) in pids or int(fields[1]) in pids:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Account:
    """What one demo account needs to send each kind of request."""

    def __init__(self, username: str, port_for_csrf: int) -> None:
        user = User.objects.get(username=username)
        _, token = ApiToken.issue(user, "people-like load benchmark", ["read", "write"], days=1)
        cookie = f"{settings.SESSION_COOKIE_NAME}={session_cookie(user)}"
        self.bearer = {"Authorization": f"Bearer {token}"}
        self.cookie = {"Cookie": cookie}
        self.case_ids = list(Case.objects.restrict(user, "view").order_by("-opened_on")
                             .values_list("pk", flat=True)[:5000])
        self.search_headers, self.form_token = search_form(port_for_csrf, cookie)
        page = http.client.HTTPConnection("127.0.0.1", port_for_csrf, timeout=60)
        # A kind this account's role may not open (an investigator has no dashboard) is replaced
        # by a case detail for this account, and said so at the start.
        self.replaced: dict[str, str] = {}
        for kind in ("tip queue", "dashboard"):
            method, path, headers, _ = self.request(kind, random.Random(0))  # noqa: S311
            page.request(method, path, headers=headers)
            answer = page.getresponse()
            answer.read()
            if answer.status != 200:
                self.replaced[kind] = "case detail"
        self.username = username

    def kind(self, drawn: str) -> str:
        return self.replaced.get(drawn, drawn)

    def request(self, kind: str, rng: random.Random) -> tuple[str, str, dict[str, str], bytes | None]:
        if kind == "case list":
            return "GET", "/api/v1/cases/", self.bearer, None
        if kind == "case detail":
            return "GET", f"/api/v1/cases/{rng.choice(self.case_ids)}/", self.bearer, None
        if kind == "search":
            body = urlencode({"csrfmiddlewaretoken": self.form_token, "q": rng.choice(SEARCH_WORDS)})
            return "POST", "/cases/search/", self.search_headers, body.encode()
        if kind == "screening":
            return ("POST", "/api/v1/assess/", {**self.bearer, "Content-Type": "application/json"},
                    json.dumps(ANSWERS).encode())
        if kind == "tip queue":
            return "GET", "/tips/triage/", self.cookie, None
        return "GET", "/metrics/", self.cookie, None


def start_servers(count: int, workers: int) -> list[tuple[int, subprocess.Popen]]:
    env = {**os.environ, "LABORLENS_API_RATE": "1000000/min", "LABORLENS_LOG_LEVEL": "WARNING",
           "DJANGO_SETTINGS_MODULE": "floor_settings"}
    servers = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--pythonpath", str(HERE), "--workers", str(workers),
             "--threads", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
             "laborlens.wsgi:application"],
            env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append((port, process))
    for port, _ in servers:
        for _ in range(600):
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                probe.request("GET", "/floor/")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
    return servers


def people(ports: list[int], accounts: list[Account], users: int, think: float, warmup: float,
           window: float, seed: int) -> tuple:
    """Start ``users`` people (daemon threads) and return at once: the latencies, errors and
    error answers per kind that they fill, the start and end of the measured window, and the
    threads (the caller samples server CPU over the window, then joins them)."""
    samples: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    errors: dict[str, int] = {kind: 0 for kind, _ in MIX}
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    begin = time.monotonic()
    measure_from, stop_at = begin + warmup, begin + warmup + window
    kinds, weights = zip(*MIX, strict=True)

    def person(index: int) -> None:
        rng = random.Random(seed + index)  # noqa: S311  (load shaping, not security)
        account = accounts[index % len(accounts)]
        port = ports[index % len(ports)]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        time.sleep(rng.uniform(0, think))  # people arrive spread out, not all at once
        while True:
            time.sleep(think * rng.uniform(0.5, 1.5))
            started = time.monotonic()
            if started >= stop_at:
                return
            kind = account.kind(rng.choices(kinds, weights)[0])
            method, path, headers, body = account.request(kind, rng)
            ok, status = False, ""
            for _attempt in range(2):
                try:
                    conn.request(method, path, body=body, headers=headers)
                    response = conn.getresponse()
                    response.read()
                    ok, status = response.status == 200, str(response.status)
                    break
                except (OSError, http.client.HTTPException) as error:
                    # The server closed the idle keep-alive connection during the pause: a
                    # browser opens a new one and sends again; so do we (the time counts).
                    status = type(error).__name__
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.monotonic() - started
            if started >= measure_from:
                with lock:
                    samples[kind].append(elapsed)
                    if not ok:
                        errors[kind] += 1
                        statuses[f"{kind}: {status}"] = statuses.get(f"{kind}: {status}", 0) + 1

    threads = [threading.Thread(target=person, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    return samples, errors, statuses, measure_from, stop_at, threads


def closed_loop(ports: list[int], clients: int, seconds: float) -> int:
    done = [0] * clients
    stop_at = time.monotonic() + seconds

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", ports[index % len(ports)], timeout=60)
        while time.monotonic() < stop_at:
            conn.request("GET", "/floor/")
            response = conn.getresponse()
            response.read()
            done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--think", type=float, default=3.0, help="mean pause in seconds")
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers in all (split across servers)")
    parser.add_argument("--warmup", type=float, default=20)
    parser.add_argument("--window", type=float, default=120)
    parser.add_argument("--floor-clients", type=int, default=8)
    parser.add_argument("--floor-seconds", type=float, default=15)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("run against PostgreSQL (DATABASE_URL=postgres://…)")
    servers = start_servers(args.servers, max(1, args.workers // args.servers))
    ports = [port for port, _ in servers]
    pids = [process.pid for _, process in servers]
    try:
        accounts = [Account(name, ports[0]) for name in ACCOUNTS]
        print(f"{Case.objects.count():,} cases; {args.users} users (think {args.think:g} s mean) on "
              f"{args.servers} server(s) x {max(1, args.workers // args.servers)} workers x 4 threads; "
              f"cpus={os.cpu_count()}; load average at start {os.getloadavg()[0]:.1f}", flush=True)
        for account in accounts:
            if account.replaced:
                print(f"  {account.username} may not open {', '.join(account.replaced)}: a case detail instead")
        client_cpu0 = time.process_time()
        samples, errors, statuses, measure_from, stop_at, threads = people(
            ports, accounts, args.users, args.think, args.warmup, args.window, args.seed)
        time.sleep(max(0.0, measure_from - time.monotonic()))
        cpu0 = cpu_seconds(pids)
        time.sleep(max(0.0, stop_at - time.monotonic()))
        cpu1 = cpu_seconds(pids)
        load = os.getloadavg()[0]
        for thread in threads:
            thread.join(timeout=130)
        client_cpu = time.process_time() - client_cpu0
        served = sum(len(v) for v in samples.values())
        print(f"\nmeasured {args.window:g} s: {served} requests, {served / args.window:.1f} req/s; "
              f"server CPU {cpu1 - cpu0:.1f} s ({(cpu1 - cpu0) / args.window:.2f} cores busy); "
              f"{served / max(cpu1 - cpu0, 1e-9):.1f} requests per server CPU-second; "
              f"client CPU {client_cpu:.1f} s in all; load average {load:.1f}")
        print(f"{'kind':<12} {'n':>5} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'target p95':>11}")
        for kind, _ in MIX:
            got = samples[kind]
            target = TARGET_P95_MS.get(kind)
            verdict = "" if target is None else (
                f"{target} {'met' if got and percentile(got, 95) < target else 'MISSED'}")
            print(f"{kind:<12} {len(got):5d} {errors[kind]:6d} {percentile(got, 50):8.1f} "
                  f"{percentile(got, 95):8.1f} {percentile(got, 99):8.1f} {verdict:>11}")
        if statuses:
            print("errors by answer:", ", ".join(f"{k} x{v}" for k, v in sorted(statuses.items())))
        f0 = cpu_seconds(pids)
        floor_requests = closed_loop(ports, args.floor_clients, args.floor_seconds)
        f1 = cpu_seconds(pids)
        print(f"\nfloor (/floor/, closed loop, {args.floor_clients} clients, {args.floor_seconds:g} s): "
              f"{floor_requests / args.floor_seconds:.0f} req/s, "
              f"{floor_requests / max(f1 - f0, 1e-9):.0f} requests per server CPU-second; "
              f"the people-like mix costs {(floor_requests / max(f1 - f0, 1e-9)) / (served / max(cpu1 - cpu0, 1e-9)):.1f}x "
              f"the floor per request; load average {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        for process in (process for _, process in servers):
            os.killpg(process.pid, signal.SIGTERM)
        for _, process in servers:
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
