"""The U.S.-law headline reading, its basis, related offences and the smuggling fix (issue 14, part 1)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laborlens.catalogue import load_catalogue
from laborlens.screening.engine import assess
from laborlens.screening.federal import READING_BASES, coercion_recorded, us_support

CAT = load_catalogue()
RANK = {r.id: r.rank for r in CAT.readings.values()}
WAGES = {"ex_excessive_hours": "present", "ex_low_or_no_salary": "present",
         "ex_labour_law_or_contract_breached": "present", "ex_wage_manipulation": "present"}
SETTINGS = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def test_wage_theft_alone_is_not_trafficking_under_either_framework():
    for jurisdiction in ("us", "ilo"):
        a = assess(WAGES, "adult", jurisdiction=jurisdiction)
        assert a.reading == a.reading_ilo == a.reading_us == "exploitation"
        assert a.reading_basis == ()
        assert "labour-rights matter" in a.headline.en and "derechos laborales" in a.headline.es


def test_labor_obtained_by_threats_is_forced_labor_without_recruitment():
    a = assess({**WAGES, "cd_threats_of_violence": "present"}, "adult")
    assert a.jurisdiction == "us" and a.reading == "trafficking" and a.reading_ilo == "exploitation"
    assert a.reading_basis[0] == "usc_1589"
    assert a.reading_detail.rule.id == "reading.trafficking.us"
    assert a.readings["palermo_ilo"]["reading"] == "exploitation"  # the old key keeps its meaning
    assert a.readings["us_federal"]["reading"] == "trafficking"
    assert "18 U.S.C. 1589" in a.headline.en and "task force" in a.headline.en
    assert "18 U.S.C. 1589" in a.headline.es and "labour-rights" not in a.headline.en


def test_one_uncorroborated_serious_harm_fact_is_not_enough():
    a = assess({**WAGES, "cd_withholding_of_wages": "present"}, "adult")
    assert a.reading_us == "exploitation" and a.reading_basis == ()
    # ... but the headline does not call it a labour-rights matter: coercion is recorded
    assert "labour-rights" not in a.headline.en and "Coercion is recorded" in a.headline.en
    b = assess({**WAGES, "cd_withholding_of_wages": "present", "cd_threat_worse_conditions": "present"}, "adult")
    assert b.reading_us == "trafficking" and "usc_1589" in b.reading_basis


def test_wages_held_back_from_a_person_of_heightened_vulnerability_are_a_possible_1589():
    held = {"ctx_act_obtained": "present", "cd_withholding_of_wages": "present", "ex_low_or_no_salary": "present"}
    assert assess(held, "adult").reading_us != "trafficking"  # alone it looks like wage theft
    for vulnerability in ("vr_personal_situation", "vd_personal_characteristics", "vd_dependency_on_exploiters",
                          "vd_difficulty_unknown_area", "vr_lack_of_education_language"):
        a = assess({**held, vulnerability: "present"}, "adult")
        assert a.reading_us == "trafficking" and "usc_1589" in a.reading_basis, vulnerability
    assert assess(held, "minor").reading_us == "trafficking"
    assert assess(held, "unknown").reading_us_if_minor == "trafficking"
    # Being undocumented or poor is not enough (wage theft's victims often are), nor is
    # vulnerability beside "keeps own wages".
    assert assess({**held, "vd_relationship_authorities_legal_status": "present",
                   "vr_economic_reasons": "present"}, "adult").reading_us != "trafficking"
    assert assess({**held, "vr_personal_situation": "present", "ctx_keeps_own_wages": "present"},
                  "adult").reading_us != "trafficking"


def test_confinement_told_beside_free_to_leave_needs_a_second_fact():
    # Cameras against theft beside "we come and go as we like": the one means fact is disputed.
    watched = {"ctx_act_obtained": "present", "cd_isolation_confinement_surveillance": "present"}
    assert "usc_1589" in assess(watched, "adult").reading_basis  # alone it is force or restraint
    free = assess({**watched, "ctx_free_to_leave": "present"}, "adult")
    assert free.reading_us != "trafficking" and free.reading_basis == ()
    assert "labour-rights" not in free.headline.en  # coercion is still recorded, and said
    threatened = assess({**watched, "ctx_free_to_leave": "present", "cd_threats_of_violence": "present"}, "adult")
    assert threatened.reading_us == "trafficking" and "usc_1589" in threatened.reading_basis
    # A stash house told with a smuggling that ended on arrival is the smuggling's hold.
    smuggled = {**watched, "ctx_paid_to_cross_border": "present",
                "ctx_smuggling_arrangement_ended_on_arrival": "present"}
    held = assess(smuggled, "adult")
    assert held.reading_us != "trafficking" and held.reading_basis == ()
    threatened_there = assess({**smuggled, "cd_threats_of_violence": "present"}, "adult")
    assert threatened_there.reading_us == "trafficking" and "usc_1589" in threatened_there.reading_basis
    # Keeping one's own papers disputes their confiscation, not the confinement.
    papers = assess({**watched, "ctx_keeps_own_documents": "present"}, "adult")
    assert "usc_1589" in papers.reading_basis


def test_bases_1590_1581_1584():
    a = assess({"cd_debt_bondage": "present", "cd_isolation_confinement_surveillance": "present",
                "ctx_act_obtained": "present"}, "adult")
    assert a.reading_us == "trafficking"
    assert set(a.reading_basis) == {"usc_1589", "usc_1590", "usc_1581", "usc_1584"}
    assert set(a.reading_basis) <= set(READING_BASES)


def test_palermo_basis_when_the_ilo_rule_says_trafficking():
    a = assess({"dr_nature_of_job_location_employer": "present", "dr_wages_earnings": "present",
                "ex_excessive_hours": "present", "ex_low_or_no_salary": "present",
                "cd_confiscation_of_documents": "present", "cd_debt_bondage": "present"}, "adult")
    assert a.reading_ilo == a.reading_us == "trafficking"
    assert a.reading_basis[0] == "palermo_ilo" and "usc_1589" in a.reading_basis


def test_ilo_jurisdiction_headline_is_the_ilo_reading(monkeypatch):
    answers = {**WAGES, "cd_threats_of_violence": "present"}
    assert assess(answers, "adult", jurisdiction="ilo").reading == "exploitation"
    monkeypatch.setenv("LABORLENS_JURISDICTION", "ilo")
    a = assess(answers, "adult")
    assert (a.jurisdiction, a.reading, a.reading_us) == ("ilo", "exploitation", "trafficking")
    monkeypatch.setenv("LABORLENS_JURISDICTION", "eu")
    with pytest.raises(ValueError, match="LABORLENS_JURISDICTION"):
        assess(answers, "adult")
    with pytest.raises(ValueError, match="jurisdiction must be one of"):
        assess(answers, "adult", jurisdiction="uk")


def test_smuggling_then_debt_and_confinement_is_never_smuggling():
    smuggled = {"ctx_paid_to_cross_border": "present"}
    assert assess(smuggled, "adult").reading == "smuggling"
    held = {**smuggled, "cd_isolation_confinement_surveillance": "present", "cd_threat_worse_conditions": "present"}
    a = assess(held, "adult", jurisdiction="ilo")
    assert a.reading == "exploitation" and a.reading_detail.rule.id == "reading.smuggling_coerced"
    assert "Smuggling that did not end on arrival" in a.headline.en
    b = assess({**smuggled, "cd_debt_bondage": "present", "cd_isolation_confinement_surveillance": "present"}, "adult")
    assert b.reading == "trafficking" and "usc_1581" in b.reading_basis


def test_smuggling_with_only_partial_destination_facts_stays_smuggling():
    a = assess({"ctx_paid_to_cross_border": "present", "cd_threat_worse_conditions": "present"}, "adult")
    assert a.reading == "smuggling"


def test_related_offences_are_flagged_on_their_own():
    a = assess({"cd_confiscation_of_documents": "present"}, "adult")
    assert [o.id for o in a.related_offences] == ["usc18_1592"]
    assert a.reading != "trafficking"
    b = assess({"dr_travel_recruitment_conditions": "present"}, "adult")
    assert [o.id for o in b.related_offences] == ["usc18_1351"]
    assert b.related_offences[0].facts == ("dr_travel_recruitment_conditions",)
    assert assess(WAGES, "adult").related_offences == ()


def test_age_stated_in_text_sets_the_age_group_unless_recorded():
    answers = {"ex_excessive_hours": "present", "ex_hazardous_work": "present", "ctx_act_recruited": "present"}
    a = assess(answers, "unknown", age_group_from_text="minor")
    assert (a.age_group, a.age_group_source) == ("minor", "text")
    assert any("age stated in the text" in t.en for t in a.explanation)
    b = assess(answers, "adult", age_group_from_text="minor")
    assert (b.age_group, b.age_group_source) == ("adult", "recorded")
    c = assess(answers)
    assert (c.age_group, c.age_group_source) == ("unknown", "unknown")
    with pytest.raises(ValueError):
        assess(answers, age_group_from_text="teen")


def test_json_only_adds_keys():
    d = assess(WAGES, "adult").to_dict()
    for key in ("jurisdiction", "reading_basis", "reading_ilo", "reading_us", "reading_us_if_minor", "headline",
                "related_offences", "age_group_source", "reading", "reading_detail", "readings", "us_law"):
        assert key in d
    assert d["headline"]["en"] and d["headline"]["es"]
    json.dumps(d)


values = st.sampled_from(["present", "absent", "unknown"])
answers_st = st.dictionaries(st.sampled_from(list(CAT.items)), values, max_size=40)


@SETTINGS
@given(answers_st, st.sampled_from(["adult", "minor", "unknown"]), st.sampled_from(["us", "ilo"]))
def test_headline_is_coherent(answers, age, jurisdiction):
    a = assess(answers, age, jurisdiction=jurisdiction, max_questions=0)
    assert RANK[a.reading_us] >= RANK[a.reading_ilo]
    assert a.reading == (a.reading_us if jurisdiction == "us" else a.reading_ilo)
    assert (a.reading_us == "trafficking") == bool(a.reading_basis) or jurisdiction == "ilo"
    present = frozenset(k for k, v in answers.items() if v == "present")
    positive = {d.id: d.positive for d in a.dimensions}
    if coercion_recorded(us_support(CAT, present), positive):
        assert "labour-rights" not in a.headline.en
    if any(positive[d] for d in ("coercion_destination", "vulnerability_destination")):
        assert a.reading != "smuggling"
