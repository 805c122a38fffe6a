"""Recall of the stem rules for ctx_free_to_leave, cd_isolation_confinement_surveillance,
vd_difficulty_unknown_area and cd_forced_tasks_or_clients (issue 14, recall-move).

One sentence per new rule (written for these tests, not taken from the corpus) that the
rules now find, and one per new veto that they must not find.
"""

import pytest

from laborlens.extraction import extract

FREE = "ctx_free_to_leave"
ISOLATION = "cd_isolation_confinement_surveillance"
AREA = "vd_difficulty_unknown_area"
TASKS = "cd_forced_tasks_or_clients"

FOUND = [
    # ctx_free_to_leave
    ("en", "She could work for the bakery across town if she wanted.", FREE),  # ifwanted
    ("en", "If I want to quit, I quit.", FREE),  # ifwantquit
    ("en", "Two of the packers left mid-season with no penalty.", FREE),  # leftnopenalty
    ("en", "He quit in the spring and the orchard hired him back in June.", FREE),  # leftrehired
    ("en", "A welder quit in March and was paid through his last shift.", FREE),  # leftpaidout
    ("en", "Three of the drivers left for other depots this winter.", FREE),  # leftforother
    ("en", "Last winter he went home to Jalisco for a month and came back to the same crew.", FREE),  # homeandback
    ("es", "Regresé a Oaxaca cuando quise.", FREE),  # cuandoquise
    ("es", "El año pasado dos compañeros dejaron la lechería sin ningún problema.", FREE),  # sinproblema
    ("es", "Me fui dos semanas a ver a mi mamá y nadie me dijo nada.", FREE),  # nadiedijonada
    # cd_isolation_confinement_surveillance
    ("en", "The owner's son waits by the door of the laundromat.", ISOLATION),  # waitsbydoor
    ("en", "The supervisor answered for several workers during the visit.", ISOLATION),  # answeredfor
    ("es", "Los muchachos del vivero nunca van solos al pueblo.", ISOLATION),  # nuncasolos
    ("es", "Cuando vamos a la lavandería el encargado nos espera en la puerta.", ISOLATION),  # esperapuerta
    ("es", "El contratista dice que hasta que se pague la renta nadie se va.", ISOLATION),  # nadiesevava
    # vd_difficulty_unknown_area
    ("en", "The helper speaks very little English.", AREA),  # littlelang
    ("en", "He could not give the name of the road he lives on.", AREA),  # notnametown
    ("es", "Los cortadores casi no hablan español.", AREA),  # pocoespanol
    ("es", "Dice que no sabe ni en qué ciudad vive.", AREA),  # quepueblo
    # cd_forced_tasks_or_clients
    ("en", "After the shift they mow his lawn and nobody is paid for it.", TASKS),  # choreunpaid
    ("en", "On Sundays they paint his nephew's barn.", TASKS),  # relativesbiz
    ("es", "Después del turno nos hace lavar sus carros sin pago.", TASKS),  # tareasinpago
    ("es", "Los sábados la manda a cuidar a los niños de su cuñada.", TASKS),  # deparientes
]

NOT_FOUND = [
    # veto: unpaid hours or a day sent home are the job's own pay, not extra tasks
    ("es", "El dueño le exige estar de 8 a 5 limpiando el patio de los perros sin pago por hora.", TASKS),
]


def _ids(text, lang):
    return extract(text, lang=lang, layers=("patterns", "rules")).ids


@pytest.mark.parametrize("lang,text,item", FOUND)
def test_found(lang, text, item):
    assert item in _ids(text, lang)


@pytest.mark.parametrize("lang,text,item", NOT_FOUND)
def test_not_found(lang, text, item):
    assert item not in _ids(text, lang)
