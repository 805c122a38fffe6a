"""The case list download reads the people of every page and who may see whose identity
once, not page by page: the number of queries does not grow with the rows, and each title
still reads as on the page that lists it (issue 16, a 2,461-row download took 14.7 s)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laborlens.cases import services as case_services
from laborlens.cases.models import CaseMember, Person
from laborlens.cases.views import case as case_views
from tests.cases.conftest import VICTIM_NAME, build_case_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def cw(world, settings, tmp_path):  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return build_case_world(world)


def _download(client) -> tuple[int, dict[str, str]]:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:list"), {"format": "csv", "sort": "number"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    return len(queries), {row[0]: row[1] for row in rows}


def _case_with_a_victim(cw, name: str):  # noqa: ANN001
    investigator = cw.w.investigator
    case = case_services.create_case(by=investigator, data={"title": f"{name}, packing shed"})
    case_services.add_member(case, cw.deputy, CaseMember.Role.INVESTIGATOR, by=investigator,
                             reason="County-wide recruiter investigation")
    person = case_services.save_person(Person(case=case, role="victim", full_name=name), by=investigator)
    return case, person


def test_the_download_makes_as_many_queries_for_many_pages_as_for_one(cw, login, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 2)  # rendered page by page, as the pages show them
    cw.case.title = f"{VICTIM_NAME} orchard crew"
    cw.case.save(update_fields=["title"])
    # The deputy (sheriff's office, on the teams) may not see the victims recorded by Riverton PD.
    client = login(cw.deputy)
    few, titles = _download(client)
    assert titles == {cw.case.number: f"{cw.victim.pseudonym} orchard crew"}
    made = [_case_with_a_victim(cw, name) for name in
            ("Ulrike Vantongeren", "Ximena Oyelaran", "Wendeline Prokopova", "Zebulon Achterberg", "Yara Quesnel")]
    many, titles = _download(client)
    assert len(titles) == 6  # three pages of two
    assert many == few
    for case, person in made:
        assert titles[case.number] == f"{person.pseudonym}, packing shed"
    # The investigator (who recorded them) reads the names.
    assert _download(login(cw.w.investigator))[1][made[0][0].number] == "Ulrike Vantongeren, packing shed"
