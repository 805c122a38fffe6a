"""What every case rule shares (the refusals and optimistic locking are ``core.errors`` and
``core.versioning``): the timeline line, the case lead and the agencies a case may involve."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.cases.models import Case, CaseMember, TimelineEntry

if TYPE_CHECKING:
    from laborlens.accounts.models import User


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
