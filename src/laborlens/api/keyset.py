"""Keyset pages for the API's large lists, opt-in with ``?cursor=`` (issue 16, part 6).

Without ``cursor`` a list answers in numbered pages with a count, as it always did. With
``cursor`` (empty for the first page) it answers ``next``, ``previous``, ``results`` and
``count_estimate``, and issues no ``COUNT``: a page is the rows after the cursor in the list's
own order (laborlens.core.keyset), so it costs the same at row 50 and at row 500,000.

A cursor is base64 of JSON: the list's order and the sort key of a row the caller was shown. It is
not signed and needs not be: it is only a filter added to the caller's already scoped
queryset, so a forged one can move only within what the caller may see. A value that is not
base64url (the schema's pattern) is a 400; one that is but does not decode to a cursor of this
list and order is a 422 (``RuleRefused``: well formed, refused by a rule the schema cannot
state, as everywhere in the API; schemathesis counts it as an answer to valid input). Both
carry the same ``errors.cursor`` message.

``count_estimate`` on PostgreSQL is the planner's row estimate for the scoped, filtered query
(``EXPLAIN``; planning only, nothing is counted). It is used even for an unfiltered list,
rather than ``pg_class.reltuples``: for a bare table the planner already returns reltuples
scaled to the table's current size, and one path serves both. Elsewhere (SQLite in
development and tests) it is the capped count of the page-number mode.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, models
from django.db.models import QuerySet
from django.utils.translation import gettext
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from laborlens.api.base import Pagination
from laborlens.api.exceptions import RuleRefused
from laborlens.core import keyset

COUNT_CAP = 10_000
BIGINT = 2**63
MAX_CURSOR = 2000
CURSOR_CHARACTERS = "[A-Za-z0-9_-]*"  # base64url without padding


class BadCursor(ValueError):
    pass


def keys_of(queryset: QuerySet[Any]) -> tuple[keyset.Key, ...]:
    """The keyset keys of the queryset's own ``order_by`` (plain non-null fields, ending with
    the primary key or a unique field, so that the order is total)."""
    model = queryset.model
    ordering = list(queryset.query.order_by or model._meta.ordering)
    keys = tuple(_key(model, entry) for entry in ordering)
    last = keys[-1].field if keys else ""
    if not keys or (last != "pk" and not model._meta.get_field(last).unique):
        raise ImproperlyConfigured(f"keyset pages need an order ending with a unique field: {ordering}")
    return keys


def _key(model: type[models.Model], entry: Any) -> keyset.Key:
    if not isinstance(entry, str):
        raise ImproperlyConfigured(f"keyset pages order by plain fields, not {entry!r}")
    descending, name = entry.startswith("-"), entry.lstrip("-")
    if name in ("pk", model._meta.pk.name):
        return keyset.Key("pk", _whole, descending)
    field = model._meta.get_field(name)
    if field.null:
        raise ImproperlyConfigured(f"keyset pages cannot walk the NULLs of {name}")
    if isinstance(field, models.DateTimeField):
        return keyset.Key(name, _aware, descending)
    if isinstance(field, models.DateField):
        return keyset.date_key(name, descending)
    if isinstance(field, models.IntegerField):
        return keyset.Key(name, _whole, descending)
    if isinstance(field, (models.CharField, models.TextField)):
        return keyset.Key(name, _text, descending)
    raise ImproperlyConfigured(f"keyset pages do not order by a {type(field).__name__}")


def _whole(text: str) -> int:
    value = int(text)
    if not -BIGINT <= value < BIGINT:
        raise ValueError("out of range")
    return value


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("a time without its zone")
    return value


def _text(text: str) -> str:
    if "\x00" in text:
        raise ValueError("NUL")
    return text


def position_of(keys: tuple[keyset.Key, ...], row: Any) -> list[str]:
    """The row's sort key as text, one item per key (a time may hold any separator)."""
    return [value.isoformat() if isinstance(value, date) else str(value) for value in (k.value(row) for k in keys)]


def encode(order: str, direction: str, position: list[str]) -> str:
    raw = json.dumps({"o": order, direction: position}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, order: str, keys: tuple[keyset.Key, ...]) -> tuple[list[Any] | None, list[Any] | None]:
    """``(after, before)`` key values of a cursor; ``(None, None)`` for the first page."""
    if not cursor:
        return None, None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        raise BadCursor(cursor) from None
    if not isinstance(data, dict) or data.get("o") != order or len(data) != 2:
        raise BadCursor(cursor)
    direction = "a" if "a" in data else "b"
    position = data.get(direction)
    if not isinstance(position, list) or len(position) != len(keys) or not all(isinstance(p, str) for p in position):
        raise BadCursor(cursor)
    try:
        values = [key.parse(text) for key, text in zip(keys, position, strict=True)]
    except (TypeError, ValueError):
        raise BadCursor(cursor) from None
    return (values, None) if direction == "a" else (None, values)


def planner_estimate(queryset: QuerySet[Any]) -> int | None:
    """The PostgreSQL planner's estimate of the rows the query returns (no rows are read)."""
    try:
        plan = queryset.order_by().values("pk").explain(format="json")
    except EmptyResultSet:  # a scope that matches nothing (.none())
        return 0
    try:
        return int(json.loads(plan)[0]["Plan"]["Plan Rows"])
    except (ValueError, KeyError, IndexError, TypeError):
        return None


class KeysetPagination(Pagination):
    """Numbered pages, or keyset pages with ``cursor`` (see the module's docstring)."""

    cursor_query_param = "cursor"
    keyset_mode = False

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        self.keyset_mode = self.cursor_query_param in request.query_params
        if not self.keyset_mode:
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        self.check_page_number(request)  # ignored here, but still a whole number as documented
        size = self.get_page_size(request)
        keys = keys_of(queryset)
        order = ",".join(keyset.order_of(keys))
        cursors = request.query_params.getlist(self.cursor_query_param)
        if len(cursors) > 1 or len(cursors[0]) > MAX_CURSOR or not re.fullmatch(CURSOR_CHARACTERS, cursors[0]):
            raise serializers.ValidationError(self.bad_cursor())  # what the schema refuses: 400
        try:
            after, before = decode(cursors[0], order, keys)
        except BadCursor:
            raise RuleRefused(self.bad_cursor()) from None  # well formed, but not ours: 422
        page = keyset.page_of(queryset, keys, size, after=after, before=before)
        self.links = {"next": self._link(order, "a", page.next_cursor and position_of(keys, page.items[-1])),
                      "previous": self._link(order, "b", page.previous_cursor and position_of(keys, page.items[0]))}
        self.count_estimate = self.estimate(queryset)
        return page.items

    def bad_cursor(self) -> dict[str, list[str]]:
        return {self.cursor_query_param: [gettext(
            "This cursor is not one this list gave out (or the order changed); start again with an empty cursor.")]}

    def _link(self, order: str, direction: str, position: list[str] | None) -> str | None:
        if not position:
            return None
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return str(replace_query_param(url, self.cursor_query_param, encode(order, direction, position)))

    def estimate(self, queryset: QuerySet[Any]) -> int | None:
        if connections[queryset.db].vendor == "postgresql":
            return planner_estimate(queryset)
        # Without its order, so that one cached count serves every order of the same list.
        return min(self.capped_count(queryset.order_by()), COUNT_CAP)

    def capped_count(self, queryset: QuerySet[Any]) -> int:
        return int(queryset[: COUNT_CAP + 1].count())

    def get_paginated_response(self, data: Any) -> Response:
        if not self.keyset_mode:
            return super().get_paginated_response(data)
        return Response({"next": self.links["next"], "previous": self.links["previous"], "results": data,
                         "count_estimate": self.count_estimate})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {"oneOf": [self.page_response_schema(schema), keyset_response_schema(schema)]}

    def page_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return dict(super().get_paginated_response_schema(schema))

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [*super().get_schema_operation_parameters(view), {
            "name": self.cursor_query_param, "required": False, "in": "query",
            "description": "Keyset pages without a count: give it empty for the first page, then "
            "follow `next` and `previous`. The answer then has `count_estimate` instead of `count`, "
            "and `page` is ignored. A value that is not base64url is a 400; one that is, but is "
            "not a cursor this list gave out for this `ordering`, is a 422.",
            "schema": {"type": "string", "maxLength": MAX_CURSOR, "pattern": f"^{CURSOR_CHARACTERS}$"}}]


def keyset_response_schema(schema: dict[str, Any]) -> dict[str, Any]:
    link = {"type": "string", "nullable": True, "format": "uri"}
    return {"type": "object", "required": ["next", "previous", "results", "count_estimate"], "properties": {
        "next": link, "previous": link, "results": schema,
        "count_estimate": {"type": "integer", "nullable": True, "description":
                           f"Roughly how many rows match: the PostgreSQL planner's estimate, or a "
                           f"count capped at {COUNT_CAP:,}; null when unknown"}}}
