"""``record_event``: the single way anything is written to the audit trail."""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from laborlens.audit.chain import event_digest, hashed_fields
from laborlens.audit.models import AuditChainHead, AuditEvent
from laborlens.audit.tags import EventTag

if TYPE_CHECKING:
    from laborlens.accounts.models import User

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
MAX_TEXT = 200


def clean_text(value: object) -> str:
    """Log-injection safe: no control characters or newlines, bounded length."""
    return CONTROL_CHARACTERS.sub(" ", str(value))[:MAX_TEXT]


def clean_detail(detail: dict[str, Any] | None) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in (detail or {}).items():
        if isinstance(value, bool | int) or value is None:
            cleaned[clean_text(key)] = value
        elif isinstance(value, list | tuple):
            cleaned[clean_text(key)] = [clean_text(item) for item in value][:50]
        else:
            cleaned[clean_text(key)] = clean_text(value)
    return cleaned


def client_ip(request: HttpRequest | None) -> str:
    """REMOTE_ADDR, or the proxy's last hop when a trusted proxy is configured."""
    if request is None:
        return ""
    candidate = request.META.get("REMOTE_ADDR", "")
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            candidate = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return ""


def record_event(
    tag: EventTag,
    *,
    request: HttpRequest | None = None,
    actor: User | None = None,
    obj: models.Model | None = None,
    outcome: str = "success",
    detail: dict[str, Any] | None = None,
    actor_label: str = "",
    ip: str | None = None,
) -> AuditEvent:
    """Append one event, inside the caller's transaction when there is one.

    The chain head row is locked for the append, so concurrent writers queue instead of
    forking the chain; a rollback of the caller's change rolls the event back too.
    """
    if not isinstance(tag, EventTag):
        raise TypeError(f"audit tags must be EventTag members, not {tag!r}")
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user  # type: ignore[assignment]
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        now = timezone.now()
        fields = hashed_fields(
            seq=head.last_seq + 1,
            created_at=now,
            tag=tag.value,
            outcome=clean_text(outcome),
            actor_id=actor.pk if actor is not None else None,
            actor_label=clean_text(actor.username if actor is not None else actor_label),
            agency_id=actor.agency_id if actor is not None else None,
            ip=client_ip(request) if ip is None else ip,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            detail=clean_detail(detail),
        )
        digest = event_digest(settings.AUDIT_CHAIN_KEY, fields, head.last_hash)
        event = AuditEvent(
            seq=fields["seq"],
            created_at=now,
            tag=fields["tag"],
            outcome=fields["outcome"],
            actor_id=fields["actor_id"],
            actor_label=fields["actor_label"],
            agency_id=fields["agency_id"],
            ip=fields["ip"],
            object_type=fields["object_type"],
            object_id=fields["object_id"],
            detail=fields["detail"],
            prev_hash=head.last_hash,
            hash=digest,
        )
        event.save()
        head.last_seq = event.seq
        head.last_hash = digest
        head.save(update_fields=["last_seq", "last_hash"])
    return event
