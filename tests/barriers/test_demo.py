from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.cases.models import Case
from laborlens.demo import load_demo
from laborlens.screening.models import Screening


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


def test_demo_case_has_findings_on_every_barrier(demo, login):
    case = Case.objects.get(title="Green Acres farm crew")
    assert Screening.objects.filter(case=case).count() == 1
    page = login(demo["investigator"]).get(reverse("barriers:case", args=[case.pk])).content.decode()
    for barrier in ("entry", "identity", "work", "finances"):
        section = page.split(f'data-testid="barrier-{barrier}"')[1].split("</section>")[0]
        assert "No finding on this barrier." not in section, barrier
    load_demo()  # idempotent
    assert Screening.objects.filter(case=case).count() == 1
    # The outsider (Eastport) cannot open it.
    assert login(demo["outsider"]).get(reverse("barriers:case", args=[case.pk])).status_code == 404
