"""Next questions: the unanswered items ranked by how much their answer would change the reading.

Each candidate is tried as if answered present (:func:`~laborlens.screening.rule.with_item`);
the ranking puts first the questions that would raise the reading, tip a dimension, tell a
smuggling apart, weigh most, or answer a red flag. Under the U.S. headline the best question
for each federal element not yet established is kept among them. Each question says why it
is asked, in English and Spanish. Pure Python.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from laborlens.catalogue import Catalogue, Item, Text
from laborlens.screening.answers import Answer
from laborlens.screening.federal import supported_components
from laborlens.screening.results import NextQuestion, format_text, join_texts
from laborlens.screening.rule import WEIGHT_VALUE, Model, State, reading_for, with_item

DEFAULT_MAX_QUESTIONS = 10


def _is_candidate(item: Item, answers: Mapping[str, Answer], smuggling: bool) -> bool:
    answer = answers.get(item.id)
    if (answer is not None and answer.value != "unknown") or item.deprecated:
        return False
    if item.kind == "red_flag" or item.suggest == "never":
        return False
    return item.suggest == "ranked" or (item.suggest == "when_smuggling_recorded" and smuggling)


def next_questions(model: Model, state: State, reading: str, present: frozenset[str],
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
    # What answering an item present would change depends only on its dimension and weight,
    # whether it records an act or a smuggling trigger, and which U.S. components it supports:
    # many items share these, so each outcome is worked out once per call (the same values
    # as working it out for every item; the ranking was a quarter of an API assessment).
    outcomes: dict[tuple[object, ...], tuple[str, tuple[str, ...]]] = {}
    gains: dict[frozenset[str], tuple[str, ...]] = {}
    for item, weight, outcome_key, supports, tells_smuggling_apart, weighs, short, order in _items(model, child):
        if not _is_candidate(item, answers, state.smuggling):
            continue
        outcome = outcomes.get(outcome_key)
        if outcome is None:
            after = with_item(model, state, item, child)
            outcome = outcomes[outcome_key] = (
                reading_for(model, after.positive, after.act_recorded, after.smuggling, minor)[0],
                tuple(d for d in model.dimension_ids if after.positive[d] and not state.positive[d]))
        new_reading, tipped = outcome
        delta = model.rank[new_reading] - model.rank[reading]
        gained: tuple[str, ...] = ()
        if not supports <= direct_now:
            found = gains.get(supports)
            if found is None:
                supported_after = supported_components(cat, direct_now | supports)
                found = gains[supports] = tuple(e.id for e in cat.us_elements if e.id not in elements_now
                                                and any(c in supported_after for c in e.supported_when_any))
            gained = found
        key = (-delta, -len(tipped), -tells_smuggling_apart, -weighs, -len(flagged.get(item.id, ())),
               -short, -len(gained), order)
        ranked.append((key, item, new_reading, tipped, gained, weight, delta))
    ranked.sort(key=lambda r: r[0])
    chosen = ranked[:limit]
    if us_headline:
        chosen = _cover_missing_elements(cat, ranked, chosen, elements_now, limit)
    return tuple(_question(cat, reading, r[1], r[2], r[3], r[4], r[5], r[6], flagged) for r in chosen)


# Per model and age: what next_questions reads of each item that no answer changes (its
# weight, the shape of its counterfactual, its U.S. components, its place in the ranking),
# worked out once instead of for every item of every assessment.
_StaticItem = tuple[Item, "str | None", tuple[object, ...], frozenset[str], bool, int, bool, int]
_static: dict[tuple[int, bool], tuple[Model, tuple[_StaticItem, ...]]] = {}


def _items(model: Model, child: bool) -> tuple[_StaticItem, ...]:
    found = _static.get((id(model), child))
    if found is not None and found[0] is model:
        return found[1]
    cat = model.catalogue
    items = []
    for item in cat.items.values():
        weight = item.weight(child)
        shape = (item.dimension, str(weight)) if item.kind == "indicator" and item.dimension is not None else None
        items.append((item, weight, (shape, item.id in model.act_items, item.id in model.smuggling_triggers),
                      frozenset(item.us_supports), item.suggest == "when_smuggling_recorded",
                      WEIGHT_VALUE.get(str(weight), 0), item.id in cat.short_form, model.order[item.id]))
    _static[(id(model), child)] = (model, tuple(items))
    return tuple(items)


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
    why = _why(cat, reading, item.id, new_reading, tipped, gained, weight, delta > 0, tuple(flagged.get(item.id, ())))
    return NextQuestion(item.id, item.kind, item.label, item.question, item.guidance, weight, new_reading, tipped, why)


@functools.lru_cache(maxsize=4096)
def _why(cat: Catalogue, reading: str, item_id: str, new_reading: str, tipped: tuple[str, ...],
         gained: tuple[str, ...], weight: str | None, raised: bool, flags: tuple[str, ...]) -> tuple[Text, ...]:
    """Why a question is asked, in English and Spanish: the same few dozen sentences come back
    for assessment after assessment, so each is worded once (immutable ``Text``s)."""
    msg = cat.messages
    item = cat.items[item_id]
    why: list[Text] = []
    if raised:
        why.append(format_text(msg["why_reading"], from_reading=cat.readings[reading].label, to_reading=cat.readings[new_reading].label))
    if tipped:
        why.append(format_text(msg["why_tips"], dimensions=join_texts(cat.dimension(d).label for d in tipped)))
    if item.kind == "indicator" and item.dimension and weight:
        why.append(format_text(msg["why_counts"], dimension=cat.dimension(item.dimension).label, weight=cat.label("weight", weight)))
    if flags:
        why.append(format_text(msg["why_red_flag"], flags=join_texts(cat.items[f].label for f in flags)))
    if item.id in cat.short_form:
        why.append(msg["why_short_form"])
    if gained:
        why.append(format_text(msg["why_us"], elements=join_texts(cat.label("element", e) for e in gained)))
    if item.suggest == "when_smuggling_recorded":
        why.append(msg["why_smuggling"])
    return tuple(why)
