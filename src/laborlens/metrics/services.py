"""What the dashboard page and the metrics API share: the read of the figures, recorded by
one function so that both channels leave the same event (issue 18.4)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.metrics.figures import Filters


def filter_detail(f: Filters) -> dict[str, Any]:
    """The filters of a read or an export, as the audit event names them."""
    return {"start": f.start.isoformat(), "end": f.end.isoformat(), "agencies": list(f.agency_ids),
            "period": f.period}


def read_figures(user: Any, f: Filters, request: HttpRequest | None = None, *, via: str = "web") -> None:
    record_read(EventTag.METRICS_VIEWED, request, by=user, via=via, **filter_detail(f))
