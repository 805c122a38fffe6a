"""Wording the first patterns missed (issue 14): word forms, clock-time shifts, conditional
threats, possessives, code-switching, stated age, and the hard negatives."""

from __future__ import annotations

import pytest

from laborlens.extraction import extract
from laborlens.extraction.lexicon import stem
from laborlens.extraction.matcher import fold
from laborlens.extraction.numbers import long_shifts, shifts, stated_age


def ids(text: str, lang: str = "auto") -> set[str]:
    return set(extract(text, lang=lang).ids)


@pytest.mark.parametrize(("words", "lang"), [
    (["beat", "beats", "beating"], "en"),
    (["threaten", "threatens", "threatened"], "en"),
    (["amenazó", "amenazan", "amenazaba"], "es"),
    (["pasaporte", "pasaportes"], "es"),
])
def test_word_forms_share_a_stem(words: list[str], lang: str) -> None:
    assert len({stem(fold(w).lower(), lang) for w in words}) == 1


def test_missing_apostrophe_and_tripled_letters_are_mended() -> None:
    assert stem("bosss", "en") == stem("boss's", "en") == stem("boss", "en")


@pytest.mark.parametrize(("text", "hours"), [
    ("We work from 6am to 10pm every day.", 16),
    ("from 5:30 in the morning until 9 at night", 15.5),
    ("Trabajamos de 5 de la mañana a 9 de la noche.", 16),
    ("desde las 6 hasta las 10pm", 16),
    # one to four "at night" is past midnight, not 13:00 to 16:00
    ("Trabaja de 8 de la mañana a 1 de la noche.", 17),
    ("from 5 in the morning to 1 at night", 20),
    ("de 1 de la noche a 9 de la mañana", 8),
])
def test_clock_time_shift_lengths(text: str, hours: float) -> None:
    assert [s.hours for s in shifts(fold(text), "both")] == [hours]


def test_short_or_unclear_clock_ranges_are_not_long_shifts() -> None:
    assert long_shifts(fold("The store is open from 9am to 5pm.")) == []
    assert long_shifts(fold("I need 3 to 5 boxes.")) == []


@pytest.mark.parametrize("text", [
    "They make us work from 6am to 10pm, no breaks.",
    "Nos ponen a trabajar de 5 de la mañana a 9 de la noche.",
])
def test_clock_time_shift_is_excessive_hours(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize(("text", "age"), [
    ("she said she is 15 and they brought her from Lagos", 15),
    ("a 14 year old girl cleans the house", 14),
    ("Caller, 19 y/o, sales crew member", 19),
    ("La joven, que dice tener 16 años, cuida a los niños", 16),
    ("una niña de 13 años hace la limpieza", 13),
    ("He has worked there 15 years.", None),
    ("lleva 15 años trabajando en el rancho", None),
])
def test_stated_age(text: str, age: int | None) -> None:
    assert stated_age(fold(text)) == age


def test_age_and_age_group_in_the_result() -> None:
    result = extract("im 16 and the crew boss took my phone").to_dict()
    assert (result["age"], result["age_group"]) == (16, "minor")
    adult = extract("I am 34 and the boss keeps my passport.").to_dict()
    assert (adult["age"], adult["age_group"]) == (34, "adult")
    assert extract("The boss keeps my passport.").to_dict()["age_group"] is None


@pytest.mark.parametrize(("text", "indicator"), [
    ("The supervisor beats the workers who fall behind.", "cd_violence_on_victim"),
    ("If you leave, they will find you and break your legs.", "cd_threats_of_violence"),
    ("If you leave, he will call immigration.", "cd_threat_of_denunciation"),
    ("the bosss has our passports", "cd_confiscation_of_documents"),
    ("boss has our passports in his truck", "cd_confiscation_of_documents"),
    ("el patrón tiene nuestros pasaportes", "cd_confiscation_of_documents"),
    ("Every Friday we hand our checks over to the boss.", "cd_withholding_of_wages"),
    ("Twelve men sleep in one trailer and they give us one meal a day.", "ex_bad_living_conditions"),
    ("El patrón le pega a los trabajadores.", "cd_violence_on_victim"),
    ("La señora amenazó con matarla.", "cd_threats_of_violence"),
    ("el boss nos amenazaba que si nos ibamos nos iban a buscar", "cd_threats_of_violence"),
    ("el manager keeps our passports en su oficina", "cd_confiscation_of_documents"),
])
def test_failure_classes_of_the_issue(text: str, indicator: str) -> None:
    assert indicator in ids(text)


def test_passport_taken_on_arrival_is_control_at_destination() -> None:
    found = ids("The recruiter collected all passports on the day of arrival and never returned them.")
    assert "cd_confiscation_of_documents" in found
    assert "cr_confiscation_of_documents" not in found


@pytest.mark.parametrize(("text", "absent"), [
    ("She keeps her own passport in her room and cashes her check herself.", "cd_confiscation_of_documents"),
    ("Cada quien tiene su propio pasaporte.", "cd_confiscation_of_documents"),
    ("The yard is locked at night to stop theft of the tools.", "cd_isolation_confinement_surveillance"),
    ("There are security cameras in the parking lot because of break-ins.", "cd_isolation_confinement_surveillance"),
    ("She has her own phone and calls her mother every night.", "cd_isolation_confinement_surveillance"),
    ("The boss never hit anyone and never took our passports.", "cd_violence_on_victim"),
    ("The boss never hit anyone and never took our passports.", "cd_confiscation_of_documents"),
    ("Nunca nos quitaron los pasaportes.", "cd_confiscation_of_documents"),
])
def test_hard_negatives(text: str, absent: str) -> None:
    assert absent not in ids(text)


def test_keeps_own_documents_is_found() -> None:
    assert "ctx_keeps_own_documents" in ids("Workers hold their own passports and visas.")


def test_locked_in_is_still_confinement_even_with_a_lawful_word_nearby() -> None:
    assert "cd_isolation_confinement_surveillance" in ids(
        "They say the gate is for security but they lock us in at night and we cannot leave.")


@pytest.mark.parametrize(("text", "low"), [
    ("The boss pays them like 100 a week for all that work.", True),
    ("Gana 350 a la semana trabajando en la feria.", True),
    ("Operators paid piece rate averaging $5.10/hr.", True),
    ("Some weeks it comes out below minimum.", True),
    ("The crew leader charges $50 per week for a bed in a shed.", False),
    ("They pay me $900 a week and I have weekends off.", False),
])
def test_pay_below_the_minimum_for_its_period(text: str, low: bool) -> None:
    assert ("ex_low_or_no_salary" in ids(text)) is low


@pytest.mark.parametrize(("text", "age"), [
    ("mi hijo de 16 se fue con un grupo que vende revistas", 16),
    ("Caller, 19, door-to-door pest control sales.", 19),
    ("the girl at the house on Elm is 16 and she told my daughter", 16),
    ("When I was 13 they told my parents I would go to school.", 13),
])
def test_more_ways_of_stating_an_age(text: str, age: int) -> None:
    assert stated_age(fold(text)) == age


def test_the_boss_holding_our_passports_is_not_keeping_our_own() -> None:
    found = ids("tengo 16 y el patrón tiene nuestros pasaportes. Trabajamos mucho.")
    assert "cd_confiscation_of_documents" in found
    assert "ctx_keeps_own_documents" not in found
    assert "ctx_keeps_own_documents" in ids("Tenemos nuestros pasaportes y nos pagan cada semana.")


def test_a_spanish_sentence_inside_an_english_tip_is_read_with_spanish_patterns() -> None:
    text = ("My neighbor works at the farm on Route 9 and he told me this yesterday. "
            "Dice que el mayordomo les quitó los pasaportes a todos.")
    result = extract(text)
    assert result.language == "en"
    assert "cd_confiscation_of_documents" in result.ids


def test_shift_with_words_between_its_two_clock_times_and_hour_ranges() -> None:
    text = "Trabaja desde las 5 de la mañana cuidando niños y limpiando hasta las 10 de la noche."
    assert [s.hours for s in long_shifts(fold(text))] == [17]
    assert [s.hours for s in long_shifts(fold("Workers report 70+ hour weeks at peak."))] == [70]


@pytest.mark.parametrize("text", [
    "ayer el foreman le dio una cachetada a Lupe porque se tardó en el baño",
    "Cuando un compañero pidió su sueldo, uno de los hermanos lo tiró por la escalera.",
    "Una vez me jaló del brazo tan fuerte que me quedó morado.",
    "When Tomas asked for his pay the crew boss threw him against the trailer.",
    "The owner gave her a slap in front of the customers for breaking a plate.",
])
def test_violence_told_as_a_noun_or_a_throw_is_violence_on_the_victim(text: str) -> None:
    assert "cd_violence_on_victim" in set(extract(text).ids)


@pytest.mark.parametrize("text", [
    "The carts have broken wheels so we drag them down the hall.",
    "Le dio una vuelta al carro y nos llevó a la casa.",
])
def test_tools_and_chores_are_not_violence(text: str) -> None:
    assert "cd_violence_on_victim" not in set(extract(text).ids)


@pytest.mark.parametrize("text", [
    "El mayordomo nos tiene trabajando de 6 a 7 cortando pasto y poniendo mulch.",
    "we work from 6 to 9 every day and the crew leader drives us back",
])
def test_a_bare_range_after_a_word_of_working_is_a_long_day(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize("text", [
    "We work from 9 to 5, Monday to Friday.",
    "El partido de mi hijo es de 3 a 5 los sábados.",
])
def test_an_office_day_or_a_count_is_not_a_long_day(text: str) -> None:
    assert "ex_excessive_hours" not in ids(text)


@pytest.mark.parametrize("text", [
    "El jefe nos dijo que la policía de la isla le obedecía a él.",
    "The crew was told any man who jumped ship would be arrested by U.S. authorities.",
    "Me dijo que sin visa me iban a meter preso.",
])
def test_what_the_boss_says_the_authorities_would_do_is_false_information(text: str) -> None:
    assert "vr_false_information_law_authorities" in ids(text)


@pytest.mark.parametrize("text", [
    "he cant read so he doesnt know what hes signing",
    "A mi tío, que no aprendió a leer, lo trajeron a una lechería.",
    "No me da dinero porque dice que yo no sé contar.",
])
def test_not_reading_writing_or_counting_is_a_lack_of_education_wherever_told(text: str) -> None:
    found = ids(text)
    assert "vr_lack_of_education_language" in found and "vd_difficulty_unknown_area" not in found


@pytest.mark.parametrize("text", [
    "El dueño le dice que afuera nadie lo va a querer.",
    'The farmer\'s wife told him his mother "didnt want him back".',
    "La señora le dice que su familia ya no la quiere.",
])
def test_being_told_nobody_outside_wants_you_is_strong_influence(text: str) -> None:
    assert "cd_under_strong_influence" in ids(text)


def test_a_family_that_wants_money_sent_home_is_not_strong_influence() -> None:
    assert "cd_under_strong_influence" not in ids("My family doesnt want me to come back without money.")


@pytest.mark.parametrize("text", [
    "El jefe dijo que nos iba a ir mal si nos quejábamos.",
    "Decía que el que se fuera iba a tener problemas con sus hombres.",
    "The manager said we would be in trouble if we complained, and that we would regret it.",
    "he said if we stop working he would make our lives hell",
])
def test_a_vague_threat_of_harm_is_a_threat(text: str) -> None:
    assert "cd_threats_of_violence" in ids(text)


def test_a_promise_to_pay_is_not_a_threat() -> None:
    assert "cd_threats_of_violence" not in ids("La dueña nos debe el overtime y dice que ya lo va a pagar.")


@pytest.mark.parametrize(("text", "item"), [
    # freedom, own papers and own pay told in everyday words
    ("I live with my cousin, my paycheck goes to my own account, and my passport is in my bag.",
     "ctx_keeps_own_documents"),
    ("on Saturdays I pick with them and the money is mine, it goes in my own account.", "ctx_keeps_own_wages"),
    ("mi pasaporte lo guardo yo, el pago llega a mi tarjeta y salgo a donde quiero.", "ctx_keeps_own_wages"),
    ("mi pasaporte lo guardo yo y salgo a donde quiero.", "ctx_keeps_own_documents"),
    ("ellas viven en su propia casa y se cambian de patron cuando quieren", "ctx_free_to_leave"),
    ("She moved to a second job at a restaurant in town with sponsor approval.", "ctx_free_to_leave"),
    # pay held by someone else
    ("The staffing company cashes the hotel paychecks and hands wkrs what's left after rent.",
     "cd_withholding_of_wages"),
    ("El check nunca llegaba a mis manos: el supervisor lo cambiaba.", "cd_withholding_of_wages"),
    ("El imputado cobraba en la empacadora lo que ella cosechaba.", "cd_withholding_of_wages"),
    ("el contratista se quedó con sus tarjetas de banco y los PIN.", "cd_withholding_of_wages"),
    # hours and pay written as people write them
    ("He cuts stone 6:30a-7:30p, Sundays incl.", "ex_excessive_hours"),
    ("the driver picks the group up at 6 in the morning, brings them back at 9 at night.", "ex_excessive_hours"),
    ("Trabajan jornadas de doce horas en la obra.", "ex_excessive_hours"),
    ("uno me enseño su paystub, sale como 1.20 la hora.", "ex_low_or_no_salary"),
    ("they make 1 dollar 20 a hour at the temple site", "ex_low_or_no_salary"),
    # control and threats
    ("the agency guy still has my passport, he says its for the hotel HR.", "cd_confiscation_of_documents"),
    ("Su acta de nacimiento la guarda la esposa del imputado.", "cd_confiscation_of_documents"),
    ("If he left the company, ICE would be waiting for him at the bus station.", "cd_threat_of_denunciation"),
    ("Le dijeron que si se iba sin permiso la policía lo arrestaría.", "cd_threat_of_denunciation"),
    ("un señor de la agencia pasa a las 10 de la noche a contar que esten todos.",
     "cd_isolation_confinement_surveillance"),
    ("the contractor locks the apartment door from outside at night.", "cd_isolation_confinement_surveillance"),
    ("dice q el que no este pierde la cama.", "cd_threat_worse_conditions"),
    ("Lo trajeron dos supervisores que contestaban por él.", "cd_under_strong_influence"),
    ("de noche entraba y abusaba de ella.", "cd_violence_on_victim"),
    ("le dijo que mandaría a alguien a quemar la casa de sus papás en Guatemala.", "cd_violence_on_family"),
    # injuries at work, school kept from a child, a debt that piles up
    ("two of his fingers were crushed between granite blocks.", "ex_hazardous_work"),
    ("Atendió a un cantero con el pie fracturado en la obra del templo.", "ex_hazardous_work"),
    ("Tiene cicatrices en las manos por el cloro que usa para limpiar.", "ex_hazardous_work"),
    ("Nunca me mandó a la escuela.", "ex_no_access_to_education"),
    ("Hubo quincenas en que terminé debiéndole yo a él.", "cd_debt_bondage"),
])
def test_wording_of_fresh_fact_patterns(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Residents showed pay stubs deposited to accounts in their own names.", "cd_withholding_of_wages"),
    ("Vivo con mi hermana, cobro mi cheque y tengo mis papeles.", "cd_withholding_of_wages"),
    ("The supervisor keeps the workers' debit cards and PINs.", "cd_confiscation_of_documents"),
    ("El contratista se queda con sus tarjetas del seguro social.", "cd_withholding_of_wages"),
    ("My friend has her passport, her own bank card and weekends off.", "cd_confiscation_of_documents"),
    ("please help tell the thai consulate", "cd_threat_of_denunciation"),
    ("the manager counts them and keeps half of the tips", "cd_isolation_confinement_surveillance"),
])
def test_look_alikes_of_fresh_wording(text: str, absent: str) -> None:
    assert absent not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("dice q el que no este pierde la cama.", "cd_threat_worse_conditions"),
    ("si no trabajas te pego", "cd_violence_on_victim"),
    ("if we dont finish the rooms he hits us", "cd_violence_on_victim"),
])
def test_a_negation_inside_a_condition_does_not_negate_the_threat(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", ["dice que no me pega", "He never took my passport.", "Nobody hits him.",
                                  "Dice que no tienen los pasaportes retenidos."])
def test_a_plain_negation_still_negates(text: str) -> None:
    assert not ids(text) - {"ctx_act_obtained"}


@pytest.mark.parametrize(("text", "item"), [
    ("el coyote me entrego con un señor q dice q dio 3 mil por mi y q se los tengo q devolver trabajando.",
     "cr_abduction_forced_marriage_adoption_sale"),
    ("At the border the coyote sold her to a man for $2,000.", "cr_abduction_forced_marriage_adoption_sale"),
    ("my check goes to him first and he gives me cash minus apartment minus bus.", "ex_wage_manipulation"),
    ("The company took the rent out before we saw any money.", "ex_wage_manipulation"),
    ("de ahí les quitan la comida y unos cascos perdidos.", "ex_wage_manipulation"),
    ("they just look tired all the time and dont speak much english", "vd_difficulty_unknown_area"),
    ("a supervisor wrapped his fingers with cloth; nobody took him to a doctor.", "ex_no_social_protection"),
    ("he told her that girls without papers go to prison, so she must stay inside the house.",
     "cd_isolation_confinement_surveillance"),
    ("Dice que el encargado le advirtió que si se cambia de trabajo migración la va a buscar.",
     "cd_threat_of_denunciation"),
])
def test_more_wording_of_fresh_fact_patterns(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("they took all the money the cleaning company paid for us", "cr_abduction_forced_marriage_adoption_sale"),
    ("No me deja ir a la tienda.", "ex_no_social_protection"),
])
def test_more_look_alikes_of_fresh_wording(text: str, absent: str) -> None:
    assert absent not in ids(text)


# Rounds 21-22 (2026-12-06 evening): the family made the price of leaving, and look-alikes from lawful and
# unsafe-only stories.
@pytest.mark.parametrize("text", [
    "The owner told him that if he runs, 'your family's land in Punjab is finished'.",
    "El reclutador dice que si se va antes, su papá pierde el terreno que dejó de garantía.",
    "He said if I leave, they know my wife is in Chihuahua and they will go to the house.",
    "si se va, sus primos en Tegucigalpa van a recibir visitas",
    "if he runs his mother will get a visit from some people",
])
def test_the_family_as_the_price_of_leaving(text: str) -> None:
    assert "cd_violence_on_family" in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("dice q si alguien viene a preguntar digamos q somos primos de visita y no trabajadores", "cd_violence_on_family"),
    ("Cameras on the yard since somebody stole a trailer, and our fence company has every crew lead on the code.",
     "cd_isolation_confinement_surveillance"),
    ("Co-worker called 911 and the manager followed the ambulance; workers' comp claim filed.",
     "cd_isolation_confinement_surveillance"),
    ("Calls because his son read an article about trafficking on farms.", "cd_isolation_confinement_surveillance"),
    ("Hay cámaras en el patio de los bins porque se robaban la fruta y el portón se cierra a las 10.",
     "cd_isolation_confinement_surveillance"),
    ("El mes pasado un carro se metió en la zona de trabajo y me pegó en la pierna.", "cd_violence_on_victim"),
    ("Al perforar el último hoyo, la barrena pegó con una línea de gas.", "cd_violence_on_victim"),
    ("The foreman yells when we bruise fruit, that's all.", "cd_violence_on_victim"),
    ("Nobody keeps my papers, nobody drives me anywhere, I owe nobody and I am fine.", "cd_debt_bondage"),
    ("Nos fuimos una semana antes por la escuela de los niños y nos pagó lo que se debía.", "cd_debt_bondage"),
    ("Los trabajadores dijeron que tienen sus papeles y que les pagan cada semana.", "dr_legal_documentation_migration_status"),
    ("After thefts, bags are checked at the gate at shift end; cameras cover the docks.", "cd_withholding_of_wages"),
    ("After thefts, cameras cover the docks and the cooler doors.", "ex_wage_manipulation"),
    ("Una vecina reportó que 'tienen a los trabajadores encerrados'. Se visitó el lugar: el portón se cierra de noche "
     "por robos y cada trabajador tiene su llave. Sin delito.", "cd_isolation_confinement_surveillance"),
])
def test_look_alikes_of_rounds_21_and_22(text: str, absent: str) -> None:
    assert absent not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("Un vecino dice que 'tienen a los trabajadores encerrados'. Fuimos y es verdad, los encierran con candado.",
     "cd_isolation_confinement_surveillance"),  # a quoted allegation the text does not clear still counts
    ("he docks 10 dollars from the envelope for talking", "ex_wage_manipulation"),
    ("a guy with a gun walks the fence at night", "cd_isolation_confinement_surveillance"),
    ("El patrón se enojó y me pegó en la cara con la mano.", "cd_violence_on_victim"),
    ("Al Beto le pegó con una llave inglesa por contestarle.", "cd_violence_on_victim"),
])
def test_what_the_look_alikes_leave_standing(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("la señora pasa la canasta entre la gente y se guarda todo.", "cd_withholding_of_wages"),
    ("cada noche le entrega lo que juntó.", "cd_withholding_of_wages"),
    ("the man with them grabs the donation bucket and the CD money after every song", "cd_withholding_of_wages"),
    ("at night i give her everything.", "cd_withholding_of_wages"),
    ("the company pays him by the ton and he pays us what he wants", "cd_withholding_of_wages"),
    ("He pays us in beer and says 'the rest at the end of the job'.", "cd_withholding_of_wages"),
    ("when Lalo said that, the contractor said the next one who talks walks home to Michoacan.",
     "cd_threat_worse_conditions"),
    ("Cuando le pregunté por mi tarjeta, me dijo que si sigo preguntando me regreso a pie.", "cd_threat_worse_conditions"),
    ("Dice que el que se vaya con otro jefe se queda sin cama.", "cd_threat_worse_conditions"),
    ("Declaró que al que no lo hace le quita el pago de la semana.", "cd_threat_worse_conditions"),
    ("Si no le llevo 120 dólares me toca dormir en el piso de la cocina.", "cd_threat_worse_conditions"),
    ("he says if i leave the tour in the middle i pay him the 6000 for the flights and the visa.",
     "cd_threat_worse_conditions"),
])
def test_pay_handed_over_and_losses_in_more_words(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", [
    "the owner told one of them 'you go to the policia they send you back, you have no papers'.",
    "Contractor told them that if they talk to anyone at the hall, la migra will be waiting at the door.",
    "The man reminds him that Chicago police hand tourists who work to immigration.",
    "He says he knows the sheriff.",
    "él le dijo que la policía de aquí le quita los hijos a las mexicanas.",
    "me dijo que sin su carta nadie me contrata y que la migra espera en el pueblo",
    "Dice que el sheriff es su compadre.",
])
def test_what_the_law_is_said_to_do_and_whose_friend_it_is(text: str) -> None:
    assert "vr_false_information_law_authorities" in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Drug test after any forklift bump, cameras on the copper room since people were walking out with brass.",
     "cd_isolation_confinement_surveillance"),
    ("Cameras in every stall so the owner can check the horses at night.", "cd_isolation_confinement_surveillance"),
    ("GPS on every car, cameras at the exit booth, phone face down in the cup holder.", "cd_isolation_confinement_surveillance"),
    ("if I get tired of it I just leave and find another job.", "cd_threats_of_violence"),
    ("Foreman called 911 and followed the ambulance to the burn center.", "cd_violence_on_victim"),
    ("quiso destapar el recogedor sin apagar la toma de fuerza y la máquina le jaló el brazo.", "cd_violence_on_victim"),
    ("en Del Rio se entregó a Migración, que lo soltó con cita en corte.", "cd_threat_of_denunciation"),
    ("Llegó solo, en su propia troca.", "cd_isolation_confinement_surveillance"),
    ("Prueba de drogas solo al contratar.", "ex_bad_living_conditions"),
])
def test_look_alikes_of_rounds_23_and_24(text: str, absent: str) -> None:
    assert absent not in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Hay cámaras en el tanque de diésel por robos. Dos pidieron regresar a México en junio y la granja les pagó el autobús.",
     "cd_threat_of_denunciation"),
    ("dejamos 30 euros de fianza por el cuchillo y el capazo y nos los devuelven al terminar", "cd_threats_of_violence"),
    ("Knives stay in the lockers, no phones behind the counter.", "cd_threats_of_violence"),
    ("hay cámaras en los remolques porque roban aceituna.", "cd_isolation_confinement_surveillance"),
])
def test_tools_and_requests_of_round_23(text: str, absent: str) -> None:
    assert absent not in ids(text)


def test_a_lock_on_the_outside_is_confinement_whatever_reason_is_given() -> None:
    text = ("en la noche los deja dormir en la bodega de las maquinas con candado por fuera, dice que es porque se roban "
            "el diesel.")
    assert "cd_isolation_confinement_surveillance" in ids(text)


@pytest.mark.parametrize("text", [
    "En Houston lo tuvieron ocho días encerrado en una casa con otros doce, hasta que el dueño de un restaurante pagó $4,000 "
    "por él y se lo llevó.",
    "After crossing near Roma, Texas, he was kept ten days in a locked house in Rio Grande City until a man who owns a scrap "
    "metal business paid the guide $3,500 and drove him north.",
])
def test_a_stash_house_on_the_way_is_confinement_during_the_journey(text: str) -> None:
    found = ids(text)
    assert "cr_isolation_confinement_surveillance" in found
    assert "cd_isolation_confinement_surveillance" not in found


@pytest.mark.parametrize(("text", "found"), [
    ("Wilmer told him he wanted his pay and Mike busted his lip with the clipboard.", True),
    ("he put his hand around her throat in the back room.", True),
    ("i asked for my 3 weeks and he said remember Tavo? Tavo came back with his face all purple.", True),
    ("Al Chuy le rompió la boca enfrente de todos por reclamar.", True),
    ("una compañera que se quejó del pago amaneció golpeada al día siguiente.", True),
    ("al que se salio la otra semana lo trajeron de regreso todo golpeado.", True),
    ("Declaró que el subcontratista le dio un puño cuando le pidió su paga.", True),
    ("y los inversores sin lockout, a uno se le quemó la mano el martes.", False),
])
def test_violence_told_by_its_marks(text: str, found: bool) -> None:
    assert ("cd_violence_on_victim" in ids(text)) is found


@pytest.mark.parametrize("text", [
    "Client, M, 31, Venezuelan, on humanitarian parole.",
    "Caller (M, Haitian, 28, TPS) is a helper for a contractor.",
    "He said the visa belongs to the owner.",
    "Deb said they will call my probation officer.",
    "El perjudicado, dominicano de 52 años, sin estatus migratorio, presentaba un hematoma.",
])
def test_a_status_that_hangs_on_the_authorities(text: str) -> None:
    assert "vd_relationship_authorities_legal_status" in ids(text)


@pytest.mark.parametrize("text", [
    "Today she treated 3 olive pickers for deep hand cuts and a sprained wrist after ladder falls.",
    "one has burns on his hand and arm, said he got shocked off a sign.",
    "We hang vinyl on billboards along the interstate, 40, 50 feet up.",
    "Una mujer tenía una quemadura en el antebrazo por el horno de porcelana.",
])
def test_an_injury_told_plainly_is_hazardous_work(text: str) -> None:
    assert "ex_hazardous_work" in ids(text)


@pytest.mark.parametrize(("text", "found"), [
    ("Y el pasaporte sigue con ella desde que llegué, dice que allá está más seguro.", True),
    ("Driver/owner produced five passports from his glove box and stated he 'holds them for the workers.'", True),
    ("i asked for my licencia back and he said after the Johnson job, that was 2 jobs ago lol.", True),
    ("Hourly pay, overtime on the stub, direct deposit every other Friday. My ID stays with me.", False),
])
def test_where_the_papers_stay(text: str, found: bool) -> None:
    assert ("cd_confiscation_of_documents" in ids(text)) is found


def test_your_papers_stay_with_me_is_not_the_worker_keeping_them() -> None:
    assert "ctx_keeps_own_documents" not in ids("Rudy said go ahead but your papers stay with me til you pay for the ladder.")


@pytest.mark.parametrize("text", [
    "He says if I leave, everyone in our town will know what kind of woman I am.",
    "Deb said if i leave theyll post all over facebook that i starved it.",
    "el gerente le dijo que si se va le manda mensajes a su esposo diciendo que ella anda con los clientes.",
])
def test_shame_before_the_town_or_online(text: str) -> None:
    assert "cd_threats_to_inform_family_community" in ids(text)


@pytest.mark.parametrize("text", [
    "Owner told him 'la migra finds you in a week, I have friends in ICE' if he quits.",
    "Cuando reclamé me dijo: acuérdate que tu visa ya se venció, una llamada y te vas.",
    "the owner told her if she ever talks to police, immigration takes her the same day.",
    "Crew leader told them anyone who calls the labor office goes back to MX and never gets a visa again.",
    "Dos dijeron que el dueño les advirtió que si hablaban con nosotros se iban en el siguiente camión a México.",
    "he says if we complain he cancels our visa and we go home with the agency debt.",
])
def test_the_law_made_the_price_in_more_words(text: str) -> None:
    assert "cd_threat_of_denunciation" in ids(text)


@pytest.mark.parametrize(("text", "found"), [
    ("Owner pays $50 a night cash 'cuando se acuerda' and has held his passport since March.", True),
    ("i left the Tacoma job but the jefe still has my last 3 weeks, says i get it when i come back.", True),
    ("Tip jar emptied by owner every night.", True),
    ("primo no te vengas. de las propinas no vemos nada, dice que son pa la renta y el ride.", True),
    ("La paga dice el Toño que se la manda a mi mamá pero mi mamá dice que no le ha llegado nada.", True),
    ("Both are paid weekly by check and can quit whenever they want.", False),
    ("He gets his check into his own account every Friday.", False),
])
def test_pay_the_boss_decides(text: str, found: bool) -> None:
    assert ("cd_withholding_of_wages" in ids(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("I do invitations and business cards 9 to 9, Monday to Saturday.", True),
    ("same kid there every day, open to close, 10 to 9, sundays too.", True),
    ("im here from 7 till he closes at 8 every day.", True),
    ("works at a muffler shop, six 10-hour days a week.", True),
    ("They start scraping at 6:30 and the van doesnt come back for them till past 8 at night.", True),
    ("like 6am til midnite.", True),
    ("They drove 22 hrs straight.", True),
    ("I paid 3 to 5 dollars each.", False),
    ("The clinic is open 9 to 5, Monday to Friday.", False),
])
def test_hours_told_with_their_week(text: str, found: bool) -> None:
    assert ("ex_excessive_hours" in ids(text)) is found


@pytest.mark.parametrize(("text", "absent"), [
    ("Quiere saber sus derechos. Le pagan cada semana a su nombre.", "cd_withholding_of_wages"),
    ("Trabaja los sábados, le pagan en efectivo y el dinero se lo queda ella.", "cd_withholding_of_wages"),
    ("Los sábados vienen unos muchachos del elote; cada uno manda lo suyo a Guatemala.", "cd_threat_of_denunciation"),
    ("Su única duda es si le deben pagar la hora de espera antes de que llegue el camión.", "cd_debt_bondage"),
    ("There's a camera on the diesel tank since fuel started disappearing.", "cd_isolation_confinement_surveillance"),
    ("After the OSHA visit they put guards on every chain.", "cd_isolation_confinement_surveillance"),
])
def test_look_alikes_of_round_27(text: str, absent: str) -> None:
    assert absent not in ids(text)


def test_a_check_in_the_brokers_name_is_still_withheld() -> None:
    assert "cd_withholding_of_wages" in ids("Los cheques salen a su nombre y él nos da lo que quiere, 150 por semana.")


# --- rounds 31-32 (read after they were scored): pay put off, deducted, none; leaving and papers told plainly ---

@pytest.mark.parametrize(("text", "found"), [
    ("He pays when the fish sells.", True),
    ("Paga cuando se vende el pescado, o sea casi nunca.", True),
    ("He has not been paid since Dec 1; the crew leader says pay comes in April so nobody runs off.", True),
    ("Creo que no les pagan desde hace dos meses, el jefe les dice 'la otra semana'.", True),
    ("The owner opened a bank account for him but keeps the card and PIN.", True),
    ("él paga con las tarjetas del banco de ellos, que trae todas juntas en la chamarra.", True),
    ("el encargado recoge las propinas de todos y les da 20 dólares el domingo.", True),
    ("Every check goes to the balance.", True),
    ("la agencia cobra todos los trabajos.", True),
    ("he said fine but he keeps the 3 weeks he owes me.", True),
    ("says anybody who quits before april dont get paid for january.", True),
    ("el patrón les tiene la plata guardada.", True),
    ("Desde julio no le manda nada; él dice que el dueño se lo guarda.", True),
    ("Desde enero el encargado no le paga, dice que hasta que cierre la temporada.", True),
    ("I get paid next week, on Friday, like always.", False),
    ("My bank card is in my wallet and the pay goes to my account.", False),
    ("I keep all my tips.", False),
    ("Ella tiene su tarjeta de débito y cobra cada viernes.", False),
])
def test_pay_put_off_held_or_taken_in_more_words(text: str, found: bool) -> None:
    assert ("cd_withholding_of_wages" in ids(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("He takes $100 of that for the room at his house.", True),
    ("Housing = unheated garage w/ bunks, $150/wk taken from pay.", True),
    ("Also $35 a week comes off for gloves and loppers.", True),
    ("Lodging credit of $95/wk taken, no cost records.", True),
    ("the contractor brings food twice a month and charges it against wages.", True),
    ("el boss trae la comida de la tienda y luego nos la cobra al doble.", True),
    ("Le cobran cada cosa que se rompe.", True),
    ("Cashiers charged for drawer shortages.", True),
    ("the stubs show fewer hours than he worked.", True),
    ("takes $20/wk 'bank fee' for cashing checks.", True),
    ("los ranchos le pagan al señor y a él le tocan unos 20 dólares por semana.", True),
    ("Store managers charge $15/wk uniform rental.", True),
    ("Además se quedaban con la mitad de las propinas de la cocina.", True),
    ("The room is $80 a week and I pay it myself to the landlord.", False),
    ("Nothing comes off the check but taxes.", False),
])
def test_deductions_told_in_more_words(text: str, found: bool) -> None:
    assert ("ex_wage_manipulation" in ids(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("I walked 3 shows at fashion week and didnt see one dollar.", True),
    ("For 5 weeks they cut and hung hemp; they were paid nothing.", True),
    ("He was paid twice in five months.", True),
    ("she gets no money because she still owes them for the plane ticket.", True),
    ("V works from 5 in the morning until 10 at night and is given $40 a day.", True),
    ("en 2 meses no ha recibido ni un dólar.", True),
    ("ninguno ha recibido pago en cinco semanas.", True),
    ("castings de 8am a 10pm y de plata nada.", True),
    ("no le debo ni un peso al dueño y me pagan cada viernes.", False),
    ("the owner is nothing like the guys on that tv show.", False),
])
def test_no_pay_told_as_nothing_received(text: str, found: bool) -> None:
    assert ("ex_low_or_no_salary" in ids(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("Two wkrs left in June for a citrus grower with no interference.", True),
    ("dos se fueron en marzo a otra granja sin problema.", True),
    ("A guy from my shift left for a warehouse job in October and they paid his last check.", True),
    ("Si me quiero ir, nomás aviso.", True),
    ("I could go work at the stand downtown tomorrow if I wanted.", True),
    ("el día que me canse me largo.", True),
    ("She is signing with another agency.", True),
    ("Two guys left and the boss sent men after them.", False),
])
def test_leaving_told_by_who_left_and_how(text: str, found: bool) -> None:
    assert ("ctx_free_to_leave" in ids(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("Each produced his own Mexican passport from his wallet.", True),
    ("Todos dicen que traen su propia identificación.", True),
    ("La empresa guarda copia del pasaporte para el I-9; los originales los tienen los trabajadores.", True),
    ("HR kept a copy of my passport for the I-9, the original's at my apartment.", True),
    ("eso sí, mi pasaporte está conmigo y el cheque viene con mi nombre.", True),
    ("The four had no ID on them; the lead produced their passports from the glovebox.", False),
    ("He produced their passports from the glovebox.", False),
    ("El patrón mostró sus pasaportes al oficial.", False),
])
def test_papers_shown_carried_or_kept_as_originals(text: str, found: bool) -> None:
    assert ("ctx_keeps_own_documents" in ids(text)) is found


def test_the_boss_keeping_the_whole_pay_is_not_the_worker_keeping_it() -> None:
    found = ids("se los cobra quedándose con su sueldo completo; le da 30 dólares semanales.", "es")
    assert "ctx_keeps_own_wages" not in found
    assert "cd_withholding_of_wages" in found


@pytest.mark.parametrize(("text", "found"), [
    ("the booker said si me voy, she tells everybody in Santiago I was doing escort stuff.", True),
    ("the owner said he would call his wife and tell her he has another woman, and tell the Ecuadorian community he is a "
     "thief.", True),
    ("Dijo que si alguno se iba, allá en San Marcos todos se iban a enterar que éramos unos ladrones.", True),
    ("Dice que si nos vamos, con una llamada manda a mi hijo a la correccional.", False),
    ("he told them if they go talk to the church ladies he calls ICE on everybody.", False),
])
def test_shame_told_to_the_town_or_the_spouse(text: str, found: bool) -> None:
    assert ("cd_threats_to_inform_family_community" in ids(text)) is found


@pytest.mark.parametrize(("text", "item"), [
    ("Owner keeps photocopies of passports; each irrigator holds the original.", "cd_confiscation_of_documents"),
    ("El trabajo de armado lo encontraron solos, por un primo que les enseñó la app.", "cd_threats_of_violence"),
    ("Cámaras en las bahías por reclamos de clientes por rayones, con aviso escrito.", "cd_isolation_confinement_surveillance"),
    ("Farm has an 8-ft fence, cameras and two dogs since activists cut the fence.", "cd_isolation_confinement_surveillance"),
    ("I have bite scars all over my hands from the breeders.", "cd_violence_on_victim"),
])
def test_look_alikes_of_rounds_33_and_34(text: str, item: str) -> None:
    assert item not in ids(text)


def test_a_copy_beside_a_held_original_is_still_confiscation() -> None:
    assert "cd_confiscation_of_documents" in ids("He keeps our I-94s and the copies of our nursing licenses in his safe.")


@pytest.mark.parametrize(("text", "item", "found"), [
    ("each owes him $12,000 for the trip.", "dr_travel_recruitment_conditions", True),
    ("Owner charged $1,500 'training fee', taken out of his first checks.", "dr_travel_recruitment_conditions", True),
    ("Nos cobró 12 mil pesos de fianza y dijo 15 la hora.", "dr_travel_recruitment_conditions", True),
    ("Le dimos 30 mil pesos cada quien para el camino.", "dr_travel_recruitment_conditions", True),
    ("Yo le pagué a don Efraín 30 mil quetzales para que me trajera a Houston a trabajar.", "dr_travel_recruitment_conditions",
     True),
    ("Employees are paid biweekly, keep their own documents; turnover is high.", "cd_under_strong_influence", False),
    ("en la tienda de donas venden droga por la ventanilla del drive-thru en la madrugada.", "cd_under_strong_influence",
     False),
    ("el caporal los pone a vender cristal y les paga con la misma droga.", "cd_under_strong_influence", True),
    ("la tienda le vende a los chamacos sin pedir identificación, ¿a quién le hablo, a la policía?",
     "cd_threat_of_denunciation", False),
    ("Owner took $120 out of his pay for a rack of donuts he burned.", "cd_violence_on_victim", False),
    ("Follow-up on an anonymous complaint that a concrete contractor 'locks workers in' its yard. The gate is padlocked "
     "after 6 pm because a saw was stolen. Two former employees confirmed the deposit.",
     "cd_isolation_confinement_surveillance", False),
])
def test_charges_and_look_alikes_of_rounds_33_and_34(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize("text", [
    "When Wilmer talked about running, the cousin said the people at the border know where each of our families lives.",
    "Cuando un compañero pidió lo retenido, el subcontratista le dijo que sabe en qué escuela estudian sus hijos.",
    "he showed me a photo of my mother's house in Jutiapa on his phone.",
    "He said he has my wife's address in his phone.",
    "Si me voy, dice, su gente va a visitar a mi mamá allá en Comitán.",
])
def test_the_family_within_reach_in_more_words(text: str) -> None:
    assert "cd_violence_on_family" in ids(text)


def test_not_knowing_where_ones_own_family_is_is_no_threat() -> None:
    assert "cd_violence_on_family" not in ids("I know where my family is and I call them every Sunday.")


@pytest.mark.parametrize(("text", "item", "found"), [
    # 'guardia' is also a duty shift, and a coast guard watches no worker
    ("Turnos de 16 horas con guardias de noche.", "cd_isolation_confinement_surveillance", False),
    ("En invierno me toca guardia de emergencias una semana sí y otra no.", "cd_isolation_confinement_surveillance", False),
    ("En invierno me toca guardia de emergencias una semana sí y otra no.", "cd_violence_on_victim", False),
    ("A coast guard boat came out after the line parted at the lock.", "cd_isolation_confinement_surveillance", False),
    ("Hay guardias armados en la puerta y no nos dejan salir.", "cd_isolation_confinement_surveillance", True),
    ("El guardia nos vigila todo el día.", "cd_isolation_confinement_surveillance", True),
    ("El capataz les cierra el furgón con candado por fuera. Si salen a la calle los coge la Guardia Costera.",
     "cd_isolation_confinement_surveillance", True),
    # a stocker's scanner gun is a tool; a discount store is a shop
    ("$25 deducted for each lost scanner gun.", "cd_threats_of_violence", False),
    ("Trabajo en la tienda de descuento de la calle 5.", "ex_wage_manipulation", False),
    ("Me descuentan 50 dólares por la renta.", "ex_wage_manipulation", True),
    # wages paid in full are no smuggling fee settled
    ("El overtime me lo pagan completo.", "ctx_smuggling_arrangement_ended_on_arrival", False),
    ("Le pagué completo al coyote y al llegar se fue.", "ctx_smuggling_arrangement_ended_on_arrival", True),
    # a burned-out trailer is a ruin, not a blow
    ("They live in the burned out single wide by the dumpsters.", "cd_violence_on_victim", False),
])
def test_word_senses_of_rounds_35_and_36(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize(("text", "age"), [
    ("La constructora del ministerio tiene 9 albañiles en nómina.", None),
    ("el manager tiene 6 muchachos de guatemala de plomeros.", None),
    ("the gate gets padlocked at 6 when we leave.", None),
    ("Tengo 16 ya no soy una niña.", 16),
    ("Mi hijo tiene 15 y trabaja de noche.", 15),
    ("I came at 15 when my uncle brought me.", 15),
    ("He was brought at 12 years old to work in the shop.", 12),
])
def test_a_count_or_a_clock_time_is_no_age(text: str, age: int | None) -> None:
    assert stated_age(fold(text)) == age


@pytest.mark.parametrize(("text", "found"), [
    ("Works 6am-10pm through harvest, paid $1,200 total for 5 wks.", True),
    ("La semana pasada le quedaron 90 dólares por 6 días.", True),
    ("He gets $300 cash for a week of twelve-hour shifts, seven days.", True),
    ("After chargebacks he nets approx $200 for 65+ hrs.", True),
    ("Le da 200 cada 2 semanas.", True),
    ("He gets $20 on Saturdays for food.", True),
    ("He is paid $1,200/mo minus $400 for a mattress in the basement.", True),
    ("They havent been paid since easter.", True),
    ("one of them said they aint been paid since august", True),
    ("he sleeps in the equipment trailer and earns nothing, all of it goes to the debt.", True),
    ("Nadie ha cobrado en seis semanas porque primero se paga la visa.", True),
    ("Pisto no hemos visto en 5 semanas.", True),
    ("Ninguna de las parejas ha recibido pago desde que llegaron en enero.", True),
    ("we dont get paid till thanksgiving when the berries are sold.", False),
    ("Nadie ha cobrado la renta este mes.", False),
    ("I dont pay rent because I live with my mom.", False),
    ("He pays $600 a week for the room and the van.", False),
])
def test_low_pay_over_days_and_no_pay_without_apostrophes(text: str, found: bool) -> None:
    assert ("ex_low_or_no_salary" in ids(text)) is found


@pytest.mark.parametrize(("text", "item", "found"), [
    # nobody reporting, and a negation whose "anyone" belongs to the clause before
    ("None reported being threatened, hit, or told they would be reported to immigration.",
     "cd_threat_of_denunciation", False),
    ("None of the workers said anything, but the boss threatened to call immigration on them.",
     "cd_threat_of_denunciation", True),
    ("He isnt in debt to anyone and nobody has threatened him or his family.", "cd_violence_on_family", False),
    ("The crew leader threatened him and his family back home.", "cd_violence_on_family", True),
    # the allegation a closed note checked, and a report its writer takes back
    ("Se visitó un rancho por una llamada anónima que hablaba de trabajadores encerrados. Los trabajadores dijeron "
     "que no viven ahí. Se cerró el caso.", "cd_isolation_confinement_surveillance", False),
    ("Se visitó un rancho por una llamada anónima. Encontramos a los trabajadores encerrados con candado por fuera.",
     "cd_isolation_confinement_surveillance", True),
    ("La vez pasada reporté que el patrón le tenía el pasaporte al muchacho. Hablé bien con él y no es así, "
     "perdón por la confusión.", "cd_confiscation_of_documents", False),
    # locks, cameras and copies with a lawful purpose; a knife that is a tool; a burning chest
    ("El cuarto de atrás tiene candado pero es para la carne y el refri, nadie duerme ahí.",
     "cd_isolation_confinement_surveillance", False),
    ("Lock box on door is the realtor box.", "cd_isolation_confinement_surveillance", False),
    ("They lock us in the back room at night.", "cd_isolation_confinement_surveillance", True),
    ("El dueño me pidió el pasaporte el primer día, le sacó copia para la nómina y me lo devolvió en el momento.",
     "cd_confiscation_of_documents", False),
    ("El contratista les recogió los pasaportes 'para sacarles el gafete' y nunca se los devolvió.",
     "cd_confiscation_of_documents", True),
    ("Owner asked for his passport to make a copy for the lawyer; he got it back the same afternoon.",
     "cd_confiscation_of_documents", False),
    ("The contractor took our passports to make copies, we never saw them again.", "cd_confiscation_of_documents", True),
    ("El cuchillo eléctrico para cortar la carne no tiene guarda.", "cd_threats_of_violence", False),
    ("El patrón sacó un cuchillo y dijo que nos iba a matar si nos íbamos.", "cd_threats_of_violence", True),
    ("My chest been burning all week from the dust.", "cd_violence_on_victim", False),
    # the job itself, a loan of money, and not wanting to leave
    ("Caller is a cook on a work visa at a family restaurant.", "cd_forced_tasks_or_clients", False),
    ("Owner lent him $1,500 for an apartment deposit.", "cd_forced_tasks_or_clients", False),
    ("No me quiero ir porque el sueldo es bueno.", "cd_isolation_confinement_surveillance", False),
    ("Dice que mientras le deba no me puedo ir.", "cd_isolation_confinement_surveillance", True),
    ("No nos dejan salir del rancho.", "cd_isolation_confinement_surveillance", True),
])
def test_hard_negatives_of_round_38(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize(("text", "item", "found"), [
    # a recruiter's charge for the visa is a recruitment fee, not a deduction from wages
    ("The agent in Bloemfontein charged me R45,000 for the visa and flight.", "ex_wage_manipulation", False),
    ("The agent in Bloemfontein charged me R45,000 for the visa and flight.", "dr_travel_recruitment_conditions", True),
    ("They charge us $50 a week for the van and take it out of the check.", "ex_wage_manipulation", True),
    # a deduction the worker signed for, against a loan he asked for
    ("Tiene un pagaré firmado, le descuentan 100 por quincena con su autorización.", "ex_wage_manipulation", False),
    ("Le descuentan 100 por quincena por la renta sin su autorización.", "ex_wage_manipulation", True),
    ("Two workers had $15 deducted for lost knives without written authorization.", "ex_wage_manipulation", True),
    ("Workers signed 'independent contractor' agreements; $20 a month taken for harness rental.",
     "ex_wage_manipulation", True),
    # the employer paying the way, and paying it then taking it back
    ("Employer paid their flights and visa fees.", "dr_travel_recruitment_conditions", False),
    ("Aclara que no le debe nada al contratista porque la empresa pagó la visa y el camión.",
     "dr_travel_recruitment_conditions", False),
    ("The boss paid the visa and now he takes $200 out of every check for it.", "dr_travel_recruitment_conditions", True),
    ("When he asked about the $2,100 he paid for the visa and flights, the farmer threatened him.",
     "dr_travel_recruitment_conditions", True),
    # 'restaurante' is no 'restar'
    ("Inspección WHD, restaurante de comida tailandesa, 3 empleados de cocina.", "ex_wage_manipulation", False),
    ("Me restan 50 dólares por el cuarto cada semana.", "ex_wage_manipulation", True),
])
def test_charges_and_agreed_deductions_of_round_38(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize(("text", "item", "found"), [
    # the boss not having the papers; a denied debt; a debt paid and done
    ("So for the record: my boss does not have my passport, I have it.", "cd_confiscation_of_documents", False),
    ("He does not have his passport, the boss keeps it.", "cd_confiscation_of_documents", True),
    ("Ninguno refiere golpes; niegan tener deudas con el patrón.", "cd_debt_bondage", False),
    ("Paid a guide 4500 dollars that my brother sent, and that was the end of it, I owed him nothing.",
     "cd_debt_bondage", False),
    ("She says I owe her the vet bill, $700, so no pay til thats paid off.", "cd_debt_bondage", True),
    # things locked away, and cameras and guards for property or safety
    ("They have a camera at the door and lock the batteries in a cage at night because of the fires.",
     "cd_isolation_confinement_surveillance", False),
    ("yes the owner has a padlock on the meat shed but thats so the bears dont get in.",
     "cd_isolation_confinement_surveillance", False),
    ("hay guardia en la noche pero es del festival, no encierra a nadie.", "cd_isolation_confinement_surveillance", False),
    ("The owner's wife padlocks the camper door from outside 'so nobody steals'.",
     "cd_isolation_confinement_surveillance", True),
    # bank cards of accounts opened in the workers' names are pay, not papers
    ("Wages go into accounts the franchisee opened in their names and he holds the cards.",
     "cd_confiscation_of_documents", False),
])
def test_hard_negatives_of_round_39(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize(("text", "item", "found"), [
    # a note closed at its end is refuted; a door that closes, or someone else's "no es así", refutes nothing
    ("Se revisó denuncia de que en el cementerio 'tienen trabajadores secuestrados'. Ninguno refirió amenazas. Se cierra.",
     "cd_isolation_confinement_surveillance", False),
    ("La bodega se cierra. El patrón les dijo 'si se van los mato'.", "cd_threats_of_violence", True),
    ("Yo reporté que el patrón le quitó el pasaporte. La policía dijo que no es así, pero él sigue sin pasaporte.",
     "cd_confiscation_of_documents", True),
    ("The visa paperwork was in order, but then the boss took our passports. No report was made.",
     "cd_confiscation_of_documents", True),
])
def test_what_refutes_a_note_and_what_does_not(text: str, item: str, found: bool) -> None:
    assert (item in ids(text)) is found


@pytest.mark.parametrize("text", [
    "The foreman keeps my pasaporte in his truck.",
    "she took my documentos the first day.",
])
def test_spanish_document_nouns_in_english_text_are_documents(text: str) -> None:
    # code-switched tips name the papers in Spanish ("my pasaporte"); Spanish text already knew "passport"
    assert "cd_confiscation_of_documents" in ids(text, "en")


def test_a_boss_after_a_preposition_is_not_the_one_who_keeps_the_papers() -> None:
    # "lives with his wife" names no holder: the sentence's subject keeps his own documents
    assert "cd_confiscation_of_documents" not in ids(
        "He rents a room, lives with his wife, keeps his documents in a drawer.", "en")
    # ... but a relative clause makes the employer the subject again
    assert "cd_confiscation_of_documents" in ids("He works for the owner, who keeps his passport.", "en")


def test_a_foreman_is_an_employer_and_a_landlord_after_from_is_not_the_subject() -> None:
    assert "cd_confiscation_of_documents" in ids("Workers said the foreman keeps their passports in his truck.", "en")
    assert "ctx_keeps_own_documents" in ids(
        "Caller rents a room himself from a landlord unrelated to work, keeps his passport and ID.", "en")


def test_a_debt_after_a_paid_crossing_or_job_charge_is_the_journeys_debt() -> None:
    # the annotation rules: a debt for the trip, the visa or the crossing is recruitment debt wherever it is told
    found = ids("My father paid a guide 60,000 pesos to bring me across. Now the contractor says I owe him "
                "$3,800 and keeps my pay against it.", "en")
    assert "cr_debt_bondage" in found and "cd_debt_bondage" not in found
    # rent named in the sentence keeps a debt made at destination
    assert "cd_debt_bondage" in ids("I paid the recruiter $900 for the job. At the farm the boss charges rent "
                                    "and food and says I owe him $1,200 now.", "en")


@pytest.mark.parametrize(("text", "money"), [
    ("takes $60 a week", True),
    ("me quita 250 dls cada semana", True),
    ("Q40,000 al coyote", True),
    ("he owes 3 mil pesos", True),
    ("paid 5k for the visa", True),
    ("3500 dollars", True),
    ("2 pills a day", False),
    ("el 5 de mayo", False),
    ("works 12 horas", False),
    ("room 12 of the motel", False),
])
def test_a_number_written_as_money_is_told_from_other_numbers(text: str, money: bool) -> None:
    from laborlens.extraction.lexicon import tokens

    assert [t.money for t in tokens(fold(text)) if t.word[:1].isdigit()] == [money]


@pytest.mark.parametrize(("text", "measure"), [
    ("52 años", True), ("100 kilos", True), ("30%", True), ("200 al mes", True), ("15 an hour", True),
    ("since 2019", True), ("12 men", False), ("somos 8 en un cuarto", False), ("room 12", False),
])
def test_a_number_written_as_an_age_a_measure_a_rate_or_a_year_is_told_from_a_count(text: str, measure: bool) -> None:
    from laborlens.extraction.lexicon import tokens

    assert [t.measure for t in tokens(fold(text)) if t.word[:1].isdigit()] == [measure]


def test_a_macro_name_may_hold_digits_and_a_misspelt_one_is_an_error() -> None:
    from laborlens.extraction.rules import _element

    macros = {"en": {"PAY2_TAKE": "take|keep"}}
    assert _element("{PAY2_TAKE}", "en", macros).stems
    with pytest.raises(ValueError, match="not a macro name"):
        _element("{pay_take}", "en", macros)


@pytest.mark.parametrize(("text", "found"), [
    ("Twelve of us, 12 men in one trailer.", True),
    ("Somos 8 en un cuarto sin ventanas.", True),
    ("Victim stated that the crew leader charges $50 per week for a bed in a shed.", False),
    ("They leave at 3am in a white trailer and get back after dark.", False),
    ("Cose bolsas de 6am a medianoche en una casa rodante.", False),
    ("Tiene 52 años, interna en una casa de Houston.", False),
    ("Since 1960, the workers leave in a white van.", False),
    ("Mide 2 metros en una casa de campo.", False),
])
def test_a_count_of_people_is_crowding_but_money_or_a_time_is_not(text: str, found: bool) -> None:
    # '#count' in the crowding rules: a number that is neither money, a time, an age, a measure nor a year
    ids = extract(text, layers=("patterns", "rules")).ids
    assert ("ex_bad_living_conditions" in ids) is found


@pytest.mark.parametrize(("text", "clock"), [
    ("left at 3am", True), ("5:30 in the room", True), ("hasta las 9 de la noche", True), ("works 10 hrs", True),
    ("12 men in one trailer", False), ("nos tiene a las 4 en un cuarto", False), ("16 H-2A workers", False),
])
def test_a_number_written_as_a_time_is_told_from_a_count(text: str, clock: bool) -> None:
    from laborlens.extraction.lexicon import tokens

    assert [t.clock for t in tokens(fold(text)) if t.word[:1].isdigit()][:1] == [clock]
