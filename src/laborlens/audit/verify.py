"""Check the audit log and name the first event or checkpoint that does not match.

For every checkpoint after the starting one: its events (late ones first, then its range of
numbers minus its gaps) each have the HMAC of their own fields; a number in the range with
no event and not recorded as a gap is a removed event; the Merkle root of the leaves so far
equals the checkpoint's root, whose signature verifies with a trusted public key. After the
last checkpoint, the unsealed events' HMACs are checked and those older than the sealing
bound are reported. ``verify_log(full=False)`` starts from the checkpoint that the last
successful verification recorded (its event is itself HMAC-checked), so a nightly check
reads only what was sealed since.
"""

from __future__ import annotations

import base64
import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from laborlens.audit import merkle
from laborlens.audit.chain import expected_hmac, hashed_fields, leaf_data
from laborlens.audit.models import AuditCheckpoint, AuditEvent
from laborlens.audit.seal import gap_lookup, in_gaps
from laborlens.audit.tags import EventTag


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    problem: str = ""
    seq: int | None = None
    checkpoint: int | None = None
    started_at: int = 0
    last_checkpoint: AuditCheckpoint | None = None
    unsealed: list[int] = field(default_factory=list)


def trusted_keys() -> set[bytes]:
    keys = {merkle.public_key_bytes(merkle.load_signing_key(settings.AUDIT_SIGNING_KEY))}
    for text in getattr(settings, "AUDIT_TRUSTED_PUBLIC_KEYS", []):
        keys.add(base64.urlsafe_b64decode(text.strip().encode()))
    return keys


def event_ok(event: AuditEvent) -> bool:
    fields = hashed_fields(
        seq=event.seq, created_at=event.created_at, tag=event.tag, outcome=event.outcome,
        actor_id=event.actor_id, actor_label=event.actor_label, agency_id=event.agency_id, ip=event.ip,
        object_type=event.object_type, object_id=event.object_id, detail=event.detail,
    )
    return expected_hmac(settings.AUDIT_CHAIN_KEY, fields, event.prev_hash) == event.hash


class EventStream:
    """Events in number order from ``low``, read in one pass however many checkpoints there
    are (the sealer writes several a second under load)."""

    def __init__(self, low: int) -> None:
        self.rows = AuditEvent.objects.filter(seq__gte=low).order_by("seq").iterator(chunk_size=5000)
        self.head: AuditEvent | None = next(self.rows, None)

    def upto(self, high: int | None) -> Iterator[AuditEvent]:
        while self.head is not None and (high is None or self.head.seq <= high):
            event, self.head = self.head, next(self.rows, None)
            yield event


def _altered(event: AuditEvent) -> str:
    return f"event {event.seq} was altered or renumbered (its HMAC does not match its fields)"


def starting_checkpoint() -> AuditCheckpoint | None:
    """The checkpoint the last successful verification reached, if its record is genuine and
    the checkpoint is unchanged since."""
    for event in AuditEvent.objects.filter(tag=EventTag.AUDIT_VERIFIED.value).order_by("-seq")[:20]:
        number, root = event.detail.get("checkpoint"), event.detail.get("root")
        if not number or not event_ok(event):
            continue
        checkpoint = AuditCheckpoint.objects.filter(number=number, root_hash=root).first()
        if checkpoint is not None:
            return checkpoint
    return None


def verify_log(full: bool = True, progress: Callable[[int], None] | None = None) -> VerifyResult:
    keys = trusted_keys()
    start = None if full else starting_checkpoint()
    result = VerifyResult(False, 0, started_at=start.number if start else 0, last_checkpoint=start)
    if start is not None:
        try:
            frontier = merkle.Frontier.from_json(start.tree_size, start.frontier)
        except ValueError:
            frontier = None
        if frontier is None or frontier.root().hex() != start.root_hash:
            return verify_log(True, progress)  # its stored frontier is not trustworthy: from the start
    else:
        frontier = merkle.Frontier()
    previous = start
    stream = EventStream((start.last_seq if start else 0) + 1)
    stragglers: set[int] = set()  # numbers in gaps that have an event now
    late_sealed: set[int] = set()
    checkpoints = AuditCheckpoint.objects.order_by("number")
    if start is not None:
        checkpoints = checkpoints.filter(number__gt=start.number)
    for checkpoint in checkpoints.iterator(chunk_size=200):
        expected_number = previous.number + 1 if previous else 1
        if checkpoint.number != expected_number:
            return _fail(result, f"checkpoint {expected_number} is missing (removed)", checkpoint=expected_number)
        if checkpoint.first_seq != (previous.last_seq if previous else 0) + 1:
            return _fail(result, f"checkpoint {checkpoint.number} does not start where checkpoint "
                         f"{expected_number - 1} ended (edited)", checkpoint=checkpoint.number)
        problem = _leaves(checkpoint, stream, frontier, result, stragglers, late_sealed)
        if problem:
            return problem
        if frontier.size != checkpoint.tree_size or frontier.root().hex() != checkpoint.root_hash:
            return _fail(result, f"checkpoint {checkpoint.number}: the Merkle root of events "
                         f"{checkpoint.first_seq}..{checkpoint.last_seq} does not match its recorded "
                         "root (the checkpoint or its events were rewritten)", checkpoint=checkpoint.number)
        if not _signed(checkpoint, keys):
            return _fail(result, f"checkpoint {checkpoint.number}: the signature of its tree head does not "
                         "verify with a trusted key (the checkpoint was edited)", checkpoint=checkpoint.number)
        previous = result.last_checkpoint = checkpoint
        if progress:
            progress(result.checked)
    return _tail(result, stream, stragglers - late_sealed)


def _leaves(checkpoint: AuditCheckpoint, stream: EventStream, frontier: merkle.Frontier, result: VerifyResult,
            stragglers: set[int], late_sealed: set[int]) -> VerifyResult | None:
    for seq in checkpoint.late:
        event = AuditEvent.objects.filter(seq=seq).first()
        if event is None:
            return _fail(result, f"event {seq} (sealed late in checkpoint {checkpoint.number}) was removed",
                         seq=seq, checkpoint=checkpoint.number)
        if not event_ok(event):
            return _fail(result, _altered(event), seq=seq, checkpoint=checkpoint.number)
        frontier.append(merkle.leaf_hash(leaf_data(event.seq, event.hash)))
        late_sealed.add(seq)
        result.checked += 1
    gaps = gap_lookup(checkpoint.gaps)
    expected = checkpoint.first_seq
    for event in stream.upto(checkpoint.last_seq):
        while expected < event.seq:
            if not in_gaps(expected, gaps):
                return _fail(result, f"event {expected} was removed (checkpoint {checkpoint.number} sealed it)",
                             seq=expected, checkpoint=checkpoint.number)
            expected = _after_gap(expected, gaps, event.seq)
        expected = event.seq + 1
        if not event_ok(event):
            return _fail(result, _altered(event), seq=event.seq, checkpoint=checkpoint.number)
        if in_gaps(event.seq, gaps):
            stragglers.add(event.seq)  # committed after this checkpoint: a later one seals it late
            continue
        frontier.append(merkle.leaf_hash(leaf_data(event.seq, event.hash)))
        result.checked += 1
    while expected <= checkpoint.last_seq:  # after its last remaining event
        if not in_gaps(expected, gaps):
            return _fail(result, f"event {expected} was removed (checkpoint {checkpoint.number} sealed it)",
                         seq=expected, checkpoint=checkpoint.number)
        expected = _after_gap(expected, gaps, checkpoint.last_seq + 1)
    return None


def _after_gap(number: int, gaps: tuple[list[int], list[list[int]]], limit: int) -> int:
    """The first number after the gap holding ``number`` (at most ``limit``)."""
    starts, spans = gaps
    index = bisect.bisect_right(starts, number) - 1
    return min(spans[index][1] + 1, limit)


def _signed(checkpoint: AuditCheckpoint, keys: set[bytes]) -> bool:
    try:
        public, signature = bytes.fromhex(checkpoint.public_key), bytes.fromhex(checkpoint.signature)
    except ValueError:
        return False
    return public in keys and merkle.verify_tree_head(
        public, checkpoint.tree_size, checkpoint.timestamp_ms, bytes.fromhex(checkpoint.root_hash), signature)


def _tail(result: VerifyResult, stream: EventStream, stragglers: set[int]) -> VerifyResult:
    """Events after the last checkpoint (and late ones not sealed yet): HMACs, and age."""
    bound = timezone.now() - timedelta(seconds=settings.AUDIT_SEAL_BOUND_SECONDS)
    unsealed: list[int] = []
    pending = [*AuditEvent.objects.filter(seq__in=sorted(stragglers)).order_by("seq"),
               *stream.upto(None)]
    for event in pending:
        if not event_ok(event):
            return _fail(result, _altered(event), seq=event.seq)
        result.checked += 1
        if event.created_at < bound:
            unsealed.append(event.seq)
    result.unsealed = unsealed
    result.ok = True
    return result


def _fail(result: VerifyResult, problem: str, *, seq: int | None = None,
          checkpoint: int | None = None) -> VerifyResult:
    result.ok, result.problem, result.seq, result.checkpoint = False, problem, seq, checkpoint
    return result


# --- inclusion proofs -----------------------------------------------------------------------


@dataclass(frozen=True)
class Inclusion:
    seq: int
    index: int
    checkpoint: AuditCheckpoint
    leaf: bytes
    path: list[bytes]
    event_intact: bool
    verified: bool


class NotSealedError(LookupError):
    """The event does not exist, or no checkpoint holds it yet."""


def _leaf_order(checkpoint: AuditCheckpoint) -> list[int]:
    """The event numbers of a checkpoint's leaves, as the sealer appended them."""
    gaps = gap_lookup(checkpoint.gaps)
    numbers = (AuditEvent.objects.filter(seq__gte=checkpoint.first_seq, seq__lte=checkpoint.last_seq)
               .order_by("seq").values_list("seq", flat=True))
    return [*checkpoint.late, *(n for n in numbers.iterator(chunk_size=20000) if not in_gaps(n, gaps))]


def prove(seq: int) -> Inclusion:
    """The RFC 9162 audit path of event ``seq`` in the latest checkpoint's tree, checked
    against that checkpoint's signed root (the leaf is recomputed from the stored event)."""
    latest = AuditCheckpoint.objects.order_by("-number").first()
    event = AuditEvent.objects.filter(seq=seq).first()
    if latest is None or event is None:
        raise NotSealedError(f"event {seq} does not exist" if event is None else "nothing is sealed yet")
    order = [n for checkpoint in AuditCheckpoint.objects.order_by("number").iterator(chunk_size=200)
             for n in _leaf_order(checkpoint)]
    if seq not in order:
        raise NotSealedError(f"event {seq} is not sealed yet")
    hashes = dict(AuditEvent.objects.filter(seq__in=order).values_list("seq", "hash")) if len(order) < 50_000 \
        else dict(AuditEvent.objects.values_list("seq", "hash").iterator(chunk_size=20000))
    leaves = [merkle.leaf_hash(leaf_data(n, hashes[n])) if n in hashes else b"\0" * 32 for n in order]
    index = order.index(seq)
    leaf = merkle.leaf_hash(leaf_data(event.seq, event.hash))
    path = merkle.inclusion_proof(index, leaves[:latest.tree_size])
    root = bytes.fromhex(latest.root_hash)
    verified = (merkle.verify_inclusion(index, latest.tree_size, leaf, path, root)
                and _signed(latest, trusted_keys()))
    return Inclusion(seq, index, latest, leaf, path, event_ok(event), verified and event_ok(event))
