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


# Wave 3 (threat group): shapes of blows, threats, denunciation, threats to the family and
# threats to tell the family, found on train narratives the rule layer missed. Each "found"
# sentence is a shape a new rule reads (default layers); each "not found" sentence uses the
# same words in an ordinary job, family or news sentence and must stay clean.

WAVE3_FOUND = [
    # blows: "le dio con el cinto", "le da de cachetadas", "le dio una pela"
    ("cd_violence_on_victim", "es", "Cuando uno no sale al surco, el mayordomo le da con el cinto."),
    ("cd_violence_on_victim", "es", "Cuando uno no quiere subirse a la van, el supervisor le da de cachetadas."),
    ("cd_violence_on_victim", "es", "El dueño le dio una pela con la correa delante del otro muchacho."),
    # something hot or hard thrown at the worker
    ("cd_violence_on_victim", "es", "El otro día le aventó el comal caliente a Chuy porque se le quemaron las tortillas."),
    # touched on the body
    ("cd_violence_on_victim", "es", "Dice que el supervisor le toca el cuerpo cuando está sola en la bodega."),
    # grabbed by the arm, the wrist, the hair
    ("cd_violence_on_victim", "en", "Caller saw the manager grab the host by the wrist and pull her into the back office."),
    # pushed against something
    ("cd_violence_on_victim", "en", "Nelson asked for his pay and the boss pushed him against the truck."),
    # threats of violence: "next time is worse", "ends up in the canal", "goes back in a box"
    ("cd_threats_of_violence", "en", "He slapped a worker for breaking a box and said next time it would be worse."),
    ("cd_threats_of_violence", "es", "El troquero le dijo que si vuelve a abrir la boca amanece en el canal."),
    ("cd_threats_of_violence", "en", "The manager told them a worker who asked for more ended up in the river."),
    ("cd_threats_of_violence", "en", "The owner told the crew he has friends in the cartel."),
    ("cd_threats_of_violence", "en", "The owner's brother stands at the gate with a bat every night."),
    # denunciation: "le dice a la migra", "with one call", "report it stolen", "never a visa again"
    ("cd_threat_of_denunciation", "es", "Dice que si me voy le dice a la policía que me robé herramienta."),
    ("cd_threat_of_denunciation", "en", "He said that if anyone talks to the inspector he will give their real names to ICE."),
    ("cd_threat_of_denunciation", "en", "A supervisor told her that workers who complain get their name sent to immigration."),
    ("cd_threat_of_denunciation", "es", "Me dijo que con una llamada me quita la visa y me manda de regreso."),
    ("cd_threat_of_denunciation", "en", "When I asked about overtime, the supervisor said one call and I'm on the plane home."),
    ("cd_threat_of_denunciation", "en", "If I quit, he says he will report the truck stolen."),
    ("cd_threat_of_denunciation", "en", "The crew leader said whoever complains never gets a visa again."),
    ("cd_threat_of_denunciation", "es", "El dueño dice que al que se queje no vuelve a tener visa nunca."),
    ("cd_threat_of_denunciation", "en", "Sub likes to say ICE is his friend and would take his side."),
    ("cd_threat_of_denunciation", "es", "Cuando le pedí mi pago me dijo que tiene amigos en la migra."),
    # violence on the family
    ("cd_violence_on_family", "es", "Cuando le dije que me quería regresar, me enseñó en su teléfono una foto de la casa de mi mamá."),
    ("cd_violence_on_family", "en", "Dale told them that if they take off, their families in Mexico would have problems."),
    ("cd_violence_on_family", "en", "He says the guide's people still know my village."),
    ("cd_violence_on_family", "es", "Me dijo que el prestamista conoce muy bien la casa de mi mamá."),
    ("cd_violence_on_family", "es", "La dueña le repite que tiene gente en su pueblo."),
    ("cd_violence_on_family", "es", "Le ha dicho que si se escapa, los del coyote van a visitar a su papá."),
    ("cd_violence_on_family", "es", "Me dijo que si me voy a otro club, su gente visita a mi mamá."),
    # threats to inform the family or the community
    ("cd_threats_to_inform_family_community", "es", "Me dijo que si le cuento a los clientes le manda fotos a mi esposo."),
    ("cd_threats_to_inform_family_community", "es", "Le tomó fotos y dice que se las manda a su familia."),
    ("cd_threats_to_inform_family_community", "en", "When she said she was going home he said he'd post the pictures he took of her."),
    ("cd_threats_to_inform_family_community", "en", "He says he will send her photos to her father if she leaves."),
    # worse conditions for the one who complains
    ("cd_threat_worse_conditions", "es", "Al que se queja lo ponen tres días a ayunar."),
    # stranded on the road with nothing
    ("cd_threat_worse_conditions", "en", "He says if we complain he drops us on the highway at night with nothing."),
    ("cd_threat_worse_conditions", "es", "Si no lo hago me deja en la gasolinera sin cheque."),
]

WAVE3_NOT_FOUND = [
    ("cd_violence_on_victim", "es", "La maestra le dio con gusto la bienvenida al grupo."),
    ("cd_violence_on_victim", "es", "Mi compadre me aventó un raite al trabajo el lunes."),
    ("cd_violence_on_victim", "es", "Hoy le toca el turno de la mañana a mi hermano."),
    ("cd_violence_on_victim", "en", "She grabbed her son by the hand to cross the street."),
    ("cd_violence_on_victim", "en", "He pushed the cart against the wall and went home."),
    ("cd_threats_of_violence", "en", "The forecast said next week the heat would be worse."),
    ("cd_threats_of_violence", "es", "Los patos aparecen en el lago cada mañana."),
    ("cd_threats_of_violence", "en", "We ended up in the city after a long drive."),
    ("cd_threats_of_violence", "en", "My son goes to practice with a glove and a ball."),
    ("cd_threats_of_violence", "en", "The news said the gang was arrested last year."),
    ("cd_threat_of_denunciation", "es", "La vecina dice a sus hijos que no jueguen en la calle."),
    ("cd_threat_of_denunciation", "en", "Give your name to the front desk when you arrive."),
    ("cd_threat_of_denunciation", "es", "Con una llamada a mi mamá se me pasa lo triste."),
    ("cd_threat_of_denunciation", "en", "I made one phone call to my sister and then slept."),
    ("cd_threat_of_denunciation", "en", "He reported his bike stolen last year."),
    ("cd_threat_of_denunciation", "en", "My cousin never had a visa problem at the consulate."),
    ("cd_threat_of_denunciation", "es", "Mi hermano volvió a tener trabajo en marzo."),
    ("cd_threat_of_denunciation", "es", "Tengo amigos en la iglesia que me ayudan."),
    ("cd_violence_on_family", "en", "My family would have a better life if I get the job."),
    ("cd_violence_on_family", "es", "Me enseñó una foto de su perro en el parque."),
    ("cd_violence_on_family", "en", "My parents would have trouble paying the rent without my help."),
    ("cd_violence_on_family", "es", "La gente del pueblo conoce a mi familia desde siempre."),
    ("cd_violence_on_family", "es", "Si tengo tiempo, visito a mi mamá los domingos."),
    ("cd_violence_on_family", "es", "Si voy a Puebla, visito a mis padres."),
    ("cd_violence_on_family", "es", "La escuela tiene gente muy amable."),
    ("cd_threats_to_inform_family_community", "es", "Mi hermana siempre me manda fotos de sus hijos."),
    ("cd_threats_to_inform_family_community", "en", "I send photos to my mother every week."),
    ("cd_threat_worse_conditions", "es", "Si se queja el cliente, lo pasan con el gerente."),
    ("cd_threat_worse_conditions", "en", "My dad drops me at the bus stop every morning."),
    ("cd_threat_worse_conditions", "en", "He drops me at the bus station at night after my shift."),
    # the police picking people up in the street is no threat to put the worker out
    ("cd_threat_worse_conditions", "es", "El boss dice que si me voy a otro rancho la policía me levanta en la calle."),
]


@pytest.mark.parametrize(("item", "lang", "text"), WAVE3_FOUND)
def test_wave3_found(item, lang, text):
    assert item in extract(text, lang=lang).ids


@pytest.mark.parametrize(("item", "lang", "text"), WAVE3_NOT_FOUND)
def test_wave3_not_found(item, lang, text):
    assert item not in extract(text, lang=lang).ids
