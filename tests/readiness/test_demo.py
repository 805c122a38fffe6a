from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.demo import load_demo
from laborlens.readiness.models import Assessment


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


def test_demo_shows_progress(demo, login):
    supervisor = demo["supervisor"]
    first, second = Assessment.objects.filter(agency=supervisor.agency).order_by("assessed_on")
    assert second.scores["overall"] > first.scores["overall"]
    assert second.previous() == first and first.previous() is None
    page = login(supervisor).get(reverse("readiness:detail", args=[second.pk])).content.decode()
    assert 'data-testid="closed"' in page and 'data-testid="gaps"' in page
    load_demo()  # idempotent
    assert Assessment.objects.count() == 2
