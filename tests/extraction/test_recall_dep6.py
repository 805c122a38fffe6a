"""Lost where one lives, and no car of one's own (group dep6, wave 6): three vetoes and three new rules.

Two vetoes keep vd_difficulty_unknown_area out of sentences that tell something else: not
reading or writing, or a paper in English the worker could not read, is a lack of
education (the education rules' default twin had moved it here); a relative or caller who
does not know the company's or the boss's name, or "nothing" of him, tells what the
reporter cannot give. A place or a person the worker does not know in the same sentence
keeps the finding. A third veto reads "the apartment is his garage" as what the lodging
really is (poor lodging), not as the boss's roof the worker depends on.

New rules read a group that could not name the town or the state they were in ("None of them
could name the town where they sleep", "Neither knew what state they were in"), nobody known
in the place without the apostrophe ("dont know anybody here", "none of them knows anyone"),
and no car of one's own ("dont have there own car", "no tiene teléfono ni carro").

"Not found" rows show each veto and the words the new rules must leave alone: a contract
in English the worker could not read, a caller who does not know who the boss is, a
group that cannot name a rule or a town nobody lives in, a car the worker did not have to
pay for, a car to wash, a car accident, a leased truck, car insurance, an apartment that is
really the boss's garage.
"""

from tests.extraction.tables import tables

FOUND = [
    # new rule en.vd_difficulty_unknown_area.noneknewtown: a group that could not name the town or the state
    ("vd_difficulty_unknown_area", "en", "None of the men could name the town where the motel is."),
    ("vd_difficulty_unknown_area", "en", "Neither of them knew what state they were working in."),
    # new rule en.vd_difficulty_unknown_area.knowsnobody: nobody known, without the apostrophe
    ("vd_difficulty_unknown_area", "en", "None of them knows anyone here."),
    ("vd_difficulty_unknown_area", "en", "We dont know anybody in this county."),
    # the vetoes' exceptions: a place or a person the worker does not know in the same sentence
    ("vd_difficulty_unknown_area", "es", "No sabe leer y no conoce a nadie en el pueblo."),
    ("vd_difficulty_unknown_area", "es", "No sabe el nombre de la empresa ni en qué ciudad está."),
    ("vd_difficulty_unknown_area", "es", "No sabe nada de inglés y nunca sale del rancho."),
    # new rule en.vd_dependency_on_exploiters.donthavecar: no car of one's own, a word or two between
    ("vd_dependency_on_exploiters", "es", "Aquí no tengo papeles ni troca, y el pueblo queda a dos horas."),
    ("vd_dependency_on_exploiters", "en", "They doesnt have their own truck, so the foreman drives them to the store."),
    ("vd_dependency_on_exploiters", "es", "El muchacho no tiene papeles ni carro para irse del rancho."),
    # the lodging veto leaves a bare "is his" alone
    ("vd_dependency_on_exploiters", "en", "He says if I complain I can sleep outside, the trailer is his."),
]

NOT_FOUND = [
    # reading veto: not reading, or a paper in English the worker could not read
    ("vd_difficulty_unknown_area", "es", "Firmó un contrato en inglés que no entendía."),
    ("vd_difficulty_unknown_area", "es", "La señora no sabe leer ni escribir."),
    ("vd_difficulty_unknown_area", "en", "He signed the paper, but he cannot read English."),
    # reporter veto: the caller does not know the company, the boss, or anything of him
    ("vd_difficulty_unknown_area", "es", "Su mamá no sabe nada de él desde hace dos semanas."),
    ("vd_difficulty_unknown_area", "es", "No sabe quién es el patrón."),
    # noneknewtown: a group that cannot name something other than the place
    ("vd_difficulty_unknown_area", "en", "None of the workers could name a single safety rule."),
    ("vd_difficulty_unknown_area", "en", "Nobody could tell me what town the new plant will be in."),
    ("vd_difficulty_unknown_area", "en", "Neither of us knew which city hosted the fair that year."),
    # donthavecar: a car the worker did not have to pay for, own cars, a car to wash
    ("vd_dependency_on_exploiters", "en", "The workers have their own cars and drive home every night."),
    ("vd_dependency_on_exploiters", "en", "He did not have to pay for the car; the company leased it."),
    ("vd_dependency_on_exploiters", "es", "No tienen que lavar el carro del patrón."),
    ("vd_dependency_on_exploiters", "en", "They did not have a car accident this year."),
    ("vd_dependency_on_exploiters", "en", "He does not own the truck; he leases it from the company."),
    ("vd_dependency_on_exploiters", "es", "No tiene seguro de carro, por eso no maneja."),
    # lodging veto: what the lodging really is ("the apartment is his garage"), told as poor lodging
    ("vd_dependency_on_exploiters", "en", "The apartment is his garage, five of us on mattresses."),
    ("vd_dependency_on_exploiters", "en", "The room is his basement, next to the boiler."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
