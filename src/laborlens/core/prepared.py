"""Querysets compiled once by the ORM and run again with new values (issue 16, part 6).

For the small reads of a case detail, building a queryset and compiling its SQL cost
several times the database's own work (BENCHMARKS.md "Cheaper requests, third pass").
``Prepared`` keeps what the ORM made of a queryset (its SQL, its parameters and the
converters of its columns, which decrypt the encrypted fields) and runs it again with new
values in its *slots*: parameters that held a placeholder from ``slot(n)`` when it was
compiled. Every other parameter, and the SQL text, stay exactly what the ORM produced.

``scoped(...)`` does the same for a queryset restricted to a user
(``Model.objects.restrict(user, action)``): the scope is built by the model's own
``scope_for``, through a stand-in for the user that notes every attribute it reads and
every ``can(...)`` it asks, with the answers. The statement is reused for a later request
only when the same user gives the same answers to every one of those reads (a role, agency,
lock or deactivation changes an answer and so builds the statement again), so it is the
statement the ORM would build for that request. A scope that runs SQL while it is built, or
reads anything but plain values off the user, is never reused: the caller then takes the
ordinary path. Use it only for models whose ``scope_for`` depends on nothing but the user
and the action (no clock, no query results); ``tests/core/test_prepared.py`` holds the
results equal to the ORM's for every named user and action.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, models

SLOT_BASE = -7_340_207_913_521  # placeholders: integers no row id is
MAX_USERS = 5_000  # per process: the cache of scoped statements is emptied beyond this
PLAIN = (bool, int, str, type(None))


def slot(number: int) -> int:
    """The placeholder for slot ``number`` (0, 1, ...), in the queryset given to ``Prepared``."""
    return SLOT_BASE - number


class Prepared:
    """One queryset's statement, run with the values of its slots."""

    def __init__(self, queryset: models.QuerySet, slots: int = 0) -> None:
        self.alias = queryset.db
        self.vendor = connections[self.alias].vendor
        compiler = queryset.query.get_compiler(self.alias)
        sql, params = compiler.as_sql()
        self.sql = sql
        self.params = list(params)
        self.positions: list[int] = []
        for number in range(slots):
            marker = slot(number)
            found = [index for index, value in enumerate(self.params) if type(value) is int and value == marker]
            if len(found) != 1:
                raise ImproperlyConfigured(f"slot {number} appears {len(found)} times in {sql!r}")
            self.positions.append(found[0])
        self.converters = [(index, funcs, expression) for index, (funcs, expression) in
                           compiler.get_converters([item[0] for item in compiler.select]).items()]
        self.columns = len(compiler.select)
        # A model's own queryset (not values): the attributes of its columns, for ``objects``.
        self.model = queryset.model if queryset._iterable_class is models.query.ModelIterable else None
        self.attnames = [getattr(getattr(item[0], "target", None), "attname", None) for item in compiler.select]
        if self.model is not None and (compiler.klass_info is None or compiler.klass_info.get("related_klass_infos")
                                       or None in self.attnames):
            self.model = None  # joined models or annotations: rows only

    def objects(self, *values: Any) -> list[Any]:
        """Model instances, as the queryset would give them (its columns loaded, the rest deferred)."""
        if self.model is None:
            raise TypeError("objects() needs a queryset of one model's own columns")
        return [self.model.from_db(self.alias, self.attnames, row) for row in self.rows(*values)]

    def rows(self, *values: Any) -> list[tuple[Any, ...]]:
        if len(values) != len(self.positions):
            raise TypeError(f"{len(self.positions)} values expected, {len(values)} given")
        params = list(self.params)
        for position, value in zip(self.positions, values, strict=True):
            params[position] = value
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if not self.converters:
            return [tuple(row[:self.columns]) for row in fetched]
        converted = []
        for row in fetched:
            values_ = list(row[:self.columns])
            for index, funcs, expression in self.converters:
                value = values_[index]
                for func in funcs:
                    value = func(value, expression, connection)
                values_[index] = value
            converted.append(tuple(values_))
        return converted


_fixed: dict[str, Prepared] = {}


def fixed(name: str, build: Callable[[], models.QuerySet], slots: int = 0) -> Prepared:
    """The statement of ``build()`` (a queryset that reads no user: its shape never changes),
    compiled once per process (again if its database's vendor changed, as between test runs)."""
    prepared = _fixed.get(name)
    if prepared is None or connections[prepared.alias].vendor != prepared.vendor:
        prepared = _fixed[name] = Prepared(build(), slots)
    return prepared


class _Uncacheable(Exception):
    pass


class _Reads:
    """The user as ``scope_for`` sees it, noting every read and its answer."""

    def __init__(self, user: Any) -> None:
        self._user = user
        self._noted: list[tuple[str, str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise _Uncacheable(name)
        if name == "can":
            return self._can
        value = getattr(self._user, name)
        if not isinstance(value, PLAIN):
            raise _Uncacheable(name)
        self._noted.append(("attr", name, (type(value), value)))
        return value

    def _can(self, permission: str) -> bool:
        answer = bool(self._user.can(permission))
        self._noted.append(("can", permission, answer))
        return answer


def _same_answers(user: Any, noted: Sequence[tuple[str, str, Any]]) -> bool:
    for kind, name, answer in noted:
        if kind == "can":
            if bool(user.can(name)) is not answer:
                return False
        else:
            value = getattr(user, name, None)
            if (type(value), value) != answer:
                return False
    return True


def _no_sql(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    raise _Uncacheable("the scope ran SQL while it was built")


_scoped: dict[tuple[Any, ...], list[tuple[list[tuple[str, str, Any]], Prepared]]] = {}
_lock = threading.Lock()


def scoped(name: str, model: type[models.Model], user: Any, action: str,
           build: Callable[[models.QuerySet], models.QuerySet], slots: int = 0) -> Prepared | None:
    """The statement of ``build(model.objects.restrict(user, action))`` for this user, or
    None when it cannot be reused (the caller then builds the queryset as usual)."""
    if user is None or not getattr(user, "is_authenticated", False) or user.pk is None:
        return None
    alias = model.objects.db
    key = (name, alias, connections[alias].vendor, model._meta.label, action, user.pk)
    for noted, prepared in _scoped.get(key, ()):
        if _same_answers(user, noted):
            return prepared
    reads = _Reads(user)
    try:
        with connections[alias].execute_wrapper(_no_sql):
            queryset = build(model.objects.restrict(reads, action))
            prepared = Prepared(queryset, slots)
    except (_Uncacheable, EmptyResultSet):  # EmptyResultSet: a scope of nothing (the usual path says so)
        return None
    with _lock:
        if len(_scoped) >= MAX_USERS:
            _scoped.clear()
        entries = _scoped.setdefault(key, [])
        entries.insert(0, (list(reads._noted), prepared))
        del entries[4:]
    return prepared


def forget_all() -> None:
    """Empty both caches (tests that change the database's vendor or schema)."""
    _fixed.clear()
    _scoped.clear()
