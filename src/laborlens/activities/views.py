"""Activities and agreements: lists of what the user's agency took part in, forms to record
them, and the agreements due for renewal. Objects are fetched through ``restrict()``
(404 outside scope); every write is audited in ``services``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.activities import services
from laborlens.activities.forms import ActivityForm, AgreementForm, FilterForm
from laborlens.activities.models import Activity, Agreement
from laborlens.activities.topics import topic_labels
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.errors import ConflictError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404

CONFLICT = gettext_lazy("Someone else saved a change to this record while you were editing it. Nothing of yours "
                        "was saved; open it again to see the current version and make your change there.")


def _form(request: HttpRequest, *, title: str, form: Any, back: str, status: int = 200) -> HttpResponse:
    return render(request, "activities/form.html", {"title": title, "form": form, "back": back}, status=status)


@require_GET
@permission_required("activities")
def activity_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    activities = (Activity.objects.restrict(user, "view").select_related("lead_agency", "task_force")
                  .prefetch_related("agencies"))
    filters = FilterForm(request.GET or None)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["kind"]:
            activities = activities.filter(kind=data["kind"])
        if data["start"]:
            activities = activities.filter(held_on__gte=data["start"])
        if data["end"]:
            activities = activities.filter(held_on__lte=data["end"])
    page = Paginator(activities, 25).get_page(request.GET.get("page"))
    lang = get_language() or "en"
    rows = [(activity, topic_labels(activity.topics, lang)) for activity in page.object_list]
    due = services.due_for_renewal(Agreement.objects.restrict(user, "view")).count()
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "activities/list.html", {
        "page": page, "rows": rows, "filters": filters, "can_record": user.can("activities.record"),
        "due_count": due, "query": query.urlencode()})


@require_http_methods(["GET", "POST"])
@permission_required("activities.record")
def activity_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    activity = (get_scoped_or_404(Activity.objects.select_related("lead_agency"), user, "change", pk=pk)
                if pk is not None else Activity(lead_agency=user.agency))
    title = _("Edit activity") if pk is not None else _("Record an activity")
    form = ActivityForm(request.POST or None, instance=activity, user=user)
    back = reverse("activities:list")
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_activity(form.save(commit=False), by=user, agencies=list(form.cleaned_data["agencies"]),
                                       expected_version=form.cleaned_data.get("version"), request=request)
            except ConflictError:
                form.add_error(None, str(CONFLICT))
                return _form(request, title=title, form=form, back=back, status=409)
            messages.success(request, _("Activity saved."))
            return redirect("activities:list")
        return _form(request, title=title, form=form, back=back, status=400)
    return _form(request, title=title, form=form, back=back)


@require_GET
@permission_required("agreements")
def agreement_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    agreements = Agreement.objects.restrict(user, "view").prefetch_related("parties")
    show = request.GET.get("show", "active")
    today = timezone.localdate()
    if show != "all":
        agreements = agreements.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
    due = list(services.due_for_renewal(Agreement.objects.restrict(user, "view")))
    record_event(EventTag.AGREEMENT_REMINDERS_LISTED, request=request, detail={"due": len(due)})
    return render(request, "activities/agreements.html", {
        "agreements": agreements, "due": due, "today": today, "show": show, "days": services.REMINDER_DAYS,
        "can_record": user.can("activities.agreements")})


@require_http_methods(["GET", "POST"])
@permission_required("activities.agreements")
def agreement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    agreement = get_scoped_or_404(Agreement.objects.all(), user, "change", pk=pk) if pk is not None else Agreement()
    title = _("Edit agreement") if pk is not None else _("Record an agreement")
    form = AgreementForm(request.POST or None, instance=agreement, user=user)
    back = reverse("activities:agreements")
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_agreement(form.save(commit=False), by=user, parties=list(form.cleaned_data["parties"]),
                                        expected_version=form.cleaned_data.get("version"), request=request)
            except ConflictError:
                form.add_error(None, str(CONFLICT))
                return _form(request, title=title, form=form, back=back, status=409)
            messages.success(request, _("Agreement saved."))
            return redirect("activities:agreements")
        return _form(request, title=title, form=form, back=back, status=400)
    return _form(request, title=title, form=form, back=back)
