"""The HMAC of one event and its Merkle leaf: pure functions shared by record_event, the
sealer and the verifier."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64
LEAF_CONTEXT = b"laborlens-audit-leaf-v1\n"
# The payload of every event appended since migration 0002 says so, and never has a
# ``prev_hash`` key: no HMAC of one scheme can pass for the other.
SCHEME = 2


def canonical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _hmac(key: str, payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def event_hmac(key: str, fields: dict[str, Any]) -> str:
    """The HMAC of one event on its own (its number is one of its fields)."""
    return _hmac(key, {**fields, "v": SCHEME})


def event_digest(key: str, fields: dict[str, Any], prev_hash: str) -> str:
    """The old chained HMAC (events written before migration 0002), kept to verify them."""
    return _hmac(key, {**fields, "prev_hash": prev_hash})


def expected_hmac(key: str, fields: dict[str, Any], prev_hash: str) -> str:
    return event_digest(key, fields, prev_hash) if prev_hash else event_hmac(key, fields)


def leaf_data(seq: int, digest: str) -> bytes:
    """What the Merkle log holds for one event: its number and its HMAC."""
    return LEAF_CONTEXT + seq.to_bytes(8, "big") + bytes.fromhex(digest)


def ranges(numbers: list[int]) -> list[list[int]]:
    """[3, 4, 5, 9] -> [[3, 5], [9, 9]] (numbers sorted)."""
    out: list[list[int]] = []
    for number in numbers:
        if out and out[-1][1] == number - 1:
            out[-1][1] = number
        else:
            out.append([number, number])
    return out


def in_ranges(number: int, spans: list[list[int]]) -> bool:
    return any(low <= number <= high for low, high in spans)


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
