"""Referrals: never conditional on consent; only consented categories travel; the
receiving organisation works them in its own queue; follow-ups and time to referral."""

from __future__ import annotations

from contextlib import redirect_stdout
from datetime import timedelta
from io import StringIO

from django.urls import reverse
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.victims import services
from laborlens.victims.models import NeedItem, Referral
from tests.victims.conftest import IMMIGRATION, NARRATIVE, SERVED_NAME, SERVED_PHONE, give_consent


def test_needs_and_referrals_work_without_any_consent(vw, login):
    advocate = login(vw.cw.w.advocate)
    record = vw.record
    assert not record.consents.exists()
    response = advocate.post(reverse("victims:need", args=[record.pk]),
                             {"need": "housing", "urgency": "now", "status": "identified", "note": "Tonight"})
    assert response.status_code == 302
    # Updated over time, one row per need: not asked again.
    advocate.post(reverse("victims:need", args=[record.pk]), {"need": "housing", "urgency": "now", "status": "met"})
    assert NeedItem.objects.get(victim=record, need="housing").status == "met"
    assert NeedItem.objects.filter(victim=record).count() == 1
    response = advocate.post(reverse("victims:refer", args=[record.pk]), {"partner": vw.casa.pk, "need": "food"})
    assert response.status_code == 302
    referral = Referral.objects.get(victim=record)
    assert referral.shared == {} and referral.shared_categories == []
    assert referral.days_to_referral == 4
    body = login(vw.shelter_user).get(reverse("victims:referral", args=[referral.pk])).content.decode()
    assert 'data-testid="shared-none"' in body and referral.victim.pseudonym in body
    for secret in [SERVED_NAME, SERVED_PHONE, NARRATIVE, IMMIGRATION]:
        assert secret not in body


def test_a_referral_carries_only_the_consented_categories(vw, login):
    services.save_need(vw.record, by=vw.cw.w.advocate, need="housing", urgency="now", status="identified")
    give_consent(vw, vw.shelter, ["identity", "needs"])
    give_consent(vw, vw.cw.w.agency_a, ["contact", "narrative", "immigration"])  # for RPD, not the shelter
    referral = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    assert referral.shared_categories == ["identity", "needs"]
    assert set(referral.shared) == {"identity", "needs"}
    assert referral.shared["identity"]["full_name"] == SERVED_NAME
    assert referral.shared["needs"] == [{"need": "housing", "urgency": "now", "status": "identified"}]
    body = login(vw.shelter_user).get(reverse("victims:referral", args=[referral.pk])).content.decode()
    assert SERVED_NAME in body
    for secret in [SERVED_PHONE, "Text after 7 pm", NARRATIVE, IMMIGRATION]:
        assert secret not in body
    # A directory entry without LaborLens users gets nothing identifying either.
    to_clinic = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.clinic, need="medical")
    assert to_clinic.shared == {}
    # The referral's need moved on.
    assert NeedItem.objects.get(victim=vw.record, need="housing").status == "referred"
    event = AuditEvent.objects.filter(tag="victims:referral:send").last()
    assert SERVED_NAME not in str(event.detail)


def test_a_revoked_consent_does_not_travel(vw):
    consent = give_consent(vw, vw.shelter, ["identity", "contact"])
    services.revoke_consent(consent, by=vw.cw.w.advocate)
    referral = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    assert referral.shared == {}


def test_the_shelter_works_the_referral_in_its_queue(vw, login):
    referral = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    shelter = login(vw.shelter_user)
    queue = shelter.get(reverse("victims:queue")).content.decode()
    assert f"/victims/referrals/{referral.pk}/" in queue
    url = reverse("victims:referral_action", args=[referral.pk])
    assert shelter.post(url, {"action": "receive", "version": 1}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == "received" and referral.received_at
    # A stale version changes nothing.
    shelter.post(url, {"action": "accept", "version": 1})
    referral.refresh_from_db()
    assert referral.status == "received"
    # An impossible step changes nothing.
    shelter.post(url, {"action": "complete", "version": referral.version})
    referral.refresh_from_db()
    assert referral.status == "received"
    # Declining needs a reason.
    shelter.post(url, {"action": "decline", "version": referral.version, "reason": ""})
    referral.refresh_from_db()
    assert referral.status == "received"
    for action, status in [("accept", "accepted"), ("start", "in_progress"), ("complete", "completed")]:
        assert shelter.post(url, {"action": action, "version": referral.version}).status_code == 302
        referral.refresh_from_db()
        assert referral.status == status
    # Garbage is refused without a change and without a 500.
    response = shelter.post(url, {"action": "explode", "version": "x"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "completed"


def test_only_the_receiver_works_a_referral_and_outsiders_see_nothing(vw, login):
    referral = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    url = reverse("victims:referral_action", args=[referral.pk])
    assert login(vw.cw.w.advocate).post(url, {"action": "accept", "version": 1}).status_code == 404
    assert login(vw.cw.w.outsider).post(url, {"action": "accept", "version": 1}).status_code == 403
    assert login(vw.cw.w.investigator).get(reverse("victims:referral", args=[referral.pk])).status_code == 403
    from tests.conftest import make_user

    stranger = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    assert login(stranger).get(reverse("victims:referral", args=[referral.pk])).status_code == 404
    assert login(stranger).post(url, {"action": "accept", "version": 1}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_follow_up_reminders(vw, login, capsys):
    today = timezone.localdate()
    due = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing", follow_up_on=today)
    later = services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="food",
                                   follow_up_on=today + timedelta(days=5))
    reminders = services.due_reminders()
    assert due in reminders["referrals"] and later not in reminders["referrals"]
    queue = login(vw.shelter_user).get(reverse("victims:queue")).content.decode()
    assert "due" in queue
    from laborlens.cli import main

    out = StringIO()
    with redirect_stdout(out):
        assert main(["victims", "reminders", "--send"]) == 0
    text = out.getvalue()
    assert f"referral {due.pk}:" in text and f"referral {later.pk}:" not in text and "reminders sent: 1" in text
    assert SERVED_NAME not in text
    assert services.send_reminders() == 0  # once a day
    assert AuditEvent.objects.filter(tag="victims:reminder:send").count() == 1


def test_directory_search_by_need_language_and_place(vw, login):
    client = login(vw.cw.w.advocate)
    url = reverse("victims:directory")

    def found(**query):
        body = client.get(url, query).content.decode()
        return {name for name in ["Casa Esperanza", "Community Clinic"] if name in body}

    assert found() == {"Casa Esperanza", "Community Clinic"}
    assert found(need="housing") == {"Casa Esperanza"}
    assert found(language="ht") == {"Community Clinic"}
    assert found(place="riverton") == {"Community Clinic"}
    assert found(need="legal") == set()
    assert client.get(url, {"need": "nonsense"}).status_code == 400
    # Officers use it too (44% are unsure how to refer).
    assert login(vw.cw.w.officer).get(url).status_code == 200
