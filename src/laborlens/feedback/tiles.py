"""The dashboard's "Service quality" and "Community trust" tiles and the per-question
tables behind them. Counted over the agencies and period of the dashboard's filters
(``metrics.forms``); every published number goes through ``metrics.disclosure``: the
share of positive answers and the number of responses are withheld when fewer than
``METRICS_SMALL_COUNT`` (5) responses stand behind them, and so is every per-question
cell below 5 (with complementary suppression, as the answers of a question add up to
its responses).

*Share positive*: of all answers given in the period (``prefer not to say`` left out),
the share that agree or strongly agree (``questions.json``, ``scale.positive``), as a
whole percent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import get_language, gettext_lazy

from laborlens.feedback.models import PulseResponse, SurveyResponse
from laborlens.feedback.questions import PREFER_NOT, QuestionSet, load_questions
from laborlens.metrics import disclosure, periods
from laborlens.metrics.figures import Filters, Number, small_count

KINDS = {
    "survey": (gettext_lazy("Service quality"), SurveyResponse),
    "pulse": (gettext_lazy("Community trust"), PulseResponse),
}


@dataclass
class _Table:
    """What ``disclosure.protect`` needs (its ``Protectable``)."""

    key: str
    rows: list[tuple[str, str, list[Number]]]
    bases: dict[str, list[int]] = field(default_factory=dict)
    groups: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class FeedbackTile:
    key: str  # "survey" or "pulse"
    label: str
    share: disclosure.Cell  # percent positive this period
    responses: disclosure.Cell
    previous_share: disclosure.Cell
    previous_responses: disclosure.Cell

    @property
    def withheld(self) -> bool:
        return self.share.published is None

    @property
    def change(self) -> int | None:
        """Percentage points against the previous period, when both are published."""
        if self.share.published is None or self.previous_share.published is None:
            return None
        return int(self.share.published) - int(self.previous_share.published)


def _answers(kind: str, agency_ids: tuple[int, ...], start: date, end: date) -> list[dict[str, int]]:
    model = KINDS[kind][1]
    rows = model.objects.filter(agency_id__in=agency_ids, answered_on__gte=start, answered_on__lte=end)
    return [a for a in rows.values_list("answers", flat=True) if isinstance(a, dict)]


def share_positive(answers: list[dict[str, int]], qs: QuestionSet, question: str | None = None) -> int | None:
    given = [v for a in answers for k, v in a.items() if v != PREFER_NOT and (question is None or k == question)]
    if not given:
        return None
    return round(100 * sum(1 for v in given if v in qs.positive) / len(given))


def tile(kind: str, f: Filters) -> FeedbackTile:
    qs = load_questions()
    before = periods.previous_period(f.period, f.start, f.end)
    now, then = _answers(kind, f.agency_ids, f.start, f.end), _answers(kind, f.agency_ids, *before)
    table = _Table(kind, [("share", "", [share_positive(now, qs), share_positive(then, qs)]),
                          ("responses", "", [len(now), len(then)])],
                   bases={"share": [len(now), len(then)]})
    (share, previous_share), (responses, previous_responses) = disclosure.protect(table, small_count())
    return FeedbackTile(kind, str(KINDS[kind][0]), share, responses, previous_share, previous_responses)


def compute_tiles(f: Filters) -> list[FeedbackTile]:
    return [tile(kind, f) for kind in KINDS]


@dataclass(frozen=True)
class QuestionTable:
    id: str
    text: str
    rows: list[tuple[str, disclosure.Cell]]  # answer label, protected count
    share: disclosure.Cell  # percent positive among those who answered the question
    answered: int


def question_tables(kind: str, f: Filters) -> tuple[int, list[QuestionTable]]:
    """Per question: how many chose each answer in the period (cells below the limit
    withheld, and others too where a total would give them back)."""
    qs = load_questions()
    lang = (get_language() or "en").split("-")[0].lower()
    answers = _answers(kind, f.agency_ids, f.start, f.end)
    limit = small_count()
    tables = []
    for question in qs.questions(kind):
        counts: dict[int, int] = {a.value: 0 for a in qs.answers}
        for a in answers:
            if question.id in a and a[question.id] in counts:
                counts[a[question.id]] += 1
        codes = [str(a.value) for a in qs.answers]
        answered = sum(n for v, n in counts.items() if v != PREFER_NOT)
        table = _Table(question.id, [(str(a.value), a.label(lang), [counts[a.value]]) for a in qs.answers]
                       + [("share", "", [share_positive(answers, qs, question.id)])],
                       bases={"share": [answered]}, groups=[codes])
        cells = disclosure.protect(table, limit)
        rows = [(a.label(lang), cells[i][0]) for i, a in enumerate(qs.answers)]
        tables.append(QuestionTable(question.id, question.label(lang), rows, cells[-1][0], answered))
    # The number of responses is itself withheld below the limit.
    total = disclosure.protect(_Table(kind, [("n", "", [len(answers)])]), limit)[0][0]
    return total, tables


def context(kind: str, f: Filters) -> dict[str, Any]:
    total, tables = question_tables(kind, f)
    return {"kind": kind, "label": KINDS[kind][0], "total": total, "tables": tables}
