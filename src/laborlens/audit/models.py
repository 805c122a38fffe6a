"""Append-only audit events, sealed into a signed Merkle log.

Each event carries an HMAC of its own fields, its sequence number included, keyed by
``LABORLENS_AUDIT_KEY`` (kept outside the database): editing or renumbering a row with raw
SQL breaks its HMAC. Appending needs no lock: the number comes from a database sequence.
The sealer (``laborlens audit seal``) adds committed events to an RFC 9162 Merkle tree and
stores a checkpoint whose tree head is signed with ``LABORLENS_AUDIT_SIGNING_KEY``, so
removing, reordering or rewriting sealed events changes a signed root. ``laborlens audit
verify`` names the first event or checkpoint that does not match.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError("audit events are append-only")


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField(db_index=True)
    tag = models.CharField(max_length=80, db_index=True)
    outcome = models.CharField(max_length=20, default="success", db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_label = models.CharField(max_length=150, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    ip = models.CharField(max_length=45, blank=True)
    object_type = models.CharField(max_length=80, blank=True, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)
    # Only events of the old hash chain (before migration 0002) have one; their HMAC covers it.
    prev_hash = models.CharField(max_length=64, blank=True, default="")
    hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.tag} {self.outcome}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class AuditCheckpoint(models.Model):
    """A signed tree head: the Merkle log after the events sealed so far.

    Leaves of this checkpoint, in order: the ``late`` events (committed after an earlier
    checkpoint had passed their number), then the events numbered ``first_seq..last_seq``
    except the ``gaps`` (numbers with no committed event when this checkpoint was sealed).
    """

    number = models.PositiveBigIntegerField(unique=True)
    tree_size = models.PositiveBigIntegerField(unique=True)
    root_hash = models.CharField(max_length=64)
    timestamp_ms = models.BigIntegerField()
    signature = models.CharField(max_length=128)
    public_key = models.CharField(max_length=64)
    first_seq = models.PositiveBigIntegerField()
    last_seq = models.PositiveBigIntegerField()
    gaps = models.JSONField(default=list, blank=True)
    late = models.JSONField(default=list, blank=True)
    frontier = models.JSONField(default=list, blank=True)
    sealed_at = models.DateTimeField(db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"checkpoint {self.number}: {self.tree_size} events, root {self.root_hash[:12]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("audit checkpoints are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit checkpoints are append-only")
