"""Done means: mail is delivered to the SMTP server and holds no identifying value, checked
with the demo's identities. The demo is loaded (its referrals, answers, deconfliction
matches and releases go through the real hooks), the daily jobs run, half the people read
Spanish and some take the daily summary; then every delivered mail, headers and body,
case- and accent-folded, is searched for every identifying value of every demo person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest

from laborlens.cases.identity.text import fold
from laborlens.cases.models import Case, Entity, Person
from laborlens.demo import load_demo
from laborlens.notifications import services, tasks
from laborlens.notifications.models import Delivery, Kind, Notification
from laborlens.victims.models import Consent, Partner, Referral, VictimRecord
from tests.notifications.conftest import run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)

SEPARATORS = re.compile(r"[\s().,;:\-/\\+_#'\"]")


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield value.strip()
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def demo_identities() -> tuple[set[str], set[str]]:
    """(names of people, other values): every identifying value of every demo person,
    decrypted, and the names of businesses, organisations and cases around them."""
    names: set[str] = set()
    values: set[str] = set()
    for person in Person.objects.all():
        names |= set(strings([person.full_name, person.aliases, person.pseudonym]))
        values |= set(strings([person.date_of_birth, person.phones, person.emails, person.address,
                               person.city, person.id_documents, person.notes, person.justification]))
    for record in VictimRecord.objects.all():
        values |= set(strings([record.contact_phone, record.safe_contact, record.narrative,
                               record.immigration_status, record.threat_details]))
    for consent in Consent.objects.all():
        names |= set(strings(consent.signature))
    for entity in Entity.objects.all():
        names |= set(strings(entity.owners))
        values |= set(strings([entity.name, entity.addresses, entity.phones, entity.identifiers, entity.notes]))
    for referral in Referral.objects.all():
        values |= set(strings([referral.note, referral.shared]))
    for case in Case.objects.all():  # case titles may hold names; numbers are not sent either
        values |= set(strings([case.title, case.number]))
    values |= set(Partner.objects.values_list("name", flat=True))
    return names, values


def needles(names: set[str], values: set[str]) -> tuple[set[str], set[str]]:
    """(words, runs): folded names and values, every name's words of 4+ letters, and the
    digit runs (phones, documents, dates) with separators removed."""
    words: set[str] = set()
    runs: set[str] = set()
    for value in names | values:
        folded = fold(value)[0]
        if len(folded) >= 3:
            words.add(folded)
        squeezed = SEPARATORS.sub("", folded)
        if sum(char.isdigit() for char in squeezed) >= 5:
            runs.add(squeezed)
        digits = "".join(char for char in folded if char.isdigit())
        if len(digits) >= 7:  # a phone written another way: its last seven digits
            runs.add(digits[-7:])
    for name in names:
        words |= {token for token in re.findall(r"[^\W\d_]{4,}", fold(name)[0])}
    return words, runs


def whole_text(message: EmailMessage) -> str:
    headers = "\n".join(f"{key}: {value}" for key, value in message.items())
    return f"{headers}\n{text_of(message)}"


def test_no_demo_identity_reaches_any_mail(smtp, settings):
    settings.DEMO_MODE = True
    users = load_demo()
    people = sorted(users.values(), key=lambda user: user.pk)
    for position, user in enumerate(people):
        # The two with reminders due in the demo take them as a daily summary.
        delivery = Delivery.DIGEST if user.username in {"investigator", "advocate"} else Delivery.IMMEDIATE
        services.save_preferences(user, {kind: (True, delivery) for kind in Kind.values},
                                  language="en" if position % 2 else "es")
    tasks.notify_due.enqueue()
    run_worker()
    tasks.notify_digest.enqueue()
    run_worker()

    # Mail was delivered, of the kinds the demo has, in both languages, and as summaries.
    sent = Notification.objects.filter(status=Notification.Status.SENT)
    assert not Notification.objects.exclude(status=Notification.Status.SENT).exists()
    assert {Kind.REFERRAL_RECEIVED, Kind.REFERRAL_ANSWERED, Kind.DECONFLICTION} <= set(sent.values_list("kind", flat=True))
    texts = [whole_text(message) for _rcpts, message in smtp.received]
    assert len(texts) >= 5
    assert any("Se envió una remisión" in text for text in texts)
    assert any("Open it in LaborLens" in text for text in texts)
    assert any("your daily summary" in text for text in texts)
    assert any("su resumen diario" in text for text in texts)

    names, values = demo_identities()
    assert len(names) > 10 and len(values) > 10  # the check has something to find
    words, runs = needles(names, values)
    for text in texts:
        folded = fold(text)[0]
        squeezed = SEPARATORS.sub("", folded)
        found = sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded))
        found += sorted(r for r in runs if r in squeezed)
        assert not found, (found, text)
