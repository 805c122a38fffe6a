"""Per-client rate limits for the public tip pages, counted in the cache only.

The client address is never stored: the cache key holds an HMAC of it (keyed with
SECRET_KEY, so the digest cannot be reversed by trying every IPv4 address without the
key), bucketed per fixed time window, and expires with the window. Nothing reaches the
database or the logs. Outside demo mode the cache is Redis (LABORLENS_CACHE_URL), so every
server process counts the same (tests/ops/test_shared_cache.py).
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from laborlens.audit.events import client_ip

# bucket -> (requests allowed, window in seconds); override with settings.TIPS_RATE_LIMITS.
DEFAULT_LIMITS = {
    "page": (120, 60),        # any public tips page
    "submit": (5, 3600),      # tips sent
    "follow_up": (10, 900),   # code + passphrase attempts
    "api": (5, 3600),         # public API submissions
}


def limits() -> dict[str, tuple[int, int]]:
    return {**DEFAULT_LIMITS, **getattr(settings, "TIPS_RATE_LIMITS", {})}


def _client_digest(request: HttpRequest) -> str:
    address = client_ip(request) or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), f"tips-rate\x1f{address}".encode(),
                    hashlib.sha256).hexdigest()[:32]


def allow(request: HttpRequest, bucket: str) -> bool:
    """Count this request; False once the client is over the bucket's limit."""
    allowed, window = limits()[bucket]
    return count(request, bucket, allowed, window)


def count(request: HttpRequest, bucket: str, allowed: int, window: int) -> bool:
    """The same counting for other public pages (``feedback``): their own bucket names,
    limits and windows, the same shared cache and the same unstored client digest."""
    slot = int(time.time() // window)
    key = f"tips-rl:{bucket}:{_client_digest(request)}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= allowed


def _key_of(bucket: str, value: str, window: int) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]
    return f"tips-rl:{bucket}:{digest}:{int(time.time() // window)}"


FAILURES_ALLOWED = 5
FAILURE_WINDOW = 3600


def record_failure(code: str) -> None:
    """One more wrong passphrase for this tip code (counted whoever tries)."""
    key = _key_of("tip-fail", code, FAILURE_WINDOW)
    cache.add(key, 0, timeout=FAILURE_WINDOW + 5)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=FAILURE_WINDOW + 5)


def code_locked(code: str) -> bool:
    """Too many wrong passphrases for this code in the current hour."""
    return int(cache.get(_key_of("tip-fail", code, FAILURE_WINDOW), 0)) >= FAILURES_ALLOWED
