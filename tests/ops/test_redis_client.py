"""laborlens.core.redis: Django's Redis cache with one client per connection pool (skipped
when no Redis answers on 127.0.0.1:6379; database 15 and a prefix of its own)."""

from __future__ import annotations

import threading
import uuid

import pytest

from laborlens.core.redis import RedisCache
from tests.ops.test_shared_cache import REDIS_URL, redis_up

pytestmark = pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379")


def make() -> RedisCache:
    return RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-client-{uuid.uuid4().hex}", "TIMEOUT": 30})


def test_one_client_serves_every_operation():
    cache = make()
    first = cache._cache.get_client("a", write=True)
    assert cache._cache.get_client("b", write=False) is first
    cache.set("a", [1, 2], 30)
    cache.set_many({"b": "x", "c": 3}, 30)
    assert cache.get_many(["a", "b", "c", "missing"]) == {"a": [1, 2], "b": "x", "c": 3}
    cache.delete_many(["a", "b", "c"])
    assert cache.get_many(["a", "b", "c"]) == {}


def test_threads_share_the_client_without_mixing_replies():
    cache = make()
    errors: list[str] = []

    def work(number: int) -> None:
        for step in range(200):
            cache.set(f"k{number}", (number, step), 30)
            got = cache.get(f"k{number}")
            if got != (number, step):
                errors.append(f"{number}/{step}: {got}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
