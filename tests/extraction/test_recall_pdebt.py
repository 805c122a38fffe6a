"""Precision of the pattern and rule layers on the pdebt group (issue 14): vetoes and narrower rules
that give the words an innocent reading, each with a sentence that must still be found."""

import pytest

from laborlens.extraction import extract

LAYERS = ("patterns", "rules")


def ids(text: str, lang: str) -> set[str]:
    return set(extract(text, lang=lang, layers=LAYERS).ids)


NOT_FOUND = [
    # es.ex_labour_law.reclamar: pay that reaches the worker, a thing handed back
    ("es", "Aviso de una revisión por queja de un vecino. Las meseras cobran cada quincena en su cuenta y el gerente "
           "les devuelve las llaves del locker al salir.", "ex_labour_law_or_contract_breached"),
    # the employer owes the worker wages: wage theft, not a binding debt
    ("en", "All I want from the bakery is the overtime they owe.", "cd_debt_bondage"),
    ("es", "La cocinera llamó para saber cómo cobrar lo que le deben de las vacaciones.", "cd_debt_bondage"),
    # a denied debt
    ("en", "Screened: she owes the diner owner and the landlord nothing, and keeps her own passport.", "cd_debt_bondage"),
    # a debt paid and done, or only asked about
    ("en", "He paid a coyote $6,000 and was let go in Laredo owing nothing.", "cr_debt_bondage"),
    # glue and a notice pasted on the wall
    ("es", "El jefe dice que el pegamento nuevo es más barato y huele muy fuerte.", "cd_violence_on_victim"),
    # pay by the piece, a weekly deduction
    ("es", "En el limón nos pagan por caja y el contratista no paga el tiempo de espera.", "dr_travel_recruitment_conditions"),
    ("en", "The installers get paid per job and the contractor never pays the drive time.", "dr_travel_recruitment_conditions"),
    # nobody holds the documents: no statement of legal status
    ("en", "Inspectors noted no documents held and no complaints about the housing.", "vd_relationship_authorities_legal_status"),
    # a denied or rumoured threat of deportation
    ("en", "She was never told that the police would deport her.", "cd_threat_of_denunciation"),
    ("en", "He called about a rumor that H-2B crews get deported if they ask for overtime.", "cd_threat_of_denunciation"),
    # an assignment without gear is a hazard, not a threat
    ("es", "El mayordomo los pone a trabajar en la zanja sin casco ni arnés.", "cd_threat_worse_conditions"),
]

STILL_FOUND = [
    ("es", "El contrato decía 15 la hora y quiero reclamar lo que no me pagaron, pero nadie me dice dónde cobrar.",
     "ex_labour_law_or_contract_breached"),
    ("en", "I still owe the boss 2,000 for the room and he says I can't leave until I pay.", "cd_debt_bondage"),
    ("es", "Le debo al patrón 3 mil dólares y no me deja irme hasta que pague.", "cd_debt_bondage"),
    ("en", "The smuggler says we still owe him $5,000 and we work for his cousin until it is paid.", "cr_debt_bondage"),
    ("es", "El encargado le pegó en la cara con el puño.", "cd_violence_on_victim"),
    ("en", "We each paid the recruiter $3,500 for the visa before we left.", "dr_travel_recruitment_conditions"),
    ("en", "She has been here without papers since her visa expired.", "vd_relationship_authorities_legal_status"),
    ("en", "The boss said he would call immigration if we complained.", "cd_threat_of_denunciation"),
    ("es", "Le dijo que si habla con los clientes lo manda a limpiar la bodega sin pago.", "cd_threat_worse_conditions"),
]


@pytest.mark.parametrize("lang,text,item", NOT_FOUND)
def test_innocent_reading_not_found(lang: str, text: str, item: str) -> None:
    assert item not in ids(text, lang)


@pytest.mark.parametrize("lang,text,item", STILL_FOUND)
def test_true_reading_still_found(lang: str, text: str, item: str) -> None:
    assert item in ids(text, lang)
