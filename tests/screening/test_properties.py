"""Properties of the engine (hypothesis).

Ordinal reading scale (rules.json, rule ``reading.order``):
insufficient < smuggling < exploitation < deception_exploitation < trafficking.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from laborlens.catalogue import load_catalogue
from laborlens.screening.engine import assess
from laborlens.screening.federal import COERCIVE_MEANS, COUNTER_EVIDENCE
from laborlens.screening.rule import model_for

CAT = load_catalogue()
IDS = list(CAT.items)
# Everything but the recorded facts that the person is free (free to leave, keeps own documents
# or wages) and the smuggling facts: those may hold back a federal basis that rests on one
# uncorroborated means fact.
SMUGGLING_TRIGGERS = set(model_for(CAT).smuggling_triggers)
HOLDING_BACK = sorted(COUNTER_EVIDENCE | SMUGGLING_TRIGGERS)
GROWING_IDS = [i for i in IDS if i not in HOLDING_BACK]
RANK = {r.id: r.rank for r in CAT.readings.values()}
AGES = ("adult", "minor", "unknown")
DIMENSIONS = [d.id for d in CAT.dimensions]
MEANS_DIMENSIONS = [d.id for d in CAT.dimensions if d.role != "exploitation"]
ACT_ITEMS = [i.id for i in CAT.items.values() if "act" in i.roles]
SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

values = st.sampled_from(["present", "absent", "unknown"])
answer = st.one_of(values, st.builds(lambda v, u: {"value": v, "unconfirmed": u}, values, st.booleans()))
answers_st = st.dictionaries(st.sampled_from(IDS), answer, max_size=45)


def rule_positive(strong: int, medium: int, weak: int) -> bool:
    """The combination rule, written independently of the catalogue patterns."""
    return strong >= 2 or (strong >= 1 and medium + weak >= 1) or medium >= 3 or (medium >= 2 and weak >= 1)


def value_of(raw) -> str:
    return raw if isinstance(raw, str) else raw["value"]


@SETTINGS
@given(answers_st, st.sampled_from(AGES), st.sampled_from(GROWING_IDS))
def test_unknown_to_present_never_lowers_the_reading(answers, age, item_id):
    assume(value_of(answers.get(item_id, "unknown")) == "unknown")
    before = assess(answers, age, max_questions=0)
    after = assess({**answers, item_id: "present"}, age, max_questions=0)
    assert RANK[after.reading] >= RANK[before.reading]
    if age == "unknown":
        assert RANK[after.reading_if_minor] >= RANK[before.reading_if_minor]
    for d in DIMENSIONS:  # a positive dimension stays positive
        assert after.dimension(d).positive or not before.dimension(d).positive


@SETTINGS
@given(answers_st, st.sampled_from(AGES), st.sampled_from(GROWING_IDS), st.sampled_from(["us", "ilo"]))
def test_adding_a_present_answer_never_lowers_any_reading(answers, age, item_id, jurisdiction):
    """Issue 14: under both frameworks, the headline, the ILO/EC and the U.S. readings, and the
    federal bases only grow when one more indicator, red flag or act is recorded present (from
    unknown or absent). Counter-evidence is the one exception, tested below."""
    assume(value_of(answers.get(item_id, "unknown")) != "present")
    before = assess(answers, age, max_questions=0, jurisdiction=jurisdiction)
    after = assess({**answers, item_id: "present"}, age, max_questions=0, jurisdiction=jurisdiction)
    for key in ("reading", "reading_ilo", "reading_us"):
        assert RANK[getattr(after, key)] >= RANK[getattr(before, key)], key
    if age == "unknown":
        assert RANK[after.reading_us_if_minor] >= RANK[before.reading_us_if_minor]
    assert set(before.reading_basis) <= set(after.reading_basis) or jurisdiction == "ilo"
    assert {o.id for o in before.related_offences} <= {o.id for o in after.related_offences}


@SETTINGS
@given(answers_st, st.sampled_from(AGES), st.lists(st.sampled_from(IDS), max_size=10))
def test_unknown_is_never_counted_as_present(answers, age, extra_unknown):
    known = {k: v for k, v in answers.items() if value_of(v) != "unknown"}
    padded = {**known, **{i: "unknown" for i in extra_unknown if i not in known}}
    a, b = assess(known, age).to_dict(), assess(padded, age).to_dict()
    a.pop("answers"), b.pop("answers")
    assert a == b
    present = sum(1 for k, v in answers.items() if value_of(v) == "present" and CAT.items[k].kind == "indicator")
    assert assess(answers, age).present_indicator_count == present


@SETTINGS
@given(answers_st, st.sampled_from(AGES))
def test_absent_and_unknown_give_the_same_reading(answers, age):
    as_unknown = {k: ("unknown" if value_of(v) == "absent" else v) for k, v in answers.items()}
    a, b = assess(answers, age, max_questions=0), assess(as_unknown, age, max_questions=0)
    assert a.reading == b.reading
    assert [d.positive for d in a.dimensions] == [d.positive for d in b.dimensions]


@SETTINGS
@given(st.sampled_from(DIMENSIONS), st.booleans(), st.data())
def test_combination_rule_holds_exactly(dimension, child, data):
    items = CAT.indicators_of(dimension)
    chosen = data.draw(st.sets(st.sampled_from([i.id for i in items]), max_size=6))
    weights = [CAT.items[i].weight(child) for i in chosen]
    expected = rule_positive(weights.count("strong"), weights.count("medium"), weights.count("weak"))
    a = assess({i: "present" for i in chosen}, "minor" if child else "adult", max_questions=0)
    assert a.dimension(dimension).positive is expected


def pick(dimension: str, strong: int, medium: int, weak: int) -> dict[str, str]:
    by_weight = {w: [i.id for i in CAT.indicators_of(dimension) if i.weight_adult == w] for w in ("strong", "medium", "weak")}
    ids = by_weight["strong"][:strong] + by_weight["medium"][:medium] + by_weight["weak"][:weak]
    assert len(ids) == strong + medium + weak
    return {i: "present" for i in ids}


@pytest.mark.parametrize(("counts", "positive"), [
    ((2, 0, 0), True), ((1, 1, 0), True), ((1, 0, 1), True), ((0, 3, 0), True), ((0, 2, 1), True),
    ((1, 0, 0), False), ((0, 2, 0), False), ((0, 1, 1), False), ((0, 1, 0), False), ((0, 0, 1), False), ((0, 0, 0), False),
])
def test_the_four_threshold_patterns_and_below(counts, positive):
    # coercion at destination (adult) has 4 strong, 10 medium and 1 weak indicators
    a = assess(pick("coercion_destination", *counts), "adult", max_questions=0)
    assert a.dimension("coercion_destination").positive is positive
    if positive:
        assert len(a.dimension("coercion_destination").deciding) == sum(counts)


@SETTINGS
@given(st.data())
def test_minors_need_no_means_dimension(data):
    exploitation = [i.id for i in CAT.indicators_of("exploitation")]
    chosen = data.draw(st.sets(st.sampled_from(exploitation), min_size=1, max_size=5))
    weights = [CAT.items[i].weight(True) for i in chosen]
    assume(rule_positive(weights.count("strong"), weights.count("medium"), weights.count("weak")))
    act = data.draw(st.sampled_from(ACT_ITEMS))
    means = [i.id for d in MEANS_DIMENSIONS for i in CAT.indicators_of(d)]
    means_answers = data.draw(st.dictionaries(st.sampled_from(means), st.sampled_from(["absent", "unknown"])))
    a = assess({**means_answers, **{i: "present" for i in chosen}, act: "present"}, "minor", max_questions=0)
    assert not any(a.dimension(d).positive for d in MEANS_DIMENSIONS)
    assert a.reading == "trafficking"
    assert a.readings["palermo_ilo"]["means_required"] is False
    assert a.us_law.means.status != "supported"  # U.S. law still needs means: shown, not assumed


@SETTINGS
@given(answers_st, st.sampled_from(AGES), st.randoms(use_true_random=False))
def test_answer_order_does_not_matter(answers, age, rnd):
    items = list(answers.items())
    rnd.shuffle(items)
    assert assess(dict(items), age).to_dict() == assess(answers, age).to_dict()


@SETTINGS
@given(answers_st, st.sampled_from(AGES), st.sampled_from(HOLDING_BACK))
def test_counter_evidence_only_holds_back_a_single_uncorroborated_fact(answers, age, item_id):
    """Recording that the person is free (or a smuggling) lowers a U.S. reading only when it
    rested on a single, uncorroborated means fact; it never lowers the ILO/EC dimensions."""
    assume(value_of(answers.get(item_id, "unknown")) != "present")
    before = assess(answers, age, max_questions=0)
    after = assess({**answers, item_id: "present"}, age, max_questions=0)
    assert all(after.dimension(d).positive for d in DIMENSIONS if before.dimension(d).positive)
    if RANK[after.reading_us] < RANK[before.reading_us] and before.reading_ilo != "trafficking":
        # 1589(a) means only: fraud under 22 U.S.C. 7102 is not a means of forced labor
        means = {f for c in before.us_law.means.components if c.supported and c.id in COERCIVE_MEANS
                 for f in c.facts}
        assert len(means) == 1 and not any(
            before.dimension(d).positive for d in ("coercive_recruitment", "coercion_destination"))


def test_one_means_fact_reads_possible_forced_labor_until_freedom_is_recorded():
    work = {"ctx_act_obtained": "present", "ex_excessive_hours": "present"}
    held = assess({**work, "cd_confiscation_of_documents": "present"}, "adult")
    assert held.reading_us == "trafficking" and "usc_1589" in held.reading_basis
    free = assess({**work, "cd_confiscation_of_documents": "present", "ctx_free_to_leave": "present"}, "adult")
    assert free.reading_us != "trafficking" and free.reading_basis == ()
    wages_only = assess({**work, "cd_withholding_of_wages": "present"}, "adult")
    assert wages_only.reading_us != "trafficking"  # wages held back alone is what wage theft looks like
