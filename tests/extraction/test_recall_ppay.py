"""Pay indicators (group ppay): vetoes and narrowings that cut false findings.

Each "not found" sentence was found before the change and is not found after it; each
"still found" sentence shows the true reading survives the veto.
"""

from tests.extraction.tables import tables

NOT_FOUND = [
    # a denied debt is no statement about pay
    ("ex_low_or_no_salary", "es", "Dice que nadie le quita los papeles, que no le debe dinero al dueño y que vive con su prima."),
    # a disciplinary unpaid day
    ("ex_low_or_no_salary", "es", "En la carpintería el que no trae lentes de seguridad lo mandan a su casa ese día sin pago."),
    ("ex_low_or_no_salary", "en", "If you forget your gloves twice, the foreman sends you home without pay for the day."),
    # an unpaid stretch of time in a paid job (off the clock)
    ("ex_low_or_no_salary", "en", "Installers are paid per job, and the drive time between customers is unpaid."),
    ("ex_low_or_no_salary", "es", "Nos pagan por caja y el tiempo esperando el camión no lo pagan."),
    # 'no pay stubs' is record keeping
    ("ex_low_or_no_salary", "en", "The shop pays her cash every Saturday, with no pay stubs and no overtime."),
    # pay in the worker's own hands
    ("cd_withholding_of_wages", "es", "La nómina es por hora y se entregan cheques a nombre de cada empleado."),
    ("cd_withholding_of_wages", "en", "No threats reported; the bussers keep their own tips and can quit."),
    # somebody else collects the worker's check
    ("ctx_keeps_own_wages", "es", "El cheque lo cobra él y nos da 90 dólares cada sábado para la comida."),
    ("ctx_keeps_own_wages", "es", "La agencia cobra el cheque de cada muchacha y les da lo que sobra."),
    # a debt told on arrival is not a wage promise
    ("dr_wages_earnings", "es", "Al llegar a Houston los del coyote le dijeron que debía 2,500 dólares más."),
    # an agreed deduction, a refundable deposit, a fine on the company
    ("ex_wage_manipulation", "es", "Me descuentan 15 dólares por semana por el casco, eso lo firmé yo cuando entré."),
    ("ex_wage_manipulation", "en", "A $20 weekly deduction for the parking pass is in a signed agreement on file."),
    ("ex_wage_manipulation", "es", "Cobran un depósito de 30 dólares por las herramientas, que se devuelve cuando renuncias."),
    ("ex_wage_manipulation", "es", "El año pasado vino OSHA y le pusieron una multa al taller por los extintores."),
]

STILL_FOUND = [
    ("ex_low_or_no_salary", "es", "El patrón no le paga nada desde marzo y dice que le debe dinero del viaje."),
    ("ex_low_or_no_salary", "en", "She has worked at the laundry for three months without pay."),
    ("ex_low_or_no_salary", "en", "He cleans the kitchen twelve hours a day and is not paid."),
    ("ex_low_or_no_salary", "en", "They got no pay at all for the whole season."),
    ("cd_withholding_of_wages", "es", "El encargado cobra mi cheque en la tienda y me da 80 dólares."),
    ("ctx_keeps_own_wages", "es", "Tiene sus papeles, cobra su cheque él mismo y vive con su hermano."),
    ("dr_wages_earnings", "es", "El reclutador le prometió 1,600 dólares al mes en la empacadora."),
    ("ex_wage_manipulation", "es", "El mayordomo nos descuenta 50 dólares por semana por el raite sin que firmáramos nada."),
    ("ex_wage_manipulation", "en", "The boss fines us $20 if we are late."),
]

test_found, test_not_found = tables(STILL_FOUND, NOT_FOUND)
