"""Case endpoints apply the same identity rule and audit as the case pages."""

from __future__ import annotations

import json

from laborlens.audit.models import AuditEvent
from tests.api.conftest import bearer
from tests.cases.conftest import VICTIM_NAME, VICTIM_PHONE, build_case_world


def test_people_show_identity_only_where_access_includes_it(world):
    cw = build_case_world(world)
    url = f"/api/v1/cases/{cw.case.pk}/people/"
    lead = bearer(world.investigator)[0].get(url).json()
    victim = next(p for p in lead if p["role"] == "victim")
    assert victim["identity"]["full_name"] == VICTIM_NAME
    # The sheriff's deputy is on the team but sees the victim by pseudonym only.
    deputy_view = bearer(cw.deputy)[0].get(url)
    assert deputy_view.status_code == 200
    body = deputy_view.content.decode()
    assert VICTIM_NAME not in body and VICTIM_PHONE not in body
    assert next(p for p in deputy_view.json() if p["role"] == "victim")["identity"] is None
    assert bearer(world.outsider)[0].get(url).status_code == 404
    details = json.dumps(list(AuditEvent.objects.filter(tag="cases:person:view").values_list("detail", flat=True)))
    assert "api" in details and VICTIM_NAME not in details


def test_case_list_filters_are_validated(world):
    build_case_world(world)
    client = bearer(world.investigator)[0]
    assert client.get("/api/v1/cases/?stage=discovery").status_code == 200
    for query in ["stage=bogus", "ordering=title", "page_size=0"]:
        response = client.get(f"/api/v1/cases/?{query}")
        assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/cases/").json()["count"] == 1
    assert bearer(world.outsider)[0].get("/api/v1/cases/").json()["count"] == 0


def test_the_case_list_leaves_the_event_the_page_leaves(world, login):
    build_case_world(world)
    assert login(world.investigator).get("/cases/").status_code == 200
    assert bearer(world.investigator)[0].get("/api/v1/cases/").status_code == 200
    page, api = AuditEvent.objects.filter(tag="cases:case:list").order_by("pk")
    assert (page.actor_id, page.outcome) == (api.actor_id, api.outcome) == (world.investigator.pk, page.outcome)
    assert api.detail == {**page.detail, "via": "api"}


def test_the_case_detail_shows_its_team_and_the_text_each_reader_may_see(world):
    """The detail reads the team as four columns and only the people's identifying fields:
    the same team, in the order members were added, and the title and summary redacted
    for a team member who may not see the victim's identity."""
    cw = build_case_world(world)
    case = cw.case
    case.title = f"Crew of {VICTIM_NAME}"
    case.summary = f"{VICTIM_NAME} was housed in a barn; call {VICTIM_PHONE}."
    case.save()
    url = f"/api/v1/cases/{case.pk}/"
    lead = bearer(world.investigator)[0].get(url).json()
    assert [(m["username"], m["role"]) for m in lead["team"]] == [
        (m.user.username, m.role) for m in case.memberships.select_related("user").order_by("pk")]
    assert {m["username"]: m["agency"] for m in lead["team"]}["deputy"] == world.sheriff.short_name
    assert lead["lead_agency"] == case.lead_agency.short_name and lead["number"] == case.number
    assert VICTIM_NAME in lead["title"] and VICTIM_NAME in lead["summary"]
    deputy = bearer(cw.deputy)[0].get(url).json()
    assert VICTIM_NAME not in deputy["title"] and VICTIM_NAME not in deputy["summary"]
    assert cw.victim.pseudonym in deputy["summary"] and VICTIM_PHONE not in deputy["summary"]
    assert deputy["team"] == lead["team"]
    assert bearer(world.outsider)[0].get(url).status_code == 404
