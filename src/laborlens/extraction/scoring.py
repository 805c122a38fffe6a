"""Precision, recall and F1 of extracted indicator ids against labelled narratives."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Narrative:
    id: str
    lang: str
    split: str  # old fixture: "dev" | "test" (held out); corpus: "train" | "dev" | "blind"
    text: str
    gold: frozenset[str]
    source: str
    kind: str = ""  # corpus only: trafficking, wage_only, smuggling_only, ...
    age: int | None = None  # corpus only: the age stated in the text


def load_narratives(path: Path) -> list[Narrative]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw: dict[str, Any] = json.loads(line)
            rows.append(Narrative(raw["id"], raw["lang"], raw.get("split", "dev"), raw["text"],
                                  frozenset(raw["indicators"]), raw.get("source", ""),
                                  raw.get("kind", ""), raw.get("age")))
    return rows


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(int(2 * p * r * 1e9), int((p + r) * 1e9))


@dataclass
class Scores:
    overall: Counts = field(default_factory=Counts)
    per_indicator: dict[str, Counts] = field(default_factory=dict)
    errors: list[tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=list)

    def add(self, narrative_id: str, gold: frozenset[str], predicted: frozenset[str]) -> None:
        tally = Counter({"tp": len(gold & predicted), "fp": len(predicted - gold), "fn": len(gold - predicted)})
        for key in ("tp", "fp", "fn"):
            setattr(self.overall, key, getattr(self.overall, key) + tally[key])
        for ind in gold | predicted:
            counts = self.per_indicator.setdefault(ind, Counts())
            counts.tp += ind in gold and ind in predicted
            counts.fp += ind in predicted and ind not in gold
            counts.fn += ind in gold and ind not in predicted
        if gold != predicted:
            self.errors.append((narrative_id, gold - predicted, predicted - gold))


# The act items ("works for someone", "was recruited") are not annotated in the labelled
# narratives: they are left out of precision and recall and count only through the reading.
UNSCORED_PREFIX = "ctx_act_"


def score(results: Iterable[tuple[Narrative, frozenset[str]]]) -> Scores:
    """Micro-averaged counts over (narrative, predicted ids) pairs."""
    scores = Scores()
    for narrative, predicted in results:
        scores.add(narrative.id, narrative.gold, frozenset(i for i in predicted if not i.startswith(UNSCORED_PREFIX)))
    return scores
