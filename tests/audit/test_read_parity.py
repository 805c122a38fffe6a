"""Reads leave the same audit event in every channel (issue 18.4).

For every resource that both a page and an API endpoint show, one user allowed to read it
GETs both, and the audit events they leave are compared: the same tags, for the same
objects, by the same actor, with the same detail, the API adding only ``"via": "api"``.
Each such read is one function in its app's services (``cases.services.read_case``, …),
called by the view and the API alike; this test fails when a channel forgets it or
records something else. A second test makes every API endpoint that answers GET either a
pair below or an entry of ``API_ONLY`` with the reason it has no page twin.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from laborlens.audit.models import AuditEvent
from laborlens.screening import services as screening_services
from laborlens.tips import services as tip_services
from laborlens.tips.models import Source
from tests.api.conftest import bearer
from tests.api.test_matrix import make_case
from tests.api.victims_world import victim_objects
from tests.conftest import signed_in
from tests.permissions import last_audit_seq
from tests.publishing.api_world import release_objects

# api URL name: (page URL name, the object both show (a key of ``_objects``) or None, reader,
# query for the page, query for the API). Queries ask both channels for the same selection.
PAIRS: dict[str, tuple[str, str | None, str, dict[str, str], dict[str, str]]] = {
    "cases": ("cases:list", None, "investigator", {}, {}),
    "case": ("cases:detail", "case", "investigator", {}, {}),
    "screenings": ("screening:list", None, "officer", {}, {}),
    "screening": ("screening:result", "screening", "officer", {}, {}),
    "tips": ("tips:triage", None, "investigator", {"status": "new"}, {"status": "new"}),
    "victims": ("victims:list", None, "advocate", {}, {}),
    "victim": ("victims:detail", "victim", "advocate", {}, {}),
    "referrals": ("victims:queue", None, "advocate", {"show": "all"}, {"show": "all"}),
    "referral": ("victims:referral", "referral", "advocate", {}, {}),
    "directory": ("victims:directory", None, "advocate", {}, {}),
    "releases": ("publishing:list", None, "supervisor", {}, {}),
    "release": ("publishing:detail", "release", "supervisor", {}, {}),
    "metrics": ("metrics:dashboard", None, "supervisor", {"period": "month"}, {"period": "month"}),
    "export_htcds": ("exchange:htcds_json", None, "supervisor", {}, {"format": "json"}),
}

# A page that shows what more than one endpoint shows: the page's events are compared with
# those of its pair's endpoint followed by these (same query, same object).
ALSO: dict[str, tuple[str, ...]] = {
    "case": ("case_people",),  # the case page lists the case's people (cases.services.read_case_people)
}

# Endpoints that answer GET without a page showing the same thing, and why.
API_ONLY = {
    "schema": "the API's own description",
    "docs": "the API's own documentation page",
    "me": "the caller's own account",
    "agencies": "the public list of agencies",
    "tokens": "the caller's own API tokens (the token page is the same list, unaudited in both)",
    "case_entities": "likewise inside the case page; the entity page has no endpoint",
    "case_evidence": "likewise inside the case page; the evidence page has no endpoint",
    "victim_needs": "a part of the record (victims:record:view with part=needs); the page shows it on the record page",
    "victim_consents": "a part of the record (part=consents); the page shows it on the record page",
    "export_nibrs": "the same service call as the HTCDS export (exchange.services.export_nibrs, via=...); "
                    "the test agency has no ORI, so both channels refuse",
}


def _objects(world: Any) -> dict[str, int]:
    case = make_case(world)
    screening = screening_services.create(user=world.officer, label="Worker", age_group="adult",
                                          setting="other", question_language="en")
    tip_services.submit(source=Source.PUBLIC, agency=world.agency_a,
                        data={"narrative": "They took our passports at the farm.", "city": "Riverton"})
    ids = {"case": case.pk, "screening": screening.pk, **victim_objects(world, case), **release_objects(world)}
    return ids


def _events(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))


def _comparable(event: AuditEvent) -> tuple[Any, ...]:
    detail = {key: value for key, value in (event.detail or {}).items() if key != "via"}
    return (event.tag, event.object_type, event.object_id, event.actor_id, event.outcome, sorted(detail.items()))


@pytest.mark.parametrize("api_name", sorted(PAIRS))
def test_page_and_api_leave_the_same_read_event(world, api_name):
    ids = _objects(world)
    page_name, key, username, page_query, api_query = PAIRS[api_name]
    user = getattr(world, username)
    args = [ids[key]] if key else []

    browser = signed_in(user, reauthenticated=True)  # (signing in is an event of its own)
    before = last_audit_seq()
    page = browser.get(reverse(page_name, args=args), page_query)
    assert page.status_code == 200, (page_name, page.status_code)
    on_page = _events(before)

    client, _token = bearer(user)
    before = last_audit_seq()
    for name in (api_name, *ALSO.get(api_name, ())):
        answer = client.get(reverse(f"api:{name}", args=args), api_query)
        assert answer.status_code == 200, (name, answer.status_code)
    on_api = _events(before)

    assert [_comparable(e) for e in on_page] == [_comparable(e) for e in on_api], (
        f"{page_name} left {[(e.tag, e.detail) for e in on_page]}, "
        f"api:{api_name} left {[(e.tag, e.detail) for e in on_api]}")
    assert all((e.detail or {}).get("via") == "api" for e in on_api), [e.detail for e in on_api]
    assert all((e.detail or {}).get("via", "web") == "web" for e in on_page), [e.detail for e in on_page]
    if key:  # a detail read names the object it showed
        assert any(e.object_id == str(ids[key]) for e in on_api), [(e.tag, e.object_id) for e in on_api]


def _api_get_names() -> set[str]:
    names: set[str] = set()

    def walk(resolver: Any, namespace: str = "") -> None:
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern, pattern.namespace or namespace)
            elif namespace == "api" and pattern.name:
                view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
                if view is None or hasattr(view, "get"):
                    names.add(pattern.name)

    walk(get_resolver())
    return names


def test_every_api_read_has_a_page_twin_or_a_reason():
    names = _api_get_names()
    assert names, "no endpoints found"
    also = {name for names_also in ALSO.values() for name in names_also}
    unlisted = sorted(names - set(PAIRS) - set(API_ONLY) - also)
    assert not unlisted, f"add these GET endpoints to PAIRS (with their page) or to API_ONLY (with why): {unlisted}"
    stale = sorted((set(PAIRS) | set(API_ONLY) | also) - names)
    assert not stale, f"no such GET endpoints any more: {stale}"
