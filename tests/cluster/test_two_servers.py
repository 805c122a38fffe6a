"""Two application servers, one PostgreSQL, one Redis: what must hold across servers.

The module starts the cluster with scripts/cluster.sh (production settings, fresh
database and keys), talks to both servers over HTTP as a TLS-terminating proxy would
(X-Forwarded-Proto: https, the client address in X-Forwarded-For) and stops the cluster
at the end. It needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 and is
skipped, saying which is missing, without them.

Run: python -m pytest -p no:xdist tests/cluster   (1.5-2 minutes idle, most of it set-up;
scripts/test.sh runs it last)
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from django_otp.oath import totp

from laborlens.demo import DEMO_PASSWORD, demo_totp_key

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "cluster.sh"
RUN = ROOT / "var" / "cluster"
PORTS = (8101, 8102)


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


_missing = [name for name, port in (("PostgreSQL", 5432), ("Redis", 6379)) if not _reachable(port)]
pytestmark = [
    pytest.mark.xdist_group("cluster"),
    pytest.mark.skipif(bool(_missing), reason=f"the cluster needs {' and '.join(_missing)} on 127.0.0.1"),
]


class Browser(requests.Session):
    """One person's browser behind the proxy: one cookie jar for both servers (cookies do
    not depend on the port), one client address."""

    def __init__(self, address: str = "198.51.100.7") -> None:
        super().__init__()
        self.headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": address})

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        answer = super().request(*args, **kwargs)
        # The proxy speaks TLS to the browser and plain HTTP to the servers: the Secure
        # (__Host-) cookies travel on that plain hop, as they would behind it.
        for cookie in self.cookies:
            cookie.secure = False
        return answer

    def page(self, base: str, path: str) -> requests.Response:
        return self.get(base + path, allow_redirects=False, timeout=30)

    def submit(self, base: str, path: str, data: dict[str, Any], *, form_from: str | None = None,
               files: dict[str, Any] | None = None) -> requests.Response:
        """POST a form the way a browser does: with the CSRF token of the page showing it."""
        shown = self.page(base, form_from or path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', shown.text)
        assert match, f"no form on {form_from or path} ({shown.status_code})"
        origin = base.replace("http://", "https://")
        return self.post(base + path, data={"csrfmiddlewaretoken": match.group(1), **data},
                         files=files, headers={"Origin": origin}, allow_redirects=False, timeout=30)


def code_for(username: str) -> str:
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def sign_in(browser: Browser, base: str, username: str) -> None:
    browser.submit(base, "/accounts/notice/", {})
    answer = browser.submit(base, "/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/accounts/mfa/"), answer.status_code
    answer = browser.submit(base, "/accounts/mfa/", {"code": code_for(username)})
    assert answer.status_code == 302 and "/accounts/" not in answer.headers["Location"], answer.text[:500]


@dataclass
class Cluster:
    a: str
    b: str
    env: dict[str, str]

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            return conn.execute(query, params).fetchall()  # type: ignore[arg-type]

    def laborlens(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """A laborlens command with the servers' environment (production settings)."""
        env = {**self.env, "PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
               "PYTHONPATH": str(ROOT / "src")}
        return subprocess.run(["laborlens", *argv], env=env, capture_output=True, text=True,
                              timeout=300, check=False)


def _script(*argv: str) -> str:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("LABORLENS_") and key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    done = subprocess.run(["bash", str(SCRIPT), *argv], env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, f"cluster.sh {' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    _script("start", "--fresh")
    try:
        env = dict(line.split("=", 1) for line in _script("env").splitlines() if "=" in line)
        yield Cluster(a=f"http://127.0.0.1:{PORTS[0]}", b=f"http://127.0.0.1:{PORTS[1]}", env=env)
    finally:
        _script("stop")


ISSUE_TOKENS = (
    "from laborlens.accounts.models import User\n"
    "from laborlens.api.models import ApiToken\n"
    "for name in ('officer', 'investigator', 'advocate'):\n"
    "    print(name, ApiToken.issue(User.objects.get(username=name), 'cluster test', ['read', 'write'], 1)[1])\n"
)


@pytest.fixture(scope="module")
def tokens(cluster: Cluster) -> dict[str, str]:
    """API tokens for three demo users, made in one process (each start costs seconds)."""
    issued = cluster.laborlens("manage", "shell", "-c", ISSUE_TOKENS)
    assert issued.returncode == 0, issued.stderr
    return dict(line.split(" ", 1) for line in issued.stdout.split("\n") if line.strip())


@pytest.fixture(scope="module")
def investigator(cluster: Cluster) -> Browser:
    """Signed in once, on server A."""
    browser = Browser()
    sign_in(browser, cluster.a, "investigator")
    return browser


def test_the_servers_run_production_settings_against_shared_stores(cluster: Cluster) -> None:
    for base in (cluster.a, cluster.b):
        ready = requests.get(base + "/health/ready", timeout=10)
        assert ready.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
        # Not demo mode: plain HTTP that did not come through the TLS proxy is sent to HTTPS.
        assert requests.get(base + "/accounts/notice/", allow_redirects=False, timeout=10).status_code == 301
    assert "LABORLENS_DEMO" not in cluster.env
    assert cluster.env["LABORLENS_CACHE_URL"].startswith("redis://")
    assert _script("status").count(": running") == 5  # two servers, worker, scheduler, sealer


def test_failed_sign_ins_on_both_servers_lock_the_account(cluster: Cluster) -> None:
    browser = Browser(address="198.51.100.20")
    browser.submit(cluster.a, "/accounts/notice/", {})
    wrong = {"username": "inspector", "password": "not-the-password-1"}
    for base in (cluster.a, cluster.a, cluster.a, cluster.b, cluster.b):
        answer = browser.submit(base, "/accounts/login/", wrong)
        assert answer.status_code == 200 and "Sign-in failed" in answer.text
    assert cluster.sql("SELECT is_locked FROM accounts_user WHERE username = 'inspector'") == [(True,)]
    # Three failures were on A: A refuses the right password too, because B's two count.
    right = {"username": "inspector", "password": DEMO_PASSWORD}
    answer = browser.submit(cluster.a, "/accounts/login/", right)
    assert answer.status_code == 200 and "Sign-in failed" in answer.text


def _tip(browser: Browser, base: str, started: str) -> requests.Response:
    return browser.submit(base, "/tips/report/", {
        "narrative": "Workers at the packing shed sleep in the barn and cannot leave.",
        "when": "", "website": "", "started": started})


def test_the_public_tip_limit_is_counted_across_both_servers(cluster: Cluster) -> None:
    sender = Browser(address="203.0.113.50")
    form = sender.page(cluster.a, "/tips/report/")
    started = re.search(r'name="started" value="([^"]+)"', form.text)
    assert started, form.status_code
    time.sleep(3.5)  # the form refuses answers sent faster than a person could type them
    # Five tips an hour per address (tips.ratelimit): three through A and two through B.
    for base in (cluster.a, cluster.b, cluster.a, cluster.b, cluster.a):
        assert _tip(sender, base, started.group(1)).status_code == 201
    assert _tip(sender, cluster.b, started.group(1)).status_code == 429
    assert _tip(sender, cluster.a, started.group(1)).status_code == 429
    # Another address is not affected.
    assert _tip(Browser(address="203.0.113.51"), cluster.b, started.group(1)).status_code == 201


def test_a_session_made_on_one_server_is_valid_on_the_other(cluster: Cluster, investigator: Browser) -> None:
    mine = investigator.page(cluster.b, "/cases/")
    assert mine.status_code == 200 and 'action="/accounts/logout/"' in mine.text
    stranger = Browser().page(cluster.b, "/cases/")
    assert stranger.status_code == 302


def test_a_file_uploaded_through_one_server_downloads_through_the_other(
        cluster: Cluster, investigator: Browser) -> None:
    rows = cluster.sql(
        "SELECT e.id FROM cases_evidence e JOIN cases_case c ON c.id = e.case_id "
        "JOIN accounts_agency a ON a.id = c.lead_agency_id WHERE a.short_name = 'RPD' ORDER BY e.id LIMIT 1")
    assert rows, "the demo data has no evidence for the Riverton PD"
    evidence = rows[0][0]
    content = f"Pay stubs photographed {time.time()}: deductions for housing exceed wages.\n".encode()
    answer = investigator.submit(cluster.a, f"/cases/evidence/{evidence}/files/", {},
                                 form_from=f"/cases/evidence/{evidence}/",
                                 files={"file": ("stubs.txt", content, "text/plain")})
    assert answer.status_code == 302, answer.text[:500]
    page = investigator.page(cluster.b, f"/cases/evidence/{evidence}/")
    downloads = re.findall(r"/cases/files/(\d+)/download/", page.text)
    assert downloads, "the evidence page on B lists no file"
    newest = max(int(pk) for pk in downloads)
    fetched = investigator.page(cluster.b, f"/cases/files/{newest}/download/")
    assert fetched.status_code == 200
    assert fetched.content == content


def test_a_token_revoked_through_one_server_is_refused_by_the_other_at_once(
        cluster: Cluster, tokens: dict[str, str]) -> None:
    bearer = {"Authorization": f"Bearer {tokens['advocate']}", "X-Forwarded-Proto": "https"}
    for base in (cluster.a, cluster.b, cluster.b):  # B now holds it in the shared cache
        assert requests.get(base + "/api/v1/me/", headers=bearer, timeout=10).status_code == 200
    mine = requests.get(cluster.a + "/api/v1/tokens/", headers=bearer, timeout=10).json()["results"]
    assert len(mine) == 1
    revoked = requests.delete(f"{cluster.a}/api/v1/tokens/{mine[0]['id']}/", headers=bearer, timeout=10)
    assert revoked.status_code == 204
    assert requests.get(cluster.b + "/api/v1/me/", headers=bearer, timeout=10).status_code == 401


def _write(session: requests.Session, base: str, token: str, label: str) -> int | None:
    """One screening created through the API; its id when the server acknowledged it."""
    try:
        answer = session.post(base + "/api/v1/screenings/", json={"label": label}, timeout=10,
                              headers={"Authorization": f"Bearer {token}", "X-Forwarded-Proto": "https"})
    except requests.RequestException:
        return None
    return int(answer.json()["id"]) if answer.status_code == 201 else None


def test_killing_a_server_under_write_load_loses_no_acknowledged_write(
        cluster: Cluster, tokens: dict[str, str]) -> None:
    """Runs last: it leaves server A dead (the module's teardown stops the rest)."""
    writers = [tokens["officer"], tokens["investigator"]]
    acknowledged: list[tuple[str, int]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(number: int) -> None:
        session = requests.Session()
        token = writers[number % len(writers)]
        sent = 0
        while not stop.is_set():
            base = (cluster.a, cluster.b)[(number + sent) % 2]
            created = _write(session, base, token, f"cluster-{number}-{sent}")
            sent += 1
            if created is not None:
                with lock:
                    acknowledged.append((base, created))

    def until(condition: Callable[[], bool], failure: str) -> None:
        deadline = time.monotonic() + 120  # a guard against hanging, not a performance bound
        while True:
            with lock:
                if condition():
                    return
            assert time.monotonic() < deadline, failure
            time.sleep(0.05)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    try:
        until(lambda: sum(1 for base, _ in acknowledged if base == cluster.a) >= 10,
              "server A acknowledged no writes")
        master = int((RUN / f"web-{PORTS[0]}.pid").read_text())
        # The master and its workers (one process group), mid-request.
        group = os.getpgid(master)
        assert group != os.getpgrp()
        os.killpg(group, signal.SIGKILL)
        with lock:
            before = len(acknowledged)
        until(lambda: len(acknowledged) - before >= 20, "server B stopped acknowledging after A died")
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    ids = [pk for _, pk in acknowledged]
    assert len(set(ids)) == len(ids)
    stored = {row[0] for row in cluster.sql("SELECT id FROM screening_screening WHERE id = ANY(%s)", ids)}
    assert stored == set(ids), f"{len(set(ids) - stored)} acknowledged writes are missing"
    with pytest.raises(requests.ConnectionError):
        requests.get(cluster.a + "/health/live", timeout=5)
    # The sealer (one process for the cluster) chains what both servers wrote.
    verified = cluster.laborlens("audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "audit log OK" in verified.stdout and "sealed through checkpoint" in verified.stdout
