"""Writes for activities and agreements: each saved inside a transaction with its audit
event. Audit details carry kinds, dates and agency short names, never people."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from laborlens.activities.models import Activity, Agreement, active_on
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.errors import ConflictError
from laborlens.core.versioning import save_versioned

if TYPE_CHECKING:
    from laborlens.accounts.models import Agency, User

__all__ = ["ConflictError", "REMINDER_DAYS", "due_for_renewal", "save_activity", "save_agreement"]

REMINDER_DAYS = 60


def _short_names(agencies: list[Agency]) -> list[str]:
    return sorted(agency.short_name for agency in agencies)


def save_activity(activity: Activity, *, by: User, agencies: list[Agency], expected_version: int | None = None,
                  request: HttpRequest | None = None) -> Activity:
    """Create (no pk) or update an activity. The lead agency always takes part."""
    creating = activity.pk is None
    with transaction.atomic():
        if creating:
            activity.recorded_by = by
            if not activity.lead_agency_id:
                activity.lead_agency = by.agency
            activity.save()
        else:
            save_versioned(activity, expected_version)
        taking_part = {agency.pk: agency for agency in agencies}
        taking_part[activity.lead_agency_id] = activity.lead_agency
        activity.agencies.set(list(taking_part.values()))
        record_event(EventTag.ACTIVITY_CREATED if creating else EventTag.ACTIVITY_UPDATED, request=request,
                     actor=by, obj=activity,
                     detail={"kind": activity.kind, "held_on": activity.held_on.isoformat(),
                             "agencies": _short_names(list(taking_part.values())), "topics": activity.topics})
    return activity


def save_agreement(agreement: Agreement, *, by: User, parties: list[Agency], expected_version: int | None = None,
                   request: HttpRequest | None = None) -> Agreement:
    """Create (no pk) or update an agreement; the recording user's agency is always a party."""
    creating = agreement.pk is None
    with transaction.atomic():
        if creating:
            agreement.recorded_by = by
            agreement.save()
        else:
            save_versioned(agreement, expected_version)
        members = {agency.pk: agency for agency in parties}
        members[by.agency_id] = by.agency
        agreement.parties.set(list(members.values()))
        record_event(EventTag.AGREEMENT_CREATED if creating else EventTag.AGREEMENT_UPDATED, request=request,
                     actor=by, obj=agreement,
                     detail={"kind": agreement.kind, "signed_on": agreement.signed_on.isoformat(),
                             "renewal_on": agreement.renewal_on.isoformat() if agreement.renewal_on else None,
                             "ended_on": agreement.ended_on.isoformat() if agreement.ended_on else None,
                             "parties": _short_names(list(members.values()))})
    return agreement


def due_for_renewal(agreements: QuerySet[Agreement], *, days: int = REMINDER_DAYS,
                    today: date | None = None) -> QuerySet[Agreement]:
    """Agreements in force whose renewal date is within ``days`` (or already past)."""
    today = today or timezone.localdate()
    return (agreements.filter(active_on(today), renewal_on__isnull=False,
                              renewal_on__lte=today + timedelta(days=days))
            .order_by("renewal_on", "pk").prefetch_related("parties"))
