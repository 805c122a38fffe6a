"""The case list's capped count (and its keyset pages' estimate), kept in the shared cache
until cases or teams change (issue 16, part 6: the count was 37% of an API list request and
more at scale).

An entry is keyed by the count query's own SQL and parameters, so it holds for exactly one
scope (the caller's agency, role and user id are in the SQL) and one set of filters. Each
entry carries the "generation" that was current when the count began; every save or delete
of a case or a team membership (the only rows the case scope reads; their querysets refuse
``update()`` and bulk writes, so each change passes through these signals) starts a new
generation, now and again when its transaction commits, so a count taken before a change is
never served after it; a transaction that has changed cases counts for itself (a count that
saw its uncommitted rows is never stored). ``TTL`` bounds what the signals cannot see (rows written with raw SQL,
such as ``generate-scale``'s COPY).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import QuerySet

TTL = 60
GENERATION_KEY = "case-count-generation"


def _new_generation() -> None:
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def capped_count(queryset: QuerySet, limit: int) -> int:
    """``queryset[:limit].count()``, from the shared cache while no case or team changed.

    Keyed and counted as ``SELECT id ... LIMIT limit`` without order or joined rows: the same
    rows, so the same count, and the SQL of the key costs half as much to build as the page's
    own (columns of the case and its agency, the order)."""
    capped = queryset.values("pk").order_by()[:limit]
    return int(_cached(CAPPED_COUNT_PREFIX, capped, capped.count, 0))


def estimate(queryset: QuerySet, planner: Callable[[QuerySet], int | None]) -> int | None:
    """The keyset list's ``count_estimate`` (``planner(queryset)``: PostgreSQL's ``EXPLAIN``), kept
    like the count: an ``EXPLAIN`` is planned anew by every request (a round trip and the
    planning of the scope's ``OR EXISTS``, as much as the page query itself), and the
    estimate of a list does not change while no case or team does."""
    return _cached(ESTIMATE_PREFIX, queryset.values("pk").order_by(), lambda: planner(queryset), 0)


CAPPED_COUNT_PREFIX = "case-count:v2:"
ESTIMATE_PREFIX = "case-estimate:v1:"


def _cached(prefix: str, queryset: QuerySet, compute: Callable[[], Any], empty: Any) -> Any:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a scope that matches nothing (.none()): no query to run
        return empty
    return cached_by_sql(prefix, queryset.db, sql, params, compute)


def cached_by_sql(prefix: str, alias: str, sql: str, params: Any, compute: Callable[[], Any]) -> Any:
    """``_cached`` for a caller that already holds the key query's SQL and parameters
    (``core.prepared``: the case list's first page), with ``prefix`` ``CAPPED_COUNT_PREFIX``
    or ``ESTIMATE_PREFIX``: the entries the usual path reads and writes."""
    if _uncommitted_changes(alias):
        # This transaction changed cases or teams: its count is not everybody's, and a rollback
        # would start no new generation. Count, and neither read nor store an entry.
        return compute()
    key = prefix + hashlib.sha256(repr((alias, sql, tuple(params))).encode()).hexdigest()
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(GENERATION_KEY)
    entry = found.get(key)
    if entry is not None and generation is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    if generation is not None:
        cache.set(key, (generation, value), TTL)
    return value


def _uncommitted_changes(alias: str) -> bool:
    connection = connections[alias]
    return connection.in_atomic_block and any(entry[1] is _new_generation for entry in connection.run_on_commit)


def changed(**kwargs: Any) -> None:
    """A case or a membership was saved or deleted: no count taken before it is served."""
    _new_generation()
    transaction.on_commit(_new_generation)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from laborlens.cases.models import Case, CaseMember

    for model in (Case, CaseMember):
        post_save.connect(changed, sender=model, dispatch_uid=f"case-count-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"case-count-delete-{model.__name__}")
