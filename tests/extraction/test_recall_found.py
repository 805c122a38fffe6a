"""Recall rules for the smuggling-context and vulnerability group (found): each sentence
names a general shape a rule in patterns/rules.json now reads (recall round 2)."""
import pytest

from laborlens.extraction import extract

FOUND = [
    # ctx_found_job_independently
    ("en", "After a month in Reno I walked over to the car wash and applied myself.", "ctx_found_job_independently"),
    ("en", "Two years later he joined a roofing outfit on his own.", "ctx_found_job_independently"),
    ("es", "Encontré sola un trabajo de mesera en un restaurante de Dallas.", "ctx_found_job_independently"),
    ("es", "Yo misma pregunté en las tiendas de la plaza hasta que me dieron algo.", "ctx_found_job_independently"),
    ("es", "Luego fue ella sola a la fábrica de tortillas a preguntar.", "ctx_found_job_independently"),
    ("es", "El puesto en la carnicería lo conseguí yo, sin ayuda de nadie.", "ctx_found_job_independently"),
    # ctx_smuggling_arrangement_ended_on_arrival
    ("en", "The smuggler dropped him in El Paso and there has been no contact since.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("en", "My aunt paid the smuggler and the deal was over once I reached Dallas.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("en", "The guide left us at a bus stop in Tucson and that was it.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("en", "He drove us to a motel in Laredo and that was the end of it.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("es", "En Houston se terminó el compromiso con el pollero.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("es", "El guía nos entregó en Tucson y ahí se acabó todo.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("es", "Mi hermano pagó lo último y no le quedamos debiendo al pollero.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("es", "Salió de la casa de Phoenix sin deber nada a esa gente.", "ctx_smuggling_arrangement_ended_on_arrival"),
    ("es", "Desde que llegué a Denver ya no supe nada de él.", "ctx_smuggling_arrangement_ended_on_arrival"),
    # ctx_paid_to_cross_border
    ("en", "His mother wired the guide four thousand dollars in March.", "ctx_paid_to_cross_border"),
    ("es", "Mi cuñado le mandó el dinero al guía antes de salir de Olancho.", "ctx_paid_to_cross_border"),
    # vr_personal_situation
    ("en", "The dishwasher at the diner is a skinny kid, maybe 14.", "vr_personal_situation"),
    ("en", "The boy sweeping the shop floor can't be more than 14.", "vr_personal_situation"),
    ("en", "Her nephew, 16, hauls the trash bins every night.", "vr_personal_situation"),
    ("es", "El ayudante del panadero, 15 años, carga los sacos de harina.", "vr_personal_situation"),
    # vr_lack_of_education_language
    ("en", "The cook does not read English, so the schedule means nothing to him.", "vr_lack_of_education_language"),
    ("en", "They made him sign a form he could not read.", "vr_lack_of_education_language"),
    ("es", "La hicieron firmar unas hojas en inglés antes de subir al camión.", "vr_lack_of_education_language"),
]

NOT_FOUND = [
    # veto: a count of people or a measure next to 'maybe 12' is not an age
    ("en", "There are maybe 12 men sleeping in the back of the barn.", "vr_personal_situation"),
]


@pytest.mark.parametrize("lang,text,item", FOUND)
def test_found(lang, text, item):
    assert item in extract(text, lang=lang).ids


@pytest.mark.parametrize("lang,text,item", NOT_FOUND)
def test_not_found(lang, text, item):
    assert item not in extract(text, lang=lang).ids


def test_years_of_work_are_no_minors_age_and_a_shift_that_ends_is_no_smuggling_deal() -> None:
    # review of the round-2 rules: "N años" after "lleva"/"hace" counts years, and "ahí acaba su turno" ends a shift
    assert "vr_personal_situation" not in extract(
        "Lleva 12 años trabajando en la granja y el patrón le guarda el pasaporte.", lang="es").ids
    assert "vr_personal_situation" in extract("Hay dos muchachos de 15 y 16 años en la obra.", lang="es").ids
    assert "ctx_smuggling_arrangement_ended_on_arrival" not in extract(
        "Entra a las 8 y ahí acaba su turno a las 4, el patrón le paga cada viernes.", lang="es").ids
