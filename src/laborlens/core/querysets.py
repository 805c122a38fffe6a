"""The one authorization mechanism: every query for protected data starts here.

``Model.objects.restrict(user, action)`` returns only the rows ``user`` may ``action``
(netbox's habit). Each model says who may see what in its ``scope_for(user, action)``
class method, returning a ``Q``; ``None`` means nothing. Views, the API, search, exports
and the CLI all call ``restrict`` so that the rule lives in exactly one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class AuditBypassError(RuntimeError):
    """Raised for bulk writes that would skip the per-object audit trail."""


class AuditedQuerySet(models.QuerySet):
    """Refuses ``update()`` and bulk writes: they bypass save() and so the audit trail."""

    def update(self, **kwargs: Any) -> int:
        raise AuditBypassError(
            f"{self.model.__name__}.objects.update() bypasses the audit trail; "
            "save each object inside transaction.atomic() instead"
        )

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[Any]:
        raise AuditBypassError(f"{self.model.__name__} does not allow bulk_create()")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AuditBypassError(f"{self.model.__name__} does not allow bulk_update()")


class RestrictedQuerySet(AuditedQuerySet):
    def restrict(self, user: User | None, action: str = "view") -> Self:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        scope = self.model.scope_for(user, action)  # type: ignore[attr-defined]
        if scope is None:
            return self.none()
        return self.filter(scope)


class OutOfScope(Http404):
    """The 404 of ``get_scoped_or_404``: missing or outside the user's scope (the user
    cannot tell which). ``audit.reads`` records each one as a refused attempt."""

    def __init__(self, model_label: str) -> None:
        super().__init__("Not found")
        self.model_label = model_label


def get_scoped_or_404(
    queryset: models.QuerySet, user: User | None, action: str = "view", **lookup: Any
) -> Any:
    """Out of scope and missing look the same to the caller: 404, never 403."""
    try:
        return queryset.restrict(user, action).get(**lookup)  # type: ignore[attr-defined]
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise OutOfScope(queryset.model._meta.label_lower) from None
