"""Concept checks (extraction/concepts.py): an item fires on what a sentence says, not on
any word of its topic (issue 14: low pay, very bad working conditions, "promised X, got Y")."""

from __future__ import annotations

import pytest

from laborlens.extraction import concepts, extract, numbers
from laborlens.extraction.matcher import fold


def ids(text: str) -> set[str]:
    return set(extract(text).ids)


@pytest.mark.parametrize("text", [
    "The hotel did not pay the overtime last summer and charged us for the uniform. I keep my passport.",
    "El hotel no nos pagó las horas extra y nos cobró el uniforme. Tengo mi pasaporte y me voy cuando quiero.",
    "Dice que no le cobraron por la visa, no le quitaron el pasaporte y le pagan cada semana completo.",
    "Is it legal for a farmer to pay a worker less than minimum wage? I am just asking for my information.",
    "La señora me prometió 600 dólares al mes y clases de inglés, y así fue, me paga cada mes.",
    "They take $60 a week for the bunk in the trailer and pay us every Friday by check.",
    "El encargado decía que si alguien se quejaba nos iba a poner a limpiar los baños sin paga.",
])
def test_wage_mention_without_the_concept_is_not_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" not in ids(text)


@pytest.mark.parametrize("text", [
    "We have not been paid in three months and the boss says there is no money.",
    "Trabajamos tres meses sin cobrar nada, el patrón dice que no hay dinero.",
    "The agent told them wages would be $1,000 monthly; the captain's ledger shows $350.",
    "El contrato que firmé decía 700 dólares al mes. Aquí el capitán nos da 300 y dormimos cuatro horas.",
    "He was recruited promising $14 an hour at a hospital; he is paid $5 an hour cleaning offices.",
])
def test_no_pay_or_far_below_the_promise_is_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" in ids(text)


@pytest.mark.parametrize("text", [
    "Field crew mixing pesticide without respirators and no gloves. They are paid weekly and live in town.",
    "Los trabajadores aplican herbicida sin guantes ni mascarilla. Cobran cada semana y salen libremente.",
    "They live in a shed with no hot water near the dairy. They are paid on Fridays.",
])
def test_missing_gear_or_hot_water_is_not_very_bad_working_conditions(text: str) -> None:
    assert "ex_very_bad_working_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "The cherry crew has no shade and no drinking water out in the orchard in 100 degrees.",
    "En el campo cortamos el pasto a 95 grados sin sombra y no nos dan agua en todo el turno.",
])
def test_basic_needs_denied_at_work_are_very_bad_working_conditions(text: str) -> None:
    assert "ex_very_bad_working_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "The recruiter promised her a job as a nanny with a family in Boston. When she arrived she was sent to clean "
    "three houses and a restaurant kitchen every day.",
    "Yo pensé que venía a trabajar en construcción, eso me dijo el que me reclutó. Me pusieron a limpiar tiendas "
    "de noche y la casa del jefe de día.",
    "El licenciado nos dijo que la visa era para trabajar en un campo de golf. Llegamos a cortar pasto en casas "
    "particulares y dormimos en un garaje.",
])
def test_promised_job_then_another_is_deception_about_the_job(text: str) -> None:
    assert "dr_nature_of_job_location_employer" in ids(text)


@pytest.mark.parametrize("text", [
    "They offered me a job as a waiter at the hotel and that is the job I have, paid every week as promised.",
    "Me ofrecieron trabajo de mesero en el hotel y es lo que hago; me pagan como prometieron.",
    "The recruiter promised a job at a hotel. He did not lie to us: it is the hotel job, but the hours are long.",
])
def test_a_promise_kept_is_not_deception(text: str) -> None:
    assert "dr_nature_of_job_location_employer" not in ids(text)


@pytest.mark.parametrize("text", [
    "We pick in the orchard in 100 degree heat all afternoon and the crew leader says to keep going.",
    "En el taller de costura el aire no circula y hace como 40 grados todo el turno.",
])
def test_extreme_heat_at_work_is_very_bad_working_conditions(text: str) -> None:
    assert "ex_very_bad_working_conditions" in ids(text)


def test_heat_where_people_sleep_is_not_a_working_condition() -> None:
    text = "Llegamos a una bodega con 40 catres y dos baños, sin aire. Nos pagan cada semana."
    assert "ex_very_bad_working_conditions" not in ids(text)


@pytest.mark.parametrize("text,item", [
    ("I clean for a family six days a week. I keep my passport and my money and I can quit.",
     "cd_confiscation_of_documents"),
    ("He joined a citrus crew on his own. He is paid fairly most weeks, keeps his wages, and changed crews twice.",
     "cd_withholding_of_wages"),
    ("Trabajador H-2A. Cobra él mismo su cheque, tiene su pasaporte y puede renunciar.", "cd_withholding_of_wages"),
    ("I keep my passport and my money and I can quit, I just want to know what I'm owed.", "cd_debt_bondage"),
    ("He crossed with a paid guide, owed nothing on arrival and never saw the guide again.", "cd_debt_bondage"),
    ("Worked at a pizza shop two years and quit in March. No one ever took my ID or threatened me.",
     "cd_threats_of_violence"),
    ("Trabajé vendiendo cuchillos de casa en casa y me depositaban el dinero a mí.", "cd_threats_of_violence"),
])
def test_the_worker_holding_or_being_owed_is_not_coercion(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text,item", [
    ("The owner keeps my passport in his office and says I get it back in December.", "cd_confiscation_of_documents"),
    ("She keeps my wages and says she is saving them for me.", "cd_withholding_of_wages"),
    ("Cada uno le debe 4,500 dólares al contratista por la visa y el camión, y no los deja irse.", "cr_debt_bondage"),
    ("No one helped us. The boss threatened to kill me if I left.", "cd_threats_of_violence"),
])
def test_the_boss_holding_or_the_worker_owing_is_still_found(text: str, item: str) -> None:
    assert item in ids(text)


def test_not_having_ones_own_passport_is_still_confiscation() -> None:
    text = "She said she doesn't have her passport because the employer kept it when she arrived."
    assert "cd_confiscation_of_documents" in ids(text)


# Spanish "tiene su pasaporte": "su" is his, her, their or your; the subject says whose hands.
@pytest.mark.parametrize("text", [
    "El patrón tiene su pasaporte.",
    "Dice que el mismo hombre tiene su pasaporte y que le advirtió que no se fuera.",
    "Las trabajadoras dijeron que el gerente tiene sus pasaportes.",
    "Mi hermano dice que el patrón tiene sus papeles.",
])
def test_an_employer_holding_su_pasaporte_is_confiscation_not_keeping_ones_own(text: str) -> None:
    found = ids(text)
    assert "cd_confiscation_of_documents" in found
    assert "ctx_keeps_own_documents" not in found


@pytest.mark.parametrize("text", [
    "Ella tiene su pasaporte.",
    "Tengo mi pasaporte y mi teléfono.",
    "El patrón se los devolvió y ahora ella tiene su pasaporte.",
])
def test_the_worker_holding_su_pasaporte_is_keeping_ones_own(text: str) -> None:
    found = ids(text)
    assert "ctx_keeps_own_documents" in found
    assert "cd_confiscation_of_documents" not in found


def test_a_subject_after_the_verb_holds_the_papers() -> None:
    assert "ctx_keeps_own_documents" not in ids("Tiene sus papeles guardados el mayordomo.")


# Counter-evidence is read by whose hands hold the pay or papers, in both languages: an
# employer holding them is never "keeps own" (it would hold back a means fact in the reading).
@pytest.mark.parametrize("text,item", [
    ("He keeps her passport with the rest of ours in a grocery bag.", "ctx_keeps_own_documents"),
    ("The neighbor says they hold her passport so it does not get lost.", "ctx_keeps_own_documents"),
    ("The mayordomo collects the paychecks at the window and cashes them himself.", "ctx_keeps_own_wages"),
    ("Every Saturday the boss takes our checks and pays himself first.", "ctx_keeps_own_wages"),
    ("La madam cobraba su pago y se lo quedaba.", "ctx_keeps_own_wages"),
    ("El dueño cobra el cheque de discapacidad de mi hermano.", "ctx_keeps_own_wages"),
    ("La señora cobraba mi cheque cada quincena y me daba veinte dólares.", "ctx_keeps_own_wages"),
    ("El patrón les cobra el boleto de avión en abonos.", "ctx_keeps_own_wages"),
    ("Me quedé tres meses sin cobrar, todo el dinero se lo quedaba él.", "ctx_keeps_own_wages"),
    ("El dueño le tiene guardada su acta de nacimiento.", "ctx_keeps_own_documents"),
])
def test_someone_else_holding_the_pay_or_papers_is_not_keeping_ones_own(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text,item", [
    ("She keeps her passport in her drawer.", "ctx_keeps_own_documents"),
    ("I cash my check myself at the bank every Friday.", "ctx_keeps_own_wages"),
    ("Cobro mi cheque en el banco y nadie me quita nada.", "ctx_keeps_own_wages"),
    ("Ella cobra su cheque cada semana.", "ctx_keeps_own_wages"),
])
def test_the_worker_holding_the_pay_or_papers_is_keeping_ones_own(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", [
    "El patrón dice que si me voy me va a ir mal a mí y a mi familia.",
    "Trabajaba todos los días, sin un día libre en un año.",
])
def test_leaving_as_the_condition_of_a_threat_or_a_day_off_is_not_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" not in ids(text)


@pytest.mark.parametrize("text", [
    "Si quiero me voy, nadie me detiene.",
    "We can leave whenever we want.",
    "Salgo cuando quiero y tengo mis papeles.",
])
def test_leaving_at_will_is_still_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" in ids(text)


@pytest.mark.parametrize("text", [
    "those jamaican guys cutting trees for the company on route 4 cant leave. the owner has their passports",
    "En el rancho de la cebolla el mayordomo trae una pistola y la saca cuando alguien no llena la cubeta.",
    "The maid's face had bruises again and the lady of the house never leaves her alone.",
])
def test_a_workplace_or_an_employer_named_is_the_act_of_obtaining_labor(text: str) -> None:
    assert "ctx_act_obtained" in ids(text)


def test_a_smuggling_alone_names_no_workplace() -> None:
    assert "ctx_act_obtained" not in ids("Pagué al coyote 6,000 y nos dejó en una casa en Phoenix; luego me fui solo.")


# Control that begins on arrival is control at destination (INDICATORS.md; issue 14): a passport
# taken at the airport, or held now by an agency or manager, is cd_, not recruitment-phase cr_.
@pytest.mark.parametrize("text", [
    "He took our passports at the airport in Boston.",
    "El supervisor recogió los pasaportes en el aeropuerto de Seattle.",
    "Filipino teachers say their agency holds their passports and takes a cut of every paycheck.",
])
def test_papers_taken_on_arrival_or_held_now_are_control_at_destination(text: str) -> None:
    found = ids(text)
    assert "cd_confiscation_of_documents" in found
    assert "cr_confiscation_of_documents" not in found


def test_papers_taken_before_leaving_are_still_recruitment() -> None:
    found = ids("Before we left Manila the agency took our passports and said we would get them in Texas.")
    assert "cr_confiscation_of_documents" in found


@pytest.mark.parametrize("text", [
    "Nobody took anything from me, my passport is in my own drawer.",
    "The nanny told me her passport is in her room and she drives the kids herself.",
])
def test_the_workers_own_papers_found_on_the_same_words_are_not_confiscation(text: str) -> None:
    found = ids(text)
    assert "cd_confiscation_of_documents" not in found and "ctx_keeps_own_documents" in found


# Words that look like evidence in one sense or language and are not (found on the training split).
@pytest.mark.parametrize("text,item", [
    ("One of them had bruises on her arm.", "cd_threats_of_violence"),
    ("Toco en un grupo que armé con unos paisanos.", "cd_threats_of_violence"),
    ("The citrus crew I was with was fine, pay was fine.", "ex_wage_manipulation"),
    ("Los trabajadores salen al pueblo los fines de semana.", "ex_wage_manipulation"),
    ("He leaned against the truck and said the work was done.", "ex_labour_law_or_contract_breached"),
    ("Los domingos salimos al pueblo sin pedir permiso.", "vd_relationship_authorities_legal_status"),
    ("I go home to my mother every night and can visit my sister whenever.", "cd_violence_on_family"),
    ("There are cameras at the door because the place was robbed.", "cd_isolation_confinement_surveillance"),
    ("Bajan al pueblo los domingos y tienen teléfono.", "cd_isolation_confinement_surveillance"),
])
def test_look_alike_words_are_not_evidence(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text,item", [
    ("The foreman had a gun on his belt and armed men at the gate.", "cd_threats_of_violence"),
    ("El mayordomo trae una pistola y dos hombres armados.", "cd_threats_of_violence"),
    ("The boss fines us 20 dollars when we are late.", "ex_wage_manipulation"),
    ("He said it was against the law to pay us like that.", "ex_labour_law_or_contract_breached"),
    ("Trabaja sin permiso de trabajo desde hace dos años.", "vd_relationship_authorities_legal_status"),
    ("He said his men would visit my family back home if I left.", "cd_violence_on_family"),
])
def test_the_same_words_used_as_evidence_are_still_found(text: str, item: str) -> None:
    assert item in ids(text)


# Death threats told through a negation: the negation is the threat, not its absence.
@pytest.mark.parametrize("text", [
    'El encargado nos dijo que el que se vaya antes de octubre "no llega a México completo".',
    'El capataz le dijo que si se escapa "nadie lo va a encontrar".',
    "He said if I ran nobody would ever find me.",
])
def test_a_threat_worded_as_a_negation_is_a_threat(text: str) -> None:
    assert "cd_threats_of_violence" in ids(text)


@pytest.mark.parametrize("text", ["No llegó completo el pedido.", "No one would find the keys."])
def test_the_same_negations_without_a_threat_are_not(text: str) -> None:
    assert "cd_threats_of_violence" not in ids(text)


@pytest.mark.parametrize("text", [
    "The agency fee was a loan, then they added rent and food until each of us owed more than $5,000.",
    "He says if we want to transfer to another employer we must first repay $7,000.",
    "The contractor takes the debt out of our pay every week.",
    "La patrona dice que si se va antes de terminar de pagar la denuncia.",
    "Dice que le debemos el bus de Texas y la renta del trailer y cada semana la deuda sube.",
])
def test_a_debt_grown_at_destination_costs_leaving_or_takes_the_pay_is_held_at_destination(text: str) -> None:
    assert "cd_debt_bondage" in ids(text)


# The journey's debt stays the journey's (cr) wherever it is told, when nothing at destination is added to it: growth by
# "interest" alone, a boss who paid the trip, a fee in home money, a smuggler, a debt back home (corpus README, the
# annotation rules; train 2026-12-07: cr true +43, cd false -43).
@pytest.mark.parametrize("text", [
    "The recruiter charged us $4,000 for the visa and now the boss says the debt grows every month.",
    "El reclutador nos cobró el viaje y ahora el patrón dice que la deuda ya va en 9,000.",
    "Él me pagó el boleto y la visa de turista. De mis 500 a la semana me quita 350 para la deuda.",
    "The owner paid her flight and she owes $12,000, so the owner keeps everything until it's paid.",
    "Un señor de su aldea le cobró 40 mil quetzales. El señor se queda con su sueldo para la deuda.",
    "Le pagué a un cabeza de serpiente. Allá el jefe de obra me dijo que la deuda ya era con él.",
    "They pay big debt back home and the boss watches them.",
    "He says the bus from Monterrey and the visa we owe him 2,600 each.",
    # the charge told before the debt still owed
    "La dueña le consiguió la visa de turista en Lima, le cobró 3,000 dólares y todavía le debe la mitad.",
    "The recruiter got him the visa, charged him a 4,000 fee, and he still owes most of it.",
])
def test_a_debt_for_the_journey_is_counted_at_recruitment_wherever_it_is_told(text: str) -> None:
    found = set(extract(text, layers=("patterns", "rules")).ids)  # the learned layer may add a twin of its own
    assert "cr_debt_bondage" in found and "cd_debt_bondage" not in found


@pytest.mark.parametrize("text", [
    "The boss paid my ticket. Now I owe him for the food from his store.",
    "El patrón me pagó el pasaje, y ahora le debo la renta del cuarto.",
])
def test_a_debt_with_a_cause_at_destination_stays_there_beside_a_paid_journey(text: str) -> None:
    assert "cd_debt_bondage" in ids(text)


@pytest.mark.parametrize("text", [
    "I paid the recruiter $1,500 for the visa before I left and I can quit when I want.",
    "The boss owes me three weeks of pay and I want to leave.",
    "Pagué 2,000 al reclutador antes de salir; aquí me pagan cada semana y me voy cuando quiero.",
])
def test_a_fee_paid_once_or_wages_owed_to_the_worker_is_not_debt_at_destination(text: str) -> None:
    assert "cd_debt_bondage" not in ids(text)


def test_leaving_at_the_price_of_a_debt_is_not_free_to_leave() -> None:
    found = ids("The manager says if we want to transfer to another employer we must first repay $7,000.")
    assert "ctx_free_to_leave" not in found and "cd_debt_bondage" in found


@pytest.mark.parametrize("text", [
    "Workers keep their own passports and we paid their visa fees and bus ourselves.",
    "El patrón es estricto pero nos pagó la visa y cada quien tiene su pasaporte.",
    "I clean offices for a subcontractor who pays us as independent contractors, so no overtime.",
])
def test_the_employer_paying_the_way_or_the_pay_itself_is_not_a_recruitment_fee(text: str) -> None:
    assert "dr_travel_recruitment_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "We each paid the recruiter $3,000 for the visa before we left.",
    "Le pagamos 40 mil pesos al contratista por la visa.",
])
def test_a_fee_the_worker_paid_is_still_a_recruitment_fee(text: str) -> None:
    assert "dr_travel_recruitment_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "Decían que si alguien se escapaba iban a buscar a su familia en Tailandia y le iban a hacer daño.",
    "He told me that if she left they would hurt her daughter.",
    "One of them told me at the store that if they run he will hurt their families in mexico.",
])
def test_a_threat_against_the_family_is_violence_on_the_family_not_also_a_threat_to_the_worker(text: str) -> None:
    found = ids(text)
    assert "cd_violence_on_family" in found and "cd_threats_of_violence" not in found


@pytest.mark.parametrize("text", [
    "He said he would kill me and my kids if I talked to anyone.",
    "Nos decían que si alguien hablaba con la policía lo iban a matar a él y a su familia.",
    "The contractor carried a gun and threatened to kill the witness's brothers in Mexico.",
])
def test_a_threat_that_also_names_the_worker_or_a_weapon_stays_a_threat(text: str) -> None:
    found = ids(text)
    assert "cd_threats_of_violence" in found and "cd_violence_on_family" in found


@pytest.mark.parametrize("text", [
    "Un compañero se cortó la mano con el machete y no lo llevaron al médico.",
    "Guardaban su pasaporte en una caja fuerte y no se lo daban.",
    "They keep their own passports, nobody's threatening them, they borrowed nothing for the job.",
])
def test_a_blade_that_cut_a_hand_a_safe_or_a_denied_threat_is_not_a_threat(text: str) -> None:
    assert "cd_threats_of_violence" not in ids(text)


def test_a_blade_used_in_a_threat_is_still_a_threat() -> None:
    assert "cd_threats_of_violence" in ids("El jefe amenazó con cortarnos con el machete si nos íbamos.")


@pytest.mark.parametrize("text", [
    "He says if he quits the program calls his PO and he goes to prison.",
    "The program lady said one more write-up and his judge gets a letter.",
    "Director told him if he can't work he can't stay and she would notify the DA.",
    "When I asked to change, the manager said one call to the sponsor and my visa is finished.",
    "Si se quejan con el supervisor los regresan a la cárcel.",
    "Si reclama, el staff le habla al probation officer.",
    "Dice que si se va la mandan pa su país.",
    "El supervisor le dijo que ahí mismo le cancelaban la visa y lo subían al primer avión.",
])
def test_a_threat_to_hand_the_worker_to_an_authority_over_liberty_or_status_is_denunciation(text: str) -> None:
    assert "cd_threat_of_denunciation" in ids(text)


@pytest.mark.parametrize("text", [
    "He reports to his probation officer every Friday and takes a drug test, as the judge ordered.",
    "Nadie nos amenazó con la migra ni con regresarnos a la cárcel.",
])
def test_reporting_a_court_order_requires_or_a_denied_threat_is_not_denunciation(text: str) -> None:
    assert "cd_threat_of_denunciation" not in ids(text)


@pytest.mark.parametrize("text", [
    "The plant pays the program, not him.",
    "Son told her the workers comp check went to the program office.",
    "El check se lo lleva el programa, ellos mismos me dijeron.",
    "El owner le dijo que le debe el viaje y que hasta que pague no le da su cheque.",
    "Cada quincena el jefe me quita la mitad pa la deuda del pasaje.",
    "She says the company receives her salary from the nursing home and gives her a check after taking its share.",
])
def test_pay_that_reaches_an_intermediary_or_a_debt_first_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "She told me if she quits she has to pay them 50 grand.",
    "Si renuncian les cobra 50 mil dólares de breach fee.",
    "El dueño me dijo que tenía muchas maneras de arruinarme la licencia.",
    "Una le enseñó un mensaje de él: si te vas te demando.",
])
def test_a_price_on_leaving_or_a_lawsuit_held_over_the_worker_is_a_threat_of_worse_conditions(text: str) -> None:
    assert "cd_threat_worse_conditions" in ids(text)


def test_the_workers_own_lawsuit_is_not_a_threat() -> None:
    text = "El supervisor les advirtió que quien firmara la demanda no volvería a venir."
    assert "cd_threat_worse_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "Colgando pollos vivos de 4 de la mañana a 3 de la tarde, en el frío.",
    "Entran a las 6 y salen a las 6 y media de la tarde.",
    "Ten-hour shifts, six days, sometimes Sunday cleanup on top.",
    "She works our floor doubles 3 to 11 then 11 to 7.",
])
def test_a_working_day_of_eleven_hours_or_a_sixty_hour_week_is_excessive(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize("text", [
    "Entro a las 8 de la mañana y salgo a las 5 de la tarde.",
    "Eight-hour shifts, five days a week.",
])
def test_an_ordinary_working_day_is_not_a_long_shift(text: str) -> None:
    assert numbers.long_shifts(fold(text)) == []


@pytest.mark.parametrize("text", [
    "The patrón from the muffler shop makes us go out at night and cut catalytic converters off cars.",
    "On Sundays he makes him and two others stand at a corner passing small packets to drivers.",
    "En la noche los manda a robar herramientas de las camionetas de obra.",
    "El boss de la pizzería nos pone a cambiar billetes falsos en las tiendas.",
    "Dicen que él les debe la renta, que se las paga vendiendo crack en la esquina.",
])
def test_crimes_the_worker_is_made_to_commit_are_forced_illicit_activities(text: str) -> None:
    assert "cd_forced_illicit_activities" in ids(text)


def test_crime_by_choice_is_not_forced() -> None:
    text = "Dijo que él y unos amigos roban para revender en el swap meet y se reparten la ganancia; nadie los manda."
    assert "cd_forced_illicit_activities" not in ids(text)


@pytest.mark.parametrize("text", [
    "The recruiter charged him 3,000 euros and said the park paid $15 an hour.",
    "La agencia de allá cobró 2,500 dólares y ella misma me prestó la mitad.",
    "Allá en Michoacán el reclutador me cobró 1,800 pesos por apuntarme.",
])
def test_a_recruiter_charging_an_amount_is_a_recruitment_fee(text: str) -> None:
    assert "dr_travel_recruitment_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "My nephew got sent to that rehab by the drug court.",
    "Ingresó al programa por orden de la corte del condado.",
    "P-4 stated he entered the program as a condition of probation.",
])
def test_a_court_placement_is_a_relationship_with_the_authorities_at_recruitment(text: str) -> None:
    assert "vr_relationship_with_authorities_legal_status" in ids(text)


@pytest.mark.parametrize("text", [
    "The job was supposed to be lifeguard at a water park. They put me on the fryer at the food court.",
    "Yo pensé que iba a trabajar en un hospital, así decía la oferta. Me tocó un asilo chico.",
    "He was told the program offered counseling, but the only treatment was a Bible class on Sundays.",
])
def test_a_job_other_than_the_one_offered_is_deception_about_the_job(text: str) -> None:
    assert "dr_nature_of_job_location_employer" in ids(text)


@pytest.mark.parametrize("text", [
    "My family is nice but most weeks it's 52 hours with the kids and they still pay only the stipend.",
    "Au pair interviewed alone: keeps her passport, knows she can leave the family at any time.",
    "She works from 0600 to 2100 and the host mother slapped her for burning the rice.",
])
def test_a_host_family_or_a_family_that_pays_is_not_violence_on_the_family(text: str) -> None:
    assert "cd_violence_on_family" not in ids(text)


@pytest.mark.parametrize("text", [
    "He told me he knows where my family lives in Olancho.",
    "If they run he will hurt their families in Mexico.",
])
def test_threats_to_the_family_back_home_still_count(text: str) -> None:
    assert "cd_violence_on_family" in ids(text)


@pytest.mark.parametrize("text", [
    "Stipend $195.75/wk for about 65 hours.",
    "He received between $50 and $100 a month.",
])
def test_a_stipend_or_an_amount_received_under_the_minimum_is_low_pay(text: str) -> None:
    assert numbers.low_pay(fold(text))


@pytest.mark.parametrize("text", [
    "The fans were broke all july and the ammonia was so strong he came home coughing every night.",
    "Cuando las hojas están mojadas se me pega la ropa y me da mareo y vomito.",
    "In May a needle went through my glove.",
    "Agency-supplied sorter lost two fingertips clearing a jam.",
    "Pickers working the upper beds from ladders without guardrails.",
])
def test_hazards_told_by_their_effect_or_missing_protection_are_hazardous_work(text: str) -> None:
    assert "ex_hazardous_work" in ids(text)


@pytest.mark.parametrize("text", [
    "Trabajamos de lunes a sábado de 6 a 6.",
    "La señora has me with the twins from 7 to 7, then I cook.",
    "He works from 4:30 in the morning until the evening feeding is done.",
    "Me levanto a las 6 con el bebé y termino a las 10 de la noche planchando.",
])
def test_more_ways_of_telling_a_long_day(text: str) -> None:
    assert numbers.long_shifts(fold(text))


@pytest.mark.parametrize("text", [
    "Les entrega 120 dólares cada dos semanas.",
    "Caller netted $190 for 58 hrs.",
    "Contractor gives her $100 on Sundays.",
])
def test_pay_handed_back_under_the_minimum_is_low_pay(text: str) -> None:
    assert numbers.low_pay(fold(text))


@pytest.mark.parametrize("text", [
    "He takes 80 a week out of each ones pay for the trailer.",
    "Dice que lo demás es por la van y la renta.",
    "Last spring they cut the rate from 90 cents to 80 cents a pound and the supervisor rounds every box down.",
    "The contractor's man weighs the boxes and every box comes out lighter on his paper.",
])
def test_deductions_cut_rates_and_short_counts_are_wage_manipulation(text: str) -> None:
    assert "ex_wage_manipulation" in ids(text)


@pytest.mark.parametrize("text", [
    "The mayordomo at the tobacco camp picks up our phones at night and reads them.",
    "The crew boss answered every question for him and wouldnt leave the room.",
    "Security saw the manager padlocking the workers inside the break room.",
    "She may not leave the house without permission.",
])
def test_phones_read_an_answering_minder_and_padlocks_are_surveillance(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" in ids(text)


@pytest.mark.parametrize("text", [
    "The agency coordinator rents 2 apts for 22 workers.",
    "Aquí estamos 14 en la traila.",
    "He charges 80 a week for a bed in a trailer with 11 guys.",
])
def test_six_or_more_people_to_a_dwelling_is_bad_living_conditions(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


def test_a_family_of_four_in_a_house_is_not_crowding() -> None:
    assert concepts.crowded(fold("We are 4 in a two-bedroom house.")) == []


@pytest.mark.parametrize("text", [
    "I drive my own car and im already asking at the sweet potato farm for next month.",
    "El check sí llega a mi cuenta, tengo mis papeles y si no arreglan busco otra cosa.",
    "Tiene su pasaporte, el pago le llega a su cuenta y ya pidió cambio de familia con su coordinadora.",
])
def test_the_workers_own_way_out_is_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" in ids(text)


@pytest.mark.parametrize("text", [
    "Washing host parents' cars, none of it in her agreement.",
    "Leaders send him to work unpaid at a daycare and at a member's auto shop.",
])
def test_work_outside_the_agreement_or_being_lent_out_is_forced_tasks(text: str) -> None:
    assert "cd_forced_tasks_or_clients" in ids(text)


@pytest.mark.parametrize("text", [
    "They got no car, he drives them to the fields.",
    "He said if i dont like it i can sleep outside, the trailer is his.",
])
def test_no_car_or_the_bosss_roof_is_dependency(text: str) -> None:
    assert "vd_dependency_on_exploiters" in ids(text)


@pytest.mark.parametrize("text", [
    "Chofer pregunta si es legal que la compañía tenga cámaras en la cabina. La compañía dice que es por el seguro y por accidentes.",
    "Tienen cámaras en los pasillos por las caídas. Solo pregunto si lo de las cámaras es legal.",
    "Vans carry GPS and dash cameras required by the insurer and the city license.",
])
def test_watching_equipment_with_a_lawful_purpose_told_anywhere_is_not_surveillance(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" not in ids(text)


@pytest.mark.parametrize("text", [
    "When I burned my arm on the oven they said go to the ER on your own dime.",
    "The parlor floor is always wet and I've been kicked twice by the cows.",
    "Solo llamé para saber si me toca pago extra por cuidar al bebé de noche.",
    "Cuando las hojas están mojadas se me pega la ropa y me da mareo.",
])
def test_injuries_at_work_and_look_alike_words_are_not_violence(text: str) -> None:
    assert "cd_violence_on_victim" not in ids(text)


def test_a_boss_who_whips_a_worker_near_the_cows_is_still_violence() -> None:
    assert "cd_violence_on_victim" in ids('The farmer "whips him with the hose" when cows are not milked on time.')


def test_machetes_as_cane_cutters_tools_are_not_a_threat() -> None:
    text = "In one week she treated 9 cane cutters for machete lacerations; no shin guards or goggles issued."
    assert "cd_threats_of_violence" not in ids(text)


@pytest.mark.parametrize("text", [
    "she says nobody keeps her papers, she doesnt owe the shop anything and nobody threatens her.",
    "Nota de inspección, por queja anónima de que \"las costureras no pueden salir\". La puerta tiene alarma porque robaron "
    "telas dos veces; todas las empleadas tienen llave. Sin infracción.",
    "Arrest summary. Subject detained with 14 bags. Charged; referred to diversion.",
])
def test_denials_without_apostrophes_refuted_quotes_and_criminal_charges_find_nothing_coercive(text: str) -> None:
    found = ids(text)
    assert not found & {"cd_debt_bondage", "cd_isolation_confinement_surveillance", "ex_wage_manipulation"}


@pytest.mark.parametrize("text", [
    "The broker picked up the paychecks and gave him $50 on Sundays.",
    "Allá el contratista se quedaba con la mitad de cada cheque para la cuenta.",
    "El contratista le retiene el ahorro, 200 dólares semanales.",
    "The contractor pays the uncle, not him.",
    "He sends 100 dollars a month to my father and says that is my salary.",
    "Ahora dice que mi hermano le debe 4 mil y no le paga nada hasta que salga la deuda.",
])
def test_pay_collected_kept_back_or_sent_elsewhere_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "I rent a scooter from a man but the app pays me, and my passport I keep.",
    "El amigo no me cobra nada y lo que gano es mío.",
    "He pays me on Friday in my own hand.",
    "La paga es justa y a tiempo, y a las cinco me voy a mi casa.",
])
def test_own_pay_in_everyday_words_is_keeps_own_wages(text: str) -> None:
    assert "ctx_keeps_own_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "Me dice que si me salgo, la migra me agarra en la esquina.",
    "Owner told him ICE pays ranchers a reward for turning in illegals.",
    "El dueño le dijo que la policía de aquí no ayuda a los que no tienen papeles.",
])
def test_what_the_worker_is_told_the_police_will_do_is_false_information(text: str) -> None:
    assert "vr_false_information_law_authorities" in ids(text)


@pytest.mark.parametrize("text", [
    "Paid $400 cash every 2 wks no matter the hours.",
    "Owner keeps the paychecks, hands caller $50/wk cash.",
    "Paid a monthly salary that comes to less than the AEWR for the hours.",
])
def test_more_ways_of_telling_pay_under_the_minimum(text: str) -> None:
    assert numbers.low_pay(fold(text))


@pytest.mark.parametrize("text", [
    "The lead took there passports for the airline and never gave back.",
    "Coordinator has caller's passport until the fee is paid.",
    "Owner holds the car title, the hack license and the speaker's passport as security.",
    "Las micas nos las quitó desde que llegamos.",
    "Guarda nuestras cédulas en la caja fuerte.",
    "He keeps our I-94s in his safe.",
])
def test_papers_of_any_kind_held_by_someone_else_are_confiscated(text: str) -> None:
    assert "cd_confiscation_of_documents" in ids(text)


@pytest.mark.parametrize("text", ["I keep my passport in my room.", "She has her passport and her own account.",
                                  "Tenía mi pasaporte, mi teléfono y salía cuando quería."])
def test_the_workers_own_papers_are_not_confiscated(text: str) -> None:
    assert "cd_confiscation_of_documents" not in ids(text)


@pytest.mark.parametrize("text, item", [
    ("The gate is locked at night after two balers were stolen, and each worker has a key.",
     "cd_isolation_confinement_surveillance"),
    ("Wristbands are scanned at each box to count piece-rate pay, and cameras cover the cooler dock for food-safety audits.",
     "cd_isolation_confinement_surveillance"),
    ("Two hours after the tractor sprayed, the boss sent us back into the rows.", "cd_threat_of_denunciation"),
    ("Owner keeps 15% of card tips as processing.", "cd_confiscation_of_documents"),
    ("The engine degreaser burns your skin and the boss gives us no gloves.", "cd_violence_on_victim"),
    ("Llamante pregunta si es trata porque su esposo pasa 3 semanas fuera.", "cd_violence_on_family"),
])
def test_lawful_purposes_questions_and_look_alike_words_find_no_coercion(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text", [
    "I light the ovens at 11 at night and sleep on flour sacks in the storeroom.",
    "The marshal found four mattresses in a windowless back room.",
    "Just they keep us in the apartment over the barn, 20 men one kitchen.",
    "En una casa de tres recámaras viven 22 personas de Oaxaca.",
])
def test_sleeping_on_sacks_in_back_rooms_or_many_to_one_kitchen_is_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "Crew ldr collects the checks from the company, gives the men $100/wk for food, rest goes to the debt.",
    "On slow days the effective rate falls under the state minimum.",
])
def test_pay_handed_over_for_food_and_pay_under_a_state_minimum_are_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" in ids(text)


def test_a_charge_for_food_is_still_not_pay() -> None:
    assert "ex_low_or_no_salary" not in ids("They take $60 a week for food out of the check.")


@pytest.mark.parametrize("text", [
    "One of the men told her he gets sixty five bucks a month.",
    "A mí me tocan 65 dólares al mes nomás.",
    "Gets $200/mo, the rest kept for her.",
    "El contratista le manda a su esposa 500 pesos a la semana.",
    "He has received about 200 dollars in four months.",
    "El crew leader nos da lo que quiere, casi siempre 35 la noche.",
    "Her salary, 3,000 baht a month, was sent to her mother.",
])
def test_pay_in_words_per_night_over_months_or_in_another_currency_is_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" in ids(text)


@pytest.mark.parametrize("text", [
    "We pay 50 a night for the motel.",
    "I earn 1,500 a month and keep my own check.",
    "Me pagan 7,25 la hora, el mínimo.",
])
def test_a_charge_per_night_or_pay_at_the_minimum_is_not_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" not in ids(text)


def test_an_amount_after_me_tocan_is_pay_not_a_touch() -> None:
    assert "cd_violence_on_victim" not in ids("A mí me tocan 65 dólares al mes nomás.")


@pytest.mark.parametrize("text", [
    "i dont get no check, Mr Dale gets the check.",
    "dont call the restaurant phone. hes got my bank card.",
    "no money, he say he keep it for me in the bank.",
    "Boss say money come when project finish, now 5 month nothing.",
    "El cheque nunca lo veo, se lo dan al boss.",
    "Dice que mi dinero lo tiene guardado para cuando esté viejo.",
    "La tía cambia el cheque de ese nombre.",
    "Boss says he owes $4,500, pays him nothing, says it all goes to the debt.",
    "Le manda a la esposa 500 pesos y dice que lo demás es para la deuda del viaje.",
])
def test_pay_that_someone_else_gets_keeps_or_defers_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "I got my pay every Friday and left when the season ended.",
    "I get my check every friday.",
])
def test_the_workers_own_check_is_not_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" not in ids(text)


@pytest.mark.parametrize("text", [
    "Only on arrival did he learn he had entered as a tourist.",
    "The managers told them tourists cant work.",
    "Papeles chuecos sí teníamos casi todas, yo los compré en Boston.",
    "Él usaba un seguro social que no era suyo.",
    "Su tía la puso a trabajar en la fábrica con el nombre de otra muchacha.",
    "She got the job with a fake green card.",
])
def test_false_papers_another_name_or_a_tourist_entry_is_legal_status(text: str) -> None:
    assert "vd_relationship_authorities_legal_status" in ids(text)


def test_papers_said_not_to_be_false_are_not_legal_status() -> None:
    assert "vd_relationship_authorities_legal_status" not in ids("I did not use fake papers, my green card is real.")


@pytest.mark.parametrize("text", [
    "He works from about 6 in the morning until 10 or 11 at night.",
    "work from 5 in morning til 12 at nite.",
    "did 3 farms tonite, started 9pm done at 8 this morning.",
    "Trabajo desde que sale el sol hasta las 12 de la noche.",
    "Trabajamos de sol a sol.",
    "Trabaja de las 6 de la mañana a las 7 u 8 de la noche.",
])
def test_clock_ends_given_as_either_or_night_words_and_dawn_to_night_are_long_days(text: str) -> None:
    assert "ex_excessive_hours" in ids(text)


@pytest.mark.parametrize("text", ["We work from 6 to 2 or 3.", "From 7 to 3:30, lunch at noon."])
def test_ordinary_days_are_not_long(text: str) -> None:
    assert "ex_excessive_hours" not in ids(text)


@pytest.mark.parametrize("text", [
    "The group home door opens from the inside any time.",
    "Nobody ever touched my papers and I go home every night.",
    "Pero nadie me encerraba ni me quitaba nada, yo me iba a mi casa.",
    "If I want to quit I give 2 weeks notice and they buy the ticket home.",
    "She has a house key and a bus pass.",
    "Ya estoy preguntando en la otra planta por si no me arreglan.",
    "She goes to the wat every sunday.",
])
def test_coming_and_going_in_everyday_words_is_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" in ids(text)


@pytest.mark.parametrize("text", [
    "I asked to go to the temple on sunday, he said no.",
    "The boss has the key and she cannot go home.",
])
def test_asking_to_go_or_the_boss_holding_the_key_is_not_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" not in ids(text)


def test_a_room_the_worker_locks_from_inside_is_not_confinement() -> None:
    assert "cd_isolation_confinement_surveillance" not in ids("She has her own room that locks from inside.")


@pytest.mark.parametrize("text", [
    "In 8 months he got 200 dollars in cash.",
    "He gives me 50 dollars on sunday.",
    "Last check I cleared 110 dollars for two weeks.",
    "Ray takes our checks to the bank himself and hands us 100 cash.",
    "Si le pido, me suelta 50 dólares para el teléfono.",
    "A mí me dan 100 para mis cosas.",
    "Servers get tips only, no cash wage.",
    "They get maybe 2 hundred a week.",
])
def test_pocket_money_months_then_pay_and_tips_only_are_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" in ids(text)


@pytest.mark.parametrize("text", ["I give him 100 dollars for the rent.", "My boss gives me 100 dollars bonus."])
def test_money_the_worker_pays_or_a_bonus_is_not_low_pay(text: str) -> None:
    assert "ex_low_or_no_salary" not in ids(text)


@pytest.mark.parametrize("text", [
    "He says my salary he is saving for my marriage.",
    "He gives me 50 dollars on sunday, rest he is 'keeping for the visa loan'.",
    "El dueño del restaurante le manda mi sueldo a él cada mes.",
    "The owner sends $2,000 of his $2,600 monthly pay straight to the snakehead.",
    "El boss se quedó con el primer mes de depósito.",
    "Dice que el sueldo me lo da junto a fin de año.",
    "No salary 3 months, he says he is sending it to papa.",
])
def test_pay_saved_sent_on_or_held_to_the_years_end_by_someone_else_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


def test_the_worker_sending_her_own_pay_home_is_not_withheld() -> None:
    assert "cd_withholding_of_wages" not in ids("I send my pay home to my mother.")


@pytest.mark.parametrize("text", [
    "If somebody was slow, the contractor said tomorrow he would get no breakfast and would sleep in the barn.",
    "Nos tiene dicho que el que se queje se queda tirado en la calle sin ride.",
    "He said anybody who talks to OSHA goes home with nothing.",
    "Dice que el que se vaya antes de que se acabe el contrato le paga el pasaje de avión completo.",
    "El que reclama se queda sin turno y sin comida.",
    "I said i want to go home, he said fine walk, its 40 below.",
    "He told me if i quit hell make sure nobody in this town gives me work.",
])
def test_a_loss_of_food_bed_work_or_held_pay_made_the_price_of_complaining_or_leaving(text: str) -> None:
    assert "cd_threat_worse_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "El que no está a las 6 se queda sin trabajo ese día, así dice el reglamento.",
    "If I want to quit I give 2 weeks notice and they buy the ticket home like the contract says.",
])
def test_a_day_missed_for_lateness_or_a_ticket_the_employer_buys_is_no_threat(text: str) -> None:
    assert "cd_threat_worse_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "On arrival the smuggler handed him to a labor contractor who said he owed $1,500.",
    "Pagué al coyote y en Queens él me entregó a un señor de una agencia.",
    "The coyote dropped him at the yard and the contractor 'paid what was missing'.",
    "A crew leader 'bought' his smuggling debt from the coyote.",
    "El coyote lo llevó a la bodega y el dueño le pagó lo que faltaba.",
])
def test_a_smuggled_person_handed_on_to_whoever_pays_the_smuggler_is_a_sale(text: str) -> None:
    assert "cr_abduction_forced_marriage_adoption_sale" in ids(text)


@pytest.mark.parametrize("text", [
    "We paid the coyote 7 thousand and they drove him to us in Denver.",
    "The nurse handed him to a man from the family at the door.",
])
def test_paying_ones_own_smuggler_or_a_handover_without_a_smuggler_is_no_sale(text: str) -> None:
    assert "cr_abduction_forced_marriage_adoption_sale" not in ids(text)


@pytest.mark.parametrize("text, age", [
    ("Patient, Guatemalan male, 17, fell approx 20 ft from a roof.", 17),
    ("Client F, 29, H-2B crab picker.", 29),
])
def test_an_age_told_report_style_after_the_person_is_read(text: str, age: int) -> None:
    assert extract(text).age == age


@pytest.mark.parametrize("text", [
    "She pays me 90 a day cash, says the other 60 goes to the coyote loan she covered for me.",
    "El dueño se queda mi pay completo 'para la deuda'.",
    "The boss keeps my whole check.",
])
def test_the_other_part_going_to_a_debt_or_my_pay_kept_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "I sleep in a recliner in the sala.",
    "My room is the garage with a space heater and a mattress.",
    "Her bed is a mattress in the laundry area.",
    "I slept on the moving blankets in the back of the trailer.",
    "He sleeps sitting up in the cab.",
    "Eleven women in a three-bedroom house, mattresses in the living room.",
    "Él duerme en el depósito de un restaurante.",
])
def test_a_bed_where_no_bed_belongs_is_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


@pytest.mark.parametrize("text", ["The driver sleeps in the cab.", "I sleep in my own room."])
def test_the_driver_in_his_cab_or_ones_own_room_is_not_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "Her brother delivers in the Bronx on a DoorDash account that belongs to a man from their hometown.",
    "Él reparte en Queens con la cuenta de un amigo.",
    "His asylum case is pending and he has no work permit yet.",
    "Les consiguió credenciales con nombres de adultos.",
])
def test_work_under_someone_elses_account_or_name_or_without_a_permit_is_legal_status(text: str) -> None:
    assert "vd_relationship_authorities_legal_status" in ids(text)


def test_paying_with_a_relatives_bank_account_is_not_legal_status() -> None:
    assert "vd_relationship_authorities_legal_status" not in ids("Pago la renta con la cuenta de mi esposo.")


@pytest.mark.parametrize("text, item", [
    ("Saw the story on the news about packing shed workers locked in camps and thought of the guys.",
     "cd_isolation_confinement_surveillance"),
    ("After the news story about nannies whose passports were 'held for safekeeping' I asked her.",
     "cd_confiscation_of_documents"),
    ("La gente del pueblo piensa que nos tienen encerrados pero no es así.", "cd_isolation_confinement_surveillance"),
    ("Le pagué 8 mil dólares a un coyote para pasar por Reynosa con mi hijo.", "cr_violence_on_family"),
    ("El carrito lo compró con sus ahorros y trabaja por su cuenta.", "cr_abduction_forced_marriage_adoption_sale"),
])
def test_a_story_from_the_news_a_denied_belief_crossing_with_a_child_or_buying_a_cart_find_nothing(
        text: str, item: str) -> None:
    assert item not in ids(text)


def test_news_about_the_worker_himself_is_still_read() -> None:
    assert "cd_isolation_confinement_surveillance" in ids("I have news about my brother, the boss locked him in the trailer.")


@pytest.mark.parametrize("text", [
    "El campamento es viejo pero nadie nos prohíbe salir.",
    "The camp gate is open, they go to town when they want.",
    "Los sábados y domingos son míos y salgo con mis amigas.",
])
def test_going_to_town_when_they_want_or_nobody_forbidding_it_is_free_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" in ids(text)


@pytest.mark.parametrize("text", [
    "He says if i leave he will tell abbu i ran with the money and the whole village will know.",
    "Dice que si me voy le cuenta a todos en el pueblo que le robé.",
    "They say if I go my mother in Brazil will be told I am in rebellion.",
    "Le dijo que si se va, le cuenta a la iglesia que es una ladrona.",
    "The employer threatened to tell his wife's family he ran off with debts if he leaves.",
    "Si me quejo le llama a mi tía y le dice que no le voy a pagar.",
    "Last month the owner phoned her husband in Batangas to say she is lazy.",
])
def test_a_threat_to_shame_the_worker_before_family_or_community(text: str) -> None:
    assert "cd_threats_to_inform_family_community" in ids(text)


@pytest.mark.parametrize("text", [
    "Si habla con vecinos la señora la agarra a chanclazos.",
    "If she leaves she can call her mother any time, nobody stops her.",
    "He said if any of us runs his cousins know where our families live.",
    "Dice que si se queja avisa a la migra y que ya sabe donde vive la familia de cada uno.",
    "If she tells the coordinator he will say she stole from them.",
    "On Sundays she calls her family in Oaxaca from the boss's phone.",
])
def test_a_call_home_or_a_threat_to_the_family_is_not_a_threat_to_shame(text: str) -> None:
    assert "cd_threats_to_inform_family_community" not in ids(text)


@pytest.mark.parametrize("text", [
    "Tengo 15 años, no voy a la escuela y amaso desde las 2 de la mañana.",
    "Client F, 16, picking strawberries on her uncle's crew. Not in school.",
    "I stopped school in April because he said the season needs me.",
    "Minor states she is not enrolled in school since arriving in January.",
    "La familia nunca me dejó inscribirme, dicen que no hay tiempo.",
    "In four years she had no day off and never went to a class.",
    "Llevo un año y nada de escuela, hago la front desk de noche.",
    "Four Guatemalan boys upstairs, 14 to 16; none of them go to school.",
])
def test_a_young_worker_kept_out_of_school_has_no_access_to_education(text: str) -> None:
    assert "ex_no_access_to_education" in ids(text)


@pytest.mark.parametrize("text", [
    "She goes to school in the mornings and helps at the store after class.",
    "No school on Saturdays, so the boy helps his father at the stand until noon.",
    "Va a la escuela de lunes a viernes y los sábados ayuda en la panadería.",
])
def test_a_worker_who_goes_to_school_is_not_kept_out(text: str) -> None:
    assert "ex_no_access_to_education" not in ids(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Nursery spraying two rows over, no respirators. Somebody should check before someone ends up in the hospital.",
     "cd_threats_of_violence"),
    ("Dice que el pago llega completo por depósito cada viernes.", "cd_threats_of_violence"),
    ("Las llaves de los clientes se guardan en una caja con código que cada trabajadora conoce.", "cd_threats_of_violence"),
    ("When the warehouse sends us home early they dont give the 4 hours the law says.", "cd_threat_of_denunciation"),
])
def test_round_10_look_alikes_find_nothing(text: str, absent: str) -> None:
    assert absent not in ids(text)


@pytest.mark.parametrize(("text", "present"), [
    ("Cuando alguien se quejaba decía que lo iban a mandar a la casa en una caja.", "cd_threats_of_violence"),
    ("If you talk to the cops you'll end up in the river.", "cd_threats_of_violence"),
    ("Caller asks whether it is legal that the family keeps her passport in their safe.", "cd_confiscation_of_documents"),
])
def test_the_threats_and_facts_those_look_alikes_resemble_are_still_read(text: str, present: str) -> None:
    assert present in ids(text)


@pytest.mark.parametrize("text", [
    "They never hit me, never took my passport, it is in my room.",
    "El boss no guarda pasaportes, yo tengo el mío en mi cuarto.",
    "Le pregunté si el dueño le tiene el pasaporte y dice que no, que lo tiene él mismo.",
    "Cobra por depósito, duerme en un motel pagado por la compañía y tiene sus papeles.",
])
def test_papers_told_by_where_they_are_or_whose_they_are_are_the_workers_own(text: str) -> None:
    found = ids(text)
    assert "ctx_keeps_own_documents" in found
    assert "cd_confiscation_of_documents" not in found


@pytest.mark.parametrize("text", [
    "The passports are in his truck, she says.",
    "Viven en un departamento del dueño de la agencia, que les quita renta y guarda sus identificaciones en la oficina.",
])
def test_papers_in_the_bosss_truck_or_office_are_still_held_by_him(text: str) -> None:
    found = ids(text)
    assert "cd_confiscation_of_documents" in found
    assert "ctx_keeps_own_documents" not in found


@pytest.mark.parametrize("text", [
    "Has not been paid in 3 weeks, no money, no ID, doesn't know city name.",
    "No sabe en qué ciudad está, solo que es cerca de Dallas.",
    "He rakes every day of the week and does not know the name of the town.",
    "No tiene carro y no conoce el pueblo.",
    "V could not tell the officer the street address of the house.",
])
def test_not_knowing_the_town_or_the_address_is_a_difficulty_in_an_unknown_area(text: str) -> None:
    assert "vd_difficulty_unknown_area" in ids(text)


@pytest.mark.parametrize("text", [
    "He knows the town well and drives himself to the store on Sundays.",
    "Conoce bien el pueblo y va solo a la tienda los domingos.",
])
def test_knowing_the_town_is_no_difficulty(text: str) -> None:
    assert "vd_difficulty_unknown_area" not in ids(text)


@pytest.mark.parametrize("text", [
    "If a visitor asks, she must say she is a relative visiting from Manila.",
    "Le ordena decir que es sobrino si alguien pregunta.",
    "Cuando venía alguien de afuera, los jefes les decían qué contestar.",
    "He told us to tell our families everything is good.",
    "Cuando llegaba alguien de afuera, teníamos que decir que vivíamos en otra parte.",
])
def test_an_order_to_tell_visitors_inspectors_or_family_a_story_is_forced_to_lie(text: str) -> None:
    assert "cd_forced_to_lie" in ids(text)


@pytest.mark.parametrize("text", [
    "Conseguí el trabajo en la huerta de manzana yo solo, y tengo mi cédula.",
    "I found my farm job through the temple and hold my own passport.",
    "El trabajo lo encontró él por un anuncio en Facebook.",
    "Works at a tire shop he found himself, paid cash weekly.",
    "Mi primo me habló de una yarda de tarimas en Tucson y fui yo solo a pedir trabajo.",
])
def test_a_job_found_by_oneself_or_through_a_friend_is_found_independently(text: str) -> None:
    assert "ctx_found_job_independently" in ids(text)


def test_a_recruiter_who_found_the_job_is_not_a_job_found_independently() -> None:
    assert "ctx_found_job_independently" not in ids("A recruiter in Oaxaca found us the job and charged 2,000 for the visa.")


@pytest.mark.parametrize("text", [
    "The foreman says anybody who talks to the union lady does not get the ride back to Mexico next season.",
    "si no venden, los dejan sin motel esa noche",
    "If I don't scrub the floors in medical I lose commissary anyway.",
    "Dice que al que se queje lo deja sin trabajo en toda la county.",
    "The supervisor threatened to cut his hours to nothing.",
    "When I got another offer, the owner reminded me of the $30,000 liquidated damages in my contract.",
])
def test_a_loss_made_the_price_of_complaining_or_leaving_is_a_threat_of_worse_conditions(text: str) -> None:
    assert "cd_threat_worse_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "If the police come, the family back home will lose the land.",  # a threat to the family: another item
    "Nobody threatened me with losing anything when I said no to the kitchen.",
])
def test_a_loss_told_about_the_family_or_negated_is_not_a_threat_of_worse_conditions(text: str) -> None:
    assert "cd_threat_worse_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "Eleven men share one apartment over the restaurant.",
    "Aquí en el cuarto somos 8 y hay un baño.",
    "He rents us the garage in Vallejo where 14 of them sleep.",
    "At night the kid sleeps in the stock room on a cot.",
    "Duermo en el pajar arriba de los caballos.",
])
def test_crowding_told_with_share_or_after_the_place_and_beds_where_no_bed_belongs_are_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "Came on a tourist visa in 2011, arranged by the owner's cousin, and works the counter.",
    "Llegó con visa de turista y vende cremas en el kiosco del mall.",
    "The owner told him the visa belongs to the company.",
    "Dice que la visa es del circo.",
])
def test_working_on_a_tourist_visa_or_a_visa_said_to_be_the_employers_is_legal_status_dependence(text: str) -> None:
    assert "vd_relationship_authorities_legal_status" in ids(text)


@pytest.mark.parametrize("text", [
    "Contract said $600 a week, he gives $250 cash and the patron saves the rest.",
    "La comisión me la guarda hasta diciembre.",
    "The broker pays four dollars a sheet, cash, and always holds some back.",
])
def test_the_rest_or_the_commission_held_back_is_withholding_of_wages(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


def test_what_the_worker_keeps_of_his_own_sales_is_not_withholding() -> None:
    assert "cd_withholding_of_wages" not in ids("I pay him the wholesale price at night and I keep the rest.")


@pytest.mark.parametrize("text", [
    "Las horas extra no me las pagan y eso quiero reclamar; me pagan 2,000 al mes.",
    "Vine con visa de trabajo y no pagué nada al agente, el patrón pagó todo.",
    "Si llegas tarde tres veces te suspenden un día sin goce de sueldo, así dice el reglamento.",
])
def test_overtime_unpaid_a_fee_not_paid_or_an_unpaid_suspension_is_not_low_or_no_salary(text: str) -> None:
    assert "ex_low_or_no_salary" not in ids(text)


@pytest.mark.parametrize("text", [
    "Caller keeps passport, receives weekly direct deposit, says he is free to quit.",
    "Los pasaportes los tenemos en la maleta.",
    "We all got our passports and cash, we are going home Monday.",
    "Documentos en poder de cada trabajador.",
    "Cada uno trae su pasaporte y su celular.",
])
def test_papers_kept_by_the_worker_told_in_other_words_are_kept_own_documents(text: str) -> None:
    found = ids(text)
    assert "ctx_keeps_own_documents" in found
    assert "cd_confiscation_of_documents" not in found


@pytest.mark.parametrize("text", [
    "Yo tenía mis papeles y me fui cuando quise.",
    "Caller keeps passport in her purse.",
])
def test_the_worker_keeping_the_papers_is_not_confiscation(text: str) -> None:
    assert "cd_confiscation_of_documents" not in ids(text)


@pytest.mark.parametrize("text", [
    "El patrón tenía mis papeles en su oficina y no me los daba.",
    "Worker states the boss has his passport.",
])
def test_someone_else_holding_the_papers_is_still_confiscation(text: str) -> None:
    assert "cd_confiscation_of_documents" in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("Mi duda es si me pueden deportar por trabajar.", "cd_threat_of_denunciation"),
    ("Pregunta si lo pueden deportar por haber cruzado así.", "cd_threat_of_denunciation"),
    ("Otherwise it's fine, pay hits my account every Friday.", "cd_violence_on_victim"),
    ("Dice que arriba siempre van amarrados.", "cd_isolation_confinement_surveillance"),
    ("No me quejo: el cheque sale a mi nombre cada viernes.", "cd_isolation_confinement_surveillance"),
    ("No me quejo: el cheque sale a mi nombre cada viernes.", "cd_withholding_of_wages"),
    ("Phones stay in the truck inside the unit fence.", "ex_bad_living_conditions"),
    ("Phones stay in the truck inside the unit fence.", "cd_isolation_confinement_surveillance"),
    ("Durante el turno no se puede salir de la cerca por la seguridad del proceso.", "cd_isolation_confinement_surveillance"),
    ("They have us carrying 8ft round tables down the back stairs.", "ex_wage_manipulation"),
    ("Si quedan espigas lo regresan, y el que no llega al autobús de las 6 pierde el día.", "cd_threat_worse_conditions"),
])
def test_innocent_readings_of_words_that_look_like_an_indicator(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("The boss said if I go to the police they will deport me.", "cd_threat_of_denunciation"),
    ("The crew boss hit him in the face and took his phone.", "cd_violence_on_victim"),
    ("The supervisor rounds every box down on his sheet.", "ex_wage_manipulation"),
])
def test_the_same_words_with_the_indicator_still_read_it(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", [
    "The crew boss said anyone who went to work for someone else would come back in a box.",
    "He showed the men a video on his phone of someone being beaten and said this is for people who talk.",
    "Dos compañeros amanecieron golpeados, y el contratista dijo que eso le pasa al que se pone listo.",
    "A uno que se quejó le rompió el celular y le dijo que la próxima es la cara.",
    "He told the group that a worker who ran last year had an accident on the highway.",
    "The owner told me if I quit before it's paid his friends will come and I won't like it.",
])
def test_violence_threatened_by_example_or_euphemism_is_a_threat_of_violence(text: str) -> None:
    assert "cd_threats_of_violence" in ids(text)


@pytest.mark.parametrize("text", [
    "He had an accident with the forklift last year and the company paid the hospital.",
    "She showed me a video of the new tractor.",
])
def test_an_accident_or_a_video_with_no_threat_is_not_a_threat_of_violence(text: str) -> None:
    assert "cd_threats_of_violence" not in ids(text)


@pytest.mark.parametrize("text", [
    "No puedo hablar mucho, el dueño revisa mi teléfono.",
    "Ate I can't call you, he checks who we talk to.",
    "Vive en la bodega del restaurante y el encargado lo acompaña a todos lados.",
    "They have no car and the crew leader drives them everywhere, even to wire money home.",
    "No day off in nine years, never out except with the daughter.",
    "They can't even walk to the store without him.",
    "En la noche me encierra con llave en la bodega 'por seguridad'.",
])
def test_a_minder_on_every_errand_a_phone_read_or_a_lock_said_to_be_for_safety_is_confinement(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" in ids(text)


@pytest.mark.parametrize("text", [
    "Él cobra todas las tocadas y nos da 40 dólares a la semana para comer.",
    "La dueña les cobra a las clientas y a ellas no les da nada.",
    "No tenía a dónde ir porque el dueño manejaba todo su dinero.",
    "They say pay comes when the crop sells.",
    "She has cleaned for them since 2014 for fifty dollars a month, which the employer wires straight to her mother in Brazil.",
    "He receives no cash; his pay is marked in the notebook against the debt.",
    "Los checks los cambia el mayordomo en la tienda.",
])
def test_earnings_the_boss_collects_handles_defers_or_sends_away_are_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "El check lo cobra ella en el banco cada viernes.",
    "I cash my check and send money to my mother every month.",
])
def test_the_worker_cashing_or_sending_her_own_pay_is_not_withholding(text: str) -> None:
    assert "cd_withholding_of_wages" not in ids(text)


@pytest.mark.parametrize("text", [
    "If we quit he said la migra gets a call.",
    "Owner told her if she quits before paying, immigration will hear about you.",
    "El ranchero dice que si se escapa lo entrega a la border patrol.",
    "Cuando le dije que me quería ir me contestó que una llamada a la Border Patrol y me voy esposado.",
    "He told them la migra comes for anyone who talks.",
    "Si me voy dice que le cuenta a la migra donde vivo.",
])
def test_a_call_to_immigration_or_a_handover_to_the_border_patrol_held_over_the_worker_is_denunciation(text: str) -> None:
    assert "cd_threat_of_denunciation" in ids(text)


@pytest.mark.parametrize("text", [
    "Mami el señor dice que todo lo que gano en la chamba se lo tengo que dar a él y me da 20 el viernes.",
    "Lavo carros en el autolavado y las propinas se las entregaba al dueño cada noche.",
    "She cleaned six days a week and what the families paid went straight to a minister.",
    "The guy gets my pay from the plant and says I am still at 4000 because of the house.",
    "No nos pagan hasta que se acabe el contrato de la agencia, tres meses.",
    "Trabaja en el restaurante sin sueldo hasta pagar 6,000 dólares.",
])
def test_earnings_handed_over_received_by_another_or_held_until_the_contract_ends_are_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "El contratista paga 90 centavos la paca y de ahí se queda la mitad para la renta y la comida.",
    "I get my pay from the plant every Friday by direct deposit.",
])
def test_half_kept_for_rent_or_the_worker_getting_his_own_pay_is_not_withholding(text: str) -> None:
    assert "cd_withholding_of_wages" not in ids(text)


@pytest.mark.parametrize("text", [
    "When I said the work was not what we agreed, he said he could make it worse, no weekend rest.",
    "The owner says anyone who complains goes straight back to the state hospital.",
    "El dueño les dice que si no obedecen los encierra en el hospital psiquiátrico.",
    "When I told him I want out, he said then I owe the whole car, 14 thousand.",
    "The manager told her he would make her life hell if she talked to the inspector.",
])
def test_a_loss_answered_to_the_worker_a_life_made_worse_or_an_institution_is_a_threat_of_worse_conditions(text: str) -> None:
    assert "cd_threat_worse_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "When I asked about overtime, he said the rules are on the wall and paid it the next week.",
    "He lives in the state hospital now and his sister visits him on Sundays.",
])
def test_an_answer_without_a_loss_or_a_hospital_without_a_condition_is_not_a_threat(text: str) -> None:
    assert "cd_threat_worse_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "I work the night register 8 p.m. to 8 a.m. and sleep in the back office.",
    "He stated he sleeps in a converted chicken coop and is called out at any hour.",
    "Los seis trabajadores viven en un galerón junto al silo.",
    "Nos tenían en una loma sin señal. Comíamos una vez al día.",
    "The choir members sing four concerts a day and are given rice once a day.",
    "Son 20 en la casa y casi no les dan de comer.",
])
def test_sleeping_where_no_bed_belongs_and_food_once_a_day_are_bad_living_conditions(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "We take lunch once a day at noon and the company pays for it.",
    "He lives in a rented apartment with his wife and sleeps in his own bed.",
])
def test_one_lunch_break_or_an_ordinary_home_is_not_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "She paid a placement fee of 180,000 pesos borrowed from a lender at 10% a month.",
    "El reclutador cobró 20 mil pesos por el lugar y mi esposa los pidió prestados al diez por ciento.",
    "The cooks told my friend they owe the owner for flights and cant quit till its paid.",
    "Van 2 meses sin paga, dice que estamos pagando el pasaje.",
    "He said the lender in Thailand would take his parents' house if he ran away.",
])
def test_money_borrowed_or_owed_for_the_trip_or_the_fee_is_debt_bondage_at_recruitment(text: str) -> None:
    assert "cr_debt_bondage" in ids(text)


@pytest.mark.parametrize("text", [
    "My family paid the snakehead the whole fee before I left, I owe him nothing and I borrowed nothing.",
    "La compañía nos pagó el pasaje y la visa; no le debemos nada a nadie.",
])
def test_a_trip_paid_by_the_family_or_the_employer_with_nothing_owed_is_not_debt_bondage(text: str) -> None:
    assert "cr_debt_bondage" not in ids(text)


@pytest.mark.parametrize("text", [
    "He gives me $60 a week and says the rest goes to what I owe.",
    "The contractor takes $250 out of every weekly pay for it, he calls it the debt: out of every check for the debt.",
    "The broker says he is keeping our per diem in a 'crew fund' until the project closes.",
    "Jefe says the pay comes when the whole project is done.",
])
def test_pay_going_to_a_debt_a_fund_or_a_relative_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "El boss no nos deja salir del motel, dice que afuera la policía levanta a los que no tienen papeles.",
    "También le dice que en Wausau la migra espera a los que se salen de las granjas.",
    "If I complain he says DPS will arrest me for working without a license.",
])
def test_the_police_picking_up_waiting_for_or_arresting_leavers_told_to_the_worker_is_false_information(text: str) -> None:
    assert "vr_false_information_law_authorities" in ids(text)


@pytest.mark.parametrize("text", [
    "Para entrar en la lista del reclutador en San Luis Potosí pagué 28 mil pesos.",
    "Le cobra 600 por el viaje desde Texas y además la renta de la traila.",
    "I paid $3,000 to a man in Accra for the visa and the ticket.",
])
def test_a_sum_paid_or_charged_for_the_visa_the_trip_or_a_place_on_the_list_is_a_recruitment_charge(text: str) -> None:
    assert "dr_travel_recruitment_conditions" in ids(text)


@pytest.mark.parametrize("text, item", [
    ("A helper was struck when the suspended work platform dropped about 6 ft after a winch failure.", "cd_violence_on_victim"),
    ("He caught his left hand in the root washer while clearing a jam; the guard had been taken off.",
     "cd_isolation_confinement_surveillance"),
    ("They camped by a barn on a ranch near Burns and the boss has never threatened anyone.", "cd_violence_on_victim"),
    ("Pay hits my own account every friday.", "cd_violence_on_victim"),
    ("Nadie le quita el pasaporte, tiene su teléfono y no le debe nada al reclutador.", "cd_isolation_confinement_surveillance"),
    ("El tío cobra su sueldo y dice que lo manda a la familia.", "ctx_keeps_own_wages"),
])
def test_machines_towns_and_a_worker_who_keeps_her_phone_are_not_coercion(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text, item", [
    ("Follow-up on an anonymous complaint of 'men locked in' at a dealer's yard.", "cd_isolation_confinement_surveillance"),
    ("Me preguntaron si en el buffet nos tienen encerrados. No, para nada.", "cd_isolation_confinement_surveillance"),
    ("The front gate is chained at 10 p.m. after tractor and nut thefts; each worker has his own key.",
     "cd_isolation_confinement_surveillance"),
    ("The dance company manager is strict, curfew at midnight and no guests in the rooms.", "cd_isolation_confinement_surveillance"),
    ("Cameras over every register, we count the drawer with the shift manager.", "cd_isolation_confinement_surveillance"),
    ("¿Que si alguien me tiene los papeles? No, el pasaporte lo cargo yo.", "cd_confiscation_of_documents"),
    ("Trabajé en una granja y me pagaron menos de lo acordado, me deben como 600 dólares.", "cd_debt_bondage"),
    ("Compa ayer casi nos mata un rayo en el proyecto, el capataz nos tuvo conectando en plena tormenta.", "cd_threats_of_violence"),
    ("A un compañero lo pateó una yegua en el pecho y el patrón lo llevó al hospital.", "cd_violence_on_victim"),
])
def test_allegations_checked_rules_of_a_lawful_job_answered_questions_and_accidents_are_not_coercion(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize("text, item", [
    ("They kept our passports in the office safe, and we had a 10 pm curfew with room checks.", "cd_isolation_confinement_surveillance"),
    ("El contratista dice que cada uno le debe 2,000 por el viaje.", "cr_debt_bondage"),
    ("Does the boss keep your passport? Yes, he took it in May.", "cd_confiscation_of_documents"),
])
def test_a_curfew_with_room_checks_a_debt_to_the_contractor_and_a_question_answered_yes_still_count(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", [
    "Crew leader keeps a list of their families' addresses in Mexico in case anybody runs off.",
    "Cuando dijo que buscaría otro trabajo, el contratista le recordó que conoce la casa de su mamá en Comayagua.",
    "Dice que si nos vamos antes de pagar le manda a su gente a la casa de mi papá en Chiquimula.",
])
def test_the_familys_home_held_over_the_worker_is_violence_against_the_family(text: str) -> None:
    assert "cd_violence_on_family" in ids(text)


def test_a_threat_to_the_family_made_over_leaving_is_at_destination_even_with_the_smuggler_named() -> None:
    found = ids("Cada semana se queda con 300 de mi pago. Me dijo que si me voy, los del coyote saben dónde vive mi familia.")
    assert "cd_violence_on_family" in found and "cr_violence_on_family" not in found


@pytest.mark.parametrize("text", [
    "Since then the crew boss takes $200 out of each week's pay 'for what you cost me' and hands him about $90.",
    "The broker picks up V's paycheck at the yard office every Friday and hands V approx $250 cash.",
    "El check lo cobra el patrón y dice que se lo manda a mi mamá.",
    "Uno me dijo que no les han pagado desde septiembre, que les van a pagar todo junto en noviembre.",
    "Boss says the pay is 'saved' until they fly home in January.",
    "Crew boss pays cash only 'when the job is done'.",
    "His tio keeps his money til he pays off the trip from Guatemala.",
])
def test_pay_taken_for_the_debt_collected_by_another_or_put_off_is_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" in ids(text)


@pytest.mark.parametrize("text", [
    "The owner takes $40 out of each check for the room.",
    "I pick up my check at the office every Friday.",
])
def test_a_rent_deduction_or_the_worker_collecting_her_own_check_is_not_withholding(text: str) -> None:
    assert "cd_withholding_of_wages" not in ids(text)


@pytest.mark.parametrize("text", [
    "My company is strict: camera facing the driver the whole trip and random drug tests.",
    "La camioneta tiene GPS y cámara, y si no te amarras el arnés te mandan a tu casa.",
    "Revisan las cámaras si un padre se queja.",
    "Resident complaint re: \"workers being watched\" at the new park fields on Hollis Rd.",
    "El encargado apunta 10 horas aunque hacemos 12 y el overtime no sale en el check.",
    "Crew leader's phone log shows 6:00-16:30 days, Mon-Sat.",
])
def test_cameras_on_vehicles_a_complaint_checked_pay_stubs_and_phone_logs_are_not_confinement(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" not in ids(text)


@pytest.mark.parametrize("text", [
    "Has own apt + car, keeps his papers, paid by direct deposit.",
    "Lives in own apartment, keeps passport and green card, paid by direct deposit.",
    "Has his passport, cashes own check.",
    "My passport is at home.",
    "Brother drives himself, hourly pay by direct deposit, passport at home.",
    "Tiene pasaporte, cobra directo, y puede mudarse después.",
    "Mis papeles siempre los tuve yo y el cheque me llegaba a mi cuenta.",
    "Paid every Friday, and my CDL stays in my wallet.",
])
def test_papers_told_by_a_note_or_by_where_they_are_are_the_workers_own(text: str) -> None:
    found = ids(text)
    assert "ctx_keeps_own_documents" in found
    assert "cd_confiscation_of_documents" not in found


@pytest.mark.parametrize("text", [
    "The owner took their phones, keeps their passports in the office.",
    "El capataz guarda sus matrículas consulares.",
    "El tío guarda su acta de nacimiento y le dice que si se va lo agarran los de inmigración.",
])
def test_papers_kept_by_a_boss_or_a_relative_are_not_the_workers_own(text: str) -> None:
    assert "ctx_keeps_own_documents" not in ids(text)


@pytest.mark.parametrize("text", [
    "He drove him to a house where eleven men share three rooms and one bathroom.",
    "6 nurses 1 bathroom",
    "Rent comes out for the apartment where eight of us share two beds.",
    "Five of us in one motel room with two beds.",
    "Estamos en un motel en Laredo, somos 5 en el cuarto.",
    "Riders sleep in the stock trailers with the horses.",
    "duermo en el shop en una colchoneta junto al compresor.",
    "dormimos en cartones entre las tarimas.",
    "I think 6 or 7 guys live inside the shop.",
])
def test_many_to_a_room_or_a_bed_at_the_workplace_is_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "Two workers share a room in the company apartment.",
    "The driver sleeps in the sleeper berth while the other drives.",
    "He sleeps at home and works in the shop.",
])
def test_two_to_a_room_or_a_bed_at_home_is_not_bad_living(text: str) -> None:
    assert "ex_bad_living_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "I asked for my Sunday and she said au pairs who complain get rematched.",
    "El supervisor dijo q si lo llevábamos al hospital nos corría a los dos.",
    "La supervisora le contestó que si no trabaja no hay llamadas a sus hijos.",
    "He says if I go home early I owe him the plane ticket, 1,200.",
    "Dice q el q se quiera ir se va sin su dinero.",
    "El boss dice que el que se quiera ir antes se las arregla solo para llegar a Texas.",
])
def test_a_loss_said_as_the_price_of_a_condition_is_a_threat_of_worse_conditions(text: str) -> None:
    assert "cd_threat_worse_conditions" in ids(text)


@pytest.mark.parametrize("text", [
    "The foreman said anyone who fails the drug test is fired.",
    "He said if you want to leave you can leave, no problem.",
    "The supervisor said whoever comes late twice without calling loses the shift.",
])
def test_a_lawful_rule_or_a_free_exit_is_not_a_threat(text: str) -> None:
    assert "cd_threat_worse_conditions" not in ids(text)


@pytest.mark.parametrize("text", [
    "Dice q si me voy antes de q acabe el season me quedo sin los 2 cheques.",
    "Y si me voy antes me demanda por 10 mil dólares.",
    "El manager dice q si me voy le debo 20k.",
])
def test_leaving_as_the_condition_of_a_loss_is_not_freedom_to_leave(text: str) -> None:
    assert "ctx_free_to_leave" not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("The recruiter collected our passports and still has them.", "cd_confiscation_of_documents"),
    ("El reclutador nos quitó los pasaportes.", "cd_confiscation_of_documents"),
    ("The recruiter told her his men know where her mother lives in Tegucigalpa.", "cd_violence_on_family"),
])
def test_a_recruiters_hold_or_threat_is_at_destination_without_a_journey_cue(text: str, item: str) -> None:
    found = ids(text)
    assert item in found
    assert item.replace("cd_", "cr_") not in found


def test_the_whole_pay_for_the_trips_debt_is_the_journeys_debt() -> None:
    found = ids("Todo el sueldo dice que es para la deuda del viaje.")
    assert "cr_debt_bondage" in found
    assert "cd_debt_bondage" not in found


def test_a_debt_told_at_destination_is_the_journeys_when_the_text_owes_for_the_journey() -> None:
    found = ids("He paid the coyote half and owes the rest of the crossing to the boss. Every week the boss "
                "says he still owes and takes 200 for the debt.")
    assert "cr_debt_bondage" in found
    assert "cd_debt_bondage" not in found


def test_a_debt_for_rent_or_the_store_stays_at_destination_beside_the_journeys() -> None:
    found = ids("He paid the coyote half and owes the rest of the crossing to the boss. Every week the boss "
                "says the debt grows for the food and takes 200 for it.")
    assert {"cr_debt_bondage", "cd_debt_bondage"} <= found


@pytest.mark.parametrize(("text", "item"), [
    ("No threats, debts or held documents.", "cd_confiscation_of_documents"),
    ("Caller reports no threats, debts or locked doors.", "cd_isolation_confinement_surveillance"),
    ("No se reportaron amenazas, deudas ni represalias.", "cd_debt_bondage"),
])
def test_every_item_of_a_negated_list_is_negated(text: str, item: str) -> None:
    assert item not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("No pay, they keep our passports.", "cd_confiscation_of_documents"),
    ("Nadie me amenazó, tengo mis papeles.", "ctx_keeps_own_documents"),
    ("She is not in debt, can move out of employer housing anytime.", "ctx_free_to_leave"),
])
def test_a_clause_after_a_negated_one_is_not_a_list_item(text: str, item: str) -> None:
    assert item in ids(text)


@pytest.mark.parametrize("text", [
    "Also says the hotwalking machine has a broken guard and a walker caught his arm in it last week.",
    "A student cut his thumb on a table saw whose guard a former instructor had removed.",
    "El portón se cierra con candado a las 11 porque robaron un tractor; cada uno de los 9 trabajadores tiene su propia llave.",
    "The rules are strict: cameras on the pens since somebody cut a lock and took six head.",
])
def test_a_machine_guard_a_key_in_each_hand_or_cameras_against_theft_are_not_confinement(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" not in ids(text)


@pytest.mark.parametrize("text", [
    "Screening: he has his passport and his phone, pay goes to his own account weekly.",
    "Los cheques salen a nombre de cada trabajador y cada uno guarda su pasaporte.",
])
def test_pay_that_reaches_the_workers_own_account_or_name_is_not_withheld(text: str) -> None:
    assert "cd_withholding_of_wages" not in ids(text)


def test_pay_in_the_bosss_name_is_still_withheld() -> None:
    assert "cd_withholding_of_wages" in ids("El cheque sale a nombre de él porque dice que nosotros no tenemos social security.")


@pytest.mark.parametrize("text", [
    "Los empleados viven en sus casas y tienen copia de la llave de la puerta peatonal.",
    "Hay cámaras en la caseta de boletos.",
    "Nobody enters a bin without a written permit, the augers locked out, a harness and lifeline and a man at the top watching.",
])
def test_keys_in_the_workers_hands_cameras_on_the_till_and_a_safety_watch_are_not_confinement(text: str) -> None:
    assert "cd_isolation_confinement_surveillance" not in ids(text)


def test_a_safety_watch_said_to_be_missing_does_not_excuse_the_phones_read_beside_it() -> None:
    found = ids("Sent into bins with the auger running, no harness, nobody watching from the top, and the jefe reads "
                "our phones at night.")
    assert "cd_isolation_confinement_surveillance" in found


def test_the_learned_layer_adds_no_bad_lodging_to_a_worker_living_at_home() -> None:
    assert "ex_bad_living_conditions" not in ids("He lives in a rented apartment with his wife and sleeps in his own bed.")


@pytest.mark.parametrize("text", [
    "Jefe says we get paid when a client signs. Still has my passport since Laredo.",
    "Vive con dos compañeras en un apartamento que ella misma buscó. Tiene visa de trabajo.",
])
def test_someone_else_holding_my_papers_or_a_visa_held_is_not_keeping_ones_own(text: str) -> None:
    assert "ctx_keeps_own_documents" not in ids(text)


@pytest.mark.parametrize(("text", "item"), [
    ("Reporte de patrulla. Un vecino llamó por ruido en la cantera.", "cd_threat_of_denunciation"),
    ("When the wind gets over 35 he sends us home, paid for the morning.", "cd_threat_of_denunciation"),
    ("Nota de inspección, cocina de entrega a domicilio (cuatro marcas en aplicaciones).", "cd_violence_on_victim"),
    ("Un trabajador fue golpeado en la cabeza por una puerta de acero del corral cuando un toro la empujó.", "cd_violence_on_victim"),
    ("Two workers were burned while gauging tanks without FR clothing.", "cd_violence_on_victim"),
    ("The rules are tight: you sign your knife out at 5 a.m.", "cd_threats_of_violence"),
    ("La compañía les paga por 'job' armado, unos 1,100 a la semana.", "cd_threats_of_violence"),
])
def test_accidents_brands_knife_logs_and_a_day_sent_home_are_no_violence_or_threat(text: str, item: str) -> None:
    assert item not in ids(text)


def test_a_kick_by_the_foreman_is_still_violence() -> None:
    assert "cd_violence_on_victim" in ids("Herder H-1 stated he was kicked by the ranch foreman after sheep were lost.")


@pytest.mark.parametrize("text", [
    "El dueño le dijo 'si no te gusta le hablo a ICE'.",
    "El dueño le dijo si no te gusta le hablo a ICE.",
])
def test_a_quoted_condition_keeps_its_negation_out_of_the_threat(text: str) -> None:
    # tr-es-1545: the quote mark hid "si", and the "no" of the condition negated the threat
    assert "cd_threat_of_denunciation" in extract(text, lang="es", layers=("patterns", "rules")).ids


def test_a_negation_does_not_reach_past_til() -> None:
    # tr-en-1361: "cant" belongs to quitting, not to paying for the ride
    text = "He cant quit till he pays the owner $2000 for the ride from Texas."
    assert "dr_travel_recruitment_conditions" in extract(text, lang="en", layers=("patterns", "rules")).ids


@pytest.mark.parametrize(("text", "item"), [
    ("On Sundays I visit my mother.", "cd_violence_on_family"),
    ("If I go to Texas I will visit my brother.", "cd_violence_on_family"),
    ("We visit our family in Oaxaca every December.", "cd_violence_on_family"),
    ("The shoes go back in a box to the store.", "cd_threats_of_violence"),
    ("Phones go in a box at the door from 8 to 8.", "cd_threats_of_violence"),
])
def test_visiting_ones_family_or_a_box_of_shoes_is_no_threat(text: str, item: str) -> None:
    assert item not in extract(text, lang="en", layers=("patterns", "rules")).ids


@pytest.mark.parametrize(("text", "item"), [
    ("He said if I leave his people will visit my mother.", "cd_violence_on_family"),
    ("The guide's people will find my kids if I do not pay.", "cd_violence_on_family"),
    ("He tells him anyone who goes to the police is 'sent back in a box'.", "cd_threats_of_violence"),
    ("He told me I would go back in a box.", "cd_threats_of_violence"),
])
def test_a_threat_to_the_family_or_of_a_box_is_still_found(text: str, item: str) -> None:
    assert item in extract(text, lang="en", layers=("patterns", "rules")).ids


# Plain, lawful sentences read against the rules after each wave of rule helpers, with the evidence-bearing sentence
# that must still be read (reviews of 2026-12-07). Each row: text, language, item, whether the item is found.
PLAIN_SENTENCES = [
    # wave 3: a broken heart is no spiritual influence; trying to quit is not being free to leave
    ("Me rompe el alma ver a los niños así.", "es", "cd_under_strong_influence", False),
    ("Perder el alma por dinero no vale la pena, dice el padre en misa.", "es", "cd_under_strong_influence", False),
    ("si me voy dicen q voy a perder mi alma", "es", "cd_under_strong_influence", True),
    ("el swami dice q el q se va rompe su karma y se enferma", "es", "cd_under_strong_influence", True),
    ("Tariq tried to quit last week but the boss said he owes 3000.", "en", "ctx_free_to_leave", False),
    ("Quiso irse en mayo pero el patrón le dijo que debe 3000.", "es", "ctx_free_to_leave", False),
    ("When he wanted to go home in October he went.", "en", "ctx_free_to_leave", True),
    ("He quit last week and works at a car wash now.", "en", "ctx_free_to_leave", True),
    # savings for the trip home are no debt for the trip here
    ("Mando 200 a mi familia y lo demás es para el viaje de regreso en diciembre.", "es", "cr_debt_bondage", False),
    ("Lo que sobra va para el boleto a mi pueblo.", "es", "cr_debt_bondage", False),
    ("Todo el sueldo va para el pasaje que le debo al patrón.", "es", "cr_debt_bondage", True),
    ("Lo que gano es para el viaje, dice el patrón.", "es", "cr_debt_bondage", True),
    # wave 5: a camera for quality control; a part-time week
    ("Our supervisor checks our work with a camera on the line for quality.", "en", "cd_isolation_confinement_surveillance", False),
    ("El supervisor revisa el trabajo con una cámara en la línea por calidad.", "es", "cd_isolation_confinement_surveillance", False),
    ("The camera on the line is for quality control but they also watch us in the trailer.", "en",
     "cd_isolation_confinement_surveillance", True),
    ("I work 24 hours a week at the store.", "en", "ex_excessive_hours", False),
    ("Trabajo 24 horas a la semana en la tienda.", "es", "ex_excessive_hours", False),
    ("They work 24 hours, 7 days a week, with no days off.", "en", "ex_excessive_hours", True),
    # lawful deductions; a promised wage that is paid
    ("My employer deducts taxes and social security from every paycheck.", "en", "ex_wage_manipulation", False),
    ("Mi patrón me descuenta los impuestos y el seguro social de cada cheque.", "es", "ex_wage_manipulation", False),
    ("El banco me quitó 35 por el sobregiro.", "es", "ex_wage_manipulation", False),
    ("The bank took $35 off my account for the overdraft.", "en", "ex_wage_manipulation", False),
    ("El contratista descuenta el seguro social pero no lo reporta.", "es", "ex_wage_manipulation", True),
    ("The boss took $300 off my check for the motel.", "en", "ex_wage_manipulation", True),
    ("He said I would make 20 dollars an hour and I do.", "en", "dr_wages_earnings", False),
    ("The recruiter said we would earn $15 an hour, and the checks match.", "en", "dr_wages_earnings", False),
    ("Me dijo que iba a ganar 15 la hora y sí me pagan eso.", "es", "dr_wages_earnings", False),
    ("The recruiter said we would earn $15 an hour, but we get $6.", "en", "dr_wages_earnings", True),
    ("Me dijo que iba a ganar 15 la hora pero me pagan 7.", "es", "dr_wages_earnings", True),
    # the police called for a theft; a favour owed
    ("He calls the police when someone stole his bike.", "en", "cd_threat_of_denunciation", False),
    ("Llamó a la policía porque le robaron la troca.", "es", "cd_threat_of_denunciation", False),
    ("The manager said anyone who left would be reported to the police as a thief.", "en", "cd_threat_of_denunciation", True),
    ("Me dijo que me iba a entregar a la policía por robo.", "es", "cd_threat_of_denunciation", True),
    ("I owe my sister a thank-you for the trip.", "en", "cr_debt_bondage", False),
    ("I owe my sister a thank-you for the trip.", "en", "cd_debt_bondage", False),
    ("Le debo un favor a mi primo por lo del viaje.", "es", "cr_debt_bondage", False),
    ("Le debo un favor a mi primo por lo del viaje.", "es", "cd_debt_bondage", False),
    ("Le debo 3 mil al patrón por lo del viaje.", "es", "cr_debt_bondage", True),
    # moving house ('se mudó' folds to 'mudo'); the rest of the pay sent home
    ("Mi hermana se mudó a Texas el año pasado.", "es", "vr_personal_situation", False),
    ("Es mudo y no sabe escribir.", "es", "vr_personal_situation", True),
    ("Lo demás lo mando a mi familia.", "es", "cd_withholding_of_wages", False),
    ("Mando 200 a mi familia y lo demás es para el viaje de regreso en diciembre.", "es", "cd_withholding_of_wages", False),
    ("El resto te lo guardo pa que no te lo gastes, dice el patrón.", "es", "cd_withholding_of_wages", True),
    # pay for short trips is no pay that comes up short
    ("They pay us extra for short trips.", "en", "ex_labour_law_or_contract_breached", False),
    ("We get paid for the short days too.", "en", "ex_labour_law_or_contract_breached", False),
    ("My check was short again, $200 missing.", "en", "ex_labour_law_or_contract_breached", True),
    ("Every paycheck comes up short by 10 hours.", "en", "ex_labour_law_or_contract_breached", True),
    # a daily trip home or a daily bag check counts days of something else (dev review, 2026-12-07)
    ("Pero tengo contrato, me voy a mi casa todos los días.", "es", "ex_excessive_hours", False),
    ("El dueño lo trata bien y lo traemos a casa todos los días.", "es", "ex_excessive_hours", False),
    ("En la mía lo hacen todos los días por los robos de tela.", "es", "ex_excessive_hours", False),
    ("Trabajo de 6 a 10 y me voy a mi casa todos los días.", "es", "ex_excessive_hours", True),
    ("Limpio casas todos los días.", "es", "ex_excessive_hours", True),
    # review of wave 6: the boss's time off, notice or other work; what a lawyer charges; an injury at play; trash
    ("The boss took two weeks off.", "en", "ctx_free_to_leave", False),
    ("The company gave notice last week that the plant will close.", "en", "ctx_free_to_leave", False),
    ("The boss also works for another contractor.", "en", "ctx_free_to_leave", False),
    ("I took two weeks off in May and came back.", "en", "ctx_free_to_leave", True),
    ("Los abogados cobran por hora.", "es", "ctx_keeps_own_wages", False),
    ("Los trabajadores cobran por hora.", "es", "ctx_keeps_own_wages", True),
    ("She tore her knee playing soccer.", "en", "ex_hazardous_work", False),
    ("He hurt his back lifting the crates at work.", "en", "ex_hazardous_work", True),
    ("He takes the trash out and sits in the truck to eat.", "en", "cd_isolation_confinement_surveillance", False),
    ("He drives us to Walmart and sits in the van the whole time.", "en", "cd_isolation_confinement_surveillance", True),
]


# Shapes read wrong on round 42 of the train split (scored before it was read) and round 43: 34 rows failed before the change that
# reads them; the others hold what was already read right beside them (a refused request, a named holder, a plain threat).
ROUND_42 = [
    # a pay gap is a lie about wages; it is low pay only under the low-pay line of its period
    ("Me prometieron 18 dólares la hora y aquí me pagan 9 la hora.", "es", "ex_low_or_no_salary", False),
    ("Me prometieron 18 dólares la hora y aquí me pagan 9 la hora.", "es", "dr_wages_earnings", True),
    ("The broker recruited him for $22/hr and on site he gets $11/hr.", "en", "ex_low_or_no_salary", False),
    ("The recruiter promised $600 a week and now he pays us $150 a week.", "en", "ex_low_or_no_salary", True),
    # a question reported and answered no tells nothing; a request refused is still told
    ("Se le preguntó si alguien le guarda sus papeles: dijo que no.", "es", "cd_confiscation_of_documents", False),
    ("Asked whether anyone holds her passport: she said no, she keeps it in her own apartment.", "en",
     "cd_confiscation_of_documents", False),
    ("She asked for her passport back and the boss said no.", "en", "cd_confiscation_of_documents", True),
    ("Le pidió su pasaporte al patrón y el patrón se lo quitó otra vez.", "es", "cd_confiscation_of_documents", True),
    # a verb of denial reaches its whole clause
    ("Negó que alguien le quite las propinas o le guarde el sueldo.", "es", "cd_withholding_of_wages", False),
    ("The owner denied it, but the workers say he holds their passports.", "en", "cd_confiscation_of_documents", True),
    # a knife charged for is a tool; a knife thrown is a threat; a plate that breaks threatens nobody
    ("$10 a week is taken from the check for 'knife and apron'.", "en", "cd_threats_of_violence", False),
    ("Yesterday he threw a knife at the wall next to Jorge's head.", "en", "cd_threats_of_violence", True),
    ("Si se rompe un plato el boss me quita 10 dólares.", "es", "cd_threats_of_violence", False),
    ("Si se va lo van a buscar y lo van a matar.", "es", "cd_threats_of_violence", True),
    # whose papers: the worker's with a word between ("their seafarer ID"), a named person's
    ("Crew keep their seafarer ID documents in personal lockers.", "en", "cd_confiscation_of_documents", False),
    ("He is paid by check every week, keeps his consular ID, and left a dairy job last year.", "en",
     "cd_confiscation_of_documents", False),
    ("She stated Ms. Dalton keeps her Honduran passport in a locked drawer.", "en", "cd_confiscation_of_documents", True),
    # a boss at the interviews, out only with a minder, told not to go out, locked in when he leaves
    ("El supervisor estuvo en todas las entrevistas y contestaba por los trabajadores.", "es",
     "cd_isolation_confinement_surveillance", True),
    ("El dueño no permitió que los inspectores hablaran a solas con los cocineros.", "es",
     "cd_isolation_confinement_surveillance", True),
    ("Broker stood at the trailer door during interviews.", "en", "cd_isolation_confinement_surveillance", True),
    ("The owner interrupted the interviews twice.", "en", "cd_isolation_confinement_surveillance", True),
    ("They can go ashore only with him.", "en", "cd_isolation_confinement_surveillance", True),
    ("Solo salimos del campamento los sábados, con la esposa del patrón.", "es", "cd_isolation_confinement_surveillance", True),
    ("Me dice que no salga ni a la tienda.", "es", "cd_isolation_confinement_surveillance", True),
    ("The owner locks the front and the back door when he leaves and they stay inside.", "en",
     "cd_isolation_confinement_surveillance", True),
    ("The supervisor sat in on the safety training.", "en", "cd_isolation_confinement_surveillance", False),
    ("Los domingos solo salimos a comer con los compañeros.", "es", "cd_isolation_confinement_surveillance", False),
    ("Security locks the truck gate at night because of thefts; every worker has a key.", "en",
     "cd_isolation_confinement_surveillance", False),
    # a sum docked for anything named; a sum that will come out of the pay
    ("Además le quitan 15 dólares a la semana por la redecilla y los guantes.", "es", "ex_wage_manipulation", True),
    ("The owner said the $40 would come out of his pay.", "en", "ex_wage_manipulation", True),
    ("Le cobran 15 dólares por el corte de pelo a los clientes.", "es", "ex_wage_manipulation", False),
    # sleeping where people work or store things; a threat to send someone there is another item's
    ("Trabajo de 11 a 11 y dormimos 5 en el basement.", "es", "ex_bad_living_conditions", True),
    ("I think she sleeps on a mat in the playroom.", "en", "ex_bad_living_conditions", True),
    ("The contractor said that he would sleep in the barn if he was slow.", "en", "ex_bad_living_conditions", False),
    ("Phones stay in the truck while we are on the roof.", "en", "ex_bad_living_conditions", False),
    ("Ninguno duerme en el almacén.", "es", "ex_bad_living_conditions", False),
    # a worker named as the one who owes; the boss owing the worker is wage theft
    ("Each of us owes him 1,500 for the helmets and boots.", "en", "cd_debt_bondage", True),
    ("Dice que cada uno le debe 1,500 por los cascos y la gasolina.", "es", "cd_debt_bondage", True),
    ("The boss owes him 3 weeks of pay.", "en", "cd_debt_bondage", False),
    # a ride to the bus station is leaving, not the journey here
    ("They asked for a ride to the bus station, then said never mind, they cant go, they owe him.", "en",
     "cr_debt_bondage", False),
    # round 43: blows told in everyday words, a worker named by a description; a price on quitting or asking
    ("El dueño le grita y le da zapes delante de los clientes.", "es", "cd_violence_on_victim", True),
    ("El dueño lo avienta contra los tanques.", "es", "cd_violence_on_victim", True),
    ("The boss screams at them all day and hit the young one with a trowel.", "en", "cd_violence_on_victim", True),
    ("The storm hit the old barn on the ranch.", "en", "cd_violence_on_victim", False),
    ("Says if i quit he leaves me in whatever town we at.", "en", "cd_threat_worse_conditions", True),
    ("If they dont sell 40 boxes they dont get dinner.", "en", "cd_threat_worse_conditions", True),
    ("When he asked about his pay, the patrón said he could go sleep on the street instead.", "en",
     "cd_threat_worse_conditions", True),
    # papers shown by the one interviewed are kept; papers a boss produces are held
    ("Two showed their passports.", "en", "ctx_keeps_own_documents", True),
    ("One clerk showed her state ID card.", "en", "ctx_keeps_own_documents", True),
    ("Mostró su licencia de manejar y dijo que le pagan por hora.", "es", "ctx_keeps_own_documents", True),
    ("Dijo que nadie le ha quitado su pasaporte y lo mostró.", "es", "ctx_keeps_own_documents", True),
    ("Driver produced 18 passports from a briefcase.", "en", "ctx_keeps_own_documents", False),
    ("He showed their passports to the officer.", "en", "ctx_keeps_own_documents", False),
    ("El patrón mostró sus pasaportes.", "es", "ctx_keeps_own_documents", False),
]

# Shapes read from rounds 45-46 (scored before they were read).
ROUND_45 = [
    # pay held by someone else, or a share of it retained
    ('He could not press charges because "he has my ID and my money."', "en", "cd_withholding_of_wages", True),
    ("I have my money and my passport.", "en", "cd_withholding_of_wages", False),
    ("He keeps my pasaporte until I pay.", "en", "cd_withholding_of_wages", False),
    ("We get $300 a week cash; the rest, he says, he holds until the project ends.", "en", "cd_withholding_of_wages", True),
    ("Le retenía la mitad de cada pago 'para que no se lo gaste'.", "es", "cd_withholding_of_wages", True),
    ("Nos retuvieron 75 dólares de depósito por el uniforme, que te devuelven al final.", "es", "cd_withholding_of_wages", False),
    ('Le pagan cada mes, pero el patrón "se queda con la mitad hasta que termine el contrato".', "es",
     "cd_withholding_of_wages", True),
    ('Le pagan cada mes, pero el patrón "se queda con la mitad hasta que termine el contrato".', "es",
     "ctx_keeps_own_wages", False),
    # pay that goes to a balance, or to a relative or a recruiter, is not the worker's own
    ("He owes the cousin $18,000 for it, and the company pays the cousin directly.", "en", "ctx_keeps_own_wages", False),
    ("She stated she owes Pruitt $4,800 for her flight and that her weekly pay goes to that balance.", "en",
     "ctx_keeps_own_wages", False),
    ("The company pays me directly into my account.", "en", "ctx_keeps_own_wages", True),
    # a fee for the job itself, and leaving told as a condition
    ("Un hombre de su aldea lo reclutó y le cobró 8,000 quetzales por el job.", "es", "dr_travel_recruitment_conditions", True),
    ("If I wanted to switch shops I could tomorrow.", "en", "ctx_free_to_leave", True),
    # cameras and phone rules with a purpose that is not the workers
    ("Hay cámaras en las filas de jaulas para vigilar becerras enfermas.", "es", "cd_isolation_confinement_surveillance", False),
    ("La camioneta de reparto tiene GPS y cámara porque llevan medicinas controladas.", "es",
     "cd_isolation_confinement_surveillance", False),
    ("Hay cámaras para vigilar a los trabajadores.", "es", "cd_isolation_confinement_surveillance", True),
    ("No deja usar el celular en la descascaradora porque el año pasado un compañero perdió un dedo.", "es",
     "cd_isolation_confinement_surveillance", False),
    ("He takes the phones at the start of shift and gives them back at night for ten minutes.", "en",
     "cd_isolation_confinement_surveillance", True),
    # chores in the boss's home besides the job; not when housework is the job
    ("Trabajo en la pista de 10 de la mañana a medianoche y los lunes le limpio la casa.", "es", "cd_forced_tasks_or_clients", True),
    ("Trabaja en la taquilla seis días y el séptimo limpia la casa de los tíos.", "es", "cd_forced_tasks_or_clients", True),
    ("She picks coffee until 6 at night, then cleans his house, which nobody mentioned before.", "en",
     "cd_forced_tasks_or_clients", True),
    ("Soy empleada doméstica y le limpio la casa a la señora de lunes a viernes.", "es", "cd_forced_tasks_or_clients", False),
    # what someone else believed, denied in the next sentence; a worker's own belief stays evidence
    ("Somebody at church thought the boss was holding my passport. What happened is they scanned it and gave it back.", "en",
     "cd_confiscation_of_documents", False),
    ("Una clienta llamó a la policía pensando que yo vivía encerrada ahí. No es así.", "es",
     "cd_isolation_confinement_surveillance", False),
    ("I thought I would earn $15 an hour. What happened is he pays me $5 and keeps my passport.", "en",
     "cd_confiscation_of_documents", True),
    # papers held with the worker's access; pay owed to the worker; pay into the workers' own accounts
    ("The captain holds passports in the ship's safe; crew sign them out on request.", "en", "cd_confiscation_of_documents", False),
    ("The boss keeps our passports and never gives them back when we ask.", "en", "cd_confiscation_of_documents", True),
    ("The company still hasn't paid my daywork from the boat show, they owe me 1500.", "en", "cd_debt_bondage", False),
    ("He says I owe him $3,000 and he owes me two weeks of pay.", "en", "cd_debt_bondage", True),
    ("Salaries are paid monthly to crew members' own accounts.", "en", "cd_withholding_of_wages", False),
    # a lock or a camera where every worker holds the key confines nobody (none of 148 such train stories is labelled so)
    ("La gente piensa que nos tienen encerrados porque ven la reja con candado. Cada uno de nosotros tiene su llave del candado.",
     "es", "cd_isolation_confinement_surveillance", False),
    ("Hay cámaras en el taller, no en los cuartos. Todos tenemos el código del candado.", "es",
     "cd_isolation_confinement_surveillance", False),
    ("Posted house rules: the bunkhouse gate is chained at 10 p.m. Every resident has a gate key.", "en",
     "cd_isolation_confinement_surveillance", False),
    ("The doors have mag locks and I watch the players on cameras. Each of us has our own alarm code.", "en",
     "cd_isolation_confinement_surveillance", False),
    ("El portón tiene candado y cada uno tiene su llave, pero el patrón nos quita el celular y no nos deja salir del rancho.",
     "es", "cd_isolation_confinement_surveillance", True),
    ("The boss padlocks the bunkhouse from outside at night and only he has the key.", "en",
     "cd_isolation_confinement_surveillance", True),
]


@pytest.mark.parametrize(("text", "lang", "item", "found"), PLAIN_SENTENCES + ROUND_42 + ROUND_45)
def test_plain_sentences_read_as_they_mean(text: str, lang: str, item: str, found: bool) -> None:
    assert (item in extract(text, lang=lang, layers=("patterns", "rules")).ids) is found


