"""Threat assessment views: the assessment of an area and the import log.

Both need ``insights.view``. The reference data is public; tips and cases enter only as
counts through ``restrict()`` (see ``assessment``). Each view leaves an audit event.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import permission_required
from laborlens.threat import assessment as assessment_module
from laborlens.threat import geo, importers, uploads
from laborlens.threat.forms import AreaForm, UploadForm
from laborlens.threat.models import ImportProblem, ImportRun, ThreatUpload

PROBLEMS_PER_PAGE = 100
TOP_PLACES = 15


@require_GET
@permission_required("insights.view")
def assessment(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    area = None
    status = 200
    if "state" in request.GET:
        form = AreaForm(request.GET)
        if form.is_valid():
            state = form.cleaned_data["state"]
            default = assessment_module.default_area(user)
            names = default.place_names if default and default.state == state else {}
            area = assessment_module.Area(state, list(form.cleaned_data["county"]), names)
        else:
            status = 400
    else:
        area = assessment_module.default_area(user)
        form = AreaForm(initial={"state": area.state, "county": area.counties} if area else {})
    context: dict[str, object] = {"form": form, "area": area, "es": (get_language() or "en").startswith("es")}
    if area is not None:
        result = assessment_module.build(user, area)
        periods = assessment_module.data_periods()
        places = [{"ranked": item, "name": result.county_name(item.key), "fips": item.key,
                   "selected": item.key in area.counties} for item in result.places]
        found = geo.state_map(area.state)
        context.update({
            "a": result,
            "cells": assessment_module.map_cells(result),
            "map": found,
            "places": places,
            "top_places": [place for place in places if place["ranked"].score > 0
                           and (place["ranked"].rank <= TOP_PLACES or place["selected"])],
            "area_names": ", ".join(result.county_name(fips) for fips in area.counties),
            "runs": ImportRun.objects.all()[:8],
            "periods": periods,
            "stale": [period for period in periods.values() if period.stale],
        })
        record_event(EventTag.THREAT_ASSESSMENT_VIEWED, request=request,
                     detail={"state": area.state, "counties": area.counties[:50]})
    return render(request, "threat/assessment.html", context, status=status)


@require_GET
@permission_required("insights.view")
def imports(request: HttpRequest) -> HttpResponse:
    runs = ImportRun.objects.all()[:50]
    selected = None
    page = None
    run_id = request.GET.get("run", "")
    if run_id.isdigit():
        selected = ImportRun.objects.filter(pk=int(run_id)).first()
    if selected is not None:
        page = Paginator(ImportProblem.objects.filter(run=selected), PROBLEMS_PER_PAGE).get_page(
            request.GET.get("page"))
    record_event(EventTag.THREAT_IMPORTS_VIEWED, request=request,
                 detail={"run": selected.pk if selected else None})
    return render(request, "threat/imports.html", {"runs": runs, "selected": selected, "page": page})


@require_http_methods(["GET", "POST"])
@permission_required("insights.view")
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a DOL or FBI file; its import is queued and followed on the status page."""
    user: User = request.user  # type: ignore[assignment]
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                item = uploads.accept(form.cleaned_data["file"], form.cleaned_data["kind"], user=user,
                                      request=request)
            except importers.ImportRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                return redirect("threat:upload_status", pk=item.pk)
        status = 400
    recent = ThreatUpload.objects.select_related("run", "uploaded_by")[:20]
    return render(request, "threat/upload.html", {"form": form, "uploads": recent,
                                                  "periods": assessment_module.data_periods()}, status=status)


@require_GET
@permission_required("insights.view")
def upload_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while the worker imports, then the counts and every flagged row."""
    item = get_object_or_404(ThreatUpload.objects.select_related("run"), pk=pk)
    page = None
    if item.run is not None:
        page = Paginator(ImportProblem.objects.filter(run=item.run), PROBLEMS_PER_PAGE).get_page(
            request.GET.get("page"))
    progress = uploads.progress_of(item) if item.status == ThreatUpload.Status.RUNNING else None
    record_event(EventTag.THREAT_IMPORTS_VIEWED, request=request, detail={"upload": item.pk})
    working = item.status in (ThreatUpload.Status.QUEUED, ThreatUpload.Status.RUNNING)
    response = render(request, "threat/upload_status.html", {
        "item": item, "page": page, "progress": progress,
        "percent": 100 * progress[0] // progress[1] if progress and progress[1] else None,
        "working": working, "periods": assessment_module.data_periods(),
    })
    if working:
        response["Refresh"] = "3"  # the page follows the import without any script (CSP)
    return response
