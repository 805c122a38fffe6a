"""Pay indicators (group wage, wave 3): stem rules for shapes the rule layers missed.

Each "found" sentence is one shape a new rule reads (one or more per rule); each "not
found" sentence uses the same words in an ordinary, innocent sense (a wallet, a bus ride, a
team, a landlord, a remittance) or shows a veto that keeps the new rule from misreading it.
"""

from tests.extraction.tables import tables

FOUND = [
    # no pay until a debt is paid off
    ("cd_withholding_of_wages", "en", "He was told he gets no pay until the $9,000 for his trip is paid back."),
    ("cd_withholding_of_wages", "en", "Mr. D. works every day and is not paid because he still owes for the trip."),
    ("cd_withholding_of_wages", "es", "No le han pagado desde septiembre porque todavía debe el pasaje."),
    # the first (or last) weeks of pay kept as a deposit
    ("cd_withholding_of_wages", "en", "The employer keeps their final two weeks of wages until they board the return bus."),
    ("cd_withholding_of_wages", "en", "Four say the first two weeks are kept as a deposit until they leave."),
    ("cd_withholding_of_wages", "es", "El boss se quedó con los primeros dos cheques de depósito, por si te vas antes."),
    # the check "lo cobra él"
    ("cd_withholding_of_wages", "es", "El check lo cobra él y dice que se lo manda a mi mamá."),
    ("cd_withholding_of_wages", "es", "Las propinas las recoge el encargado al cerrar."),
    # an amount taken for the room, the ride, the tools
    ("ex_wage_manipulation", "en", "The boss takes 80 every week for the house, that's not in the contract."),
    ("ex_wage_manipulation", "es", "La casa no es gratis, nos quitan 120 semanales por un trailer donde dormimos nueve."),
    # a cut or a percentage of the pay or the tips
    ("ex_wage_manipulation", "en", "Their agency holds their passports and takes a cut of every paycheck."),
    ("ex_wage_manipulation", "en", "The owner keeps 15% of card tips as processing."),
    # what is left of the week's pay
    ("ex_low_or_no_salary", "es", "Al final del mes me quedaron 90 dólares."),
    # paid in kind, paid only in tips
    ("ex_low_or_no_salary", "es", "El jefe les pagaba con alcohol y crack en vez de dinero."),
    ("ex_low_or_no_salary", "es", "El dueño les paga solo con propinas y dice que son independientes."),
    # paid less than promised; the earnings a recruiter named
    ("dr_wages_earnings", "es", "Nos pagan menos de lo que prometieron y nos quitan para la casa."),
    ("dr_wages_earnings", "en", "The broker said I would earn enough in Hawaii to pay back the fee in four months."),
    ("dr_wages_earnings", "en", "A guy from my town said I would make fifteen thousand dollars in three months."),
    ("dr_wages_earnings", "es", "Un enganchador dijo que en Alaska se ganaban 8 mil dólares en el verano."),
    # the worker's own pay reaches the worker
    ("ctx_keeps_own_wages", "es", "Trabajo en una bodega, el cheque me llega a mí y pago la renta."),
    ("ctx_keeps_own_wages", "en", "My paycheck comes to me every two weeks."),
    ("ctx_keeps_own_wages", "en", "The money is ok, he pays me Friday and I keep it."),
    ("ctx_keeps_own_wages", "en", "Caller is paid daily and lives with his brother."),
    ("ctx_keeps_own_wages", "en", "Nobody takes our IDs and the boss pays Friday like clockwork."),
    ("ctx_keeps_own_wages", "es", "Al cerrar contamos el dinero juntas y me paga por Zelle 17 la hora."),
    ("ctx_keeps_own_wages", "es", "Trabajo con un contratista que me paga por check."),
    # asked for the pay, told it is kept or owed
    ("cd_withholding_of_wages", "es", "Cuando yo le pedía mi dinero contestaba que me lo estaba guardando para cuando regresara."),
    ("cd_withholding_of_wages", "en", "When he asked for his first two weeks of pay, the lead said he owes him $1,800 for the flight."),
    # a charge taken from every check, so much a week
    ("ex_wage_manipulation", "en", "Room and board comes out of every check, plus a fee for the boots."),
    ("ex_wage_manipulation", "en", "They put us in a trailer the size of a closet and take $60 a week for it."),
    ("ctx_keeps_own_wages", "es", "Los trabajadores tienen sus documentos y reciben su pago directamente."),
    # a veto's exception: the job itself unpaid
    ("ex_low_or_no_salary", "es", "Limpia la casa del dueño sin pago y no le pagan nada desde hace meses."),
]

NOT_FOUND = [
    # a bill the speaker did not pay; a bank closed
    ("cd_withholding_of_wages", "en", "I didn't pay the bill because I thought it was already paid."),
    ("cd_withholding_of_wages", "es", "No pagamos la luz hasta el viernes porque el banco está cerrado."),
    # first weeks, first month, first house: no pay kept
    ("cd_withholding_of_wages", "en", "We kept the first two weeks of the course free for new students."),
    ("cd_withholding_of_wages", "en", "The landlord wants the first month and a deposit before we move in."),
    ("cd_withholding_of_wages", "es", "Mi hermano se quedó con la primera casa que vimos."),
    ("cd_withholding_of_wages", "es", "Se quedó con la primera semana de vacaciones para ir a la playa."),
    # money kept by a treasurer; the worker cashing his own check (veto)
    ("cd_withholding_of_wages", "es", "El dinero de la rifa lo guarda el tesorero de la escuela."),
    ("cd_withholding_of_wages", "es", "El cheque lo cobra él mismo y tiene sus documentos."),
    # a length of time, not an amount taken (vetoes)
    ("ex_wage_manipulation", "en", "The bus takes 40 minutes to reach the house."),
    ("ex_wage_manipulation", "en", "It takes 2 hours to clean the room and make the bed."),
    ("ex_wage_manipulation", "es", "El mecánico me quitó 2 horas para arreglar la troca."),
    # a sales agent's cut, leftovers
    ("ex_wage_manipulation", "en", "The agent takes a 10 percent cut of the sale price."),
    ("ex_wage_manipulation", "en", "She keeps a share of the leftovers from the party."),
    # money left in a wallet or a budget (veto), a meal, a tip pool
    ("ex_low_or_no_salary", "es", "Me quedan 20 dólares en la cartera hasta el viernes."),
    ("ex_low_or_no_salary", "es", "Quedan 20 dólares en el presupuesto para la fiesta de la escuela."),
    ("ex_low_or_no_salary", "es", "Ayer pagamos en comida rápida casi 40 dólares."),
    ("ex_low_or_no_salary", "es", "Los meseros tienen sueldo fijo y las propinas se reparten solo entre ellos."),
    # a news item, a coach, a baker
    ("dr_wages_earnings", "es", "El puente costó menos de lo que prometió el alcalde."),
    ("dr_wages_earnings", "en", "The new bridge cost less than the city promised."),
    ("dr_wages_earnings", "en", "My coach said I could make the team if I train every week."),
    ("dr_wages_earnings", "en", "The baker said we would make enough bread for everyone."),
    # a remittance, a house sale, an insurance check, paying by app
    ("ctx_keeps_own_wages", "es", "El dinero me llega de mi hijo cada mes desde Houston."),
    ("ctx_keeps_own_wages", "en", "The money went to us after the sale of the house."),
    ("ctx_keeps_own_wages", "en", "The check came to me in the mail from the insurance company."),
    ("ctx_keeps_own_wages", "es", "Mi hermana me manda por Zelle para la renta."),
    ("ctx_keeps_own_wages", "es", "En la tienda se paga con Zelle o en efectivo."),
    ("ctx_keeps_own_wages", "en", "The daily parking fee is paid at the gate."),
    ("ctx_keeps_own_wages", "en", "He pays the bills like clockwork every month."),
    ("ctx_keeps_own_wages", "en", "The trains here run like clockwork."),
    ("ctx_keeps_own_wages", "en", "We pay the mortgage like clockwork."),
    # a restaurant check, a date the check should arrive
    ("cd_withholding_of_wages", "en", "She asked for the check and said she owed us dinner."),
    ("cd_withholding_of_wages", "es", "Cuando pidió su pago, le dijeron que el cheque debe llegar el viernes."),
    # an oven, payroll taxes, pills, a ferry, a bank
    ("ex_wage_manipulation", "en", "The food came out of the oven and we ate at the table."),
    ("ex_wage_manipulation", "en", "Taxes come out of every paycheck."),
    ("ex_wage_manipulation", "en", "She takes 2 pills a day for her heart."),
    ("ex_wage_manipulation", "en", "The ferry takes 200 a day across the river."),
    ("ctx_keeps_own_wages", "es", "El banco recibe su pago el lunes."),
    ("ctx_keeps_own_wages", "es", "Mi tía recibe su sueldo completo del gobierno."),
    # an unpaid extra chore, a charge denied, a charge the worker fails to pay (vetoes)
    ("ex_low_or_no_salary", "es", "Los domingos la mandan a limpiar la casa del dueño sin pago."),
    ("ex_low_or_no_salary", "en", "On Sundays he makes us paint his house, no pay."),
    ("ex_low_or_no_salary", "es", "La casa es de la compañía pero no cobran nada."),
    ("ex_low_or_no_salary", "es", "Si no pago la multa mañana no me da ruta."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
