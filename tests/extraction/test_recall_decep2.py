"""Recruitment debts, recruitment charges and a smuggling deal that ended (group decep2).

Each "found" sentence is a shape the stem rules added for this group now say; each "not
found" sentence uses the same words in an ordinary story and must stay silent.
"""

from tests.extraction.tables import tables

FOUND = [
    # no leaving and no pay until the trip is paid off
    ("cr_debt_bondage", "es", "Cuando pidió su pago le contestaron que primero termina de pagar los 9 mil del viaje."),
    ("cr_debt_bondage", "es", "Dice que hasta que le pague el boleto de avión me devuelve el pasaporte."),
    # the pay kept for the trip
    ("cr_debt_bondage", "en", "The uncle keeps his pay for the $5,000 trip from Guatemala."),
    ("dr_travel_recruitment_conditions", "en", "The driver keeps his whole pay for bringing him from Honduras."),
    # the recruiter's charge, told recruiter first
    ("dr_travel_recruitment_conditions", "es", "La agencia en Sao Paulo le cobró 2,800 reales y le aseguró fines de semana libres."),
    ("dr_travel_recruitment_conditions", "es", "El contratista me cobró dos mil dólares diciendo que el farmer me iba a arreglar los papeles."),
    # paying the owner to learn the trade
    ("dr_travel_recruitment_conditions", "es", "En el salón las muchachas pagaron 100 dólares por aprender y trabajaron semanas sin sueldo."),
    # the visa and travel costs an H-2 employer must pay back, not paid back
    ("dr_travel_recruitment_conditions", "es", "El patrón no le devolvió lo del camión como debe."),
    ("dr_travel_recruitment_conditions", "es", "El vuelo a Fresno todavía no nos lo devolvió y ya pasó la mitad del contrato."),
    # let go on arrival owing nothing
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "My uncle paid the coyote and in Tucson they let me go, I didn't owe anybody."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "He was let go in Phoenix owing nothing."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "es", "Mi hermano le pagó al coyote y en Tucson me dejaron ir sin deberles nada."),
]

NOT_FOUND = [
    # review (2026-12-07): the rate, 'los pedí prestados' and 'lo demás es para el viaje' rules were dropped for these
    ("cr_debt_bondage", "es", "Los libros los pedí prestados a la biblioteca."),
    ("cr_debt_bondage", "es", "La tarjeta de crédito cobra 3 por ciento al mes."),
    ("cr_debt_bondage", "en", "She borrowed at 5 percent a month from the credit union to buy a car."),
    ("cr_debt_bondage", "en", "We keep some money for the trip home at Christmas."),
    ("cr_debt_bondage", "es", "Ahorré todo el año hasta pagar el viaje a la playa con mis hijos."),
    ("cr_debt_bondage", "es", "Primero compramos la comida y después pagamos los boletos del cine."),
    ("cr_debt_bondage", "en", "She keeps her own pay and saves it for the trip home at Christmas."),
    ("cr_debt_bondage", "en", "The company pays for the flight and the visa, as the contract says."),
    ("dr_travel_recruitment_conditions", "en", "He takes the bus to the plant and keeps his money in the bank."),
    ("cr_debt_bondage", "es", "El resto del grupo se fue de viaje a la sierra el fin de semana."),
    ("cr_debt_bondage", "es", "Mi vecina me pidió prestado el carro para ir al doctor."),
    ("cr_debt_bondage", "es", "Los libros que pedí prestados en la biblioteca ya los devolví."),
    ("cr_debt_bondage", "en", "The bank raised the rate on savings at the start of the month."),
    ("dr_travel_recruitment_conditions", "es", "La agencia de viajes nos mandó los boletos por correo."),
    ("dr_travel_recruitment_conditions", "es", "El contratista terminó la obra en tres semanas."),
    ("dr_travel_recruitment_conditions", "es", "Mi hijo pagó la inscripción de la escuela y empezó a aprender inglés."),
    ("dr_travel_recruitment_conditions", "es", "La tienda no me devolvió el dinero de los zapatos."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "The teacher let the kids go early because of the snow."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "es", "Mi mamá me dejó ir a la fiesta con mis primos."),
    ("ctx_smuggling_arrangement_ended_on_arrival", "en", "They let me go at five and I went home to my family."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
