"""The single-record engine: input validation, readings, explanations, U.S. law, actions."""

from __future__ import annotations

import json

import pytest

from laborlens.catalogue import load_catalogue
from laborlens.screening.answers import Answer
from laborlens.screening.engine import assess

TRAFFICKING = {  # deceptive recruitment S+M, exploitation S+M, coercion at destination S+M
    "dr_nature_of_job_location_employer": "present", "dr_wages_earnings": "present",
    "ex_excessive_hours": "present", "ex_low_or_no_salary": "present",
    "cd_confiscation_of_documents": "present", "cd_threat_of_denunciation": "present",
}
WAGE_THEFT = {"ex_excessive_hours": "present", "ex_low_or_no_salary": "present"}


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def dims_positive(a):
    return {d.id for d in a.dimensions if d.positive}


def texts(a, lang="en"):
    return " ".join(getattr(t, lang) for t in a.explanation)


# --- input validation -----------------------------------------------------------------


def test_unknown_id_is_a_clear_value_error():
    with pytest.raises(ValueError, match=r"unknown indicator id\(s\) 'cd_passport_taken' \(not in catalogue 2026\."):
        assess({"cd_passport_taken": "present"}, "adult")


@pytest.mark.parametrize(("answer", "message"), [
    ("yes", r"answer for 'ex_excessive_hours': answer value must be one of present, absent, unknown \(got 'yes'\)"),
    ({"value": "present", "source": "rumour"}, r"answer source must be one of observed, statement, document, third_party"),
    ({"value": "present", "colour": "red"}, r"unknown field\(s\) colour"),
    ({"source": "observed"}, r"missing 'value'"),
    ({"value": "present", "unconfirmed": "yes"}, r"'unconfirmed' must be true or false"),
    (3, r"expected a value string or an object, got int"),
])
def test_bad_answers_are_value_errors(answer, message):
    with pytest.raises(ValueError, match=message):
        assess({"ex_excessive_hours": answer}, "adult")


def test_bad_age_group():
    with pytest.raises(ValueError, match=r"age_group must be one of adult, minor, unknown \(got 'child'\)"):
        assess({}, "child")


def test_answer_forms_are_equivalent():
    plain = assess({"ex_excessive_hours": "present"}, "adult").to_dict()
    mapped = assess({"ex_excessive_hours": {"value": "present"}}, "adult").to_dict()
    typed = assess({"ex_excessive_hours": Answer("present")}, "adult").to_dict()
    assert plain == mapped == typed


# --- readings -------------------------------------------------------------------------


def test_nothing_recorded_says_so():
    a = assess({}, "unknown")
    assert a.reading == "insufficient" and a.nothing_recorded
    assert a.explanation[0].en.startswith("Nothing recorded yet")
    assert a.explanation[0].es.startswith("Todavía no hay nada registrado")
    assert a.next_questions, "with nothing recorded the engine still proposes questions"
    assert {q.id for q in a.next_questions[:5]} <= set(load_catalogue().short_form) | {
        "cr_violence_on_victim", "cd_violence_on_victim"}


def test_all_unknown_answers_count_as_nothing_recorded():
    assert assess({"ex_excessive_hours": "unknown"}, "adult").nothing_recorded


def test_presumed_trafficking(cat):
    a = assess(TRAFFICKING, "adult")
    assert a.reading == "trafficking"
    assert dims_positive(a) == {"deceptive_recruitment", "exploitation", "coercion_destination"}
    assert a.reading_detail.rule.id == "reading.trafficking.adult"
    assert a.reading_detail.inputs["dimensions_positive"]["exploitation"] is True
    assert a.reading_detail.rule.citations and a.reading_detail.rule.explanation.es


def test_deception_and_exploitation_without_destination_means():
    answers = {k: v for k, v in TRAFFICKING.items() if not k.startswith("cd_")}
    a = assess(answers, "adult")
    assert a.reading == "deception_exploitation"


def test_wage_theft_is_exploitation_and_goes_to_the_labor_agency():
    a = assess(WAGE_THEFT, "adult")
    assert a.reading == "exploitation"
    actions = {r.id for r in a.recommended_actions}
    assert "labor_agency_referral" in actions and "call_task_force_investigator" not in actions


def test_smuggling_only():
    a = assess({"ctx_paid_to_cross_border": "present", "ctx_free_to_leave": "present"}, "adult")
    assert a.reading == "smuggling"
    assert "keep_screening_smuggling" in {r.id for r in a.recommended_actions}
    assert "smuggling" in texts(a).lower()
    # once smuggling is recorded, the questions that tell it apart come first
    assert a.next_questions[0].id == "ctx_smuggling_arrangement_ended_on_arrival"
    assert "ctx_free_to_leave" not in {q.id for q in a.next_questions}  # already answered


def test_smuggling_that_turned_into_trafficking():
    a = assess({**TRAFFICKING, "ctx_paid_to_cross_border": "present"}, "adult")
    assert a.reading == "trafficking"


def test_context_never_counts_toward_a_dimension():
    a = assess({"ctx_keeps_own_documents": "present", "ctx_free_to_leave": "present",
                "ctx_act_recruited": "present"}, "adult")
    assert a.present_indicator_count == 0 and not dims_positive(a)


def test_red_flags_do_not_count_but_raise_questions():
    flags = {"rf_restricted_movement": "present", "rf_heavy_monitoring_security": "present",
             "rf_monitoring_surveillance": "present", "rf_enforced_isolation": "present"}
    a = assess(flags, "adult")
    assert a.reading == "insufficient" and a.present_indicator_count == 0
    assert a.next_questions[0].id == "cd_isolation_confinement_surveillance"
    assert any("red flag" in w.en for w in a.next_questions[0].why)
    assert a.red_flags[0].points_to == ("cd_isolation_confinement_surveillance",)


def test_contradictions_are_listed_not_resolved():
    a = assess({"cd_confiscation_of_documents": "present", "ctx_keeps_own_documents": "present"}, "adult")
    assert a.contradictions[0].context == "ctx_keeps_own_documents"
    assert a.contradictions[0].indicators == ("cd_confiscation_of_documents",)
    assert "Check again" in texts(a)


def test_unconfirmed_counts_as_present_and_is_listed():
    answers = dict(TRAFFICKING)
    answers["cd_threat_of_denunciation"] = {"value": "present", "source": "third_party", "unconfirmed": True}
    a = assess(answers, "adult")
    assert a.reading == "trafficking"
    assert a.unconfirmed == ("cd_threat_of_denunciation",)
    coercion = a.dimension("coercion_destination")
    assert [p.unconfirmed for p in coercion.present if p.id == "cd_threat_of_denunciation"] == [True]
    assert "confirm_unconfirmed" in {r.id for r in a.recommended_actions}
    assert "unconfirmed" in texts(a)


# --- age -------------------------------------------------------------------------------


def test_child_weights_for_minors():
    # access to education is weak for adults, strong for children
    answers = {"dr_access_to_education": "present", "dr_wages_earnings": "present"}
    assert "deceptive_recruitment" not in dims_positive(assess(answers, "adult"))
    minor = assess(answers, "minor")
    assert "deceptive_recruitment" in dims_positive(minor)
    assert minor.dimension("deceptive_recruitment").weights_used == "child"


def test_minor_needs_no_means_under_palermo_but_us_law_still_does():
    answers = {"ctx_act_recruited": "present", "ex_excessive_hours": "present", "ex_low_or_no_salary": "present"}
    minor = assess(answers, "minor")
    assert minor.reading == "trafficking"
    assert minor.reading_detail.rule.id == "reading.trafficking.minor"
    assert minor.readings["palermo_ilo"]["means_required"] is False
    assert minor.readings["us_federal"]["means_required"] is True
    assert minor.us_law.means.status == "unknown" and not minor.us_law.all_elements_supported
    assert minor.us_law.minor_note is not None and "still requires" in minor.us_law.minor_note.en
    assert "child_protection" in {r.id for r in minor.recommended_actions}


def test_minor_without_an_act_is_not_trafficking():
    a = assess({"ex_excessive_hours": "present", "ex_low_or_no_salary": "present"}, "minor")
    assert a.reading == "exploitation"


def test_unknown_age_uses_adult_rules_and_reports_the_child_reading():
    answers = {"ctx_act_recruited": "present", "ex_excessive_hours": "present", "ex_no_access_to_education": "present"}
    a = assess(answers, "unknown")
    assert a.reading == "exploitation" and a.reading_if_minor == "trafficking"
    assert "establish_age" in {r.id for r in a.recommended_actions}
    assert "under 18" in texts(a)
    assert assess(answers, "adult").reading_if_minor is None


# --- U.S. law ---------------------------------------------------------------------------


def test_us_elements_and_statutes(cat):
    a = assess(TRAFFICKING, "adult")
    us = a.us_law
    assert (us.act.status, us.means.status, us.purpose.status) == ("supported", "supported", "supported")
    statutes = {s.id: s for s in us.statutes}
    assert statutes["usc18_1592"].facts == ("cd_confiscation_of_documents",)
    assert statutes["usc18_1589a"].complete
    assert "usc18_1351" in statutes
    assert all(s.rule.id == "us.statute" for s in us.statutes)


def test_fraud_alone_does_not_establish_the_us_purpose():
    a = assess({"dr_wages_earnings": "present", "ex_low_or_no_salary": "present"}, "adult")
    assert a.us_law.means.status == "supported"
    assert a.us_law.purpose.status == "not_established"
    assert not a.us_law.all_elements_supported


def test_us_status_unknown_vs_not_established():
    assert assess({}, "adult").us_law.means.status == "unknown"
    a = assess({"cd_threats_of_violence": "absent"}, "adult")
    assert a.us_law.means.status == "not_established"


def test_us_means_without_ilo_combination_is_flagged():
    answers = {"ex_excessive_hours": "present", "ex_low_or_no_salary": "present", "cd_threats_of_violence": "present"}
    a = assess(answers, "adult", jurisdiction="ilo")
    assert a.reading == "exploitation"
    assert "may still be forced labor" in texts(a)
    assert "call_task_force_investigator" in {r.id for r in a.recommended_actions}
    # Under the U.S. framework the same facts are forced labor: labor obtained by threats of force.
    us = assess(answers, "adult", jurisdiction="us")
    assert (us.reading, us.reading_ilo, us.reading_us) == ("trafficking", "exploitation", "trafficking")
    assert "usc_1589" in us.reading_basis and "18 U.S.C. 1589" in us.headline.en
    assert "call_task_force_investigator" in {r.id for r in us.recommended_actions}


def test_forced_labour_indicators_present():
    a = assess(TRAFFICKING, "adult")
    found = {f.id: f.indicators for f in a.forced_labour}
    assert found["documents"] == ("cd_confiscation_of_documents",)
    assert "overtime" in found and "deception" in found


# --- next questions ---------------------------------------------------------------------


def test_next_questions_rank_by_change_in_reading():
    answers = {k: v for k, v in TRAFFICKING.items() if k != "cd_threat_of_denunciation"}
    # The ranking is by the ILO/EC reading; under the U.S. headline these facts already read
    # trafficking (one means fact, nothing recorded saying the person is free).
    assert assess(answers, "adult").reading_us == "trafficking"
    a = assess(answers, "adult", jurisdiction="ilo")
    assert a.reading == "deception_exploitation"
    top = a.next_questions[0]
    assert top.reading_if_present == "trafficking" and top.would_tip == ("coercion_destination",)
    deltas = [load_catalogue().readings[q.reading_if_present].rank for q in a.next_questions]
    assert deltas == sorted(deltas, reverse=True)
    assert top.question.en and top.question.es and top.why


def test_next_questions_never_include_answered_or_red_flags():
    a = assess(TRAFFICKING, "adult", max_questions=200)
    ids = {q.id for q in a.next_questions}
    assert not ids & set(TRAFFICKING)
    assert not any(i.startswith("rf_") for i in ids)
    assert "ctx_paid_to_cross_border" not in ids  # never opened with: recorded when the person tells it


def test_max_questions():
    assert len(assess({}, "adult", max_questions=3).next_questions) == 3
    assert assess({}, "adult", max_questions=0).next_questions == ()


# --- output ------------------------------------------------------------------------------


def test_to_dict_is_json_serialisable():
    a = assess({**TRAFFICKING, "rf_no_free_time": "present"}, "unknown")
    doc = json.loads(json.dumps(a.to_dict()))
    assert doc["reading"] in {"insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking"}
    assert doc["reading_detail"]["rule"]["id"].startswith("reading.")
    assert doc["explanation"][0]["en"] and doc["explanation"][0]["es"]


def test_every_conclusion_carries_its_rule():
    a = assess({**TRAFFICKING, "rf_no_free_time": "present", "ctx_keeps_own_documents": "present"}, "adult")
    rules = [d.rule for d in a.dimensions] + [a.reading_detail.rule] + [a.us_law.act.rule]
    rules += [s.rule for s in a.us_law.statutes] + [f.rule for f in a.red_flags] + [c.rule for c in a.contradictions]
    rules += [r.rule for r in a.recommended_actions]
    for rule in rules:
        assert rule.id and rule.explanation.en and rule.explanation.es and rule.citations
    for action in a.recommended_actions:
        assert action.matched_condition is not None and action.citations


@pytest.mark.parametrize("answers", [{}, WAGE_THEFT, TRAFFICKING, {"ex_low_or_no_salary": "present"}])
def test_never_says_not_a_victim(answers):
    blob = json.dumps(assess(answers, "unknown").to_dict(), ensure_ascii=False).lower()
    assert "not a victim" not in blob and "no es víctima" not in blob


def test_explanation_is_bilingual():
    a = assess(TRAFFICKING, "adult")
    assert all(t.en and t.es and t.en != t.es for t in a.explanation)
    assert "Presunta trata" in texts(a, "es")


def test_hotline_and_interpreter_always_recommended():
    for answers in ({}, WAGE_THEFT, TRAFFICKING):
        ids = {r.id for r in assess(answers, "adult").recommended_actions}
        assert {"national_hotline", "professional_interpreter"} <= ids
