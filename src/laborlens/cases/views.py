"""Case views: small functions; every object is fetched through ``restrict()`` (404 outside
scope), every read of a case, person, entity or evidence item leaves an audit event."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import elements, lists, search, services
from laborlens.cases.forms import (
    CaseForm,
    ChargeForm,
    CustodyForm,
    DisseminationForm,
    EntityForm,
    EvidenceForm,
    InterviewForm,
    LinkForm,
    MemberForm,
    PersonForm,
    PlanDecisionForm,
    PlanForm,
    ReportForm,
    ReviewForm,
    SearchForm,
    TaskForm,
    TimelineNoteForm,
    UploadForm,
)
from laborlens.cases.identity.access import member_case_ids, shown, visible_categories
from laborlens.cases.identity.text import Renderer, may_edit_text, redact, renderer_for_case
from laborlens.cases.models import (
    AfterActionReport,
    Case,
    CaseMember,
    DeconflictionNotice,
    Dissemination,
    ElementLink,
    Entity,
    Evidence,
    EvidenceFile,
    OperationPlan,
    Person,
    Task,
    may_use_cases,
)
from laborlens.cases.pdf import report_pdf, report_sections
from laborlens.core import keyset, listing
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.permissions import mfa_required, permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.core.work import waiting_for

View = Callable[..., HttpResponse]
CONFLICT = gettext_lazy("Someone else saved a change to this record while you were editing it. Nothing of yours "
                        "was saved; open it again to see the current version and make your change there.")


def cases_access(view: View) -> View:
    """Signed in with MFA, and a role that uses cases (cases.view, or victims.view for advocates)."""

    @mfa_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_use_cases(request.user):  # type: ignore[arg-type]
            raise PermissionDenied("Your role does not use cases")
        return view(request, *args, **kwargs)

    return wrapper


def _case(request: HttpRequest, pk: int, action: str = "view") -> Case:
    return get_scoped_or_404(Case.objects.select_related("lead_agency"), request.user, action, pk=pk)


def _form_page(request: HttpRequest, *, title: str, form: Any, case: Case | None, submit: str,
               back: str, status: int = 200, multipart: bool = False, intro: str = "",
               confirm: str = "", confirm_when: str = "") -> HttpResponse:
    """``confirm``: the question an irreversible submit asks first (only when the form's
    ``name=value`` in ``confirm_when`` is chosen, if given)."""
    return render(request, "cases/form.html", {"title": title, "form": form, "case": case, "submit": submit,
                                               "back": back, "multipart": multipart, "intro": intro,
                                               "confirm": confirm, "confirm_when": confirm_when},
                  status=status)


def _conflict(request: HttpRequest, obj: Any, form: Any) -> None:
    record_event(EventTag.CASE_EDIT_CONFLICT, request=request, obj=obj, outcome="conflict",
                 detail={"version": getattr(obj, "version", None)})
    form.add_error(None, CONFLICT)


# --- cases -------------------------------------------------------------------------------


CASE_PAGE_SIZE = 25


@require_GET
@cases_access
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
    seen = Renderer(user, Person.objects.filter(case__in=[case.pk for case in page]))  # type: ignore[arg-type]
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
        return _form_page(request, title=_("Open a case"), form=form, case=None, submit=_("Open case"),
                          back=reverse("cases:list"), status=400)
    return _form_page(request, title=_("Open a case"), form=form, case=None, submit=_("Open case"),
                      back=reverse("cases:list"))


@require_GET
@cases_access
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = _case(request, pk)
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
    # The Edit button only for someone the edit view lets in (same rule: _owner_edits).
    context["can_edit"] = can_change and may_edit_text(user, user.agency_id, [case.title, case.summary],
                                                       context["seen"])
    services.read_case(user, case, request)
    services.read_case_people(user, case, decided, request)  # the list shows names where allowed
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    _owner_edits(request.user, case, [case.title, case.summary], ownership=False)  # type: ignore[arg-type]
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
                _conflict(request, fresh, form)
                return _form_page(request, title=_("Edit case"), form=form, case=fresh, submit=_("Save"),
                                  back=back, status=409)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Case saved."))
                return redirect(back)
        return _form_page(request, title=_("Edit case"), form=form, case=fresh, submit=_("Save"), back=back, status=400)
    return _form_page(request, title=_("Edit case"), form=form, case=case, submit=_("Save"), back=back)


def _candidates(case: Case) -> Any:
    return (User.objects.filter(agency__in=services.eligible_agencies(case), is_active=True)
            .exclude(case_memberships__case=case).select_related("agency").order_by("agency__short_name", "username"))


@require_http_methods(["GET", "POST"])
@cases_access
def case_team(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = _case(request, pk)
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
    case = _case(request, pk, "change")
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
@cases_access
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = _case(request, pk, "export")
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


@require_POST
@permission_required("cases.change")
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = TaskForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.create_task(case, by=request.user, request=request, **form.cleaned_data)  # type: ignore[arg-type]
        except RuleError as error:
            messages.error(request, str(error))
            return redirect("cases:detail", pk=case.pk)
        messages.success(request, _("Task added."))
        return redirect("cases:detail", pk=case.pk)
    return _form_page(request, title=_("Add a task"), form=form, case=case, submit=_("Add task"),
                      back=reverse("cases:detail", args=[case.pk]), status=400)


@require_POST
@permission_required("cases.change")
def charge_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = ChargeForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.add_charge(case, by=request.user, data=form.cleaned_data, request=request)  # type: ignore[arg-type]
        except RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Charge recorded."))
            return redirect("cases:detail", pk=case.pk)
    return _form_page(request, title=_("Record a charge"), form=form, case=case, submit=_("Record charge"),
                      back=reverse("cases:detail", args=[case.pk]), status=400)


@require_POST
@permission_required("cases.change")
def interview_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = InterviewForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.add_interview(case, by=request.user, data=form.cleaned_data, request=request)  # type: ignore[arg-type]
        except RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Interview recorded."))
            return redirect("cases:detail", pk=case.pk)
    return _form_page(request, title=_("Record an interview"), form=form, case=case, submit=_("Record interview"),
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
    case = _case(request, pk, "change")
    form = TimelineNoteForm(request.POST)
    if form.is_valid():
        on = form.cleaned_data["on"]
        at = timezone.make_aware(datetime.combine(on, time(12))) if on else None
        services.add_timeline_note(case, by=request.user, text=form.cleaned_data["text"], at=at, request=request)  # type: ignore[arg-type]
        return redirect("cases:detail", pk=case.pk)
    return _form_page(request, title=_("Add to the timeline"), form=form, case=case, submit=_("Add"),
                      back=reverse("cases:detail", args=[case.pk]), status=400)


# --- people ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def person_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = PersonForm(request.POST or None, initial={"role": request.GET.get("role", "victim")})
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            person = form.apply(Person(case=case))
            try:
                services.save_person(person, by=request.user, request=request)  # type: ignore[arg-type]
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("%(pseudonym)s added to the case.") % {"pseudonym": person.pseudonym})
                return redirect("cases:person", pk=person.pk)
        return _form_page(request, title=_("Add a person"), form=form, case=case, submit=_("Add person"),
                          back=back, status=400)
    return _form_page(request, title=_("Add a person"), form=form, case=case, submit=_("Add person"), back=back,
                      intro=_("Identifying fields are encrypted. Victims appear by pseudonym to anyone whose access does not include their identity."))


@require_GET
@cases_access
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = get_scoped_or_404(Person.objects.select_related("case__lead_agency", "recorded_by_agency"), user, "view", pk=pk)
    categories = visible_categories(user, person)
    identity = "identity" in categories
    record_event(EventTag.CASE_PERSON_VIEWED, request=request, obj=person,
                 detail={"pseudonym": person.pseudonym, "identity_shown": identity})
    victim_record = getattr(person, "victim_record", None) if person.role == Person.Role.VICTIM else None
    seen = renderer_for_case(user, person.case)
    # The edit form shows the notes raw: only for someone who may see everyone they name.
    can_change = (Person.objects.restrict(user, "change").filter(pk=person.pk).exists()
                  and may_edit_text(user, user.agency_id, _person_texts(person), seen))
    can_review = person.intelligence_only and Person.objects.restrict(user, "supervise").filter(pk=person.pk).exists()
    return render(request, "cases/person_detail.html", {
        "person": person, "case": person.case, "identity": identity, "contact": "contact" in categories, "seen": seen,
        "victim_record": victim_record, "can_change": can_change,
        "can_review": can_review, "reviews": person.reviews.select_related("reviewer")})


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = get_scoped_or_404(Person.objects.select_related("case"), user, "change", pk=pk)
    _owner_edits(user, person, _person_texts(person), ownership=False)
    # The form holds identity and contact fields together: both must be visible to edit them.
    identity = {"identity", "contact"} <= visible_categories(user, person)
    form = PersonForm(request.POST or None, identity=identity, initial=PersonForm.initial_for(person))
    back = reverse("cases:person", args=[person.pk])
    title = _("Edit %(pseudonym)s") % {"pseudonym": person.pseudonym}
    if request.method == "POST":
        if form.is_valid():
            form.apply(person)
            try:
                services.save_person(person, by=user, expected_version=form.cleaned_data["version"], request=request)
            except ConflictError:
                _conflict(request, person, form)
                return _form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back, status=409)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect(back)
        return _form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back, status=400)
    record_read(EventTag.CASE_PERSON_EDIT_OPENED, request, person, pseudonym=person.pseudonym, identity_shown=identity)
    return _form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back)


def purge_question() -> str:
    return _("Purge this intelligence record? Its identifying details are deleted and cannot be restored.")


@require_http_methods(["GET", "POST"])
@permission_required("cases.supervise")
def person_review(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = get_scoped_or_404(Person.objects.select_related("case"), user, "supervise", pk=pk, intelligence_only=True)
    form = ReviewForm(request.POST or None)
    title = _("Review intelligence record %(pseudonym)s") % {"pseudonym": person.pseudonym}
    back = reverse("cases:person", args=[person.pk])
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["action"] == "revalidate":
                    services.revalidate(person, by=user, reason=data["reason"], next_due=data["next_review_due"], request=request)
                    messages.success(request, _("Record re-validated."))
                    return redirect(back)
                case_pk = person.case_id
                services.purge(person, by=user, reason=data["reason"], request=request)
                messages.success(request, _("Record purged."))
                return redirect("cases:detail", pk=case_pk)
            except RuleError as error:
                form.add_error(None, str(error))
        return _form_page(request, title=title, form=form, case=person.case, submit=_("Record decision"), back=back,
                          status=400, confirm=purge_question(), confirm_when="action=purge")
    return _form_page(request, title=title, form=form, case=person.case, submit=_("Record decision"), back=back,
                      intro=_("28 CFR Part 23: keep the record only if the reasonable suspicion still stands; otherwise purge it."),
                      confirm=purge_question(), confirm_when="action=purge")


@require_GET
@permission_required("cases.supervise")
def intelligence_reviews(request: HttpRequest) -> HttpResponse:
    horizon = timezone.localdate() + services.review_window()
    due = (Person.objects.restrict(request.user, "supervise").filter(intelligence_only=True)
           .select_related("case").order_by("review_due"))
    record_event(EventTag.CASE_INTEL_LISTED, request=request, detail={"count": due.count()})
    return render(request, "cases/reviews.html", {"people": due, "horizon": horizon})


# --- entities ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def entity_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = EntityForm(request.POST or None, initial={"kind": request.GET.get("kind", "business")})
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            entity = services.save_entity(form.apply(Entity(case=case)), by=request.user, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Entity added."))
            return redirect("cases:entity", pk=entity.pk)
        return _form_page(request, title=_("Add an entity"), form=form, case=case, submit=_("Add"), back=back, status=400)
    return _form_page(request, title=_("Add an entity"), form=form, case=case, submit=_("Add"), back=back)


@require_GET
@cases_access
def entity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entity = get_scoped_or_404(Entity.objects.select_related("case"), request.user, "view", pk=pk)
    record_event(EventTag.CASE_ENTITY_VIEWED, request=request, obj=entity, detail={"kind": entity.kind})
    seen = renderer_for_case(request.user, entity.case)  # type: ignore[arg-type]
    can_change = (Entity.objects.restrict(request.user, "change").filter(pk=entity.pk).exists()
                  and may_edit_text(request.user, request.user.agency_id,  # type: ignore[arg-type,union-attr]
                                    [entity.name, entity.trade_name, entity.notes], seen))
    return render(request, "cases/entity_detail.html", {"entity": entity, "case": entity.case, "can_change": can_change,
                                                        "seen": seen})


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def entity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entity = get_scoped_or_404(Entity.objects.select_related("case", "created_by"), request.user, "change", pk=pk)
    _owner_edits(request.user, entity, [entity.name, entity.trade_name, entity.notes],  # type: ignore[arg-type]
                 ownership=False)
    form = EntityForm(request.POST or None, initial=EntityForm.initial_for(entity))
    back = reverse("cases:entity", args=[entity.pk])
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_entity(form.apply(entity), by=request.user,  # type: ignore[arg-type]
                                     expected_version=form.cleaned_data["version"], request=request)
            except ConflictError:
                _conflict(request, entity, form)
                return _form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back, status=409)
            messages.success(request, _("Saved."))
            return redirect(back)
        return _form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back, status=400)
    return _form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back)


# --- evidence ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def evidence_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
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
        return _form_page(request, title=_("Record evidence"), form=form, case=case, submit=_("Record"), back=back, status=400)
    return _form_page(request, title=_("Record evidence"), form=form, case=case, submit=_("Record"), back=back)


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
    # The Edit button only for someone the edit view lets in (same rule: _owner_edits).
    context["can_edit"] = can_change and may_edit_text(
        request.user, request.user.agency_id, [evidence.title, evidence.description, evidence.source],  # type: ignore[arg-type,union-attr]
        context["seen"])
    return render(request, "cases/evidence_detail.html", context, status=status)


def _evidence(request: HttpRequest, pk: int, action: str) -> Evidence:
    return get_scoped_or_404(Evidence.objects.select_related("case__lead_agency"), request.user, action, pk=pk)


@require_GET
@cases_access
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "view")
    record_event(EventTag.CASE_EVIDENCE_VIEWED, request=request, obj=evidence, detail={"number": evidence.number})
    return _evidence_page(request, evidence)


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def evidence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _evidence(request, pk, "change")
    _owner_edits(request.user, evidence, [evidence.title, evidence.description, evidence.source],  # type: ignore[arg-type]
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
                _conflict(request, fresh, form)
                return _form_page(request, title=_("Edit evidence"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            messages.success(request, _("Saved."))
            return redirect(back)
        return _form_page(request, title=_("Edit evidence"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    return _form_page(request, title=_("Edit evidence"), form=form, case=evidence.case, submit=_("Save"), back=back)


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
@cases_access
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
@cases_access
def board(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    links = ElementLink.objects.filter(evidence__case=case).select_related("evidence")
    statute_boards = elements.build_board((link.element, link.evidence) for link in links)
    record_event(EventTag.CASE_BOARD_VIEWED, request=request, obj=case)
    return render(request, "cases/board.html", {"case": case, "boards": statute_boards})


# --- operations and after-action reports --------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
    form = PlanForm(request.POST or None)
    del form.fields["version"]
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            plan = form.save(commit=False)
            plan.case = case
            services.save_plan(plan, by=request.user, request=request)  # type: ignore[arg-type]
            return redirect("cases:plan", pk=plan.pk)
        return _form_page(request, title=_("Plan an operation"), form=form, case=case, submit=_("Save plan"), back=back, status=400)
    return _form_page(request, title=_("Plan an operation"), form=form, case=case, submit=_("Save plan"), back=back,
                      intro=_("Answer the smart-raid questions before the operation; a supervisor signs the plan off."))


@require_http_methods(["GET", "POST"])
@cases_access
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


def _person_texts(person: Person) -> list[str]:
    return [person.notes, person.justification]


def _report_texts(report: AfterActionReport) -> list[str]:
    return [report.title, *(getattr(report, name) for name in AfterActionReport.SECTIONS)]


def _owner_edits(user: User, obj: Any, texts: list[str], *, ownership: bool = True) -> None:
    """Edit rights follow ownership (identity.text.may_edit_text): an edit form shows the raw
    text, so another agency's team member (reports, plans), or anyone who may not see an
    identity in it (every text), reads the redacted page instead."""
    case = obj if isinstance(obj, Case) else obj.case
    owner = obj.created_by.agency_id if ownership else user.agency_id
    if not may_edit_text(user, owner, texts, renderer_for_case(user, case)):
        raise PermissionDenied(_("Only the agency that wrote this edits it; you can read it with identities you "
                                 "may not see replaced by pseudonyms."))


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_scoped_or_404(OperationPlan.objects.select_related("case", "created_by"), request.user, "change", pk=pk)
    _owner_edits(request.user, plan, _plan_texts(plan))  # type: ignore[arg-type]
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
                _conflict(request, fresh, form)
                return _form_page(request, title=_("Edit plan"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            return redirect(back)
        return _form_page(request, title=_("Edit plan"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    return _form_page(request, title=_("Edit plan"), form=form, case=plan.case, submit=_("Save"), back=back)


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "change")
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
        return _form_page(request, title=_("Write an after-action report"), form=form, case=case, submit=_("Save report"), back=back, status=400)
    return _form_page(request, title=_("Write an after-action report"), form=form, case=case, submit=_("Save report"), back=back)


@require_GET
@cases_access
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
    _owner_edits(request.user, report, _report_texts(report))  # type: ignore[arg-type]
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
                _conflict(request, fresh, form)
                return _form_page(request, title=_("Edit report"), form=form, case=fresh.case, submit=_("Save"), back=back, status=409)
            return redirect(back)
        return _form_page(request, title=_("Edit report"), form=form, case=fresh.case, submit=_("Save"), back=back, status=400)
    record_read(EventTag.CASE_REPORT_EDIT_OPENED, request, report)
    return _form_page(request, title=_("Edit report"), form=form, case=report.case, submit=_("Save"), back=back)


@require_GET
@cases_access
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


# --- my work, search, notices ------------------------------------------------------------


@require_GET
@cases_access
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
    seen = Renderer(user, Person.objects.filter(case__in={*(c.pk for c in cases), *(t.case_id for t in tasks)}))
    # Everything else waiting on this user, each app's own scoped queries (core.work).
    waiting = waiting_for(user)
    return render(request, "cases/my_work.html", {"tasks": tasks, "notices": notices, "reviews": reviews,
                                                  "cases": cases, "shared": shared, "today": today, "seen": seen,
                                                  "waiting": waiting})


@require_http_methods(["GET", "POST"])
@cases_access
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
            result_cases = {c.pk for c in results.cases} | {i.case_id for i in [*results.entities, *results.evidence]}
            seen = Renderer(user, Person.objects.filter(case__in=result_cases))
        else:
            status = 400
    return render(request, "cases/search.html", {"form": form, "results": results,
                                                 "seen": seen if results is not None else None}, status=status)


@require_POST
@cases_access
def notice_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_scoped_or_404(DeconflictionNotice.objects.all(), request.user, "change", pk=pk)
    if notice.acknowledged_at is None:
        services.acknowledge(notice, by=request.user, request=request)  # type: ignore[arg-type]
    return redirect("cases:my_work")

