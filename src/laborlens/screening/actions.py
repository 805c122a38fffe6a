"""Recommended actions: the catalogue's actions whose conditions the assessment's facts meet.

:class:`Facts` is what an action's condition may ask about (reading, present items, positive
dimensions, U.S. components and elements, age group, ...); :func:`recommended_actions` keeps
every action with a condition that holds and records which one matched. Pure Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from laborlens.catalogue import Catalogue
from laborlens.catalogue.loader import Condition
from laborlens.screening.results import RecommendedAction, RuleRef


@dataclass(frozen=True)
class Facts:
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


def _holds(cond: Condition, facts: Facts, rank: Mapping[str, int]) -> bool:
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


def recommended_actions(cat: Catalogue, facts: Facts, rank: Mapping[str, int]) -> tuple[RecommendedAction, ...]:
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
