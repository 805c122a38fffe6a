"""The case itself: the list, opening, the case page, editing, the team, sharing and the
JSON export."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import lists, services
from laborlens.cases.forms import (
    CaseForm,
    ChargeForm,
    DisseminationForm,
    InterviewForm,
    MemberForm,
    TaskForm,
    TimelineNoteForm,
)
from laborlens.cases.identity.access import member_case_ids, shown
from laborlens.cases.identity.text import (
    Renderer,
    may_edit_text,
    renderer_for_case,
    renderer_for_cases,
)
from laborlens.cases.models import Case, CaseMember, ElementLink
from laborlens.cases.views.common import (
    edit_conflict,
    form_page,
    owner_edits,
    scoped_case,
)
from laborlens.core import keyset, listing
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.permissions import permission_required

CASE_PAGE_SIZE = 25


@require_GET
@permission_required("case_work")
def case_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = lists.CaseFilterForm(request.GET)
    fmt, context = listing.bind(form, request)
    cases = Case.objects.restrict(user, "view").select_related("lead_agency")
    context |= {"can_create": user.can("cases.create")}
    if not form.is_valid():
        return render(request, "cases/case_list.html", {**context, "page": keyset.Page([], None, None, True)},
                      status=400)
    cases = form.apply(cases, user)
    if fmt:
        rows = list(cases.order_by(*keyset.order_of(form.keys()))[: listing.EXPORT_LIMIT])
        title = listing.page_by_page(rows, CASE_PAGE_SIZE, lists.page_titles(user, rows))
        record_event(EventTag.CASE_LIST_EXPORTED, request=request,
                     detail=listing.export_detail(form, fmt, len(rows)))
        return listing.export_response(fmt, "cases", lists.columns(title), rows)
    # 25 at a time in the chosen order, without counting (laborlens.core.keyset).
    page = keyset.paginate(cases, form.keys(), CASE_PAGE_SIZE,
                           after=request.GET.get("after"), before=request.GET.get("before"))
    services.list_cases(user, request, first_page=page.is_first, count=len(page))
    seen = renderer_for_cases(user, [case.pk for case in page])
    return render(request, "cases/case_list.html", {**context, "page": page, "seen": seen})


@require_http_methods(["GET", "POST"])
@permission_required("cases.create")
def case_create(request: HttpRequest) -> HttpResponse:
    form = CaseForm(request.POST or None, creating=True)
    if request.method == "POST":
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.fields if name != "version"}
            case = services.create_case(by=request.user, data=data, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Case %(number)s opened. You are its lead.") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
        return form_page(request, title=_("Open a case"), form=form, case=None, submit=_("Open case"),
                         back=reverse("cases:list"), status=400)
    return form_page(request, title=_("Open a case"), form=form, case=None, submit=_("Open case"),
                     back=reverse("cases:list"))


@require_GET
@permission_required("case_work")
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = scoped_case(request, pk)
    member_of = member_case_ids(user, [case.pk])
    members = list(case.memberships.select_related("user__agency"))
    people = list(case.people.all())
    notices = []
    is_lead = any(m.user_id == user.pk and m.role == CaseMember.Role.LEAD for m in members)
    if is_lead or (user.can("cases.supervise") and user.agency_id == case.lead_agency_id):
        notices = list(case.notices.select_related("other_agency", "contact").filter(acknowledged_at__isnull=True))
    can_change = Case.objects.restrict(user, "change").filter(pk=case.pk).exists()
    decided = shown(user, people, member_of)
    screenings = list(case.screenings.all()[:20]) if hasattr(case, "screenings") else []
    context = {
        "case": case, "members": members, "people": decided,
        "entities": list(case.entities.all()),
        "evidence": list(case.evidence.annotate(link_count=Count("element_links"))),
        "tasks": list(case.tasks.select_related("assignee").filter(done_at__isnull=True)),
        "timeline": list(case.timeline.select_related("actor")[:30]),
        "operations": list(case.operations.all()), "reports": list(case.reports.all()),
        "notices": notices, "can_change": can_change, "screenings": screenings,
        "task_form": TaskForm(case=case), "note_form": TimelineNoteForm(),
        "charges": list(case.charges.select_related("defendant")),
        "interviews": list(case.interviews.select_related("person")),
        "charge_form": ChargeForm(case=case, people=people), "interview_form": InterviewForm(case=case, people=people),
        "seen": Renderer(user, people, decided=decided),
    }
    # The Edit button only for someone the edit view lets in (same rule: owner_edits).
    context["can_edit"] = can_change and may_edit_text(user, user.agency_id, [case.title, case.summary],
                                                       context["seen"])
    services.read_case(user, case, request)
    services.read_case_people(user, case, decided, request)  # the list shows names where allowed
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    owner_edits(request.user, case, [case.title, case.summary], ownership=False)  # type: ignore[arg-type]
    form = CaseForm(request.POST or None, instance=case, initial={"version": case.version})
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        # ModelForm validation writes into the instance: keep a clean copy for the service.
        fresh = Case.objects.get(pk=case.pk)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.fields if name != "version"}
            try:
                services.update_case(fresh, data, expected_version=form.cleaned_data["version"],
                                     by=request.user, request=request)  # type: ignore[arg-type]
            except ConflictError:
                edit_conflict(request, fresh, form)
                return form_page(request, title=_("Edit case"), form=form, case=fresh, submit=_("Save"),
                                 back=back, status=409)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Case saved."))
                return redirect(back)
        return form_page(request, title=_("Edit case"), form=form, case=fresh, submit=_("Save"), back=back, status=400)
    return form_page(request, title=_("Edit case"), form=form, case=case, submit=_("Save"), back=back)


def _candidates(case: Case) -> Any:
    return (User.objects.filter(agency__in=services.eligible_agencies(case), is_active=True)
            .exclude(case_memberships__case=case).select_related("agency").order_by("agency__short_name", "username"))


@require_http_methods(["GET", "POST"])
@permission_required("case_work")
def case_team(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = scoped_case(request, pk)
    can_manage = Case.objects.restrict(user, "manage_team").filter(pk=case.pk).exists()
    form = MemberForm(candidates=_candidates(case)) if can_manage else None
    status = 200
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Only the case lead or a supervisor changes the team")
        action = request.POST.get("action", "")
        try:
            if action == "add":
                form = MemberForm(request.POST, candidates=_candidates(case))
                if form.is_valid():
                    data = form.cleaned_data
                    services.add_member(case, data["user"], data["role"], by=user, reason=data["reason"], request=request)
                    messages.success(request, _("Team member added."))
                    return redirect("cases:team", pk=case.pk)
                status = 400
            elif action == "remove":
                member = case.memberships.filter(pk=_int(request.POST.get("member"))).select_related("user").first()
                if member is None:
                    raise RuleError(_("That person is not on the team."))
                services.remove_member(member, by=user, request=request)
                messages.success(request, _("Removed from the team; their access ended now."))
                return redirect("cases:team", pk=case.pk)
            else:
                raise RuleError(_("That action is not available."))
        except RuleError as error:
            messages.error(request, str(error))
            status = 400
    else:
        record_event(EventTag.CASE_TEAM_VIEWED, request=request, obj=case)
    members = case.memberships.select_related("user__agency", "added_by")
    return render(request, "cases/team.html", {"case": case, "members": members, "form": form,
                                               "can_manage": can_manage}, status=status)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def case_share(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = DisseminationForm(request.POST or None, case=case)
    seen = renderer_for_case(request.user, case)  # type: ignore[arg-type]
    form.fields["report"].label_from_instance = lambda report: seen(report.title)  # type: ignore[attr-defined]
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.disseminate(case, by=request.user, recipient_agency=data["recipient_agency"],  # type: ignore[arg-type]
                                     what=data["what"], reason=data["reason"], report=data["report"],
                                     disseminated_on=data["disseminated_on"], request=request)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Dissemination recorded."))
                return redirect("cases:share", pk=case.pk)
    records = case.disseminations.select_related("recipient_agency", "recipient_user", "recorded_by", "report")
    return render(request, "cases/share.html", {"case": case, "form": form, "records": records, "seen": seen},
                  status=status)


@require_GET
@permission_required("case_work")
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = scoped_case(request, pk, "export")
    member_of = member_case_ids(user, [case.pk])
    people = shown(user, case.people.all(), member_of)
    seen = Renderer(user, [item.person for item in people])
    links = ElementLink.objects.filter(evidence__case=case).values_list("evidence_id", "element")
    by_item: dict[int, list[str]] = {}
    for evidence_id, element in links:
        by_item.setdefault(evidence_id, []).append(element)
    payload = {
        "number": case.number, "title": seen(case.title), "lead_agency": case.lead_agency.name,
        "stage": case.stage, "industry": case.industry, "visa_programmes": case.visa_programmes,
        "exploitation": case.exploitation, "co_occurring_crimes": case.co_occurring_crimes,
        "team": [{"user": m.user.username, "agency": m.user.agency.short_name, "role": m.role}
                 for m in case.memberships.select_related("user__agency")],
        "people": [{"pseudonym": p.person.pseudonym, "role": p.person.role,
                    **({"name": p.person.full_name} if p.identity else {})} for p in people],
        "entities": [{"kind": e.kind, "name": seen(e.name)} for e in case.entities.all()],
        "evidence": [{"number": e.number, "kind": e.kind, "title": seen(e.title), "elements": by_item.get(e.pk, [])}
                     for e in case.evidence.all()],
        "exported_at": timezone.now().isoformat(), "exported_by": user.username,
    }
    record_event(EventTag.CASE_EXPORTED, request=request, obj=case, detail={"number": case.number, "format": "json"})
    response = HttpResponse(json.dumps(payload, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{case.number}.json"'
    return response
