"""Optimistic locking for rows that carry a ``version``: an edit made on an old copy is refused."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from laborlens.core.errors import ConflictError


def save_versioned(obj: Any, expected_version: int | None) -> None:
    """Save only if the row is still at ``expected_version`` (the version the form was read at)."""
    model = type(obj)
    with transaction.atomic():
        current = (model.objects.select_for_update().filter(pk=obj.pk)
                   .values_list("version", flat=True).first())
        if expected_version is None or current != expected_version:
            raise ConflictError(current)
        obj.version = expected_version + 1
        obj.save()
