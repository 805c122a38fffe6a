"""The demo gives the tiles figures for a year and nothing for the current month."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.accounts.models import TaskForce
from laborlens.demo import load_demo
from laborlens.feedback import tiles
from laborlens.feedback.models import PulseResponse, SurveyResponse
from laborlens.metrics.figures import Filters


@pytest.mark.django_db
def test_demo_feedback_is_loaded_once_and_stays_out_of_the_last_35_days(settings):
    settings.DEMO_MODE = True
    load_demo()
    load_demo()
    assert SurveyResponse.objects.count() == 16 and PulseResponse.objects.count() == 11
    assert not SurveyResponse.objects.filter(answered_on__gt=timezone.localdate() - timedelta(days=35)).exists()
    ids = tuple(TaskForce.objects.get().agencies.values_list("pk", flat=True))
    today = timezone.localdate()
    year = Filters(start=today - timedelta(days=365), end=today, agency_ids=ids, period="custom")
    survey, pulse = tiles.compute_tiles(year)
    assert survey.responses.published == 16 and survey.share.published is not None
    assert pulse.responses.published == 11 and pulse.share.published is not None
