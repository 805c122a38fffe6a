"""Triage: scope (outsider 404), audit, explained priority, highlighted indicators, clusters
and matches with cases, tip -> screening (unconfirmed answers), tip -> case, locking, sharing."""

from __future__ import annotations

import pytest
from django.db import connection

from laborlens.audit.models import AuditEvent
from laborlens.cases import services as case_services
from laborlens.cases.models import Entity
from laborlens.screening.models import Screening
from laborlens.tips import services
from laborlens.tips.models import Source, Status, Tip, TipUpdate
from tests.permissions import assert_view_permissions
from tests.tips.conftest import ENGLISH_TIP, SPANISH_TIP

pytestmark = pytest.mark.django_db


def submit(agency, **data):
    base = {"narrative": ENGLISH_TIP, "business_name": "Sunrise Cleaning LLC", "city": "Riverton",
            "address": "415 Mill Street", "observations": []}
    base.update(data)
    tip, _ = services.submit(source=Source.PUBLIC, agency=agency, data=base)
    return tip


@pytest.fixture
def tip(world):
    return submit(world.agency_a, narrative=SPANISH_TIP)


@pytest.fixture
def case_with_business(world):
    case = case_services.create_case(by=world.investigator, data={"title": "Night cleaners", "jurisdiction": "Riverton"})
    case_services.save_entity(Entity(case=case, kind="business", name="Sunrise Cleaning, L.L.C.", city="Riverton",
                                     phones=["+12025550171"]), by=world.investigator)
    return case


def test_permissions_on_every_triage_page(world, login, tip):
    for url, tag in ((f"/tips/{tip.pk}/", "tips:tip:view"), (f"/tips/{tip.pk}/share/", "tips:tip:share")):
        assert_view_permissions(url, allowed=world.investigator, no_permission=world.officer,
                                outsider=None, login=login, audit_tag=tag)
    outsider_triager = __import__("tests.conftest", fromlist=["make_user"]).make_user(
        "rival", world.agency_b, "investigator")
    for url in (f"/tips/{tip.pk}/", f"/tips/{tip.pk}/share/"):
        assert login(outsider_triager).get(url).status_code == 404
    for url in ("triage", "note", "screening", "case"):
        assert login(outsider_triager).post(f"/tips/{tip.pk}/{url}/", {"version": 1}).status_code == 404
    assert_view_permissions("/tips/triage/", allowed=world.supervisor, no_permission=world.officer,
                            outsider=None, login=login, audit_tag="tips:tip:list")
    assert tip.code not in login(outsider_triager).get("/tips/triage/").content.decode()
    assert login(world.outsider).get("/tips/triage/").status_code == 403


def test_detail_highlights_indicators_and_explains_priority(world, login, tip):
    body = login(world.investigator).get(f"/tips/{tip.pk}/").content.decode()
    assert "<mark" in body and "Nos quitaron los pasaportes</mark>" in body
    assert "Confiscation of identity or travel documents" in body
    assert "Control: documents taken" in body  # the rule that set the priority, in words
    assert 'data-testid="priority"' in body


def test_priority_order_danger_minors_violence(world, login):
    calm = submit(world.agency_a, narrative="The diner pays late. Nobody took my documents.", business_name="Diner")
    minors = submit(world.agency_a, narrative="Two kids, 15 years old, clean offices at night.", business_name="X")
    danger = submit(world.agency_a, narrative="He has a gun and said he will kill them.", business_name="Y",
                    observations=["in_danger_now"])
    violence = submit(world.agency_a, narrative="The boss hit a worker last night.", business_name="Z",
                      observations=["hurt_or_threatened"])
    assert danger.priority_reasons[0] == "danger_to_life" and danger.priority == 1
    assert minors.priority == 2 and "minors" in minors.priority_reasons
    # A boss hitting a worker is force used to obtain labor (18 U.S.C. 1589(a)(1)): the legal
    # elements rule lifts it above plain violence, and both reasons are shown.
    assert violence.priority == 2 and {"legal_elements", "violence"} <= set(violence.priority_reasons)
    assert calm.priority == 6 and calm.priority_reasons == ["other"]
    body = login(world.investigator).get("/tips/triage/").content.decode()
    assert body.index(danger.code) < body.index(minors.code) < body.index(calm.code)
    assert body.index(danger.code) < body.index(violence.code) < body.index(calm.code)


def test_repeated_tips_about_one_place_cluster_and_meet_cases(world, login, case_with_business):
    first = submit(world.agency_a, business_name="Sunrise Cleaning LLC", address="415 Mill Street", narrative="x" * 20)
    second = submit(world.agency_a, business_name="sunrise cleaning", address="415 Mill St.", narrative="y" * 20)
    third = submit(world.agency_a, business_name="", address="", narrative="Call the boss at 202.555.0171 now.")
    unrelated = submit(world.agency_a, business_name="Other Place", address="1 Elm Road", narrative="z" * 20)
    found = services.matches(first, world.investigator)
    assert {t.pk for t in found.tips} == {second.pk}
    phone_match = services.matches(third, world.investigator)
    assert [c.pk for c in phone_match.cases] == [case_with_business.pk]
    assert services.matches(first, world.investigator).cases == [case_with_business]
    sizes = services.cluster_sizes([first, second, third, unrelated], world.investigator)
    assert sizes[first.pk] == 1 and sizes[unrelated.pk] == 0
    body = login(world.investigator).get(f"/tips/{first.pk}/").content.decode()
    assert second.code in body and case_with_business.number in body
    # A supervisor who is not on the case sees the tips but not the case? Supervisors see their agency's cases.
    other_agency_tip = submit(world.agency_b, business_name="Sunrise Cleaning LLC", address="415 Mill Street")
    assert other_agency_tip.pk not in {t.pk for t in services.matches(first, world.investigator).tips}


def test_tip_to_screening_prefills_unconfirmed_answers(world, login, tip):
    response = login(world.investigator).post(f"/tips/{tip.pk}/screening/", {"version": tip.version})
    assert response.status_code == 302
    screening = Screening.objects.get()
    answer = screening.answers["cd_confiscation_of_documents"]
    assert answer["unconfirmed"] is True and answer["source"] == "third_party" and answer["value"] == "present"
    assert screening.setting == "hotline_or_tip" and screening.question_language == "es"
    tip.refresh_from_db()
    assert tip.status == Status.SCREENING and tip.screening == screening
    again = login(world.investigator).post(f"/tips/{tip.pk}/screening/", {"version": tip.version})
    assert again.status_code == 302 and Screening.objects.count() == 1


def test_link_to_case_only_cases_user_can_change(world, login, tip, case_with_business):
    client = login(world.investigator)
    assert client.post(f"/tips/{tip.pk}/case/", {"case": case_with_business.pk, "version": tip.version}).status_code == 302
    tip.refresh_from_db()
    assert tip.case == case_with_business and tip.status == Status.CASE
    other = submit(world.agency_a)
    # The supervisor (no team role) may change the agency's cases; an unknown id is a 400, not a 500.
    assert login(world.supervisor).post(f"/tips/{other.pk}/case/", {"case": 999999, "version": 1}).status_code == 400
    assert AuditEvent.objects.filter(tag="tips:tip:link_case").count() == 1


def test_stale_triage_edit_is_refused(world, login, tip):
    client = login(world.investigator)
    ok = client.post(f"/tips/{tip.pk}/triage/", {"status": "triaged", "assigned_to": "", "version": tip.version})
    assert ok.status_code == 302
    stale = client.post(f"/tips/{tip.pk}/triage/", {"status": "closed", "assigned_to": "", "version": tip.version})
    assert stale.status_code == 302
    tip.refresh_from_db()
    assert tip.status == Status.TRIAGED and tip.version == 2
    assert AuditEvent.objects.filter(tag="tips:tip:edit_conflict").exists()


def test_assignment_and_bad_input(world, login, tip):
    client = login(world.supervisor)
    ok = client.post(f"/tips/{tip.pk}/triage/", {"status": "new", "assigned_to": world.investigator.pk,
                                                  "version": tip.version})
    assert ok.status_code == 302
    tip.refresh_from_db()
    assert tip.assigned_to == world.investigator and tip.status == Status.ASSIGNED
    for bad in ({"status": "bogus", "version": tip.version}, {"status": "new", "version": "x"},
                {"status": "new", "assigned_to": world.outsider.pk, "version": tip.version}):
        assert client.post(f"/tips/{tip.pk}/triage/", bad).status_code == 400
    assert client.post(f"/tips/{tip.pk}/note/", {"kind": "bogus", "text": "x"}).status_code == 400
    assert client.post(f"/tips/{tip.pk}/note/", {"kind": "note", "text": ""}).status_code == 400
    assert client.post(f"/tips/{tip.pk}/note/", {"kind": "note", "text": "Call back Monday"}).status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM tips_tipupdate")
        assert "Monday" not in str(cursor.fetchall())
    assert TipUpdate.objects.get().text == "Call back Monday"


def test_share_removes_names_phones_emails_addresses(world, login):
    tip = submit(world.agency_a, narrative="The boss, Victor Lopez, took our passports at 1200 Mill Road. "
                                           "Call (202) 555-0171 or write to jefe@example.com. Se llama Pedro Gómez.",
                 contact="maria@example.org")
    body = login(world.investigator).get(f"/tips/{tip.pk}/share/").content.decode()
    redacted = body[body.index('data-testid="redacted"'):]
    for secret in ("Victor", "Lopez", "1200 Mill", "555-0171", "jefe@example.com", "Pedro", "Gómez", "maria@"):
        assert secret not in redacted
    assert "took our passports" in redacted


def test_partner_observation(world, login):
    from tests.conftest import make_user

    inspector_agency = world.agency_a.__class__.objects.create(name="State Labor", short_name="LAB",
                                                               agency_type="labor_agency", jurisdiction="State")
    world.task_force.agencies.add(inspector_agency)
    inspector = make_user("inspector", inspector_agency, "partner_inspector")
    client = login(inspector)
    page = client.get("/tips/partner/")
    assert page.status_code == 200 and "Riverton Police Department" in page.content.decode()
    response = client.post("/tips/partner/", {
        "recipient": world.agency_a.pk, "partner_sector": "labor_inspection", "business_name": "Sunrise Cleaning",
        "city": "Riverton", "when": "week", "observations": ["afraid_to_talk"],
        "narrative": "One supervisor answered for all the workers. The company holds their IDs."})
    assert response.status_code == 201
    tip = Tip.objects.get()
    assert tip.source == Source.PARTNER and tip.submitted_by == inspector and tip.passphrase_hash == ""
    assert login(world.investigator).get(f"/tips/{tip.pk}/").status_code == 200
    # Only law-enforcement agencies of the partner's task forces can be chosen.
    bad = client.post("/tips/partner/", {"recipient": world.agency_b.pk, "partner_sector": "labor_inspection",
                                         "narrative": "something long enough"})
    assert bad.status_code == 400 and Tip.objects.count() == 1
    assert login(world.advocate).get("/tips/partner/").status_code == 403
