"""The combination rule: which dimensions are positive, and the reading they give.

:class:`Model` indexes a catalogue once for evaluation (shared with the batch path);
:func:`reading_for` is the rule that picks the highest reading whose condition holds;
:class:`State` counts the present indicators by weight in each dimension, and
:func:`with_item` gives the state one more present answer would make (the next questions'
counterfactual). :func:`dimension_results` and :func:`reading_result` word the outcome with
the rules behind it. Pure Python.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from laborlens.catalogue import Catalogue, Item
from laborlens.catalogue.loader import READING_IDS, Pattern
from laborlens.screening.answers import Answer
from laborlens.screening.results import DimensionResult, IndicatorRef, ReadingResult, RuleRef

WEIGHT_VALUE = {"strong": 3, "medium": 2, "weak": 1}


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


# --- evaluation ---------------------------------------------------------------------


@dataclass
class State:
    """What one evaluation needs; also reused for the counterfactuals of next questions."""

    counts: dict[str, list[int]]  # dimension -> [strong, medium, weak]
    positive: dict[str, bool]
    act_recorded: bool
    smuggling: bool


def state_for(model: Model, present: frozenset[str], child: bool) -> State:
    counts = {d: [0, 0, 0] for d in model.dimension_ids}
    for item_id in present:
        item = model.catalogue.items[item_id]
        if item.kind == "indicator" and item.dimension is not None:
            weight = item.weight(child)
            counts[item.dimension][("strong", "medium", "weak").index(str(weight))] += 1
    positive = {d: matching_pattern(model.patterns, *c) is not None for d, c in counts.items()}
    return State(counts, positive, bool(present & model.act_items), bool(present & model.smuggling_triggers))


def with_item(model: Model, state: State, item: Item, child: bool) -> State:
    counts = state.counts
    positive = state.positive
    if item.kind == "indicator" and item.dimension is not None:
        bumped = list(counts[item.dimension])
        bumped[("strong", "medium", "weak").index(str(item.weight(child)))] += 1
        counts = {**counts, item.dimension: bumped}
        positive = {**positive, item.dimension: matching_pattern(model.patterns, *bumped) is not None}
    return State(counts, positive, state.act_recorded or item.id in model.act_items,
                 state.smuggling or item.id in model.smuggling_triggers)


def _deciding(present: list[IndicatorRef], pattern: Pattern | None) -> tuple[str, ...]:
    """The smallest set of present indicators that satisfies the matched pattern."""
    if pattern is None:
        return ()
    by_weight = {w: [p.id for p in present if p.weight == w] for w in ("strong", "medium", "weak")}
    chosen = by_weight["strong"][: pattern.strong] + by_weight["medium"][: pattern.medium] + by_weight["weak"][: pattern.weak]
    spare = by_weight["medium"][pattern.medium:] + by_weight["weak"][pattern.weak:]
    return tuple(chosen + spare[: pattern.medium_or_weak])


def dimension_results(model: Model, state: State, present: frozenset[str], answers: Mapping[str, Answer],
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


def reading_result(model: Model, state: State, age_group: str, minor: bool) -> ReadingResult:
    cat = model.catalogue
    reading_id, rule_id = reading_for(model, state.positive, state.act_recorded, state.smuggling, minor)
    reading = cat.readings[reading_id]
    inputs = {"dimensions_positive": dict(state.positive), "act_recorded": state.act_recorded,
              "smuggling_recorded": state.smuggling, "age_group": age_group,
              "rules_for": "minor" if minor else "adult", "order": list(READING_IDS)}
    return ReadingResult(reading.id, reading.rank, reading.label, reading.description,
                         RuleRef.of(cat.rules[rule_id]), inputs)
