"""What the case page's small forms add: tasks, charges, interviews and timeline notes."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from laborlens.cases import services
from laborlens.cases.forms import ChargeForm, InterviewForm, TaskForm, TimelineNoteForm
from laborlens.cases.models import Task
from laborlens.cases.views.common import form_page, scoped_case
from laborlens.core.errors import RuleError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404


@require_POST
@permission_required("cases.change")
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = TaskForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.create_task(case, by=request.user, request=request, **form.cleaned_data)  # type: ignore[arg-type]
        except RuleError as error:
            messages.error(request, str(error))
            return redirect("cases:detail", pk=case.pk)
        messages.success(request, _("Task added."))
        return redirect("cases:detail", pk=case.pk)
    return form_page(request, title=_("Add a task"), form=form, case=case, submit=_("Add task"),
                     back=reverse("cases:detail", args=[case.pk]), status=400)


@require_POST
@permission_required("cases.change")
def charge_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = ChargeForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.add_charge(case, by=request.user, data=form.cleaned_data, request=request)  # type: ignore[arg-type]
        except RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Charge recorded."))
            return redirect("cases:detail", pk=case.pk)
    return form_page(request, title=_("Record a charge"), form=form, case=case, submit=_("Record charge"),
                     back=reverse("cases:detail", args=[case.pk]), status=400)


@require_POST
@permission_required("cases.change")
def interview_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = InterviewForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.add_interview(case, by=request.user, data=form.cleaned_data, request=request)  # type: ignore[arg-type]
        except RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Interview recorded."))
            return redirect("cases:detail", pk=case.pk)
    return form_page(request, title=_("Record an interview"), form=form, case=case, submit=_("Record interview"),
                     back=reverse("cases:detail", args=[case.pk]), status=400)


@require_POST
@permission_required("cases.change")
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_scoped_or_404(Task.objects.select_related("case"), request.user, "change", pk=pk)
    try:
        services.complete_task(task, by=request.user, request=request)  # type: ignore[arg-type]
    except RuleError as error:
        messages.error(request, str(error))
        return redirect("cases:detail", pk=task.case_id)
    messages.success(request, _("Task done."))
    if request.POST.get("next") == "my-work":
        return redirect("cases:my_work")
    return redirect("cases:detail", pk=task.case_id)


@require_POST
@permission_required("cases.change")
def timeline_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = TimelineNoteForm(request.POST)
    if form.is_valid():
        on = form.cleaned_data["on"]
        at = timezone.make_aware(datetime.combine(on, time(12))) if on else None
        services.add_timeline_note(case, by=request.user, text=form.cleaned_data["text"], at=at, request=request)  # type: ignore[arg-type]
        return redirect("cases:detail", pk=case.pk)
    return form_page(request, title=_("Add to the timeline"), form=form, case=case, submit=_("Add"),
                     back=reverse("cases:detail", args=[case.pk]), status=400)
