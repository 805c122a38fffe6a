"""The tip forms' plain-word checkboxes and the triage rules, from ``data/tips.json``.

Pure module (no Django): ``observations()``, ``sectors()``, and ``prioritise()`` which
returns the priority and *why* (the ids of every rule that matched), so a triage officer
can read the reason next to the number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "tips.json"


@dataclass(frozen=True)
class Choice:
    id: str
    en: str
    es: str
    red_flag: str = ""

    def label(self, lang: str) -> str:
        return self.es if lang == "es" else self.en


@dataclass(frozen=True)
class Rule:
    id: str
    priority: int
    en: str
    es: str
    observations: frozenset[str]
    indicators: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    min_indicators: int
    signals: frozenset[str] = frozenset()  # what the text supports in law (tips/reading.py)

    def label(self, lang: str) -> str:
        return self.es if lang == "es" else self.en


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def observations() -> tuple[Choice, ...]:
    return tuple(Choice(o["id"], o["en"], o["es"], o["red_flag"]) for o in _data()["observations"])


@lru_cache(maxsize=1)
def sectors() -> tuple[Choice, ...]:
    return tuple(Choice(s["id"], s["en"], s["es"]) for s in _data()["sectors"])


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(r["id"], int(r["priority"]), r["en"], r["es"], frozenset(r.get("observations", ())),
             frozenset(r.get("indicators", ())),
             tuple(re.compile(p, re.IGNORECASE) for p in r.get("patterns", ())),
             int(r.get("min_indicators", 0)), frozenset(r.get("signals", ())))
        for r in _data()["priority_rules"]
    )


def rule(rule_id: str) -> Rule | None:
    return next((r for r in rules() if r.id == rule_id), None)


def validate(red_flag_ids: set[str], indicator_ids: set[str]) -> list[str]:
    """Problems with the data file against the catalogue (empty list: fine)."""
    problems = [f"observation {o.id}: unknown red flag {o.red_flag}" for o in observations()
                if o.red_flag not in red_flag_ids]
    known = {o.id for o in observations()}
    for r in rules():
        problems += [f"rule {r.id}: unknown observation {o}" for o in r.observations - known]
        problems += [f"rule {r.id}: unknown indicator {i}" for i in r.indicators - indicator_ids]
    if rules()[-1].observations or rules()[-1].indicators or rules()[-1].patterns or rules()[-1].signals:
        problems.append("the last rule is the fallback and must match everything")
    return problems


def prioritise(*, observations: list[str], indicators: list[str], texts: list[str],
               signals: list[str] | None = None) -> tuple[int, list[str]]:
    """(priority, matched rule ids). Lower is more urgent; the most urgent matched rule sets it.

    ``signals`` are what the text supports in law (``usc_1589``, ``dimension:coercion_destination``...)."""
    seen, found, supported = set(observations), set(indicators), set(signals or ())
    matched: list[str] = []
    for r in rules():
        hit = bool(r.observations & seen) or bool(r.indicators & found) or bool(r.signals & supported)
        hit = hit or any(p.search(text) for p in r.patterns for text in texts)
        hit = hit or (r.min_indicators > 0 and len(found) >= r.min_indicators)
        if hit:
            matched.append(r.id)
    if not matched:
        matched.append(rules()[-1].id)
    return min(rule(m).priority for m in matched), matched  # type: ignore[union-attr]


def follow_up_questions(topics: list[str], lang: str) -> list[str]:
    """The plain-word questions for a tipster about what their text leaves unknown
    (recruitment, means, purpose: tips/reading.py TOPICS)."""
    questions: dict[str, dict[str, str]] = _data().get("follow_up_questions", {})
    return [questions[t]["es" if lang == "es" else "en"] for t in topics if t in questions]
