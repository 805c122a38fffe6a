"""Reporting periods: a month, a quarter, a year or custom dates (pure, no Django)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

KINDS = ("month", "quarter", "year", "custom")


def period_bounds(kind: str, on: date) -> tuple[date, date]:
    """First and last day (inclusive) of the month, quarter or year containing ``on``."""
    if kind == "month":
        return date(on.year, on.month, 1), date(on.year, on.month, monthrange(on.year, on.month)[1])
    if kind == "quarter":
        first = 3 * ((on.month - 1) // 3) + 1
        return date(on.year, first, 1), date(on.year, first + 2, monthrange(on.year, first + 2)[1])
    if kind == "year":
        return date(on.year, 1, 1), date(on.year, 12, 31)
    raise ValueError(f"unknown period {kind!r}")


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 if end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


MONTH_BUCKETS = ((0, 3, "under 3 months"), (3, 6, "3 to 6 months"), (6, 12, "6 to 12 months"),
                 (12, 24, "12 to 24 months"), (24, None, "24 months or more"))


def bucket_of(months: int) -> int:
    for index, (low, high, _label) in enumerate(MONTH_BUCKETS):
        if months >= low and (high is None or months < high):
            return index
    return len(MONTH_BUCKETS) - 1


def suppress(value: int, threshold: int) -> str:
    """Small-count suppression: 1..threshold-1 is shown as '<threshold'; 0 and larger counts as is."""
    if 0 < value < threshold:
        return f"<{threshold}"
    return str(value)


def previous_period(kind: str, start: date, end: date) -> tuple[date, date]:
    """The period just before: the previous month, quarter or year, or for custom dates
    the same number of days ending the day before ``start``."""
    if kind in ("month", "quarter", "year"):
        return period_bounds(kind, start - timedelta(days=1))
    length = (end - start).days
    last = start - timedelta(days=1)
    return last - timedelta(days=length), last


def last_months(end: date, count: int = 12) -> list[date]:
    """The first days of the ``count`` calendar months ending with ``end``'s month, oldest first."""
    months = []
    year, month = end.year, end.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]
