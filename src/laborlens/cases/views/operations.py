"""Operation plans and after-action reports, with the PDF and the report another agency shared."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import services
from laborlens.cases.forms import PlanDecisionForm, PlanForm, ReportForm
from laborlens.cases.identity.text import may_edit_text, redact, renderer_for_case
from laborlens.cases.models import AfterActionReport, Dissemination, OperationPlan
from laborlens.cases.pdf import report_pdf, report_sections
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
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = PlanForm(request.POST or None)
    del form.fields["version"]
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            plan = form.save(commit=False)
            plan.case = case
            services.save_plan(plan, by=request.user, request=request)  # type: ignore[arg-type]
            return redirect("cases:plan", pk=plan.pk)
        return form_page(request, title=_("Plan an operation"), form=form, case=case, submit=_("Save plan"), back=back, status=400)
    return form_page(request, title=_("Plan an operation"), form=form, case=case, submit=_("Save plan"), back=back,
                     intro=_("Answer the smart-raid questions before the operation; a supervisor signs the plan off."))


@require_http_methods(["GET", "POST"])
@permission_required("case_work")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    plan = get_scoped_or_404(OperationPlan.objects.select_related("case", "approved_by", "created_by"), user, "view", pk=pk)
    seen = renderer_for_case(user, plan.case)
    can_change = (OperationPlan.objects.restrict(user, "change").filter(pk=plan.pk).exists()
                  and may_edit_text(user, plan.created_by.agency_id, _plan_texts(plan), seen))
    can_sign = OperationPlan.objects.restrict(user, "supervise").filter(pk=plan.pk).exists()
    status = 200
    form = PlanDecisionForm()
    if request.method == "POST":
        form = PlanDecisionForm(request.POST)
        if not form.is_valid():
            status = 400
        else:
            action = form.cleaned_data["action"]
            if (action == "submit" and not can_change) or (action in {"approve", "return"} and not can_sign):
                raise PermissionDenied("Not allowed for this plan")
            try:
                services.plan_transition(plan, action, by=user, note_text=form.cleaned_data["note"], request=request)
            except RuleError as error:
                messages.error(request, str(error))
                status = 400
            else:
                return redirect("cases:plan", pk=plan.pk)
    else:
        record_event(EventTag.CASE_PLAN_VIEWED, request=request, obj=plan)
    answers = [(OperationPlan._meta.get_field(name).verbose_name, getattr(plan, name)) for name in OperationPlan.QUESTIONS]
    return render(request, "cases/plan_detail.html", {"plan": plan, "case": plan.case, "answers": answers,
                                                      "can_change": can_change, "can_sign": can_sign,
                                                      "form": form, "seen": seen}, status=status)


def _plan_texts(plan: OperationPlan) -> list[str]:
    return [plan.title, plan.supervisor_note, *(getattr(plan, name) or "" for name in OperationPlan.QUESTIONS
                                                 if isinstance(getattr(plan, name), str))]


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_scoped_or_404(OperationPlan.objects.select_related("case", "created_by"), request.user, "change", pk=pk)
    owner_edits(request.user, plan, _plan_texts(plan))  # type: ignore[arg-type]
    form = PlanForm(request.POST or None, instance=plan, initial={"version": plan.version})
    back = reverse("cases:plan", args=[plan.pk])
    if request.method == "POST":
        fresh = OperationPlan.objects.select_related("case").get(pk=plan.pk)
        if form.is_valid():
            for name in ("title", "planned_for", *OperationPlan.QUESTIONS):
                setattr(fresh, name, form.cleaned_data[name])
            try:
                services.save_plan(fresh, by=request.user, expected_version=form.cleaned_data["version"], request=request)  # type: ignore[arg-type]
            except ConflictError:
                edit_conflict(request, fresh, form)
                return form_page(request, title=_("Edit plan"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            return redirect(back)
        return form_page(request, title=_("Edit plan"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    return form_page(request, title=_("Edit plan"), form=form, case=plan.case, submit=_("Save"), back=back)


def _report_texts(report: AfterActionReport) -> list[str]:
    return [report.title, *(getattr(report, name) for name in AfterActionReport.SECTIONS)]


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = ReportForm(request.POST or None, case=case)
    seen = renderer_for_case(request.user, case)  # type: ignore[arg-type]
    form.fields["operation"].label_from_instance = lambda plan: seen(plan.title)  # type: ignore[attr-defined]
    del form.fields["version"]
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            report = form.save(commit=False)
            report.case = case
            services.save_report(report, by=request.user, request=request)  # type: ignore[arg-type]
            return redirect("cases:report", pk=report.pk)
        return form_page(request, title=_("Write an after-action report"), form=form, case=case, submit=_("Save report"), back=back, status=400)
    return form_page(request, title=_("Write an after-action report"), form=form, case=case, submit=_("Save report"), back=back)


@require_GET
@permission_required("case_work")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_scoped_or_404(AfterActionReport.objects.select_related("case", "operation", "created_by"), request.user, "view", pk=pk)
    record_event(EventTag.CASE_REPORT_VIEWED, request=request, obj=report)
    # Identifying values of people this reader may not see are replaced by pseudonyms.
    seen = renderer_for_case(request.user, report.case)
    can_change = (AfterActionReport.objects.restrict(request.user, "change").filter(pk=report.pk).exists()
                  and may_edit_text(request.user, report.created_by.agency_id, _report_texts(report), seen))  # type: ignore[arg-type]
    sections = [(AfterActionReport._meta.get_field(name).verbose_name, seen(getattr(report, name)))
                for name in AfterActionReport.SECTIONS]
    return render(request, "cases/report_detail.html", {"report": report, "case": report.case, "sections": sections,
                                                        "title": seen(report.title), "seen": seen,
                                                        "can_change": can_change, "redacted": False})


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_scoped_or_404(AfterActionReport.objects.select_related("case", "created_by"), request.user, "change", pk=pk)
    owner_edits(request.user, report, _report_texts(report))  # type: ignore[arg-type]
    form = ReportForm(request.POST or None, instance=report, case=report.case, initial={"version": report.version})
    back = reverse("cases:report", args=[report.pk])
    if request.method == "POST":
        fresh = AfterActionReport.objects.select_related("case").get(pk=report.pk)
        if form.is_valid():
            for name in ("title", "operation", *AfterActionReport.SECTIONS):
                setattr(fresh, name, form.cleaned_data[name])
            try:
                services.save_report(fresh, by=request.user, expected_version=form.cleaned_data["version"], request=request)  # type: ignore[arg-type]
            except ConflictError:
                edit_conflict(request, fresh, form)
                return form_page(request, title=_("Edit report"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            return redirect(back)
        return form_page(request, title=_("Edit report"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    record_read(EventTag.CASE_REPORT_EDIT_OPENED, request, report)
    return form_page(request, title=_("Edit report"), form=form, case=report.case, submit=_("Save"), back=back)


@require_GET
@permission_required("case_work")
def report_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_scoped_or_404(AfterActionReport.objects.select_related("case"), request.user, "export", pk=pk)
    record_event(EventTag.CASE_REPORT_EXPORTED, request=request, obj=report, detail={"format": "pdf", "redacted": True})
    response = HttpResponse(report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.case.number}-after-action-{report.pk}.pdf"'
    return response


@require_GET
@permission_required("cases.view")
def shared_report(request: HttpRequest, pk: int) -> HttpResponse:
    """What another agency shared with mine: the report with identities removed."""
    record = get_scoped_or_404(Dissemination.objects.select_related("case", "report", "case__lead_agency"),
                               request.user, "received", pk=pk)
    report = record.report
    people = list(record.case.people.all())
    sections = [(heading, text) for heading, text in report_sections(report)] if report else []
    record_event(EventTag.CASE_REPORT_SHARED_VIEWED, request=request, obj=report, detail={"dissemination": record.pk})
    return render(request, "cases/report_detail.html", {
        "report": report, "case": None, "shared_from": record.case.lead_agency, "record": record,
        "title": redact(report.title, people, strict=True) if report else "",
        "sections": sections, "can_change": False, "redacted": True})
