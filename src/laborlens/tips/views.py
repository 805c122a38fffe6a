"""Tip pages. Public ones (report, follow-up, awareness) need no login, are rate-limited
per client in the cache, take no field they do not expect, and answer 4xx to bad input.
Officer pages start from ``Tip.objects.restrict()`` (out of scope: 404) and are audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases.identity.text import redact, renderer_for_case
from laborlens.cases.models import Case, Person
from laborlens.catalogue import load_catalogue
from laborlens.catalogue.industries import industry_label
from laborlens.core import listing
from laborlens.core.bounds import PublicFormGuard
from laborlens.core.errors import ConflictError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.core.victim_i18n import current_code, data_text, ui_lang, victim_languages
from laborlens.tips import lists, ratelimit, rules, services
from laborlens.tips.forms import (
    MAX_BODY_BYTES,
    AdditionForm,
    FollowUpForm,
    LinkCaseForm,
    NoteForm,
    PartnerTipForm,
    PublicTipForm,
    TriageForm,
    VersionForm,
)
from laborlens.tips.models import Source, Tip, TipUpdate
from laborlens.tips.redact import redact_text

FOLLOW_UP_SESSION = "laborlens_tip_follow_up"
FOLLOW_UP_SECONDS = 15 * 60


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "tips/limited.html", status=429)


def _bad(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "tips/problem.html", {"message": message}, status=status)


_public_guard = PublicFormGuard(
    allow=ratelimit.allow, page_bucket="page", max_bytes=MAX_BODY_BYTES, too_many=_too_many, problem=_bad,
    too_large_message=gettext_lazy("That is more than this form accepts. Please shorten your text."))


def _public_context(**extra: Any) -> dict[str, Any]:
    return {"hotline": "1-888-373-7888", **extra}


@require_http_methods(["GET", "POST"])
@victim_languages
def report(request: HttpRequest) -> HttpResponse:
    """The public tip form: anonymous, in the tipster's language (core/victim_languages)."""
    refused = _public_guard(request, PublicTipForm.base_fields, "submit")
    if refused is not None:
        return refused
    form = PublicTipForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            agency = services.receiving_agency()
            if agency is None:
                return _bad(request, _("Tips cannot be received here right now. Please call the hotline."), 503)
            data = {k: v for k, v in form.cleaned_data.items() if k not in {"website", "started"}}
            data["language"] = ui_lang()
            data["page_language"] = current_code()
            tip, passphrase = services.submit(source=Source.PUBLIC, agency=agency, data=data)
            return render(request, "tips/thanks.html",
                          _public_context(code=tip.code, passphrase=passphrase), status=201)
        form.fresh_token()
        return render(request, "tips/report.html", _public_context(form=form), status=400)
    return render(request, "tips/report.html", _public_context(form=form))


@require_GET
@victim_languages
def awareness(request: HttpRequest) -> HttpResponse:
    if not ratelimit.allow(request, "page"):
        return _too_many(request)
    observations = [data_text(o.en, o.es) for o in rules.observations()]
    industries = [data_text(i.label.en, i.label.es) for i in load_catalogue().industries]
    return render(request, "tips/awareness.html",
                  _public_context(observations=observations, industries=industries))


def _followed_tip(request: HttpRequest) -> Tip | None:
    import time

    held = request.session.get(FOLLOW_UP_SESSION)
    if not isinstance(held, dict) or time.time() - float(held.get("at", 0)) > FOLLOW_UP_SECONDS:
        return None
    return Tip.objects.filter(pk=held.get("id"), source=Source.PUBLIC).first()


@require_http_methods(["GET", "POST"])
@victim_languages
def follow_up(request: HttpRequest) -> HttpResponse:
    """Code + passphrase open the tip for 15 minutes in this browser session."""
    import time

    action = request.POST.get("action", "open") if request.method == "POST" else "open"
    form_class = AdditionForm if action == "add" else FollowUpForm
    refused = _public_guard(request, [*form_class.base_fields, "action"],
                            "follow_up" if action == "open" else None)
    if refused is not None:
        return refused
    tip = _followed_tip(request)
    if request.method == "POST" and action == "add":
        if tip is None:
            return _bad(request, _("Your session ended. Enter the tip code and passphrase again."), 403)
        form = AdditionForm(request.POST)
        if form.is_valid():
            try:
                tip = services.add_information(tip, form.cleaned_data["text"])
            except services.TipError as error:
                form.add_error("text", str(error))
            else:
                messages.success(request, _("Thank you. Your information was added to the tip."))
                return redirect("tips:follow_up")
        return render(request, "tips/follow_up.html",
                      _public_context(view=services.public_view(tip, ui_lang()), add_form=form), status=400)
    if request.method == "POST" and action == "open":
        form = FollowUpForm(request.POST)
        if form.is_valid():
            code = services.canonical_code(form.cleaned_data["code"])
            if code and ratelimit.code_locked(code):
                return _too_many(request)
            found = services.verify(form.cleaned_data["code"], form.cleaned_data["passphrase"])
            if found is None:
                if code:
                    ratelimit.record_failure(code)
                record_event(EventTag.TIP_FOLLOW_UP_FAILED, actor_label="public", ip="", outcome="failure")
                form.add_error(None, _("The tip code or passphrase is not right. Check both and try again."))
            else:
                request.session.cycle_key()
                request.session[FOLLOW_UP_SESSION] = {"id": found.pk, "at": time.time()}
                return redirect("tips:follow_up")
        return render(request, "tips/follow_up_open.html", _public_context(form=form), status=400)
    if tip is not None:
        return render(request, "tips/follow_up.html",
                      _public_context(view=services.public_view(tip, ui_lang()), add_form=AdditionForm()))
    return render(request, "tips/follow_up_open.html", _public_context(form=FollowUpForm()))


# --- partners ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("tips.submit")
def partner(request: HttpRequest) -> HttpResponse:
    recipients = services.partner_recipients(request.user)  # type: ignore[arg-type]
    if not recipients:
        return _bad(request, _("Your agency is not in a task force with a law-enforcement agency."), 403)
    form = PartnerTipForm(request.POST or None, recipients=recipients)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            agency = data.pop("recipient")
            tip, _unused = services.submit(source=Source.PARTNER, agency=agency, data=data,
                                           submitted_by=request.user, request=request)  # type: ignore[arg-type]
            return render(request, "tips/partner_thanks.html", {"tip": tip, "agency": agency}, status=201)
        return render(request, "tips/partner.html", {"form": form}, status=400)
    return render(request, "tips/partner.html", {"form": form})


# --- triage ------------------------------------------------------------------------------


@require_GET
@permission_required("tips.triage")
def triage_list(request: HttpRequest) -> HttpResponse:
    lang = ui_lang()
    form = lists.TipFilterForm(request.GET)
    fmt, context = listing.bind(form, request)
    context |= {"scale": lists.priority_scale(lang)}
    if not form.is_valid():
        return render(request, "tips/triage_list.html", {**context, "page": None, "rows": []}, status=400)
    tips = form.apply(Tip.objects.restrict(request.user, "change"))

    def reasons(tip: Tip) -> list[str]:
        return [rules.rule(r).label(lang) for r in tip.priority_reasons if rules.rule(r)]  # type: ignore[union-attr]

    if fmt:
        chosen = list(tips[: listing.EXPORT_LIMIT])
        sizes = services.cluster_sizes(chosen, request.user)  # type: ignore[arg-type]
        record_event(EventTag.TIP_LIST_EXPORTED, request=request,
                     detail=listing.export_detail(form, fmt, len(chosen)))
        return listing.export_response(fmt, "tips", lists.columns(sizes, reasons, lists.summaries(chosen)), chosen)
    page = Paginator(tips, 25).get_page(request.GET.get("page"))
    sizes = services.cluster_sizes(list(page), request.user)  # type: ignore[arg-type]
    texts = lists.summaries(list(page))
    rows = [(tip, sizes.get(tip.pk, 0), reasons(tip), texts.get(tip.pk, "")) for tip in page]
    services.list_tips(request.user, request, status=form.chosen_status, count=len(rows))  # type: ignore[arg-type]
    return render(request, "tips/triage_list.html", {**context, "page": page, "rows": rows})


def _detail_context(request: HttpRequest, tip: Tip, **forms: Any) -> dict[str, Any]:
    lang = ui_lang()
    # A tip linked to a case speaks of its people: their values become pseudonyms for a
    # reader who may not see them (identity.text), before anything else reads the text.
    seen = renderer_for_case(request.user, tip.case) if tip.case_id else None  # type: ignore[arg-type]
    segments, found = services.highlight(seen(tip.narrative) if seen else tip.narrative, tip.language)
    updates, evidence = [], list(found)
    for update in tip.updates.select_related("author"):
        text = seen(update.text) if seen else update.text
        update_segments: list[services.Segment] = [services.Segment(text)]
        if update.kind == TipUpdate.Kind.ADDITION:
            update_segments, update_found = services.highlight(text)
            evidence += update_found
        updates.append((update, update_segments))
    catalogue = load_catalogue()
    indicators = [(i, catalogue.items[i].label.get(lang)) for i in tip.indicator_ids if i in catalogue.items]
    observations = {o.id: o.label(lang) for o in rules.observations()}
    return {
        "tip": tip,
        "segments": segments,
        "found": found,
        "indicators": indicators,
        "observations": [observations.get(o, o) for o in tip.observations],
        "work_type": (_("Other work") if tip.work_type == "other" else industry_label(tip.work_type, ui_lang()))
        if tip.work_type else "",
        "reasons": [rules.rule(r).label(lang) for r in tip.priority_reasons if rules.rule(r)],  # type: ignore[union-attr]
        "legal": services.legal_reading(tip, evidence, lang),
        "updates": updates,
        "matches": services.matches(tip, request.user),  # type: ignore[arg-type]
        "triage_form": forms.get("triage_form") or TriageForm(
            initial={"status": tip.status, "assigned_to": tip.assigned_to_id, "version": tip.version},
            agency_id=tip.agency_id),
        "note_form": forms.get("note_form") or NoteForm(),
        "case_form": forms.get("case_form") or LinkCaseForm(
            initial={"version": tip.version}, cases=Case.objects.restrict(request.user, "change")),
        "sector": next((s.label(lang) for s in rules.sectors() if s.id == tip.partner_sector), ""),
        "withheld": bool(seen and seen.withheld),
    }


@require_GET
@permission_required("tips.triage")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    tip: Tip = get_scoped_or_404(Tip.objects.select_related("assigned_to", "case", "screening"),
                                 request.user, "change", pk=pk)
    record_event(EventTag.TIP_VIEWED, request=request, obj=tip)
    return render(request, "tips/detail.html", _detail_context(request, tip))


def _conflict(request: HttpRequest, tip: Tip) -> HttpResponse:
    record_event(EventTag.TIP_EDIT_CONFLICT, request=request, obj=tip, outcome="failure")
    messages.error(request, _("Someone else changed this tip since you opened it. Nothing was saved; "
                              "here is the latest version."))
    return redirect("tips:detail", pk=tip.pk)


@require_POST
@permission_required("tips.triage")
def triage_update(request: HttpRequest, pk: int) -> HttpResponse:
    tip: Tip = get_scoped_or_404(Tip.objects, request.user, "change", pk=pk)
    form = TriageForm(request.POST, agency_id=tip.agency_id)
    if not form.is_valid():
        return render(request, "tips/detail.html", _detail_context(request, tip, triage_form=form), status=400)
    try:
        services.triage(tip, by=request.user, status=form.cleaned_data["status"],  # type: ignore[arg-type]
                        assigned_to=form.cleaned_data["assigned_to"], expected_version=form.cleaned_data["version"],
                        request=request)
    except ConflictError:
        return _conflict(request, tip)
    except services.TipError as error:
        form.add_error(None, str(error))
        return render(request, "tips/detail.html", _detail_context(request, tip, triage_form=form), status=400)
    messages.success(request, _("Tip updated."))
    return redirect("tips:detail", pk=tip.pk)


@require_POST
@permission_required("tips.triage")
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    tip: Tip = get_scoped_or_404(Tip.objects, request.user, "change", pk=pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_update(tip, by=request.user, kind=form.cleaned_data["kind"],  # type: ignore[arg-type]
                                text=form.cleaned_data["text"], request=request)
        except services.TipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("tips:detail", pk=tip.pk)
    return render(request, "tips/detail.html", _detail_context(request, tip, note_form=form), status=400)


@require_POST
@permission_required("tips.triage")
def to_screening(request: HttpRequest, pk: int) -> HttpResponse:
    tip: Tip = get_scoped_or_404(Tip.objects, request.user, "change", pk=pk)
    if not request.user.can("screening.run"):  # type: ignore[union-attr]
        return _bad(request, _("Your role does not allow screenings."), 403)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _bad(request, _("The form is incomplete. Reload the page and try again."))
    try:
        screening = services.to_screening(tip, by=request.user, expected_version=form.cleaned_data["version"],  # type: ignore[arg-type]
                                          request=request)
    except ConflictError:
        return _conflict(request, tip)
    except services.TipError as error:
        messages.error(request, str(error))
        return redirect("tips:detail", pk=tip.pk)
    messages.success(request, _("Screening started. The indicators from the tip are pre-filled as unconfirmed: "
                                "confirm or correct each one."))
    return redirect("screening:detail", pk=screening.pk)


@require_POST
@permission_required("tips.triage")
def link_case(request: HttpRequest, pk: int) -> HttpResponse:
    tip: Tip = get_scoped_or_404(Tip.objects, request.user, "change", pk=pk)
    form = LinkCaseForm(request.POST, cases=Case.objects.restrict(request.user, "change"))
    if not form.is_valid():
        return render(request, "tips/detail.html", _detail_context(request, tip, case_form=form), status=400)
    try:
        services.link_case(tip, form.cleaned_data["case"], by=request.user,  # type: ignore[arg-type]
                           expected_version=form.cleaned_data["version"], request=request)
    except ConflictError:
        return _conflict(request, tip)
    messages.success(request, _("Tip linked to the case."))
    return redirect("tips:detail", pk=tip.pk)


@require_GET
@permission_required("tips.triage")
def share(request: HttpRequest, pk: int) -> HttpResponse:
    """The narrative with names, phones, e-mails and addresses removed, to pass on."""
    tip: Tip = get_scoped_or_404(Tip.objects, request.user, "change", pk=pk)
    known = [tip.business_name, tip.address, tip.contact]
    # Passed on outside the agency: the values of every person on the linked case go first.
    people = list(Person.objects.filter(case_id=tip.case_id)) if tip.case_id else []
    additions = [redact_text(redact(u.text, people), known) for u in tip.updates.filter(kind=TipUpdate.Kind.ADDITION)]
    record_event(EventTag.TIP_SHARED, request=request, obj=tip, detail={"redacted": True})
    lang = ui_lang()
    catalogue = load_catalogue()
    return render(request, "tips/share.html", {
        "tip": tip, "narrative": redact_text(redact(tip.narrative, people), known), "additions": additions,
        "indicators": [catalogue.items[i].label.get(lang) for i in tip.indicator_ids if i in catalogue.items],
    })
