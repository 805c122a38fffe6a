"""Recall of the threat group's items at the patterns+rules level (issue 14): one sentence per
new rule that the rule layer used to miss, and one sentence a new veto keeps clean."""

import pytest

from laborlens.extraction import extract

LAYERS = ("patterns", "rules")


def ids(text, lang):
    return set(extract(text, lang=lang, layers=LAYERS).ids)


FOUND = [
    # en.cr_debt_bondage.loanfee: a loan or mortgage taken to pay for the recruitment
    ("en", "My parents mortgaged the farm so I could pay the agent in Lima.", {"cr_debt_bondage"}),
    # es.cr_debt_bondage.prestamo
    ("es", "Para el lugar en la lista mi familia empeñó el terreno.", {"cr_debt_bondage"}),
    # en.cd_debt_bondage.workuntilpaid: work held until a sum is paid
    ("en", "The manager told Rosa she works for him until it is all paid.", {"cd_debt_bondage", "cr_debt_bondage"}),
    # es.cd_debt_bondage.trabajarhastapagar
    ("es", "El señor del taller dice que el muchacho se queda trabajando hasta pagarle lo del carro.", {"cd_debt_bondage", "cr_debt_bondage"}),
    # en.cd_violence_on_victim.faceinjury: an injury to the face
    ("en", "When Marco came back from the office he had a busted lip.", {"cd_violence_on_victim"}),
    # en.cd_violence_on_victim.eyeblack
    ("en", "After the argument with the crew boss his nose was broken.", {"cd_violence_on_victim"}),
    # es.cd_violence_on_family.irbuscar: people sent to find the family
    ("es", "El capataz dijo que sus primos van a visitar a la familia del que se escape.", {"cd_violence_on_family"}),
    # en.cd_threat_worse_conditions.walkhome: told to walk home, stranded
    ("en", "When I asked for my wages the foreman said fine, go walk to Guatemala.", {"cd_threat_worse_conditions"}),
    # es.cd_threat_worse_conditions.caminando
    ("es", "Le pedí mi cheque y el encargado me dijo que me fuera a pie hasta la ciudad.", {"cd_threat_worse_conditions"}),
    # es.dr_travel_recruitment_conditions.entryfee: money paid to get the job
    ("es", "Le di 800 dólares de comisión al señor que nos trajo.", {"dr_travel_recruitment_conditions"}),
]


@pytest.mark.parametrize("lang,text,wanted", FOUND)
def test_found(lang, text, wanted):
    assert ids(text, lang) & wanted


NOT_FOUND = [
    # veto cr_debt_bondage: an interest-free company loan for a rent deposit binds nobody
    ("es", "La compañía da un préstamo sin interés para pagar el depósito de la renta.", {"cr_debt_bondage", "cd_debt_bondage"}),
    # the walking rule is not set off by an ordinary walk
    ("en", "On Sundays we can walk to the church, then walk to the park with the kids.", {"cd_threat_worse_conditions"}),
]


@pytest.mark.parametrize("lang,text,unwanted", NOT_FOUND)
def test_not_found(lang, text, unwanted):
    assert not ids(text, lang) & unwanted
