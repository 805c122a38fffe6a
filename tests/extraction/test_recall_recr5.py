"""Deceptive recruitment (group recr5, wave 5): precision first, then recall.

Vetoes and narrowed rules: money paid or owed for crossing the border is the smuggling's
price, not a recruiter's charge; an employer who paid or covered the visa and the trip, or a
worker who owes nothing, was charged nothing; the visa programme's three-fourths guarantee
is a lawful contract term, not a lie about pay; "papers in English" (a lease, a clinic form)
is no work contract; "cobra ... contratista" is no fee for the job.
New rules: a sum "for the visa / por la visa", a sum charged "for the trip / por el raite",
a recruiter's pitch with a rate ("needed helpers, $20 an hour", "dijo que pagaban 12 la hora"),
recruited or hired somewhere for a job ("recruited in Totonicapán for hotel housekeeping",
"la contrataron en Houston para"), read only where a turn follows (the item's concept gate).
Each "found" sentence is one shape a new rule reads; each "not found" sentence uses the same
words in an ordinary, innocent sense or shows a veto at work.
"""

from tests.extraction.tables import tables

FOUND = [
    # a sum for the visa or the paperwork
    ("dr_travel_recruitment_conditions", "en", "Caller says he still owes the crew leader about 2,500 for the visa and it comes out of every check."),
    ("dr_travel_recruitment_conditions", "en", "The man in our village took 90,000 rupees for the work visa before we flew."),
    ("dr_travel_recruitment_conditions", "es", "Nos dijeron que eran 4 mil de la visa y que se pagaban trabajando."),
    ("dr_travel_recruitment_conditions", "es", "Le dimos 300 dólares para el trámite y nunca vimos el permiso."),
    # a sum charged for the trip
    ("dr_travel_recruitment_conditions", "en", "The foreman charged every man $900 for the plane and takes it back in pieces."),
    ("dr_travel_recruitment_conditions", "es", "El señor nos cobró 2,000 dólares por el raite hasta Carolina."),
    ("dr_travel_recruitment_conditions", "es", "La agencia les cobró 3 mil por traerlos hasta Texas."),
    # a recruiter's pitch with a rate
    ("dr_wages_earnings", "en", "A guy at the day labor corner said a roofing company needed helpers, $22 an hour, cash every Friday."),
    ("dr_wages_earnings", "en", "Her cousin's post offered cleaning work in Boston, $800 a week with a room."),
    ("dr_wages_earnings", "es", "El contratista nos dijo que en la empacadora pagaban 14 la hora y había casa."),
    ("dr_wages_earnings", "es", "Una señora de la iglesia le dijo que allá iba a ganar 500 a la semana."),
    # recruited somewhere for one job, then the turn
    ("dr_nature_of_job_location_employer", "en", "They recruited him in Guatemala for hotel work; instead he was put on a roofing crew."),
    ("dr_nature_of_job_location_employer", "en", "I was hired in Salinas for the packing shed. It turned out to be the field, picking by the bucket."),
    ("dr_nature_of_job_location_employer", "es", "Me contrataron en Puebla para cocinar, pero al llegar me pusieron a limpiar baños."),
]

NOT_FOUND = [
    # crossing debts: the smuggling's price, not a recruiter's charge (veto)
    ("dr_travel_recruitment_conditions", "en", "She owes $1,200 for the crossing and the boss takes it from her check."),
    ("dr_travel_recruitment_conditions", "en", "The smuggler lent me the money for the crossing."),
    ("dr_travel_recruitment_conditions", "es", "Le pagó al coyote 6 mil con dinero que le prestó un señor."),
    # "cobra ... contratista": no fee for the job (narrowed rule)
    ("dr_travel_recruitment_conditions", "es", "El contratista cobra y se va a otro rancho con su gente."),
    ("dr_travel_recruitment_conditions", "es", "La gente cobra cada viernes y se cambia de contratista cuando quiere."),
    # the employer paid, the worker owes nothing, no fee was charged (veto)
    ("dr_travel_recruitment_conditions", "en", "He says he owes nothing: the company paid his visa and bus."),
    ("dr_travel_recruitment_conditions", "en", "The recruitment fee was paid by the employer, not by us."),
    ("dr_travel_recruitment_conditions", "en", "Nobody was charged any fee and the employer covered the visa costs."),
    # the three-fourths guarantee and a guaranteed minimum: lawful contract terms (veto)
    ("dr_wages_earnings", "en", "His contract guarantees three-fourths of the hours, but the farm paid only the days worked."),
    ("dr_wages_earnings", "en", "The job order promises pay for three-fourths of the hours offered."),
    ("dr_wages_earnings", "es", "Le pagan por caja con un mínimo garantizado por hora."),
    # papers in English that are no work contract (narrowed pattern)
    ("dr_contract_content_or_legality", "es", "Firmé papeles en inglés para la renta del cuarto."),
    ("dr_contract_content_or_legality", "en", "The landlord gave me papers in English for the lease."),
    ("dr_contract_content_or_legality", "es", "Le dieron unos documentos en inglés en la clínica."),
    # the new rules' words in an ordinary sense
    ("dr_travel_recruitment_conditions", "en", "The bus company charges $5 for the ride to town."),
    ("dr_travel_recruitment_conditions", "en", "We waited for the visa for three months before the trip."),
    ("dr_wages_earnings", "en", "The bakery offered me the job and I started Monday."),
    ("dr_wages_earnings", "es", "Me dijo que le pagan cada viernes en el banco."),
    ("dr_wages_earnings", "en", "The shop needed two more cashiers for the weekend."),
    # recruited or hired somewhere for the job the worker does: no turn, no deception
    ("dr_nature_of_job_location_employer", "en", "He was hired in Fresno to pick grapes, and that is the work he does."),
    ("dr_nature_of_job_location_employer", "en", "She was recruited in Manila as a nurse and works at the county hospital."),
    ("dr_nature_of_job_location_employer", "es", "La contrataron en Houston como cajera y trabaja en la tienda desde marzo."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
