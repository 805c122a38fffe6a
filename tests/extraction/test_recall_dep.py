"""Vulnerability and influence items (group dep): new shapes, one narrowing and one veto.

"found" sentences say the thing in the way the corpus's people say it; "not found" sentences
use the same words in an ordinary job, family or news item and must stay silent.
"""

from tests.extraction.tables import tables

FOUND = [
    # the family back home lives on what the worker sends (economic reasons, at destination)
    ("vd_economic_reasons", "en", "Her husband and two children in Honduras depend on what she sends every month."),
    ("vd_economic_reasons", "en", "His mother in Cebu lives on the $200 he sends each month."),
    ("vd_economic_reasons", "es", "Su esposa y sus tres hijos viven de lo que él les manda cada semana."),
    ("vd_economic_reasons", "es", "Tiene dos hijos en Olancho que dependen de lo que ella manda."),
    # put out on the street with the children (family situation, at destination)
    ("vd_family_situation", "es", "El patrón le dijo que si se queja la deja en la calle con su hija de cuatro años."),
    ("vd_family_situation", "en", "The owner says if I close the office even once we're on the street with the baby."),
    # the boss holds the medicine or is the only source of food
    ("vd_dependency_on_exploiters", "en", "The director controlled his medication and his payee account."),
    ("vd_dependency_on_exploiters", "es", "Es diabético. El patrón guarda la insulina en la casa del rancho y solo se la da cuando termina."),
    ("vd_dependency_on_exploiters", "en", "They live in a camper with no water and the owner drops off food every five days."),
    ("vd_dependency_on_exploiters", "es", "No salen del rancho y el patrón les trae la comida una vez por semana."),
    # someone else answers for the worker; spiritual threats
    ("cd_under_strong_influence", "en", "The crew supervisor stayed in the exam room and answered every question put to the patient."),
    ("cd_under_strong_influence", "es", "La dueña se quedó al lado y contestó todas las preguntas que le hicimos a la muchacha."),
    ("cd_under_strong_influence", "en", "The swami told me that leaving would ruin my karma for lifetimes."),
    ("cd_under_strong_influence", "es", "Si me voy dicen que me echan a la migra y que voy a perder mi alma."),
    # does not know where he is, does not speak the language
    ("vd_difficulty_unknown_area", "es", "El boss nos mueve de rodeo en rodeo y ya ni sé en qué pueblo estamos."),
    ("vd_difficulty_unknown_area", "es", "Soy de Oaxaca, hablo mixteco y poquito español."),
    ("vd_difficulty_unknown_area", "es", "Viven en el taller y no hablan español ni inglés."),
    ("vd_difficulty_unknown_area", "en", "Caller unsure what county he is in. Asked for help getting out."),
    ("vd_difficulty_unknown_area", "en", "Yesterday he asked me what town this is, he didn't know."),
    # the true readings the narrowing and the veto keep
    ("vr_personal_situation", "en", "I was staying at the men's shelter on Fifth Street when a man came by looking for helpers."),
    ("vr_personal_situation", "en", "He is deaf in one ear and cannot read."),
]

NOT_FOUND = [
    # family and remittance words in an ordinary life
    ("vd_economic_reasons", "en", "My family lives on a farm and sends me apples every fall."),
    ("vd_economic_reasons", "en", "The price depends on what the supplier sends us."),
    ("vd_economic_reasons", "es", "Mis padres viven de su pensión y me mandan saludos."),
    ("vd_economic_reasons", "es", "Depende de lo que mande el cliente esta semana."),
    # street and children with no threat
    ("vd_family_situation", "en", "We live on the same street with my sister's kids."),
    ("vd_family_situation", "en", "The kids played in the street with the neighbor's dog."),
    ("vd_family_situation", "es", "Salimos a caminar por la calle con los niños el domingo."),
    # medicine and food in an ordinary workplace or home
    ("vd_dependency_on_exploiters", "en", "The nurse keeps the insulin in the fridge."),
    ("vd_dependency_on_exploiters", "en", "The supervisor keeps the medicine cabinet locked."),
    ("vd_dependency_on_exploiters", "en", "My mom brings food to the neighbors every Sunday."),
    ("vd_dependency_on_exploiters", "es", "Mi mamá le guarda las medicinas a mi abuela en la cocina."),
    # answering questions, karma and soul in ordinary speech
    ("cd_under_strong_influence", "en", "The teacher answered every question in class."),
    ("cd_under_strong_influence", "en", "Donating to the shelter is good karma, she said."),
    ("cd_under_strong_influence", "en", "I don't want to ruin the surprise for the kids."),
    ("cd_under_strong_influence", "es", "Con el alma en la mano, la madre abrazó a su hijo al llegar."),
    ("cd_under_strong_influence", "es", "No quiero romper la tradición de la familia."),
    # language and place words with no difficulty
    ("vd_difficulty_unknown_area", "es", "Ni español ni francés: mi clase favorita es matemáticas."),
    ("vd_difficulty_unknown_area", "es", "Mi hija estudia español en la escuela y le va muy bien."),
    ("vd_difficulty_unknown_area", "es", "Ya sé en qué pueblo vive mi tía."),
    ("vd_difficulty_unknown_area", "en", "She told me which city she was born and raised."),
    # 'slow' is the pace of work or of business, not a disability
    ("vr_personal_situation", "en", "On slow days the detailers earned less than the minimum wage."),
    ("vr_personal_situation", "en", "The crew leader curses at the slow pickers but has never touched anyone."),
    # a migrant shelter, or the shelter the police took him to, is not homelessness
    ("vr_personal_situation", "en", "The staffing company recruits at a migrant shelter downtown."),
    ("vr_personal_situation", "es", "Llegué de Venezuela con parole y en el albergue un señor nos ofreció trabajo."),
    ("vr_personal_situation", "en", "HSI notified; the subject was transported to a shelter in Laredo."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
