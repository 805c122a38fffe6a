"""Recall of the pay group (issue 14): one sentence per stem rule added for ex_low_or_no_salary,
cd_withholding_of_wages, ctx_keeps_own_wages, ex_wage_manipulation and dr_wages_earnings.
Each sentence is missed by the rules before these were added and found after."""

import pytest

from laborlens.extraction import extract

FOUND = [
    pytest.param('en', 'cd_withholding_of_wages', 'The crew boss says we get paid once the last field is done.', id='en.cd_withholding_of_wages.whenevent'),
    pytest.param('en', 'cd_withholding_of_wages', 'The drivers say there is no pay until the job is finished.', id='en.cd_withholding_of_wages.nopayuntil'),
    pytest.param('en', 'cd_withholding_of_wages', 'Every Friday the foreman hands out forty dollars and says the rest is going toward the debt.', id='en.cd_withholding_of_wages.restdebt'),
    pytest.param('en', 'cd_withholding_of_wages', 'He told us our wages cover the bus fare and the crossing.', id='en.cd_withholding_of_wages.paytotrip'),
    pytest.param('es', 'cd_withholding_of_wages', 'Nos paga ochenta y lo demás lo guarda hasta diciembre.', id='es.cd_withholding_of_wages.restodeuda'),
    pytest.param('es', 'cd_withholding_of_wages', 'Cada sábado el mayordomo le quita 150 para la deuda.', id='es.cd_withholding_of_wages.quitadeuda'),
    pytest.param('es', 'cd_withholding_of_wages', 'El ranchero dice que el cheque nos lo entrega cuando se acabe la cosecha.', id='es.cd_withholding_of_wages.hastaque'),
    pytest.param('es', 'cd_withholding_of_wages', 'Al muchacho no le han pagado nada, dice que hasta que se acabe la pizca.', id='es.cd_withholding_of_wages.nopagahasta'),
    pytest.param('en', 'ex_low_or_no_salary', 'At the end of the week the owner hands her 70 and nothing else.', id='en.ex_low_or_no_salary.giveshim'),
    pytest.param('es', 'ex_low_or_no_salary', 'El dueño de la lavandería nos da 60 cada domingo.', id='es.ex_low_or_no_salary.meda'),
    pytest.param('en', 'ex_low_or_no_salary', 'The cleaners said nobody has been paid since the hotel opened.', id='en.ex_low_or_no_salary.nobodypaid'),
    pytest.param('en', 'ex_low_or_no_salary', 'The ranch owner pays them nothing for the shearing.', id='en.ex_low_or_no_salary.paysnothing'),
    pytest.param('es', 'ex_low_or_no_salary', 'En la carnicería el señor nos paga cuando quiere.', id='es.ex_low_or_no_salary.cuandoquiere'),
    pytest.param('en', 'ex_wage_manipulation', 'Twenty dollars a night is taken off her tips for the locker.', id='en.ex_wage_manipulation.takenfrom'),
    pytest.param('en', 'ex_wage_manipulation', 'The remainder, she says, covers the uniform and the insurance.', id='en.ex_wage_manipulation.restfor'),
    pytest.param('es', 'ctx_keeps_own_wages', 'El cheque sale a mi nombre y lo cambio en el banco.', id='es.ctx_keeps_own_wages.salenombre'),
    pytest.param('es', 'ctx_keeps_own_wages', 'Me depositan cada quincena sin falta.', id='es.ctx_keeps_own_wages.depositan'),
    pytest.param('en', 'ctx_keeps_own_wages', 'The tips go straight into my own pocket at the end of the shift.', id='en.ctx_keeps_own_wages.ownpocket'),
    pytest.param('es', 'ctx_keeps_own_wages', 'Los cheques los cambiamos nosotros en la tienda de la esquina.', id='es.ctx_keeps_own_wages.cambioyo'),
    pytest.param('en', 'dr_wages_earnings', 'The man at the bus station told us 22 an hour to frame houses.', id='en.dr_wages_earnings.saidhour'),
    pytest.param('es', 'dr_wages_earnings', 'El reclutador nos dijo 18 la hora para pintar casas.', id='es.dr_wages_earnings.dijohora'),
]


@pytest.mark.parametrize(("lang", "item", "text"), FOUND)
def test_pay_rule_finds(lang: str, item: str, text: str) -> None:
    assert item in extract(text, lang=lang).ids


# Shapes the new rules must not read as pay evidence.
NOT_FOUND = [
    pytest.param("es", "cd_withholding_of_wages", "Ella ayuda en la casa igual que los demás hijos.", id="demas-hijos"),
    pytest.param("en", "cd_withholding_of_wages", "He pays 40 a week for the room when he gets paid.", id="when-he-gets-paid"),
    pytest.param("en", "ex_low_or_no_salary", "Nobody paid us back for the bus.", id="nobody-paid-back"),
    pytest.param("en", "ex_low_or_no_salary", "At Christmas the owner gave us 200 as a bonus.", id="veto-bonus"),
    pytest.param("en", "ex_low_or_no_salary", "We gave him 300 for the room last month.", id="veto-worker-pays"),
]


@pytest.mark.parametrize(("lang", "item", "text"), NOT_FOUND)
def test_pay_rule_not_found(lang: str, item: str, text: str) -> None:
    assert item not in extract(text, lang=lang).ids
