"""Every view: 403 without the role permission, 404 outside scope, 200 with an audit event;
optimistic locking; bad input is a 4xx with nothing changed; no inline script; no-store."""

from __future__ import annotations

from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.victims import services
from laborlens.victims.models import Consent, NeedItem, Relief, VictimRecord
from tests.conftest import make_user
from tests.permissions import assert_view_permissions
from tests.victims.conftest import SERVED_NAME, give_consent


def test_permissions_on_every_read_view(vw, login):
    stranger = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    consent = give_consent(vw, vw.shelter, ["identity"])
    referral = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    analyst = vw.cw.w.analyst  # neither victims.view nor cases.view
    assert_view_permissions(reverse("victims:detail", args=[vw.record.pk]), allowed=vw.cw.w.advocate,
                            no_permission=analyst, outsider=stranger, login=login, audit_tag="victims:record:view")
    assert_view_permissions(reverse("victims:detail", args=[vw.record.pk]), allowed=vw.cw.w.officer,
                            no_permission=None, outsider=vw.cw.w.outsider, login=login, audit_tag="victims:record:view")
    assert_view_permissions(reverse("victims:consent_print", args=[consent.pk]), allowed=vw.cw.w.advocate,
                            no_permission=vw.cw.w.officer, outsider=stranger, login=login,
                            audit_tag="victims:consent:print")
    assert_view_permissions(reverse("victims:referral", args=[referral.pk]), allowed=vw.shelter_user,
                            no_permission=vw.cw.w.officer, outsider=stranger, login=login,
                            audit_tag="victims:referral:view")
    assert_view_permissions(reverse("victims:list"), allowed=vw.cw.w.advocate, no_permission=analyst,
                            outsider=None, login=login, audit_tag="victims:record:list")
    assert_view_permissions(reverse("victims:queue"), allowed=vw.shelter_user, no_permission=vw.cw.w.officer,
                            outsider=None, login=login, audit_tag="victims:referral:queue")
    assert_view_permissions(reverse("victims:directory"), allowed=vw.cw.w.advocate, no_permission=analyst,
                            outsider=None, login=login, audit_tag="victims:directory:search")
    assert_view_permissions(reverse("victims:relief_guide"), allowed=vw.cw.w.officer, no_permission=analyst,
                            outsider=None, login=login)
    # The stranger's lists are empty.
    assert vw.record.pseudonym not in login(stranger).get(reverse("victims:list")).content.decode()
    assert f"/victims/referrals/{referral.pk}/" not in login(stranger).get(reverse("victims:queue")).content.decode()


def test_write_views_refuse_outsiders_and_wrong_roles(vw, login):
    stranger = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    pk = vw.record.pk
    for name in ["victims:edit", "victims:consent", "victims:refer", "victims:need"]:
        url = reverse(name, args=[pk])
        assert login(stranger).post(url, {}).status_code == 404, name
        assert login(vw.cw.w.officer).post(url, {}).status_code == 403, name
        # Team members of another agency can read the record, not change it.
        assert login(vw.shelter_user).post(url, {}).status_code == 404, name
    assert login(stranger).get(reverse("victims:relief_new", args=[pk])).status_code == 404
    assert login(vw.cw.w.analyst).get(reverse("victims:relief_new", args=[pk])).status_code == 403
    assert login(vw.cw.rival).get(reverse("victims:relief_new", args=[pk])).status_code == 404
    assert not NeedItem.objects.exists()


def test_advocate_opens_a_record_for_a_victim_on_the_case(vw, login):
    client = login(vw.cw.w.advocate)
    url = reverse("victims:open")
    response = client.post(url, {"case": vw.cw.case.pk, "person": vw.cw.victim.pk, "preferred_language": "es",
                                 "identified_on": "2026-01-05"})
    assert response.status_code == 302
    record = VictimRecord.objects.get(person=vw.cw.victim)
    assert record.serving_agency == vw.cw.w.vsp
    # The same person twice, a suspect, a person of another case, nothing: 400, nothing created.
    for data in [{"case": vw.cw.case.pk, "person": vw.cw.victim.pk}, {"case": vw.cw.case.pk, "person": vw.cw.suspect.pk},
                 {"case": vw.cw.case.pk}, {"case": "x", "full_name": "A"}, {}]:
        response = client.post(url, {"preferred_language": "es", "identified_on": "2026-01-05", **data})
        assert response.status_code == 400, data
    assert VictimRecord.objects.count() == 2
    # The advocate cannot open a record on a case they are not on.
    from laborlens.cases import services as case_services

    other = case_services.create_case(by=vw.cw.w.investigator, data={"title": "Other"})
    response = client.post(url, {"case": other.pk, "full_name": "Someone", "preferred_language": "es",
                                 "identified_on": "2026-01-05"})
    assert response.status_code == 400 and VictimRecord.objects.count() == 2


def test_record_edit_uses_optimistic_locking(vw, login):
    client = login(vw.cw.w.advocate)
    url = reverse("victims:edit", args=[vw.record.pk])
    data = {"status": "active", "preferred_language": "es", "safe_contact": "Only via Safe Harbor", "version": 1}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "safe_contact": "Overwrite", "version": 1})
    assert response.status_code == 409
    vw.record.refresh_from_db()
    assert vw.record.safe_contact == "Only via Safe Harbor" and vw.record.version == 2
    assert client.post(url, {**data, "status": "nonsense", "version": 2}).status_code == 400
    assert AuditEvent.objects.filter(tag="victims:record:update").count() == 1
    assert SERVED_NAME not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_pages_have_no_inline_script_and_are_not_cached(vw, login):
    client = login(vw.cw.w.advocate)
    consent = give_consent(vw, vw.shelter, ["identity"])
    for url in [reverse("victims:list"), reverse("victims:detail", args=[vw.record.pk]),
                reverse("victims:consent_print", args=[consent.pk]), reverse("victims:edit", args=[vw.record.pk]),
                reverse("victims:queue")]:
        response = client.get(url)
        body = response.content.decode()
        assert "<script>" not in body and " style=" not in body and " onclick" not in body, url
        assert response["Cache-Control"] == "no-store", url
        assert "<label" in body or "print" in url or "list" in url or "referrals" in url or "/victims/" in url


def test_relief_requests_and_decisions(vw, login):
    # Riverton PD files relief for a victim Safe Harbor serves: only under her consent.
    give_consent(vw, vw.cw.w.agency_a, ["immigration"])
    investigator = login(vw.cw.w.investigator)
    url = reverse("victims:relief_new", args=[vw.record.pk])
    assert investigator.get(url).status_code == 200
    response = investigator.post(url, {"kind": "cp", "status": "submitted", "requesting_officer": "Det. Reyes",
                                       "federal_partner": "HSI", "requested_on": "2026-11-01",
                                       "deadline": "2026-12-01"})
    assert response.status_code == 302
    relief = Relief.objects.get()
    assert relief.kind == "cp" and relief.created_by == vw.cw.w.investigator
    edit = reverse("victims:relief_edit", args=[relief.pk])
    response = investigator.post(edit, {"kind": "cp", "status": "granted", "requesting_officer": "Det. Reyes",
                                        "decided_on": "2026-11-20", "expires_on": "2028-11-20",
                                        "renewal_due": "2028-08-20", "version": 1})
    assert response.status_code == 302
    relief.refresh_from_db()
    assert relief.status == "granted" and relief.version == 2
    # Expiry before the decision is refused; a stale version is a conflict.
    bad = {"kind": "cp", "status": "granted", "requesting_officer": "X", "decided_on": "2026-11-20",
           "expires_on": "2025-01-01", "version": 2}
    assert investigator.post(edit, bad).status_code == 400
    assert investigator.post(edit, {**bad, "expires_on": "2028-01-01", "version": 1}).status_code == 409
    # The line officer (no cases.change) may read, not file.
    assert login(vw.cw.w.officer).get(url).status_code == 403
    body = login(vw.cw.w.officer).get(reverse("victims:detail", args=[vw.record.pk])).content.decode()
    assert "Continued Presence" in body
    # Reminders: a renewal far away is not listed, a deadline close by is.
    relief.deadline = relief.renewal_due = relief.expires_on = None
    relief.save()
    assert relief not in services.due_reminders()["relief"]
    from datetime import timedelta

    from django.utils import timezone

    relief.renewal_due = timezone.localdate() + timedelta(days=3)
    relief.save()
    assert relief in services.due_reminders()["relief"]


def test_relief_guide_explains_each_form(vw, login):
    body = login(vw.cw.w.officer).get(reverse("victims:relief_guide")).content.decode()
    for text in ["Continued Presence", "I-914 Supplement B", "I-918 Supplement B", "Who signs", "federal partner",
                 "not refused reasonable requests"]:
        assert text in body



def test_pages_do_not_grow_queries_with_rows(vw, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts(client, urls):
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200, url
            result.append(len(context.captured_queries))
        return result

    advocate, investigator = login(vw.cw.w.advocate), login(vw.cw.w.investigator)
    pages = [reverse("victims:list"), reverse("cases:detail", args=[vw.cw.case.pk])]
    before = counts(advocate, [*pages, reverse("victims:queue")]), counts(investigator, pages)
    for index in range(8):
        record = services.open_record(case=vw.cw.case, by=vw.cw.w.advocate, person_data={"full_name": f"Person {index}"})
        services.send_referral(record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
        services.record_consent(record, by=vw.cw.w.advocate, recipient_agency=vw.cw.w.agency_a, categories=["identity"],
                                purpose="Coordination", given_on=record.identified_on, expires_on=record.identified_on,
                                signature="Person", attested=True, explained_in="es")
    after = counts(advocate, [*pages, reverse("victims:queue")]), counts(investigator, pages)
    assert after == before, (before, after)


def test_relief_follows_the_immigration_consent(vw, login):
    """Immigration relief is the "immigration status and relief" category: another
    agency on the case team sees and files it only under a valid consent naming it."""
    relief = services.save_relief(Relief(victim=vw.record, kind="cp", status="submitted", requesting_officer="Adv.",
                                         federal_partner="HSI-Riverton"), by=vw.cw.w.advocate)
    urls = [reverse("victims:relief_new", args=[vw.record.pk]), reverse("victims:relief_edit", args=[relief.pk])]
    detail = reverse("victims:detail", args=[vw.record.pk])
    api = f"/api/v1/victims/{vw.record.pk}/"
    investigator = login(vw.cw.w.investigator)  # Riverton PD, on the team, cases.change

    def shut() -> None:
        for url in urls:
            assert investigator.get(url).status_code == 404, url
            assert investigator.post(url, {"kind": "cp", "status": "draft", "requesting_officer": "X",
                                           "version": relief.version}).status_code == 404, url
        assert "HSI-Riverton" not in investigator.get(detail).content.decode()
        assert f"/victims/relief/{relief.pk}/" not in investigator.get(detail).content.decode()
        assert "Submitted" not in investigator.get(detail).content.decode()
        assert investigator.get(api).json()["relief"] == []
        assert not Relief.objects.restrict(vw.cw.w.investigator, "view").exists()

    shut()
    # Consent for other categories does not open it.
    give_consent(vw, vw.cw.w.agency_a, ["identity", "needs"])
    shut()
    consent = give_consent(vw, vw.cw.w.agency_a, ["immigration"])
    for url in urls:
        assert investigator.get(url).status_code == 200, url
    assert "HSI-Riverton" in investigator.get(urls[1]).content.decode()
    assert "Submitted" in investigator.get(detail).content.decode()
    assert investigator.get(api).json()["relief"][0]["kind"] == "cp"
    # The serving agency keeps its access throughout.
    assert login(vw.cw.w.advocate).get(urls[1]).status_code == 200
    # Revoked: shut again, from the next request.
    services.revoke_consent(consent, by=vw.cw.w.advocate)
    shut()
    # Expired: shut as well.
    from datetime import timedelta

    from django.utils import timezone

    Consent.objects.create(victim=vw.record, recipient_agency=vw.cw.w.agency_a, categories=["immigration"],
                           purpose="Old", given_on=timezone.localdate() - timedelta(days=40),
                           expires_on=timezone.localdate() - timedelta(days=1), signature="X",
                           recorded_by=vw.cw.w.advocate)
    shut()
    assert login(vw.cw.w.advocate).get(urls[1]).status_code == 200
