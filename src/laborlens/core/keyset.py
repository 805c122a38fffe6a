"""Keyset pagination: pages that cost the same at row 50 and at row 500,000, and no count.

A page is "the next ``size`` rows after this one" in a fixed order whose last key is unique
(the primary key), so the database walks its index from the cursor instead of counting and
skipping rows (``COUNT(*)`` plus ``OFFSET`` was a third of a case-list request at scale,
BENCHMARKS.md). The cursor is the sort key of a row on the page, e.g. ``2026-03-02.481``:
it names only what the page already shows. A cursor that does not parse gives the first
page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet

SEPARATOR = "."


@dataclass(frozen=True)
class Key:
    field: str
    parse: Callable[[str], Any]
    descending: bool = True

    def value(self, row: Any) -> Any:
        return getattr(row, self.field)


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None  # give as ``after`` for the following page
    previous_cursor: str | None  # give as ``before`` for the preceding page
    is_first: bool

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def date_key(field: str, descending: bool = True) -> Key:
    return Key(field, date.fromisoformat, descending)


def pk_key(descending: bool = True) -> Key:
    return Key("pk", int, descending)


def datetime_key(field: str, descending: bool = True) -> Key:
    return Key(field, datetime.fromisoformat, descending)


def text_key(field: str, descending: bool = False) -> Key:
    return Key(field, str, descending)


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def cursor_of(keys: Sequence[Key], row: Any) -> str:
    return SEPARATOR.join(_text(key.value(row)) for key in keys)


def parse_cursor(keys: Sequence[Key], raw: str | None) -> list[Any] | None:
    if not raw:
        return None
    # From the right: only the first key may hold the separator (a case number, a time with
    # microseconds); the keys after it are dates and primary keys.
    parts = raw.rsplit(SEPARATOR, len(keys) - 1)
    if len(parts) != len(keys):
        return None
    try:
        return [key.parse(part) for key, part in zip(keys, parts, strict=True)]
    except (TypeError, ValueError):
        return None


def _beyond(keys: Sequence[Key], values: list[Any], forward: bool) -> Q:
    """Rows strictly after ``values`` in the keys' order (before it when not ``forward``)."""
    condition = Q()
    first = keys[0]
    # Implied by the condition below, but said on its own so that the database starts its
    # index scan at the cursor instead of filtering every row before it.
    bound = Q(**{f"{first.field}__{'lte' if first.descending == forward else 'gte'}": values[0]})
    for position, key in enumerate(keys):
        later = key.descending == forward  # descending + forward: smaller values come later
        step = Q(**{f"{key.field}__{'lt' if later else 'gt'}": values[position]})
        for earlier, value in zip(keys[:position], values[:position], strict=True):
            step &= Q(**{earlier.field: value})
        condition |= step
    return bound & condition


def _ordering(keys: Sequence[Key], forward: bool) -> list[str]:
    return [("-" if key.descending == forward else "") + key.field for key in keys]


def order_of(keys: Sequence[Key]) -> list[str]:
    """The ``order_by`` of the keys' order (for reading every row, e.g. a download)."""
    return _ordering(keys, forward=True)


def paginate(queryset: QuerySet[Any], keys: Sequence[Key], size: int, *,
             after: str | None = None, before: str | None = None) -> Page:
    """One page of ``queryset`` in the order of ``keys`` (the last must be unique)."""
    return page_of(queryset, keys, size, after=parse_cursor(keys, after), before=parse_cursor(keys, before))


def page_of(queryset: QuerySet[Any], keys: Sequence[Key], size: int, *,
            after: list[Any] | None = None, before: list[Any] | None = None) -> Page:
    """``paginate`` with cursors already parsed (the API refuses a bad cursor instead of
    showing the first page)."""
    after_values, before_values = after, before
    if before_values is not None and after_values is None:
        rows = list(queryset.filter(_beyond(keys, before_values, forward=False))
                    .order_by(*_ordering(keys, forward=False))[: size + 1])
        more_before = len(rows) > size
        items = list(reversed(rows[:size]))
        if not items:  # nothing before it: show the first page
            return page_of(queryset, keys, size)
        return Page(items, next_cursor=cursor_of(keys, items[-1]),
                    previous_cursor=cursor_of(keys, items[0]) if more_before else None,
                    is_first=not more_before)
    filtered = queryset.filter(_beyond(keys, after_values, forward=True)) if after_values else queryset
    rows = list(filtered.order_by(*_ordering(keys, forward=True))[: size + 1])
    items = rows[:size]
    return Page(items, next_cursor=cursor_of(keys, items[-1]) if len(rows) > size else None,
                previous_cursor=cursor_of(keys, items[0]) if after_values and items else None,
                is_first=after_values is None)
