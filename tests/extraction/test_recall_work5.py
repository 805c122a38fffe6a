"""Working and living conditions (group work5, wave 5, precision first): narrowed rules and
vetoes for innocent readings the rule layers took for evidence, and the shapes they keep.

Each "found" sentence is a shape a kept or narrowed rule still reads; each "not found" sentence
uses the same words in an ordinary, lawful sense (a debt to a smuggler, a cash drawer that comes
up short, a promise kept "as the contract says", a room the worker rents, an injury a boss gave)
or shows a veto that keeps the rule from misreading it.
"""

from tests.extraction.tables import tables

FOUND = [
    # the employer still owes the worker ("me quedó debiendo"), narrowed from any "quedó debiendo"
    ("ex_labour_law_or_contract_breached", "es", "El patrón me quedó debiendo tres semanas de trabajo cuando terminó la obra."),
    ("ex_labour_law_or_contract_breached", "es", "Nos quedaron a deber los últimos dos cheques de la temporada."),
    # a short check or short pay (the word "short" alone no longer counts)
    ("ex_labour_law_or_contract_breached", "en", "My last paycheck came up short again."),
    ("ex_labour_law_or_contract_breached", "en", "The pay was short again this week and nobody explains why."),
    ("ex_labour_law_or_contract_breached", "en", "The foreman shorted the whole crew on hours again."),
    # the contract or the law not followed still counts despite the "as the contract says" veto
    ("ex_labour_law_or_contract_breached", "en", "They pay us 12 an hour instead of 15 like the contract says."),
    ("ex_labour_law_or_contract_breached", "es", "Nadie me amenaza; nomás quiero que me paguen el overtime como dice la ley."),
    # sleeping in a pump house or boiler room (the plain word "house" no longer counts)
    ("ex_bad_living_conditions", "en", "Two of the milkers sleep in the pump house next to the lagoon."),
    ("ex_bad_living_conditions", "en", "The night man has to sleep in the boiler room on a folding chair."),
    # a rented room that is crowded or bare still counts despite the rented-room veto
    ("ex_bad_living_conditions", "es", "Vivimos en un cuarto que nos renta el patrón, dormimos ocho en el piso."),
    # money for the room does not hide crowding
    ("ex_bad_living_conditions", "es", "Nos quitan 100 a la semana por el cuarto y dormimos 9 en un cuarto."),
    # a work injury next to the boss's yelling is still a hazard when gear is missing
    ("ex_hazardous_work", "es", "El encargado lo empujó contra la mesa y se cortó la mano porque trabaja sin guantes."),
]

NOT_FOUND = [
    # a debt to the smuggler, not an employer's unpaid wages (narrowed debiendo rule)
    ("ex_labour_law_or_contract_breached", "es", "Le pagué la mitad al coyote y quedé debiendo 4 mil."),
    ("ex_labour_law_or_contract_breached", "es", "Su familia pagó el viaje y él quedó debiendo el resto."),
    # "short" of a register or a worker (narrowed shorted rule), and pay or a stub near an innocent "short"
    ("ex_labour_law_or_contract_breached", "en", "If the drawer comes up short at closing we count it again together."),
    ("ex_labour_law_or_contract_breached", "en", "We were short a man on the crew so the owner helped load."),
    ("ex_labour_law_or_contract_breached", "en", "If the register is short at closing we count it again, nothing comes out of our pay."),
    ("ex_labour_law_or_contract_breached", "en", "I get paid every Friday and my commute to the shop is short."),
    ("ex_labour_law_or_contract_breached", "en", "We get our pay stub every week, and the shifts are short in winter."),
    # a promise kept "as the contract says"
    ("ex_labour_law_or_contract_breached", "en", "If I want to leave I give two weeks notice and they buy the ticket home like the contract says."),
    ("ex_labour_law_or_contract_breached", "es", "El cuarto es gratis y el transporte también, como dice el contrato."),
    # pay topped up to the minimum wage
    ("ex_labour_law_or_contract_breached", "en", "Pickers are paid by the bin and topped up to minimum wage each week, all on the stub."),
    ("ex_labour_law_or_contract_breached", "en", "The kitchen staff are now paid the state minimum wage by the hour."),
    # a sum for the room is not crowding
    ("ex_bad_living_conditions", "es", "Me descuentan 200 al mes por la casa y está en el contrato."),
    ("ex_bad_living_conditions", "es", "El dueño le cobra 150 por el cuarto cada quincena."),
    # a room the worker rents, or the boss sleeping next door
    ("ex_bad_living_conditions", "es", "Duermo en un cuarto que rento yo en el pueblo y me pagan cada viernes."),
    ("ex_bad_living_conditions", "es", "Vive en un cuarto que le renta el mismo dueño del taller."),
    # living in a house, the boss's or a rented one
    ("ex_bad_living_conditions", "en", "I live in his house with my two kids and he pays me every Friday."),
    ("ex_bad_living_conditions", "en", "We live in a house the company rents near the plant."),
    # a cut or a burn a boss gave is violence, not a hazard of the work
    ("ex_hazardous_work", "es", "Tenía una cortada en la ceja; dijo que el capataz le pegó con un mazo."),
    ("ex_hazardous_work", "es", "Tiene la mano toda quemada porque el jefe le aventó el aceite caliente."),
    ("ex_hazardous_work", "en", "He had a fresh burn on his arm and said the owner's son pressed a hot rod on him."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
