"""Per-agency retention of closed cases.

A closed case whose ``closed_on`` is older than its lead agency's retention period
(``RetentionPolicy``, else ``settings.CASE_RETENTION_DAYS``) is deleted with everything
that belongs to it (people, entities, evidence and its encrypted attachments, timeline).
Each purge leaves a ``CaseTombstone`` (what, when, why, by whom; counts only, nothing that
identifies a person) and an audit event in the same transaction.

Intelligence records (28 CFR 23) have their own review-date purge:
``laborlens cases purge-overdue``. Inactive accounts: ``laborlens user disable-inactive``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases.models import Case, EvidenceFile, Stage
from laborlens.ops.models import CaseTombstone, RetentionPolicy

logger = logging.getLogger(__name__)
REASON = "closed case past its agency's retention period"


@dataclass
class RetentionReport:
    purged: int = 0
    held: int = 0
    lines: list[str] = field(default_factory=list)


def due_cases(today: date) -> list[tuple[Case, int]]:
    policies = dict(RetentionPolicy.objects.values_list("agency_id", "closed_case_days"))
    shortest = min([settings.CASE_RETENTION_DAYS, *policies.values()])
    candidates = Case.objects.filter(stage=Stage.CLOSED, closed_on__isnull=False,
                                     closed_on__lt=today - timedelta(days=shortest)).order_by("closed_on", "pk")
    due = []
    for case in candidates.iterator(chunk_size=500):
        days = RetentionPolicy.days_for(case.lead_agency_id, policies)
        if case.closed_on is not None and case.closed_on < today - timedelta(days=days):
            due.append((case, days))
    return due


def _counts(case: Case) -> dict[str, int]:
    return {
        "people": case.people.count(),
        "entities": case.entities.count(),
        "evidence": case.evidence.count(),
        "files": EvidenceFile.objects.filter(evidence__case=case).count(),
        "members": case.memberships.count(),
    }


def purge_case(case: Case, days: int, *, by_label: str) -> CaseTombstone:
    """Delete one case and leave its tombstone and audit event (one transaction)."""
    stored = list(EvidenceFile.objects.filter(evidence__case=case).values_list("stored_name", flat=True))
    with transaction.atomic():
        tombstone = CaseTombstone.objects.create(
            case_pk=case.pk, case_number=case.number, lead_agency_id=case.lead_agency_id,
            opened_on=case.opened_on, closed_on=case.closed_on, purged_by=by_label[:150],
            reason=REASON, retention_days=days, removed=_counts(case))
        case.delete()
        record_event(EventTag.RETENTION_CASE_PURGED, actor_label=by_label, obj=tombstone,
                     detail={"case": tombstone.case_number, "closed_on": str(tombstone.closed_on),
                             "retention_days": days, **tombstone.removed})
    from laborlens.core import storage

    for name in stored:  # the rows are gone; the encrypted files go after the commit
        storage.delete(name)
    return tombstone


def purge_closed_cases(*, dry_run: bool = False, by_label: str = "retention-schedule",
                       today: date | None = None) -> RetentionReport:
    today = today or timezone.localdate()
    report = RetentionReport()
    for case, days in due_cases(today):
        if dry_run:
            report.purged += 1
            report.lines.append(f"{case.number}: closed {case.closed_on}, retention {days} days")
            continue
        try:
            purge_case(case, days, by_label=by_label)
        except (ProtectedError, RestrictedError):
            report.held += 1
            report.lines.append(f"{case.number}: kept, other records still refer to it")
            continue
        report.purged += 1
        report.lines.append(f"{case.number}: purged (tombstone kept)")
    if not dry_run:
        record_event(EventTag.RETENTION_RUN, actor_label=by_label,
                     detail={"purged": report.purged, "held": report.held, "today": str(today)})
    return report
