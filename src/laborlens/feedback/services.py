"""Making codes and recording answers. Every write happens in one transaction with its
audit event; the events carry no code and no answer (``detail`` holds counts and the
channel only), so the trail cannot link a code to the answers either."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from laborlens.activities.models import Activity, Kind
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.feedback.models import Channel, PulseResponse, SurveyCode, SurveyResponse, TrustPulse
from laborlens.feedback.questions import load_questions

if TYPE_CHECKING:
    from laborlens.accounts.models import User

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read from paper
SURVEY_CODE_LENGTH = 8  # 31^8, about 40 bits; guesses are rate-limited per client
PULSE_PREFIX = "P"


class FeedbackError(Exception):
    """A code that cannot be used; the message is for the person answering."""


def _random(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def canonical(raw: str, length: int, prefix: str = "") -> str:
    """Upper case, separators dropped; '' when it cannot be a code of that shape."""
    text = re.sub(r"[^0-9A-Za-z]", "", raw or "").upper()[: length + len(prefix) + 4]
    # The printed prefix ("P-") is dropped only when it is there: a code may itself begin with P.
    if prefix and len(text) == length + len(prefix) and text.startswith(prefix):
        text = text[len(prefix):]
    if len(text) != length or any(c not in CODE_ALPHABET for c in text):
        return ""
    return text


def survey_code_text(code: str) -> str:
    """How a survey code is printed: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def digest(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"feedback-survey\x1f{code}".encode(), hashlib.sha256).hexdigest()


def create_survey_code(user: User, request: HttpRequest | None = None) -> tuple[SurveyCode, str]:
    """A one-time code for the user's agency; the plain code is returned once and never stored."""
    with transaction.atomic():
        while True:
            code = _random(SURVEY_CODE_LENGTH)
            if not SurveyCode.objects.filter(digest=digest(code)).exists():
                break
        row = SurveyCode.objects.create(agency_id=user.agency_id, digest=digest(code))
        record_event(EventTag.FEEDBACK_SURVEY_CODE_CREATED, request=request, actor=user, obj=row,
                     detail={"expires_on": row.expires_at.date().isoformat()})
    return row, survey_code_text(code)


def usable_survey_code(raw: str) -> SurveyCode:
    """The code's row when it can still be answered, else ``FeedbackError``."""
    from django.utils.translation import gettext as _

    code = canonical(raw, SURVEY_CODE_LENGTH)
    row = SurveyCode.objects.filter(digest=digest(code)).first() if code else None
    if row is None:
        raise FeedbackError(_("We could not find this survey code. Check it and try again."))
    if row.used:
        raise FeedbackError(_("This survey code was already used. Each code can be used once."))
    if row.expired:
        raise FeedbackError(_("This survey code has expired. Ask for a new one if you wish."))
    return row


def submit_survey(raw_code: str, answers: dict[str, int], *, language: str, channel: str,
                  request: HttpRequest | None = None, staff: User | None = None) -> SurveyResponse:
    """Record the answers and use the code up, together or not at all. With ``staff``
    (paper answers typed in) the code must belong to the staff member's agency."""
    from django.utils.translation import gettext as _

    with transaction.atomic():
        found = usable_survey_code(raw_code)
        row = SurveyCode.objects.select_for_update().get(pk=found.pk)
        if row.used:  # answered in another request since the check above
            raise FeedbackError(_("This survey code was already used. Each code can be used once."))
        if staff is not None and row.agency_id != staff.agency_id:
            raise FeedbackError(_("We could not find this survey code. Check it and try again."))
        row.used = True
        row.save(update_fields=["used"])
        response = SurveyResponse.objects.create(
            agency_id=row.agency_id, language=language, channel=channel,
            questions_version=load_questions().version, answers=answers)
        detail = {"channel": channel, "answered": sum(1 for v in answers.values() if v)}
        if staff is not None:
            record_event(EventTag.FEEDBACK_SURVEY_PAPER_ENTERED, request=request, actor=staff, detail=detail)
        else:
            record_event(EventTag.FEEDBACK_SURVEY_ANSWERED, actor_label="public", ip="", detail=detail)
    return response


def outreach_events(user: User) -> list[Activity]:
    """Outreach events the user's agency took part in, most recent first."""
    return list(Activity.objects.restrict(user, "view").filter(kind=Kind.OUTREACH_EVENT)
                .order_by("-held_on", "-pk")[:20])


def create_pulse(user: User, activity: Activity, request: HttpRequest | None = None) -> TrustPulse:
    if activity.kind != Kind.OUTREACH_EVENT:
        raise FeedbackError("A trust pulse follows an outreach event.")
    with transaction.atomic():
        while True:
            code = _random(6)
            if not TrustPulse.objects.filter(code=code).exists():
                break
        pulse = TrustPulse.objects.create(activity=activity, agency_id=user.agency_id, code=code)
        record_event(EventTag.FEEDBACK_PULSE_CREATED, request=request, actor=user, obj=pulse,
                     detail={"activity": activity.pk})
    return pulse


def pulse_code_text(code: str) -> str:
    return f"{PULSE_PREFIX}-{code}"


def open_pulse(raw: str) -> TrustPulse:
    from django.utils.translation import gettext as _

    code = canonical(raw, 6, PULSE_PREFIX)
    pulse = TrustPulse.objects.filter(code=code).first() if code else None
    if pulse is None:
        raise FeedbackError(_("We could not find this code. Check it and try again."))
    if pulse.expires_at <= timezone.now():
        raise FeedbackError(_("This questionnaire is closed. Thank you for your interest."))
    return pulse


def submit_pulse(pulse: TrustPulse, answers: dict[str, int], *, language: str) -> PulseResponse:
    with transaction.atomic():
        response = PulseResponse.objects.create(pulse=pulse, agency_id=pulse.agency_id, language=language,
                                                questions_version=load_questions().version, answers=answers)
        record_event(EventTag.FEEDBACK_PULSE_ANSWERED, actor_label="public", ip="",
                     detail={"pulse": pulse.pk, "answered": sum(1 for v in answers.values() if v)})
    return response


__all__ = ["Channel", "FeedbackError"]
