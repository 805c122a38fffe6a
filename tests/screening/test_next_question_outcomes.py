"""next_questions works out each counterfactual once per shape (dimension and weight, act,
smuggling trigger, U.S. components), reads what no answer changes of each item once per model
and age, and words each reason once; the questions must be what working it out for every item
gives. The reference below is the ranking, and the wording of each question, as it was
written item by item."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laborlens.catalogue import load_catalogue
from laborlens.screening import next_question as nq
from laborlens.screening.answers import parse_answers
from laborlens.screening.federal import supported_components
from laborlens.screening.results import NextQuestion, format_text, join_texts
from laborlens.screening.rule import WEIGHT_VALUE, model_for, reading_for, state_for, with_item

CAT = load_catalogue()
MODEL = model_for(CAT)
IDS = list(CAT.items)


def reference(state, reading, present, answers, child, minor, limit, us_headline):
    cat = MODEL.catalogue
    direct_now = {c for i in present for c in cat.items[i].us_supports}
    supported_now = supported_components(cat, direct_now)
    elements_now = {e.id for e in cat.us_elements if any(c in supported_now for c in e.supported_when_any)}
    flagged: dict[str, list[str]] = {}
    for item_id in sorted(present, key=MODEL.order.__getitem__):
        for target in cat.items[item_id].points_to:
            flagged.setdefault(target, []).append(item_id)
    ranked = []
    for item in cat.items.values():
        if not nq._is_candidate(item, answers, state.smuggling):
            continue
        after = with_item(MODEL, state, item, child)
        new_reading, _ = reading_for(MODEL, after.positive, after.act_recorded, after.smuggling, minor)
        delta = MODEL.rank[new_reading] - MODEL.rank[reading]
        tipped = tuple(d for d in MODEL.dimension_ids if after.positive[d] and not state.positive[d])
        gained: tuple[str, ...] = ()
        if not set(item.us_supports) <= direct_now:
            supported_after = supported_components(cat, direct_now | set(item.us_supports))
            gained = tuple(e.id for e in cat.us_elements if e.id not in elements_now
                           and any(c in supported_after for c in e.supported_when_any))
        weight = item.weight(child)
        key = (-delta, -len(tipped), -(item.suggest == "when_smuggling_recorded"),
               -WEIGHT_VALUE.get(str(weight), 0), -len(flagged.get(item.id, ())),
               -(item.id in cat.short_form), -len(gained), MODEL.order[item.id])
        ranked.append((key, item, new_reading, tipped, gained, weight, delta))
    ranked.sort(key=lambda r: r[0])
    chosen = ranked[:limit]
    if us_headline:
        chosen = nq._cover_missing_elements(cat, ranked, chosen, elements_now, limit)
    return tuple(reference_question(cat, reading, r[1], r[2], r[3], r[4], r[5], r[6], flagged) for r in chosen)


def reference_question(cat, reading, item, new_reading, tipped, gained, weight, delta, flagged):
    msg = cat.messages
    why = []
    if delta > 0:
        why.append(format_text(msg["why_reading"], from_reading=cat.readings[reading].label,
                               to_reading=cat.readings[new_reading].label))
    if tipped:
        why.append(format_text(msg["why_tips"], dimensions=join_texts(cat.dimension(d).label for d in tipped)))
    if item.kind == "indicator" and item.dimension and weight:
        why.append(format_text(msg["why_counts"], dimension=cat.dimension(item.dimension).label,
                               weight=cat.label("weight", weight)))
    if item.id in flagged:
        why.append(format_text(msg["why_red_flag"], flags=join_texts(cat.items[f].label for f in flagged[item.id])))
    if item.id in cat.short_form:
        why.append(msg["why_short_form"])
    if gained:
        why.append(format_text(msg["why_us"], elements=join_texts(cat.label("element", e) for e in gained)))
    if item.suggest == "when_smuggling_recorded":
        why.append(msg["why_smuggling"])
    return NextQuestion(item.id, item.kind, item.label, item.question, item.guidance, weight, new_reading, tipped,
                        tuple(why))


values = st.sampled_from(["present", "absent", "unknown"])


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(IDS), values, max_size=40), st.booleans(), st.booleans(),
       st.integers(min_value=1, max_value=15))
def test_the_ranking_is_the_item_by_item_one(raw, minor, us_headline, limit):
    answers = parse_answers(raw, CAT)
    present = frozenset(i for i, a in answers.items() if a.value == "present")
    state = state_for(MODEL, present, minor)
    reading, _ = reading_for(MODEL, state.positive, state.act_recorded, state.smuggling, minor)
    got = nq.next_questions(MODEL, state, reading, present, answers, minor, minor, limit, us_headline=us_headline)
    assert got == reference(state, reading, present, answers, minor, minor, limit, us_headline)
