"""Choices, the daily summary, who gets nothing, and an SMTP server that is down."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laborlens.audit.models import AuditEvent
from laborlens.cases import services as case_services
from laborlens.cases.models import Entity
from laborlens.notifications import services, tasks
from laborlens.notifications.models import Delivery, Kind, Notification
from laborlens.victims import services as victim_services
from tests.cases.conftest import VICTIM_PHONE
from tests.conftest import make_user
from tests.notifications.conftest import BASE_URL, run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)


def everything(delivery: str, enabled: bool = True) -> dict[str, tuple[bool, str]]:
    return {kind: (enabled, delivery) for kind in Kind.values}


def overlap(cw) -> None:  # noqa: ANN001
    other = case_services.create_case(by=cw.rival, data={"title": "Eastport packing plant", "summary": "x"})
    case_services.save_entity(Entity(case=other, kind="phone", name="Recruiter", phones=[VICTIM_PHONE]), by=cw.rival)


def test_a_kind_turned_off_is_not_mailed(vw, smtp):
    services.save_preferences(vw.shelter_user, {Kind.REFERRAL_RECEIVED: (False, Delivery.IMMEDIATE)})
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    run_worker()
    assert smtp.received == [] and not Notification.objects.exists()


def test_turned_off_after_it_was_queued_is_not_mailed_either(vw, smtp):
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    services.save_preferences(vw.shelter_user, everything(Delivery.IMMEDIATE, enabled=False))
    run_worker()
    assert smtp.received == []
    assert Notification.objects.get().status == Notification.Status.DROPPED


def test_the_daily_summary_is_one_mail_with_counts_and_links(cw, smtp):
    investigator = cw.w.investigator
    services.save_preferences(investigator, everything(Delivery.DIGEST))
    overlap(cw)
    cw.task.due_on = timezone.localdate() - timedelta(days=1)
    cw.task.save()
    second = case_services.create_task(cw.case, by=investigator, title="Call the consulate",
                                       due_on=timezone.localdate() + timedelta(days=1), assignee=investigator)
    tasks.notify_due.enqueue()
    run_worker()
    assert smtp.to("investigator@test.invalid") == []  # kept for the summary
    assert Notification.objects.filter(recipient=investigator, status="pending", delivery="digest").count() == 3
    tasks.notify_digest.enqueue()
    run_worker()
    mails = smtp.to("investigator@test.invalid")
    assert len(mails) == 1
    text = text_of(mails[0])
    assert "your daily summary (3)" in text
    assert "A case may overlap with another agency's case: 1" in text
    assert "A task assigned to you is due tomorrow or overdue: 2" in text
    assert f"{BASE_URL}/cases/{cw.case.pk}/" in text
    assert "consulate" not in text and "Subpoena" not in text and "Sunrise" not in text
    assert second.pk  # both tasks are on the one case: one link, counted twice
    assert not Notification.objects.filter(recipient=investigator, status="pending").exists()
    tasks.notify_digest.enqueue()  # nothing new: no empty summary
    run_worker()
    assert len(smtp.to("investigator@test.invalid")) == 1


def test_no_address_or_deactivated_means_no_mail(vw, smtp):
    colleague = make_user("colleague", vw.shelter, "victim_advocate")
    colleague.email = ""
    colleague.save()
    retired = make_user("retired", vw.shelter, "victim_advocate")
    retired.is_active = False
    retired.save()
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["shelter"]
    # Deactivated between the event and the worker: dropped, not sent.
    vw.shelter_user.is_active = False
    vw.shelter_user.save()
    run_worker()
    assert smtp.received == []
    row = Notification.objects.get()
    assert row.status == Notification.Status.DROPPED and "inactive" in row.last_error


def test_nothing_is_queued_when_mail_is_not_configured(vw, smtp, settings):
    settings.NOTIFICATIONS_ENABLED = False
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    run_worker()
    assert smtp.received == [] and not Notification.objects.exists()


def test_smtp_down_is_retried_later_and_then_delivered(vw, smtp, settings):
    settings.TASK_RETRY_BASE_SECONDS = 600
    smtp.stop()
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    run_worker()
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.sent_at) == ("pending", 1, None)
    assert "Connection" in row.last_error or "refused" in row.last_error.lower()
    runs = list(DBTaskResult.objects.filter(task_path__endswith="send_notification").order_by("enqueued_at"))
    assert [(r.args_kwargs["kwargs"].get("attempt", 1), r.status) for r in runs] == [(1, "FAILED"), (2, "READY")]
    assert runs[1].run_after > timezone.now() + timedelta(seconds=590)  # backs off
    # The server comes back and the retry's time comes.
    smtp.start()
    DBTaskResult.objects.filter(pk=runs[1].pk).update(run_after=timezone.now())
    run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert smtp.recipients == ["shelter@test.invalid"]


def test_a_mail_that_keeps_failing_stops_as_failed(vw, smtp, settings):
    smtp.stop()
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    run_worker()  # retries at once (TASK_RETRY_BASE_SECONDS=0) until the last attempt
    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("failed", tasks.MAX_ATTEMPTS)


def test_spanish_for_those_who_chose_it(vw, smtp):
    services.save_preferences(vw.shelter_user, everything(Delivery.IMMEDIATE), language="es")
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    run_worker()
    text = text_of(smtp.received[0][1])
    assert "Se envió una remisión a su organización" in text and "inicie sesión" in text


def test_the_preferences_page_saves_the_users_own_choices(vw, login):
    user = vw.shelter_user
    client = login(user)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "A referral was sent to your organisation" in body and "shelter@test.invalid" in body
    data = {"language": "es"}
    for kind in Kind.values:
        data[f"{kind}_delivery"] = "digest" if kind == Kind.TASK_DUE else "immediate"
        if kind != Kind.DECONFLICTION:
            data[f"{kind}_enabled"] = "on"
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    prefs = services.preferences_of(user)
    assert prefs[Kind.DECONFLICTION][0] is False and prefs[Kind.TASK_DUE] == (True, "digest")
    assert prefs[Kind.REFERRAL_RECEIVED] == (True, "immediate")
    user.refresh_from_db()
    assert user.preferred_language == "es"
    assert AuditEvent.objects.filter(tag="notifications:preference:change", actor_id=user.pk).exists()
    # Bad input: a clear error, nothing changed.
    bad = client.post(reverse("notifications:preferences"), {**data, "task_due_delivery": "hourly"})
    assert bad.status_code == 200 and services.preferences_of(user)[Kind.TASK_DUE] == (True, "digest")


def test_the_preferences_page_needs_sign_in_and_is_linked_from_my_account(vw, client, login):
    assert client.get(reverse("notifications:preferences")).status_code == 302
    body = login(vw.shelter_user).get(reverse("accounts:me")).content.decode()
    assert reverse("notifications:preferences") in body


def test_recent_notifications_listed_are_only_ones_own(vw, smtp, login):
    victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    mine = login(vw.shelter_user).get(reverse("notifications:preferences")).content.decode()
    theirs = login(vw.cw.w.advocate).get(reverse("notifications:preferences")).content.decode()
    assert "Recent notifications" in mine and "Recent notifications" not in theirs


def test_someone_outside_the_objects_scope_is_never_queued(vw, smtp):
    from laborlens.victims.models import Referral

    referral = victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    Notification.objects.all().delete()
    w = vw.cw.w
    made = services.notify([w.outsider, w.outsider_admin, w.supervisor, w.analyst, vw.cw.rival, vw.shelter_user],
                           Kind.REFERRAL_RECEIVED, "/victims/referrals/1/", scope_model=Referral,
                           scope_pk=referral.pk, scope_action="work")
    assert [row.recipient for row in made] == [vw.shelter_user]


def test_a_rolled_back_event_leaves_no_notification_and_no_task(vw, smtp):
    from django.db import transaction

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        victim_services.send_referral(vw.record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
        assert Notification.objects.count() == 1
        raise Abandoned
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.filter(task_path__endswith="send_notification").exists()
    run_worker()
    assert smtp.received == []
