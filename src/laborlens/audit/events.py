"""``record_event``: the single way anything is written to the audit trail."""

from __future__ import annotations

import contextlib
import ipaddress
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from laborlens.audit.chain import event_hmac, hashed_fields
from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag

if TYPE_CHECKING:
    from laborlens.accounts.models import User

_no_block = contextlib.nullcontext

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


# The id sequence, looked up by PostgreSQL for each statement as before (no name cached here).
_NEXTVAL = "SELECT nextval(pg_get_serial_sequence('" + AuditEvent._meta.db_table + "', 'id'))"
# Every column record_event writes, in this order: one prebuilt INSERT instead of the ORM's
# save() machinery (half the cost of an append in the profile; BENCHMARKS.md "Cheaper requests").
_COLUMNS = ("id", "seq", "created_at", "tag", "outcome", "actor_id", "actor_label", "agency_id", "ip",
            "object_type", "object_id", "detail", "prev_hash", "hash")
_FIELDS = [AuditEvent._meta.get_field(name) for name in _COLUMNS]
_inserts: dict[str, str] = {}


def _insert_sql() -> str:
    """``INSERT INTO audit_auditevent (...) VALUES (%s, ...)`` quoted for this connection."""
    vendor = connection.vendor
    sql = _inserts.get(vendor)
    if sql is None:
        quote = connection.ops.quote_name
        # Only the model's own table and column names go into the text; every value is a parameter.
        sql = (f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({', '.join(quote(f.column) for f in _FIELDS)}) "  # noqa: S608
               f"VALUES ({', '.join(['%s'] * len(_FIELDS))})")
        _inserts[vendor] = sql
    return sql


def _insert(event: AuditEvent) -> None:
    """The INSERT ``event.save(force_insert=True)`` runs (the same values, prepared by each
    field for this database), without the ORM's per-save work. AuditEvent has no save
    signals; its ``save`` only refuses updates, which a fresh insert never is."""
    params = [field.get_db_prep_save(getattr(event, field.attname), connection) for field in _FIELDS]
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(), params)
    event._state.adding = False
    event._state.db = connection.alias


def next_seq() -> int:
    """A fresh event number from the database, without a lock or a read of other rows.

    PostgreSQL: ``nextval`` of the table's own id sequence (never handed out twice, not
    rolled back, so a rolled-back event leaves a gap the sealer records). SQLite allows one
    writer at a time and LaborLens opens its transactions IMMEDIATE, so the table's
    AUTOINCREMENT counter in ``sqlite_sequence`` is bumped in the same transaction.
    """
    table = AuditEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_NEXTVAL)
            return int(cursor.fetchone()[0])
        cursor.execute("UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = %s RETURNING seq", [table])
        row = cursor.fetchone()
        if row is not None:
            return int(row[0])
        cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM " + connection.ops.quote_name(table))  # noqa: S608
        first = int(cursor.fetchone()[0])
        cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, first])
        return first


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

    No lock and no read of a head row: the event gets the next number of a database
    sequence and an HMAC of its own fields, and is inserted; a rollback of the caller's
    change rolls the event back too (leaving only a gap in the numbers). The sealer later
    adds committed events to the signed Merkle log.
    """
    if not isinstance(tag, EventTag):
        raise TypeError(f"audit tags must be EventTag members, not {tag!r}")
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    # On PostgreSQL the number and the insert need no transaction of their own (one INSERT;
    # a failed one leaves a gap); SQLite needs the counter bump and the insert together.
    block = transaction.atomic() if connection.vendor != "postgresql" else _no_block()
    with block:
        seq = next_seq()
        now = timezone.now()
        fields = hashed_fields(
            seq=seq,
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
        event = AuditEvent(
            id=seq,
            seq=seq,
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
            hash=event_hmac(settings.AUDIT_CHAIN_KEY, fields),
        )
        _insert(event)
    return event
