"""What every case rule shares: the two refusals (a stale edit, a rule), optimistic locking,
the timeline line, the case lead and the agencies a case may involve."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.cases.models import Case, CaseMember, TimelineEntry

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class ConflictError(Exception):
    """Someone saved a newer version first; nothing was written."""

    def __init__(self, current_version: int | None) -> None:
        super().__init__(f"stale edit (now version {current_version})")
        self.current_version = current_version


class RuleError(ValueError):
    """A business rule refused the change; the message is shown to the user."""


def save_versioned(obj: Any, expected_version: int | None) -> None:
    """Optimistic locking: save only if the row is still at ``expected_version``."""
    model = type(obj)
    with transaction.atomic():
        current = (model.objects.select_for_update().filter(pk=obj.pk)
                   .values_list("version", flat=True).first())
        if expected_version is None or current != expected_version:
            raise ConflictError(current)
        obj.version = expected_version + 1
        obj.save()


def note(case: Case, text: str, actor: User | None = None, *, is_note: bool = False,
         at: Any = None) -> TimelineEntry:
    return TimelineEntry.objects.create(case=case, text=text[:500], actor=actor, is_note=is_note,
                                        at=at or timezone.now())


def lead_of(case: Case) -> User | None:
    member = case.memberships.filter(role=CaseMember.Role.LEAD).select_related("user").first()
    return member.user if member else case.created_by


def eligible_agencies(case: Case) -> models.QuerySet:
    """The lead agency and every agency sharing a task force with it."""
    partners = Agency.objects.filter(task_forces__agencies=case.lead_agency_id)
    return Agency.objects.filter(models.Q(pk=case.lead_agency_id) | models.Q(pk__in=partners.values("pk")))
