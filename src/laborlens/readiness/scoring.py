"""Score an agency readiness self-assessment against the four recommendations of seed 002
(pure Python, no Django).

Each question's answer earns points from 0 to 1; each question counts towards one or more
recommendations with a weight. A recommendation's score is the weighted mean of its
questions' points, 0-100 (unanswered questions count as 0, so skipping cannot raise a
score). A question whose points are below ``gap_below`` is a gap, with the next step the
instrument names for it. ``compare`` shows what changed since the previous assessment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

INSTRUMENT_FILE = Path(__file__).with_name("data") / "instrument.json"


class InstrumentError(ValueError):
    """The instrument data is invalid; the message names the item."""


@dataclass(frozen=True)
class Gap:
    question: str
    answer: str | None
    points: float
    recommendations: tuple[str, ...]
    next_step: dict[str, str]


@dataclass(frozen=True)
class Result:
    version: str
    scores: dict[str, int]
    overall: int
    levels: dict[str, str]
    gaps: tuple[Gap, ...]
    next_steps: tuple[dict[str, str], ...]
    answered: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "scores": self.scores, "overall": self.overall, "levels": self.levels,
                "gaps": [gap.question for gap in self.gaps], "answered": self.answered, "total": self.total}


@dataclass(frozen=True)
class Comparison:
    changes: dict[str, int]
    overall_change: int
    closed_gaps: tuple[str, ...]
    new_gaps: tuple[str, ...]
    still_open: tuple[str, ...] = field(default_factory=tuple)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InstrumentError(f"{INSTRUMENT_FILE.name}: {message}")


def validate(data: dict[str, Any]) -> dict[str, Any]:
    _require(data.get("kind") == "readiness_instrument", "kind must be readiness_instrument")
    _require(bool(data.get("version")), "version is required")
    recommendations = {item["id"] for item in data["recommendations"]}
    _require(len(recommendations) == 4, "the report makes four recommendations")
    sections = {item["id"] for item in data["sections"]}
    seen: set[str] = set()
    for item in data["recommendations"]:
        _require(bool(item.get("en")) and bool(item.get("es")) and bool(item.get("citation"))
                 and bool(item.get("short", {}).get("en")) and bool(item.get("short", {}).get("es")),
                 f"recommendation {item['id']} needs en, es, a short label and a citation")
    for question in data["questions"]:
        qid = question["id"]
        _require(qid not in seen, f"duplicate question {qid}")
        seen.add(qid)
        _require(question["section"] in sections, f"{qid}: unknown section {question['section']}")
        _require(bool(question.get("en")) and bool(question.get("es")), f"{qid}: needs en and es")
        _require(bool(question.get("citation", {}).get("locator")), f"{qid}: needs a citation")
        _require(bool(question["next_step"].get("en")) and bool(question["next_step"].get("es")),
                 f"{qid}: next step needs en and es")
        _require(set(question["recommendations"]) <= recommendations and bool(question["recommendations"]),
                 f"{qid}: unknown or missing recommendation")
        values = [option["value"] for option in question["options"]]
        _require(len(values) == len(set(values)) and len(values) >= 2, f"{qid}: options must be distinct")
        for option in question["options"]:
            _require(0.0 <= float(option["points"]) <= 1.0, f"{qid}: points must be between 0 and 1")
            _require(bool(option.get("en")) and bool(option.get("es")), f"{qid}: option needs en and es")
        _require(max(float(option["points"]) for option in question["options"]) == 1.0,
                 f"{qid}: the best answer must earn full points")
    for rec in recommendations:
        _require(any(rec in q["recommendations"] for q in data["questions"]), f"no question for {rec}")
    return data


@cache
def load_instrument() -> dict[str, Any]:
    return validate(json.loads(INSTRUMENT_FILE.read_text(encoding="utf-8")))


def level_for(score: int, instrument: dict[str, Any]) -> str:
    for level in sorted(instrument["levels"], key=lambda item: -item["min"]):
        if score >= level["min"]:
            return str(level["id"])
    return str(instrument["levels"][-1]["id"])


def score(answers: dict[str, str], instrument: dict[str, Any] | None = None) -> Result:
    """Score ``answers`` (question id -> option value). Unknown values count as unanswered."""
    instrument = instrument or load_instrument()
    weights: dict[str, float] = {item["id"]: 0.0 for item in instrument["recommendations"]}
    earned: dict[str, float] = dict.fromkeys(weights, 0.0)
    gaps: list[Gap] = []
    answered = 0
    for question in instrument["questions"]:
        points_by_value = {option["value"]: float(option["points"]) for option in question["options"]}
        answer = answers.get(question["id"])
        if answer in points_by_value:
            answered += 1
            points = points_by_value[answer]
        else:
            answer, points = None, 0.0
        for rec, weight in question["recommendations"].items():
            weights[rec] += float(weight)
            earned[rec] += float(weight) * points
        if points < float(instrument["gap_below"]):
            recs = tuple(sorted(question["recommendations"], key=lambda r: -question["recommendations"][r]))
            gaps.append(Gap(question["id"], answer, points, recs, dict(question["next_step"])))
    scores = {rec: round(100 * earned[rec] / weights[rec]) if weights[rec] else 0 for rec in weights}
    overall = round(sum(scores.values()) / len(scores)) if scores else 0
    # Next steps: the weakest recommendation's gaps first, then by points (worst first).
    order = {rec: index for index, rec in enumerate(sorted(scores, key=lambda rec: (scores[rec], rec)))}
    ranked = sorted(gaps, key=lambda gap: (order[gap.recommendations[0]], gap.points))
    return Result(version=str(instrument["version"]), scores=scores, overall=overall,
                  levels={rec: level_for(value, instrument) for rec, value in scores.items()},
                  gaps=tuple(ranked), next_steps=tuple(gap.next_step for gap in ranked),
                  answered=answered, total=len(instrument["questions"]))


def compare(current: Result, previous: Result | None) -> Comparison | None:
    if previous is None:
        return None
    before = {gap.question for gap in previous.gaps}
    now = {gap.question for gap in current.gaps}
    return Comparison(
        changes={rec: value - previous.scores.get(rec, 0) for rec, value in current.scores.items()},
        overall_change=current.overall - previous.overall,
        closed_gaps=tuple(sorted(before - now)), new_gaps=tuple(sorted(now - before)),
        still_open=tuple(sorted(before & now)))


def text(item: dict[str, Any], lang: str) -> str:
    return str(item.get("es") if lang == "es" else item.get("en"))
