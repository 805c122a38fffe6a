"""The dashboard keeps its figures for METRICS_CACHE_SECONDS per filter; exports do not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from laborlens.metrics import figures
from laborlens.screening import services as screening_services

pytestmark = pytest.mark.django_db


def _filters(world) -> figures.Filters:
    today = timezone.localdate()
    return figures.Filters(start=today - timedelta(days=30), end=today, agency_ids=(world.agency_a.pk,))


def _screenings_done(tables: list[figures.Table]) -> int:
    table = next(t for t in tables if t.key == "screenings")
    return sum(values[0] for _code, _label, values in table.rows)


def test_cached_figures_are_reused_until_they_expire_and_fresh_ones_are_not(world):
    cache.clear()
    f = _filters(world)
    with override_settings(METRICS_CACHE_SECONDS=60):
        first, as_of = figures.compute_all_cached(f)
        screening_services.create(user=world.officer, label="New", age_group="adult", setting="workplace", question_language="en")
        again, as_of_again = figures.compute_all_cached(f)
        assert _screenings_done(again) == _screenings_done(first)
        assert as_of_again == as_of
        assert _screenings_done(figures.compute_all(f)) == _screenings_done(first) + 1
        cache.clear()
        assert _screenings_done(figures.compute_all_cached(f)[0]) == _screenings_done(first) + 1


def test_without_a_cache_every_request_computes(world):
    f = _filters(world)
    before = _screenings_done(figures.compute_all_cached(f)[0])
    screening_services.create(user=world.officer, label="New", age_group="adult", setting="workplace", question_language="en")
    assert _screenings_done(figures.compute_all_cached(f)[0]) == before + 1
