"""What a tip's words support in law: the screening engine's reading of the extracted findings.

Pure module (no Django models): ``read_texts()`` extracts indicators from the narrative and the
tipster's additions, runs the screening engine on them as unconfirmed third-party answers, and
returns a small summary kept on the tip (ids and statuses only, nothing identifying):

- ``signals``: what triage rules match on (``usc_1589``..., ``palermo_ilo``, ``dimension:<id>``);
- ``missing``: the U.S. elements (act, means, purpose) the text does not establish, which the
  follow-up questions ask about (issue 14, part 3);
- ``facts``: the indicator ids behind the elements and dimensions, whose spans the triage page
  shows as the reason for the priority.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from laborlens.extraction import extract, to_answers
from laborlens.screening.engine import assess
from laborlens.screening.federal import COERCIVE_DIMENSIONS

# Recruitment by deception is a positive ILO/EC dimension that points to trafficking on its own
# terms; exploitation alone (wages, hours) and vulnerability alone do not move a tip up.
URGENT_DIMENSIONS = ("deceptive_recruitment", *COERCIVE_DIMENSIONS)
RECRUITMENT_DIMENSIONS = ("deceptive_recruitment", "coercive_recruitment", "vulnerability_recruitment")
ELEMENTS = ("act", "means", "purpose")
# What a follow-up asks about: how the person came to the work (the act is met by any work
# obtained, so recruitment is asked for on its own), the means, and the purpose.
TOPICS = ("recruitment", "means", "purpose")


@dataclass
class TipReading:
    language: str = ""
    indicator_ids: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def signals(self) -> list[str]:
        return list(self.summary.get("signals", []))


def _summary(answers: dict[str, dict[str, Any]], age_group: str | None) -> dict[str, Any]:
    a = assess(answers, age_group_from_text=age_group)
    us = a.us_law
    positive = [d.id for d in a.dimensions if d.positive]
    elements = {e.id: e.status for e in (us.act, us.means, us.purpose)}
    facts = {f for e in (us.act, us.means, us.purpose) if e.status == "supported" for f in e.facts}
    facts |= {i.id for d in a.dimensions if d.positive and d.id in URGENT_DIMENSIONS for i in d.present}
    signals = [*a.reading_basis, *(f"dimension:{d}" for d in positive)]
    return {
        "catalogue_version": a.catalogue_version,
        "reading": a.reading, "reading_ilo": a.reading_ilo, "reading_us": a.reading_us,
        "basis": list(a.reading_basis), "positive_dimensions": positive, "elements": elements,
        "missing": [e for e in ELEMENTS if elements.get(e) != "supported"],
        "unknown": _unknown_topics(a, elements),
        "facts": sorted(f for f in facts if f in answers), "signals": signals,
        "age_group": a.age_group,
        "headline": {"en": a.headline.en, "es": a.headline.es},
    }


def _unknown_topics(a: Any, elements: dict[str, str]) -> list[str]:
    recruited = any(d.present for d in a.dimensions if d.id in RECRUITMENT_DIMENSIONS)
    known = {"recruitment": recruited, "means": elements.get("means") == "supported",
             "purpose": elements.get("purpose") == "supported"}
    return [t for t in TOPICS if not known[t]]


def read_texts(texts: list[str]) -> TipReading:
    """Extraction of every non-empty text (the first sets the language) and the engine's reading."""
    reading = TipReading()
    answers: dict[str, dict[str, Any]] = {}
    age_group: str | None = None
    for text in texts:
        if not text.strip():
            continue
        extraction = extract(text)
        reading.language = reading.language or extraction.language
        reading.indicator_ids += [i for i in extraction.ids if i not in reading.indicator_ids]
        for item_id, answer in to_answers(extraction).items():
            answers.setdefault(item_id, answer)
        if extraction.age_group == "minor" or (extraction.age_group == "adult" and age_group is None):
            age_group = extraction.age_group
    if answers:
        reading.summary = _summary(answers, age_group)
    return reading


def follow_up_topics(summary: dict[str, Any]) -> list[str]:
    """What to ask the tipster about: recruitment, means or purpose, where the text leaves it unknown."""
    return [t for t in (summary or {}).get("unknown", []) if t in TOPICS]
