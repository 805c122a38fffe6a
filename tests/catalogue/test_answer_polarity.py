"""Answers mean what the worker said (issue 14, part 0).

Every question in the catalogue is classified by what a plain "yes" to it, read aloud as
written, says about the item: ``present`` (yes means the indicator is there), ``absent``
(yes means it is not, e.g. "Can you leave on your own?") or ``open`` (an open or mixed
question: the form's buttons then name the finding, never yes/no). The tables below are the
reviewed classification; the catalogue must agree with them item by item, every item must be
classified, and a wording check over both languages catches a question that is reworded
without being reclassified.
"""

from __future__ import annotations

import re

import pytest

from laborlens.catalogue import load_catalogue

CAT = load_catalogue()

# Reviewed by hand against the English and the Spanish wording (catalogue 2026.12.0).
YES_MEANS_ABSENT = {
    "dr_nature_of_job_location_employer",  # Is that the job ... you have now? / ¿Son el trabajo ...?
    "dr_contract_content_or_legality",  # ... has it been respected? / ¿Se ha respetado ...?
    "dr_legal_documentation_migration_status",  # Did it turn out that way? / ¿Resultó así?
    "dr_access_to_education",  # Are you able to? / ¿Puede hacerlo?
    "cr_isolation_confinement_surveillance",  # could you move around ...? / ¿podía moverse ...?
    "vr_lack_of_education_language",  # Could you read the papers ...? / ¿Podía leer ...?
    "vr_lack_of_information",  # did you know anyone here ...? / ¿conocía a alguien ...?
    "vr_false_information_successful_migration",  # Was it like that for you? / ¿Fue así para usted?
    "ex_hazardous_work",  # Were you given protective gear ...? / ¿Le dieron equipo ...?
    "ex_labour_law_or_contract_breached",  # Are you paid for overtime ...? / ¿Le pagan las horas extra ...?
    "ex_no_social_protection",  # Do you have a contract ...? / ¿Tiene contrato ...?
    "ex_no_access_to_education",  # Are you able to go to school? / ¿Puede ir a la escuela?
    "cd_confiscation_of_documents",  # Can you have them whenever you want? / ¿Puede tenerlos ...?
    "cd_debt_bondage",  # Could you stop working before it is paid? / ¿Podría dejar de trabajar ...?
    "vd_difficulty_unknown_area",  # Do you know the address ...? / ¿Sabe la dirección ...?
    "vd_relationship_authorities_legal_status",  # Would you feel safe going to the police? / ¿Sentiría ...?
    "rf_no_belongings_or_documents",  # does the person have their own things ...?
    "rf_restricted_communication",  # Can you call whoever you want, in private?
    "rf_cover_business_sign",  # does the activity inside match the sign ...?
}
YES_MEANS_OPEN = {
    "dr_conditions_of_work", "dr_family_reunification", "dr_housing_living_conditions", "dr_wages_earnings",
    "vr_false_information_law_authorities", "vr_difficulty_organising_travel",
    "ex_excessive_hours", "ex_bad_living_conditions", "ex_low_or_no_salary", "ex_very_bad_working_conditions",
    "cd_isolation_confinement_surveillance",  # can you leave on your own? (no) / is anyone watching you? (yes)
    "cd_threat_worse_conditions", "cd_under_strong_influence", "vd_dependency_on_exploiters",
    "ctx_found_job_independently", "ctx_act_recruited", "ctx_act_transported", "ctx_act_harbored",
    "ctx_act_provided", "ctx_act_obtained", "ctx_benefits_from_venture",
    "rf_restricted_movement", "rf_no_english_speakers", "rf_no_free_time", "rf_overcrowded_residence",
    "rf_does_not_self_identify", "rf_told_police_will_deport", "rf_enforced_isolation",
    "rf_psychological_manipulation", "rf_substandard_living_and_pay", "rf_document_fraud_or_withheld_ids",
    "rf_sexual_abuse",
}
# The four questions the issue names, which the old Yes button recorded backwards.
REPORTED = {"cd_confiscation_of_documents", "cd_isolation_confinement_surveillance", "cd_debt_bondage",
            "dr_nature_of_job_location_employer"}

# The last yes/no question asked is the one a bare "yes" answers (a trailing "Why, or why not?"
# is skipped). These openings ask whether the person is able or free to do something, or
# whether things are as they should be: a yes to them is the indicator's absence.
ABILITY = {
    "en": re.compile(r"^(can|could|are you able|do you have|do you know|did you know|do you speak|would you feel|"
                     r"is that|did it turn out|was it like that|were you given|are you paid|has it been respected|"
                     r"does the person have|does the activity|did anyone explain)\b", re.I),
    "es": re.compile(r"^(puede|podía|podría|tiene|sabe|habla|sentiría|son el|resultó|fue así|le dieron|le pagan|"
                     r"se ha respetado|conocía|la persona tiene|la actividad|alguien se los explicó)\b", re.I),
}
WH = re.compile(r"^(what|how|who|whom|where|why|which|qué|cómo|quién|quiénes|dónde|adónde|por qué|cuánto|cuál|"
                r"a quién|de dónde|para qué|para quién|cada cuánto|con quién)\b", re.I)
LEAD = re.compile(r"^(when|if|before|during|while|on the way here|cuando|si|antes|durante|mientras|en el camino)"
                  r"[^,]*,\s*(.*)$", re.I)


def last_question(text: str, lang: str) -> str:
    """The last yes/no question in the text, without a leading time or condition clause."""
    found = re.findall(r"¿([^?]*)\?", text) if lang == "es" else re.findall(r"([^?.:]*)\?", text)
    questions = []
    for q in (f.strip() for f in found):
        lead = LEAD.match(q)
        q = lead.group(2) if lead else q
        if q and not WH.match(q):
            questions.append(q)
    return questions[-1] if questions else ""


def expected(item_id: str) -> str:
    return "absent" if item_id in YES_MEANS_ABSENT else "open" if item_id in YES_MEANS_OPEN else "present"


def test_tables_name_only_catalogue_items_and_do_not_overlap():
    assert not (YES_MEANS_ABSENT | YES_MEANS_OPEN) - set(CAT.items)
    assert not YES_MEANS_ABSENT & YES_MEANS_OPEN


def test_catalogue_version_records_the_change():
    assert CAT.version >= "2026.12.0"


@pytest.mark.parametrize("item_id", list(CAT.items))
def test_every_question_is_classified_as_reviewed(item_id):
    assert CAT.items[item_id].yes_means == expected(item_id)


def test_the_reported_questions_no_longer_record_yes_as_present():
    for item_id in REPORTED:
        assert CAT.items[item_id].yes_means in ("absent", "open"), item_id


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("item_id", list(CAT.items))
def test_wording_agrees_with_classification(item_id, lang):
    """A question whose last clause asks whether the person can, has or knows something is
    never one whose yes records the indicator present; both languages agree."""
    item = CAT.items[item_id]
    question = last_question(item.question.get(lang), lang)
    counter = item.kind == "context" and bool(item.contradicts)  # "free to leave": yes is the item itself
    if ABILITY[lang].search(question) and not counter:
        assert item.yes_means != "present", f"{item_id} ({lang}): {question!r} asks an ability; yes is not the indicator"
    if item.yes_means == "absent":
        assert ABILITY[lang].search(question), f"{item_id} ({lang}): classified absent but {question!r} does not read so"


def test_present_answer_describes_the_indicator_in_both_languages():
    """The answer the form records as present is the one that describes the indicator: for a
    reversed question that is "No", for an open one it is the finding's own label."""
    from laborlens.screening.services import answer_choices

    for item in CAT.items.values():
        for lang in ("en", "es"):
            choices = dict((value, text) for value, text in answer_choices(item, lang))
            assert set(choices) == {"present", "absent", "unknown"}
            if item.yes_means == "present":
                assert choices["present"].startswith(("Yes", "Sí")), (item.id, lang, choices)
            elif item.yes_means == "absent":
                assert choices["present"].startswith("No"), (item.id, lang, choices)
                assert choices["absent"].startswith(("Yes", "Sí")), (item.id, lang, choices)
            else:
                assert not choices["present"].startswith(("Yes", "Sí", "No ")), (item.id, lang, choices)
