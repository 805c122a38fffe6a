"""Abstract bases any app's models may use: optimistic locking (``versioning.save_versioned``) and
append-only records."""

from __future__ import annotations

from typing import Any

from django.db import models


class VersionedModel(models.Model):
    """Optimistic locking: an edit names the version it started from (``core.versioning.save_versioned``)."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError(f"{type(self).__name__} records are append-only")
        super().save(*args, **kwargs)
