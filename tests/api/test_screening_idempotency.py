"""A screening queued on a phone is sent with a client-chosen key (a UUID): sending it again,
after a reply lost to a dropped connection, finds the first copy instead of making a second
(issue 17, part 1). Keys are unique per agency."""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import IntegrityError, transaction

from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from laborlens.screening import services
from laborlens.screening.models import Screening
from tests.api.conftest import bearer

ANSWERS = {"cd_debt_bondage": {"value": "present"}, "cd_confiscation_of_documents": {"value": "present"},
           "ex_excessive_hours": {"value": "absent", "source": "observed"}}


def body(key, **extra):
    return {"label": "Field 2026-12-04 06:10", "age_group": "adult", "setting": "workplace",
            "question_language": "es", "idempotency_key": str(key), "answers": ANSWERS, "complete": True, **extra}


def post(client, payload, **headers):
    return client.post("/api/v1/screenings/", data=json.dumps(payload), content_type="application/json", **headers)


def test_sending_twice_creates_one_screening(world):
    client, _ = bearer(world.officer)
    key = uuid.uuid4()
    first = post(client, body(key))
    assert first.status_code == 201, first.content
    again = post(client, body(key))
    assert again.status_code == 200, again.content
    assert again.json()["id"] == first.json()["id"]
    assert Screening.objects.filter(idempotency_key=key).count() == 1
    screening = Screening.objects.get(idempotency_key=key)
    assert screening.created_by == world.officer and screening.agency == world.agency_a
    assert screening.completed_at is not None
    assert set(screening.present_indicators) == {"cd_debt_bondage", "cd_confiscation_of_documents"}
    assert screening.answers["ex_excessive_hours"] == {"value": "absent", "source": "observed", "note": ""}
    assert screening.reading == services.assess(screening.answers, "adult")["reading"]
    # One creation in the audit trail; the replay is a read of what it returns.
    events = AuditEvent.objects.filter(object_id=str(screening.pk))
    assert events.filter(tag=EventTag.SCREENING_CREATED).count() == 1
    assert events.filter(tag=EventTag.SCREENING_VIEWED, detail__idempotent_replay=True).count() == 1


def test_a_replay_changes_nothing_even_with_other_answers(world):
    client, _ = bearer(world.officer)
    key = uuid.uuid4()
    first = post(client, body(key)).json()
    changed = post(client, body(key, answers={"cd_threats_of_violence": {"value": "present"}}, label="Other"))
    assert changed.status_code == 200
    screening = Screening.objects.get(pk=first["id"])
    assert screening.label == first["label"] and "cd_threats_of_violence" not in screening.answers
    assert screening.version == first["version"]


def test_a_key_taken_in_the_agency_by_someone_else_is_a_conflict(world):
    key = uuid.uuid4()
    assert post(bearer(world.officer)[0], body(key)).status_code == 201
    taken = post(bearer(world.investigator)[0], body(key))
    assert taken.status_code == 409 and taken.json()["type"].endswith("/409")
    assert "Matrix" not in taken.content.decode() and "Field" not in taken.content.decode()
    assert Screening.objects.filter(idempotency_key=key).count() == 1


def test_keys_are_scoped_to_the_agency(world):
    key = uuid.uuid4()
    assert post(bearer(world.officer)[0], body(key)).status_code == 201
    other = post(bearer(world.outsider)[0], body(key))
    assert other.status_code == 201
    assert sorted(Screening.objects.filter(idempotency_key=key).values_list("agency_id", flat=True)) == sorted(
        [world.agency_a.pk, world.agency_b.pk])


@pytest.mark.parametrize("payload", [
    {"idempotency_key": "not-a-uuid"},
    {"idempotency_key": 0},  # DRF would read an integer as UUID(int=0); the schema says string
    {"answers": {"no_such_indicator": {"value": "present"}}},
    {"answers": {"cd_debt_bondage": {"value": "maybe"}}},
    {"complete": "yes"},
])
def test_bad_requests_say_why_and_create_nothing(world, payload):
    client, _ = bearer(world.officer)
    response = post(client, body(uuid.uuid4()) | payload)
    assert response.status_code == 400, response.content
    assert not Screening.objects.exists()


def test_the_database_refuses_a_second_row_with_the_same_key(world):
    key = uuid.uuid4()
    screening, created = services.create_once(user=world.officer, idempotency_key=key, label="A", age_group="adult",
                                              setting="other", question_language="en", answers={})
    assert created
    with pytest.raises(IntegrityError), transaction.atomic():
        Screening.objects.create(agency=world.agency_a, created_by=world.officer, label="B", idempotency_key=key)
    # Screenings started on the web have no key; many may share "none".
    for label in ("C", "D"):
        services.create(user=world.officer, label=label, age_group="adult", setting="other", question_language="en")
    assert Screening.objects.filter(idempotency_key__isnull=True).count() == 2


def test_the_phone_sends_with_its_session_and_csrf_token(world, login):
    """The field page posts with the signed-in session: the CSRF token is required."""
    client = login(world.officer)
    client.handler.enforce_csrf_checks = True
    key = uuid.uuid4()
    refused = post(client, body(key))
    assert refused.status_code == 403
    token = client.get("/screening/field/token/").json()["csrf"]
    sent = post(client, body(key), HTTP_X_CSRFTOKEN=token)
    assert sent.status_code == 201, sent.content
    assert post(client, body(key), HTTP_X_CSRFTOKEN=token).status_code == 200
    assert Screening.objects.count() == 1


def test_without_a_key_a_screening_is_started_as_before(world):
    client, _ = bearer(world.officer)
    response = post(client, {"label": "Worker", "age_group": "adult"})
    assert response.status_code == 201
    assert response.json()["idempotency_key"] is None
    assert post(client, {"label": "Worker", "age_group": "adult"}).status_code == 201
    assert Screening.objects.count() == 2


def test_two_sends_at_once_leave_one_screening(world, monkeypatch):
    """The second of two simultaneous sends does not see the first before inserting (as when
    both pass the look-up together): the database constraint stops it and it answers with
    the first screening."""
    key = uuid.uuid4()
    first, created = services.create_once(user=world.officer, idempotency_key=key, label="A", age_group="adult",
                                          setting="other", question_language="en", answers=ANSWERS)
    assert created
    look_up = services._by_key
    calls = []

    def not_yet_visible(user, idempotency_key):
        calls.append(idempotency_key)
        return None if len(calls) == 1 else look_up(user, idempotency_key)

    monkeypatch.setattr(services, "_by_key", not_yet_visible)
    second, created = services.create_once(user=world.officer, idempotency_key=key, label="A", age_group="adult",
                                           setting="other", question_language="en", answers=ANSWERS)
    assert not created and second.pk == first.pk and len(calls) == 2
    assert Screening.objects.filter(idempotency_key=key).count() == 1
