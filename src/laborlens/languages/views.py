"""The administrators' "Victim languages" page: each victim language's review status and
coverage, and its catalogue moved out for review (.po download) and back in (upload).

Out of ``core`` so that ``core`` stays the bottom layer: this page reads the tip line's
host agency (``tips``) and audits (``audit``), which both build on ``core``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from laborlens.core import victim_languages as vl
from laborlens.core.permissions import permission_required
from laborlens.languages.catalogues import export_po, import_po
from laborlens.tips.services import receiving_agency


def _may_import_languages(user: Any) -> bool:
    """Translations are installation-wide: only an administrator of the agency that hosts the
    public pages (the tip line's agency) may replace them; any administrator may read them."""
    host = receiving_agency()
    return host is not None and user.agency_id == host.pk


def _languages_page(request: HttpRequest, *, report: Any = None, code: str = "", status: int = 200) -> HttpResponse:
    rows = []
    for lang in vl.extra_languages():
        translated, total = vl.coverage(lang.code)
        rows.append({"lang": lang, "status": vl.status(lang.code), "translated": translated, "total": total,
                     "sources": [(source, vl.sources().get(source, "")) for source in lang.sources]})
    return render(request, "core/victim_languages.html", {
        "rows": rows, "report": report, "code": code, "may_import": _may_import_languages(request.user),
        "max_kib": vl.MAX_PO_BYTES // 1024}, status=status)


class VictimLanguageImportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=())
    file = forms.FileField(label=gettext_lazy("Reviewed .po file"))
    reviewed_by = forms.CharField(label=gettext_lazy("Reviewed by (leave empty if it is still a draft)"), required=False,
                                  max_length=100)


@require_GET
@permission_required("accounts.manage")
def victim_languages(request: HttpRequest) -> HttpResponse:
    """Administrators see each victim language's review status and coverage, and move .po
    files out for review and back in."""
    return _languages_page(request)


@require_GET
@permission_required("accounts.manage")
def victim_language_export(request: HttpRequest, code: str) -> HttpResponse:
    lang = vl.get(code)
    if lang is None or not lang.own_catalogue:
        raise Http404
    text = export_po(lang.code, request=request)
    response = HttpResponse(text, content_type="text/x-gettext-translation; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="laborlens-victim-{lang.code}.po"'
    return response


@require_POST
@permission_required("accounts.manage")
def victim_language_import(request: HttpRequest) -> HttpResponse:
    code = str(request.POST.get("language", ""))[:16]
    lang = vl.get(code)
    if lang is None or not lang.own_catalogue:
        raise Http404
    if not _may_import_languages(request.user):
        raise PermissionDenied(_("Only an administrator of the agency hosting the public pages may import."))
    form = VictimLanguageImportForm(request.POST, request.FILES)
    form.fields["language"].choices = [(lang.code, lang.name)]
    if not form.is_valid():
        report = vl.PoReport(errors=[str(e) for errors in form.errors.values() for e in errors])
        return _languages_page(request, report=report, code=code, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > vl.MAX_PO_BYTES:
        report = vl.PoReport(errors=[_("The file is larger than %(kib)s KiB.") % {"kib": vl.MAX_PO_BYTES // 1024}])
        return _languages_page(request, report=report, code=code, status=400)
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        report = vl.PoReport(errors=[_("The file is not UTF-8 text.")])
        return _languages_page(request, report=report, code=code, status=400)
    report = import_po(lang.code, text, reviewed_by=form.cleaned_data["reviewed_by"], request=request)
    if not report.ok:
        return _languages_page(request, report=report, code=code, status=400)
    messages.success(request, _("%(language)s: %(done)s of %(total)s messages imported.") % {
        "language": lang.name, "done": report.translated, "total": report.total})
    return redirect("languages:victim_languages")
