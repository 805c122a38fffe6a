"""Field screening pages: small function views; the rules live in services.py."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases.identity.text import Renderer
from laborlens.cases.models import Case, Person
from laborlens.core import listing
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import OutOfScope, get_scoped_or_404
from laborlens.core.victim_i18n import ui_lang
from laborlens.screening import lists, services
from laborlens.screening.forms import NewScreeningForm, SendForm
from laborlens.screening.models import Screening, ScreeningHandoff

MAX_JSON_BYTES = 16 * 1024
SCREENING_PAGE_SIZE = 25


@require_GET
@permission_required("screening.view")
def screening_list(request: HttpRequest) -> HttpResponse:
    readings = services.catalogue().readings
    lang = ui_lang()

    def reading_label(reading: str) -> str:
        return readings[reading].label.get(lang) if reading in readings else ""

    form = lists.ScreeningFilterForm(request.GET, readings=[(key, reading_label(key)) for key in readings])
    fmt, context = listing.bind(form, request)
    if not form.is_valid():
        return render(request, "screening/list.html", {**context, "page": None, "rows": []}, status=400)
    screenings = form.apply(Screening.objects.restrict(request.user, "view").select_related("created_by"),
                            request.user)
    if fmt:
        chosen = list(screenings[: listing.EXPORT_LIMIT])
        record_event(EventTag.SCREENING_LIST_EXPORTED, request=request,
                     detail=listing.export_detail(form, fmt, len(chosen)))
        labels = listing.page_by_page(chosen, SCREENING_PAGE_SIZE, lambda chunk: _labels(request, chunk))
        return listing.export_response(fmt, "screenings", lists.columns(reading_label, labels), chosen)
    page = Paginator(screenings, SCREENING_PAGE_SIZE).get_page(request.GET.get("page"))
    seen = _label_renderer(request, list(page))
    rows = [(s, seen(s.label), reading_label(s.reading)) for s in page]
    return render(request, "screening/list.html", {**context, "page": page, "rows": rows})


def _labels(request: HttpRequest, screenings: list[Screening]) -> Any:
    seen = _label_renderer(request, screenings)
    return lambda screening: seen(screening.label)


def _label_renderer(request: HttpRequest, screenings: list[Screening]) -> Renderer:
    """Labels are meant to hold no name; those of screenings attached to a case still go
    through the case's identity rules (identity/text.py), on the page and in downloads."""
    case_ids = {s.case_id for s in screenings if s.case_id}
    return Renderer(request.user, Person.objects.filter(case__in=case_ids) if case_ids else [])  # type: ignore[arg-type]


@require_http_methods(["GET", "POST"])
@permission_required("screening.run")
def screening_new(request: HttpRequest) -> HttpResponse:
    initial = {"question_language": ui_lang()}
    form = NewScreeningForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        screening = services.create(user=request.user, request=request, **form.cleaned_data)
        return redirect("screening:detail", pk=screening.pk)
    return render(request, "screening/new.html", {"form": form})


def _question_context(screening: Screening, full: bool) -> dict[str, Any]:
    lang = ui_lang()
    groups = services.question_groups(full, screening.question_language)
    return {
        "screening": screening,
        "full": full,
        "groups": groups,
        "answers": screening.answers,
        "ui_lang": lang,
        "reading_label": _reading_label(screening.reading, lang),
        "sources": [("statement", _("The person said so")), ("observed", _("I saw it")),
                    ("document", _("A document shows it")), ("third_party", _("Someone else said so"))],
    }


def _reading_label(reading: str, lang: str) -> str:
    readings = services.catalogue().readings
    return readings[reading].label.get(lang) if reading in readings else ""


@require_http_methods(["GET", "POST"])
@permission_required("screening.run")
def screening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "change", pk=pk)
    full = request.GET.get("all") == "1" or request.POST.get("all") == "1"
    if request.method == "POST":
        raw = _answers_from_form(request.POST)
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = -1
        try:
            screening = services.record_answers(screening, raw, user=request.user, request=request,
                                                expected_version=expected)
        except services.AnswerError as error:
            messages.error(request, str(error))
            return render(request, "screening/questions.html", _question_context(screening, full), status=409
                          if "changed since" in str(error) else 400)
        services.complete(screening, user=request.user, request=request)
        return redirect("screening:result", pk=screening.pk)
    record_read(EventTag.SCREENING_ANSWERS_VIEWED, request, screening, all_questions=full)
    return render(request, "screening/questions.html", _question_context(screening, full))


def _answers_from_form(post: Any) -> list[dict[str, Any]]:
    """Only the questions the person actually saw and answered are taken from the form."""
    answers = []
    for key in post:
        if not key.startswith("value-"):
            continue
        indicator = key.removeprefix("value-")
        answers.append({"indicator": indicator, "value": post.get(key),
                        "source": post.get(f"source-{indicator}") or "statement",
                        "note": post.get(f"note-{indicator}", "")})
    return answers


@require_POST
@permission_required("screening.run")
def screening_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Autosave of one answer (JSON). A 400 says what is wrong and changes nothing."""
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "change", pk=pk)
    if len(request.body) > MAX_JSON_BYTES:
        return JsonResponse({"detail": _("The answer is too large.")}, status=400)
    try:
        raw = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"detail": _("The answer is not valid JSON.")}, status=400)
    if not isinstance(raw, dict):
        return JsonResponse({"detail": _("Send one answer as a JSON object.")}, status=400)
    try:
        screening = services.record_answers(screening, [raw], user=request.user, request=request)
    except services.AnswerError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    return JsonResponse({"saved": True, "version": screening.version, "reading": screening.reading,
                         "reading_label": _reading_label(screening.reading, ui_lang())})


def _result_context(screening: Screening, user: Any = None, send_form: SendForm | None = None) -> dict[str, Any]:
    lang = ui_lang()
    cat = services.catalogue()
    result = screening.result
    cases: list[Case] = []
    pending = None
    sent: list[ScreeningHandoff] = []
    if user is not None and Screening.objects.restrict(user, "attach").filter(pk=screening.pk).exists():
        cases = list(Case.objects.restrict(user, "add_screening").order_by("-pk")[:50])
    if user is not None:
        pending = ScreeningHandoff.objects.restrict(user, "handle").filter(screening=screening).first()
    mine = user is not None and screening.created_by_id == user.pk and user.can("screening.run")
    if mine:
        sent = list(screening.handoffs.select_related("recipient").order_by("-sent_at")[:10])
        send_form = send_form or SendForm(recipients=services.recipients_for(user))
    return {"screening": screening, "result": result, "lang": lang,
            "reading": cat.readings.get(result.get("reading", "insufficient")),
            "catalogue": cat, "attachable_cases": cases, "pending": pending,
            "send_form": send_form if mine else None, "sent": sent}


@require_POST
@permission_required("screening.run")
def screening_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Its officer, or a colleague it was sent to, attaches it to a case they are on."""
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "attach", pk=pk)
    case = get_scoped_or_404(Case.objects, request.user, "add_screening", pk=request.POST.get("case", ""))
    services.attach_to_case(screening, case, user=request.user, request=request)
    messages.success(request, _("Screening attached to case %(number)s.") % {"number": case.number})
    return redirect("screening:result", pk=screening.pk)


@require_POST
@permission_required("screening.run")
def screening_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Its officer sends it to a named investigator or supervisor of the agency."""
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "change", pk=pk)
    form = SendForm(request.POST, recipients=services.recipients_for(request.user))
    if form.is_valid():
        recipient = form.cleaned_data["recipient"]
        try:
            services.send_to(screening, recipient, user=request.user, request=request)
        except services.SendError as error:
            form.add_error("recipient", str(error))
        else:
            messages.success(request, _("Screening sent to %(name)s. It is in their My work.")
                             % {"name": recipient.get_full_name() or recipient.username})
            return redirect("screening:result", pk=screening.pk)
    return render(request, "screening/result.html", _result_context(screening, request.user, form), status=400)


@require_POST
@permission_required("screening.view")
def screening_handled(request: HttpRequest, pk: int) -> HttpResponse:
    """The colleague it was sent to is done with it (without attaching it to a case)."""
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "view", pk=pk)
    if not ScreeningHandoff.objects.restrict(request.user, "handle").filter(screening=screening).exists():
        raise OutOfScope(ScreeningHandoff._meta.label_lower)
    services.mark_handled(screening, user=request.user, request=request)
    messages.success(request, _("Marked as handled; it has left your My work."))
    return redirect("cases:my_work") if request.user.can("cases.view") else redirect("screening:list")  # type: ignore[union-attr]


@require_GET
@permission_required("screening.view")
def screening_result(request: HttpRequest, pk: int) -> HttpResponse:
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "view", pk=pk)
    services.read_screening(request.user, screening, request)
    return render(request, "screening/result.html", _result_context(screening, request.user))


@require_GET
@permission_required("screening.view")
def screening_print(request: HttpRequest, pk: int) -> HttpResponse:
    screening: Screening = get_scoped_or_404(Screening.objects, request.user, "view", pk=pk)
    record_event(EventTag.SCREENING_PRINTED, request=request, obj=screening)
    return render(request, "screening/print.html", _result_context(screening))


@require_GET
@permission_required("screening.view")
def guide(request: HttpRequest) -> HttpResponse:
    lang = ui_lang()
    cat = services.catalogue()
    red_flags = [item for item in cat.items.values() if item.kind == "red_flag"]
    return render(request, "screening/guide.html", {"lang": lang, "catalogue": cat, "red_flags": red_flags})


@require_GET
@permission_required("screening.run")
def read_aloud(request: HttpRequest) -> HttpResponse:
    """The short-form questions in a victim's language, to read aloud (or show), with the
    officer's own language beneath each; the interface itself stays English/Spanish."""
    from laborlens.core import victim_languages as vl
    from laborlens.core.victim_i18n import text_in

    choices = [lang for lang in vl.languages() if lang.code != "en"]
    chosen = vl.get(request.GET.get("lang", "")) or vl.get("es")
    lang = ui_lang()
    cat = services.catalogue()
    questions = [{"id": item_id, "label": cat.items[item_id].label.get(lang),
                  "asked": text_in(chosen.code, cat.items[item_id].question.en,  # type: ignore[union-attr]
                                   cat.items[item_id].question.es),
                  "own": cat.items[item_id].question.get(lang)} for item_id in cat.short_form]
    translated, total = vl.coverage(chosen.code) if chosen.own_catalogue else (0, 0)  # type: ignore[union-attr]
    return render(request, "screening/read_aloud.html", {
        "choices": choices, "chosen": chosen, "questions": questions,
        "unreviewed": chosen.own_catalogue and vl.status(chosen.code).state != vl.REVIEWED,  # type: ignore[union-attr]
        "partial": chosen.own_catalogue and any(  # type: ignore[union-attr]
            q["asked"] == cat.items[q["id"]].question.en or q["asked"] == cat.items[q["id"]].question.es
            for q in questions),
        "translated": translated, "total": total})
