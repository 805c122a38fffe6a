"""Dashboard, CSV downloads, funder report and case summary. Aggregates come from
``figures`` over the agencies ``forms.FilterForm`` lets the user pick; every view and
download leaves an audit event."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases.models import Case
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.metrics import charts, disclosure, figures, reports, services, tiles
from laborlens.metrics.forms import filters_for


def _filter_detail(f: figures.Filters) -> dict[str, Any]:
    return services.filter_detail(f)


def _bad_filters(request: HttpRequest, form: Any) -> HttpResponse:
    return render(request, "metrics/dashboard.html", {"form": form, "figures": [], "query": ""}, status=400)


@require_GET
@permission_required("insights.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    form, f = filters_for(request.user, request.GET)
    if f is None:
        return _bad_filters(request, form)
    shown = []
    tables, as_of = figures.compute_all_cached(f)
    for table in tables:
        svg = ""
        if table.chart and table.rows:
            svg = charts.bar_chart([label for _code, label, _values in table.rows],
                                   [[values[i] for _c, _l, values in table.rows] for i in range(len(table.columns))],
                                   table.columns)
        # Exact figures for the agency's own staff; cells that exports withhold are marked.
        cells = disclosure.protect(table, figures.small_count())
        rows = [{"code": code, "label": label, "cells": list(zip(values, row, strict=True))}
                for (code, label, values), row in zip(table.rows, cells, strict=True)]
        shown.append({"table": table, "rows": rows,
                      "svg": mark_safe(svg)})  # noqa: S308  (built from escaped text in charts.py)
    services.read_figures(request.user, f, request)
    tile_list = [{"tile": t, "svg": mark_safe(charts.sparkline(t.trend))}  # noqa: S308  (numbers only)
                 for t in tiles.compute_tiles(f)]
    return render(request, "metrics/dashboard.html", {
        "form": form, "filters": f, "figures": shown, "query": request.GET.urlencode(), "as_of": as_of,
        "tiles": tile_list, "feedback_tiles": tiles.extra_tiles("feedback", f),
        "small_count": reports.threshold()})


@require_GET
@permission_required("insights.view")
def figure_csv(request: HttpRequest, key: str) -> HttpResponse:
    if key not in figures.FIGURE_KEYS:
        from django.http import Http404

        raise Http404("Not found")
    form, f = filters_for(request.user, request.GET)
    if f is None:
        return _bad_filters(request, form)
    table = figures.compute(key, f)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", "label", *table.columns])
    # What leaves the building carries the small-cell rules (metrics.disclosure).
    for (code, label, _values), cells in zip(table.rows, disclosure.protect(table, figures.small_count()),
                                             strict=True):
        writer.writerow([code, label, *[cell.text if cell.status != disclosure.EMPTY else "" for cell in cells]])
    record_event(EventTag.METRICS_CSV_EXPORTED, request=request, detail={"figure": key, **_filter_detail(f)})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}-{f.start}-{f.end}.csv"'
    return response


@require_GET
@permission_required("insights.view")
def funder_report(request: HttpRequest, fmt: str) -> HttpResponse:
    form, f = filters_for(request.user, request.GET)
    if f is None:
        return _bad_filters(request, form)
    if fmt == "pdf":
        body, content_type = reports.funder_pdf(f), "application/pdf"
    else:
        body = reports.funder_xlsx(f)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    record_event(EventTag.METRICS_REPORT_EXPORTED, request=request,
                 detail={"format": fmt, "report": "funder", "small_count": reports.threshold(), **_filter_detail(f)})
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="performance-{f.start}-{f.end}.{fmt}"'
    return response


@require_GET
@permission_required("case_work")
def case_summary(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = get_scoped_or_404(Case.objects.select_related("lead_agency"), user, "export", pk=pk)
    body = reports.case_summary_pdf(case, user)
    record_event(EventTag.CASE_SUMMARY_EXPORTED, request=request, obj=case,
                 detail={"number": case.number, "format": "pdf"})
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.number}-summary.pdf"'
    return response
