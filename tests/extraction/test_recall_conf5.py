"""Confinement, surveillance and freedom to leave (group conf5, wave 5): vetoes for innocent readings.

This wave is precision first: no new rule, five vetoes and one narrowing of the existing
confinement vetoes' exceptions. Each "not found" sentence is an innocent reading a veto now
drops (a neighbour's or an anonymous complaint's allegation, a camera whose purpose is
property or animals, leaving named in the boss's threat, going home at the end of the
shift, a caller who cannot give the address); each "found" sentence keeps real evidence that
the veto's exceptions let through.
"""

from tests.extraction.tables import tables

FOUND = [
    # an allegation the sentence confirms, or a lock from the outside, is still confinement
    ("cd_isolation_confinement_surveillance", "es",
     "Un vecino llamó por 'gente encerrada' y al llegar vimos la puerta con candado por fuera."),
    ("cd_isolation_confinement_surveillance", "en",
     "The owner locks them in the trailer every night and keeps the key."),
    # a camera that watches where the workers sleep
    ("cd_isolation_confinement_surveillance", "es",
     "El encargado puso una cámara en el cuarto donde dormimos y revisa quién sale."),
    # freedom to leave said plainly, next to the end of the shift
    ("ctx_free_to_leave", "es", "Si me quiero ir a otra compañía, me voy, nadie me dice nada."),
    # the worker, not the caller, does not know the town
    ("vd_difficulty_unknown_area", "en", "The worker does not know the name of the town where he sleeps."),
]

NOT_FOUND = [
    # quoted allegations: a neighbour, an anonymous complaint, a relative's belief
    ("cd_isolation_confinement_surveillance", "es",
     "Un vecino reportó 'gente encerrada' en una bodega de muebles; es el turno de noche."),
    ("cd_isolation_confinement_surveillance", "es",
     "Queja anónima: 'a los cocineros no los dejan salir de la cocina'."),
    ("cd_isolation_confinement_surveillance", "es",
     "Mi tía pensaba que me tenían encerrada, pero vivo en mi casa y manejo mi carro."),
    ("cd_isolation_confinement_surveillance", "en",
     "My cousin thinks the warehouse locks us in, but we clock out at four and drive home."),
    # cameras whose purpose is property, animals or the building
    ("cd_isolation_confinement_surveillance", "es", "Hay cámaras en el almacén pero son por los robos de cable."),
    ("cd_isolation_confinement_surveillance", "en", "Cameras in the calving barn are pointed at the cows."),
    ("cd_isolation_confinement_surveillance", "es", "La cámara de la entrada es del edificio, no del patrón."),
    # leaving named in the boss's threat
    ("ctx_free_to_leave", "es", "El patrón dice que si me voy antes de la temporada no me paga nada."),
    ("ctx_free_to_leave", "es", "Me dijo que si me voy me saca del cuarto esa misma noche."),
    ("ctx_free_to_leave", "es", "Y a ver a dónde me voy sin papeles y sin dinero."),
    # going home at the end of the shift
    ("ctx_free_to_leave", "es", "Me pagan cada quincena y a las seis me voy a mi casa."),
    ("ctx_free_to_leave", "es", "Salgo a las 4 y me voy al cuarto que rento con mi hermano."),
    # the caller cannot give the address
    ("vd_difficulty_unknown_area", "es", "Llamante no sabe la dirección exacta del vivero."),
    ("vd_difficulty_unknown_area", "en", "Caller does not know the address of the packing house."),
    ("vd_difficulty_unknown_area", "es", "Llama la madre de un jornalero en una lechería de Idaho (no sabe el pueblo)."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
