"""People on a case, and the supervisors' review of intelligence records (28 CFR Part 23)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import services
from laborlens.cases.forms import PersonForm, ReviewForm
from laborlens.cases.identity.access import visible_categories
from laborlens.cases.identity.text import may_edit_text, renderer_for_case
from laborlens.cases.models import Person
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
def person_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
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
        return form_page(request, title=_("Add a person"), form=form, case=case, submit=_("Add person"),
                         back=back, status=400)
    return form_page(request, title=_("Add a person"), form=form, case=case, submit=_("Add person"), back=back,
                     intro=_("Identifying fields are encrypted. Victims appear by pseudonym to anyone whose access does not include their identity."))


@require_GET
@permission_required("case_work")
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
    owner_edits(user, person, _person_texts(person), ownership=False)
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
                edit_conflict(request, person, form)
                return form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back, status=409)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect(back)
        return form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back, status=400)
    record_read(EventTag.CASE_PERSON_EDIT_OPENED, request, person, pseudonym=person.pseudonym, identity_shown=identity)
    return form_page(request, title=title, form=form, case=person.case, submit=_("Save"), back=back)


def _person_texts(person: Person) -> list[str]:
    return [person.notes, person.justification]


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
        return form_page(request, title=title, form=form, case=person.case, submit=_("Record decision"), back=back,
                         status=400, confirm=purge_question(), confirm_when="action=purge")
    return form_page(request, title=title, form=form, case=person.case, submit=_("Record decision"), back=back,
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
