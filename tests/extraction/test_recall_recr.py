"""Deceptive recruitment and debts (group recr): new shapes, and vetoes that cut false findings.

FOUND sentences state the indicator in a shape the rules now read; NOT_FOUND sentences use
the same words in an ordinary, innocent way (a car loan, a school trip, a teacher's plan)
or give the evidence an innocent reading that a veto now recognises.
"""

from tests.extraction.tables import tables

FOUND = [
    # the worker pays off or works off the trip the boss paid for
    ("dr_travel_recruitment_conditions", "en", "He says the rest of my pay goes to pay off the plane ticket the owner bought me."),
    ("cr_debt_bondage", "en", "He says the rest of my pay goes to pay off the plane ticket the owner bought me."),
    ("dr_travel_recruitment_conditions", "en", "The rancher said I would have to pay back the whole airfare."),
    ("dr_travel_recruitment_conditions", "es", "Dicen que lo trajo de Guatemala y que lo tiene trabajando para pagar el viaje."),
    ("cr_debt_bondage", "es", "Dicen que lo trajo de Guatemala y que lo tiene trabajando para pagar el viaje."),
    # a promissory note signed for the recruiter, the spot or the fares
    ("cr_debt_bondage", "es", "El enganchador me cobró 30,000 pesos y mi papá firmó un pagaré con su terreno."),
    ("dr_travel_recruitment_conditions", "es", "Los padres firmaron un pagaré de 4,000 dólares por los pasajes."),
    # papers or the worker held until the debt is paid
    ("cd_debt_bondage", "en", "She holds their IDs and passports until its paid off."),
    # a debt for lodging and food owed to the boss, told as such
    ("cd_debt_bondage", "en", "At the grow they said we owed for the ride, the food and the tent, and nobody got anything."),
    ("cd_debt_bondage", "es", "Mami, el señor de aquí dice que le debo el raite y el cuarto."),
    # a recruiter's promise to the parents that the child would study
    ("dr_access_to_education", "es", "Mi tía le dijo a mi papá que en Estados Unidos yo iba a estudiar y aprender inglés."),
    ("dr_access_to_education", "en", "My uncle told my mother in Lome that I could study in America to be a nurse."),
    # the vetoes keep a promise of papers and an ad whose promise turned
    ("dr_legal_documentation_migration_status", "en", "A man from my church said his cousin would sponsor my work permit."),
    ("dr_nature_of_job_location_employer", "es", "Vine por un anuncio en Facebook que decía trabajo en viñedo, pero me pusieron a limpiar establos."),
]

NOT_FOUND = [
    # paying off or back something that is not the worker's passage
    ("dr_travel_recruitment_conditions", "en", "We saved for a year to pay off the car before our trip to Florida."),
    ("cr_debt_bondage", "en", "I will pay you back for the concert tickets next week."),
    ("dr_travel_recruitment_conditions", "es", "Trabaja para pagar el viaje de graduación de su hija."),
    ("cr_debt_bondage", "es", "Ahorramos todo el año; trabajo para pagar el viaje a la playa."),
    ("cr_debt_bondage", "es", "Trabaja para pagar el viaje de graduación de su hija."),
    # an ordinary promissory note
    ("cr_debt_bondage", "es", "Mi papá firmó un pagaré con el banco para comprar la casa."),
    ("dr_travel_recruitment_conditions", "es", "Firmaron el pagaré del terreno en la notaría."),
    ("cr_debt_bondage", "es", "Firmaron el pagaré del terreno en la notaría."),
    # a purchase held until it is paid for
    ("cd_debt_bondage", "en", "The store holds the couch until it is paid off."),
    ("cr_debt_bondage", "en", "The store holds the couch until it is paid off."),
    ("cd_debt_bondage", "en", "She stayed until the bill was paid at the restaurant."),
    # an ordinary bill, an ordinal
    ("cd_debt_bondage", "es", "La escuela debe el cuarto mes de renta del edificio."),
    ("cd_debt_bondage", "es", "Debo la comida que pedí ayer, mañana la pago."),
    # a teacher's plan, a student's own plan
    ("dr_access_to_education", "es", "La maestra dijo que íbamos a estudiar fracciones mañana."),
    ("dr_access_to_education", "en", "She told me she would study medicine next year."),
    ("dr_access_to_education", "en", "The teacher said they would hold classes online."),
    # veto: weeks of pay the employer owes the worker are withheld wages, not a debt that binds
    ("cd_debt_bondage", "es", "El patrón le debe seis semanas de pago."),
    ("cd_debt_bondage", "es", "Dice que el que se vaya pierde las 3 semanas que nos debe."),
    ("cd_debt_bondage", "en", "He said fine but he keeps the 3 weeks he owes me."),
    # veto: a personal loan repaid by agreement
    ("cd_debt_bondage", "es", "Uno dijo que debe dinero, pero es un préstamo de su cuñado para la boda."),
    ("cd_debt_bondage", "es", "Sí, yo le debo al patrón $1,200, pero fue un préstamo que yo le pedí para el hospital de mi hija."),
    # veto: the employer paid the visa and the travel
    ("dr_travel_recruitment_conditions", "es", "La empresa pagó todas las cuotas de la visa."),
    ("dr_travel_recruitment_conditions", "en", "Agency paid all visa fees."),
    # narrowing: the contract ('contrato') is not a contractor, wages are not a fee
    ("dr_travel_recruitment_conditions", "es", "Solo queremos que nos paguen lo que dice el contrato."),
    ("dr_travel_recruitment_conditions", "en", "Crew boss holds all pay until the builder pays the job."),
    # veto: papers named in a threat or a hold are no lie about status
    ("dr_legal_documentation_migration_status", "en", "Boss told him the hospital asks for papers and calls ICE."),
    ("dr_legal_documentation_migration_status", "en", "The manager said one call to the sponsor and my visa is finished."),
    ("dr_legal_documentation_migration_status", "es", "Me dijo que me aguante, que en la clínica piden papeles y llaman a inmigración."),
    # veto: a job found alone, through an ad or a friend's word
    ("dr_nature_of_job_location_employer", "es", "Un amigo me dijo que en una compañía de granito buscaban ayudante; fui yo solo a pedir el trabajo. Me pagan cada semana."),
    ("dr_nature_of_job_location_employer", "es", "Vi un anuncio en el periódico de una compañía que buscaba ayudantes y fui yo solo. Me pagan por hora."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
