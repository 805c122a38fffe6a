"""The case API at scale: a fixed number of queries per page whatever the number of cases,
and a capped count (exact up to ``COUNT_CAP``, then ``count_capped``)."""

from __future__ import annotations

import pytest

from laborlens.cases import api as cases_api
from laborlens.cases import services
from laborlens.cases.models import Case, CaseMember, Person
from tests.api.conftest import bearer
from tests.cases.conftest import build_case_world


def add_cases(world, count: int) -> list[Case]:  # noqa: ANN001
    return [services.create_case(by=world.investigator, data={
        "title": f"Packing shed {n}", "jurisdiction": "Riverton", "industry": "construction",
        "visa_programmes": [], "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
        for n in range(count)]


@pytest.mark.parametrize("user", ["investigator", "supervisor"])
def test_case_list_and_detail_queries_do_not_grow_with_rows(world, user, django_assert_max_num_queries):  # noqa: ANN001
    client = bearer(getattr(world, user))[0]
    add_cases(world, 1)
    # Measured: list up to 8 queries (token, count, page, the "case listed" audit event, ...),
    # detail 7; the same with 1 or 21 cases.
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/cases/").status_code == 200
    add_cases(world, 20)
    with django_assert_max_num_queries(8):
        page = client.get("/api/v1/cases/").json()
    assert page["count"] == 21 and page["count_capped"] is False and len(page["results"]) == 21
    case = Case.objects.first()
    with django_assert_max_num_queries(10):
        assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 200


def test_count_is_capped_and_says_so(world, monkeypatch) -> None:  # noqa: ANN001
    add_cases(world, 7)
    client = bearer(world.investigator)[0]
    monkeypatch.setattr(cases_api, "COUNT_CAP", 5)
    page = client.get("/api/v1/cases/?page_size=2").json()
    assert page["count"] == 5 and page["count_capped"] is True
    assert len(page["results"]) == 2 and page["next"]
    last = client.get("/api/v1/cases/?page_size=2&page=3").json()
    assert len(last["results"]) == 1 and last["next"] is None  # the pages stop at the 5th case
    monkeypatch.setattr(cases_api, "COUNT_CAP", 7)
    exact = client.get("/api/v1/cases/").json()
    assert exact["count"] == 7 and exact["count_capped"] is False


def test_capped_list_still_shows_only_cases_in_scope(world, monkeypatch) -> None:  # noqa: ANN001
    add_cases(world, 3)
    monkeypatch.setattr(cases_api, "COUNT_CAP", 1)
    outsider = bearer(world.outsider)[0].get("/api/v1/cases/").json()
    assert outsider["count"] == 0 and outsider["count_capped"] is False and outsider["results"] == []


def test_schema_documents_count_capped(world) -> None:  # noqa: ANN001
    schema = bearer(world.investigator)[0].get("/api/schema/")
    assert schema.status_code == 200 and "count_capped" in schema.content.decode()


def test_supervisor_scope_is_their_agency_plus_their_teams_elsewhere(world) -> None:  # noqa: ANN001
    """The rule written for PostgreSQL's planner (``on_team_elsewhere``) gives the same set:
    every case the supervisor's agency leads, plus other agencies' cases they are on (for
    ``change``, only in an editing role), nothing else."""
    cw = build_case_world(world)
    own = cw.case  # led by the supervisor's agency, supervisor not on the team
    theirs = services.create_case(by=cw.deputy, data={
        "title": "County dock", "jurisdiction": "Harlan County", "industry": "construction",
        "visa_programmes": [], "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    joined = services.create_case(by=cw.deputy, data={
        "title": "County cannery", "jurisdiction": "Harlan County", "industry": "construction",
        "visa_programmes": [], "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    services.add_member(joined, world.supervisor, CaseMember.Role.OBSERVER, by=cw.deputy,
                        reason="Joint operation")

    def ids(action: str) -> set[int]:
        return set(Case.objects.restrict(world.supervisor, action).values_list("pk", flat=True))

    assert ids("view") == {own.pk, joined.pk}
    assert theirs.pk not in ids("view") and theirs.pk not in ids("change")
    assert joined.pk not in ids("change")  # an observer does not edit
    assert own.pk in ids("change")
    assert ids("supervise") == {own.pk}
    member = CaseMember.objects.get(case=joined, user=world.supervisor)
    member.role = CaseMember.Role.INVESTIGATOR
    member.save()
    assert joined.pk in ids("change")
    # Children of a case follow it (CaseScoped subqueries use the same rule).
    assert set(Person.objects.restrict(world.supervisor, "view").values_list("case_id", flat=True)) <= {own.pk, joined.pk}
