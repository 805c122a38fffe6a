"""Pay withheld in shares and pay told in words (group pay6, wave 6): nine new rules, a new veto
and a widened one.

Wage manipulation (ex_wage_manipulation) gains seven rules: a share of each piece of work kept
by the boss ("takes 40 percent of every assembly", "se queda con el 20% de las propinas", "le
quitan 2000 de la paga"); what the worker is handed after the boss's charges ("me da 250
después de la gasolina", "I got $210 this week after he took the room"); things that break
charged to the worker ("les cobra cada silla que se rompe", "charges $75 for every scratched
item", "nos quita 20 dólares por cada caja"); money taken from the pay for a lawyer or the
papers ("takes $150 for the lawyer", "le quita 200 cada semana para el trámite"); and a weekly
sum taken as a note writes it ("takes $150/wk"). The veto that reads 'takes 40 minutes' as time
now also reads 'took 2 wk' and '3 mo' as time. Low or no salary (ex_low_or_no_salary) gains two:
a small sum handed over, told in words and named as money ("gave me twenty dollars", "me
daba veinte dólares"; the number-word twin of the rules that read "gives me 40"), and the pay
the boss says he sends home that never arrives ("su mamá dice que no le ha llegado nada"); a
veto keeps a letter or a package that has not come ("nada del consulado") out of it.

"Not found" rows are what those words also say: a share the worker keeps for himself or that
a contract sets, a time of day or a departure after a meal or a rent, a shop that charges
its customers, a wait for the papers, a lawyer's own fee, minutes or pounds given.
"""

from tests.extraction.tables import tables

FOUND = [
    # pay6.en.ex_wage_manipulation.keepsshare: a share of every piece of work
    ("ex_wage_manipulation", "en", "The crew boss takes 30 percent of every load we haul."),
    ("ex_wage_manipulation", "en", "The owner keeps half of each fare the drivers bring in."),
    # pay6.es.ex_wage_manipulation.quedapct: a share of the tips, the commission or the pay
    ("ex_wage_manipulation", "es", "El encargado se queda con el 40% de la comisión."),
    ("ex_wage_manipulation", "es", "Cada quincena le quitan 500 de la paga."),
    # pay6.ex_wage_manipulation.leftafterrent: what is handed over after the boss's charges
    ("ex_wage_manipulation", "es", "El contratista me da 180 a la semana después de la renta y el raite."),
    ("ex_wage_manipulation", "en", "I got $150 this week after he took the rent and the van."),
    # pay6.ex_wage_manipulation.chargesbroken: what breaks is charged to the worker
    ("ex_wage_manipulation", "es", "El mayordomo nos cobra cada plato que se rompe."),
    ("ex_wage_manipulation", "en", "The contractor charges $75 for every broken window."),
    # pay6.ex_wage_manipulation.takesforlawyer: money taken for a lawyer or the papers
    ("ex_wage_manipulation", "en", "Every week the boss takes $100 for the lawyer."),
    ("ex_wage_manipulation", "es", "El patrón le quita 150 cada semana para el abogado."),
    # pay6.en.ex_wage_manipulation.takesperwk: a weekly sum taken, written '$150/wk'
    ("ex_wage_manipulation", "en", "Boss takes $150/wk, caller keeps about $90."),
    # pay6.es.ex_wage_manipulation.quitaporcada: a sum taken for each piece or each worker
    ("ex_wage_manipulation", "es", "El mayordomo nos quita 20 dólares por cada caja que sale mal."),
    # pay6.ex_low_or_no_salary.giveswords: a small sum told in words
    ("ex_low_or_no_salary", "en", "On Sunday he gave me thirty dollars."),
    # pay6.es.ex_low_or_no_salary.nohallegado: the pay the boss says he sends home never arrives
    ("ex_low_or_no_salary", "es", "Mi mamá dice que no le ha llegado nada."),
    ("ex_low_or_no_salary", "es", "La señora me daba cuarenta dólares cuando se acordaba."),
]

NOT_FOUND = [
    # keepsshare / quedapct: a share set by a contract, a bank's fee, what is left of a battery
    ("ex_wage_manipulation", "en", "The agency takes 20 percent of every booking, according to her contract."),
    ("ex_wage_manipulation", "en", "It takes 2 of us for each job."),
    ("ex_wage_manipulation", "en", "He took 3 of the loads to the dump."),
    ("ex_wage_manipulation", "es", "El banco se queda con el 3 por ciento de cada venta con tarjeta."),
    ("ex_wage_manipulation", "es", "Me queda el 10 por ciento de la batería."),
    # leftafterrent: a time, a departure, the worker's own budget
    ("ex_wage_manipulation", "es", "Llegamos a las 7 después de la comida."),
    ("ex_wage_manipulation", "en", "We left after the rent was paid and moved to Ohio."),
    ("ex_wage_manipulation", "en", "He earned 900 after taxes and after the rent he still had enough."),
    ("ex_wage_manipulation", "en", "We finish at 5 after the ride back to town."),
    ("ex_wage_manipulation", "es", "Ganamos 900 a la semana y después de la renta nos queda bastante."),
    # chargesbroken: customers charged, the insurer charged, nothing charged
    ("ex_wage_manipulation", "en", "The store charges customers for every item that is broken."),
    ("ex_wage_manipulation", "es", "El taller cobra cada vidrio que se rompe al seguro, no a nosotros."),
    ("ex_wage_manipulation", "es", "Si se rompe una herramienta, el patrón la repone y no nos cobra nada."),
    ("ex_wage_manipulation", "en", "The shop charges us nothing when a tool breaks."),
    # takesforlawyer: a wait for the permit, the worker paying his own lawyer
    ("ex_wage_manipulation", "en", "It took 3 months for the permit."),
    ("ex_wage_manipulation", "es", "Me tardé 2 semanas para los papeles."),
    ("ex_wage_manipulation", "en", "I paid 300 for the lawyer myself."),
    # takesperwk, and the time veto now reading 'wk' and 'mo': a stretch of time, not a sum
    ("ex_wage_manipulation", "en", "He took 2 wk of vacation in June."),
    ("ex_wage_manipulation", "en", "He took 3 mo off after the baby was born."),
    ("ex_wage_manipulation", "en", "It takes 2 wks to get the permit."),
    # quitaporcada: points off at school, a shop's price, a denial
    ("ex_wage_manipulation", "es", "En la escuela le quitan 10 puntos por cada falta."),
    ("ex_wage_manipulation", "es", "La tienda nos cobra 2 dólares por cada bolsa."),
    ("ex_wage_manipulation", "es", "El patrón nunca nos quita 20 dólares por cada caja, nos paga completo."),
    # nohallegado, and its veto: a letter or a package that has not come
    ("ex_low_or_no_salary", "es", "A mi hermana no le ha llegado nada del consulado."),
    ("ex_low_or_no_salary", "es", "A la oficina no le ha llegado nada de la aseguranza."),
    ("ex_low_or_no_salary", "es", "Pedí unos zapatos por internet y no me ha llegado nada."),
    # giveswords: minutes or pounds given, a bonus, a denial
    ("ex_low_or_no_salary", "en", "My boss gave me twenty minutes to eat."),
    ("ex_low_or_no_salary", "en", "The foreman gave me twenty pounds of apples to take home."),
    ("ex_low_or_no_salary", "es", "Me da veinte minutos para comer."),
    ("ex_low_or_no_salary", "en", "The owner gave me fifty dollars bonus for Christmas."),
    ("ex_low_or_no_salary", "en", "He never gave me twenty dollars, he paid me the full $900 every week."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
