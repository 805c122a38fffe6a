"""Victim services views: small functions; every object is fetched through ``restrict()``
(404 outside scope); every read of a victim record, consent or referral leaves an audit
event; what a user sees of a record is decided by ``victims.access.record_categories``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
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
from laborlens.cases.identity.access import shown
from laborlens.cases.models import Case, Person
from laborlens.core import listing
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims import lists, printing, services
from laborlens.victims.access import record_categories
from laborlens.victims.forms import (
    ConsentForm,
    DirectorySearchForm,
    NeedForm,
    OpenRecordForm,
    PartnerForm,
    RecordForm,
    ReferralActionForm,
    ReferralForm,
    ReliefForm,
)
from laborlens.victims.models import Category, Consent, Partner, Referral, Relief, VictimRecord

View = Callable[..., HttpResponse]
CONFLICT = gettext_lazy("Someone else saved a change to this record while you were editing it. Nothing of yours "
                        "was saved; open it again to see the current version and make your change there.")


def _record(request: HttpRequest, pk: int, action: str = "view") -> VictimRecord:
    return get_scoped_or_404(VictimRecord.objects.select_related("person__case", "serving_agency"),
                             request.user, action, pk=pk)


def _form(request: HttpRequest, *, title: str, form: Any, submit: str, back: str, status: int = 200,
          intro: str = "", record: VictimRecord | None = None) -> HttpResponse:
    response = render(request, "victims/form.html", {"title": title, "form": form, "submit": submit, "back": back,
                                                      "intro": intro, "record": record}, status=status)
    return response


QUEUE_LIMIT = 100  # referrals per heading on the queue page; the download holds them all


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


# --- victim records ------------------------------------------------------------------------


@require_GET
@permission_required("case_work")
def record_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    records = VictimRecord.objects.restrict(user, "view").select_related("person__case", "serving_agency")
    page = Paginator(records, 25).get_page(request.GET.get("page"))
    people = shown(user, [record.person for record in page.object_list])  # batched: no query per row
    rows = list(zip(page.object_list, [item.identity for item in people], strict=True))
    services.list_records(user, request, page=page.number, count=len(rows))
    return _no_store(render(request, "victims/record_list.html", {
        "page": page, "rows": rows, "can_open": user.can("victims.change")}))


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def record_open(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    cases = Case.objects.restrict(user, "view")
    people = (Person.objects.restrict(user, "view").filter(role=Person.Role.VICTIM, victim_record__isnull=True)
              .select_related("case"))
    form = OpenRecordForm(request.POST or None, cases=cases, people=people)
    title, back = _("Open a victim record"), reverse("victims:list")
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                record = services.open_record(
                    case=data["case"], by=user, person=data["person"],
                    person_data={"full_name": data["full_name"].strip(), "languages": [data["preferred_language"]]},
                    data={"preferred_language": data["preferred_language"], "identified_on": data["identified_on"]},
                    request=request)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Victim record opened for %(pseudonym)s.") % {"pseudonym": record.pseudonym})
                return redirect("victims:detail", pk=record.pk)
        return _form(request, title=title, form=form, submit=_("Open record"), back=back, status=400)
    return _form(request, title=title, form=form, submit=_("Open record"), back=back,
                 intro=_("Services never depend on consent or on cooperation with law enforcement."))


@require_GET
@permission_required("case_work")
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = _record(request, pk)
    categories = record_categories(user, record)
    owner = VictimRecord.objects.restrict(user, "change").filter(pk=record.pk).exists()
    services.read_record(user, record, categories, request)
    can_relief = VictimRecord.objects.restrict(user, "relief").filter(pk=record.pk).exists()
    context = {
        "record": record, "person": record.person, "case": record.person.case, "owner": owner,
        "show": {category: category in categories for category in Category.values},
        "needs": list(record.needs.all()) if Category.NEEDS in categories else [],
        "consents": list(record.consents.select_related("recipient_agency")) if owner else [],
        "referrals": list(record.referrals.select_related("partner")) if owner else [],
        "relief": list(record.relief.all()) if Category.IMMIGRATION in categories else [],
        "can_relief": can_relief,
        "need_form": NeedForm() if owner else None,
    }
    return _no_store(render(request, "victims/record_detail.html", context))


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def record_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = _record(request, pk, "change")
    form = RecordForm(request.POST or None, initial=RecordForm.initial_for(record))
    title = _("Edit victim record %(pseudonym)s") % {"pseudonym": record.pseudonym}
    back = reverse("victims:detail", args=[record.pk])
    if request.method == "POST":
        if form.is_valid():
            form.apply(record)
            try:
                services.save_record(record, by=user, expected_version=form.cleaned_data["version"], request=request)
            except ConflictError:
                form.add_error(None, CONFLICT)
                return _form(request, title=title, form=form, submit=_("Save"), back=back, status=409, record=record)
            messages.success(request, _("Saved."))
            return redirect(back)
        return _form(request, title=title, form=form, submit=_("Save"), back=back, status=400, record=record)
    record_read(EventTag.VICTIM_RECORD_EDIT_OPENED, request, record, pseudonym=record.pseudonym)
    return _no_store(_form(request, title=title, form=form, submit=_("Save"), back=back, record=record))


@require_POST
@permission_required("victims.change")
def need_save(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = _record(request, pk, "change")
    form = NeedForm(request.POST)
    if form.is_valid():
        services.save_need(record, by=user, request=request, **form.cleaned_data)
        messages.success(request, _("Need recorded."))
        return redirect("victims:detail", pk=record.pk)
    return _form(request, title=_("Record a need"), form=form, submit=_("Save need"),
                 back=reverse("victims:detail", args=[record.pk]), status=400, record=record)


# --- consent -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def consent_create(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = _record(request, pk, "change")
    form = ConsentForm(request.POST or None, record=record)
    title = _("Consent to share information about %(pseudonym)s") % {"pseudonym": record.pseudonym}
    back = reverse("victims:detail", args=[record.pk])
    intro = _("Read the form to the person in their language (print it in English and Spanish). Services do not "
              "depend on their answer. Share only what they agree to, only with the agency they name.")
    if request.method == "POST":
        if form.is_valid():
            try:
                consent = services.record_consent(record, by=user, request=request, **form.cleaned_data)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Consent recorded."))
                return redirect("victims:consent_print", pk=consent.pk)
        return _form(request, title=title, form=form, submit=_("Record consent"), back=back, status=400,
                     intro=intro, record=record)
    return _no_store(_form(request, title=title, form=form, submit=_("Record consent"), back=back, intro=intro,
                           record=record))


@require_POST
@permission_required("victims.change")
def consent_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_scoped_or_404(Consent.objects.select_related("victim__person"), request.user, "change", pk=pk)
    try:
        services.revoke_consent(consent, by=request.user, request=request)  # type: ignore[arg-type]
    except RuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Consent revoked. It no longer allows any sharing, from now on."))
    return redirect("victims:detail", pk=consent.victim_id)


@require_GET
@permission_required("victims.view")
def consent_print(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_scoped_or_404(Consent.objects.select_related("victim__person", "recipient_agency", "recorded_by",
                                                               "victim__serving_agency"),
                                request.user, "view", pk=pk)
    as_pdf = request.GET.get("format") == "pdf"
    record_event(EventTag.VICTIM_CONSENT_PRINTED, request=request, obj=consent,
                 detail={"pseudonym": consent.victim.pseudonym, "format": "pdf" if as_pdf else "html"})
    if as_pdf:
        response = HttpResponse(printing.consent_pdf(consent), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="consent-C-{consent.pk}.pdf"'
        return _no_store(response)
    return _no_store(render(request, "victims/consent_print.html", {
        "consent": consent, "record": consent.victim, "sheets": printing.sheets(consent)}))


# --- directory -------------------------------------------------------------------------------


@require_GET
@permission_required("case_work")
def directory(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = DirectorySearchForm(request.GET or None)
    partners = Partner.objects.restrict(user, "view").select_related("agency")
    status = 200
    if request.GET:
        if form.is_valid():
            data = form.cleaned_data
            found = list(partners)
            if data["need"]:
                found = [p for p in found if data["need"] in p.services]
            if data["language"]:
                found = [p for p in found if data["language"] in p.languages]
            if data["place"].strip():
                place = data["place"].strip().lower()
                found = [p for p in found if place in p.service_area.lower() or place in p.name.lower()]
            partners = found  # type: ignore[assignment]
        else:
            status, partners = 400, []  # type: ignore[assignment]
    services.search_directory(user, request, count=len(partners))
    return render(request, "victims/directory.html", {
        "form": form, "partners": partners, "can_add": user.can("victims.change")}, status=status)


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def partner_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    partner = get_scoped_or_404(Partner.objects.all(), user, "change", pk=pk) if pk else None
    form = PartnerForm(request.POST or None, instance=partner)
    title = _("Directory entry") if partner else _("Add an organisation to the directory")
    back = reverse("victims:directory")
    if request.method == "POST":
        if form.is_valid():
            saved = form.save(commit=False)
            if partner is None:
                saved.listed_by = user.agency
            if "capacity" in form.changed_data:
                saved.capacity_updated_at = timezone.now()
            saved.updated_at = timezone.now()
            saved.save()
            record_event(EventTag.VICTIM_PARTNER_SAVED, request=request, obj=saved, detail={"partner": saved.pk})
            messages.success(request, _("Directory entry saved."))
            return redirect(back)
        return _form(request, title=title, form=form, submit=_("Save"), back=back, status=400)
    return _form(request, title=title, form=form, submit=_("Save"), back=back)


# --- referrals -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def referral_create(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = _record(request, pk, "change")
    form = ReferralForm(request.POST or None, initial={"need": request.GET.get("need", "")})
    form.fields["partner"].queryset = Partner.objects.restrict(user, "view")
    title = _("Refer %(pseudonym)s") % {"pseudonym": record.pseudonym}
    back = reverse("victims:detail", args=[record.pk])
    intro = _("Only the categories covered by a valid consent naming the receiving organisation travel with the "
              "referral. Without consent, it carries the pseudonym, the need and your note: services never depend "
              "on consent.")
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            referral = services.send_referral(record, by=user, partner=data["partner"], need=data["need"],
                                              note=data["note"], follow_up_on=data["follow_up_on"], request=request)
            messages.success(request, _("Referral sent to %(partner)s.") % {"partner": referral.partner.name})
            return redirect("victims:referral", pk=referral.pk)
        return _form(request, title=title, form=form, submit=_("Send referral"), back=back, status=400,
                     intro=intro, record=record)
    return _form(request, title=title, form=form, submit=_("Send referral"), back=back, intro=intro, record=record)


@require_GET
@permission_required("victims.view")
def queue(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = lists.ReferralFilterForm(request.GET)
    fmt, context = listing.bind(form, request)
    context |= {"today": timezone.localdate(), "page_limit": QUEUE_LIMIT}
    if not form.is_valid():
        return _no_store(render(request, "victims/queue.html", {**context, "incoming": [], "outgoing": []},
                                status=400))
    visible = Referral.objects.restrict(user, "view").select_related("partner", "victim__person", "victim__serving_agency")
    if fmt:
        incoming, outgoing = lists.rows(form, visible, user.agency_id, listing.EXPORT_LIMIT)
        chosen = [(lists.INCOMING, r) for r in incoming] + [(lists.OUTGOING, r) for r in outgoing]
        chosen = chosen[: listing.EXPORT_LIMIT]
        record_event(EventTag.VICTIM_QUEUE_EXPORTED, request=request,
                     detail=listing.export_detail(form, fmt, len(chosen)))
        return listing.export_response(fmt, "referrals", lists.columns(), chosen)
    incoming, outgoing = lists.rows(form, visible, user.agency_id, QUEUE_LIMIT + 1)
    services.view_queue(user, request)
    return _no_store(render(request, "victims/queue.html", {
        **context, "incoming": incoming[:QUEUE_LIMIT], "outgoing": outgoing[:QUEUE_LIMIT],
        "more": len(incoming) > QUEUE_LIMIT or len(outgoing) > QUEUE_LIMIT}))


@require_GET
@permission_required("victims.view")
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    referral = get_scoped_or_404(Referral.objects.select_related("partner", "victim__person", "victim__serving_agency"),
                                 user, "view", pk=pk)
    receiver = referral.partner.agency_id == user.agency_id
    services.read_referral(user, referral, request)
    can_work = receiver and user.can("victims.change")
    return _no_store(render(request, "victims/referral_detail.html", {
        "referral": referral, "receiver": receiver, "can_work": can_work, "seen": services.referral_renderer(user, referral),
        "sender": referral.victim.serving_agency_id == user.agency_id,
        "actions": [action for action, (sources, _target) in services.TRANSITIONS.items()
                    if referral.status in sources] if can_work else []}))


@require_POST
@permission_required("victims.change")
def referral_action(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    referral = get_scoped_or_404(Referral.objects.select_related("victim__person"), user, "work", pk=pk)
    form = ReferralActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That request was not understood; nothing was changed."))
        return redirect("victims:referral", pk=referral.pk)
    try:
        services.move_referral(referral, form.cleaned_data["action"], by=user, reason=form.cleaned_data["reason"],
                               expected_version=form.cleaned_data["version"], request=request)
    except ConflictError:
        messages.error(request, CONFLICT)
    except RuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Referral is now %(status)s.") % {"status": referral.get_status_display()})
    return redirect("victims:referral", pk=referral.pk)


# --- immigration relief ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("relief")
def relief_edit(request: HttpRequest, pk: int | None = None, victim: int | None = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if pk is not None:
        relief = get_scoped_or_404(Relief.objects.select_related("victim__person"), user, "change", pk=pk)
        record = relief.victim
        initial = ReliefForm.initial_for(relief)
    else:
        record = _record(request, victim or 0, "relief")
        relief = Relief(victim=record)
        initial = {"kind": request.GET.get("kind", "cp"), "status": "draft",
                   "requesting_officer": user.get_full_name() or user.username}
    form = ReliefForm(request.POST or None, initial=initial)
    title = _("Immigration relief for %(pseudonym)s") % {"pseudonym": record.pseudonym}
    back = reverse("victims:detail", args=[record.pk])
    intro = _("Continued Presence is requested by law enforcement through a federal partner; T and U visa "
              "Supplement B forms are signed by a certifying official. See the guide.")
    if request.method == "POST":
        if form.is_valid():
            form.apply(relief)
            try:
                services.save_relief(relief, by=user, expected_version=form.cleaned_data["version"], request=request)
            except ConflictError:
                form.add_error(None, CONFLICT)
                return _form(request, title=title, form=form, submit=_("Save"), back=back, status=409, record=record)
            except RuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect(back)
        return _form(request, title=title, form=form, submit=_("Save"), back=back, status=400, intro=intro,
                     record=record)
    record_read(EventTag.VICTIM_RELIEF_VIEWED, request, relief if relief.pk else record, pseudonym=record.pseudonym,
                new=relief.pk is None)
    return _no_store(_form(request, title=title, form=form, submit=_("Save"), back=back, intro=intro, record=record))


@require_GET
@permission_required("case_work")
def relief_guide(request: HttpRequest) -> HttpResponse:
    return render(request, "victims/relief_guide.html")

