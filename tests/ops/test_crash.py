"""Crash test: kill -9 the server (master and workers) during a burst of writes through
real HTTP; after a restart every acknowledged (2xx) write is there, each with its audit
event, nothing is half-written, and ``laborlens audit verify`` passes. SQLite file
database, and PostgreSQL when it is reachable. Loopback only, bounded loops."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ops.helpers import env_for, laborlens, postgres_reachable, throwaway_postgres

CLIENTS = 4
MAX_REQUESTS_PER_CLIENT = 400
KILL_AFTER_ACKS = 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(env: dict[str, str]) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """gunicorn with two workers, as in production, in its own process group."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--graceful-timeout", "1", "laborlens.wsgi:application"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/api/v1/me/")
                connection.getresponse().read()
                break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError("the server did not start") from None
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not answer within 60 s")
        yield port, process
    finally:
        kill_group(process)


def kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the master and every worker, no clean-up
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def burst(port: int, token: str, stop: threading.Event, acknowledged: list[int],
          failures: list[str]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for number in range(MAX_REQUESTS_PER_CLIENT):
        if stop.is_set():
            return
        body = json.dumps({"label": f"crash {threading.get_ident() % 1000}-{number}",
                           "age_group": "adult"})
        try:
            connection.request("POST", "/api/v1/screenings/", body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            return  # the server died under us: this write was never acknowledged
        if 200 <= response.status < 300:
            acknowledged.append(json.loads(payload)["id"])
        else:
            failures.append(f"{response.status} {payload[:200]!r}")
            return


CHECK = """
import json
from laborlens.audit.models import AuditEvent
from laborlens.screening.models import Screening
screenings = list(Screening.objects.values_list("pk", "label", "reading"))
events = list(AuditEvent.objects.filter(tag="screening:screening:create").values_list("object_id", flat=True))
print(json.dumps({"screenings": screenings, "events": events}))
"""


def crash_and_recover(env: dict[str, str]) -> None:
    laborlens(env, "manage", "migrate", "-v0")
    laborlens(env, "demo-load")
    token = laborlens(env, "demo-token", "officer").stdout.strip().splitlines()[-1]
    acknowledged: list[int] = []
    failures: list[str] = []
    with server(env) as (port, process):
        stop = threading.Event()
        clients = [threading.Thread(target=burst, args=(port, token, stop, acknowledged, failures))
                   for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < KILL_AFTER_ACKS and time.monotonic() < deadline and not failures:
            time.sleep(0.01)
        kill_group(process)  # mid-burst: requests are in flight
        stop.set()
        for client in clients:
            client.join(timeout=10)
    assert not failures, failures[:3]
    assert len(acknowledged) >= KILL_AFTER_ACKS, "the burst was too slow to reach the kill point"

    with server(env) as (port, _):  # restart: the app comes back on the same database
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for pk in acknowledged[:5]:
            connection.request("GET", f"/api/v1/screenings/{pk}/",
                               headers={"Authorization": f"Bearer {token}"})
            response = connection.getresponse()
            response.read()
            assert response.status == 200

    state = json.loads(laborlens(env, "manage", "shell", "-c", CHECK).stdout.strip().splitlines()[-1])
    stored = {pk for pk, _, _ in state["screenings"]}
    assert set(acknowledged) <= stored  # every acknowledged write survived
    assert all(label.startswith("crash ") and reading for _, label, reading in state["screenings"]
               if _ in set(acknowledged))
    # Nothing half-written: each screening has exactly one creation event and vice versa.
    created_events = [int(object_id) for object_id in state["events"]]
    assert sorted(created_events) == sorted(stored)
    laborlens(env, "audit", "seal")
    verify = laborlens(env, "audit", "verify", "--full")
    assert "audit log OK" in verify.stdout and "sealed through checkpoint" in verify.stdout


def test_kill_9_during_writes_on_sqlite(tmp_path: Path) -> None:
    env = env_for(f"sqlite:///{tmp_path}/crash.sqlite3", tmp_path / "data",
                  LABORLENS_API_RATE="100000/min")
    crash_and_recover(env)


@pytest.mark.skipif(not postgres_reachable(), reason="PostgreSQL is not reachable on 127.0.0.1:5432")
def test_kill_9_during_writes_on_postgresql(tmp_path: Path) -> None:
    with throwaway_postgres("crash") as url:
        crash_and_recover(env_for(url, tmp_path / "data", LABORLENS_API_RATE="100000/min"))
