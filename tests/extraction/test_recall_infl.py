"""Recall rules for the influence / dependency / lying group (issue 14): each sentence is
missed by the patterns+rules layers before the new rule and found after it."""

import pytest

from laborlens.extraction import extract

LAYERS = ("patterns", "rules")

FOUND = [
    # en.cd_under_strong_influence.answerfor
    ("cd_under_strong_influence", "en", "At the pharmacy the foreman answered all the questions for her while she looked at the floor."),
    # es.cd_under_strong_influence.contestatodopor
    ("cd_under_strong_influence", "es", "En la clínica el capataz contestaba todas las preguntas por él y no lo dejaba hablar."),
    # en.cd_under_strong_influence.payinbeer
    ("cd_under_strong_influence", "en", "Each night the men get a bottle and some smokes from the boss instead of wages."),
    # en.cd_under_strong_influence.devil
    ("cd_under_strong_influence", "en", "The elders say anyone who leaves the farm belongs to the devil."),
    # es.cd_under_strong_influence.dioscastiga
    ("cd_under_strong_influence", "es", "El pastor les repite que Dios los va a castigar si dejan la granja."),
    # en.vd_dependency_on_exploiters.nocar (both languages)
    ("vd_dependency_on_exploiters", "en", "The camp is far out in the hills and none of us has a car."),
    ("vd_dependency_on_exploiters", "es", "El rancho queda lejos del pueblo y nadie tiene carro para salir."),
    # en.vd_dependency_on_exploiters.onlyride
    ("vd_dependency_on_exploiters", "en", "The contractor's pickup is the only ride to the store, and he decides when it goes."),
    # en.cd_forced_to_lie.toldtosay
    ("cd_forced_to_lie", "en", "Before the audit the manager told the cooks to say they work eight hours a day."),
    # en.cd_forced_to_lie.ifanybodyasks
    ("cd_forced_to_lie", "en", "The boy works the fryer at night; if anybody asks, he is supposed to be nineteen."),
    # en.cd_forced_to_lie.inspectorhide
    ("cd_forced_to_lie", "en", "Whenever the OSHA inspector visits, the boss makes the welders hide behind the containers."),
    # es.cd_forced_to_lie.dijoquedijera
    ("cd_forced_to_lie", "es", "La encargada les dijo que contestaran que tienen descanso los domingos."),
]


@pytest.mark.parametrize("item,lang,text", FOUND)
def test_found(item, lang, text):
    assert item in extract(text, lang=lang, layers=LAYERS).ids
    assert item in extract(text, lang=lang).ids


NOT_FOUND = [
    # the no-car rule is a negative wording: a statement that denies it is no finding
    ("vd_dependency_on_exploiters", "en", "It is not true that nobody has a car; three of the workers drive their own."),
]


@pytest.mark.parametrize("item,lang,text", NOT_FOUND)
def test_not_found(item, lang, text):
    assert item not in extract(text, lang=lang, layers=LAYERS).ids


def test_thanking_god_is_no_religious_threat() -> None:
    # "Dios ... va" matched any sentence with God and "va"; a religious threat needs a punishment word
    assert "cd_under_strong_influence" not in extract(
        "Gracias a Dios todo va bien en el trabajo, nos pagan cada viernes y tengo mis papeles.", lang="es").ids
    assert "cd_under_strong_influence" in extract("El pastor dice que Dios los va a castigar si se van de la casa.",
                                                  lang="es").ids
