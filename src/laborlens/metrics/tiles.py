"""The dashboard's first screen: one tile per headline measure, with the value in the
period, the change against the previous period and a 12-month trend, each opening its
figure below. Same agencies and period rules as ``figures`` (each tile names the figure
whose docstring says what is counted); counted by the database, a few queries per tile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from laborlens.cases.models import Case, Charge, Person
from laborlens.metrics import periods
from laborlens.metrics.figures import Filters
from laborlens.screening.models import Screening
from laborlens.tips.models import Tip
from laborlens.victims.models import Referral, Relief


@dataclass(frozen=True)
class Measure:
    key: str
    label: Any
    figure: str  # the figure the tile opens
    rows: Callable[[tuple[int, ...]], Any]  # the agencies' rows
    on: str  # the date or timestamp that puts a row in a period


MEASURES = [
    Measure("screenings", gettext_lazy("Screenings done"), "screenings",
            lambda ids: Screening.objects.filter(agency_id__in=ids), "created_at"),
    Measure("victims", gettext_lazy("Potential victims identified"), "victims_identified",
            lambda ids: Person.objects.filter(role=Person.Role.VICTIM, recorded_by_agency_id__in=ids), "created_at"),
    Measure("referrals", gettext_lazy("Referrals sent"), "referrals",
            lambda ids: Referral.objects.filter(victim__serving_agency_id__in=ids), "sent_at"),
    Measure("relief", gettext_lazy("Continued Presence and T / U visa requests"), "relief",
            lambda ids: Relief.objects.filter(victim__serving_agency_id__in=ids), "requested_on"),
    Measure("tips", gettext_lazy("Tips received"), "tips",
            lambda ids: Tip.objects.filter(agency_id__in=ids), "created_at"),
    Measure("cases", gettext_lazy("Cases opened"), "cases_by_stage",
            lambda ids: Case.objects.filter(lead_agency_id__in=ids), "opened_on"),
    Measure("charges", gettext_lazy("Charges filed"), "prosecution",
            lambda ids: Charge.objects.filter(case__lead_agency_id__in=ids), "charged_on"),
    Measure("convictions", gettext_lazy("Convictions"), "prosecution",
            lambda ids: Charge.objects.filter(case__lead_agency_id__in=ids, disposition__in=Charge.CONVICTIONS),
            "disposed_on"),
]


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    figure: str
    value: int
    previous: int
    trend: list[int]  # the last 12 calendar months ending with the period's end, oldest first
    months: list[date]

    @property
    def change(self) -> int:
        return self.value - self.previous


def _is_timestamp(measure: Measure) -> bool:
    return measure.on in {"created_at", "sent_at"}


def _between(measure: Measure, start: date, end: date) -> dict[str, Any]:
    if _is_timestamp(measure):
        return {f"{measure.on}__gte": _midnight(start), f"{measure.on}__lt": _midnight(end + timedelta(days=1))}
    return {f"{measure.on}__gte": start, f"{measure.on}__lte": end}


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def tile(measure: Measure, f: Filters) -> Tile:
    rows = measure.rows(f.agency_ids)
    before = periods.previous_period(f.period, f.start, f.end)
    months = periods.last_months(f.end)
    last_day = periods.period_bounds("month", f.end)[1]
    by_month = {(m.date() if isinstance(m, datetime) else m): n for m, n in
                rows.filter(**_between(measure, months[0], last_day)).order_by()
                .annotate(month=TruncMonth(measure.on)).values_list("month").annotate(n=Count("pk"))
                .values_list("month", "n")}
    return Tile(measure.key, str(measure.label), measure.figure,
                value=rows.filter(**_between(measure, f.start, f.end)).count(),
                previous=rows.filter(**_between(measure, *before)).count(),
                trend=[by_month.get(m, 0) for m in months], months=months)


def compute_tiles(f: Filters) -> list[Tile]:
    """The tiles, kept as long as the dashboard's figures (``METRICS_CACHE_SECONDS``)."""
    seconds = settings.METRICS_CACHE_SECONDS
    if not seconds:
        return [tile(m, f) for m in MEASURES]
    key = "metrics-tiles:" + hashlib.sha256(repr((f.start, f.end, f.period, f.agency_ids, get_language()))
                                            .encode()).hexdigest()
    hit = cache.get(key)
    if hit is None:
        hit = [tile(m, f) for m in MEASURES]
        cache.set(key, hit, seconds)
    return hit


# Tiles other apps add to the dashboard, by name: each app registers its function in its
# AppConfig.ready (``feedback`` adds "feedback"), so metrics imports none of them.
EXTRA_TILES: dict[str, Callable[[Filters], list[Any]]] = {}


def register_tiles(name: str, compute: Callable[[Filters], list[Any]]) -> None:
    EXTRA_TILES[name] = compute


def extra_tiles(name: str, f: Filters) -> list[Any]:
    """The tiles ``name`` adds (none when that app is not installed)."""
    compute = EXTRA_TILES.get(name)
    return compute(f) if compute is not None else []
