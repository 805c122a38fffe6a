"""Vulnerability and dependency (group vuln5, wave 5): rules, narrowed patterns and vetoes.

The worker's legal status is counted where the worker is: the legal-status rules name
vd_relationship_authorities_legal_status for good, and a pattern hit moved to the recruitment
twin (vr_illegal_status) by an agency or trip cue is dropped. The economic and family patterns
no longer read a lawful motive, a slow season or a sick relative as a vulnerability. Each
"found" sentence is one shape a new rule reads; each "not found" sentence uses the same words
in an ordinary, innocent sense or shows a narrowed pattern or a veto.
"""

from tests.extraction.tables import tables

FOUND = [
    # entered on a visitor visa, even when an agency or a trip is named in the sentence
    ("vd_relationship_authorities_legal_status", "en", "She came on a tourist visa after paying an agency for a hotel job."),
    ("vd_relationship_authorities_legal_status", "en", "He entered on a B-2 visa that the broker arranged."),
    ("vd_relationship_authorities_legal_status", "es", "Llegó con visa de turista y una agencia le consiguió el trabajo."),
    # legal-status rules are not moved to the recruitment twin
    ("vd_relationship_authorities_legal_status", "es", "El reclutador dijo que los que vienen sin papeles no se quejan."),
    # "dont have papers" without the apostrophe
    ("vd_relationship_authorities_legal_status", "en", "the boss knows we dont have papers so he pays what he wants"),
    # put on the payroll under another name
    ("vd_relationship_authorities_legal_status", "es", "El encargado la tiene en la nómina con otro nombre."),
    ("vd_relationship_authorities_legal_status", "es", "A mi primo lo anotaron con otro nombre en la planta."),
    # fake papers
    ("vd_relationship_authorities_legal_status", "es", "Trabaja con papeles chuecos que le vendió el supervisor."),
    ("vd_relationship_authorities_legal_status", "es", "El patrón le guarda la mica falsa con la que entró a la fábrica."),
    # only the boss drives: no way to move without him
    ("vd_dependency_on_exploiters", "en", "The men can buy groceries only when the contractor drives them to town."),
    ("vd_dependency_on_exploiters", "es", "El campo está lejos del pueblo y solo el encargado maneja."),
    # a psychiatric condition, a mental illness, Down syndrome
    ("vr_personal_situation", "en", "The man has a psychiatric illness and the owner handles his benefits."),
    ("vr_personal_situation", "en", "She stays at the group home because of her depression."),
    ("vr_personal_situation", "en", "A worker with Down syndrome bags groceries on the night shift."),
    ("vr_personal_situation", "es", "La señora tiene un trastorno mental y el dueño maneja su dinero."),
    ("vr_personal_situation", "es", "Mi hermano sufre de esquizofrenia desde joven."),
    # living rough
    ("vr_personal_situation", "en", "He was sleeping on the street in Tulsa when the crew boss picked him up."),
    ("vr_personal_situation", "es", "Dormía en la calle cuando un contratista le ofreció trabajo."),
    # a false claim about what the law does to a class of people
    ("vr_false_information_law_authorities", "en", "The recruiter told her that women without papers go to prison here."),
    ("vr_false_information_law_authorities", "en", "He says workers who overstay go to jail for years."),
    ("vr_false_information_law_authorities", "es", "La patrona dice que las empleadas que se escapan van a la cárcel."),
    # a pending asylum case, no status: named where the worker is, even when an agent is in the sentence
    ("vd_relationship_authorities_legal_status", "en", "He was released with an asylum case pending and the agent's contact drove him to the shop."),
    ("vd_relationship_authorities_legal_status", "es", "Llegó en lancha y no tiene estatus; pagó al organizador antes de salir."),
]

NOT_FOUND = [
    # the recruitment twin of legal status is not named
    ("vr_illegal_status", "en", "An agency in Manila charged her $4,000 and she came on a tourist visa."),
    ("vr_illegal_status", "es", "Un reclutador los trajo sin papeles en una camioneta."),
    # narrowed economic pattern: a lawful motive, a slow season, a poor room
    ("vr_economic_reasons", "en", "I can quit when I want, I just need the money they owe me."),
    ("vr_economic_reasons", "es", "En diciembre cierran por vacaciones y no hay trabajo, pero me pagan a mi cuenta."),
    ("vr_economic_reasons", "en", "Poor ventilation in the packing room after the compost fill."),
    ("vr_economic_reasons", "en", "I work at the hotel to send money home to my parents every month."),
    # narrowed family pattern: a sick relative, a wife who left papers with someone
    ("vr_family_situation", "en", "When my daughter was sick I took a month off and they hired me back."),
    ("vr_family_situation", "es", "Ella cree que el esposo está enfermo porque tose mucho."),
    ("vr_family_situation", "en", "My wife left the land papers with the notary for the sale."),
    # papeles ... falsa / otro nombre in an ordinary sense
    ("vd_relationship_authorities_legal_status", "es", "Los papeles del contrato estaban en orden y la alarma fue falsa."),
    ("vd_relationship_authorities_legal_status", "es", "La trabajadora social dijo que el rumor era falso."),
    ("vd_relationship_authorities_legal_status", "es", "El restaurante ahora trabaja bajo otro dueño y con otro menú."),
    # only ... drives / solo ... maneja in an ordinary sense
    ("vd_dependency_on_exploiters", "en", "The kids only go to the park when their dad drives them."),
    ("vd_dependency_on_exploiters", "es", "Ella solo maneja de día porque no ve bien de noche."),
    ("vd_dependency_on_exploiters", "en", "She only drives on weekends; the rest of the week she takes the bus."),
    # psychiatric / depression / Down syndrome / mental in an ordinary sense
    ("vr_personal_situation", "en", "The psychiatric nurse works the day shift at the county hospital."),
    ("vr_personal_situation", "en", "She works as a cook at a psychiatric hospital."),
    ("vr_personal_situation", "en", "The Great Depression hit the town hard."),
    ("vr_personal_situation", "en", "A tropical depression brought rain to the fields."),
    ("vr_personal_situation", "en", "There is a depression in the road near the gate."),
    ("vr_personal_situation", "en", "He walked down the hall and the syndrome clinic was closed."),
    ("vr_personal_situation", "en", "The down payment on the syndrome study center was made in May."),
    ("vr_personal_situation", "en", "Go down the stairs; the syndrome poster is on the left."),
    ("vr_personal_situation", "es", "El doctor estudia la esquizofrenia en la universidad."),
    ("vr_personal_situation", "es", "La clase de psicología habla de la psicosis."),
    ("vr_personal_situation", "es", "La enfermedad del ganado no es mental, es un virus."),
    ("vr_personal_situation", "es", "El diagnóstico del mecánico fue rápido y el carro quedó bien."),
    # an address on a street (veto)
    ("vr_personal_situation", "en", "She lives on the street behind the church and walks to the bakery."),
    ("vr_personal_situation", "es", "Mi tía vive en la calle 8 con sus hijos y trabaja en una panadería."),
    # going to prison told of one person's own case, not a claim about the law
    ("vr_false_information_law_authorities", "en", "My cousin's husband went to prison in 2019 for a DUI."),
    # asylum / status words in an ordinary sense
    ("vd_relationship_authorities_legal_status", "en", "The church runs an asylum-law clinic; its grant application is pending."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
