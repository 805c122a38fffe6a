"""The shared permission test over every case view and model; the outsider reaches nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.cases import models as case_models
from laborlens.cases import services
from laborlens.cases.models import Person
from tests.cases.conftest import SUSPECT_NAME, VICTIM_NAME
from tests.permissions import assert_view_permissions

# (url name, object on the case world (None: no argument), allowed, no permission, outsider, audit tag)
VIEW_TABLE = [
    ("cases:list", None, "officer", "analyst", None, "cases:case:list"),
    ("cases:create", None, "investigator", "officer", None, None),
    ("cases:my_work", None, "officer", "analyst", None, "cases:mywork:view"),
    ("cases:search", None, "officer", "analyst", None, None),
    ("cases:reviews", None, "supervisor", "investigator", None, "cases:intelligence:list"),
    ("cases:detail", "case", "officer", "analyst", "outsider", "cases:case:view"),
    ("cases:edit", "case", "investigator", "officer", "rival", None),
    ("cases:team", "case", "officer", "analyst", "outsider", "cases:member:list"),
    ("cases:share", "case", "investigator", "officer", "rival", None),
    ("cases:export", "case", "officer", "analyst", "outsider", "cases:case:export"),
    ("cases:board", "case", "officer", "analyst", "outsider", "cases:board:view"),
    ("cases:person_create", "case", "investigator", "officer", "rival", None),
    ("cases:entity_create", "case", "investigator", "officer", "rival", None),
    ("cases:evidence_create", "case", "investigator", "officer", "rival", None),
    ("cases:plan_create", "case", "investigator", "officer", "rival", None),
    ("cases:report_create", "case", "investigator", "officer", "rival", None),
    ("cases:person", "victim", "officer", "analyst", "outsider", "cases:person:view"),
    ("cases:person_edit", "victim", "investigator", "officer", "rival", None),
    ("cases:person_review", "intel", "supervisor", "investigator", "rival", None),
    ("cases:entity", "business", "officer", "analyst", "outsider", "cases:entity:view"),
    ("cases:entity_edit", "business", "investigator", "officer", "rival", None),
    ("cases:evidence", "evidence", "officer", "analyst", "outsider", "cases:evidence:view"),
    ("cases:evidence_edit", "evidence", "investigator", "officer", "rival", None),
    ("cases:file_download", "attachment", "officer", "analyst", "outsider", "cases:file:download"),
    ("cases:plan", "plan", "officer", "analyst", "outsider", "cases:operation:view"),
    ("cases:plan_edit", "plan", "investigator", "officer", "rival", None),
    ("cases:report", "report", "officer", "analyst", "outsider", "cases:report:view"),
    ("cases:report_edit", "report", "investigator", "officer", "rival", None),
    ("cases:report_pdf", "report", "officer", "analyst", "outsider", "cases:report:export"),
    ("cases:shared_report", "shared", "deputy", "analyst", "outsider", "cases:report:view_shared"),
]

POST_ONLY = [
    ("cases:task_create", "case", {"title": "x"}),
    ("cases:timeline_note", "case", {"text": "x"}),
    ("cases:task_complete", "task", {}),
    ("cases:evidence_upload", "evidence", {}),
    ("cases:evidence_custody", "evidence", {"action": "stored", "handler": "x", "at": "2026-01-01T10:00"}),
    ("cases:evidence_link", "evidence", {"element": "means.force_1589a1"}),
    ("cases:link_delete", "link", {}),
    ("cases:charge_create", "case", {"statute": "usc18_1589a", "disposition": "pending"}),
    ("cases:interview_create", "case", {"held_on": "2026-01-01", "kind": "forensic", "language": "es"}),
]


def _user(cw, name):
    if name in {"deputy", "rival"}:
        return getattr(cw, name)
    return getattr(cw.w, name)


def _intel(cw):
    return services.save_person(Person(
        case=cw.case, role="suspect", full_name="Ignatius Pell", intelligence_only=True,
        justification="Collects the workers' wages in cash every Friday per two statements.",
        review_due=timezone.localdate() + timedelta(days=365)), by=cw.w.investigator)


def _url(cw, name, target):
    if target is None:
        return reverse(name)
    obj = _intel(cw) if target == "intel" else getattr(cw, target)
    return reverse(name, args=[obj.pk])


@pytest.mark.parametrize(("name", "target", "allowed", "no_permission", "outsider", "tag"), VIEW_TABLE,
                         ids=[row[0] for row in VIEW_TABLE])
def test_every_case_view_checks_permission_and_scope(cw, login, name, target, allowed, no_permission, outsider, tag):
    assert_view_permissions(
        _url(cw, name, target), allowed=_user(cw, allowed), no_permission=_user(cw, no_permission),
        outsider=_user(cw, outsider) if outsider else None, login=login, audit_tag=tag)


def test_the_table_covers_every_url(cw):
    from laborlens.cases.urls import urlpatterns

    covered = {row[0] for row in VIEW_TABLE} | {row[0] for row in POST_ONLY} | {"cases:notice_acknowledge"}
    assert {f"cases:{pattern.name}" for pattern in urlpatterns} == covered


@pytest.mark.parametrize(("name", "target", "data"), POST_ONLY, ids=[row[0] for row in POST_ONLY])
def test_post_only_views_refuse_outsiders_and_get(cw, login, name, target, data):
    url = reverse(name, args=[getattr(cw, target).pk])
    before = AuditEvent.objects.filter(tag__startswith="cases:").count()
    assert login(cw.rival).post(url, data).status_code == 404
    assert login(cw.w.officer).post(url, data).status_code == 403
    assert login(cw.w.analyst).post(url, data).status_code == 403
    assert login(cw.w.investigator).get(url).status_code == 405
    assert AuditEvent.objects.filter(tag__startswith="cases:").count() == before


CASE_MODELS = [
    case_models.Case, case_models.CaseMember, case_models.Person, case_models.IntelligenceReview,
    case_models.Entity, case_models.MatchKey, case_models.SearchDocument, case_models.Evidence,
    case_models.EvidenceFile, case_models.CustodyEvent, case_models.ElementLink, case_models.OperationPlan,
    case_models.AfterActionReport, case_models.Task, case_models.TimelineEntry, case_models.Dissemination,
    case_models.DeconflictionNotice, case_models.Charge, case_models.Interview,
]


def test_model_list_is_complete():
    from django.apps import apps

    assert set(apps.get_app_config("cases").get_models()) == set(CASE_MODELS)


@pytest.mark.parametrize("model", CASE_MODELS, ids=lambda model: model.__name__)
def test_every_case_model_is_scoped(cw, model):
    from laborlens.cases.deconfliction import check
    from laborlens.cases.models import Case

    services.revalidate(_intel(cw), by=cw.w.supervisor, reason="still collecting wages",
                        next_due=timezone.localdate() + timedelta(days=200))
    services.add_custody(cw.evidence, by=cw.w.investigator,
                         data={"at": timezone.now(), "action": "stored", "handler": "Det. R"})
    other = services.create_case(by=cw.rival, data={"title": "Eastport orchard"})
    services.save_entity(case_models.Entity(case=other, kind="phone", name="p", phones=["+12025550111"]), by=cw.rival)
    check(Case.objects.get(pk=cw.case.pk), [])
    services.add_charge(cw.case, by=cw.w.investigator, data={"statute": "usc18_1589a"})
    services.add_interview(cw.case, by=cw.w.investigator, data={"person": cw.victim, "held_on": timezone.localdate()})
    assert model.objects.exists()
    lead_scope = model.objects.restrict(cw.w.investigator, "view")
    assert lead_scope.exists(), f"the case lead sees no {model.__name__}"
    for stranger in (cw.w.outsider, cw.w.analyst, cw.w.auditor, cw.w.admin, None):
        visible = model.objects.restrict(stranger, "view")
        assert not visible.filter(**_on_case_a(model)).exists(), f"{stranger} sees {model.__name__}"
    assert not model.objects.restrict(cw.w.outsider, "change").filter(**_on_case_a(model)).exists()


def _on_case_a(model):
    from laborlens.cases.models import Case

    case_ids = Case.objects.filter(lead_agency__short_name="RPD").values("pk")
    if model is case_models.Case:
        return {"pk__in": case_ids}
    if hasattr(model, "evidence") and model is not case_models.Case and "evidence" in [f.name for f in model._meta.fields]:
        return {"evidence__case__in": case_ids}
    return {"case__in": case_ids}


def test_outsider_reaches_nothing_by_search_or_export(cw, login):
    client = login(cw.w.outsider)
    for query in ["orchard", VICTIM_NAME, SUSPECT_NAME, "+1 202 555 0187", "Sunrise", cw.case.number, "V-1"]:
        response = client.post(reverse("cases:search"), {"q": query})
        body = response.content.decode()
        assert response.status_code == 200 and 'data-testid="no-results"' in body, query
        assert "/cases/people/" not in body and f"/cases/{cw.case.pk}/" not in body
    assert client.get(reverse("cases:export", args=[cw.case.pk])).status_code == 404
    assert client.get(reverse("cases:report_pdf", args=[cw.report.pk])).status_code == 404
    listing = client.get(reverse("cases:list")).content.decode()
    assert cw.case.number not in listing
    assert cw.case.number not in client.get(reverse("cases:my_work")).content.decode()


def test_supervisor_of_lead_agency_sees_case_but_not_other_agencies(cw, login):
    assert login(cw.w.supervisor).get(reverse("cases:detail", args=[cw.case.pk])).status_code == 200
    assert login(cw.rival).get(reverse("cases:detail", args=[cw.case.pk])).status_code == 404


def test_removing_a_member_ends_access_at_once_and_is_audited(cw, login):
    officer_client = login(cw.w.officer)
    url = reverse("cases:detail", args=[cw.case.pk])
    assert officer_client.get(url).status_code == 200
    member = cw.case.memberships.get(user=cw.w.officer)
    lead = login(cw.w.investigator)
    response = lead.post(reverse("cases:team", args=[cw.case.pk]), {"action": "remove", "member": member.pk})
    assert response.status_code == 302
    assert officer_client.get(url).status_code == 404  # same session, next request
    event = AuditEvent.objects.filter(tag="cases:member:remove").latest("seq")
    assert event.detail["user"] == "officer" and event.actor_id == cw.w.investigator.pk


def test_adding_a_member_from_another_agency_is_a_recorded_dissemination(cw, login):
    analyst_agency_user = cw.deputy
    cw.case.memberships.filter(user=analyst_agency_user).delete()
    lead = login(cw.w.investigator)
    url = reverse("cases:team", args=[cw.case.pk])
    response = lead.post(url, {"action": "add", "user": cw.deputy.pk, "role": "investigator", "reason": ""})
    assert response.status_code == 400
    assert not cw.case.memberships.filter(user=cw.deputy).exists()
    response = lead.post(url, {"action": "add", "user": cw.deputy.pk, "role": "investigator",
                               "reason": "Joint investigation of the recruiter"})
    assert response.status_code == 302
    record = cw.case.disseminations.filter(recipient_user=cw.deputy).latest("pk")
    assert record.recipient_agency == cw.w.sheriff and record.reason.startswith("Joint")
    assert AuditEvent.objects.filter(tag="cases:case:disseminate", detail__to_agency="HCSO").exists()
    assert AuditEvent.objects.filter(tag="cases:member:add", detail__user="deputy").exists()


def test_outside_task_force_people_cannot_be_added(cw, login):
    lead = login(cw.w.investigator)
    response = lead.post(reverse("cases:team", args=[cw.case.pk]),
                         {"action": "add", "user": cw.w.outsider.pk, "role": "observer", "reason": "x" * 20})
    assert response.status_code == 400
    assert not cw.case.memberships.filter(user=cw.w.outsider).exists()


def test_only_lead_or_supervisor_changes_the_team(cw, login):
    response = login(cw.w.officer).post(reverse("cases:team", args=[cw.case.pk]),
                                        {"action": "remove", "member": cw.case.memberships.get(user=cw.deputy).pk})
    assert response.status_code == 403
    assert cw.case.memberships.filter(user=cw.deputy).exists()


def test_last_lead_cannot_be_removed(cw, login):
    lead = cw.case.memberships.get(role="lead")
    response = login(cw.w.supervisor).post(reverse("cases:team", args=[cw.case.pk]),
                                           {"action": "remove", "member": lead.pk})
    assert response.status_code == 400
    assert cw.case.memberships.filter(role="lead").exists()


def test_explicit_dissemination_records_recipient_reason_and_date(cw, login):
    client = login(cw.w.investigator)
    url = reverse("cases:share", args=[cw.case.pk])
    response = client.post(url, {"recipient_agency": cw.w.agency_b.pk, "what": "summary",
                                 "reason": "Eastport found the same crew", "disseminated_on": "2026-01-05"})
    assert response.status_code == 302
    record = cw.case.disseminations.get(recipient_agency=cw.w.agency_b)
    assert record.reason == "Eastport found the same crew" and str(record.disseminated_on) == "2026-01-05"
    assert record.recorded_by == cw.w.investigator
    # No reason, a future date, or an unknown agency: refused, nothing recorded.
    for bad in [{"reason": ""}, {"disseminated_on": "2999-01-01"}, {"recipient_agency": 99999}]:
        data = {"recipient_agency": cw.w.agency_b.pk, "what": "summary", "reason": "A good reason here",
                "disseminated_on": "2026-01-05", **bad}
        assert client.post(url, data).status_code == 400
    assert cw.case.disseminations.filter(recipient_agency=cw.w.agency_b).count() == 1
