"""Coercion items of group force: stem rules for shapes the rule layer missed.

Each FOUND sentence is a true telling of its item; each NOT_FOUND sentence uses the same
words in an ordinary, innocent way (a normal job, a normal family, a news item) and must
not give the item.
"""

from tests.extraction.tables import tables

FOUND = [
    # a smuggled person handed on to whoever pays: "paid ... and drove/took him"
    ("cr_abduction_forced_marriage_adoption_sale", "en",
     "They kept us in a house until a man from a roofing company paid them and drove me to his yard."),
    ("cr_abduction_forced_marriage_adoption_sale", "en",
     "A contractor paid $3,000 more and took him to the farm."),
    ("cr_abduction_forced_marriage_adoption_sale", "es",
     "En Houston me tuvieron encerrado hasta que llegó un señor de una cuadrilla, les pagó y me llevó a Dallas."),
    ("cr_abduction_forced_marriage_adoption_sale", "es",
     "Llegó un contratista que pagó 3,000 más y me llevó a su rancho."),
    ("cr_abduction_forced_marriage_adoption_sale", "es",
     "El dueño de la granja pagó lo que faltaba y ahora dice que le debo a él."),
    ("cr_abduction_forced_marriage_adoption_sale", "es",
     "Allá el dueño le pagó al pollero y me dijo que ahora le debo 8,000."),
    ("cr_abduction_forced_marriage_adoption_sale", "es",
     "En Arizona lo vendieron a un raitero que lo llevó a Florida."),
    # tasks for the boss outside the job
    ("cd_forced_tasks_or_clients", "es",
     "Trabajo en el bar de noche y en la mañana limpio la casa del dueño."),
    ("cd_forced_tasks_or_clients", "es",
     "Cuando llovía el patrón nos ponía a limpiar su casa."),
    ("cd_forced_tasks_or_clients", "en", "On Sundays the crew boss rents us out to other farms."),
    # told what to say
    ("cd_forced_to_lie", "es",
     "El contratista les dijo que, si un policía pregunta, digan que tienen 16."),
    ("cd_forced_to_lie", "es",
     "El jefe me dijo que si voy al hospital diga que me caí en la casa."),
    # what the police or immigration are said to do
    ("vr_false_information_law_authorities", "en",
     "He says if we go to another company the police grab us."),
    ("vr_false_information_law_authorities", "es",
     "La señora me decía que la policía la detiene si sale sola a la calle."),
    ("vr_false_information_law_authorities", "en", "He told her la migra pays people who report illegals."),
    ("vr_false_information_law_authorities", "en", "The man told him the police here hand over anyone without papers."),
    ("vr_false_information_law_authorities", "es", "Dice que al hospital no porque piden papeles y llaman a la migra."),
    ("vr_false_information_law_authorities", "en", "Farrier told him ICE checks every highway so he better not walk out."),
    # clients the worker must drink with; crimes the worker is sent to commit
    ("cd_forced_tasks_or_clients", "es", "El dueño me puso una cuota: cada noche 300 dólares en tragos con los clientes."),
    ("cd_forced_illicit_activities", "es", "El de la tienda de celulares me pone a liberar teléfonos robados en la noche."),
    # legal status: a visa or work permit running out, a visa held by the boss, immigration detention
    ("vd_relationship_authorities_legal_status", "en", "He says the visa is his and if I go to another company the police pick me up."),
    ("vd_relationship_authorities_legal_status", "es", "Aquí el patrón dice que la visa es suya."),
    ("vd_relationship_authorities_legal_status", "en", "madam says if i call 911 the police take me not her bc im illegal"),
    ("vd_relationship_authorities_legal_status", "en", "He told her that if she goes to another employer she becomes illegal."),
    ("vd_relationship_authorities_legal_status", "en", "He said his asylum case would be cancelled if he complained."),
    ("vd_relationship_authorities_legal_status", "en", "I am in ICE custody since March, waiting for my hearing."),
    ("vd_relationship_authorities_legal_status", "es",
     "Su visa se vence en octubre y tiene miedo de quedarse sin trabajo."),
    ("vd_relationship_authorities_legal_status", "es",
     "Su permiso de trabajo de DACA vence en dos meses."),
    ("vd_relationship_authorities_legal_status", "es",
     "Llevo ocho meses detenido esperando mi corte de asilo."),
]

NOT_FOUND = [
    # paying and driving in ordinary life
    ("cr_abduction_forced_marriage_adoption_sale", "en", "My brother paid for dinner and drove me home."),
    ("cr_abduction_forced_marriage_adoption_sale", "en", "The boss paid us on Friday and took everyone out for tacos."),
    ("cr_abduction_forced_marriage_adoption_sale", "es", "Mi hermano pagó la cena y me llevó a la casa."),
    ("cr_abduction_forced_marriage_adoption_sale", "es", "El patrón nos pagó el viernes y nos llevó a comer."),
    ("cr_abduction_forced_marriage_adoption_sale", "es", "Mi papá le pagó al mecánico lo que faltaba del carro."),
    ("cr_abduction_forced_marriage_adoption_sale", "en", "The boss paid us $300 and took us to the store."),
    # the family paying its own smuggler is the price of the crossing
    ("cr_abduction_forced_marriage_adoption_sale", "es", "Mi papá le pagó al coyote 3,000 más y me llevó a la casa de mi tía."),
    ("cr_abduction_forced_marriage_adoption_sale", "en", "My uncle paid the rest and took me to his house in Dallas."),
    # cleaning the house of the person one works for is the job of a housekeeper
    ("cd_forced_tasks_or_clients", "es", "Trabajo de limpieza en casas y los martes limpio la casa de la señora Ruiz."),
    ("cd_forced_tasks_or_clients", "es", "Mi mamá me pone a limpiar mi cuarto los sábados."),
    # an ordinary question and answer
    ("cd_forced_to_lie", "es", "Si mi mamá pregunta por mí, estoy en la tienda."),
    ("cd_forced_to_lie", "es", "Ojalá el doctor diga que ya está bien."),
    ("cd_forced_to_lie", "es", "Mi hermano dice que el jefe es buena gente y que paga bien."),
    # the police doing their work
    ("vr_false_information_law_authorities", "en", "The police take about ten minutes to get here."),
    ("vr_false_information_law_authorities", "es", "La policía detiene a los borrachos que manejan en la noche."),
    ("vr_false_information_law_authorities", "es", "Mi primo es policía y lo ponen a trabajar de noche."),
    ("vr_false_information_law_authorities", "en", "ICE pays its agents overtime during the holidays."),
    ("vr_false_information_law_authorities", "en", "The police turn their reports in on Friday."),
    ("vr_false_information_law_authorities", "es", "En el banco piden papeles y te llaman en una semana."),
    # renting a room is not being rented out
    ("cd_forced_tasks_or_clients", "en", "The landlord rents her a bed in the basement for $300 a month."),
    ("cd_forced_tasks_or_clients", "en", "The rent comes out of the check every Friday."),
    ("cd_forced_tasks_or_clients", "es", "Rento un cuarto con dos amigos cerca de la planta."),
    # bar work and stolen goods in ordinary life
    ("cd_forced_tasks_or_clients", "es", "Los sábados el mesero platica con los clientes del restaurante."),
    ("cd_forced_illicit_activities", "es", "El patrón pone cámaras porque se han robado herramienta del taller."),
    # expiring things that are not a status; immigration as a job or a news item
    ("vd_relationship_authorities_legal_status", "es", "El permiso de la troca vence en mayo."),
    ("vd_relationship_authorities_legal_status", "es", "La leche se vence el viernes y la visa del banco también."),
    ("vd_relationship_authorities_legal_status", "es", "Mi tío trabaja en una oficina de inmigración en Houston."),
    ("vd_relationship_authorities_legal_status", "en", "The news said the detainee was released from the county jail."),
    ("vd_relationship_authorities_legal_status", "en", "The police detained the driver and called immigration about the truck."),
    ("vd_relationship_authorities_legal_status", "en", "The lawyer said the deductions are illegal."),
    ("vd_relationship_authorities_legal_status", "en", "It will become illegal to sell raw milk at the market next year."),
    ("vd_relationship_authorities_legal_status", "en", "I'm illegally parked outside, be right back."),
    ("vd_relationship_authorities_legal_status", "en", "The visa is valid for ten years and the fee is paid."),
    # what the worker is told happens to people without papers is not the worker's own status
    ("vd_relationship_authorities_legal_status", "en", "He tells them the police here hand over anyone without papers."),
    ("vd_relationship_authorities_legal_status", "es", "Dice que la policía no ayuda a la gente sin papeles."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
