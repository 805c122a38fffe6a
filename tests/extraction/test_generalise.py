"""Wording the first patterns missed (issue 14): word forms, clock-time shifts, conditional
threats, possessives, code-switching, stated age, and the hard negatives."""

from __future__ import annotations

import pytest

from laborlens.extraction import extract
from laborlens.extraction.lexicon import stem
from laborlens.extraction.matcher import fold
from laborlens.extraction.numbers import long_shifts, shifts, stated_age


def ids(text: str, lang: str = "auto") -> set[str]:
    return set(extract(text, lang=lang).ids)


@pytest.mark.parametrize(("words", "lang"), [
    (["beat", "beats", "beating"], "en"),
    (["threaten", "threatens", "threatened"], "en"),
    (["amenazó", "amenazan", "amenazaba"], "es"),
    (["pasaporte", "pasaportes"], "es"),
])
def test_word_forms_share_a_stem(words: list[str], lang: str) -> None:
    assert len({stem(fold(w).lower(), lang) for w in words}) == 1


def test_missing_apostrophe_and_tripled_letters_are_mended() -> None:
    assert stem("bosss", "en") == stem("boss's", "en") == stem("boss", "en")


@pytest.mark.parametrize(("text", "hours"), [
    ("We work from 6am to 10pm every day.", 16),
    ("from 5:30 in the morning until 9 at night", 15.5),
    ("Trabajamos de 5 de la mañana a 9 de la noche.", 16),
    ("desde las 6 hasta las 10pm", 16),
])
def test_clock_time_shift_lengths(text: str, hours: float) -> None:
    assert [s.hours for s in shifts(fold(text), "both")] == [hours]


def test_short_or_unclear_clock_ranges_are_not_long_shifts() -> None:
    assert long_shifts(fold("The store is open from 9am to 5pm.")) == []
    assert long_shifts(fold("I need 3 to 5 boxes.")) == []


@pytest.mark.parametrize("text", [
    "They make us work from 6am to 10pm, no breaks.",
    "Nos ponen a trabajar de 5 de la mañana a 9 de la noche.",
])
def test_clock_time_shift_is_excessive_hours(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize(("text", "age"), [
    ("she said she is 15 and they brought her from Lagos", 15),
    ("a 14 year old girl cleans the house", 14),
    ("Caller, 19 y/o, sales crew member", 19),
    ("La joven, que dice tener 16 años, cuida a los niños", 16),
    ("una niña de 13 años hace la limpieza", 13),
    ("He has worked there 15 years.", None),
    ("lleva 15 años trabajando en el rancho", None),
])
def test_stated_age(text: str, age: int | None) -> None:
    assert stated_age(fold(text)) == age


def test_age_and_age_group_in_the_result() -> None:
    result = extract("im 16 and the crew boss took my phone").to_dict()
    assert (result["age"], result["age_group"]) == (16, "minor")
    adult = extract("I am 34 and the boss keeps my passport.").to_dict()
    assert (adult["age"], adult["age_group"]) == (34, "adult")
    assert extract("The boss keeps my passport.").to_dict()["age_group"] is None


@pytest.mark.parametrize(("text", "indicator"), [
    ("The supervisor beats the workers who fall behind.", "cd_violence_on_victim"),
    ("If you leave, they will find you and break your legs.", "cd_threats_of_violence"),
    ("If you leave, he will call immigration.", "cd_threat_of_denunciation"),
    ("the bosss has our passports", "cd_confiscation_of_documents"),
    ("boss has our passports in his truck", "cd_confiscation_of_documents"),
    ("el patrón tiene nuestros pasaportes", "cd_confiscation_of_documents"),
    ("Every Friday we hand our checks over to the boss.", "cd_withholding_of_wages"),
    ("Twelve men sleep in one trailer and they give us one meal a day.", "ex_bad_living_conditions"),
    ("El patrón le pega a los trabajadores.", "cd_violence_on_victim"),
    ("La señora amenazó con matarla.", "cd_threats_of_violence"),
    ("el boss nos amenazaba que si nos ibamos nos iban a buscar", "cd_threats_of_violence"),
    ("el manager keeps our passports en su oficina", "cd_confiscation_of_documents"),
])
def test_failure_classes_of_the_issue(text: str, indicator: str) -> None:
    assert indicator in ids(text)


def test_passport_taken_on_arrival_is_control_at_destination() -> None:
    found = ids("The recruiter collected all passports on the day of arrival and never returned them.")
    assert "cd_confiscation_of_documents" in found
    assert "cr_confiscation_of_documents" not in found


@pytest.mark.parametrize(("text", "absent"), [
    ("She keeps her own passport in her room and cashes her check herself.", "cd_confiscation_of_documents"),
    ("Cada quien tiene su propio pasaporte.", "cd_confiscation_of_documents"),
    ("The yard is locked at night to stop theft of the tools.", "cd_isolation_confinement_surveillance"),
    ("There are security cameras in the parking lot because of break-ins.", "cd_isolation_confinement_surveillance"),
    ("She has her own phone and calls her mother every night.", "cd_isolation_confinement_surveillance"),
    ("The boss never hit anyone and never took our passports.", "cd_violence_on_victim"),
    ("The boss never hit anyone and never took our passports.", "cd_confiscation_of_documents"),
    ("Nunca nos quitaron los pasaportes.", "cd_confiscation_of_documents"),
])
def test_hard_negatives(text: str, absent: str) -> None:
    assert absent not in ids(text)


def test_keeps_own_documents_is_found() -> None:
    assert "ctx_keeps_own_documents" in ids("Workers hold their own passports and visas.")


def test_locked_in_is_still_confinement_even_with_a_lawful_word_nearby() -> None:
    assert "cd_isolation_confinement_surveillance" in ids(
        "They say the gate is for security but they lock us in at night and we cannot leave.")


@pytest.mark.parametrize(("text", "low"), [
    ("The boss pays them like 100 a week for all that work.", True),
    ("Gana 350 a la semana trabajando en la feria.", True),
    ("Operators paid piece rate averaging $5.10/hr.", True),
    ("Some weeks it comes out below minimum.", True),
    ("The crew leader charges $50 per week for a bed in a shed.", False),
    ("They pay me $900 a week and I have weekends off.", False),
])
def test_pay_below_the_minimum_for_its_period(text: str, low: bool) -> None:
    assert ("ex_low_or_no_salary" in ids(text)) is low


@pytest.mark.parametrize(("text", "age"), [
    ("mi hijo de 16 se fue con un grupo que vende revistas", 16),
    ("Caller, 19, door-to-door pest control sales.", 19),
    ("the girl at the house on Elm is 16 and she told my daughter", 16),
    ("When I was 13 they told my parents I would go to school.", 13),
])
def test_more_ways_of_stating_an_age(text: str, age: int) -> None:
    assert stated_age(fold(text)) == age


def test_the_boss_holding_our_passports_is_not_keeping_our_own() -> None:
    found = ids("tengo 16 y el patrón tiene nuestros pasaportes. Trabajamos mucho.")
    assert "cd_confiscation_of_documents" in found
    assert "ctx_keeps_own_documents" not in found
    assert "ctx_keeps_own_documents" in ids("Tenemos nuestros pasaportes y nos pagan cada semana.")


def test_a_spanish_sentence_inside_an_english_tip_is_read_with_spanish_patterns() -> None:
    text = ("My neighbor works at the farm on Route 9 and he told me this yesterday. "
            "Dice que el mayordomo les quitó los pasaportes a todos.")
    result = extract(text)
    assert result.language == "en"
    assert "cd_confiscation_of_documents" in result.ids


def test_shift_with_words_between_its_two_clock_times_and_hour_ranges() -> None:
    text = "Trabaja desde las 5 de la mañana cuidando niños y limpiando hasta las 10 de la noche."
    assert [s.hours for s in long_shifts(fold(text))] == [17]
    assert [s.hours for s in long_shifts(fold("Workers report 70+ hour weeks at peak."))] == [70]


@pytest.mark.parametrize("text", [
    "ayer el foreman le dio una cachetada a Lupe porque se tardó en el baño",
    "Cuando un compañero pidió su sueldo, uno de los hermanos lo tiró por la escalera.",
    "Una vez me jaló del brazo tan fuerte que me quedó morado.",
    "When Tomas asked for his pay the crew boss threw him against the trailer.",
    "The owner gave her a slap in front of the customers for breaking a plate.",
])
def test_violence_told_as_a_noun_or_a_throw_is_violence_on_the_victim(text: str) -> None:
    assert "cd_violence_on_victim" in set(extract(text).ids)


@pytest.mark.parametrize("text", [
    "The carts have broken wheels so we drag them down the hall.",
    "Le dio una vuelta al carro y nos llevó a la casa.",
])
def test_tools_and_chores_are_not_violence(text: str) -> None:
    assert "cd_violence_on_victim" not in set(extract(text).ids)


@pytest.mark.parametrize("text", [
    "El mayordomo nos tiene trabajando de 6 a 7 cortando pasto y poniendo mulch.",
    "we work from 6 to 9 every day and the crew leader drives us back",
])
def test_a_bare_range_after_a_word_of_working_is_a_long_day(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize("text", [
    "We work from 9 to 5, Monday to Friday.",
    "El partido de mi hijo es de 3 a 5 los sábados.",
])
def test_an_office_day_or_a_count_is_not_a_long_day(text: str) -> None:
    assert "ex_excessive_hours" not in ids(text)


@pytest.mark.parametrize("text", [
    "El jefe nos dijo que la policía de la isla le obedecía a él.",
    "The crew was told any man who jumped ship would be arrested by U.S. authorities.",
    "Me dijo que sin visa me iban a meter preso.",
])
def test_what_the_boss_says_the_authorities_would_do_is_false_information(text: str) -> None:
    assert "vr_false_information_law_authorities" in ids(text)


@pytest.mark.parametrize("text", [
    "he cant read so he doesnt know what hes signing",
    "A mi tío, que no aprendió a leer, lo trajeron a una lechería.",
    "No me da dinero porque dice que yo no sé contar.",
])
def test_not_reading_writing_or_counting_is_a_lack_of_education_wherever_told(text: str) -> None:
    found = ids(text)
    assert "vr_lack_of_education_language" in found and "vd_difficulty_unknown_area" not in found


@pytest.mark.parametrize("text", [
    "El dueño le dice que afuera nadie lo va a querer.",
    'The farmer\'s wife told him his mother "didnt want him back".',
    "La señora le dice que su familia ya no la quiere.",
])
def test_being_told_nobody_outside_wants_you_is_strong_influence(text: str) -> None:
    assert "cd_under_strong_influence" in ids(text)


def test_a_family_that_wants_money_sent_home_is_not_strong_influence() -> None:
    assert "cd_under_strong_influence" not in ids("My family doesnt want me to come back without money.")


@pytest.mark.parametrize("text", [
    "El jefe dijo que nos iba a ir mal si nos quejábamos.",
    "Decía que el que se fuera iba a tener problemas con sus hombres.",
    "The manager said we would be in trouble if we complained, and that we would regret it.",
    "he said if we stop working he would make our lives hell",
])
def test_a_vague_threat_of_harm_is_a_threat(text: str) -> None:
    assert "cd_threats_of_violence" in ids(text)


def test_a_promise_to_pay_is_not_a_threat() -> None:
    assert "cd_threats_of_violence" not in ids("La dueña nos debe el overtime y dice que ya lo va a pagar.")
