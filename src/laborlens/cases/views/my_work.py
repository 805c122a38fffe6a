"""One user's desk: my work, search and acknowledging a deconfliction notice."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import search, services
from laborlens.cases.forms import SearchForm
from laborlens.cases.identity.access import shown
from laborlens.cases.identity.text import renderer_for_cases
from laborlens.cases.models import (
    Case,
    CaseMember,
    DeconflictionNotice,
    Dissemination,
    Person,
    Task,
)
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.core.work import waiting_for


@require_GET
@permission_required("case_work")
def my_work(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    today = timezone.localdate()
    tasks = (Task.objects.restrict(user, "view").filter(assignee=user, done_at__isnull=True)
             .select_related("case").order_by("due_on", "pk"))
    notices = (DeconflictionNotice.objects.restrict(user, "view").filter(acknowledged_at__isnull=True)
               .select_related("case", "other_agency", "contact"))
    reviews = (Person.objects.restrict(user, "supervise")
               .filter(intelligence_only=True, review_due__lte=today + services.review_window())
               .select_related("case").order_by("review_due")) if user.can("cases.supervise") else Person.objects.none()
    cases = (Case.objects.restrict(user, "view").filter(memberships__user=user)
             .select_related("lead_agency").prefetch_related(Prefetch("memberships", queryset=CaseMember.objects.filter(user=user), to_attr="mine")))
    shared = Dissemination.objects.restrict(user, "received").select_related("case__lead_agency", "report")[:20]
    record_event(EventTag.CASE_MY_WORK_VIEWED, request=request)
    tasks, cases = list(tasks), list(cases)
    seen = renderer_for_cases(user, {*(c.pk for c in cases), *(t.case_id for t in tasks)})
    # Everything else waiting on this user, each app's own scoped queries (core.work).
    waiting = waiting_for(user)
    return render(request, "cases/my_work.html", {"tasks": tasks, "notices": notices, "reviews": reviews,
                                                  "cases": cases, "shared": shared, "today": today, "seen": seen,
                                                  "waiting": waiting})


@require_http_methods(["GET", "POST"])
@permission_required("case_work")
def search_view(request: HttpRequest) -> HttpResponse:
    """POST, so that a searched name never lands in a URL, a server log or browser history."""
    user: User = request.user  # type: ignore[assignment]
    form = SearchForm(request.POST or None)
    results = None
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["q"].strip():
            results = search.run(user, form.cleaned_data["q"])
            # Never the query text in the audit trail: it may be a victim's name.
            record_event(EventTag.CASE_SEARCHED, request=request, detail={
                "results": results.count, "people": len(results.people)})
            results.people = shown(user, results.people)  # type: ignore[assignment]
            seen = results.renderer
        else:
            status = 400
    return render(request, "cases/search.html", {"form": form, "results": results,
                                                 "seen": seen if results is not None else None}, status=status)


@require_POST
@permission_required("case_work")
def notice_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_scoped_or_404(DeconflictionNotice.objects.all(), request.user, "change", pk=pk)
    if notice.acknowledged_at is None:
        services.acknowledge(notice, by=request.user, request=request)  # type: ignore[arg-type]
    return redirect("cases:my_work")
