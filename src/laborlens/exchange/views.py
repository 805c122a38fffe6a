"""The exchange pages: HTCDS 2.0 export (CSV, JSON) and import (upload), the NIBRS extract
(JSON, CSV per segment, XML) with its validation report,
for supervisors (``cases.supervise``): the role that already sees every case its agency
leads and answers for what the agency reports. Analysts (``insights.view``) see no case
records at all, so they cannot export them; they work on released, de-identified data."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.permissions import permission_required
from laborlens.exchange import htcds, nibrs, nibrs_xml, services

PERMISSION = services.EXPORT_PERMISSION
MAX_IMPORT_BYTES = 10 * 1024 * 1024
LACKS = {
    "exploitation": _("the type of exploitation is unknown"),
    "victim": _("no victim recorded"),
    "offense": _("no offense established yet (the case is still at discovery or screening)"),
}


class HtcdsImportForm(forms.Form):
    file = forms.FileField(label=_("HTCDS 2.0 file (CSV or JSON)"))
    format = forms.ChoiceField(label=_("Format"), choices=[("", _("From the file name")), ("csv", "CSV"),
                                                          ("json", "JSON")], required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


def _attachment(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _nibrs_context(user: User, extract: nibrs.Extract) -> dict[str, Any]:
    ori = user.agency.ori if user.agency_id else ""
    return {
        "reportable": extract.incidents, "errors": extract.problems_by_case, "error_count": len(extract.problems),
        "not_reportable": [{"case": item["case"], "lacks": [LACKS[code] for code in item["codes"]]}  # type: ignore[union-attr]
                           for item in extract.not_reportable],
        "ori": ori, "ori_problem": nibrs.ori_problem(ori), "can_set_ori": user.can("accounts.manage"),
        "spec_version": nibrs.SPEC_VERSION, "nibrs_format": nibrs.FORMAT,
    }


@require_GET
@permission_required(PERMISSION)
def index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    cases = services.export_cases(user)
    extract = services.check_nibrs(user)
    record_event(EventTag.EXCHANGE_PAGE_VIEWED, request=request,
                 detail={"cases": cases.count(), "nibrs_errors": len(extract.problems)})
    return render(request, "exchange/index.html", {
        "case_count": cases.count(), "standard": htcds.STANDARD, "profile": htcds.PROFILE,
        "can_import": user.can(services.IMPORT_PERMISSION), **_nibrs_context(user, extract),
    })


@require_GET
@permission_required(PERMISSION)
def nibrs_check(request: HttpRequest) -> HttpResponse:
    """The validation report: every error of every incident, nothing written."""
    user: User = request.user  # type: ignore[assignment]
    extract = services.check_nibrs(user)
    record_event(EventTag.EXCHANGE_PAGE_VIEWED, request=request,
                 detail={"page": "nibrs-check", "nibrs_errors": len(extract.problems)})
    return render(request, "exchange/nibrs_report.html", _nibrs_context(user, extract))


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
    user: User = request.user  # type: ignore[assignment]
    try:
        extract = services.export_nibrs(user, request=request)
    except services.NibrsRefused as refusal:
        # No file: the same report as the check page, with why (HTTP 422).
        context = _nibrs_context(user, refusal.extract or services.check_nibrs(user))
        context["refused"] = str(refusal)
        return render(request, "exchange/nibrs_report.html", context, status=422)
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        return _attachment(nibrs.to_json(extract).encode("utf-8"), f"nibrs-ht-{stamp}.json", "application/json")
    if fmt == "xml":
        return _attachment(nibrs_xml.to_xml(extract, timezone.localtime()).encode("utf-8"), f"nibrs-ht-{stamp}.xml",
                           "application/xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in nibrs.to_csv(extract).items():
            archive.writestr(name, text)
    return _attachment(buffer.getvalue(), f"nibrs-ht-{stamp}.zip", "application/zip")


@require_http_methods(["GET", "POST"])
@permission_required(PERMISSION)
def htcds_import(request: HttpRequest) -> HttpResponse:
    """Upload an HTCDS 2.0 file: the valid cases are created in the user's agency, every
    rejected row is listed (``services.import_htcds``, as the CLI; audited there)."""
    user: User = request.user  # type: ignore[assignment]
    if not user.can(services.IMPORT_PERMISSION):
        raise PermissionDenied
    form = HtcdsImportForm(request.POST or None, request.FILES or None)
    report = None
    error = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            fmt = form.cleaned_data["format"] or ("json" if upload.name.lower().endswith(".json") else "csv")
            try:
                text = upload.read().decode("utf-8-sig")
                report = services.import_htcds(text, fmt, user=user, request=request, via="web")
            except UnicodeDecodeError:
                error = str(_("The file is not UTF-8 text."))
            except htcds.FileError as problem:
                error = str(problem)
            if error or (report is not None and (report.rejected or report.file_problems)):
                status = 422
        else:
            status = 400
    return render(request, "exchange/htcds_import.html", {"form": form, "report": report, "error": error},
                  status=status)
