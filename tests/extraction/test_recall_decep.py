"""Recall of the deception group (housing, school, papers, hours) and the school-absence item:
one sentence per rule added in patterns/rules.json, each written for the test, plus the veto
on lodging that the company pays for."""

import pytest

from laborlens.extraction import extract

FOUND = [
    # en.dr_housing_living_conditions.included: housing "included / provided" in an offer
    ("en", "Their ad on the radio said forklift work in Ohio, lodging included.", "dr_housing_living_conditions"),
    # en.dr_housing_living_conditions.free: "a free room / bunk / apartment"
    ("en", "The crew chief talked about a free apartment near the plant.", "dr_housing_living_conditions"),
    # en.dr_housing_living_conditions.payand: a pay rate "and a room / house / bunk"
    ("en", "The man at the shelter said twelve dollars an hour and a house.", "dr_housing_living_conditions"),
    # es.dr_housing_living_conditions.incluido: "cuarto incluido / hotel pagado / casa gratis"
    ("es", "El volante de la tienda decía: limpieza de oficinas en Reno, alojamiento incluido.",
     "dr_housing_living_conditions"),
    # es.dr_housing_living_conditions.payy: "15 la hora y un cuarto"
    ("es", "Un primo habló de 15 dólares la hora y un cuarto cerca del empaque.", "dr_housing_living_conditions"),
    # en.dr_access_to_education.would: told the family the child would go to / attend school
    ("en", "The pastor told her grandmother she would attend school in Texas.", "dr_access_to_education"),
    # en.dr_access_to_education.promise: promised classes / school / a scholarship
    ("en", "His coach in Accra promised evening classes and a place on the team.", "dr_access_to_education"),
    # es.dr_access_to_education.iba: "dijo que iba a estudiar"
    ("es", "Su padrino dijo que la niña iba a estudiar en Chicago.", "dr_access_to_education"),
    # es.dr_access_to_education.prometio: "prometió una beca / la escuela"
    ("es", "El entrenador prometió una beca en una preparatoria de Texas.", "dr_access_to_education"),
    # en.ex_no_access_to_education.enrolled: "not enrolled"
    ("en", "The counselor found that the boy is not enrolled anywhere in the district.", "ex_no_access_to_education"),
    # en.ex_no_access_to_education.beento: "hasn't been to class"
    ("en", "My nephew hasn't been to class since the harvest started.", "ex_no_access_to_education"),
    # en.ex_no_access_to_education.noschool: "no lessons / no school"
    ("en", "At the camp there are no lessons, only chores from dawn.", "ex_no_access_to_education"),
    # en.ex_no_access_to_education.stopped: "stopped coming to class"
    ("en", "The boy stopped coming to class in November.", "ex_no_access_to_education"),
    # es.ex_no_access_to_education.novaa: "nunca ha pisado la secundaria"
    ("es", "Mi sobrino nunca ha pisado la secundaria desde que llegó.", "ex_no_access_to_education"),
    # es.ex_no_access_to_education.inscrito: "no estudia / no está inscrito"
    ("es", "Aquí no estudia, trabaja en la cocina todo el día.", "ex_no_access_to_education"),
    # es.dr_legal_documentation_migration_status.ibaarreglar: "le ayudaría a tramitar el asilo"
    ("es", "Un abogado amigo del patrón le ayudaría a tramitar el asilo.", "dr_legal_documentation_migration_status"),
    # es.dr_legal_documentation_migration_status.entramite: "permiso en trámite"
    ("es", "Le ofrecieron trabajo de soldador con permiso en trámite.", "dr_legal_documentation_migration_status"),
    # es.dr_legal_documentation_migration_status.salio: "llegó con visa de turista"
    ("es", "Pagó por la visa de trabajo pero llegó con visa de turista.", "dr_legal_documentation_migration_status"),
    # en.dr_conditions_of_work.hours: "the contract / they told us 45 hours"
    ("en", "The contract listed 45 hrs a week.", "dr_conditions_of_work"),
    # es.dr_conditions_of_work.horas: "el contrato ... 40 horas"
    ("es", "El contrato de la agencia marcaba 40 horas semanales.", "dr_conditions_of_work"),
]

NOT_FOUND = [
    # veto: lodging paid by the company is a fact of the job, not a promise about housing
    ("es", "Duerme en un motel pagado por la compañía y cobra cada viernes.", "dr_housing_living_conditions"),
    # veto: papers or a visa named in a threat is a threat about status, not a lie about it
    ("en", "The foreman said one complaint and your visa is cancelled.", "dr_legal_documentation_migration_status"),
    ("en", "He told them the police here arrest anyone without papers.", "dr_legal_documentation_migration_status"),
    # veto: a day or season without school is the school calendar
    ("en", "There are no classes over the summer, so the twins help at the farm stand.", "ex_no_access_to_education"),
]


@pytest.mark.parametrize(("lang", "text", "item"), FOUND)
def test_found(lang, text, item):
    assert item in extract(text, lang=lang).ids


@pytest.mark.parametrize(("lang", "text", "item"), NOT_FOUND)
def test_not_found(lang, text, item):
    assert item not in extract(text, lang=lang).ids
