"""Recall of the working- and living-condition items (issue 14, group cond).

One sentence per stem rule or pattern added on branch recall-cond, written for this test
(not taken from the corpus). Each is missed by the patterns+rules layers of the tree the
branch started from and found by the new rule. The check runs at the patterns+rules level,
the layers these rules belong to.
"""

import pytest

from laborlens.extraction import extract

LAYERS = ("patterns", "rules")

CASES = [
    ('en.ex_labour_law_or_contract_breached.no_ot', 'en', 'ex_labour_law_or_contract_breached',
     'The crew put in fifty hours that week and got no OT premium.'),
    ('en.ex_labour_law_or_contract_breached.straight', 'en', 'ex_labour_law_or_contract_breached',
     'He pays the drivers straight time for every hour they log.'),
    ('en.ex_labour_law_or_contract_breached.belowmin', 'en', 'ex_labour_law_or_contract_breached',
     'On slow days the pickers earn well below the state minimum.'),
    ('en.ex_labour_law_or_contract_breached.reimb', 'en', 'ex_labour_law_or_contract_breached',
     'Her airfare and visa fees were never reimbursed by the company.'),
    ('en.ex_labour_law_or_contract_breached.offclock', 'en', 'ex_labour_law_or_contract_breached',
     'The cleanup after closing is done off the clock.'),
    ('en.ex_labour_law_or_contract_breached.contractsaid', 'en', 'ex_labour_law_or_contract_breached',
     'The contract said 40 hours at $16, and he pays by the bin.'),
    ('en.ex_labour_law_or_contract_breached.timenotpaid', 'en', 'ex_labour_law_or_contract_breached',
     'Waiting time is not paid at that shop.'),
    ('es.ex_labour_law_or_contract_breached.minimo', 'es', 'ex_labour_law_or_contract_breached',
     'Cuando hay poca fruta salimos a menos del mínimo.'),
    ('es.ex_labour_law_or_contract_breached.nollega', 'es', 'ex_labour_law_or_contract_breached',
     'Con la lluvia no alcanzamos ni al mínimo esa semana.'),
    ('es.ex_labour_law_or_contract_breached.no_ot', 'es', 'ex_labour_law_or_contract_breached',
     'Trabajamos sábados y domingos y nunca hay overtime.'),
    ('es.ex_labour_law_or_contract_breached.noaparece', 'es', 'ex_labour_law_or_contract_breached',
     'Las horas del domingo no aparecen en el talón.'),
    ('es.ex_labour_law_or_contract_breached.sencilla', 'es', 'ex_labour_law_or_contract_breached',
     'Todas las horas se pagan a tarifa sencilla.'),
    ('es.ex_labour_law_or_contract_breached.contratodecia', 'es', 'ex_labour_law_or_contract_breached',
     'El contrato decía 15 dólares la hora y nos pagan por caja.'),
    ('en.ex_hazardous_work.noguard', 'en', 'ex_hazardous_work',
     'The saw runs with no guard on the blade.'),
    ('en.ex_hazardous_work.hurtpart', 'en', 'ex_hazardous_work',
     'Last week the press crushed his thumb.'),
    ('en.ex_hazardous_work.wound', 'en', 'ex_hazardous_work',
     'He came back from the line with a deep laceration.'),
    ('en.ex_hazardous_work.passedout', 'en', 'ex_hazardous_work',
     'A loader passed out in the trailer yesterday afternoon.'),
    ('en.ex_hazardous_work.fainted', 'en', 'ex_hazardous_work',
     'Two pickers fainted in the rows on Tuesday.'),
    ('es.ex_hazardous_work.desmayo', 'es', 'ex_hazardous_work',
     'Un compañero se desmayó en la línea de empaque.'),
    ('es.ex_hazardous_work.singuarda', 'es', 'ex_hazardous_work',
     'Lijamos las piezas sin lentes en el taller.'),
    ('es.ex_hazardous_work.toque', 'es', 'ex_hazardous_work',
     'Al mover el refrigerador me dio toque.'),
    ('en.ex_excessive_hours.earlylate', 'en', 'ex_excessive_hours',
     'The foreman leaves them at the gate at 4am and comes back for them after 10 at night.'),
    ('es.ex_excessive_hours.earlylate', 'es', 'ex_excessive_hours',
     'Los sube a la troca a las 5 de la mañana y los baja en el motel como a las 10 de la noche.'),
    ('en.ex_excessive_hours.sundays', 'en', 'ex_excessive_hours',
     'The crew is out in the orchard on Sundays too.'),
    ('en.ex_excessive_hours.inclsunday', 'en', 'ex_excessive_hours',
     'She cleans the whole house, including Sundays.'),
    ('es.ex_excessive_hours.sietenum', 'es', 'ex_excessive_hours',
     'Trabajamos los 7 días en la empacadora.'),
    ('en.ex_bad_living_conditions.roomis', 'en', 'ex_bad_living_conditions',
     'The room is a storage closet behind the kitchen.'),
    ('en.ex_bad_living_conditions.sleepon', 'en', 'ex_bad_living_conditions',
     'They sleep on plywood sheets in the shop.'),
    ('en.ex_no_social_protection.nohosp', 'en', 'ex_no_social_protection',
     'He cut his hand and the foreman said no hospital.'),
    ('en.ex_no_social_protection.tapeup', 'en', 'ex_no_social_protection',
     'The manager told her to tape it up and go back to the line.'),
    ('es.ex_no_social_protection.curita', 'es', 'ex_no_social_protection',
     'Le dieron una curita y le dijeron que siga trabajando.'),
]


@pytest.mark.parametrize(("rule", "lang", "item", "text"), CASES, ids=[c[0] for c in CASES])
def test_new_rule_finds_its_item(rule, lang, item, text):
    assert item in extract(text, lang=lang, layers=LAYERS).ids


@pytest.mark.parametrize("text", [
    "When he asked for his pay the owner's son broke two of his fingers with a bat.",
    "The volunteers are not confined, no guards, and they keep their own passports.",
    "He works the door of the club from 9 pm to 4 am with no guard license.",
])
def test_violence_and_security_guards_are_not_hazards_of_the_work(text: str) -> None:
    assert "ex_hazardous_work" not in extract(text, lang="en", layers=("patterns", "rules")).ids


def test_a_machine_named_keeps_the_hazard() -> None:
    assert "ex_hazardous_work" in extract("The saw has no guard and the foreman cut his hand on the blade.",
                                          lang="en", layers=("patterns", "rules")).ids


def test_seven_days_ago_is_no_seven_day_week() -> None:
    assert "ex_excessive_hours" not in extract("Llegó hace 7 días y el patrón le quitó el pasaporte.", lang="es",
                                               layers=("patterns", "rules")).ids
    assert "ex_excessive_hours" in extract("Trabajan 7 días a la semana en la obra.", lang="es",
                                           layers=("patterns", "rules")).ids
