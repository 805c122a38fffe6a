"""Injuries at work, no water on the saw, hours nobody records (group work6, wave 6): new rules
and vetoes.

New ex_hazardous_work rules read an injury told in plain words: a worker who hurt, injured,
sprained or wrecked his back, shoulder, knee or wrist ("hurt his back in the pit"); a burn on
a body part from something ("burns on forearm from a dryer burner"); a worker crushed
("lo machucó un montacargas", "dos dedos aplastados"); a worker who slipped ("me resbalé
en el hielo", "se resbaló del gato"); a fall told by its height ("fell about 14 ft onto the
walk"); an animal that kicked or crushed a worker ("una vaca le pateó la mano", "un toro lo
prensó contra el cajón").

Two ex_very_bad_working_conditions vetoes: no water on a saw, grinder or blade cut dry is the
dust of the work (a hazard), not a heat or water condition; being left without food or water
is a punishment, not a condition of the work. "Not found" rows show them and the other
meanings the rules leave alone (a crushing majority, a price or a talk that slips); "found"
rows show the heat and shade sentences the vetoes keep.

New ex_labour_law_or_contract_breached rules read hours nobody records ("no time records",
"setup days are not recorded", "no hay registro de horas", "las noches de hervor no se
registran") and pay below what the law or the contract says ("no paga lo que dice la ley",
"no pagó el transporte de regreso como dice el contrato"), hours not paid ("esas horas no
las pagan", "el manejo no nos lo pagan") and hours written short ("el mayordomo apunta 8
horas", "en el cheque solo aparecen 8 horas"), overtime without the half ("sin el tiempo
y medio") and travel never paid back ("nunca me los reembolsaron"); the rule that reads time not paid
("no paga el tiempo de espera") now also reads hours ("no paga las horas de manejo"). A veto keeps a complaint told
inside a threat ("si se quejan llama a migración") and pay not collected ("lleva 40 días sin
cobrar") out of the item: they are a threat and withheld pay, not a breach the worker claims.
"""

from tests.extraction.tables import tables

FOUND = [
    # new rule en.ex_hazardous_work.work6_hurtpart
    ("ex_hazardous_work", "en", "Tomas hurt his knee at the plant in March and the supervisor said walk it off."),
    ("ex_hazardous_work", "en", "My brother wrecked his lower back on the job in July."),
    ("ex_hazardous_work", "en", "Ana sprained her wrist on the line last week and still works every shift."),
    # new rule en.ex_hazardous_work.work6_burnpart
    ("ex_hazardous_work", "en", "The dishwasher has fresh burns on forearm and wrist from the hot trays."),
    ("ex_hazardous_work", "en", "He came in with a burn on left hand from the grill."),
    ("ex_hazardous_work", "en", "There are burns all over his forearm from the ironer."),
    # new rule en.ex_hazardous_work.work6_fell_feet
    ("ex_hazardous_work", "en", "Our helper fell about 12 feet from the scaffold on Tuesday."),
    ("ex_hazardous_work", "en", "Last week Jose fell 15 ft off the roof and they drove him home."),
    # new rule es.ex_hazardous_work.work6_animal_lo_pateo
    ("ex_hazardous_work", "es", "En la lechería una vaca le pateó la cara a mi primo."),
    ("ex_hazardous_work", "es", "Ayer un toro lo revolcó en el corral mientras lo vacunaba."),
    # new rule es.ex_hazardous_work.work6_machuco
    ("ex_hazardous_work", "es", "A mi compañero lo machucó el montacargas en la bodega."),
    ("ex_hazardous_work", "es", "Al señor Ramón lo aplastaron unas tarimas el lunes."),
    # new rule es.ex_hazardous_work.work6_resbal
    ("ex_hazardous_work", "es", "Ayer se resbaló en la cocina con una charola de vasos."),
    ("ex_hazardous_work", "es", "Me resbalé del camión de carga el martes y me dijeron que siguiera."),
    # new rule en.ex_labour_law.work6_no_time_records
    ("ex_labour_law_or_contract_breached", "en", "The crew gets a flat $120 a day and there are no time records at all."),
    ("ex_labour_law_or_contract_breached", "en", "The owner keeps no hour records for the kitchen staff."),
    # new rule en.ex_labour_law.work6_time_not_recorded
    ("ex_labour_law_or_contract_breached", "en", "Setup time before each shift is not recorded."),
    ("ex_labour_law_or_contract_breached", "en", "Their waiting hours at the yard are never logged."),
    # new rule es.ex_labour_law.work6_sin_registro_horas
    ("ex_labour_law_or_contract_breached", "es", "Nos pagan 90 al día y no hay registro de horas."),
    ("ex_labour_law_or_contract_breached", "es", "El encargado trabaja sin registro de horas y paga lo que quiere."),
    # new rule es.ex_labour_law.work6_no_se_registran
    ("ex_labour_law_or_contract_breached", "es", "Las horas de espera en la bodega no se registran."),
    ("ex_labour_law_or_contract_breached", "es", "Los días de lluvia que nos tienen esperando no los apuntan."),
    # new rule es.ex_labour_law.work6_no_paga_lo_que_dice
    ("ex_labour_law_or_contract_breached", "es", "El patrón no nos paga lo que dice la ley."),
    ("ex_labour_law_or_contract_breached", "es", "La compañía no pagó el boleto de regreso como dice el contrato."),
    # new rule es.ex_labour_law.work6_horas_no_pagan
    ("ex_labour_law_or_contract_breached", "es", "Nos tienen esperando dos horas en la bodega y esas horas no las pagan."),
    ("ex_labour_law_or_contract_breached", "es", "El tiempo de manejo entre un rancho y otro no nos lo pagan."),
    # new rule es.ex_labour_law.work6_apunta_horas
    ("ex_labour_law_or_contract_breached", "es", "Trabajamos de 6 a 6 pero el mayordomo apunta 8 horas."),
    ("ex_labour_law_or_contract_breached", "es", "Salgo a las 9 de la noche y en el talón solo aparecen 40 horas."),
    # new rule es.ex_labour_law.work6_sin_tiempo_y_medio
    ("ex_labour_law_or_contract_breached", "es", "Trabajo 50 horas y me pagan todas igual, sin tiempo y medio."),
    ("ex_labour_law_or_contract_breached", "es", "Las extras salen en efectivo, sin el tiempo y medio."),
    # new rule es.ex_labour_law.work6_no_reembolso
    ("ex_labour_law_or_contract_breached", "es", "La visa y el autobús los pagué yo y nunca me los reembolsaron."),
    ("ex_labour_law_or_contract_breached", "es", "El patrón no nos reembolsó el pasaje de venida."),
    # widened rule es.ex_labour_law.work_nopaga_tiempo: hours
    ("ex_labour_law_or_contract_breached", "es", "El contratista no paga las horas de manejo entre un rancho y otro."),
    ("ex_labour_law_or_contract_breached", "es", "Nos tienen esperando el camión sin pagar esas horas."),
    # a complaint to the labor office stays (the threat veto's exception)
    ("ex_labour_law_or_contract_breached", "es", "Voy a poner una queja con el labor porque no me pagan el overtime."),
    # heat, shade and a closed room stay very bad working conditions (the vetoes' exceptions)
    ("ex_very_bad_working_conditions", "en", "We pick in the sun at 105 degrees with no water and no shade."),
    ("ex_very_bad_working_conditions", "es", "Trabajamos a 110 grados sin agua ni sombra."),
    ("ex_very_bad_working_conditions", "en", "The girls breathe acrylic dust all day with no masks and there is no fan."),
]

NOT_FOUND = [
    # es.ex_hazardous_work.work6_machuco: other forms and meanings of 'aplastar'
    ("ex_hazardous_work", "es", "Una mayoría aplastante votó por el sindicato en la planta."),
    ("ex_hazardous_work", "es", "Aplastamos las latas antes de llevarlas a reciclar."),
    ("ex_hazardous_work", "es", "Les pido que aplasten las cajas de cartón al final del turno."),
    # es.ex_hazardous_work.work6_resbal: things that slip, not a worker who falls
    ("ex_hazardous_work", "es", "Casi se me resbala el vaso en la cena de cumpleaños."),
    ("ex_hazardous_work", "es", "El precio del tomate se resbaló esta semana en el mercado."),
    ("ex_hazardous_work", "es", "La plática se resbaló hacia el futbol y nadie habló del trabajo."),
    # en.ex_hazardous_work.work6_burnpart: other burns
    ("ex_hazardous_work", "en", "The candles burn from dusk until dawn at the festival."),
    ("ex_hazardous_work", "en", "You can get a sunburn on your face from one afternoon at the beach."),
    # en.ex_hazardous_work.work6_fell_feet: other things that fall
    ("ex_hazardous_work", "en", "Snow fell 3 feet overnight in the mountains and the roads closed."),
    ("ex_hazardous_work", "en", "The price of lumber fell 20 percent from last year."),
    # es.ex_hazardous_work.work6_animal_lo_pateo: animals that hurt nobody
    ("ex_hazardous_work", "es", "La vaca la ordeñamos a las cinco de la mañana."),
    ("ex_hazardous_work", "es", "El toro lo compramos en la subasta de Amarillo."),
    # veto: no water on the saw or grinder is dust, not a water condition of the work
    ("ex_very_bad_working_conditions", "en", "They cut the pavers with a dry saw, no water and no masks."),
    ("ex_very_bad_working_conditions", "es", "Cortan el block en seco con la sierra, sin agua ni mascarilla."),
    # veto: left without food or water is a punishment
    ("ex_very_bad_working_conditions", "es", "El patrón lo dejó dos días en el monte sin comida ni agua por perder una vaca."),
    ("ex_very_bad_working_conditions", "en", "The foreman left him at the far field with no water as punishment."),
    # the records and contract rules: other records, a contract nobody breached
    ("ex_labour_law_or_contract_breached", "en", "The church concert was not recorded this year."),
    ("ex_labour_law_or_contract_breached", "en", "There is no record of the accident in the police file."),
    ("ex_labour_law_or_contract_breached", "es", "No sé qué dice el contrato sobre las vacaciones."),
    ("ex_labour_law_or_contract_breached", "es", "Nos pagan lo que dice el contrato, quince la hora."),
    ("ex_labour_law_or_contract_breached", "es", "El temblor de anoche no se registró en la estación."),
    ("ex_labour_law_or_contract_breached", "es", "No tengo registro de vacunas de mi hija."),
    ("ex_labour_law_or_contract_breached", "es", "Son muchas horas pero no pagan mal, 18 la hora."),
    ("ex_labour_law_or_contract_breached", "es", "El camión a Monterrey sale 8 horas tarde por la lluvia."),
    ("ex_labour_law_or_contract_breached", "es", "El tiempo está bonito y no pagamos la luz este mes."),
    ("ex_labour_law_or_contract_breached", "es", "La tienda no reembolsa la ropa usada."),
    ("ex_labour_law_or_contract_breached", "es", "No hay reembolso si cancelas el viaje un día antes."),
    ("ex_labour_law_or_contract_breached", "es", "Nos pagan el overtime con tiempo y medio cada viernes."),
    # veto: a complaint inside a threat, pay not collected
    ("ex_labour_law_or_contract_breached", "es", "Llevamos tres semanas sin cobrar y el mayordomo dice que si nos quejamos llama a migración."),
    ("ex_labour_law_or_contract_breached", "es", "Tienen miedo de reclamar porque al que se queje lo deportan."),
    ("ex_labour_law_or_contract_breached", "es", "Llevan dos meses sin cobrar y les dicen que al que se queje lo corren."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
