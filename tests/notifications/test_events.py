"""Each event point mails the people who should know, through the queue worker and a real
SMTP server, and nobody else; a mail holds a link and no detail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.cases import services as case_services
from laborlens.cases.models import Entity
from laborlens.notifications.models import Kind, Notification
from laborlens.publishing import services as release_services
from laborlens.victims import services as victim_services
from tests.cases.conftest import VICTIM_NAME, VICTIM_PHONE
from tests.notifications.conftest import BASE_URL, run_worker, text_of
from tests.victims.conftest import NARRATIVE, SERVED_NAME, SERVED_PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_referral_mails_the_receiving_service_staff_and_nobody_else(vw, smtp):
    referral = victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing",
                                             note=f"For {SERVED_NAME}, call {SERVED_PHONE}")
    assert smtp.received == []  # nothing leaves before the worker runs
    run_worker()
    assert smtp.recipients == ["shelter@test.invalid"]
    text = text_of(smtp.to("shelter@test.invalid")[0])
    assert "A referral was sent to your organisation" in text
    assert f"{BASE_URL}/victims/referrals/{referral.pk}/" in text
    for detail in (SERVED_NAME, "Lucinda", "0199", "housing", "Casa Esperanza", NARRATIVE[:20], vw.record.pseudonym):
        assert detail.lower() not in text.lower()
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.kind) == ("sent", 1, Kind.REFERRAL_RECEIVED)


def test_a_referral_to_an_organisation_without_users_mails_nobody(vw, smtp):
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.clinic, need="medical")
    run_worker()
    assert smtp.received == [] and not Notification.objects.exists()


def test_the_sender_is_told_when_the_referral_is_answered(vw, smtp):
    referral = victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    victim_services.move_referral(referral, "receive", by=vw.shelter_user)  # not an answer yet
    run_worker()
    assert smtp.recipients == ["shelter@test.invalid"]
    victim_services.move_referral(referral, "decline", by=vw.shelter_user, reason="No bed for Lucinda tonight")
    run_worker()
    assert smtp.recipients == ["advocate@test.invalid", "shelter@test.invalid"]
    text = text_of(smtp.to("advocate@test.invalid")[0])
    assert "A referral you sent was accepted or declined" in text
    assert f"/victims/referrals/{referral.pk}/" in text and "Lucinda" not in text and "bed" not in text


def test_a_deconfliction_match_mails_the_leads_and_supervisors_of_both_agencies(cw, smtp):
    other = case_services.create_case(by=cw.rival, data={"title": "Eastport packing plant", "summary": "Secret"})
    case_services.save_entity(Entity(case=other, kind="phone", name="Recruiter", phones=[VICTIM_PHONE]), by=cw.rival)
    run_worker()
    # RPD: the lead (investigator) and the supervisor; EPD: its lead, who is also its supervisor.
    # Not the officer or the deputy (on the team, not leads), nor anyone at the other agencies.
    assert smtp.recipients == ["investigator@test.invalid", "rival@test.invalid", "supervisor@test.invalid"]
    for rcpts, message in smtp.received:
        text = text_of(message)
        assert "A case may overlap with another agency's case" in text
        for detail in (VICTIM_NAME, "0187", "Sunrise", "orchard", "Eastport", "packing", cw.case.number,
                       other.number, "phone", "Riverton"):
            assert detail.lower() not in text.lower(), (rcpts, detail)
    assert f"/cases/{cw.case.pk}/" in text_of(smtp.to("investigator@test.invalid")[0])
    assert f"/cases/{other.pk}/" in text_of(smtp.to("rival@test.invalid")[0])
    # A second matching detail for the same pair of cases does not mail again.
    case_services.save_entity(Entity(case=other, kind="business", name="Sunrise Orchards LLC", city="Riverton"),
                              by=cw.rival)
    run_worker()
    assert len(smtp.received) == 3


def test_a_release_waiting_for_approval_mails_the_agencys_approvers_only(pw, smtp):
    from tests.publishing.test_workflow import ctdc_kanon

    release = ctdc_kanon(pw)
    run_worker()
    assert smtp.received == []  # a draft waits for nobody
    release_services.preview_release(release, by=pw.analyst_a)
    release_services.preview_release(release, by=pw.analyst_a)  # previewed again: no second mail
    run_worker()
    # The requester cannot approve their own; Safe Harbor's and Eastport's supervisors are out of scope.
    assert smtp.recipients == ["supervisor@test.invalid"]
    text = text_of(smtp.received[0][1])
    assert "A statistical release is waiting for approval" in text and f"/releases/{release.pk}/" in text
    assert "CTDC" not in text and "microdata" not in text


def test_tasks_due_tomorrow_and_overdue_mail_the_assignee_once_each(cw, smtp):
    from laborlens.notifications import tasks

    task = cw.task
    task.due_on = timezone.localdate() + timedelta(days=1)
    task.save()
    for _ in range(2):  # the daily job, run twice: one mail
        tasks.notify_due.enqueue()
        run_worker()
    assert smtp.recipients == ["investigator@test.invalid"]
    text = text_of(smtp.received[0][1])
    assert "A task assigned to you is due tomorrow or overdue" in text and f"/cases/{cw.case.pk}/" in text
    assert "Subpoena" not in text and "bank" not in text
    task.due_on = timezone.localdate() - timedelta(days=1)
    task.save()
    tasks.notify_due.enqueue()
    run_worker()
    assert len(smtp.received) == 2  # overdue is told once more
    case_services.complete_task(task, by=cw.w.investigator)
    task.due_on = timezone.localdate() - timedelta(days=2)
    task.save()
    tasks.notify_due.enqueue()
    run_worker()
    assert len(smtp.received) == 2  # done tasks are not reminded


def test_consent_renewals_and_follow_ups_remind_whoever_keeps_them(vw, smtp):
    from laborlens.notifications import tasks
    from tests.victims.conftest import give_consent

    consent = give_consent(vw, vw.cw.w.agency_a, ["needs"], days=5)
    referral = victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.clinic, need="medical",
                                             follow_up_on=timezone.localdate())
    tasks.notify_due.enqueue()
    run_worker()
    mails = smtp.to("advocate@test.invalid")
    assert len(mails) == 2 and smtp.recipients == ["advocate@test.invalid"] * 2
    texts = "\n".join(text_of(mail) for mail in mails)
    assert f"/victims/{consent.victim_id}/" in texts and f"/victims/referrals/{referral.pk}/" in texts
    assert "A consent renewal, follow-up or deadline is coming up" in texts
    assert "Riverton" not in texts and "Lucinda" not in texts and "Coordination" not in texts
