"""Rank places and employers by weighted inputs, each rank explained (pure; no Django).

``rank(items, factors)`` turns each item's raw inputs into a 0-100 score: every input is
normalised against the largest value in the list (``transform``), multiplied by its weight
and divided by the sum of the weights. The result keeps the per-input breakdown (raw
value, normalised value, weight, points), which the page shows next to every rank, so a
reader can see why a county or an employer is where it is. Weights live in
``data/scoring.json`` (versioned, with citations).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

WEIGHTS_FILE = Path(__file__).resolve().parent / "data" / "scoring.json"
TRANSFORMS = ("log_share", "share", "flag")


class WeightsError(ValueError):
    pass


@dataclass(frozen=True)
class Factor:
    id: str
    weight: float
    transform: str
    en: str
    es: str
    why: str

    def label(self, language: str = "en") -> str:
        return self.es if language.startswith("es") else self.en


@dataclass(frozen=True)
class Weights:
    version: str
    places: tuple[Factor, ...]
    employers: tuple[Factor, ...]


@dataclass(frozen=True)
class Part:
    factor: Factor
    raw: float
    normalised: float
    points: float


@dataclass(frozen=True)
class Ranked:
    key: str
    rank: int
    score: float
    parts: tuple[Part, ...]

    @property
    def explanation(self) -> str:
        """'debarred 40.0 + workers 12.5 + ...': the inputs that gave points, largest first."""
        given = sorted((part for part in self.parts if part.points > 0), key=lambda p: -p.points)
        return " + ".join(f"{part.factor.id} {part.points:.1f}" for part in given) or "0"


def _factors(entries: Sequence[Mapping[str, object]], where: str) -> tuple[Factor, ...]:
    factors = []
    for entry in entries:
        try:
            factor = Factor(id=str(entry["id"]), weight=float(entry["weight"]),  # type: ignore[arg-type]
                            transform=str(entry["transform"]), en=str(entry["en"]), es=str(entry["es"]),
                            why=str(entry.get("why", "")))
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"{where}: bad factor {entry!r}: {error}") from None
        if factor.transform not in TRANSFORMS:
            raise WeightsError(f"{where}.{factor.id}: unknown transform {factor.transform!r}")
        if factor.weight < 0:
            raise WeightsError(f"{where}.{factor.id}: weight must not be negative")
        factors.append(factor)
    if len({factor.id for factor in factors}) != len(factors):
        raise WeightsError(f"{where}: duplicate factor id")
    if not factors or sum(factor.weight for factor in factors) <= 0:
        raise WeightsError(f"{where}: needs at least one factor with a positive weight")
    return tuple(factors)


def parse_weights(data: Mapping[str, object]) -> Weights:
    version = str(data.get("version", ""))
    if not version:
        raise WeightsError("scoring weights need a version")
    return Weights(version=version,
                   places=_factors(data.get("places", []), "places"),  # type: ignore[arg-type]
                   employers=_factors(data.get("employers", []), "employers"))  # type: ignore[arg-type]


@functools.cache
def load_weights(path: Path = WEIGHTS_FILE) -> Weights:
    return parse_weights(json.loads(path.read_text(encoding="utf-8")))


def normalise(value: float, largest: float, transform: str) -> float:
    if transform == "flag":
        return 1.0 if value > 0 else 0.0
    if largest <= 0 or value <= 0:
        return 0.0
    if transform == "share":
        return min(value / largest, 1.0)
    return min(math.log1p(value) / math.log1p(largest), 1.0)


def rank(items: Mapping[str, Mapping[str, float]], factors: Sequence[Factor]) -> list[Ranked]:
    """Score and order ``{key: {factor id: raw value}}``; a missing input counts as 0.

    Highest score first; ties keep the order of the keys (sorted), so the ranking is
    deterministic. Items with equal scores share a rank (1, 2, 2, 4).
    """
    total_weight = sum(factor.weight for factor in factors)
    largest = {factor.id: max((float(values.get(factor.id, 0)) for values in items.values()), default=0.0)
               for factor in factors}
    scored: list[tuple[str, float, tuple[Part, ...]]] = []
    for key in sorted(items):
        values = items[key]
        parts: list[Part] = []
        for factor in factors:
            raw = float(values.get(factor.id, 0))
            share = normalise(raw, largest[factor.id], factor.transform)
            parts.append(Part(factor, raw, round(share, 4), round(100 * factor.weight * share / total_weight, 1)))
        score = round(sum(100 * p.factor.weight * p.normalised for p in parts) / total_weight, 1)
        scored.append((key, score, tuple(parts)))
    scored.sort(key=lambda item: -item[1])
    ranked: list[Ranked] = []
    for position, (key, score, item_parts) in enumerate(scored, start=1):
        shared = ranked[-1].rank if ranked and ranked[-1].score == score else position
        ranked.append(Ranked(key, shared, score, item_parts))
    return ranked


def shade(score: float, steps: int = 5) -> int:
    """The map class of a score: 0 for nothing, then 1..steps by equal bands of 0-100."""
    if score <= 0:
        return 0
    return min(steps, 1 + int(score * steps / 100.0001))
