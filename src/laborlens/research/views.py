"""Research statistics page (``insights.view``): counts in the research store, small
cells hidden, every table with a caption and header cells."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from laborlens.core.permissions import permission_required
from laborlens.research import services
from laborlens.research.models import Dataset

TITLES = {
    "year": _("Rows by year of registration"),
    "exploitation": _("Rows by type of exploitation"),
    "labour": _("Rows by type of labour"),
    "gender": _("Rows by gender"),
    "age": _("Rows by age band"),
    "control": _("Rows by means of control"),
    "datasource": _("Rows by data source"),
    "region": _("Rows by region of citizenship"),
}


@require_GET
@permission_required("insights.view")
def stats(request: HttpRequest) -> HttpResponse:
    data = services.stats()
    services.record_stats_view(request=request)
    tables = [{"key": key, "title": TITLES[key], "rows": rows} for key, rows in data["tables"].items()]  # type: ignore[attr-defined]
    return render(request, "research/stats.html", {
        "data": data, "tables": tables, "datasets": Dataset.objects.all()[:20],
    })
