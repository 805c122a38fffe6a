"""Coercion indicators, second pass (group coer2): vetoes that cut false findings and a
rule for a threat to accuse the worker of a crime before the authorities.

Each "not found" sentence gives the item's words an innocent or another item's reading;
each "found" sentence shows the true reading survives (or is newly found).
"""

from tests.extraction.tables import tables

NOT_FOUND = [
    # what the boss says the police do to a whole class of people is false information, not a threat to report
    ("cd_threat_of_denunciation", "en", "The foreman tells them the cops here put foreigners without papers in jail for years."),
    ("cd_threat_of_denunciation", "es", "El encargado les dice que aquí la policía arresta a quien no tiene papeles."),
    # going to the police is the act punished; the threat is of harm, not of a report
    ("cd_threat_of_denunciation", "es", "Le advirtió que si habla con la policía le va a pasar algo a su familia."),
    # the caller's own fear of calling the police
    ("cd_threat_of_denunciation", "en", "Caller is afraid to call police."),
    ("cd_threat_of_denunciation", "es", "Ella tiene miedo de llamar a la policía."),
    # sports fields and the ski patrol
    ("cd_threat_of_denunciation", "es", "Trabaja para un contratista de canchas deportivas en Texas."),
    # new accusation rule: ordinary sentences with its words
    ("cd_threat_of_denunciation", "en", "The paper says the court found that he stole from the bank."),
    ("cd_threat_of_denunciation", "en", "My neighbor says the police found the bike that was stolen last week."),
    ("cd_threat_of_denunciation", "es", "El periódico dice que la policía detuvo a los ladrones de autos."),
    ("cd_threat_of_denunciation", "es", "La policía dice que robaron tres carros en la cuadra."),
    # a wage case's remedy and a departure without penalty
    ("cd_threat_worse_conditions", "en", "Back wages and liquidated damages sought for overtime violations."),
    ("cd_threat_worse_conditions", "es", "Varios choferes se fueron a otras compañías sin penalidad."),
    # numbers that count time or people are no age
    ("vr_personal_situation", "en", "That was 14 months ago and nothing has changed."),
    ("vr_personal_situation", "es", "El mayordomo nos tiene 16 en una bodega con catres."),
    # losing the house is the threat, not homelessness
    ("vr_personal_situation", "es", "Le dijo que si se queja se quedan sin trabajo y sin casa."),
    # burns from the work
    ("cd_violence_on_victim", "en", "He got burned by the torch while soldering and there is no first aid kit."),
    ("cd_violence_on_victim", "en", "Burns visible on both forearms from the heat gun."),
    # a beating promised is a threat, not violence done
    ("cd_violence_on_victim", "en", "One of them told me if they try to leave they get beat."),
    # assembling, tools, fixtures
    ("cd_threats_of_violence", "es", "Trabaja con una cuadrilla que arma casas de troncos en Colorado."),
    ("cd_threats_of_violence", "en", "He keeps their passports in his gun safe."),
    ("cd_threats_of_violence", "es", "Me descontaron 150 dólares por una pistola de clavos que se descompuso sola."),
    # a worker who gets hurt at work
    ("cd_threats_of_violence", "es", "Si alguien se lastima no hay doctor."),
    # the authorities as the ones who find the worker
    ("cd_threats_of_violence", "en", "He says if I run, the Border Patrol finds me in two hours."),
    # a claim about the police, not the worker's own status
    ("vd_relationship_authorities_legal_status", "en", "He told them the police here arrest anybody walking the road with no papers."),
    ("vd_relationship_authorities_legal_status", "es", "Dice que afuera la policía detiene a los que no tienen papeles."),
]

FOUND = [
    ("cd_threat_of_denunciation", "en", "The boss tells them that if anyone complains he will call immigration."),
    ("cd_threat_of_denunciation", "es", "Le dijo que si habla con la policía lo deportan."),
    # new: a threat to accuse the worker of a crime before the authorities
    ("cd_threat_of_denunciation", "en", "If I quit he says he calls my PO and says I stole from a customer."),
    ("cd_threat_of_denunciation", "es", "Me dijo que si me voy le avisa al sheriff que le robé herramienta."),
    ("cd_threat_worse_conditions", "es", "Al que se queja lo dejan sin comida ese día."),
    ("vr_personal_situation", "es", "Lo reclutaron en un albergue para personas sin casa."),
    ("cd_violence_on_victim", "en", "The madam burns her with hot water when she breaks something."),
    ("cd_violence_on_victim", "en", "The wife slapped her and pulled her hair."),
    ("cd_threats_of_violence", "en", "The foreman showed us his gun and said he would kill anyone who left."),
    ("vd_relationship_authorities_legal_status", "es", "Como no tengo papeles, el patrón dice que la policía agarra a los que no tienen papeles."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
