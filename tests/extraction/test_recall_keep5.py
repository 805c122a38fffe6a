"""Who holds the pay (group keep5, wave 5): vetoes, a narrowed rule and one new rule.

One new rule reads a share or some weeks of each check held back ("holds back $100 of each
weekly check", "keeps 3 weeks of our pay"); a veto keeps lawful payroll deductions (taxes,
social security, a 401k) out of it.

"Not found" rows show each veto or narrowing: a share of the tips or the rent taken out of a
check the worker still receives is a deduction, not withheld pay; a rate ("paid $250/wk",
"le pagan 300 por semana") says how much, not that the worker keeps his own pay; a debt the
worker owes somebody ("debe 3,000 dólares de la troca") is not wages owed to him; pay
that goes into somebody else's name or account, or a 'savings account' in scare quotes, is
not the worker's own. "Found"
rows show the shapes the vetoes and the narrowed rule leave alone.
"""

from tests.extraction.tables import tables

FOUND = [
    # a debt taken out of every check stays withholding (the deduction veto's exception)
    ("cd_withholding_of_wages", "en", "The contractor takes $180 out of every check for the debt."),
    ("cd_withholding_of_wages", "es", "Cada semana el mayordomo me quita 150 para la deuda del pasaje."),
    # wages owed for weeks or months (the narrowed 'deben' rule still reads them)
    ("cd_withholding_of_wages", "es", "El ranchero les debe cuatro meses de sueldo a los pastores."),
    ("cd_withholding_of_wages", "es", "La señora todavía me debe tres semanas."),
    # a rate told with the worker's own account, name or payday (the rate veto's exceptions)
    ("ctx_keeps_own_wages", "en", "They pay me $16 an hour by direct deposit into my own account."),
    ("ctx_keeps_own_wages", "es", "Me pagan 400 por semana y me depositan en mi cuenta."),
    ("ctx_keeps_own_wages", "en", "The foreman pays us $600 cash every Friday."),
    # new rule en.cd_withholding_of_wages.keepsshare: a share or some weeks of each check held back
    ("cd_withholding_of_wages", "en", "The foreman holds back $200 of every weekly check until the harvest is in."),
    ("cd_withholding_of_wages", "en", "The labor contractor keeps 2 weeks of our wages so nobody quits."),
    ("cd_withholding_of_wages", "en", "She is paid $120 a week and the owner keeps half of it for the debt."),
    # papers and pay held together (the own-papers veto's exception)
    ("cd_withholding_of_wages", "en", "He keeps our passports and keeps our pay until the season ends."),
    # pay into the worker's own account or name (the other-name veto's exceptions)
    ("ctx_keeps_own_wages", "en", "My paycheck goes into my own account every Friday."),
    ("ctx_keeps_own_wages", "en", "Checks are issued in each worker's name and they cash them themselves."),
]

NOT_FOUND = [
    # deduction veto: a share of the tips, the rent or the room out of the check
    ("cd_withholding_of_wages", "en", "The owner keeps 10% of all tips for the kitchen staff."),
    ("cd_withholding_of_wages", "en", "My cousin rents me the room and takes it from my pay."),
    ("cd_withholding_of_wages", "es", "El dueño del motel les cobra el cuarto del cheque."),
    ("cd_withholding_of_wages", "es", "La dueña les descuenta la mitad por la comida y el cuarto."),
    # narrowed 'deben' rule: a debt the worker owes is not wages owed to him
    ("cd_withholding_of_wages", "es", "Mi primo debe 3,000 dólares de la troca que compró."),
    ("cd_withholding_of_wages", "es", "Ella debe a un prestamista de su pueblo."),
    ("cd_withholding_of_wages", "es", "Todavía debe 2 mil de la renta del local."),
    # rate veto: how much, not whose hands the pay reaches
    ("ctx_keeps_own_wages", "en", "Paid $300/wk for six days in the kitchen."),
    ("ctx_keeps_own_wages", "en", "The contractor pays $12/hr for roofing."),
    ("ctx_keeps_own_wages", "es", "Le pagan 250 dólares por semana por cuidar a la señora."),
    ("ctx_keeps_own_wages", "es", "Nos pagaba 80 dólares por día en efectivo."),
    ("ctx_keeps_own_wages", "es", "Pagamos 8,000 pesos cada mes por el cuarto."),
    # keepsshare: the worker's own saving, and the payroll-deductions veto (taxes, social security, a 401k)
    ("cd_withholding_of_wages", "en", "I keep $50 of every check for my daughter's school."),
    ("cd_withholding_of_wages", "en", "The savings plan holds 5 of every 100 dollars from his pay."),
    ("cd_withholding_of_wages", "en", "The employer withholds 7 percent of wages for social security, as the law requires."),
    ("cd_withholding_of_wages", "en", "The company holds 6 percent of each paycheck for her 401k."),
    ("cd_withholding_of_wages", "en", "The plant withholds 20 percent of pay for federal taxes."),
    # own-papers veto: a lawful list of papers kept and pay received
    ("cd_withholding_of_wages", "en", "Her passport stays in her drawer, salary goes to her bank card."),
    ("cd_withholding_of_wages", "en", "The cab drivers keep their own licenses and collect fares in cash."),
    # other-name veto: pay into somebody else's account or name, or a 'savings account' in scare quotes
    ("ctx_keeps_own_wages", "en", "Her pay goes straight to the recruiter's account."),
    ("ctx_keeps_own_wages", "en", "The check comes in her husband's name and he cashes it."),
    ("ctx_keeps_own_wages", "en", "The foreman puts their earnings into a 'savings account' for them."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
