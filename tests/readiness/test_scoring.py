"""Pure scoring: no database."""

from __future__ import annotations

import copy

import pytest

from laborlens.readiness.scoring import InstrumentError, compare, load_instrument, score, validate

INSTRUMENT = load_instrument()


def answers(points: str = "best") -> dict[str, str]:
    pick = max if points == "best" else min
    return {q["id"]: pick(q["options"], key=lambda o: o["points"])["value"] for q in INSTRUMENT["questions"]}


def test_instrument_covers_the_brief_and_is_bilingual_and_cited():
    ids = {q["id"] for q in INSTRUMENT["questions"]}
    assert {"protocols_identify_respond", "task_force", "familiar_tvpa", "familiar_state_law",
            "familiar_continued_presence", "interpreter_access", "protocols_service_providers",
            "confidence_referring"} <= ids
    assert any(qid.startswith("training_") for qid in ids)
    assert [rec["id"] for rec in INSTRUMENT["recommendations"]] == ["understanding", "role", "protocols", "collaboration"]
    for question in INSTRUMENT["questions"]:
        assert question["es"] and question["en"] != question["es"]
        assert "Appendix B" in question["citation"]["locator"] or "Recommendations" in question["citation"]["locator"]


def test_best_and_worst_answers():
    best = score(answers("best"))
    assert best.scores == dict.fromkeys(best.scores, 100) and best.overall == 100 and best.gaps == ()
    assert set(best.levels.values()) == {"in_place"}
    worst = score(answers("worst"))
    assert worst.scores == dict.fromkeys(worst.scores, 0) and len(worst.gaps) == len(INSTRUMENT["questions"])
    assert len(worst.next_steps) == len(worst.gaps)


def test_unanswered_and_unknown_values_count_as_zero():
    empty = score({})
    assert empty.answered == 0 and empty.overall == 0
    bogus = score({"task_force": "maybe"})
    assert bogus.answered == 0 and any(gap.question == "task_force" and gap.answer is None for gap in bogus.gaps)


def test_scores_are_weighted_means_per_recommendation():
    given = answers("best")
    given["task_force"] = "no"  # collaboration weight 2.0 of the collaboration total
    result = score(given)
    weights = [q["recommendations"]["collaboration"] for q in INSTRUMENT["questions"]
               if "collaboration" in q["recommendations"]]
    expected = round(100 * (sum(weights) - 2.0) / sum(weights))
    assert result.scores["collaboration"] == expected
    assert result.scores["protocols"] == 100 and result.scores["understanding"] == 100
    assert [gap.question for gap in result.gaps] == ["task_force"]
    assert "task force" in result.next_steps[0]["en"].lower() and result.next_steps[0]["es"]


def test_next_steps_start_with_the_weakest_recommendation():
    given = answers("best")
    given["protocols_identify_respond"] = "no"
    given["protocols_shared_with_line"] = "no"
    given["mou_sharing"] = "no"
    result = score(given)
    assert result.scores["protocols"] < result.scores["collaboration"]
    assert result.gaps[0].recommendations[0] == "protocols"


def test_partial_answers_at_the_midpoint_are_not_gaps():
    given = answers("best")
    given["task_force"] = "partly"
    assert score(given).gaps == ()


def test_compare_shows_progress():
    first = answers("best")
    first["task_force"] = "no"
    first["familiar_tvpa"] = "1"
    second = answers("best")
    second["familiar_tvpa"] = "2"
    second["interpreter_access"] = "never"
    diff = compare(score(second), score(first))
    assert diff is not None
    assert diff.closed_gaps == ("task_force",) and diff.new_gaps == ("interpreter_access",)
    assert diff.still_open == ("familiar_tvpa",)
    assert diff.changes["collaboration"] > 0 or diff.changes["role"] != 0
    assert compare(score(second), None) is None


def test_validation_rejects_bad_data():
    broken = copy.deepcopy(INSTRUMENT)
    broken["questions"][0]["recommendations"] = {"nonsense": 1}
    with pytest.raises(InstrumentError):
        validate(broken)
    broken = copy.deepcopy(INSTRUMENT)
    broken["questions"][0]["es"] = ""
    with pytest.raises(InstrumentError):
        validate(broken)
    broken = copy.deepcopy(INSTRUMENT)
    broken["recommendations"] = broken["recommendations"][:3]
    with pytest.raises(InstrumentError):
        validate(broken)
