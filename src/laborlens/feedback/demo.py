"""Demo feedback: Safe Harbor's survey answers over the last months and a trust pulse
after its orchard-workers outreach event, so that the dashboard's tiles and the results
page show figures (and a withheld month). Nothing falls in the last 35 days: the current
month starts empty. Listed in ``laborlens.demo.DEMO_STEPS``; idempotent."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from laborlens.accounts.models import Agency, User
from laborlens.activities.models import Activity, Kind
from laborlens.feedback.models import Channel, PulseResponse, SurveyCode, SurveyResponse, TrustPulse
from laborlens.feedback.questions import load_questions
from laborlens.feedback.services import digest

PULSE_EVENT = "Know your rights at work: orchard workers"
# (days ago, how many surveys) for Safe Harbor: one busy month, one month under 5.
SURVEYS = [(40, 3), (47, 4), (75, 2), (80, 1), (110, 6)]


def _answers(rng: random.Random, kind: str, leaning: float) -> dict[str, int]:
    out = {}
    for question in load_questions().questions(kind):
        roll = rng.random()
        out[question.id] = 0 if roll < 0.06 else (rng.choice([4, 5]) if roll < leaning else rng.choice([1, 2, 3]))
    return out


def load_demo_feedback(users: dict[str, User]) -> None:
    agency = Agency.objects.filter(short_name="SAFEHARBOR").first()
    if agency is None or SurveyResponse.objects.filter(agency=agency).exists():
        return
    rng = random.Random(17)  # noqa: S311  (fictional demo answers)
    today = timezone.localdate()
    for days_ago, count in SURVEYS:
        for i in range(count):
            # The code a person used (its digest only) and, separately, their answers.
            SurveyCode.objects.create(agency=agency, digest=digest(f"DEMO{days_ago:03d}{i}"),
                                      created_on=today - timedelta(days=days_ago + 3), used=True)
            SurveyResponse.objects.create(agency=agency, answered_on=today - timedelta(days=days_ago),
                                          language="es" if i % 2 else "en",
                                          channel=Channel.PAPER if i % 3 == 0 else Channel.ONLINE,
                                          questions_version=load_questions().version,
                                          answers=_answers(rng, "survey", 0.8))
    event = Activity.objects.filter(title=PULSE_EVENT, kind=Kind.OUTREACH_EVENT).first()
    if event is None:
        return
    pulse = TrustPulse.objects.create(activity=event, agency=agency, code="HARB42",
                                      created_at=timezone.now() - timedelta(days=(today - event.held_on).days))
    for i in range(11):
        PulseResponse.objects.create(pulse=pulse, agency=agency, answered_on=event.held_on + timedelta(days=i % 3),
                                     language="es" if i % 3 else "en", questions_version=load_questions().version,
                                     answers=_answers(rng, "pulse", 0.55))

