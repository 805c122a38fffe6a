"""The quoted examples of the issue, negation, Spanish, spans and duplicates."""

from __future__ import annotations

import pytest

from laborlens.extraction import Extraction, LanguageError, extract, to_answers
from laborlens.extraction._catalogue import catalogue_items


def ids(text: str, lang: str = "auto") -> set[str]:
    """What the text says about the indicators and the smuggling context; the act item
    'works for someone' (ctx_act_obtained) is checked on its own below."""
    return {i for i in extract(text, lang=lang).ids if not i.startswith("ctx_act_")}


def test_work_described_is_the_act_of_obtaining_labor() -> None:
    # 18 U.S.C. 1589 needs no recruitment: a person working for someone is the act.
    assert "ctx_act_obtained" in extract("I work at the library.").ids
    assert "ctx_act_obtained" in extract("Trabajo en la cosecha de fresa.").ids
    assert "ctx_act_obtained" not in extract("We paid the coyote and he left us at the station.").ids


def test_they_took_our_passports() -> None:
    assert ids("They took our passports.") == {"cd_confiscation_of_documents"}


def test_nos_quitaron_los_pasaportes() -> None:
    result = extract("Nos quitaron los pasaportes.")
    assert result.language == "es"
    assert result.ids == ["cd_confiscation_of_documents"]


def test_debt_to_the_recruiter_is_recruitment_debt_bondage() -> None:
    assert "cr_debt_bondage" in ids("We owe the recruiter $8,000.")


def test_debt_to_the_boss_for_rent_is_destination_debt_bondage() -> None:
    assert "cd_debt_bondage" in ids("The boss says the debt for rent and food keeps growing.")


@pytest.mark.parametrize("text", [
    "He never took my passport.",
    "No nos quitaron nada.",
    "Nobody took our documents and the boss didn't threaten anyone.",
    "Nunca nos quitaron los pasaportes.",
    "Our passports were never taken.",
])
def test_negated_statements_are_not_evidence(text: str) -> None:
    assert ids(text) == set()


def test_negation_stops_at_the_clause_boundary() -> None:
    found = ids("He didn't pay us, but he took our passports.")
    assert "cd_confiscation_of_documents" in found


def test_wording_that_is_itself_negative_still_counts() -> None:
    assert "cd_isolation_confinement_surveillance" in ids("We were not allowed to leave the farm.")
    assert "cd_isolation_confinement_surveillance" in ids("No nos dejaban salir de la casa.")


def test_spans_point_at_the_evidence_in_the_original_text() -> None:
    text = "Trabajo en un rancho. El patrón nos quitó los pasaportes y nos pegaba."
    result = extract(text)
    for found in result.indicators:
        for span in found.spans:
            assert text[span.start:span.end] == span.text
    documents = next(f for f in result.indicators if f.id == "cd_confiscation_of_documents")
    assert documents.spans[0].text == "El patrón nos quitó los pasaportes"  # the actor is evidence too


def test_found_indicator_carries_catalogue_label_and_forced_labour() -> None:
    found = extract("Nos quitaron los pasaportes.").indicators[0]
    item = catalogue_items()["cd_confiscation_of_documents"]
    assert found.label == item.label_es
    assert found.ilo_forced_labour == ["documents"]
    assert 0.0 < found.confidence <= 1.0
    assert extract("They took our passports.").indicators[0].label == item.label_en


def test_recruitment_timing_picks_the_recruitment_duplicate() -> None:
    before = ids("Before we left Manila the agency took our passports.")
    after = ids("When we arrived at the farm the boss took our passports.")
    assert "cr_confiscation_of_documents" in before and "cd_confiscation_of_documents" not in before
    assert "cd_confiscation_of_documents" in after and "cr_confiscation_of_documents" not in after


def test_hedged_evidence_gets_lower_confidence() -> None:
    plain = extract("The owner took their IDs.").indicators[0]
    hedged = extract("I think the owner took their IDs.").indicators[0]
    assert hedged.id == plain.id
    assert hedged.confidence < plain.confidence


def test_smuggling_context_items() -> None:
    found = ids("I paid a coyote $6,000 to cross. Once we crossed he left and I found this job "
                "through a friend. I get paid every Friday and I keep my own passport.")
    assert {"ctx_paid_to_cross_border", "ctx_smuggling_arrangement_ended_on_arrival",
            "ctx_found_job_independently", "ctx_keeps_own_wages", "ctx_keeps_own_documents"} <= found
    assert not any(i.startswith(("cd_", "cr_")) for i in found)


def test_ordinary_job_has_no_indicators() -> None:
    assert ids("I work at the library. My hours are normal and my boss is kind.") == set()


def test_explicit_language_is_used_and_unknown_language_is_refused() -> None:
    assert extract("Nos quitaron los pasaportes.", lang="es").language == "es"
    with pytest.raises(LanguageError):
        extract("They took our passports.", lang="fr")


def test_every_found_id_is_in_the_catalogue() -> None:
    items = catalogue_items()
    result = extract("They locked us in, beat us, kept our wages and said we owe $5,000.")
    assert result.ids and all(i in items for i in result.ids)


def test_to_answers_marks_every_finding_unconfirmed_from_a_third_party() -> None:
    answers = to_answers(extract("They took our passports and beat us."))
    assert set(answers) == {"cd_confiscation_of_documents", "cd_violence_on_victim"}
    for answer in answers.values():
        assert answer["value"] == "present"
        assert answer["source"] == "third_party"
        assert answer["unconfirmed"] is True
        assert answer["note"].startswith("from tip, unconfirmed")


def test_to_answers_is_accepted_by_the_screening_engine() -> None:
    engine = pytest.importorskip("laborlens.screening.engine")
    assessment = engine.assess(to_answers(extract(
        "They promised us hotel jobs at $15 an hour but instead took us to a farm. We work 14 hours "
        "a day for $200 a month. The boss took our passports and says he will call immigration if we leave.")))
    data = assessment.to_dict()
    assert data["reading"] in {"trafficking", "deception_exploitation", "exploitation", "smuggling", "insufficient"}
    assert data["reading"] == "trafficking"


def test_empty_text_gives_an_empty_extraction() -> None:
    assert extract("   ") == Extraction("en", [])
