"""The case list as it opens (no parameter, or an empty cursor) is served from statements
compiled once (``CaseList.first_page``, core.prepared): the same answer as the usual path for
every named user, before and after cases change, with the same audit event."""

from __future__ import annotations

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.cases import api as cases_api
from laborlens.cases import services
from laborlens.cases.models import CaseMember
from tests.api.conftest import bearer
from tests.cases.conftest import build_case_world

QUERIES = ("", "?cursor=")


def readers(world, cw):
    return [world.officer, world.investigator, world.supervisor, world.admin, world.auditor, world.advocate,
            world.analyst, world.outsider, world.outsider_admin, cw.deputy, cw.rival]


def new_case(by, title):
    return services.create_case(by=by, data={
        "title": title, "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})


def answers(world, cw):
    found = {}
    since = max(AuditEvent.objects.values_list("seq", flat=True), default=0)
    for user in readers(world, cw):
        client = bearer(user)[0]
        for query in QUERIES:
            response = client.get(f"/api/v1/cases/{query}")
            found[(user.username, query)] = (response.status_code, response.json())
    events = list(AuditEvent.objects.filter(seq__gt=since, tag="cases:case:list").order_by("seq")
                  .values_list("actor_id", "outcome", "detail"))
    return found, events


def the_usual_path(monkeypatch):
    monkeypatch.setattr(cases_api.CaseList, "first_page", lambda self, request: None)


@pytest.fixture
def listed(world):
    cw = build_case_world(world)
    county = new_case(cw.deputy, "County laundry")
    services.add_member(county, world.supervisor, CaseMember.Role.OBSERVER, by=cw.deputy, reason="Shared lead")
    for number in range(cases_api.CasePagination.page_size + 3):  # more than a page for the investigator
        new_case(world.investigator, f"Crew {number}")
    new_case(cw.rival, "Eastport laundry")
    return cw


def test_the_first_page_answers_as_the_usual_path(world, listed, monkeypatch):
    calls = []
    real = cases_api.CaseList.first_page
    monkeypatch.setattr(cases_api.CaseList, "first_page", lambda self, request: calls.append(1) or real(self, request))
    fast, fast_events = answers(world, listed)
    assert len(calls) == len(fast)
    with monkeypatch.context() as patch:
        the_usual_path(patch)
        slow, slow_events = answers(world, listed)
    assert fast == slow
    assert fast_events == slow_events and len(fast_events) == len(fast)
    investigator = fast[("investigator", "")][1]
    assert investigator["count"] > cases_api.CasePagination.page_size and investigator["next"].endswith("page=2")
    assert investigator["previous"] is None and investigator["count_capped"] is False
    keyset_page = fast[("investigator", "?cursor=")][1]
    assert keyset_page["next"] and "cursor=" in keyset_page["next"] and keyset_page["previous"] is None
    assert [row["id"] for row in keyset_page["results"]] == [row["id"] for row in investigator["results"]]
    assert fast[("outsider", "")][1]["count"] == 0
    # Following the first page's links gives what the usual path gives.
    client = bearer(world.investigator)[0]
    for link in (investigator["next"], keyset_page["next"]):
        assert client.get(link).json()["results"]


def test_a_change_shows_on_the_next_first_page(world, listed):
    client = bearer(world.investigator)[0]
    before = client.get("/api/v1/cases/").json()
    new_case(world.investigator, "Newest crew")
    after = client.get("/api/v1/cases/").json()
    assert after["count"] == before["count"] + 1 and after["results"][0]["title"] == "Newest crew"
    assert client.get("/api/v1/cases/?cursor=").json()["results"][0]["title"] == "Newest crew"
    supervisor = bearer(world.supervisor)[0]
    assert supervisor.get("/api/v1/cases/").json()["count"] == after["count"] + 1  # the agency's, and the county case
    world.supervisor.role = "investigator"  # now only the cases of their team
    world.supervisor.save()
    for query in QUERIES:
        assert [row["title"] for row in supervisor.get(f"/api/v1/cases/{query}").json()["results"]] == ["County laundry"]


@pytest.mark.parametrize("query", ["?page=1", "?cursor=&page_size=10", "?stage=discovery", "?ordering=number",
                                   "?cursor=&cursor=", "?format=json"])
def test_any_other_list_takes_the_usual_path(world, listed, monkeypatch, query):
    calls = []
    real = cases_api.prepared.scoped

    def scoped(name, *args, **kwargs):
        calls.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(cases_api.prepared, "scoped", scoped)
    bearer(world.investigator)[0].get(f"/api/v1/cases/{query}")
    assert not [name for name in calls if name.startswith("cases.list")]
