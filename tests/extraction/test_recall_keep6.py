"""Who holds the pay (group keep6, wave 6): new rules for the rest of the pay, debt instalments
taken from each check, and pay that goes on while an injured worker heals.

New rules read the rest of the pay held or spent for the worker ("the rest goes to the $9,000",
"the rest pays back the ticket", "the rest is on the books", "lo demás lo apunta en su libreta",
"el resto se lo guardan", "lo demás abona a la deuda") and a debt paid off by a set sum taken
from each check ("le debo el viaje y me quita 250 de cada semana"). For the worker's own pay,
they read pay that keeps coming while an injured worker heals ("me siguen pagando mientras me
recupero", "my checks keep coming while I'm out") and workers who are paid by the hour or
by transfer ("los trabajadores cobran por hora") or whose checks are made out in each
worker's name ("cheques a nombre de cada trabajador"), and pay handed to the worker himself
("el cheque me lo dan a mí cada viernes", "el dinero me lo dan en la mano").

One veto: half cut off the pay for a miscount, the room or the uniforms, or pay set at the
boss's whim ('le paga lo que le da la gana'), says how much the worker gets, not that the pay is
held back; half taken for a debt, or a check the boss cashes, stays withholding.

"Not found" rows show the veto and what the new rules leave alone: a rest break, the rest of a trip or of
a family, the worker's own savings, lawful payroll deductions (social security, insurance)
with no debt, a worker who keeps paying off his own debt, and 'cobrar' that means charging
somebody (the room, a shop's hourly rate).
"""

from tests.extraction.tables import tables

FOUND = [
    # en.cd_withholding_of_wages.restpays: the rest of the pay pays for the trip, ticket or loan
    ("cd_withholding_of_wages", "en", "She hands me $60 and says the rest covers the ride from Houston."),
    # en.cd_withholding_of_wages.restpaysnum: the rest goes to a sum the worker is said to owe
    ("cd_withholding_of_wages", "en", "I get $120 and the rest goes to the $4,000 for the crossing."),
    # en.cd_withholding_of_wages.restheld: the rest is held, on the books, or comes in the autumn
    ("cd_withholding_of_wages", "en", "He pays me $100 a week; the rest is on the books, he says."),
    # es.cd_withholding_of_wages.restodeuda (widened): the rest written down, kept or credited
    ("cd_withholding_of_wages", "es", "Los viernes me da 100 dólares y lo demás lo apunta en su cuaderno."),
    ("cd_withholding_of_wages", "es", "Le dan 200 cada quincena y el resto se lo guardan."),
    # es.cd_withholding_of_wages.quitadecada: a debt paid off by a sum taken from each check
    ("cd_withholding_of_wages", "es", "Dice que le debemos la casa y nos quita 300 de cada pago."),
    # es.ctx_keeps_own_wages.siguepagando: pay that goes on while the worker heals
    ("ctx_keeps_own_wages", "es", "Me lastimé la rodilla y la compañía me sigue pagando el sueldo mientras me recupero."),
    # es.ctx_keeps_own_wages.cobranpor: workers paid by the hour or by transfer
    ("ctx_keeps_own_wages", "es", "Los jornaleros del vivero cobran por hora, con las horas extra en el talón."),
    # es.ctx_keeps_own_wages.nombrecada: checks in each worker's name, or in the boy's own name
    ("ctx_keeps_own_wages", "es", "Según la inspección, los cheques salen a nombre de cada trabajador."),
    ("ctx_keeps_own_wages", "es", "El pago sale a nombre del muchacho y llega el viernes."),
    # es.ctx_keeps_own_wages.melodanami: the pay handed to the worker himself
    ("ctx_keeps_own_wages", "es", "El dinero me lo dan en la mano cada sábado."),
    # en.ctx_keeps_own_wages.keepscoming
    ("ctx_keeps_own_wages", "en", "I broke my wrist at the plant, but my paychecks keep coming while I heal."),
    # half-or-whim veto's exceptions: half taken for a debt, a check cashed by the boss, half of each check kept
    ("cd_withholding_of_wages", "es", "Le debo 3 mil del viaje y cada semana me quita la mitad del pago."),
    ("cd_withholding_of_wages", "es", "El mayordomo cambia los cheques y nos paga lo que quiere."),
    ("cd_withholding_of_wages", "es", "El patrón se queda con la mitad de cada cheque."),
]

NOT_FOUND = [
    # restodeuda (two elements): 'lo demás' as 'otherwise', the rest of the week, the worker's own notes
    ("cd_withholding_of_wages", "es", "De lo demás no me quejo: me depositan cada viernes en mi cuenta."),
    ("cd_withholding_of_wages", "es", "El resto de la semana apuntamos los pedidos en la tienda."),
    ("cd_withholding_of_wages", "es", "Lo demás lo apunto yo en mi libreta de gastos."),
    ("cd_withholding_of_wages", "es", "Por lo demás, el patrón nos paga completo y cada quien anota sus horas."),
    # restpays / restpaysnum: a rest break, the rest of a family, the worker's own savings
    ("cd_withholding_of_wages", "en", "After a short rest he goes back to the 2 o'clock shift."),
    ("cd_withholding_of_wages", "en", "The rest of the family went on the trip to the coast."),
    ("cd_withholding_of_wages", "en", "I send $300 home and the rest goes to my own savings account."),
    ("cd_withholding_of_wages", "en", "The rest of the crew comes in October."),
    ("cd_withholding_of_wages", "en", "The rest of the season is slow until November."),
    # quitadecada: lawful deductions with no debt
    ("cd_withholding_of_wages", "es", "La empresa descuenta 30 de cada quincena para el seguro social, como dice la ley."),
    ("cd_withholding_of_wages", "es", "No le debo nada al patrón y solo me descuentan 40 de cada cheque para el seguro."),
    # siguepagando: a worker who keeps paying his own debt
    ("ctx_keeps_own_wages", "es", "Mi hermano sigue pagando la deuda del viaje mientras trabaja en la obra."),
    # cobranpor: 'cobrar' as charging somebody
    ("ctx_keeps_own_wages", "es", "El contratista nos cobra por semana el cuarto y la comida."),
    ("ctx_keeps_own_wages", "es", "El taller cobra por hora a los clientes."),
    # keepscoming: bills, not pay
    ("ctx_keeps_own_wages", "en", "My debts keep coming every month."),
    # melodanami: papers handed back, or pay promised once a debt is paid
    ("ctx_keeps_own_wages", "es", "El pasaporte me lo dan a mí cuando termine la temporada."),
    ("ctx_keeps_own_wages", "es", "Ella dice que el dinero me lo da a mí cuando acabe de pagar la deuda."),
    # half-or-whim veto: half cut for a miscount or uniforms, pay set at the boss's whim
    ("cd_withholding_of_wages", "es", "Siempre dice que contamos mal y nos quita la mitad."),
    ("cd_withholding_of_wages", "es", "La patrona les descuenta la mitad por los uniformes."),
    ("cd_withholding_of_wages", "es", "El compadre nos paga lo que le da la gana, a veces nada."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
