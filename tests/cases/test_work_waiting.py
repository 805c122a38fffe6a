"""My work holds every item waiting on the user (issue 17.6), each through the models'
scoping: two agencies with the same kinds of items, and nobody sees the other's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laborlens.cases import services as case_services
from laborlens.cases.models import OperationPlan
from laborlens.core.work import waiting_for
from laborlens.publishing.models import Release, Status
from laborlens.screening import services as screening_services
from laborlens.tips import services as tip_services
from laborlens.tips.models import Source
from laborlens.victims import services as victim_services
from tests.api.victims_world import victim_objects
from tests.conftest import make_user


def _counts(user) -> dict[str, int]:
    return {group.kind: group.count for group in waiting_for(user)}


def _release(agency, requester, title):
    release = Release(agency=agency, title=title, dataset="cases", method="kanon",
                      parameters={"quasi_identifiers": ["year"], "k": 11}, seed=1, status=Status.PREVIEWED,
                      ledger_dataset=f"agency:{agency.pk}:cases", requested_by=requester,
                      selection={"included": 0, "excluded": {}}, preview={}, previewed_at=timezone.now())
    release.save()
    return release


def _agency_items(agency, *, officer, investigator, supervisor, label):
    """One of each kind in ``agency``: a plan submitted, a new tip, a release previewed by an
    analyst (and one by the supervisor, which they may not approve), a screening sent."""
    case = case_services.create_case(by=investigator, data={"title": f"{label} case"})
    plan = case_services.save_plan(OperationPlan(case=case, title=f"{label} raid", potential_victims=3), by=investigator)
    case_services.plan_transition(plan, "submit", by=investigator)
    tip_services.submit(source=Source.PUBLIC, agency=agency, data={
        "narrative": "They took our passports when we arrived.", "city": "Riverton", "observations": []})
    _release(agency, make_user(f"analyst_{label}", agency, "analyst"), f"{label} release")
    _release(agency, supervisor, f"{label} own release")
    screening = screening_services.create(user=officer, label=f"{label} worker", age_group="adult",
                                          setting="other", question_language="en")
    screening_services.send_to(screening, investigator, user=officer)
    return case


@pytest.mark.django_db
def test_each_person_sees_what_waits_on_them_and_nothing_of_another_agency(cw, login):
    w = cw.w
    a_case = _agency_items(w.agency_a, officer=w.officer, investigator=w.investigator, supervisor=w.supervisor,
                           label="Riverton")
    b_officer = make_user("b_officer", w.agency_b, "line_officer")
    b_investigator = make_user("b_investigator", w.agency_b, "investigator")
    _agency_items(w.agency_b, officer=b_officer, investigator=b_investigator, supervisor=cw.rival, label="Eastport")
    # Victim services: a shelter refers its client to Safe Harbor (the advocate's agency), and a
    # consent Safe Harbor recorded ends in ten days.
    ids = victim_objects(w, a_case)
    today = timezone.localdate()
    from laborlens.victims.models import VictimRecord

    record = VictimRecord.objects.get(pk=ids["victim"])
    victim_services.record_consent(record, by=w.advocate, recipient_agency=w.sheriff, categories=["needs"],
                                   purpose="Coordination", given_on=today, expires_on=today + timedelta(days=10),
                                   signature="Rosa", attested=True, explained_in="es")

    # The case world's own plan is a draft; the supervisor signs off one plan, triages the
    # tips of their agency (the case world has none), and approves the analyst's release,
    # not their own.
    assert _counts(w.supervisor) == {"plans_sign_off": 1, "tips_triage": 1, "releases_approval": 1}
    assert _counts(cw.rival) == {"plans_sign_off": 1, "tips_triage": 1, "releases_approval": 1}
    assert _counts(w.investigator) == {"screenings_sent": 1, "tips_triage": 1}
    assert _counts(b_investigator) == {"screenings_sent": 1, "tips_triage": 1}
    assert _counts(w.advocate) == {"referrals_received": 1, "consents_renewal": 1}
    for nobody in (w.officer, b_officer, w.outsider, w.admin, w.auditor, w.analyst, cw.deputy):
        assert _counts(nobody) == {}, nobody.username

    # The page: counts per kind, links to where each is acted on, no other agency's items.
    page = login(cw.rival).get(reverse("cases:my_work")).content.decode()
    assert 'data-testid="count-plans_sign_off">1<' in page and "Eastport release" in page
    assert "Riverton" not in page and "Eastport own release" not in page
    riverton = login(w.supervisor).get(reverse("cases:my_work")).content.decode()
    assert "Eastport" not in riverton and "Riverton release" in riverton
    plan = OperationPlan.objects.get(title="Riverton raid")
    assert reverse("cases:plan", args=[plan.pk]) in riverton and "Riverton raid" not in riverton  # no free text
    advocate = login(w.advocate).get(reverse("cases:my_work")).content.decode()
    assert reverse("victims:referral", args=[ids["referral"]]) in advocate
    assert reverse("victims:detail", args=[record.pk]) in advocate


@pytest.mark.django_db
def test_items_leave_my_work_once_acted_on(cw):
    w = cw.w
    case_services.plan_transition(cw.plan, "submit", by=w.investigator)
    assert _counts(w.supervisor).get("plans_sign_off") == 1
    case_services.plan_transition(cw.plan, "approve", by=w.supervisor)
    assert "plans_sign_off" not in _counts(w.supervisor)
    # A renewed consent (a later one to the same agency) is not asked for again.
    ids = victim_objects(w, cw.case)
    from laborlens.victims.models import VictimRecord

    record = VictimRecord.objects.get(pk=ids["victim"])
    today = timezone.localdate()
    for days in (5, 200):
        victim_services.record_consent(record, by=w.advocate, recipient_agency=w.sheriff, categories=["needs"],
                                       purpose="Coordination", given_on=today, expires_on=today + timedelta(days=days),
                                       signature="Rosa", attested=True, explained_in="es")
    assert "consents_renewal" not in _counts(w.advocate)


@pytest.mark.django_db
def test_my_work_in_spanish(cw, login):
    case_services.plan_transition(cw.plan, "submit", by=cw.w.investigator)
    client = login(cw.w.supervisor)
    client.cookies["django_language"] = "es"
    page = client.get(reverse("cases:my_work"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Pendiente de mí" in page and "Planes que esperan mi aprobación" in page
