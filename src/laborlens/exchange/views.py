"""The exports page: HTCDS 2.0 (CSV, JSON) and the NIBRS extract (JSON, CSV per segment),
for supervisors (``cases.supervise``): the role that already sees every case its agency
leads and answers for what the agency reports. Analysts (``insights.view``) see no case
records at all, so they cannot export them; they work on released, de-identified data."""

from __future__ import annotations

import io
import zipfile

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import permission_required
from laborlens.exchange import htcds, nibrs, services

PERMISSION = services.EXPORT_PERMISSION
LACKS = {
    "ori": _("the lead agency has no valid ORI (9 characters)"),
    "incident_number": _("no incident number of at most 12 letters, digits or hyphens"),
    "exploitation": _("the type of exploitation is unknown"),
    "victim": _("no victim recorded"),
    "offense": _("no offense established yet (the case is still at discovery or screening)"),
}


def _attachment(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@permission_required(PERMISSION)
def index(request: HttpRequest) -> HttpResponse:
    cases = services.export_cases(request.user)  # type: ignore[arg-type]
    incidents = services.nibrs_incidents(request.user)  # type: ignore[arg-type]
    extract = nibrs.build(incidents)
    record_event(EventTag.EXCHANGE_PAGE_VIEWED, request=request, detail={"cases": cases.count()})
    return render(request, "exchange/index.html", {
        "case_count": cases.count(), "reportable": extract.incidents,
        "not_reportable": [{"case": item["case"], "lacks": [LACKS[code] for code in item["codes"]]}
                           for item in extract.not_reportable], "standard": htcds.STANDARD, "profile": htcds.PROFILE,
        "nibrs_format": nibrs.FORMAT,
    })


@require_GET
@permission_required(PERMISSION)
def htcds_download(request: HttpRequest, fmt: str) -> HttpResponse:
    text = services.export_htcds(request.user, fmt, request=request)  # type: ignore[arg-type]
    stamp = timezone.localdate().isoformat()
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return _attachment(text.encode("utf-8"), f"htcds-{stamp}.{fmt}", content_type)


@require_GET
@permission_required(PERMISSION)
def nibrs_download(request: HttpRequest, fmt: str) -> HttpResponse:
    extract = services.export_nibrs(request.user, request=request)  # type: ignore[arg-type]
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        return _attachment(nibrs.to_json(extract).encode("utf-8"), f"nibrs-ht-{stamp}.json", "application/json")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in nibrs.to_csv(extract).items():
            archive.writestr(name, text)
    return _attachment(buffer.getvalue(), f"nibrs-ht-{stamp}.zip", "application/zip")
