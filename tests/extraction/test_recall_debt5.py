"""Debts, threats and the end of smuggling (group debt5, wave 5): precision first.

Each "found" sentence is one shape a new rule reads; each "not found" sentence shows a veto
that keeps an item from misreading ordinary words (wages paid in full, a screening checklist,
a question about debts, a family's land pledged for a loan, a visa said to be the employer's)
or uses a new rule's words in an innocent sense.
"""

from tests.extraction.tables import tables

FOUND = [
    # a debt owed for the trip, the ticket or the crossing (recruitment phase, whatever the cues)
    ("cr_debt_bondage", "es", "Dice que todavía le debo 900 del pasaje y que me lo descuenta cada semana."),
    ("cr_debt_bondage", "en", "The cook says she owes the manager for the plane ticket and works it off on weekends."),
    ("cr_debt_bondage", "en", "He hands us 80 dollars and says the rest of our pay is for the crossing."),
    ("cr_debt_bondage", "es", "El patrón dice que el resto es para el boleto de avión que le pagó."),
]

NOT_FOUND = [
    # the end of smuggling: wages or a final check paid in full (veto)
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "Two cooks quit in the spring and were paid out in full."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "es", "Uno renunció en abril y le dieron su último pago completo."),
    # a screening checklist about the job, not about a crossing (veto)
    ("ctx_smuggling_arrangement_ended_on_arrival", "es", "Nadie me quita el pasaporte, no le debo nada al patrón y cobro cada viernes."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "My passport is in my room, nobody threatens me and I don't owe the company a cent."),
    # leaving makes the worker illegal and the police catch him: false information (veto)
    ("cd_threat_of_denunciation", "es", "El encargado dice que la visa es de él y que si me cambio de rancho quedo ilegal y la policía me agarra."),
    ("cd_threat_of_denunciation", "en", "The manager says that if she moves to another employer she becomes illegal and the police will arrest her."),
    # what the police do to a whole class of people: false information about the law (veto)
    ("cd_threat_of_denunciation", "es", "El capataz le dice que la policía de Nevada mete a la cárcel a los que trabajan sin papeles."),
    ("cd_threat_of_denunciation", "en", "The aunt told her that in this country girls without papers go to prison."),
    # the family's land or house pledged for a loan (veto)
    ("cd_threat_worse_conditions", "es", "Le dijo que si se va antes de tiempo su mamá pierde el terreno."),
    ("cd_threat_worse_conditions", "en", "She was told that if she quits her father would lose the land."),
    # a screening question about debts, zero debt (veto)
    ("cd_debt_bondage", "en", "Asked whether he owes the farm or the recruiter any money: no."),
    ("cd_debt_bondage", "es", "Se le preguntó si le debe algo al patrón o a la agencia."),
    ("cr_debt_bondage", "en", "Asked whether she owes money for the visa or the flight, she said no."),
    ("cd_debt_bondage", "es", "todo bien en el rancho, deudas cero"),
    # a recruitment debt denied (veto)
    ("cr_debt_bondage", "en", "Nobody owes him for the trip because the grower paid the bus like the contract says."),
    # the new rules' words in an ordinary sense
    ("cr_debt_bondage", "en", "She kept some snacks for the trip and slept on the bus."),
    ("cr_debt_bondage", "en", "The company paid for the flight and we owe nothing."),
    ("cr_debt_bondage", "en", "We took a rest stop for an hour on the trip up."),
    ("cr_debt_bondage", "es", "El resto del grupo llegó para el viaje de regreso."),
    ("cr_debt_bondage", "en", "The company booked and paid the flights; nobody is charged for the trip."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
