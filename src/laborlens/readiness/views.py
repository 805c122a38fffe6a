"""Readiness self-assessment: history for the agency, a new assessment (pre-filled with the
last answers so it is quick to repeat), and a result page with scores against the four
recommendations, gaps, next steps and the change since the previous assessment."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.readiness import services
from laborlens.readiness.forms import AssessmentForm
from laborlens.readiness.models import Assessment
from laborlens.readiness.scoring import compare, level_for, load_instrument, text


def _recommendations(lang: str) -> list[dict[str, Any]]:
    return [{"id": rec["id"], "label": text(rec, lang), "short": text(rec["short"], lang),
             "citation": rec["citation"]["locator"]}
            for rec in load_instrument()["recommendations"]]


def _level_labels(lang: str) -> dict[str, str]:
    return {level["id"]: text(level, lang) for level in load_instrument()["levels"]}


@require_GET
@permission_required("readiness.assess")
def history(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    lang = get_language() or "en"
    assessments = list(Assessment.objects.restrict(user, "view").order_by("assessed_on", "pk"))
    recs = _recommendations(lang)
    levels = _level_labels(lang)
    instrument = load_instrument()
    rows = []
    previous: Assessment | None = None
    for assessment in assessments:
        scores = assessment.scores.get("scores", {})
        before = previous.scores.get("scores", {}) if previous else None
        cells = [{"label": rec["short"], "score": scores.get(rec["id"], 0),
                  "level": levels[level_for(scores.get(rec["id"], 0), instrument)],
                  "change": scores.get(rec["id"], 0) - before.get(rec["id"], 0) if before is not None else None}
                 for rec in recs]
        overall = assessment.scores.get("overall", 0)
        rows.append({"assessment": assessment, "cells": cells, "overall": overall,
                     "overall_change": overall - previous.scores.get("overall", 0) if previous else None,
                     "gaps": len(assessment.scores.get("gaps", []))})
        previous = assessment
    rows.reverse()  # newest first
    record_event(EventTag.READINESS_VIEWED, request=request, detail={"history": len(rows)})
    return render(request, "readiness/history.html", {"rows": rows, "recommendations": recs})


@require_http_methods(["GET", "POST"])
@permission_required("readiness.assess")
def assess(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    last = Assessment.objects.restrict(user, "view").first()
    initial = AssessmentForm.initial_from(last.answers) if last else {}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            assessment = services.record_assessment(by=user, answers=form.answers(),
                                                    assessed_on=form.cleaned_data["assessed_on"],
                                                    notes=form.cleaned_data["notes"], request=request)
            messages.success(request, _("Assessment saved."))
            return redirect("readiness:detail", pk=assessment.pk)
        return render(request, "readiness/assess.html", {"form": form, "last": last}, status=400)
    return render(request, "readiness/assess.html", {"form": form, "last": last})


@require_GET
@permission_required("readiness.assess")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    assessment: Assessment = get_scoped_or_404(Assessment.objects.select_related("agency", "completed_by"),
                                               user, "view", pk=pk)
    lang = get_language() or "en"
    instrument = load_instrument()
    questions = {q["id"]: q for q in instrument["questions"]}
    result = assessment.result()
    previous = assessment.previous()
    comparison = compare(result, previous.result() if previous else None)
    levels = _level_labels(lang)
    recs = [{**rec, "score": result.scores[rec["id"]], "level": levels[result.levels[rec["id"]]],
             "level_id": result.levels[rec["id"]],
             "change": comparison.changes[rec["id"]] if comparison else None}
            for rec in _recommendations(lang)]
    rec_labels = {rec["id"]: rec["short"] for rec in recs}
    gaps = [{"question": text(questions[gap.question], lang),
             "answer": next((text(o, lang) for o in questions[gap.question]["options"] if o["value"] == gap.answer),
                            _("Not answered")),
             "recommendations": [rec_labels[rec] for rec in gap.recommendations],
             "next_step": text(gap.next_step, lang),
             "citation": questions[gap.question]["citation"]["locator"]} for gap in result.gaps]
    record_event(EventTag.READINESS_VIEWED, request=request, obj=assessment,
                 detail={"assessed_on": assessment.assessed_on.isoformat()})
    return render(request, "readiness/detail.html", {
        "assessment": assessment, "result": result, "recommendations": recs, "gaps": gaps,
        "previous": previous, "comparison": comparison,
        "closed": [text(questions[q], lang) for q in comparison.closed_gaps] if comparison else [],
        "new": [text(questions[q], lang) for q in comparison.new_gaps] if comparison else [],
        "outdated": assessment.instrument_version != instrument["version"],
        "source": instrument["source"]})
