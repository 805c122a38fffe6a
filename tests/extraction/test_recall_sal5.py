"""Pay amounts and deductions (group sal5, wave 5): vetoes for innocent readings of the pay
items, then rules for shapes the rule layers missed.

Each "found" sentence is one shape a new rule reads; each "not found" sentence shows a veto
(a language spoken a little, a per diem on top of pay, an extra task left unpaid, a recruiter's
fee, another sense of "take out", "fine" or "dock", a deduction the worker signed) or uses a
new rule's words in an ordinary, lawful sense (a store's change, a locker's price, a
discount, what the worker earns).
"""

from tests.extraction.tables import tables

FOUND = [
    # a dollar a day (or an hour) for the work
    ("ex_low_or_no_salary", "en", "In the detention kitchen they pay us one dollar a day for a twelve-hour shift."),
    ("ex_low_or_no_salary", "en", "She scrubbed the barracks every morning for a dollar a day."),
    ("ex_low_or_no_salary", "es", "Lavamos la ropa de todo el centro y nos pagan un dólar al día."),
    # a few hundred dollars received in weeks or months
    ("ex_low_or_no_salary", "en", "The boss keeps the checks and he has received $150 in eight weeks."),
    ("ex_low_or_no_salary", "es", "Trabaja todos los días y solo ha recibido 300 dólares en dos meses."),
    # the man who cashes the checks hands the worker a few dollars
    ("ex_low_or_no_salary", "es", "El encargado cambia los cheques y nos entrega 60 dólares cada sábado."),
    ("ex_low_or_no_salary", "es", "Se queda con la tarjeta de débito y me regresa 40 dólares para la comida."),
    # so much a day or a week charged to the worker
    ("ex_wage_manipulation", "es", "El contratista nos cobra 90 dólares a la semana por un catre en la bodega."),
    ("ex_wage_manipulation", "es", "El raitero les cobra 12 diarios por llevarlos al campo."),
    # what is left of the pay said to go to the room or the ride
    ("ex_wage_manipulation", "es", "Nos da 70 el viernes y dice que lo demás es para la renta y el raite."),
    # an amount taken off the check
    ("ex_wage_manipulation", "en", "The foreman took $120 off my check for a ladder that broke."),
    ("ex_wage_manipulation", "en", "Every time a box is short she takes $25 from our pay."),
    ("ex_wage_manipulation", "es", "Cuando se rompe una pala el mayordomo nos quita 40 por la herramienta."),
    ("ex_wage_manipulation", "es", "La semana pasada me descontó 150 por un parabrisas que ya estaba roto."),
]

NOT_FOUND = [
    # veto: how little of a language someone speaks
    ("ex_low_or_no_salary", "es", "El señor habla zapoteco y muy poco español."),
    ("ex_low_or_no_salary", "es", "Las dos muchachas hablan casi nada de inglés."),
    # veto: a per diem on top of the hourly pay
    ("ex_low_or_no_salary", "en", "The company pays $22 an hour and $60 a day per diem on top."),
    ("ex_low_or_no_salary", "es", "Nos pagan 25 la hora y 50 dólares al día de viáticos."),
    # veto: an extra task or stretch left unpaid while the job is paid
    ("ex_low_or_no_salary", "en", "On weekends he has me wash his trucks, no pay for that."),
    ("ex_low_or_no_salary", "es", "Después del turno me pone a barrer su taller y eso no me lo paga."),
    ("ex_low_or_no_salary", "es", "Nos pagan por caja pero no pagan aparte los descansos."),
    # veto: a recruitment fee set by an agency abroad
    ("ex_wage_manipulation", "en", "An agency in Jakarta charged him 30 million rupiah for the visa."),
    ("ex_wage_manipulation", "en", "The recruiter in Lima charged me $3,000 for processing and I borrowed it."),
    # veto: other senses of take out, fine and dock
    ("ex_wage_manipulation", "en", "She is only allowed out to take out the trash."),
    ("ex_wage_manipulation", "en", "A van takes them out to the fields at six."),
    ("ex_wage_manipulation", "en", "Tell mom I'm fine for now."),
    ("ex_wage_manipulation", "en", "A forklift driver was hurt on dock 14 this morning."),
    # veto: a deduction or instalment the worker signed for
    ("ex_wage_manipulation", "es", "El descuento por las botas está firmado por cada trabajador."),
    ("ex_wage_manipulation", "es", "Nos cobra 40 a la semana por el cuarto, como dice el papel que firmamos."),
    ("ex_low_or_no_salary", "es", "Paga el préstamo del carro con $80 por quincena según acuerdo firmado."),
    # the new rules' words in an ordinary sense
    ("ex_low_or_no_salary", "en", "You can rent a locker at the station for a dollar a day."),
    ("ex_low_or_no_salary", "en", "Parking downtown is one dollar an hour."),
    ("ex_low_or_no_salary", "en", "We pay a dollar a day for the locker by the gate."),
    ("ex_low_or_no_salary", "en", "At the new shop I make one dollar an hour more than last year."),
    ("ex_low_or_no_salary", "es", "La cajera me regresa 20 dólares de cambio."),
    ("ex_low_or_no_salary", "es", "La tienda me devuelve 30 dólares por las botas rotas."),
    ("ex_low_or_no_salary", "en", "The food bank has received $500 in donations this month."),
    ("ex_wage_manipulation", "es", "Los ayudantes cobran 150 dólares por día y se van a su casa."),
    ("ex_wage_manipulation", "es", "Yo cobro 700 a la semana en el taller, con cheque a mi nombre."),
    ("ex_wage_manipulation", "es", "Lo demás de la casa está limpio y ordenado."),
    ("ex_wage_manipulation", "en", "The store took $10 off the price because the box was damaged."),
    ("ex_wage_manipulation", "en", "I took 2 days off for my daughter's wedding."),
    ("ex_wage_manipulation", "es", "En el examen me quitaron 2 puntos por la ortografía."),
    ("ex_wage_manipulation", "es", "La maestra nos quitó 10 minutos del recreo por portarnos mal."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
