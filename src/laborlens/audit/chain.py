"""The hash of one event: pure functions shared by record_event and the verifier."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def event_digest(key: str, fields: dict[str, Any], prev_hash: str) -> str:
    payload = json.dumps(
        {**fields, "prev_hash": prev_hash}, sort_keys=True, separators=(",", ":"), default=str
    )
    return hmac.new(key.encode(), payload.encode(), hashlib.sha256).hexdigest()


def hashed_fields(
    *,
    seq: int,
    created_at: datetime,
    tag: str,
    outcome: str,
    actor_id: int | None,
    actor_label: str,
    agency_id: int | None,
    ip: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any],
) -> dict[str, Any]:
    return {
        "seq": seq,
        "created_at": canonical_time(created_at),
        "tag": tag,
        "outcome": outcome,
        "actor_id": actor_id,
        "actor_label": actor_label,
        "agency_id": agency_id,
        "ip": ip,
        "object_type": object_type,
        "object_id": object_id,
        "detail": detail,
    }
