"""The case list's "Recently changed" sort reads its first page from an index
(cases_case_updated_idx, migration 0007), not by sorting every case in scope. The figures at
50,000 cases on PostgreSQL are in BENCHMARKS.md; here the plan is checked on the test database."""

from __future__ import annotations

import pytest

from laborlens.cases import lists
from laborlens.cases.models import Case
from laborlens.core import keyset


@pytest.mark.django_db
def test_the_recently_changed_first_page_uses_its_index(world):
    form = lists.CaseFilterForm({"sort": "-updated"})
    assert form.is_valid()
    cases = form.apply(Case.objects.restrict(world.supervisor, "view"), world.supervisor)
    plan = cases.order_by(*keyset.order_of(form.keys()))[:26].explain()
    assert "cases_case_updated_idx" in plan, plan
