"""Saving a readiness assessment, with its audit event (scores and gap ids, no free text)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.readiness.models import Assessment
from laborlens.readiness.scoring import score

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def record_assessment(*, by: User, answers: dict[str, str], assessed_on: date, notes: str = "",
                      request: HttpRequest | None = None) -> Assessment:
    result = score(answers)
    with transaction.atomic():
        assessment = Assessment.objects.create(agency=by.agency, assessed_on=assessed_on, answers=answers,
                                               instrument_version=result.version, scores=result.to_dict(),
                                               notes=notes, completed_by=by)
        record_event(EventTag.READINESS_RECORDED, request=request, actor=by, obj=assessment,
                     detail={"assessed_on": assessed_on.isoformat(), "scores": result.scores,
                             "overall": result.overall, "gaps": [gap.question for gap in result.gaps]})
    return assessment
