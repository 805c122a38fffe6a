"""A screening sent to a colleague mails them (issue 17 follow-up): who sent it, that a
screening was sent to them and a link, in their language; never the screening's label or
answers. Through the queue worker and a real SMTP server, as the other notifications."""

from __future__ import annotations

import pytest

from laborlens.notifications import services as notification_services
from laborlens.notifications.models import Delivery, Kind, Notification
from laborlens.screening import services as screening_services
from laborlens.screening.models import ScreeningHandoff
from tests.notifications.conftest import BASE_URL, run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)

LABEL = "Rosa M., packing shed behind the Route 9 orchard"
NOTE = "Owes the foreman for the bus fare"


def _sent(cw):
    screening = screening_services.create(user=cw.w.officer, label=LABEL, age_group="adult",
                                          setting="workplace", question_language="en")
    screening_services.record_answers(screening, [{"indicator": "cd_debt_bondage", "value": "present",
                                                   "note": NOTE}], user=cw.w.officer)
    screening_services.send_to(screening, cw.w.investigator, user=cw.w.officer)
    return screening


def test_the_recipient_is_mailed_who_sent_it_and_a_link_and_nothing_of_the_screening(cw, smtp):
    screening = _sent(cw)
    assert smtp.received == []  # nothing leaves before the worker runs
    run_worker()
    assert smtp.recipients == ["investigator@test.invalid"]  # not the officer who sent it, nor anyone else
    text = text_of(smtp.received[0][1])
    assert "A screening was sent to you" in text
    assert "Sent by Officer." in text
    assert f"{BASE_URL}/screening/{screening.pk}/" in text
    for detail in ("Rosa", "Route 9", "orchard", "bus fare", "foreman", "debt", *([screening.reading] if screening.reading else [])):
        assert detail.lower() not in text.lower(), detail
    row = Notification.objects.get()
    assert (row.kind, row.status, row.sent_by_id) == (Kind.SCREENING_SENT, "sent", cw.w.officer.pk)
    # Sending it again while it waits changes nothing; sent again once handled, it is told again.
    screening_services.send_to(screening, cw.w.investigator, user=cw.w.officer)
    run_worker()
    assert len(smtp.received) == 1
    screening_services.mark_handled(screening, user=cw.w.investigator)
    screening_services.send_to(screening, cw.w.investigator, user=cw.w.officer)
    run_worker()
    assert len(smtp.received) == 2 and ScreeningHandoff.objects.count() == 2


def test_in_the_recipients_language(cw, smtp):
    cw.w.investigator.preferred_language = "es"
    cw.w.investigator.save(update_fields=["preferred_language"])
    _sent(cw)
    run_worker()
    text = text_of(smtp.received[0][1])
    assert "Le enviaron una evaluación" in text and "Enviada por Officer." in text
    assert "A screening was sent to you" not in text and "Sent by" not in text


def test_the_recipients_choices_are_respected(cw, smtp):
    investigator = cw.w.investigator
    notification_services.save_preferences(investigator, {Kind.SCREENING_SENT: (False, Delivery.IMMEDIATE)})
    _sent(cw)
    run_worker()
    assert smtp.received == [] and not Notification.objects.exists()
    notification_services.save_preferences(investigator, {Kind.SCREENING_SENT: (True, Delivery.DIGEST)})
    screening = _sent(cw)
    run_worker()
    assert smtp.received == []  # kept for the daily summary
    assert notification_services.queue_digests() == 1
    run_worker()
    text = text_of(smtp.to("investigator@test.invalid")[0])
    assert "A screening was sent to you: 1" in text and f"/screening/{screening.pk}/" in text
    assert "Rosa" not in text


def test_a_recipient_who_left_the_agency_is_not_told(cw, smtp):
    screening = screening_services.create(user=cw.w.officer, label=LABEL, age_group="adult",
                                          setting="workplace", question_language="en")
    handoff = screening_services.send_to(screening, cw.w.investigator, user=cw.w.officer)
    run_worker()
    assert len(smtp.received) == 1
    # The hook checks scope: moved to another agency, the same hand-off would tell them nothing.
    Notification.objects.all().delete()
    cw.w.investigator.agency = cw.w.outsider.agency
    cw.w.investigator.save(update_fields=["agency"])
    assert notification_services.screening_sent(handoff, by=cw.w.officer) == []
