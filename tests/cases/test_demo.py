from __future__ import annotations

from laborlens.cases.models import Case, DeconflictionNotice
from laborlens.demo import load_demo


def test_demo_cases_include_a_deconfliction_pair(db):
    load_demo()
    load_demo()  # idempotent
    assert set(Case.objects.values_list("lead_agency__short_name", flat=True)) == {"RPD", "HCSO", "EPD"}
    assert Case.objects.count() == 3
    pairs = {(n.case.lead_agency.short_name, n.other_agency.short_name, n.match_kind)
             for n in DeconflictionNotice.objects.select_related("case__lead_agency", "other_agency")}
    assert pairs == {("RPD", "HCSO", "phone"), ("HCSO", "RPD", "phone")}
