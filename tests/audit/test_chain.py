from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection, transaction

from laborlens.audit.events import record_event
from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from laborlens.audit.verify import verify_chain
from laborlens.cli import main
from laborlens.core.querysets import AuditBypassError, AuditedQuerySet


def make_events(count: int = 5) -> None:
    for number in range(count):
        record_event(EventTag.LOGIN_FAILURE, actor_label=f"user{number}", outcome="failure",
                     detail={"n": number})


def raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_an_intact_chain_verifies():
    make_events()
    result = verify_chain()
    assert result.ok and result.checked == 5


@pytest.mark.django_db
def test_an_edited_event_is_found():
    make_events()
    raw("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["mallory", 3])
    result = verify_chain()
    assert not result.ok and result.seq == 3 and "edited" in result.problem


@pytest.mark.django_db
def test_an_edited_detail_is_found():
    make_events()
    raw("UPDATE audit_auditevent SET outcome = %s WHERE seq = %s", ["success", 2])
    assert verify_chain().seq == 2


@pytest.mark.django_db
def test_a_deleted_event_is_found():
    make_events()
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    result = verify_chain()
    assert not result.ok and result.seq == 2 and "deleted" in result.problem


@pytest.mark.django_db
def test_deleted_events_at_the_end_are_found():
    make_events()
    raw("DELETE FROM audit_auditevent WHERE seq >= %s", [4])
    result = verify_chain()
    assert not result.ok and "end" in result.problem


@pytest.mark.django_db
def test_reordered_events_are_found():
    make_events()
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [1000, 2])
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [2, 3])
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [3, 1000])
    result = verify_chain()
    assert not result.ok and result.seq == 2


@pytest.mark.django_db
def test_cli_verify_reports_the_first_broken_event(capsys):
    make_events()
    assert main(["audit", "verify"]) == 0
    assert "OK" in capsys.readouterr().out
    raw("UPDATE audit_auditevent SET tag = %s WHERE seq = %s", ["accounts:login:success", 4])
    assert main(["audit", "verify"]) == 1
    assert "event 4" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_event():
    make_events(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(EventTag.USER_CREATED, actor_label="x")
        raise RuntimeError("the change failed")
    assert AuditEvent.objects.count() == 1
    make_events(1)
    assert verify_chain().ok


@pytest.mark.django_db
def test_events_are_append_only_through_the_orm():
    make_events(1)
    event = AuditEvent.objects.get()
    event.outcome = "success"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(outcome="x")


def test_tags_must_be_typed():
    with pytest.raises(TypeError):
        record_event("accounts:login:success")  # type: ignore[arg-type]


@pytest.mark.django_db
def test_log_injection_is_neutralised():
    event = record_event(EventTag.LOGIN_FAILURE, actor_label="bob\nFAKE accounts:login:success",
                         detail={"reason": "x\r\ny"})
    assert "\n" not in event.actor_label and "\r" not in event.detail["reason"]


@pytest.mark.django_db
def test_audited_models_refuse_bulk_writes():
    audited = [model for model in apps.get_models()
               if isinstance(model._default_manager.all(), AuditedQuerySet)]
    assert {model.__name__ for model in audited} >= {"User", "Agency", "TaskForce"}
    for model in audited:
        with pytest.raises(AuditBypassError):
            model._default_manager.all().update()
        with pytest.raises(AuditBypassError):
            model._default_manager.bulk_create([])
        with pytest.raises(AuditBypassError):
            model._default_manager.bulk_update([], [])
