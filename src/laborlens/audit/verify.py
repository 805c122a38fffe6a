"""Walk the chain and report the first event that was edited, deleted or reordered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from laborlens.audit.chain import GENESIS_HASH, event_digest, hashed_fields
from laborlens.audit.models import AuditChainHead, AuditEvent


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    problem: str = ""
    seq: int | None = None


def verify_chain(progress: Callable[[int], None] | None = None) -> VerifyResult:
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    rows = AuditEvent.objects.order_by("seq").iterator(chunk_size=5000)
    for event in rows:
        if event.seq != expected_seq:
            return VerifyResult(
                False, checked, f"events {expected_seq}..{event.seq - 1} are missing (deleted)",
                expected_seq,
            )
        if event.prev_hash != prev_hash:
            return VerifyResult(
                False, checked,
                f"event {event.seq} does not follow event {event.seq - 1} (deleted or reordered)",
                event.seq,
            )
        fields = hashed_fields(
            seq=event.seq,
            created_at=event.created_at,
            tag=event.tag,
            outcome=event.outcome,
            actor_id=event.actor_id,
            actor_label=event.actor_label,
            agency_id=event.agency_id,
            ip=event.ip,
            object_type=event.object_type,
            object_id=event.object_id,
            detail=event.detail,
        )
        if event_digest(settings.AUDIT_CHAIN_KEY, fields, prev_hash) != event.hash:
            return VerifyResult(
                False, checked, f"event {event.seq} was edited (its hash does not match)",
                event.seq,
            )
        prev_hash = event.hash
        expected_seq += 1
        checked += 1
        if progress and checked % 10000 == 0:
            progress(checked)
    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = head.last_seq if head else 0
    if last_seq != checked or (head and head.last_hash != prev_hash):
        return VerifyResult(
            False, checked,
            f"the chain head names event {last_seq} but the trail ends at {checked} "
            "(events at the end were deleted)",
            checked + 1,
        )
    return VerifyResult(True, checked)
