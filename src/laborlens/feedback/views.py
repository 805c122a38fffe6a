"""Feedback pages.

Public (no login): the survey by one-time code and the trust pulse by event code. They are
rate-limited per client in the shared cache (``feedback.ratelimit``), take no field they do
not expect, keep no internet address, and answer bad input with a clear 4xx message that
keeps every answer already given (a code is used up only when the answers are saved).

Staff: advocates (``victims.change``) make survey codes, print the paper version and type
in paper answers; staff who record activities (``activities.record``) open a trust pulse
for an outreach event their agency took part in; ``insights.view`` reads the results,
counts only, with small cells withheld (``feedback.tiles``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laborlens.accounts.models import User
from laborlens.activities.models import Activity, Kind
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.bounds import PublicFormGuard
from laborlens.core.permissions import mfa_required, permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.feedback import ratelimit, services, tiles
from laborlens.feedback.forms import (
    MAX_BODY_BYTES,
    CodeForm,
    PaperSurveyForm,
    PulseForm,
    SurveyForm,
    ui_lang,
)
from laborlens.feedback.models import Channel, PulseResponse, SurveyCode, TrustPulse
from laborlens.feedback.questions import load_questions
from laborlens.metrics.figures import small_count
from laborlens.metrics.forms import filters_for


def paper_languages() -> list[tuple[str, str]]:
    """The paper version and the handout come in every interface language
    (``settings.LANGUAGES``: EN and ES today), each named in its own language."""
    from django.conf import settings
    from django.utils.translation import get_language_info

    named = []
    for code, name in settings.LANGUAGES:
        try:
            local = str(get_language_info(code)["name_local"])
            named.append((code, local[:1].upper() + local[1:]))
        except KeyError:
            named.append((code, str(name)))
    return named


# --- public --------------------------------------------------------------------------------


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "tips/limited.html", status=429)


def _problem(request: HttpRequest, message: str, status: int = 400, retry: str = "") -> HttpResponse:
    return render(request, "feedback/problem.html", {"message": message, "retry": retry}, status=status)


# Rate limit, size limit and no unexpected fields, before any form is read.
_guard = PublicFormGuard(
    allow=ratelimit.allow, page_bucket="feedback_page", max_bytes=MAX_BODY_BYTES, too_many=_too_many,
    problem=_problem,
    too_large_message=gettext_lazy("That is more than this form accepts. Please reload the page and try again."))


@require_http_methods(["GET", "POST"])
def survey_start(request: HttpRequest) -> HttpResponse:
    """Enter the code from the card or paper the advocate gave."""
    refused = _guard(request, {"code"}, "feedback_code")
    if refused is not None:
        return refused
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.usable_survey_code(form.cleaned_data["code"])
        except services.FeedbackError as error:
            form.add_error("code", str(error))
        else:
            code = services.canonical(form.cleaned_data["code"], services.SURVEY_CODE_LENGTH)
            return redirect("feedback:survey", code=code)
    status = 400 if request.method == "POST" else 200
    return render(request, "feedback/code.html", {"form": form, "kind": "survey"}, status=status)


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, code: str) -> HttpResponse:
    """The anonymous survey, one code one answer."""
    refused = _guard(request, set(SurveyForm().fields), "feedback_survey")
    if refused is not None:
        return refused
    if request.method == "GET" and not ratelimit.allow(request, "feedback_code"):
        return _too_many(request)
    try:
        services.usable_survey_code(code)
    except services.FeedbackError as error:
        return _problem(request, str(error), 404, retry=reverse("feedback:survey_start"))
    form = SurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_survey(code, form.answers(), language=ui_lang(), channel=Channel.ONLINE)
            except services.FeedbackError as error:
                return _problem(request, str(error), 409)
            return render(request, "feedback/thanks.html", {"kind": "survey"}, status=201)
        return render(request, "feedback/answer.html", _answer_context(form, "survey"), status=400)
    return render(request, "feedback/answer.html", _answer_context(form, "survey"))


@require_http_methods(["GET", "POST"])
def pulse_start(request: HttpRequest) -> HttpResponse:
    refused = _guard(request, {"code"}, "feedback_code")
    if refused is not None:
        return refused
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pulse = services.open_pulse(form.cleaned_data["code"])
        except services.FeedbackError as error:
            form.add_error("code", str(error))
        else:
            return redirect("feedback:pulse", code=pulse.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "feedback/code.html", {"form": form, "kind": "pulse"}, status=status)


@require_http_methods(["GET", "POST"])
def pulse(request: HttpRequest, code: str) -> HttpResponse:
    """The community trust pulse of one outreach event: anonymous, many answers per event."""
    refused = _guard(request, set(PulseForm().fields), "feedback_pulse")
    if refused is not None:
        return refused
    try:
        found = services.open_pulse(code)
    except services.FeedbackError as error:
        return _problem(request, str(error), 404, retry=reverse("feedback:pulse_start"))
    form = PulseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            services.submit_pulse(found, form.answers(), language=ui_lang())
            return render(request, "feedback/thanks.html", {"kind": "pulse"}, status=201)
        return render(request, "feedback/answer.html", _answer_context(form, "pulse"), status=400)
    return render(request, "feedback/answer.html", _answer_context(form, "pulse"))


def _answer_context(form: Any, kind: str) -> dict[str, Any]:
    return {"form": form, "kind": kind, "missing": sum(1 for f in form.question_fields if f.errors)}


# --- staff ---------------------------------------------------------------------------------


def _staff(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    if not (user.can("victims.change") or user.can("activities.record")):
        raise PermissionDenied("Your role does not collect feedback")
    return user


@require_GET
@mfa_required
def index(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    context: dict[str, Any] = {"can_survey": user.can("victims.change"), "can_pulse": user.can("activities.record")}
    if context["can_survey"]:
        codes = SurveyCode.objects.restrict(user, "view")
        now = timezone.now()
        context["codes"] = {"open": codes.filter(used=False, expires_at__gt=now).count(),
                            "used": codes.filter(used=True).count(),
                            "expired": codes.filter(used=False, expires_at__lte=now).count()}
        context["languages"] = paper_languages()
    if context["can_pulse"]:
        pulses = {p.activity_id: p for p in TrustPulse.objects.restrict(user, "view")}
        context["events"] = [(a, pulses.get(a.pk)) for a in services.outreach_events(user)]
    return render(request, "feedback/index.html", context)


class _NewCodeForm(forms.Form):
    language = forms.ChoiceField(choices=paper_languages)


@require_POST
@permission_required("victims.change")
def survey_new(request: HttpRequest) -> HttpResponse:
    """A new one-time code, shown once with its link and a printable paper version."""
    user: User = request.user  # type: ignore[assignment]
    form = _NewCodeForm(request.POST)
    if not form.is_valid():
        return _problem(request, _("Choose the language of the paper version."))
    row, code = services.create_survey_code(user, request)
    language = form.cleaned_data["language"]
    with override(language):
        qs = load_questions()
        sheet = {"questions": [q.label(language) for q in qs.survey],
                 "answers": [a.label(language) for a in qs.answers]}
    link = request.build_absolute_uri(reverse("feedback:survey", kwargs={"code": code.replace("-", "")}))
    start = request.build_absolute_uri(reverse("feedback:survey_start"))
    return render(request, "feedback/survey_code.html", {
        "code": code, "link": link, "start": start, "row": row, "language": language, "sheet": sheet,
        "sheet_title": _sheet_text(language)}, status=201)


def _sheet_text(language: str) -> dict[str, str]:
    """The paper's own words, in the paper's language."""
    with override(language):
        return {"title": _("How was the help you received?"),
                "intro": _("This survey is anonymous: do not write your name. Tick one box per line. "
                           "Your answers do not change the help you receive."),
                "online": _("Or answer on a phone: open this address and enter the code."),
                "code": _("Survey code"), "questions": _("Questions"),
                "return": _("Fold the paper and hand it back in the envelope, or drop it in the box.")}


@require_http_methods(["GET", "POST"])
@permission_required("victims.change")
def paper_entry(request: HttpRequest) -> HttpResponse:
    """Type in the answers of a paper survey; the code on the paper is used up."""
    user: User = request.user  # type: ignore[assignment]
    form = _PaperForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_survey(form.cleaned_data["code"], form.answers(),
                                       language=form.cleaned_data["language"], channel=Channel.PAPER,
                                       request=request, staff=user)
            except services.FeedbackError as error:
                form.add_error("code", str(error))
            else:
                messages.success(request, _("The paper answers were saved and the code is now used."))
                return redirect("feedback:index")
        return render(request, "feedback/paper.html", {"form": form}, status=400)
    return render(request, "feedback/paper.html", {"form": form})


class _PaperForm(PaperSurveyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(label=_("Language of the paper"), choices=paper_languages)
        self.order_fields(["code", "language"])


@require_POST
@permission_required("activities.record")
def pulse_new(request: HttpRequest, activity: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    event = get_scoped_or_404(Activity.objects.all(), user, "view", pk=activity, kind=Kind.OUTREACH_EVENT)
    existing = TrustPulse.objects.restrict(user, "view").filter(activity=event).first()
    found = existing or services.create_pulse(user, event, request)
    return redirect("feedback:pulse_detail", pk=found.pk)


@require_GET
@permission_required("activities.record")
def pulse_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The handout for the event: code, address, and how many answered (below 5 withheld)."""
    user: User = request.user  # type: ignore[assignment]
    found = get_scoped_or_404(TrustPulse.objects.select_related("activity"), user, "view", pk=pk)
    n = PulseResponse.objects.filter(pulse=found).count()
    limit = small_count()
    shown = f"<{limit}" if 0 < n < limit else str(n)
    return render(request, "feedback/pulse_detail.html", {
        "pulse": found, "code": services.pulse_code_text(found.code), "responses": shown,
        "link": request.build_absolute_uri(reverse("feedback:pulse", kwargs={"code": found.code})),
        "start": request.build_absolute_uri(reverse("feedback:pulse_start")),
        "handout": [(lang, _handout_text(lang)) for lang, _name in paper_languages()]})


def _handout_text(language: str) -> dict[str, str]:
    """The handout speaks to the community in both languages, whatever the staff's own."""
    with override(language):
        return {"title": _("Four questions, two minutes, no names."),
                "how": _("Type the link below into your phone's browser, or open the second address and enter "
                         "the code.")}


@require_GET
@permission_required("insights.view")
def results(request: HttpRequest) -> HttpResponse:
    """Both measures, per question, over the agencies and period the user picks."""
    form, f = filters_for(request.user, request.GET)
    if f is None:
        return render(request, "feedback/results.html", {"form": form}, status=400)
    record_event(EventTag.FEEDBACK_RESULTS_VIEWED, request=request,
                 detail={"start": f.start.isoformat(), "end": f.end.isoformat(), "agencies": list(f.agency_ids)})
    return render(request, "feedback/results.html", {
        "form": form, "filters": f, "tiles": tiles.compute_tiles(f), "small_count": small_count(),
        "sections": [tiles.context(kind, f) for kind in tiles.KINDS]})
