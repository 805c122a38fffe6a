"""One "from day X until day Y" filter for the lists (core.listing.day_range): the days are
the site's calendar days, as local midnights in a half-open range, as the metrics count."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from laborlens.core.listing import day_range, local_midnight
from laborlens.screening import services as screening_services
from laborlens.screening.models import Screening

DAY = date(2026, 3, 10)


def test_the_bounds_are_local_midnights_half_open():
    with timezone.override(ZoneInfo("America/Los_Angeles")):  # UTC-7 on 10 March 2026 (DST began on the 8th)
        q = day_range("created_at", DAY, DAY + timedelta(days=2))
        assert dict(q.children) == {"created_at__gte": datetime(2026, 3, 10, 7, tzinfo=UTC),
                                    "created_at__lt": datetime(2026, 3, 13, 7, tzinfo=UTC)}
        assert dict(day_range("x", None, DAY).children) == {"x__lt": datetime(2026, 3, 11, 7, tzinfo=UTC)}
        assert dict(day_range("x", DAY, None).children) == {"x__gte": datetime(2026, 3, 10, 7, tzinfo=UTC)}
        assert not day_range("x", None, None)
    with timezone.override(ZoneInfo("America/New_York")):  # the day clocks go back has 25 hours
        fall_back = date(2026, 11, 1)
        start, end = (local_midnight(day).astimezone(UTC) for day in (fall_back, fall_back + timedelta(days=1)))
        assert end - start == timedelta(hours=25)


def _at(user, when: datetime) -> Screening:
    screening = screening_services.create(user=user, label=f"at {when.isoformat()}", age_group="adult",
                                          setting="workplace", question_language="en")
    with transaction.atomic():
        screening.created_at = when
        screening.save(update_fields=["created_at"])
    return screening


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Auckland"])
def test_a_day_is_the_sites_calendar_day_not_the_utc_one(world, settings, login, zone):
    settings.TIME_ZONE = zone
    local = ZoneInfo(zone)
    rows = {
        "eve_before": _at(world.officer, datetime.combine(DAY - timedelta(days=1), time(23, 30), local)),
        "first": _at(world.officer, datetime.combine(DAY, time.min, local)),
        "last": _at(world.officer, datetime.combine(DAY, time(23, 59, 59, 999999), local)),
        "next": _at(world.officer, datetime.combine(DAY + timedelta(days=1), time.min, local)),
    }
    with timezone.override(local):
        on_the_day = set(Screening.objects.filter(day_range("created_at", DAY, DAY)).values_list("pk", flat=True))
        from_the_day = set(Screening.objects.filter(day_range("created_at", DAY, None)).values_list("pk", flat=True))
    assert on_the_day == {rows["first"].pk, rows["last"].pk}
    assert from_the_day == {rows["first"].pk, rows["last"].pk, rows["next"].pk}
    # The screening list filters with it, in the site's time zone.
    page = login(world.officer).get(reverse("screening:list"), {"since": DAY.isoformat(),
                                                                 "until": DAY.isoformat()}).content.decode()
    shown = {name for name, row in rows.items() if row.label in page}
    assert shown == {"first", "last"}
