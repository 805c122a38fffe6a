"""The sealer: committed events into the signed Merkle log, in batches, off the request path.

Which events may be sealed. An event number comes from a sequence when ``record_event``
runs, but the event becomes visible only when the caller's transaction commits, so a low
number can appear after higher ones. We do not try to find the lowest number still held by
an open transaction (PostgreSQL does not say which sequence values a session holds, and
``xact_start`` of every session would let one idle or long read-only session, a pg_dump
for instance, stop sealing for everyone). Instead the sealer notes the sequence's current
value and seals only up to a value it noted at least ``AUDIT_SEAL_GRACE_SECONDS`` ago: by
then nearly every transaction that drew a number below it has committed or rolled back.
Numbers in that range with no visible event are recorded in the checkpoint as ``gaps``
(rolled back, or still in flight); an event that commits later into a gap (a transaction
open longer than the grace period, such as a long import) is not lost: the next checkpoints
look for events in recent gaps and seal them as ``late`` leaves. The grace period is
measured on the sealer's own clock, so application servers' clocks do not matter.

Two sealers at once: each checkpoint is written in one transaction that first takes
``pg_advisory_xact_lock`` on PostgreSQL (SQLite transactions here are IMMEDIATE, which
serialises them already); checkpoint number and tree size are unique besides, so the
loser of any race fails to insert and seals nothing.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections import deque
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from laborlens.audit import merkle
from laborlens.audit.chain import leaf_data
from laborlens.audit.models import AuditCheckpoint, AuditEvent

logger = logging.getLogger(__name__)

ADVISORY_LOCK = 0x4C4C_4155_4449_5431 & 0x7FFF_FFFF_FFFF_FFFF  # "LLAUDIT1"
BATCH = 20_000
# Gaps of checkpoints sealed within this window are searched for late events.
LATE_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class SealResult:
    checkpoint: AuditCheckpoint | None
    sealed: int


def signing_key() -> merkle.Ed25519PrivateKey:
    return merkle.load_signing_key(settings.AUDIT_SIGNING_KEY)


def current_seq() -> int:
    """The highest number handed out so far (committed or not)."""
    table = AuditEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            sequence = cursor.fetchone()[0]
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608
            value, called = cursor.fetchone()
            return int(value) if called else int(value) - 1
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        return int(row[0]) if row else 0


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK])


def _late_events() -> list[tuple[int, str]]:
    """Events that committed into a gap of a recent checkpoint and are not sealed yet."""
    # Most checkpoints have neither gaps nor late events; only the few that do are read.
    recent = list(AuditCheckpoint.objects.filter(sealed_at__gte=timezone.now() - LATE_WINDOW)
                  .filter(~Q(gaps=[]) | ~Q(late=[])).values_list("gaps", "late"))
    spans = [span for gaps, _ in recent for span in gaps]
    filled = {seq for _, late in recent for seq in late}
    found: list[tuple[int, str]] = []
    for start in range(0, len(spans), 200):
        query = Q()
        for low, high in spans[start:start + 200]:
            query |= Q(seq__gte=low, seq__lte=high)
        found += AuditEvent.objects.filter(query).values_list("seq", "hash")
    return sorted(event for event in found if event[0] not in filled)


def missing_numbers(start: int, present: list[int]) -> list[list[int]]:
    """Ranges of numbers after ``start`` and before the last of ``present`` (sorted) that are
    not in it."""
    spans: list[list[int]] = []
    previous = start
    for number in present:
        if number > previous + 1:
            spans.append([previous + 1, number - 1])
        previous = number
    return spans


def seal(upto: int | None = None) -> SealResult:
    """Seal committed events numbered up to ``upto`` (all committed ones if None) into
    one new checkpoint; at most ``BATCH`` events a call."""
    with transaction.atomic():
        _lock()
        last = AuditCheckpoint.objects.order_by("-number").first()
        start = last.last_seq if last else 0
        frontier = merkle.Frontier.from_json(last.tree_size, last.frontier) if last else merkle.Frontier()
        late = _late_events() if last else []
        rows = AuditEvent.objects.filter(seq__gt=start).order_by("seq")
        if upto is not None:
            rows = rows.filter(seq__lte=upto)
        new = list(rows.values_list("seq", "hash")[:BATCH])
        if not new and not late:
            return SealResult(None, 0)
        end = new[-1][0] if new else start
        gaps = missing_numbers(start, [seq for seq, _ in new])
        for seq, digest in [*late, *new]:
            frontier.append(merkle.leaf_hash(leaf_data(seq, digest)))
        checkpoint = _checkpoint(last, frontier, start, end, gaps, [seq for seq, _ in late])
    logger.info("sealed %d audit events into checkpoint %d (tree size %d)",
                len(new) + len(late), checkpoint.number, checkpoint.tree_size)
    return SealResult(checkpoint, len(new) + len(late))


def _checkpoint(last: AuditCheckpoint | None, frontier: merkle.Frontier, start: int, end: int,
                gaps: list[list[int]], late: list[int]) -> AuditCheckpoint:
    key = signing_key()
    now = timezone.now()
    timestamp_ms = int(now.timestamp() * 1000)
    root = frontier.root()
    return AuditCheckpoint.objects.create(
        number=(last.number + 1) if last else 1,
        tree_size=frontier.size,
        root_hash=root.hex(),
        timestamp_ms=timestamp_ms,
        signature=merkle.sign_tree_head(key, frontier.size, timestamp_ms, root).hex(),
        public_key=merkle.public_key_bytes(key).hex(),
        first_seq=start + 1,
        last_seq=end,
        gaps=gaps,
        late=late,
        frontier=frontier.to_json(),
        sealed_at=now,
    )


def seal_all(upto: int | None = None) -> list[AuditCheckpoint]:
    made: list[AuditCheckpoint] = []
    while True:
        result = seal(upto)
        if result.checkpoint is None:
            return made
        made.append(result.checkpoint)
        if result.sealed < BATCH:
            return made


def seal_once(grace: float | None = None) -> list[AuditCheckpoint]:
    """One pass for a periodic job or ``laborlens audit seal``: note the sequence, wait the
    grace period, seal up to the noted number."""
    grace = settings.AUDIT_SEAL_GRACE_SECONDS if grace is None else grace
    upto = current_seq()
    if grace > 0:
        time.sleep(grace)
    return seal_all(upto)


class Sealer:
    """``laborlens audit seal --follow``: seal every ``interval`` seconds, up to the highest
    number seen at least the grace period ago."""

    def __init__(self, interval: float = 0.25, grace: float | None = None) -> None:
        self.interval = interval
        self.grace = settings.AUDIT_SEAL_GRACE_SECONDS if grace is None else grace
        self.seen: deque[tuple[float, int]] = deque()

    def step(self) -> list[AuditCheckpoint]:
        now = time.monotonic()
        self.seen.append((now, current_seq()))
        bound = None
        while self.seen and self.seen[0][0] <= now - self.grace:
            bound = self.seen.popleft()[1]
        if bound is None:
            return []
        self.seen.appendleft((now - self.grace, bound))  # still the best bound until a newer one ages
        return seal_all(bound)

    def run(self, stop: object = None) -> None:
        while stop is None or not getattr(stop, "is_set")():  # noqa: B009
            try:
                self.step()
            except Exception:
                logger.exception("sealing failed; retrying")
                connection.close()
            time.sleep(self.interval)


def gap_lookup(spans: list[list[int]]) -> tuple[list[int], list[list[int]]]:
    ordered = sorted(spans)
    return [low for low, _ in ordered], ordered


def in_gaps(number: int, lookup: tuple[list[int], list[list[int]]]) -> bool:
    starts, spans = lookup
    index = bisect.bisect_right(starts, number) - 1
    return index >= 0 and spans[index][0] <= number <= spans[index][1]
