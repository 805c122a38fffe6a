"""The demo: a real Georgia slice, the task force placed in Lowndes County, a meaningful assessment."""

from __future__ import annotations

import pytest

from laborlens.demo import load_demo
from laborlens.threat import assessment, demo
from laborlens.threat.models import AreaProfile, CertifiedEmployer, ImportRun, UcrCount


@pytest.fixture
def demo_users(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


def test_demo_assessment_is_meaningful_and_reloading_adds_nothing(demo_users):
    profile = AreaProfile.objects.get()
    assert profile.state == "GA" and demo.LOWNDES in profile.counties and "Lowndes" in profile.note
    assert ImportRun.objects.count() == 4 and ImportRun.objects.filter(flagged__gt=0).count() == 0
    employers = CertifiedEmployer.objects.count()
    assert employers == 475 and UcrCount.objects.count() == 169

    analyst = demo_users["analyst"]
    area = assessment.default_area(analyst)
    assert area is not None and area.source == "task_force" and area.counties == demo.DEMO_COUNTIES
    result = assessment.build(analyst, area)
    assert result.totals["employers"] > 5 and result.totals["workers"] > 100
    assert any(row["name"] == "J & J HARVESTING, LLC" for row in result.debarred)
    assert result.totals["involuntary_servitude"] >= 1
    top = {item.key for item in result.places[:20]}
    assert demo.BERRIEN in top or demo.LOWNDES in top

    supervisor = assessment.build(demo_users["supervisor"], assessment.default_area(demo_users["supervisor"]))
    assert supervisor.totals["tips"] >= 1  # Riverton's tips, placed in Berrien County
    assert any(row["county"] == demo.BERRIEN and row["tips"] for row in supervisor.intake)

    load_demo()
    assert CertifiedEmployer.objects.count() == employers and ImportRun.objects.count() == 4
