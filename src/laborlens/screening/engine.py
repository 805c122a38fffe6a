"""Screening engine: answers to catalogue items -> an explained assessment (pure Python).

Input: one answer per catalogue item id (present / absent / unknown, with an optional
source, note and an ``unconfirmed`` flag) and the person's age group. Output: an
:class:`Assessment` whose every conclusion carries the inputs and the catalogue rule
(id, explanation in English and Spanish, citations) that produced it.

Design choices (documented in the catalogue README and rules.json):

* Readings are ordered ``insufficient < smuggling < exploitation < deception_exploitation
  < trafficking`` and the reading is the highest one whose condition holds. Each condition
  only asks for *present* answers, so recording one more present answer never lowers it.
* Unknown and absent answers never count. Answers marked ``unconfirmed`` count as present
  and are listed so they are confirmed before anyone relies on them.
* Age unknown: the reading uses adult weights and rules; the reading the person would have
  if under 18 is computed too and reported (``reading_if_minor``) with an action to
  establish age. We do not silently pick the child reading, because the child rule needs
  no means and would otherwise decide cases on a guess about age.
* Minors: child weights; Palermo Art. 3(c) needs no means, so exploitation plus a recorded
  act (recruited, transported, harboured, provided or obtained) is trafficking. U.S.
  federal law still requires means for labor trafficking of a minor; both are reported.
* Red flags never count toward a dimension; they raise the indicators they point to in
  the next questions. Context items never lower a reading.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from laborlens.catalogue import Catalogue, Item, Text, load_catalogue
from laborlens.catalogue.loader import (
    AGE_GROUPS,
    READING_IDS,
    Citation,
    Condition,
    Pattern,
    Rule,
    UsComponent,
)

VALUES = ("present", "absent", "unknown")
SOURCES = ("observed", "statement", "document", "third_party")
ANSWER_FIELDS = frozenset({"value", "source", "note", "unconfirmed"})
WEIGHT_VALUE = {"strong": 3, "medium": 2, "weak": 1}
DEFAULT_MAX_QUESTIONS = 10


# --- input --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One recorded answer. ``value`` is present, absent or unknown."""

    value: str = "unknown"
    source: str | None = None
    note: str = ""
    unconfirmed: bool = False

    def __post_init__(self) -> None:
        if self.value not in VALUES:
            raise ValueError(f"answer value must be one of {', '.join(VALUES)} (got {self.value!r})")
        if self.source is not None and self.source not in SOURCES:
            raise ValueError(f"answer source must be one of {', '.join(SOURCES)} (got {self.source!r})")
        if not isinstance(self.note, str):
            raise ValueError("answer note must be text")
        if not isinstance(self.unconfirmed, bool):
            raise ValueError("answer 'unconfirmed' must be true or false")

    @property
    def present(self) -> bool:
        return self.value == "present"

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "note": self.note, "unconfirmed": self.unconfirmed}


AnswerInput = Answer | str | Mapping[str, Any]


def parse_answer(item_id: str, raw: AnswerInput) -> Answer:
    """An :class:`Answer` from an Answer, a bare value string or a mapping (unknown keys rejected)."""
    try:
        if isinstance(raw, Answer):
            return raw
        if isinstance(raw, str):
            return Answer(value=raw)
        if isinstance(raw, Mapping):
            extra = set(raw) - ANSWER_FIELDS
            if extra:
                raise ValueError(f"unknown field(s) {', '.join(sorted(extra))}; allowed: {', '.join(sorted(ANSWER_FIELDS))}")
            if "value" not in raw:
                raise ValueError("missing 'value'")
            return Answer(value=raw["value"], source=raw.get("source"), note=raw.get("note") or "",
                          unconfirmed=raw.get("unconfirmed", False))
        raise ValueError(f"expected a value string or an object, got {type(raw).__name__}")
    except ValueError as error:
        raise ValueError(f"answer for {item_id!r}: {error}") from None


def parse_answers(raw: Mapping[str, AnswerInput], catalogue: Catalogue) -> dict[str, Answer]:
    """Validate ids and values; an id that is not in the catalogue is a ValueError naming it."""
    if not isinstance(raw, Mapping):
        raise ValueError("answers must be a mapping of item id to answer")
    unknown = sorted(k for k in raw if k not in catalogue.items)
    if unknown:
        shown = ", ".join(repr(k) for k in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise ValueError(f"unknown indicator id(s) {shown} (not in catalogue {catalogue.version})")
    return {item_id: parse_answer(item_id, value) for item_id, value in raw.items()}


def check_age_group(age_group: str) -> str:
    if age_group not in AGE_GROUPS:
        raise ValueError(f"age_group must be one of {', '.join(AGE_GROUPS)} (got {age_group!r})")
    return age_group


# --- the catalogue, indexed once for evaluation -----------------------------------------


@dataclass(frozen=True)
class Model:
    """Lookup tables derived from a catalogue; shared by the single-record and batch paths."""

    catalogue: Catalogue
    dimension_ids: tuple[str, ...]
    recruitment: frozenset[str]
    destination: frozenset[str]
    exploitation: str
    deception: frozenset[str]
    patterns: tuple[Pattern, ...]
    act_items: frozenset[str]
    smuggling_triggers: frozenset[str]
    rank: Mapping[str, int]
    order: Mapping[str, int]


@functools.lru_cache(maxsize=8)
def model_for(catalogue: Catalogue) -> Model:
    dims = catalogue.dimensions
    act_components = {c.id for e in catalogue.us_elements if e.id == "act" for c in e.components}
    return Model(
        catalogue=catalogue,
        dimension_ids=tuple(d.id for d in dims),
        recruitment=frozenset(d.id for d in dims if d.role == "recruitment_means"),
        destination=frozenset(d.id for d in dims if d.role == "destination_means"),
        exploitation=next(d.id for d in dims if d.role == "exploitation"),
        deception=frozenset(d.id for d in dims if d.deception),
        patterns=catalogue.patterns,
        # An act is "recorded" when any present answer supports an act component of U.S. law
        # (recruits, harbors, transports, provides, obtains): the same facts drive both readings.
        act_items=frozenset(i.id for i in catalogue.items.values() if act_components & set(i.us_supports)),
        smuggling_triggers=frozenset(i.id for i in catalogue.items.values() if "smuggling_trigger" in i.roles),
        rank={r.id: r.rank for r in catalogue.readings.values()},
        order={item_id: n for n, item_id in enumerate(catalogue.items)},
    )


def matching_pattern(patterns: Iterable[Pattern], strong: int, medium: int, weak: int) -> Pattern | None:
    """The first combination-rule pattern the counts satisfy, or None (dimension not positive)."""
    return next((p for p in patterns if p.holds(strong, medium, weak)), None)


def reading_for(model: Model, positive: Mapping[str, bool], act_recorded: bool, smuggling: bool,
                minor: bool) -> tuple[str, str]:
    """(reading id, rule id): the highest reading whose condition holds. Each condition only
    grows with present answers, which is what makes the reading monotone."""
    recruitment = any(positive[d] for d in model.recruitment)
    destination = any(positive[d] for d in model.destination)
    exploitation = positive[model.exploitation]
    if exploitation and recruitment and destination:
        return "trafficking", "reading.trafficking.adult"
    if minor and exploitation and act_recorded:
        return "trafficking", "reading.trafficking.minor"
    if exploitation and any(positive[d] for d in model.deception):
        return "deception_exploitation", "reading.deception_exploitation"
    if exploitation:
        return "exploitation", "reading.exploitation"
    if smuggling and destination:
        # Paid a smuggler, then held by coercion or abuse of vulnerability at destination: never
        # "smuggling" (INDICATORS.md section 1). At least exploitation keeps the reading monotone.
        return "exploitation", "reading.smuggling_coerced"
    if smuggling:
        return "smuggling", "reading.smuggling"
    return "insufficient", "reading.insufficient"


# --- output -------------------------------------------------------------------------


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


# --- evaluation ---------------------------------------------------------------------


def _fmt(template: Text, **args: str | Text) -> Text:
    def pick(lang: str) -> dict[str, str]:
        return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in args.items()}

    return Text(template.en.format(**pick("en")), template.es.format(**pick("es")))


def _join(texts: Iterable[Text]) -> Text:
    texts = list(texts)
    return Text("; ".join(t.en for t in texts), "; ".join(t.es for t in texts))


@dataclass
class _State:
    """What one evaluation needs; also reused for the counterfactuals of next questions."""

    counts: dict[str, list[int]]  # dimension -> [strong, medium, weak]
    positive: dict[str, bool]
    act_recorded: bool
    smuggling: bool


def _state(model: Model, present: frozenset[str], child: bool) -> _State:
    counts = {d: [0, 0, 0] for d in model.dimension_ids}
    for item_id in present:
        item = model.catalogue.items[item_id]
        if item.kind == "indicator" and item.dimension is not None:
            weight = item.weight(child)
            counts[item.dimension][("strong", "medium", "weak").index(str(weight))] += 1
    positive = {d: matching_pattern(model.patterns, *c) is not None for d, c in counts.items()}
    return _State(counts, positive, bool(present & model.act_items), bool(present & model.smuggling_triggers))


def _with_item(model: Model, state: _State, item: Item, child: bool) -> _State:
    counts = state.counts
    positive = state.positive
    if item.kind == "indicator" and item.dimension is not None:
        bumped = list(counts[item.dimension])
        bumped[("strong", "medium", "weak").index(str(item.weight(child)))] += 1
        counts = {**counts, item.dimension: bumped}
        positive = {**positive, item.dimension: matching_pattern(model.patterns, *bumped) is not None}
    return _State(counts, positive, state.act_recorded or item.id in model.act_items,
                  state.smuggling or item.id in model.smuggling_triggers)


def _deciding(present: list[IndicatorRef], pattern: Pattern | None) -> tuple[str, ...]:
    """The smallest set of present indicators that satisfies the matched pattern."""
    if pattern is None:
        return ()
    by_weight = {w: [p.id for p in present if p.weight == w] for w in ("strong", "medium", "weak")}
    chosen = by_weight["strong"][: pattern.strong] + by_weight["medium"][: pattern.medium] + by_weight["weak"][: pattern.weak]
    spare = by_weight["medium"][pattern.medium:] + by_weight["weak"][pattern.weak:]
    return tuple(chosen + spare[: pattern.medium_or_weak])


def _dimension_results(model: Model, state: _State, present: frozenset[str], answers: Mapping[str, Answer],
                       child: bool) -> tuple[DimensionResult, ...]:
    cat = model.catalogue
    rule = RuleRef.of(cat.rules["combination.dimension"])
    results = []
    for dim in cat.dimensions:
        refs = [IndicatorRef(i.id, i.label, i.weight(child), answers[i.id].source, answers[i.id].unconfirmed)
                for i in cat.indicators_of(dim.id) if i.id in present]
        refs.sort(key=lambda r: -WEIGHT_VALUE.get(str(r.weight), 0))
        strong, medium, weak = state.counts[dim.id]
        pattern = matching_pattern(model.patterns, strong, medium, weak)
        results.append(DimensionResult(
            id=dim.id, label=dim.label, positive=pattern is not None, weights_used="child" if child else "adult",
            counts={"strong": strong, "medium": medium, "weak": weak}, present=tuple(refs),
            deciding=_deciding(refs, pattern), pattern=pattern.id if pattern else None,
            pattern_label=pattern.label if pattern else None, rule=rule))
    return tuple(results)


def _reading_result(model: Model, state: _State, age_group: str, minor: bool) -> ReadingResult:
    cat = model.catalogue
    reading_id, rule_id = reading_for(model, state.positive, state.act_recorded, state.smuggling, minor)
    reading = cat.readings[reading_id]
    inputs = {"dimensions_positive": dict(state.positive), "act_recorded": state.act_recorded,
              "smuggling_recorded": state.smuggling, "age_group": age_group,
              "rules_for": "minor" if minor else "adult", "order": list(READING_IDS)}
    return ReadingResult(reading.id, reading.rank, reading.label, reading.description,
                         RuleRef.of(cat.rules[rule_id]), inputs)


# --- U.S. federal law ----------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _derived_components(catalogue: Catalogue) -> tuple[UsComponent, ...]:
    return tuple(c for e in catalogue.us_elements for c in e.components if c.derived_when_all)


@functools.lru_cache(maxsize=8)
def _item_order(catalogue: Catalogue) -> dict[str, int]:
    return {item_id: n for n, item_id in enumerate(catalogue.items)}


def _close(catalogue: Catalogue, facts: dict[str, set[str]]) -> dict[str, set[str]]:
    """Add derived components whose every group has a supported member (repeat until stable)."""
    changed = True
    while changed:
        changed = False
        for comp in _derived_components(catalogue):
            if comp.id in facts:
                continue
            groups = [[r for r in group if r in facts] for group in comp.derived_when_all]
            if all(groups):
                facts[comp.id] = {f for group in groups for r in group for f in facts[r]}
                changed = True
    return facts


def us_support(catalogue: Catalogue, present: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Supported U.S. law components -> the present item ids behind them (derived ones included)."""
    facts: dict[str, set[str]] = {}
    for item_id in present:
        for comp in catalogue.items[item_id].us_supports:
            facts.setdefault(comp, set()).add(item_id)
    order = _item_order(catalogue)
    return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in _close(catalogue, facts).items()}


def supported_components(catalogue: Catalogue, direct: Iterable[str]) -> frozenset[str]:
    """The components supported once ``direct`` ones are (derived closure, without the facts)."""
    return frozenset(_close(catalogue, {c: set() for c in direct}))


def _element_status(catalogue: Catalogue, element_id: str, supported: Mapping[str, tuple[str, ...]],
                    answered: Iterable[str]) -> str:
    element = next(e for e in catalogue.us_elements if e.id == element_id)
    if any(c in supported for c in element.supported_when_any):
        return "supported"
    prefix = element_id + "."
    touched = any(any(s.startswith(prefix) for s in catalogue.items[i].us_supports) for i in answered)
    return "not_established" if touched else "unknown"


def _us_law(catalogue: Catalogue, present: frozenset[str], answered: frozenset[str], minor: bool) -> UsLawResult:
    supported = us_support(catalogue, present)
    element_rule = RuleRef.of(catalogue.rules["us.element"])
    elements: dict[str, ElementResult] = {}
    for element in catalogue.us_elements:
        status = _element_status(catalogue, element.id, supported, answered)
        comps = tuple(ComponentResult(c.id, c.label, c.id in supported, bool(c.derived_when_all), supported.get(c.id, ()))
                      for c in element.components)
        facts = sorted({f for c in comps if c.supported for f in c.facts}, key=_item_order(catalogue).__getitem__)
        elements[element.id] = ElementResult(element.id, element.label, status, tuple(facts), comps, element_rule)
    statutes = _statutes(catalogue, present, supported, {k for k, e in elements.items() if e.status == "supported"})
    all_supported = all(e.status == "supported" for e in elements.values())
    minor_note = None
    if minor:
        minor_note = _fmt(catalogue.messages["minor_us_means"],
                          status=catalogue.label("status", elements["means"].status))
    return UsLawResult(elements["act"], elements["means"], elements["purpose"], all_supported, statutes, minor_note)


def _statutes(catalogue: Catalogue, present: frozenset[str], supported: Mapping[str, tuple[str, ...]],
              elements_supported: set[str]) -> tuple[StatuteResult, ...]:
    rule = RuleRef.of(catalogue.rules["us.statute"])
    pointed: dict[str, list[str]] = {}
    for item_id in catalogue.items:
        if item_id in present:
            for statute_id in catalogue.items[item_id].us_statutes:
                pointed.setdefault(statute_id, []).append(item_id)
    results = []
    for statute in catalogue.statutes.values():
        if statute.id not in pointed:
            continue
        missing = tuple(group for group in statute.requires_all
                        if not any(r in supported or r in elements_supported for r in group))
        results.append(StatuteResult(statute.id, statute.cite, statute.label, tuple(pointed[statute.id]),
                                     not missing, missing, rule))
    return tuple(results)


# --- next questions ------------------------------------------------------------------


def _is_candidate(item: Item, answers: Mapping[str, Answer], smuggling: bool) -> bool:
    answer = answers.get(item.id)
    if (answer is not None and answer.value != "unknown") or item.deprecated:
        return False
    if item.kind == "red_flag" or item.suggest == "never":
        return False
    return item.suggest == "ranked" or (item.suggest == "when_smuggling_recorded" and smuggling)


def _next_questions(model: Model, state: _State, reading: str, present: frozenset[str],
                    answers: Mapping[str, Answer], child: bool, minor: bool, limit: int,
                    us_headline: bool = False) -> tuple[NextQuestion, ...]:
    """Questions ranked by how much the answer would change the ILO/EC reading; under the U.S.
    headline the best question for each U.S. element not yet established is kept among them
    (issue 14, part 3: a tip that describes only the workplace is asked about the means)."""
    cat = model.catalogue
    direct_now = {c for i in present for c in cat.items[i].us_supports}
    supported_now = supported_components(cat, direct_now)
    elements_now = {e.id for e in cat.us_elements if any(c in supported_now for c in e.supported_when_any)}
    flagged: dict[str, list[str]] = {}
    for item_id in sorted(present, key=model.order.__getitem__):  # stable order, whatever the set's
        for target in cat.items[item_id].points_to:
            flagged.setdefault(target, []).append(item_id)
    ranked = []
    for item in cat.items.values():
        if not _is_candidate(item, answers, state.smuggling):
            continue
        after = _with_item(model, state, item, child)
        new_reading, _ = reading_for(model, after.positive, after.act_recorded, after.smuggling, minor)
        delta = model.rank[new_reading] - model.rank[reading]
        tipped = tuple(d for d in model.dimension_ids if after.positive[d] and not state.positive[d])
        gained: tuple[str, ...] = ()
        if not set(item.us_supports) <= direct_now:
            supported_after = supported_components(cat, direct_now | set(item.us_supports))
            gained = tuple(e.id for e in cat.us_elements if e.id not in elements_now
                           and any(c in supported_after for c in e.supported_when_any))
        weight = item.weight(child)
        tells_smuggling_apart = item.suggest == "when_smuggling_recorded"
        key = (-delta, -len(tipped), -tells_smuggling_apart, -WEIGHT_VALUE.get(str(weight), 0), -len(flagged.get(item.id, ())),
               -(item.id in cat.short_form), -len(gained), model.order[item.id])
        ranked.append((key, item, new_reading, tipped, gained, weight, delta))
    ranked.sort(key=lambda r: r[0])
    chosen = ranked[:limit]
    if us_headline:
        chosen = _cover_missing_elements(cat, ranked, chosen, elements_now, limit)
    return tuple(_question(cat, reading, r[1], r[2], r[3], r[4], r[5], r[6], flagged) for r in chosen)


def _cover_missing_elements(cat: Catalogue, ranked: list[Any], chosen: list[Any], elements_now: set[str],
                            limit: int) -> list[Any]:
    """Under the U.S. headline, keep the best question for each element not yet established
    (act, means, purpose) among those asked, replacing the lowest-ranked ones: a tip that
    describes only the workplace is asked about the means (issue 14, part 3)."""
    chosen = list(chosen)
    for element in ("means", "purpose", "act"):
        if element in elements_now or any(element in r[4] for r in chosen):
            continue
        best = next((r for r in ranked if element in r[4]), None)
        if best is None or limit < 2:
            continue
        if len(chosen) >= limit:
            drop = next((r for r in reversed(chosen[1:]) if not r[4]), None)  # the top question stays
            if drop is None:
                continue
            chosen.remove(drop)
        chosen.append(best)
    return chosen


def _question(cat: Catalogue, reading: str, item: Item, new_reading: str, tipped: tuple[str, ...],
              gained: tuple[str, ...], weight: str | None, delta: int, flagged: Mapping[str, list[str]]) -> NextQuestion:
    msg = cat.messages
    why: list[Text] = []
    if delta > 0:
        why.append(_fmt(msg["why_reading"], from_reading=cat.readings[reading].label, to_reading=cat.readings[new_reading].label))
    if tipped:
        why.append(_fmt(msg["why_tips"], dimensions=_join(cat.dimension(d).label for d in tipped)))
    if item.kind == "indicator" and item.dimension and weight:
        why.append(_fmt(msg["why_counts"], dimension=cat.dimension(item.dimension).label, weight=cat.label("weight", weight)))
    if item.id in flagged:
        why.append(_fmt(msg["why_red_flag"], flags=_join(cat.items[f].label for f in flagged[item.id])))
    if item.id in cat.short_form:
        why.append(msg["why_short_form"])
    if gained:
        why.append(_fmt(msg["why_us"], elements=_join(cat.label("element", e) for e in gained)))
    if item.suggest == "when_smuggling_recorded":
        why.append(msg["why_smuggling"])
    return NextQuestion(item.id, item.kind, item.label, item.question, item.guidance, weight, new_reading, tipped, tuple(why))


# --- actions -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    reading: str
    rank: int
    present: frozenset[str]
    positive: Mapping[str, bool]
    components: frozenset[str]
    elements: frozenset[str]
    age_group: str
    nothing_recorded: bool
    minor_reading_differs: bool
    has_unconfirmed: bool


def _holds(cond: Condition, facts: _Facts, rank: Mapping[str, int]) -> bool:
    checks = [
        cond.readings is None or facts.reading in cond.readings,
        cond.min_reading is None or facts.rank >= rank[cond.min_reading],
        cond.any_present is None or bool(facts.present & set(cond.any_present)),
        cond.any_dimension_positive is None or any(facts.positive[d] for d in cond.any_dimension_positive),
        cond.us_components_any is None or bool(facts.components & set(cond.us_components_any)),
        cond.us_elements_all is None or set(cond.us_elements_all) <= facts.elements,
        cond.age_groups is None or facts.age_group in cond.age_groups,
        cond.nothing_recorded is None or facts.nothing_recorded == cond.nothing_recorded,
        cond.minor_reading_differs is None or facts.minor_reading_differs == cond.minor_reading_differs,
        cond.has_unconfirmed is None or facts.has_unconfirmed == cond.has_unconfirmed,
    ]
    return all(checks)


def _actions(cat: Catalogue, facts: _Facts, rank: Mapping[str, int]) -> tuple[RecommendedAction, ...]:
    rule = RuleRef.of(cat.rules["actions.selection"])
    chosen = []
    for action in cat.actions:
        matched = next((c for c in action.when_any if _holds(c, facts, rank)), None)
        if matched is not None:
            condition = {f.name: getattr(matched, f.name) for f in dataclasses.fields(matched)
                         if getattr(matched, f.name) is not None}
            chosen.append(RecommendedAction(action.id, action.priority, action.label, action.text, condition, rule,
                                            action.citations))
    return tuple(chosen)


# --- explanation ---------------------------------------------------------------------


def _labels(cat: Catalogue, ids: Iterable[str]) -> Text:
    return _join(cat.items[i].label for i in ids)


def _explain(cat: Catalogue, a: Assessment, state: _State) -> tuple[Text, ...]:
    msg = cat.messages
    lines: list[Text] = []
    if a.nothing_recorded:
        lines.append(msg["nothing_recorded"])
    lines.append(a.headline)
    lines.append(_fmt(msg["reading"], reading=a.reading_detail.label))
    lines.append(a.reading_detail.rule.explanation)
    if a.reading_ilo != a.reading:
        lines.append(_fmt(Text("Under the ILO/EC rule alone the reading is: {reading}.",
                               "Según la regla OIT/CE sola, la lectura es: {reading}."),
                          reading=cat.readings[a.reading_ilo].label))
    if a.age_group_source == "text":
        lines.append(Text("The age group comes from an age stated in the text; confirm it.",
                          "El grupo de edad viene de una edad mencionada en el texto; confírmela."))
    for offence in a.related_offences:
        lines.append(_fmt(Text("Related offence, {cite}: {text}", "Delito relacionado, {cite}: {text}"),
                          cite=offence.cite, text=offence.explanation))
    lines += _explain_dimensions(cat, a)
    lines += _explain_age(cat, a)
    lines += _explain_context(cat, a, state)
    lines += _explain_us(cat, a)
    if a.forced_labour:
        lines.append(_fmt(msg["forced_labour"], names=_join(f.label for f in a.forced_labour)))
    if a.unconfirmed:
        lines.append(_fmt(msg["unconfirmed"], count=str(len(a.unconfirmed)), items=_labels(cat, a.unconfirmed)))
    lines.append(msg["not_determination"])
    return tuple(lines)


def _listed(cat: Catalogue, refs: Iterable[IndicatorRef]) -> Text:
    template = Text("{label} ({weight})", "{label} ({weight})")
    return _join(_fmt(template, label=r.label, weight=cat.label("weight", str(r.weight))) for r in refs)


def _explain_dimensions(cat: Catalogue, a: Assessment) -> list[Text]:
    lines = []
    for dim in a.dimensions:
        if dim.positive and dim.pattern_label is not None:
            deciding = [r for r in dim.present if r.id in dim.deciding]
            lines.append(_fmt(cat.messages["dimension_positive"], dimension=dim.label, pattern=dim.pattern_label,
                              indicators=_listed(cat, deciding)))
        elif dim.present:
            lines.append(_fmt(cat.messages["dimension_partial"], dimension=dim.label, indicators=_listed(cat, dim.present)))
    return lines


def _explain_age(cat: Catalogue, a: Assessment) -> list[Text]:
    msg = cat.messages
    if a.age_group == "minor":
        lines = [msg["age_minor"]]
        if a.us_law.minor_note is not None:
            lines.append(a.us_law.minor_note)
        return lines
    if a.age_group == "unknown":
        lines = [msg["age_unknown"]]
        if a.reading_if_minor is not None and a.reading_if_minor != a.reading:
            lines.append(_fmt(msg["age_unknown_differs"], reading=cat.readings[a.reading_if_minor].label))
        return lines
    return []


def _explain_context(cat: Catalogue, a: Assessment, state: _State) -> list[Text]:
    msg = cat.messages
    lines = []
    if state.smuggling:
        lines.append(msg["smuggling_recorded"])
    means = [d for d in a.dimensions if d.positive and cat.dimension(d.id).role != "exploitation"]
    if means and not state.positive[next(d.id for d in cat.dimensions if d.role == "exploitation")]:
        lines.append(_fmt(msg["means_without_exploitation"], dimensions=_join(d.label for d in means)))
    if a.red_flags:
        targets = sorted({t for f in a.red_flags for t in f.points_to}, key=_item_order(cat).__getitem__)
        lines.append(_fmt(msg["red_flags"], flags=_join(f.label for f in a.red_flags), indicators=_labels(cat, targets)))
    for c in a.contradictions:
        lines.append(_fmt(msg["contradiction"], context=cat.items[c.context].label, indicators=_labels(cat, c.indicators)))
    return lines


def _explain_us(cat: Catalogue, a: Assessment) -> list[Text]:
    msg = cat.messages
    us = a.us_law
    lines = [_fmt(msg["us_summary"], act=cat.label("status", us.act.status), means=cat.label("status", us.means.status),
                  purpose=cat.label("status", us.purpose.status))]
    if us.all_elements_supported:
        lines.append(msg["us_all_supported"])
    coercive = [c for c in us.means.components if c.supported and c.id != "means.fraud_7102"]
    if coercive and a.reading != "trafficking":
        lines.append(_fmt(msg["us_means_without_ilo"], components=_join(c.label for c in coercive)))
    for statute in us.statutes:
        lines.append(_fmt(msg["statute"], cite=statute.cite, label=statute.label, facts=_labels(cat, statute.facts)))
    return lines


# --- U.S. headline reading (issue 14) --------------------------------------------------

JURISDICTIONS = ("us", "ilo")
READING_BASES = ("palermo_ilo", "usc_1589", "usc_1590", "usc_1581", "usc_1584")
COERCIVE_MEANS = ("means.force_1589a1", "means.serious_harm_1589a2", "means.abuse_of_law_1589a3",
                  "means.scheme_1589a4")
# Force or physical restraint (or threats of them) and abuse of legal process are 1589(a) means on
# their own; serious harm and a scheme need a second fact or a positive dimension once anything
# recorded says the person is free, and one held-back pay cheque is never read as forced labor.
DIRECT_MEANS = ("means.force_1589a1", "means.abuse_of_law_1589a3")
COERCIVE_DIMENSIONS = ("coercive_recruitment", "coercion_destination")
DOCUMENT_ITEMS = ("cr_confiscation_of_documents", "cd_confiscation_of_documents")
# Wages held back look the same in wage theft: alone, they never make a federal basis.
WAGE_THEFT_LOOKALIKES = frozenset({"cd_withholding_of_wages"})
# Recorded facts that the person is free: with any of them, one means fact is not enough.
COUNTER_EVIDENCE = frozenset({"ctx_free_to_leave", "ctx_keeps_own_documents", "ctx_keeps_own_wages"})


def default_jurisdiction() -> str:
    """``LABORLENS_JURISDICTION`` (us or ilo; default us). Django's settings read the same variable."""
    from laborlens.env import env_choice

    return env_choice("LABORLENS_JURISDICTION", JURISDICTIONS, "us")


def check_jurisdiction(jurisdiction: str | None) -> str:
    value = default_jurisdiction() if jurisdiction is None else jurisdiction
    if value not in JURISDICTIONS:
        raise ValueError(f"jurisdiction must be one of {', '.join(JURISDICTIONS)} (got {value!r})")
    return value


def coercion_recorded(supported: Mapping[str, tuple[str, ...]], positive: Mapping[str, bool]) -> bool:
    """Any 1589(a) means supported or a coercive dimension positive: never 'a labour-rights matter'."""
    return any(c in supported for c in COERCIVE_MEANS) or any(positive.get(d, False) for d in COERCIVE_DIMENSIONS)


def us_bases(supported: Mapping[str, tuple[str, ...]], positive: Mapping[str, bool], act_supported: bool,
             counter_evidence: bool = False) -> tuple[str, ...]:
    """The federal bases (usc_1589, usc_1590, usc_1581, usc_1584) the recorded facts support.

    1589: labor or services recorded and obtained by a 1589(a) means. 1590: the same plus a
    recorded act (recruits, harbors, transports, provides, obtains). 1581 and 1584: peonage and
    involuntary servitude as derived in us_law.json, on the same means.

    One means fact is enough for a *possible* 1589 while nothing recorded says the person is
    free (``counter_evidence``: free to leave, keeps own documents, keeps own wages, or a
    smuggling is recorded, to which a debt or threat may belong) and the fact
    is not wages held back (alone, that is what wage theft looks like); with such
    counter-evidence the means must be corroborated (force or abuse of law, two means facts, or a
    coercive dimension). Every condition grows with present indicators, so adding an indicator
    never lowers the reading; only recorded counter-evidence can hold back a single fact."""
    if "purpose.labor_services" not in supported:
        return ()
    means_facts = {f for c in COERCIVE_MEANS for f in supported.get(c, ())}
    corroborated = (any(c in supported for c in DIRECT_MEANS) or len(means_facts) >= 2
                    or any(positive.get(d, False) for d in COERCIVE_DIMENSIONS)
                    or (not counter_evidence and bool(means_facts - WAGE_THEFT_LOOKALIKES)))
    if not means_facts or not corroborated:
        return ()
    bases = ["usc_1589"]
    if act_supported:
        bases.append("usc_1590")
    if "purpose.peonage_1581" in supported:
        bases.append("usc_1581")
    if "purpose.involuntary_servitude_1584" in supported:
        bases.append("usc_1584")
    return tuple(bases)


def _related_offences(cat: Catalogue, present: frozenset[str]) -> tuple[RelatedOffence, ...]:
    rule = RuleRef.of(cat.rules["us.related_offences"])
    out = []
    documents = tuple(i for i in DOCUMENT_ITEMS if i in present)
    if documents and "usc18_1592" in cat.statutes:
        out.append(RelatedOffence("usc18_1592", cat.statutes["usc18_1592"].cite, cat.statutes["usc18_1592"].label,
                                  documents, Text(
            "Someone else holds the person's passport or identity document: possible document servitude.",
            "Otra persona retiene el pasaporte o la identificación de la persona: posible servidumbre documental."),
            rule))
    fraud = tuple(i for i in cat.items if i in present and "usc18_1351" in cat.items[i].us_statutes)
    if fraud and "usc18_1351" in cat.statutes:
        out.append(RelatedOffence("usc18_1351", cat.statutes["usc18_1351"].cite, cat.statutes["usc18_1351"].label,
                                  fraud, Text(
            "Recruitment deception or recruitment fees are recorded: possible fraud in foreign labor contracting "
            "if the person was recruited from abroad.",
            "Constan engaño o cuotas en la contratación: posible fraude en la contratación laboral en el extranjero "
            "si la persona fue reclutada desde otro país."), rule))
    return tuple(out)


_STATUTE_WORDS = {
    "usc_1589": Text("forced labor, 18 U.S.C. 1589", "trabajo forzoso, 18 U.S.C. 1589"),
    "usc_1590": Text("trafficking with respect to forced labor, 18 U.S.C. 1590",
                     "trata con fines de trabajo forzoso, 18 U.S.C. 1590"),
    "usc_1581": Text("peonage (debt servitude), 18 U.S.C. 1581", "peonaje (servidumbre por deudas), 18 U.S.C. 1581"),
    "usc_1584": Text("involuntary servitude, 18 U.S.C. 1584", "servidumbre involuntaria, 18 U.S.C. 1584"),
}
_CALL = Text("call the task force or your federal partner (FBI, HSI, DOL-OIG) now and keep the person away "
             "from the suspect",
             "llame ya al grupo de trabajo (task force) o a su socio federal (FBI, HSI, DOL-OIG) y mantenga a la "
             "persona lejos del sospechoso")


def _headline(jurisdiction: str, reading_ilo: str, reading_us: str, bases: tuple[str, ...], ilo_rule: str,
              coercion: bool, minor: bool) -> Text:
    """One plain sentence for the officer: what this may be, under which statute, and what to do next."""
    reading = reading_us if jurisdiction == "us" else reading_ilo
    if reading == "trafficking":
        if jurisdiction == "us" and any(b.startswith("usc_") for b in bases):
            words = [_STATUTE_WORDS[b] for b in bases if b in _STATUTE_WORDS]
            return _fmt(Text("Possible {what}: {call}.", "Posible {what}: {call}."), what=_join(words), call=_CALL)
        if minor or ilo_rule == "reading.trafficking.minor":
            return _fmt(Text("Possible child trafficking for labour (Palermo Protocol art. 3(c): no means needed "
                             "under 18; U.S. law still needs force, fraud or coercion for labor trafficking): {call} "
                             "and child protective services.",
                             "Posible trata de menores con fines laborales (Protocolo de Palermo art. 3(c): no hacen "
                             "falta medios antes de los 18; la ley de EE. UU. sigue exigiendo fuerza, engaño o "
                             "coacción para la trata laboral): {call} y a los servicios de protección de menores."),
                        call=_CALL)
        return _fmt(Text("Possible trafficking for labour exploitation (Palermo Protocol art. 3; ILO/EC indicators): "
                         "{call}.",
                         "Posible trata con fines de explotación laboral (Protocolo de Palermo art. 3; indicadores "
                         "OIT/CE): {call}."), call=_CALL)
    if ilo_rule == "reading.smuggling_coerced":
        return Text("Smuggling that did not end on arrival: coercion or abuse of vulnerability at destination is "
                    "recorded. Ask what work the person does and for whom (18 U.S.C. 1589 needs labor or services) "
                    "and call the task force.",
                    "Tráfico de migrantes que no terminó al llegar: consta coacción o abuso de vulnerabilidad en "
                    "destino. Pregunte qué trabajo hace la persona y para quién (el 18 U.S.C. 1589 exige trabajo o "
                    "servicios) y llame al grupo de trabajo (task force).")
    if coercion:
        return Text("Coercion is recorded (possible means under 18 U.S.C. 1589) but the reading is not yet "
                    "trafficking: ask the next questions below about the work, threats, debts and documents, and "
                    "talk to the task force before the person is released.",
                    "Consta coacción (posibles medios según el 18 U.S.C. 1589) pero la lectura aún no es trata: haga "
                    "las preguntas siguientes sobre el trabajo, las amenazas, las deudas y los documentos, y hable "
                    "con el grupo de trabajo (task force) antes de que la persona se vaya.")
    if reading in ("exploitation", "deception_exploitation"):
        return Text("Labour exploitation without force or coercion recorded so far: a labour-rights matter for the "
                    "Department of Labor Wage and Hour Division or the state labor agency, which can hide "
                    "trafficking: ask about threats, debts, documents and freedom to leave before closing it.",
                    "Explotación laboral sin fuerza ni coacción registradas por ahora: un asunto de derechos "
                    "laborales para la División de Salarios y Horas del Departamento de Trabajo o la agencia laboral "
                    "del estado, que puede esconder trata: pregunte por amenazas, deudas, documentos y libertad para "
                    "irse antes de cerrarlo.")
    if reading == "smuggling":
        return Text("Smuggling only so far (8 U.S.C. 1324: a crime against the border, not the person): ask whether "
                    "the arrangement ended on arrival, and about debts, documents and freedom to leave.",
                    "Por ahora solo tráfico de migrantes (8 U.S.C. 1324: un delito contra la frontera, no contra la "
                    "persona): pregunte si el acuerdo terminó al llegar, y por deudas, documentos y libertad para "
                    "irse.")
    return Text("Not enough recorded yet to read this: ask the next questions below.",
                "Aún no consta lo suficiente para una lectura: haga las preguntas siguientes.")


# --- entry point ---------------------------------------------------------------------


def assess(answers: Mapping[str, AnswerInput], age_group: str = "unknown", *, catalogue: Catalogue | None = None,
           max_questions: int = DEFAULT_MAX_QUESTIONS, jurisdiction: str | None = None,
           age_group_from_text: str | None = None) -> Assessment:
    """Assess one person's answers. Unknown ids or values raise ValueError with a clear message.

    ``jurisdiction`` chooses the headline framework ("us" or "ilo"; default from
    LABORLENS_JURISDICTION, else "us"). ``age_group_from_text`` ("adult" or "minor", e.g. an age
    stated in a narrative) is used when the recorded age group is unknown."""
    cat = catalogue or load_catalogue()
    model = model_for(cat)
    age_group = check_age_group(age_group)
    jurisdiction = check_jurisdiction(jurisdiction)
    age_group_source = "unknown" if age_group == "unknown" else "recorded"
    if age_group == "unknown" and age_group_from_text not in (None, "unknown"):
        age_group = check_age_group(str(age_group_from_text))
        age_group_source = "text"
    parsed = parse_answers(answers, cat)
    present = frozenset(i for i, a in parsed.items() if a.present)
    answered = frozenset(i for i, a in parsed.items() if a.value != "unknown")
    minor = age_group == "minor"
    state = _state(model, present, child=minor)
    ilo = _reading_result(model, state, age_group, minor)
    reading_if_minor = None
    child_state = None
    if age_group == "unknown":
        child_state = _state(model, present, child=True)
        reading_if_minor = reading_for(model, child_state.positive, child_state.act_recorded, child_state.smuggling, True)[0]
    us = _us_law(cat, present, answered, minor)
    supported = us_support(cat, present)
    # A debt or threat told with a smuggling may belong to the smuggling: corroboration needed too.
    counter = bool(present & COUNTER_EVIDENCE) or state.smuggling
    bases = us_bases(supported, state.positive, us.act.status == "supported", counter)
    reading_us = "trafficking" if bases or ilo.id == "trafficking" else ilo.id
    reading_us_if_minor = None
    if reading_if_minor is not None and child_state is not None:
        child_bases = us_bases(supported, child_state.positive, us.act.status == "supported", counter)
        reading_us_if_minor = "trafficking" if child_bases or reading_if_minor == "trafficking" else reading_if_minor
    basis = (("palermo_ilo",) if ilo.id == "trafficking" else ()) + (bases if reading_us == "trafficking" else ())
    headline_id = reading_us if jurisdiction == "us" else ilo.id
    reading = ilo
    if headline_id != ilo.id:  # lifted to trafficking by the federal elements
        detail = cat.readings[headline_id]
        reading = ReadingResult(detail.id, detail.rank, detail.label, detail.description,
                                RuleRef.of(cat.rules["reading.trafficking.us"]),
                                {**ilo.inputs, "reading_ilo": ilo.id, "reading_basis": list(bases),
                                 "jurisdiction": jurisdiction})
    if jurisdiction == "ilo":
        basis = ("palermo_ilo",) if ilo.id == "trafficking" else ()
    headline = _headline(jurisdiction, ilo.id, reading_us, basis, ilo.rule.id,
                         coercion_recorded(supported, state.positive), minor)
    facts = _Facts(
        reading=reading.id, rank=reading.rank, present=present, positive=state.positive,
        components=frozenset(supported), elements=frozenset(e for e in ("act", "means", "purpose") if getattr(us, e).status == "supported"),
        age_group=age_group, nothing_recorded=not answered,
        minor_reading_differs=reading_if_minor is not None and reading_if_minor != reading.id,
        has_unconfirmed=any(parsed[i].unconfirmed for i in present))
    draft = Assessment(
        catalogue_version=cat.version, age_group=age_group, reading=reading.id, reading_detail=reading,
        reading_if_minor=reading_if_minor,
        readings=_readings_block(cat, ilo, us, minor, reading_us, bases),
        nothing_recorded=not answered,
        present_indicator_count=sum(1 for i in present if cat.items[i].kind == "indicator"),
        dimensions=_dimension_results(model, state, present, parsed, child=minor),
        forced_labour=_forced_labour(cat, present),
        us_law=us,
        red_flags=_red_flags(cat, present, parsed),
        context=tuple({"id": i.id, "label": i.label, "value": parsed[i.id].value, "roles": i.roles}
                      for i in cat.items.values() if i.kind == "context" and i.id in answered),
        contradictions=_contradictions(cat, present),
        unconfirmed=tuple(i for i in cat.items if i in present and parsed[i].unconfirmed),
        next_questions=_next_questions(model, state, ilo.id, present, parsed, minor, minor, max_questions,
                                       us_headline=jurisdiction == "us"),
        recommended_actions=_actions(cat, facts, model.rank),
        explanation=(),
        answers={i: parsed[i] for i in cat.items if i in parsed},
        jurisdiction=jurisdiction, reading_ilo=ilo.id, reading_us=reading_us, reading_us_if_minor=reading_us_if_minor,
        reading_basis=basis, headline=headline, related_offences=_related_offences(cat, present),
        age_group_source=age_group_source,
    )
    return dataclasses.replace(draft, explanation=_explain(cat, draft, state))


def _readings_block(cat: Catalogue, reading: ReadingResult, us: UsLawResult, minor: bool, reading_us: str,
                    bases: tuple[str, ...]) -> dict[str, Any]:
    """Palermo/ILO and U.S. federal readings side by side (they differ for minors)."""
    return {
        "palermo_ilo": {"reading": reading.id, "label": reading.label, "means_required": not minor,
                        "rule": RuleRef.of(cat.rules[reading.rule.id])},
        "us_federal": {"act": us.act.status, "means": us.means.status, "purpose": us.purpose.status,
                       "all_elements_supported": us.all_elements_supported, "means_required": True,
                       "rule": RuleRef.of(cat.rules["us.minor_means" if minor else "us.element"]),
                       "reading": reading_us, "label": cat.readings[reading_us].label, "basis": list(bases),
                       "reading_rule": RuleRef.of(cat.rules["reading.trafficking.us"])},
    }


def _forced_labour(cat: Catalogue, present: frozenset[str]) -> tuple[ForcedLabourResult, ...]:
    out = []
    for fl in cat.forced_labour:
        ids = tuple(i.id for i in cat.indicators if i.id in present and fl.id in i.forced_labour)
        if ids:
            out.append(ForcedLabourResult(fl.id, fl.number, fl.label, ids))
    return tuple(out)


def _red_flags(cat: Catalogue, present: frozenset[str], answers: Mapping[str, Answer]) -> tuple[RedFlagResult, ...]:
    rule = RuleRef.of(cat.rules["red_flags.prompt"])
    return tuple(RedFlagResult(i.id, i.label, answers[i.id].unconfirmed, i.points_to, rule)
                 for i in cat.items.values() if i.kind == "red_flag" and i.id in present)


def _contradictions(cat: Catalogue, present: frozenset[str]) -> tuple[Contradiction, ...]:
    rule = RuleRef.of(cat.rules["context.counter"])
    out = []
    for item in cat.items.values():
        if item.id in present and item.contradicts:
            clash = tuple(i for i in item.contradicts if i in present)
            if clash:
                out.append(Contradiction(item.id, clash, rule))
    return tuple(out)
