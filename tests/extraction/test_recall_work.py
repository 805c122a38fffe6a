"""Working and living conditions (group work): stem rules that find more of the work items,
and a veto that moves a housing sentence's missing water off the working-conditions item.

Each FOUND sentence is told the way the shape is told; each NOT_FOUND sentence uses the
same words in an ordinary reading (a normal job, a normal family, a news item) and must
stay unfound.
"""

from tests.extraction.tables import tables

FOUND = [
    # overtime not paid, told with the hours first or with "ni"
    ("ex_labour_law_or_contract_breached", "es", "Trabajo en un rancho. Las horas extra no me las pagan y eso quiero reclamar."),
    ("ex_labour_law_or_contract_breached", "es", "No le pagaron las dos últimas semanas ni las horas extra."),
    ("ex_labour_law_or_contract_breached", "es", "Trabajan de 7pm a 7am y nadie les paga el overtime."),
    ("ex_labour_law_or_contract_breached", "en", "He works up to 70 hours a week and overtime is never paid."),
    # waiting, driving or rest time not paid
    ("ex_labour_law_or_contract_breached", "es", "Pagan por caja pero el contratista no paga el tiempo de espera ni los descansos."),
    ("ex_labour_law_or_contract_breached", "en", "They don't get paid for the waiting time between loads anymore."),
    # back wages worked out by an inspector
    ("ex_labour_law_or_contract_breached", "es", "Se calcularon salarios atrasados por las horas extra."),
    # every day of the week, no day off
    ("ex_excessive_hours", "es", "Estoy ahí de lunes a lunes cuidando a la señora."),
    ("ex_excessive_hours", "es", "Declaró que trabaja de domingo a domingo sin relevo."),
    ("ex_excessive_hours", "en", "We work Sunday to Sunday at the nursery."),
    ("ex_excessive_hours", "en", "She told me she hasn't had a day off since she came."),
    ("ex_excessive_hours", "es", "Llevo 7 meses sin un day off."),
    # work ending late at night or past midnight, and round the clock
    ("ex_excessive_hours", "en", "She washed, ironed and cleaned until 11 at night."),
    ("ex_excessive_hours", "en", "I cooked and minded four children from 5 in the morning to 1 at night."),
    ("ex_excessive_hours", "es", "El patrón lo tiene trabajando 24 horas con el rebaño."),
    # riding on a vehicle's floor, blocked exits, injuries of the work
    ("ex_hazardous_work", "es", "Se detuvo una camioneta de ocho asientos con 13 hombres, varios sentados en el piso."),
    ("ex_hazardous_work", "en", "The van carried 17 men, three of them riding on the floor between cages."),
    ("ex_hazardous_work", "es", "Se observan dos salidas de emergencia bloqueadas con rollos de cuero."),
    ("ex_hazardous_work", "en", "The back exit has been blocked with boxes of product since spring."),
    ("ex_hazardous_work", "en", "One nurse hurt her back transferring a resident alone."),
    ("ex_hazardous_work", "en", "My hands are bleeding from the claws every night."),
    # care refused, or held over the worker
    ("ex_no_social_protection", "en", "He burned his arm and the owner refused to take him to a clinic."),
    ("ex_no_social_protection", "es", "El jefe de cuadrilla se negó a llevarlo al hospital."),
    ("ex_no_social_protection", "en", "The agency man said if I go to the ER I lose my bed."),
    ("ex_no_social_protection", "en", "Two burns were not reported to workers' comp."),
    # a cot or a mattress for a bed
    ("ex_bad_living_conditions", "en", "He sleeps on a cot in the depot garage with four other drivers."),
    ("ex_bad_living_conditions", "es", "Trabaja en el taller y duerme en una litera en la oficina."),
    # no water in the fields is still a working condition
    ("ex_very_bad_working_conditions", "en", "They pick in the fields all day with no water."),
    # the vetoes leave the true readings: crowding in a house, a real meal, a real hazard
    ("ex_bad_living_conditions", "es", "Dormimos en el piso de la bodega y la comida no alcanza."),
    ("ex_hazardous_work", "en", "They cut concrete all day with no water on the blade and no masks."),
    ("ex_hazardous_work", "es", "Se quemó el brazo con la freidora y el patrón no lo llevó al doctor."),
    ("ex_no_social_protection", "es", "Nos pagan en efectivo, sin contrato y sin seguro."),
    ("ex_excessive_hours", "es", "Trabajamos de 5 de la mañana a 11 de la noche todos los días."),
]

NOT_FOUND = [
    # no water where the workers live is a living condition, not one of the work
    ("ex_very_bad_working_conditions", "en", "Two of them live in a camper with no water behind the shop."),
    ("ex_very_bad_working_conditions", "es", "Viven en un contenedor sin agua detrás de la bodega."),
    # overtime that is paid
    ("ex_labour_law_or_contract_breached", "es", "Turnos de 9 a 6 y las horas extra se pagan."),
    ("ex_labour_law_or_contract_breached", "es", "Las horas extra se pagan a tiempo y medio cada viernes."),
    ("ex_labour_law_or_contract_breached", "en", "Overtime is paid at time and a half on every check."),
    # weekly opening hours, a day off every week
    ("ex_excessive_hours", "en", "The store is open Monday to Sunday from nine to five."),
    ("ex_excessive_hours", "es", "La tienda abre de lunes a sábado y el lunes siguiente cierra temprano."),
    ("ex_excessive_hours", "en", "The grooms get one day off a week that they rotate."),
    ("ex_excessive_hours", "es", "Descansamos el domingo, nadie se queda sin día libre."),
    # a night out, a twenty-four hour shop, a deadline
    ("ex_excessive_hours", "en", "We stayed at the wedding until 11 at night and then drove home."),
    ("ex_excessive_hours", "en", "The pharmacy on the corner is open 24 hours."),
    ("ex_excessive_hours", "es", "El reporte se entrega dentro de 24 horas."),
    # exits of a road or a stadium, a normal floor
    ("ex_hazardous_work", "es", "La salida de la autopista estaba bloqueada por un accidente."),
    ("ex_hazardous_work", "en", "Traffic was blocked near the exit of the stadium after the game."),
    ("ex_hazardous_work", "en", "The kids were sitting on the floor of the living room watching a movie."),
    ("ex_hazardous_work", "en", "Use the emergency exit if the fire alarm sounds."),
    ("ex_hazardous_work", "en", "The winners shook hands and cut the ribbon."),
    # care given, insurance in place
    ("ex_no_social_protection", "en", "Workers' comp covered his surgery and he is back at work."),
    ("ex_no_social_protection", "en", "The employer carries workers' comp for all staff."),
    ("ex_no_social_protection", "en", "No one was hurt this year and the comp policy is current."),
    ("ex_no_social_protection", "en", "If you feel sick, go to the clinic on Main Street."),
    ("ex_no_social_protection", "es", "Si se enferma, la señora lo lleva al médico en su carro."),
    # a bed in a family home
    ("ex_bad_living_conditions", "en", "My daughter bought a new mattress for her bedroom."),
    # days held in a stash house on the way, a meal taken away as a punishment
    ("ex_bad_living_conditions", "es", "En Phoenix lo tuvieron encerrado diez días en una casa hasta que llegó el patrón."),
    ("ex_bad_living_conditions", "en", "After crossing he was held nine days in a house in Houston."),
    ("ex_bad_living_conditions", "es", "Al que se quejaba lo dejaban sin comida ese día."),
    ("ex_bad_living_conditions", "en", "The contractor said he would get no breakfast and would sleep in the barn."),
    # no water where they live, gear enforced, a burn given by the boss
    ("ex_hazardous_work", "en", "He sleeps in a camper behind the barn with no running water."),
    ("ex_hazardous_work", "es", "Al que ven sin arnés lo mandan a su casa ese día."),
    ("ex_hazardous_work", "en", "Once he burned her arm with a cigarette."),
    # paid in cash is not by itself a lack of social protection
    ("ex_no_social_protection", "es", "Le pagan cada viernes en efectivo y tiene sus papeles."),
    ("ex_no_social_protection", "en", "The owner pays them in cash every Friday."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
