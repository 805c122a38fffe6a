"""Evidence: items, their files, chain of custody, links to legal elements, and the elements
board."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import elements, services
from laborlens.cases.forms import CustodyForm, EvidenceForm, LinkForm, UploadForm
from laborlens.cases.identity.text import may_edit_text, renderer_for_case
from laborlens.cases.models import ElementLink, Evidence, EvidenceFile
from laborlens.cases.views.common import (
    edit_conflict,
    form_page,
    owner_edits,
    scoped_case,
)
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def evidence_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = EvidenceForm(request.POST or None)
    del form.fields["version"]
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            evidence = form.save(commit=False)
            evidence.case = case
            services.save_evidence(evidence, by=request.user, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Evidence %(number)s recorded.") % {"number": evidence.number})
            return redirect("cases:evidence", pk=evidence.pk)
        return form_page(request, title=_("Record evidence"), form=form, case=case, submit=_("Record"), back=back, status=400)
    return form_page(request, title=_("Record evidence"), form=form, case=case, submit=_("Record"), back=back)


def _evidence_page(request: HttpRequest, evidence: Evidence, *, status: int = 200, **forms: Any) -> HttpResponse:
    can_change = Evidence.objects.restrict(request.user, "change").filter(pk=evidence.pk).exists()
    links = list(evidence.element_links.all())
    context = {
        "evidence": evidence, "case": evidence.case, "can_change": can_change,
        "files": evidence.files.select_related("uploaded_by"), "custody": evidence.custody.select_related("recorded_by"),
        "links": links, "upload_form": forms.get("upload_form") or UploadForm(),
        "custody_form": forms.get("custody_form") or CustodyForm(initial={"at": timezone.localtime().replace(second=0, microsecond=0)}),
        "link_form": forms.get("link_form") or LinkForm(),
        "seen": renderer_for_case(request.user, evidence.case),
    }
    # The Edit button only for someone the edit view lets in (same rule: owner_edits).
    context["can_edit"] = can_change and may_edit_text(
        request.user, request.user.agency_id, [evidence.title, evidence.description, evidence.source],  # type: ignore[arg-type,union-attr]
        context["seen"])
    return render(request, "cases/evidence_detail.html", context, status=status)


def _evidence(request: HttpRequest, pk: int, action: str) -> Evidence:
    return get_scoped_or_404(Evidence.objects.select_related("case__lead_agency"), request.user, action, pk=pk)


@require_GET
@permission_required("case_work")
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "view")
    record_event(EventTag.CASE_EVIDENCE_VIEWED, request=request, obj=evidence, detail={"number": evidence.number})
    return _evidence_page(request, evidence)


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def evidence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "change")
    owner_edits(request.user, evidence, [evidence.title, evidence.description, evidence.source],  # type: ignore[arg-type]
                ownership=False)
    form = EvidenceForm(request.POST or None, instance=evidence, initial={"version": evidence.version})
    back = reverse("cases:evidence", args=[evidence.pk])
    if request.method == "POST":
        fresh = Evidence.objects.select_related("case").get(pk=evidence.pk)
        if form.is_valid():
            for name in ("kind", "title", "description", "source", "collected_on"):
                setattr(fresh, name, form.cleaned_data[name])
            try:
                services.save_evidence(fresh, by=request.user, expected_version=form.cleaned_data["version"], request=request)  # type: ignore[arg-type]
            except ConflictError:
                edit_conflict(request, fresh, form)
                return form_page(request, title=_("Edit evidence"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            messages.success(request, _("Saved."))
            return redirect(back)
        return form_page(request, title=_("Edit evidence"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    return form_page(request, title=_("Edit evidence"), form=form, case=evidence.case, submit=_("Save"), back=back)


@require_POST
@permission_required("cases.change")
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "change")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        record_event(EventTag.CASE_FILE_REJECTED, request=request, obj=evidence, outcome="failure",
                     detail={"reason": "; ".join(str(e) for e in form.errors.get("file", []))})
        return _evidence_page(request, evidence, status=400, upload_form=form)
    data = form.cleaned_data
    services.add_file(evidence, data=data["data"], name=data["name"], content_type=data["content_type"],
                      by=request.user, request=request)  # type: ignore[arg-type]
    messages.success(request, _("File attached."))
    return redirect("cases:evidence", pk=evidence.pk)


@require_POST
@permission_required("cases.change")
def evidence_custody(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "change")
    form = CustodyForm(request.POST)
    if not form.is_valid():
        return _evidence_page(request, evidence, status=400, custody_form=form)
    services.add_custody(evidence, by=request.user, data=form.cleaned_data, request=request)  # type: ignore[arg-type]
    messages.success(request, _("Custody event recorded."))
    return redirect("cases:evidence", pk=evidence.pk)


@require_POST
@permission_required("cases.change")
def evidence_link(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "change")
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            services.link_element(evidence, element=form.cleaned_data["element"], note_text=form.cleaned_data["note"],
                                  by=request.user, request=request)  # type: ignore[arg-type]
        except RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Linked to the element."))
            return redirect("cases:evidence", pk=evidence.pk)
    return _evidence_page(request, evidence, status=400, link_form=form)


@require_POST
@permission_required("cases.change")
def link_delete(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_scoped_or_404(ElementLink.objects.select_related("evidence__case"), request.user, "change", pk=pk)
    evidence_pk = link.evidence_id
    services.unlink_element(link, by=request.user, request=request)  # type: ignore[arg-type]
    messages.success(request, _("Link removed."))
    return redirect("cases:evidence", pk=evidence_pk)


@require_GET
@permission_required("case_work")
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_scoped_or_404(EvidenceFile.objects.select_related("evidence"), request.user, "view", pk=pk)
    try:
        data = services.read_file(attachment)
    except FileNotFoundError:
        raise Http404("file missing") from None
    record_event(EventTag.CASE_FILE_DOWNLOADED, request=request, obj=attachment,
                 detail={"evidence": attachment.evidence.number})
    response = HttpResponse(data, content_type="application/octet-stream")
    extension = attachment.original_name.rsplit(".", 1)[-1] if "." in attachment.original_name else "bin"
    # A neutral file name: the original one may identify someone and would reach browser history.
    response["Content-Disposition"] = f'attachment; filename="{attachment.evidence.number}-{attachment.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@permission_required("case_work")
def board(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk)
    links = ElementLink.objects.filter(evidence__case=case).select_related("evidence")
    statute_boards = elements.build_board((link.element, link.evidence) for link in links)
    record_event(EventTag.CASE_BOARD_VIEWED, request=request, obj=case)
    return render(request, "cases/board.html", {"case": case, "boards": statute_boards})
