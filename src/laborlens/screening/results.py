"""What an assessment is made of: the result dataclasses and their JSON form.

:class:`Assessment` and its parts (dimensions, readings, U.S. elements and statutes, red
flags, next questions, actions, related offences), each carrying the catalogue rule
(:class:`RuleRef`) that produced it; ``Assessment.to_dict()`` gives the JSON the API and the
command line return. Also the two helpers that word English and Spanish text together
(:func:`format_text`, :func:`join_texts`). The bottom of the engine's modules: it imports none
of them but :mod:`answers`. Pure Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from laborlens.catalogue import Text
from laborlens.catalogue.loader import Citation, Rule
from laborlens.screening.answers import Answer


@dataclass(frozen=True)
class RuleRef:
    id: str
    explanation: Text
    citations: tuple[Citation, ...]

    @classmethod
    def of(cls, rule: Rule) -> RuleRef:
        return cls(rule.id, rule.explanation, rule.citations)


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    label: Text
    weight: str | None
    source: str | None
    unconfirmed: bool


@dataclass(frozen=True)
class DimensionResult:
    id: str
    label: Text
    positive: bool
    weights_used: str  # "adult" | "child"
    counts: Mapping[str, int]
    present: tuple[IndicatorRef, ...]
    deciding: tuple[str, ...]
    pattern: str | None
    pattern_label: Text | None
    rule: RuleRef


@dataclass(frozen=True)
class ReadingResult:
    id: str
    rank: int
    label: Text
    description: Text
    rule: RuleRef
    inputs: Mapping[str, Any]


@dataclass(frozen=True)
class ForcedLabourResult:
    id: str
    number: int
    label: Text
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class ComponentResult:
    id: str
    label: Text
    supported: bool
    derived: bool
    facts: tuple[str, ...]


@dataclass(frozen=True)
class ElementResult:
    id: str
    label: Text
    status: str  # supported | not_established | unknown
    facts: tuple[str, ...]
    components: tuple[ComponentResult, ...]
    rule: RuleRef


@dataclass(frozen=True)
class StatuteResult:
    id: str
    cite: str
    label: Text
    facts: tuple[str, ...]
    complete: bool
    missing: tuple[tuple[str, ...], ...]
    rule: RuleRef


@dataclass(frozen=True)
class UsLawResult:
    act: ElementResult
    means: ElementResult
    purpose: ElementResult
    all_elements_supported: bool
    statutes: tuple[StatuteResult, ...]
    minor_note: Text | None


@dataclass(frozen=True)
class RedFlagResult:
    id: str
    label: Text
    unconfirmed: bool
    points_to: tuple[str, ...]
    rule: RuleRef


@dataclass(frozen=True)
class Contradiction:
    context: str
    indicators: tuple[str, ...]
    rule: RuleRef


@dataclass(frozen=True)
class NextQuestion:
    id: str
    kind: str
    label: Text
    question: Text
    guidance: Text
    weight: str | None
    reading_if_present: str
    would_tip: tuple[str, ...]
    why: tuple[Text, ...]


@dataclass(frozen=True)
class RecommendedAction:
    id: str
    priority: int
    label: Text
    text: Text
    matched_condition: Mapping[str, Any]
    rule: RuleRef
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class RelatedOffence:
    """A federal offence flagged on its own, whatever the reading (18 U.S.C. 1592, 1351)."""

    id: str
    cite: str
    label: Text
    facts: tuple[str, ...]
    explanation: Text
    rule: RuleRef


@dataclass(frozen=True)
class Assessment:
    catalogue_version: str
    age_group: str
    reading: str
    reading_detail: ReadingResult
    reading_if_minor: str | None
    readings: Mapping[str, Any]
    nothing_recorded: bool
    present_indicator_count: int
    dimensions: tuple[DimensionResult, ...]
    forced_labour: tuple[ForcedLabourResult, ...]
    us_law: UsLawResult
    red_flags: tuple[RedFlagResult, ...]
    context: tuple[Mapping[str, Any], ...]
    contradictions: tuple[Contradiction, ...]
    unconfirmed: tuple[str, ...]
    next_questions: tuple[NextQuestion, ...]
    recommended_actions: tuple[RecommendedAction, ...]
    explanation: tuple[Text, ...]
    answers: Mapping[str, Answer]
    # Added in catalogue 2026.12.0 (issue 14); the keys above keep their meaning, except that
    # ``reading`` is the headline of the chosen jurisdiction (identical to ``reading_ilo`` under "ilo").
    jurisdiction: str = "us"
    reading_ilo: str = "insufficient"
    reading_us: str = "insufficient"
    reading_us_if_minor: str | None = None
    reading_basis: tuple[str, ...] = ()
    headline: Text = Text("", "")
    related_offences: tuple[RelatedOffence, ...] = ()
    age_group_source: str = "unknown"

    def dimension(self, dimension_id: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict; ``reading`` is one of the five reading ids."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _jsonable(value: Any) -> Any:
    """The assessment as plain JSON values. The exact built-in types are tried first and each
    dataclass's field names are looked up once per class: this ran ~150,000 times per
    assessment and was a quarter of an API assessment's time (issue 16, part 6); the result
    is the same as the general rules below, which every other type still takes."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is Text or kind is Citation:
        return value.to_dict()
    if kind is tuple or kind is list:
        return [_jsonable(v) for v in value]
    if kind is dict:
        return {str(k): _jsonable(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(kind)
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    return _jsonable_general(value)


def _jsonable_general(value: Any) -> Any:
    if isinstance(value, Text):
        return value.to_dict()
    if isinstance(value, Citation):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.setdefault(type(value), tuple(f.name for f in dataclasses.fields(value)))
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return [_jsonable(v) for v in items]
    return value


# --- bilingual wording -------------------------------------------------------------


def format_text(template: Text, **args: str | Text) -> Text:
    def pick(lang: str) -> dict[str, str]:
        return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in args.items()}

    return Text(template.en.format(**pick("en")), template.es.format(**pick("es")))


def join_texts(texts: Iterable[Text]) -> Text:
    texts = list(texts)
    return Text("; ".join(t.en for t in texts), "; ".join(t.es for t in texts))
