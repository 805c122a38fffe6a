from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.activities.models import Activity, Agreement, Kind
from laborlens.activities.services import due_for_renewal
from laborlens.activities.summary import activity_counts
from laborlens.demo import load_demo


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


def test_demo_activities_cover_every_kind_and_a_renewal(demo):
    assert set(Activity.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert due_for_renewal(Agreement.objects.all()).count() == 1
    rpd = demo["supervisor"].agency
    today = timezone.localdate()
    counts = activity_counts([rpd.pk], today - timedelta(days=365), today)
    assert counts["trainings_given"] == 3 and counts["joint_operations"] == 1 and counts["agreements_active"] == 2
    assert not Activity.objects.restrict(demo["outsider"], "view").exists()
    total = Activity.objects.count()
    load_demo()  # idempotent
    assert Activity.objects.count() == total
