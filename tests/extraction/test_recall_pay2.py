"""Pay indicators, second pass (group pay2): vetoes for the innocent readings and a few recall shapes.

Each "not found" sentence is either a false reading a veto now drops or an ordinary sentence
that uses a new rule's words and must stay silent; each "found" sentence is a true reading
(a new rule's shape, or a true sentence a veto must leave alone).
"""

from tests.extraction.tables import tables

NOT_FOUND = [
    # an extra task on a rest day 'sin pago' is a forced task, not the job's pay
    ("ex_low_or_no_salary", "es", "Pizcamos de 6 a 6 y los domingos nos lleva a limpiar la huerta de su hermano sin pagarnos."),
    ("ex_low_or_no_salary", "en", "On Sundays he sends us to shovel snow at his house, no pay for that."),
    # an unpaid stretch of a paid job, a fee never paid back
    ("ex_low_or_no_salary", "en", "Drive time between sites (up to 4 hrs) not paid."),
    ("ex_low_or_no_salary", "en", "8-14 unpaid OT hrs/wk per tech."),
    ("ex_low_or_no_salary", "en", "The hotel never paid back the visa fee and the plane ticket."),
    ("ex_low_or_no_salary", "es", "En la bodega nos tienen esperando dos horas sin pagar antes de marcar."),
    # a recruitment fee is no deduction from wages
    ("ex_wage_manipulation", "en", "The recruiter charged me 30,000 pesos for the list, and my father borrowed it against his land."),
    ("ex_wage_manipulation", "en", "An agency in Manila charged her 180,000 pesos for a placement at a hospital."),
    # someone else holds the pay: not the worker keeping his own wages
    ("ctx_keeps_own_wages", "en", "He keeps my whole check every Friday and gives me $40 for food."),
    ("ctx_keeps_own_wages", "en", "Her pay goes into an account the woman opened and whose card she keeps; she gets $40 a week."),
    ("ctx_keeps_own_wages", "es", "El pago lo deposita a su cuenta de ella y a mí me da 60 dólares el domingo."),
    # the worker has his pay: nothing withheld
    ("cd_withholding_of_wages", "en", "Pay goes by direct deposit to his own account every Friday and he rents his own apartment."),
    ("cd_withholding_of_wages", "en", "Nobody has her passport, nobody takes her paycheck, and she goes to town when she wants."),
    # a set amount off the check is a deduction, not pay withheld
    ("cd_withholding_of_wages", "en", "He also took $300 off my last check for a prop I dinged on a rock."),
    ("cd_withholding_of_wages", "en", "Owner takes 20% of our tips every night for the house."),
    # pay reported now is no wage promised at recruitment
    ("dr_wages_earnings", "en", "Workers said they get $60 a day cash and install from 7 in the morning."),
    ("dr_wages_earnings", "es", "Dos dijeron que reciben 100 dólares a la semana."),
    # ordinary sentences with the new rules' words
    ("ctx_keeps_own_wages", "es", "El estacionamiento del centro cobra por hora."),
    ("ctx_keeps_own_wages", "es", "El abogado cobra por hora y manda la factura cada mes."),
    ("ctx_keeps_own_wages", "es", "Mi esposo cambia dólares en el banco cuando viaja a México."),
    ("ctx_keeps_own_wages", "es", "El paquete llega a nombre de mi hermana el lunes."),
    ("ctx_keeps_own_wages", "en", "The news report shows hourly traffic on the bridge."),
    ("ctx_keeps_own_wages", "en", "She works overtime in the same office as her sister."),
    ("ex_low_or_no_salary", "en", "The food bank received $300 in total from the church drive."),
    ("ex_low_or_no_salary", "en", "The team received 12 points total this season."),
    ("ex_low_or_no_salary", "en", "She has received $5,000 total from the scholarship fund."),
]

FOUND = [
    # new shapes
    ("ctx_keeps_own_wages", "es", "El cheque llega a mi nombre cada semana."),
    ("ctx_keeps_own_wages", "es", "El hijo le dijo que le pagan por hora con overtime y que tiene sus papeles."),
    ("ctx_keeps_own_wages", "es", "Los trabajadores cobran por hora con talón de cheque y viven en sus casas."),
    ("ctx_keeps_own_wages", "en", "It's hourly with the overtime on the paystub, and my guard card stays in my wallet."),
    ("ctx_keeps_own_wages", "en", "Payroll shows hourly pay with overtime and per diem deposited weekly."),
    ("ctx_keeps_own_wages", "es", "Tiene su pasaporte, cambia su cheque en el banco del pueblo y se puede regresar cuando quiera."),
    ("ctx_keeps_own_wages", "es", "El jefe me da mi cheque y yo lo cambio en el banco."),
    ("ex_low_or_no_salary", "en", "He has received $140 total after 11 days in the field."),
    # true readings the vetoes leave alone
    ("ex_low_or_no_salary", "en", "He cleans the kitchen twelve hours a day and is not paid."),
    ("ex_low_or_no_salary", "es", "El patrón no le paga nada desde marzo y dice que le debe dinero del viaje."),
    ("ex_wage_manipulation", "en", "The boss fines us $20 if we are late."),
    ("cd_withholding_of_wages", "en", "The contractor takes $200 out of every check for the debt."),
    ("ctx_keeps_own_wages", "es", "Tiene sus papeles, cobra su cheque él mismo y vive con su hermano."),
    ("dr_wages_earnings", "es", "El reclutador le prometió 1,600 dólares al mes en la empacadora."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
