"""The survey's and the trust pulse's questions, loaded from ``data/questions.json`` and
validated once (pure: no Django). Answers are integers: 1-5 on the agreement scale, 0 for
"prefer not to say"; ``positive`` says which values count as a positive answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

QUESTIONS_FILE = Path(__file__).resolve().parent / "data" / "questions.json"
REQUIRED_LANGUAGES = ("en", "es")
PREFER_NOT = 0
SETS = ("survey", "pulse")


class QuestionsError(ValueError):
    """The questions file is malformed."""


@dataclass(frozen=True)
class Question:
    id: str
    text: dict[str, str]  # language -> wording
    sources: tuple[str, ...]
    domain: str

    def label(self, lang: str) -> str:
        return self.text.get(lang) or self.text["en"]


@dataclass(frozen=True)
class Answer:
    value: int
    text: dict[str, str]

    def label(self, lang: str) -> str:
        return self.text.get(lang) or self.text["en"]


@dataclass(frozen=True)
class QuestionSet:
    version: str
    survey: tuple[Question, ...]
    pulse: tuple[Question, ...]
    answers: tuple[Answer, ...]
    positive: frozenset[int]
    sources: dict[str, str]

    def questions(self, kind: str) -> tuple[Question, ...]:
        if kind not in SETS:
            raise KeyError(kind)
        return self.survey if kind == "survey" else self.pulse

    @property
    def values(self) -> frozenset[int]:
        return frozenset(a.value for a in self.answers)


def _texts(item: dict[str, Any], where: str) -> dict[str, str]:
    texts = {k: v for k, v in item.items() if len(k) <= 3 and k.islower() and k.isalpha()}
    for lang in REQUIRED_LANGUAGES:
        if not isinstance(texts.get(lang), str) or not texts[lang].strip():
            raise QuestionsError(f"{where}: wording in {lang!r} is missing")
    return texts


def parse(data: dict[str, Any]) -> QuestionSet:
    """Validate the file's content; any problem raises ``QuestionsError``."""
    if not isinstance(data.get("version"), str) or not data["version"]:
        raise QuestionsError("version is missing")
    sources = data.get("sources")
    if not isinstance(sources, dict) or not sources:
        raise QuestionsError("sources are missing")
    scale = data.get("scale") or {}
    answers = tuple(Answer(int(a["value"]), _texts(a, f"answer {a.get('value')}")) for a in scale.get("answers", []))
    if sorted(a.value for a in answers) != [PREFER_NOT, 1, 2, 3, 4, 5]:
        raise QuestionsError("the scale must have the values 1-5 and 0 (prefer not to say)")
    positive = frozenset(int(v) for v in scale.get("positive", []))
    if not positive or not positive <= {1, 2, 3, 4, 5}:
        raise QuestionsError("positive answers must be a non-empty subset of 1-5")
    sets: dict[str, tuple[Question, ...]] = {}
    seen: set[str] = set()
    for kind, (low, high) in (("survey", (5, 7)), ("pulse", (3, 4))):
        items = data.get(kind)
        if not isinstance(items, list) or not low <= len(items) <= high:
            raise QuestionsError(f"{kind}: between {low} and {high} questions are needed")
        questions = []
        for item in items:
            qid = item.get("id")
            if not isinstance(qid, str) or not qid.isidentifier() or qid in seen:
                raise QuestionsError(f"{kind}: bad or duplicate id {qid!r}")
            seen.add(qid)
            cited = tuple(item.get("source") or ())
            if not cited or any(s not in sources for s in cited):
                raise QuestionsError(f"{qid}: every question cites at least one listed source")
            questions.append(Question(qid, _texts(item, qid), cited, str(item.get("domain", ""))))
        sets[kind] = tuple(questions)
    return QuestionSet(data["version"], sets["survey"], sets["pulse"], answers, positive, dict(sources))


@cache
def load_questions(path: Path = QUESTIONS_FILE) -> QuestionSet:
    return parse(json.loads(path.read_text(encoding="utf-8")))


def clean_answers(kind: str, raw: dict[str, Any], questions: QuestionSet | None = None) -> tuple[dict[str, int], list[str]]:
    """Answers keyed by question id from form data; returns (answers, ids left unanswered).
    A value outside the scale raises ``ValueError``."""
    qs = questions or load_questions()
    answers: dict[str, int] = {}
    missing: list[str] = []
    for question in qs.questions(kind):
        value = raw.get(question.id)
        if value in (None, ""):
            missing.append(question.id)
            continue
        number = int(value)
        if number not in qs.values:
            raise ValueError(f"{question.id}: {number} is not on the scale")
        answers[question.id] = number
    return answers, missing
