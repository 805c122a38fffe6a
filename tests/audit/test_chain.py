"""Appending, sealing and verifying the audit log; tampering with raw SQL is named."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import override_settings

from laborlens.audit.events import record_event
from laborlens.audit.models import AuditCheckpoint, AuditEvent
from laborlens.audit.seal import seal, seal_all, seal_once
from laborlens.audit.tags import EventTag
from laborlens.audit.verify import NotSealedError, prove, verify_log
from laborlens.cli import main
from laborlens.core.querysets import AuditBypassError, AuditedQuerySet


def make_events(count: int = 5) -> list[int]:
    return [record_event(EventTag.LOGIN_FAILURE, actor_label=f"user{number}", outcome="failure",
                         detail={"n": number}).seq for number in range(count)]


def raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_events_get_increasing_numbers_and_an_intact_log_verifies():
    seqs = make_events()
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    assert verify_log().ok  # unsealed, fresh: fine
    [checkpoint] = seal_all()
    assert (checkpoint.tree_size, checkpoint.first_seq, checkpoint.last_seq) == (5, 1, seqs[-1])
    seqs += make_events(3)
    seal_all()
    result = verify_log()
    assert result.ok and result.checked == 8 and result.last_checkpoint.tree_size == 8
    assert seal(None).checkpoint is None  # nothing new: no checkpoint


@pytest.mark.django_db
def test_an_edited_detail_is_named_sealed_or_not():
    seqs = make_events()
    seal_all()
    raw("UPDATE audit_auditevent SET detail = %s WHERE seq = %s", ['{"n": 99}', seqs[2]])
    result = verify_log()
    assert not result.ok and result.seq == seqs[2] and "altered" in result.problem
    more = make_events(2)
    raw("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["mallory", more[1]])
    raw("UPDATE audit_auditevent SET detail = %s WHERE seq = %s", ['{"n": 2}', seqs[2]])
    assert verify_log().seq == more[1]  # not sealed yet, still checked


@pytest.mark.django_db
def test_a_deleted_event_is_named():
    seqs = make_events()
    seal_all()
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [seqs[1]])
    result = verify_log()
    assert not result.ok and result.seq == seqs[1] and "removed" in result.problem


@pytest.mark.django_db
def test_deleted_events_at_the_end_of_a_checkpoint_are_named():
    seqs = make_events()
    seal_all()
    raw("DELETE FROM audit_auditevent WHERE seq >= %s", [seqs[3]])
    result = verify_log()
    assert not result.ok and result.seq == seqs[3] and "removed" in result.problem


@pytest.mark.django_db
def test_swapped_events_are_named():
    seqs = make_events()
    seal_all()
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [10_000, seqs[1]])
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [seqs[1], seqs[2]])
    raw("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [seqs[2], 10_000])
    result = verify_log()
    assert not result.ok and result.seq == seqs[1]


@pytest.mark.django_db
def test_an_event_hidden_as_a_gap_breaks_the_signed_root():
    """Removing a row and recording its number as a gap: every HMAC passes, the root does not."""
    seqs = make_events()
    seal_all()
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [seqs[2]])
    gaps = [*AuditCheckpoint.objects.get(number=1).gaps, [seqs[2], seqs[2]]]
    raw("UPDATE audit_auditcheckpoint SET gaps = %s WHERE number = 1", [json.dumps(gaps)])
    result = verify_log()
    assert not result.ok and result.checkpoint == 1 and "Merkle root" in result.problem


@pytest.mark.django_db
def test_an_edited_checkpoint_root_is_named():
    make_events()
    seal_all()
    make_events(2)
    seal_all()
    raw("UPDATE audit_auditcheckpoint SET root_hash = %s WHERE number = 2", ["ab" * 32])
    result = verify_log()
    assert not result.ok and result.checkpoint == 2 and result.seq is None


@pytest.mark.django_db
def test_a_removed_checkpoint_is_named():
    for _ in range(3):
        make_events(2)
        seal_all()
    raw("DELETE FROM audit_auditcheckpoint WHERE number = %s", [2])
    result = verify_log()
    assert not result.ok and result.checkpoint == 2 and "missing" in result.problem


@pytest.mark.django_db
def test_a_checkpoint_signed_with_another_key_is_refused():
    make_events()
    with override_settings(AUDIT_SIGNING_KEY="3q2-7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs="):
        seal_all()
    result = verify_log()
    assert not result.ok and result.checkpoint == 1 and "signature" in result.problem


@pytest.mark.django_db
def test_unsealed_events_older_than_the_bound_are_reported():
    seqs = make_events(3)
    seal_all()
    late = make_events(2)
    with override_settings(AUDIT_SEAL_BOUND_SECONDS=0):
        result = verify_log()
    assert result.ok and result.unsealed == late
    assert verify_log().unsealed == []  # within the default bound
    seal_all()
    with override_settings(AUDIT_SEAL_BOUND_SECONDS=0):
        assert verify_log().unsealed == [] and seqs


@pytest.mark.django_db
def test_seal_stops_at_the_bound_and_records_gaps():
    seqs = make_events(4)
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [seqs[1]])  # a rolled-back event's number
    [checkpoint] = seal_all(upto=seqs[2])
    assert checkpoint.last_seq == seqs[2] and checkpoint.gaps[-1] == [seqs[1], seqs[1]]
    assert checkpoint.tree_size == 2
    assert verify_log().ok


@pytest.mark.django_db(transaction=True)
def test_an_event_that_commits_after_its_number_was_passed_is_sealed_late():
    """A transaction holding number n stays open while the sealer seals n+1: n is a gap,
    and when it commits the next checkpoint seals it as a late leaf."""
    first = make_events(1)[0]
    straggler = record_event(EventTag.LOGIN_FAILURE, actor_label="slow")
    after = make_events(2)
    # Simulate the open transaction: the row appears only after the sealer passed it.
    row = AuditEvent.objects.filter(seq=straggler.seq).values().get()
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [straggler.seq])
    [one] = seal_all()
    assert one.gaps[-1] == [straggler.seq, straggler.seq] and one.last_seq == after[-1]
    AuditEvent.objects.bulk_create([AuditEvent(**row)])
    assert verify_log().ok
    [two] = seal_all()
    assert two.late == [straggler.seq] and two.tree_size == 4 and two.first_seq == after[-1] + 1
    result = verify_log()
    assert result.ok and result.checked == 4 and first
    assert prove(straggler.seq).verified


@pytest.mark.django_db
def test_verify_starts_from_the_last_good_checkpoint(capsys):
    seqs = make_events(3)
    seal_all()
    assert main(["audit", "verify"]) == 0
    assert "audit log OK" in capsys.readouterr().out
    make_events(2)
    seal_all()
    # An edit inside the part already verified is not read again unless --full.
    raw("UPDATE audit_auditevent SET detail = %s WHERE seq = %s", ['{"n": 7}', seqs[0]])
    assert main(["audit", "verify"]) == 0
    assert "since checkpoint 1" in capsys.readouterr().out
    assert main(["audit", "verify", "--full"]) == 1
    assert f"event {seqs[0]}" in capsys.readouterr().err


@pytest.mark.django_db
def test_cli_seal_verify_and_prove(capsys, settings):
    settings.AUDIT_SEAL_GRACE_SECONDS = 0
    seqs = make_events()
    assert main(["audit", "seal"]) == 0
    assert "checkpoint 1" in capsys.readouterr().out
    assert main(["audit", "prove", str(seqs[3])]) == 0
    out = capsys.readouterr().out
    assert "leaf 3 of 5" in out and "verified" in out
    raw("UPDATE audit_auditevent SET tag = %s WHERE seq = %s", ["accounts:login:success", seqs[3]])
    assert main(["audit", "prove", str(seqs[3])]) == 1
    assert main(["audit", "verify"]) == 1
    assert f"event {seqs[3]}" in capsys.readouterr().err


@pytest.mark.django_db
def test_inclusion_proofs_verify_for_every_leaf_and_fail_for_an_altered_hash():
    seqs = make_events(7)
    seal_all(upto=seqs[2])
    seal_all()
    for seq in seqs:
        proof = prove(seq)
        assert proof.verified and proof.checkpoint.tree_size == 7
    raw("UPDATE audit_auditevent SET hash = %s WHERE seq = %s", ["00" * 32, seqs[5]])
    assert not prove(seqs[5]).verified
    with pytest.raises(NotSealedError):
        prove(make_events(1)[0])


@pytest.mark.django_db
def test_seal_once_waits_the_grace_period_and_seals_what_it_saw(settings):
    settings.AUDIT_SEAL_GRACE_SECONDS = 0
    make_events(2)
    assert [c.tree_size for c in seal_once()] == [2]
    assert seal_once() == []


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_event():
    make_events(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(EventTag.USER_CREATED, actor_label="x")
        raise RuntimeError("the change failed")
    assert AuditEvent.objects.count() == 1
    make_events(1)
    seal_all()
    assert verify_log().ok and AuditCheckpoint.objects.get().tree_size == 2


@pytest.mark.django_db
def test_events_and_checkpoints_are_append_only_through_the_orm():
    make_events(1)
    seal_all()
    event = AuditEvent.objects.get()
    event.outcome = "success"
    checkpoint = AuditCheckpoint.objects.get()
    for row in (event, checkpoint):
        with pytest.raises(PermissionError):
            row.save()
        with pytest.raises(PermissionError):
            row.delete()
    for model in (AuditEvent, AuditCheckpoint):
        with pytest.raises(PermissionError):
            model.objects.all().delete()
        with pytest.raises(PermissionError):
            model.objects.update(id=1)


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


@pytest.mark.django_db
def test_a_removed_last_event_after_a_gap_is_named():
    seqs = make_events(4)
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [seqs[2]])  # a gap the sealer records
    seal_all()
    raw("DELETE FROM audit_auditevent WHERE seq = %s", [seqs[3]])
    result = verify_log()
    assert not result.ok and result.seq == seqs[3] and "removed" in result.problem


@pytest.mark.django_db
def test_many_checkpoints_verify_in_one_pass():
    seqs = []
    for _ in range(12):
        seqs += make_events(3)
        seal_all()
    result = verify_log()
    assert result.ok and result.checked == 36 and result.last_checkpoint.number == 12
    raw("UPDATE audit_auditevent SET outcome = %s WHERE seq = %s", ["success", seqs[20]])
    result = verify_log()
    assert not result.ok and result.seq == seqs[20] and result.checkpoint == 7


@pytest.mark.django_db
def test_an_appended_event_is_stored_as_returned_and_counts_as_saved():
    """record_event writes with one prebuilt INSERT, not save(): what it returns is what the
    table holds, field by field, and the instance is a saved one (append-only rules apply)."""
    event = record_event(EventTag.CASE_VIEWED, actor_label="reader", ip="10.0.0.1",
                         detail={"number": "X-1", "first_page": True, "count": 3, "people": ["a", "b"]})
    stored = AuditEvent.objects.get(seq=event.seq)
    for field in AuditEvent._meta.concrete_fields:
        assert getattr(stored, field.attname) == getattr(event, field.attname), field.name
    assert stored.pk == stored.seq == event.pk
    assert not event._state.adding
    with pytest.raises(PermissionError):
        event.save()
    assert verify_log().ok
