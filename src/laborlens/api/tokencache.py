"""API tokens looked up once, then served from the shared cache (issue 16, item 6).

Looking a token up through the ORM cost a third of a small API request, half of it in
building the SQL. A token and its owner, once found, are kept in the shared cache (Redis,
so every server sees the same) under the token's hash for ``TTL`` seconds; a request with
a cached token runs no SQL to authenticate.

Revocation still takes effect at once on every server. Any change to a token or to its
owner (revoked, expired, locked, deactivated, role changed) deletes the entry and puts a
"hold" beside it for ``TTL`` seconds (signals below). Every lookup reads entry and hold in
one round trip; while the hold is there the token is checked in the database and is not
cached again. The hold closes the race in which a request that read the token just before
the change writes it back just after the delete.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

TTL = 60
VERSION = 1  # part of the key: a server with another model layout never reads these entries


def entry_key(secret_hash: str) -> str:
    return f"api-token:v{VERSION}:{secret_hash}"


def hold_key(secret_hash: str) -> str:
    return f"api-token-hold:{secret_hash}"


SHARED_BACKENDS = ("django.core.cache.backends.redis.RedisCache", "laborlens.core.redis.RedisCache")


def enabled() -> bool:
    """Only a cache every server process shares can drop an entry everywhere at once. The demo
    (per-process memory, but two gunicorn workers) would otherwise keep accepting a revoked
    token in the worker that did not serve the revocation for up to ``TTL`` seconds.
    ``API_TOKEN_CACHE`` (True/False) overrides; the tests, one process, set it."""
    forced = getattr(settings, "API_TOKEN_CACHE", None)
    if forced is not None:
        return bool(forced)
    return settings.CACHES["default"]["BACKEND"] in SHARED_BACKENDS


def lookup(secret_hash: str, also: tuple[str, ...] = ()) -> tuple[Any | None, bool, dict[str, Any]]:
    """(the cached token or None, whether it may be cached after a database lookup, the values
    of the ``also`` keys found in the same round trip)."""
    if not enabled():
        return None, False, {}
    found = cache.get_many([entry_key(secret_hash), hold_key(secret_hash), *also])
    extra = {key: found[key] for key in also if key in found}
    if hold_key(secret_hash) in found:
        return None, False, extra
    return found.get(entry_key(secret_hash)), True, extra


def remember(token: Any) -> None:
    cache.set(entry_key(token.secret_hash), token, TTL)


def forget(secret_hashes: Iterable[str]) -> None:
    """Drop these tokens from the cache on every server, now and when the transaction commits."""
    hashes = [value for value in secret_hashes if value]
    if not hashes:
        return

    def drop() -> None:
        cache.set_many({hold_key(value): 1 for value in hashes}, TTL)
        cache.delete_many([entry_key(value) for value in hashes])

    drop()
    transaction.on_commit(drop)


# Saves that change nothing a token check reads.
HARMLESS_TOKEN_FIELDS = frozenset({"last_used_at"})
HARMLESS_USER_FIELDS = frozenset({"last_login"})


def token_saved(sender: Any, instance: Any, created: bool = False, update_fields: Any = None,
                **kwargs: Any) -> None:
    if created or (update_fields and set(update_fields) <= HARMLESS_TOKEN_FIELDS):
        return
    forget([instance.secret_hash])


def token_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget([instance.secret_hash])


def user_saved(sender: Any, instance: Any, created: bool = False, update_fields: Any = None,
               **kwargs: Any) -> None:
    if created or (update_fields and set(update_fields) <= HARMLESS_USER_FIELDS):
        return
    from laborlens.api.models import ApiToken

    forget(ApiToken.objects.filter(user_id=instance.pk).values_list("secret_hash", flat=True))


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    from laborlens.api.models import ApiToken

    post_save.connect(token_saved, sender=ApiToken, dispatch_uid="api-token-cache-save")
    post_delete.connect(token_deleted, sender=ApiToken, dispatch_uid="api-token-cache-delete")
    post_save.connect(user_saved, sender=get_user_model(), dispatch_uid="api-token-cache-user")
