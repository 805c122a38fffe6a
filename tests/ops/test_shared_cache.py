"""Limits held in Redis hold across server processes (issue 16, item 2).

Two separate Python processes, each with its own Django and its own Redis connection, send
tips from the same client address; the hourly limit (5) holds for the pair, where per-process
memory would have let each process accept 5. Runs against the real Redis on 127.0.0.1:6379
(database 15, a key prefix of its own); skipped when no Redis answers there.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379")

SENDER = """
import json, django
django.setup()
from django.test import RequestFactory
from laborlens.tips import ratelimit
request = RequestFactory().post("/tips/", REMOTE_ADDR="203.0.113.7")
print(json.dumps([ratelimit.allow(request, "submit") for _ in range(4)]))
"""


def run_sender(prefix: str) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LABORLENS_", "DATABASE_URL", "DJANGO_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "tests.settings", "LABORLENS_DEMO": "1",
                "DATABASE_URL": "sqlite:////tmp/laborlens-cache-test.sqlite3",
                "LABORLENS_CACHE_URL": REDIS_URL, "LABORLENS_CACHE_PREFIX": prefix})
    return subprocess.Popen([sys.executable, "-c", SENDER], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_tip_limit_holds_across_two_processes():
    prefix = f"test-{uuid.uuid4().hex}"
    first, second = run_sender(prefix), run_sender(prefix)
    answers = []
    for process in (first, second):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        answers.extend(json.loads(out.strip().splitlines()[-1]))
    # 8 tips from one address through two processes: exactly the limit of 5 accepted.
    assert len(answers) == 8
    assert answers.count(True) == 5


def test_a_separate_prefix_is_a_separate_count():
    # The same address under another deployment's prefix starts from zero.
    out, err = run_sender(f"test-{uuid.uuid4().hex}").communicate(timeout=120)
    assert json.loads(out.strip().splitlines()[-1]) == [True, True, True, True], err


def test_settings_use_redis_when_configured():
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LABORLENS_", "DATABASE_URL", "DJANGO_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "tests.settings", "LABORLENS_CACHE_URL": REDIS_URL,
                "DATABASE_URL": "sqlite:////tmp/laborlens-cache-test.sqlite3"})
    code = ("import django; django.setup(); from django.core.cache import cache; "
            "from django.core.cache import caches; print(type(caches['default']).__name__); cache.set('probe', 41); print(cache.incr('probe'))")
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, text=True,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "42"]
