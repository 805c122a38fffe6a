"""Movement, hours and conditions indicators (group move2): vetoes and narrowings that cut false findings.

Each "not found" sentence was found before the change and is not found after it; each
"still found" sentence shows the true reading survives the veto.
"""

from tests.extraction.tables import tables

NOT_FOUND = [
    # the police or immigration locking someone up is a threat, not confinement by the employer
    ("cd_isolation_confinement_surveillance", "es", "Dice que si nos escapamos la policía nos encierra en un albergue hasta cumplir 18."),
    ("cd_isolation_confinement_surveillance", "en", "Man tells them if they go to police, ICE will lock them in detention until they turn 18."),
    # kept from school or the doctor
    ("cd_isolation_confinement_surveillance", "es", "Tengo 15 y no me deja ir a la escuela, dice que primero le pago lo del viaje."),
    ("cd_isolation_confinement_surveillance", "es", "Uno me enseñó las manos cortadas y dijo que el contratista no los deja ir al médico."),
    # pay or work that does not come out
    ("cd_isolation_confinement_surveillance", "es", "Aquí nos pagan por cubeta, a veces no sale ni para comer."),
    # papers locked in a drawer or a safe
    ("cd_isolation_confinement_surveillance", "en", "Our passports sit in a locked drawer in his office."),
    # a phone call, a cold room, a pipe wrench
    ("cd_isolation_confinement_surveillance", "en", "The owner, reached by phone, confirmed the late job."),
    ("cd_isolation_confinement_surveillance", "en", "When caller asked for a raise, owner said one phone call and his TPS is finished."),
    ("cd_isolation_confinement_surveillance", "es", "Trabaja con botas de hule mojadas, entrando y saliendo de la cámara fría."),
    ("cd_isolation_confinement_surveillance", "es", "Cuenta que el encargado le pega con la llave Stillson en las piernas cuando tarda."),
    # pounds and books are not 'libre'; a day off or the open air is no freedom to leave
    ("ctx_free_to_leave", "es", "Paga por libra, pero pesa en su báscula y siempre salen menos libras."),
    ("ctx_free_to_leave", "es", "El patrón le dice que apunte en el libro que descansó."),
    ("ctx_free_to_leave", "es", "Se soltó un motor en un concierto al aire libre y me pegó en el hombro."),
    ("ctx_free_to_leave", "es", "Pagué 5,000 dólares a un coyote y me dijeron que en Houston ya quedaba libre."),
    # a relative who went off with a crew
    ("ctx_free_to_leave", "es", "Su hija de 17 años se fue con una señora que le prometió trabajo en un restaurante."),
    ("ctx_free_to_leave", "es", "Su esposo se fue hace dos meses con una cuadrilla de techeros a Carolina del Norte."),
    # no hot water at the lodging is a living condition
    ("ex_hazardous_work", "es", "Somos 8 en la traila y no hay agua caliente."),
    ("ex_hazardous_work", "en", "One porta potty for everybody and no hot water."),
]

STILL_FOUND = [
    ("cd_isolation_confinement_surveillance", "es", "El patrón nos encierra en el cuarto con candado por fuera."),
    ("cd_isolation_confinement_surveillance", "en", "The boss locks us in the trailer at night."),
    ("cd_isolation_confinement_surveillance", "en", "The man follows her location on the phone and texts if she stops."),
    ("cd_isolation_confinement_surveillance", "es", "No le permite salir de la propiedad y le dio con una llave de tubo en la espalda."),
    ("ctx_free_to_leave", "es", "Los trabajadores son libres de irse cuando quieran."),
    ("ctx_free_to_leave", "es", "Mi primo renunció y se cambió de rancho sin problema."),
    ("ex_hazardous_work", "es", "Trabajamos en el campo a 110 grados sin agua ni sombra."),
]

test_found, test_not_found = tables(STILL_FOUND, NOT_FOUND)
