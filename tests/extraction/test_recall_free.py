"""Freedom and confinement items (group free): shapes added from the train split.

FOUND sentences show each new rule, pattern or veto doing its work; NOT_FOUND holds the
sentences a veto now drops and ordinary sentences built on the new rules' words, which must
stay silent.
"""

from tests.extraction.tables import tables

FOUND = [
    # others have already left for other employers
    ("ctx_free_to_leave", "en", "Workers hold their own IDs and several have moved to other carriers this year."),
    ("ctx_free_to_leave", "es", "Nos pagan cada viernes y varios se han ido a otras compañías."),
    ("ctx_free_to_leave", "es", "El año pasado me fui a otra compañía y no pasó nada."),
    # the worker left and went home, or came back and was hired again
    ("ctx_free_to_leave", "en", "Two guys from the crew went home in November and were paid in full."),
    ("ctx_free_to_leave", "en", "I kept what I made and quit after a month."),
    ("ctx_free_to_leave", "en", "He left the dealer last year and came back."),
    ("ctx_free_to_leave", "en", "Last year I left for two months to do drywall and they hired me back."),
    ("ctx_free_to_leave", "es", "Me salí unos meses y me volvieron a contratar."),
    ("ctx_free_to_leave", "es", "Le pagan cada semana y dice que si quiere se va a otro rancho."),
    # the phone is watched: do not call or write to this number; the boss reads the messages
    ("cd_isolation_confinement_surveillance", "en", "please dont call this number back, the boss will see it"),
    ("cd_isolation_confinement_surveillance", "es", "ma ya no me mandes msj a este numero porfa"),
    ("cd_isolation_confinement_surveillance", "es", "No puedo hablar mucho, el patrón revisa el cel en la noche."),
    # the boss keeps the vehicle's keys
    ("cd_isolation_confinement_surveillance", "en", "The contractor's brother sits by the stairs every night and keeps the van keys."),
    ("cd_isolation_confinement_surveillance", "es", "El capataz guarda las llaves de la van."),
    # held in a house on the journey until someone paid
    ("cr_isolation_confinement_surveillance", "es", "En Houston lo tuvieron encerrado en una casa hasta que llegó un señor y pagó lo que faltaba."),
    ("cr_isolation_confinement_surveillance", "en", "In Phoenix the guide's people kept him in a house for nine days, then drove him north."),
    # own documents: a copy for the I-9, shown to the inspector, "mine"
    ("ctx_keeps_own_documents", "en", "They copied my passport for the I-9 and gave it right back."),
    ("ctx_keeps_own_documents", "es", "La oficina guarda fotocopias para el I-9 y cada trabajador tiene su original."),
    ("ctx_keeps_own_documents", "en", "The workers showed their passports and said they go to town on Sundays."),
    ("ctx_keeps_own_documents", "es", "Los trabajadores mostraron sus identificaciones al inspector."),
    ("ctx_keeps_own_documents", "en", "Pay is hourly with overtime and my license and papers are mine."),
    ("ctx_keeps_own_documents", "es", "Nadie me quitó el pasaporte, lo tengo guardado en mi tráiler."),
    # papers held by the boss: in his glove box, "so they don't get lost", all of them, mine
    ("cd_confiscation_of_documents", "es", "El conductor llevaba en la guantera 12 pasaportes guatemaltecos."),
    ("cd_confiscation_of_documents", "en", "He keeps our IDs in his glovebox."),
    ("cd_confiscation_of_documents", "es", "Le pedí mi pasaporte y dijo que no, que él lo guarda para que no se pierda."),
    ("cd_confiscation_of_documents", "en", "The director keeps all passports and collects the donations."),
    ("cd_confiscation_of_documents", "es", "La empresa tiene mi pasaporte para la auditoría."),
    ("cd_confiscation_of_documents", "es", "Mi pasaporte lo tiene en su caja fuerte."),
]

NOT_FOUND = [
    # leaving told with its price: no freedom to leave
    ("ctx_free_to_leave", "es", "Dice que si me voy le habla a la migra y que me deportan."),
    ("ctx_free_to_leave", "es", "Me dijo que si me voy, la gente del coyote sabe dónde vive mi familia."),
    ("ctx_free_to_leave", "en", "When Ramon asked for his papers, the boss said he can walk back to Mexico with it."),
    ("ctx_free_to_leave", "es", "Al que se fue la otra semana lo trajeron de regreso todo golpeado."),
    # held in a house on the journey: counted at recruitment, not at destination
    ("cd_isolation_confinement_surveillance", "es", "En Yuma nos encerraron en una casa hasta que alguien pagara lo demás."),
    # ordinary sentences on the new rules' words
    ("cd_isolation_confinement_surveillance", "es", "Mi mamá me lleva a todas partes en su carro desde que me operaron."),
    ("cd_isolation_confinement_surveillance", "es", "Mi abuela no tiene celular, hay que llamarla a la casa."),
    ("cd_isolation_confinement_surveillance", "en", "We took the bus to the lake and my sister kept the car keys at home."),
    ("cd_isolation_confinement_surveillance", "es", "Mi hermano tiene las llaves de la camioneta porque él maneja."),
    ("cd_confiscation_of_documents", "es", "Tengo los papeles del carro en la guantera."),
    ("cd_confiscation_of_documents", "en", "My registration papers are in the glove box."),
    ("cd_confiscation_of_documents", "en", "I keep all my documents in a folder at home."),
    ("ctx_keeps_own_documents", "en", "I copied the notes so I could study 9 chapters."),
    ("ctx_keeps_own_documents", "en", "She showed her photos of the wedding to everyone."),
    ("ctx_keeps_own_documents", "es", "Lo tiene en su oficina desde el lunes."),
    ("cr_isolation_confinement_surveillance", "en", "We stayed in a house by the lake until Sunday."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
