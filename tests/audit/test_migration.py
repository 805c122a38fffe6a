"""Migration 0002 seals the old hash chain into checkpoint 1; a broken chain stops it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from laborlens.audit.chain import GENESIS_HASH, event_digest, hashed_fields
from laborlens.audit.models import AuditCheckpoint, AuditEvent
from laborlens.audit.seal import seal_all
from laborlens.audit.verify import verify_log

pytestmark = [pytest.mark.django_db(transaction=True)]
OLD, NEW = [("audit", "0001_initial")], [("audit", "0002_merkle_log")]


def migrate(target: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def old_chain(apps, count: int) -> None:
    """Events exactly as the old record_event wrote them (chained HMACs, a head row)."""
    event_model, head_model = apps.get_model("audit", "AuditEvent"), apps.get_model("audit", "AuditChainHead")
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        now = timezone.now()
        fields = hashed_fields(seq=seq, created_at=now, tag="accounts:login:failure", outcome="failure",
                               actor_id=None, actor_label=f"old{seq}", agency_id=None, ip="",
                               object_type="", object_id="", detail={"n": seq})
        digest = event_digest(settings.AUDIT_CHAIN_KEY, fields, prev)
        event_model.objects.create(seq=seq, created_at=now, tag=fields["tag"], outcome="failure",
                                   actor_label=fields["actor_label"], detail=fields["detail"],
                                   prev_hash=prev, hash=digest)
        prev = digest
    head_model.objects.create(pk=1, last_seq=count, last_hash=prev)


def test_the_old_chain_is_sealed_into_the_first_checkpoint_and_keeps_verifying():
    try:
        old_chain(migrate(OLD), 6)
        migrate(NEW)
        checkpoint = AuditCheckpoint.objects.get()
        assert (checkpoint.number, checkpoint.tree_size, checkpoint.last_seq) == (1, 6, 6)
        from laborlens.audit.events import record_event
        from laborlens.audit.tags import EventTag

        new = record_event(EventTag.LOGIN_FAILURE, actor_label="new")
        assert new.seq > 6
        seal_all()
        assert verify_log().ok and verify_log().checked == 7
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET actor_label = 'x' WHERE seq = 4")
        result = verify_log()
        assert not result.ok and result.seq == 4
    finally:
        migrate([("audit", "0002_merkle_log")])


def test_a_broken_old_chain_stops_the_migration():
    try:
        apps = migrate(OLD)
        old_chain(apps, 4)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET actor_label = 'x' WHERE seq = 3")
        with pytest.raises(RuntimeError, match="event 3"):
            migrate(NEW)
        assert "audit_auditchainhead" in connection.introspection.table_names()  # rolled back
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent")
            cursor.execute("DELETE FROM audit_auditchainhead")
        migrate(NEW)
        assert AuditEvent.objects.count() == 0
