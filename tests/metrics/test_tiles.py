"""Dashboard tiles (issue 17, item 2): value in the period, change against the previous
period and a 12-month trend, checked against counts made in Python from every row."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from laborlens.accounts.models import TaskForce
from laborlens.metrics import charts, periods, tiles
from laborlens.metrics.figures import Filters
from laborlens.screening.models import Screening
from tests.conftest import signed_in


def test_previous_period_and_last_months():
    assert periods.previous_period("month", date(2026, 3, 1), date(2026, 3, 31)) == (date(2026, 2, 1),
                                                                                     date(2026, 2, 28))
    assert periods.previous_period("quarter", date(2026, 1, 1), date(2026, 3, 31)) == (date(2025, 10, 1),
                                                                                       date(2025, 12, 31))
    assert periods.previous_period("year", date(2026, 1, 1), date(2026, 12, 31)) == (date(2025, 1, 1),
                                                                                     date(2025, 12, 31))
    assert periods.previous_period("custom", date(2026, 3, 10), date(2026, 3, 19)) == (date(2026, 2, 28),
                                                                                       date(2026, 3, 9))
    months = periods.last_months(date(2026, 2, 14))
    assert len(months) == 12 and months[0] == date(2025, 3, 1) and months[-1] == date(2026, 2, 1)


def test_sparkline_is_decorative_and_scaled():
    svg = charts.sparkline([0, 5, 10])
    assert 'aria-hidden="true"' in svg and "0.0,26.0" in svg and "120.0,2.0" in svg
    assert "polyline" in charts.sparkline([0, 0])  # an empty trend still draws


def test_screening_tile_matches_a_count_of_every_row(demo, settings):
    settings.METRICS_CACHE_SECONDS = 0
    tf = TaskForce.objects.get()
    ids = tuple(sorted(tf.agencies.values_list("pk", flat=True)))
    today = timezone.localdate()
    start, end = periods.period_bounds("month", today)
    f = Filters(start=start, end=end, agency_ids=ids, scope_label=tf.name, period="month")
    before = periods.previous_period("month", start, end)
    got = {t.key: t for t in tiles.compute_tiles(f)}["screenings"]

    def day(s):
        return timezone.localtime(s.created_at).date()

    mine = [s for s in Screening.objects.all() if s.agency_id in ids]
    assert got.value == sum(start <= day(s) <= end for s in mine)
    assert got.previous == sum(before[0] <= day(s) <= before[1] for s in mine)
    assert got.change == got.value - got.previous
    for month, n in zip(got.months, got.trend, strict=True):
        last = periods.period_bounds("month", month)[1]
        assert n == sum(month <= day(s) <= last for s in mine), month
    # a screening moved into the trend's first month counts there, and no longer where it was
    first_month_end = periods.period_bounds("month", got.months[0])[1]
    moved = next(s for s in mine if not got.months[0] <= day(s) <= first_month_end)
    moved.created_at = timezone.make_aware(datetime.combine(got.months[0] + timedelta(days=3), time(12)))
    moved.save()
    again = {t.key: t for t in tiles.compute_tiles(f)}["screenings"]
    assert again.trend[0] == got.trend[0] + 1


def test_dashboard_shows_tiles_that_open_their_figures(demo):
    tf = TaskForce.objects.get()
    html = signed_in(demo["supervisor"]).get("/metrics/", {"period": "year", "scope": f"tf-{tf.pk}"}).content.decode()
    for measure in tiles.MEASURES:
        assert f'data-testid="tile-{measure.key}"' in html
        assert f'href="#fig-{measure.figure}"' in html and f'id="fig-{measure.figure}"' in html
    assert html.count('class="spark"') == len(tiles.MEASURES)
