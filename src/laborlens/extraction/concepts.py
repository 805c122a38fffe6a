"""Concept checks that ask what a sentence says, not which words it uses (issue 14).

Word rules fire on any mention of pay or of a missing thing; the ILO/EC items they feed
are narrower. These checks keep a finding only when the concept is there:

* ``ex_low_or_no_salary`` is the worker's pay being none or far below what is legal or
  was promised. Not that: a specific item left unpaid (overtime, the ride home: a
  labour-law breach), the worker not being *charged* ("no le cobraron por la visa"), an
  amount that is a charge or an allowance rather than pay ("they take $60 a week for
  it"), the figure that was promised ("me prometió 600 al mes"), an unpaid job that is
  only threatened ("would put you on the toilets without pay") or asked about ("is it
  legal to pay less than minimum wage?").
* ``ex_very_bad_working_conditions`` is being deprived of basic needs while working
  (drinking water, shade, a toilet, breaks, relief from heat). Missing protective gear is
  a hazard (``ex_hazardous_work``), and no hot water where people live is a living
  condition (``ex_bad_living_conditions``).
* Deception ("promised X, got Y"): a promise or offer, then a contrast ("but",
  "instead", "turned out", "when we arrived", "pero", "en cambio", "resultó", "al
  llegar") in the same or the next sentence. What the promise was about (the job or
  place, pay, hours, housing, school, papers, a contract) says which ``dr_*`` item it is.
  A promised pay figure with a later actual figure under 60% of it is also low pay.
* Work in extreme heat ("100 degrees", "hace 40 grados", "no AC") is a basic need denied.
* A recruitment fee is charged to the worker: an employer paying the visa or travel, or
  the worker's pay passing through a contractor, is not one.
* A debt that grows, is the price of leaving, or comes out of the pay is debt bondage at
  destination, whoever first lent it.
* Fresh wording read as ideas (``word_concepts``, 2026-12-05 evening, each from a round of
  training text scored before it was read): threats to hand the worker to an authority over
  liberty or status, pay that reaches someone else first, a price on leaving, crimes the
  worker is made to commit, a recruiter's charge, a court placement, hazards by their effect,
  deductions and short counts, phones read and minders, crowding and poor lodging, the
  worker's own way out and own pay, work outside the agreement, dependency, what the police
  "will do", papers of any kind held by someone else.
* Coercion items: a worker holding their own papers or pay (subject and possessive agree:
  "I keep my passport", "cobra él mismo su cheque") is not confiscation or withholding; a
  worker who is owed money, or owed nothing, is not in debt bondage; "No one ever took my
  ID or threatened me" is not a threat; knives being sold are not a weapon.
* A threat to shame the worker before the family, village, church or school ("if I leave he
  tells abbu I ran with the money"; 2026-12-06, no pattern found this item before): the telling
  is a consequence held over the worker and names an audience at home or a stain.
* A young worker kept out of school or from the promised classes ("no va a la escuela", "not
  enrolled since arriving", "never went to a class"): before, only "never sent me to school" was
  read (train recall 0.41).
* Also read as ideas (2026-12-06): the worker's own papers told by where they are kept, not
  knowing the town or the address, an order to tell visitors or the family a story, a job found
  oneself or through a friend.
* A threat whose victim is the worker's family ("si se escapaba a su mamá la iban a
  lastimar", "if they run he will hurt their families") is violence on the family, not
  also a threat of violence to the worker, unless the worker is named as a target too
  ("he would kill me and my kids").

All functions take folded text (matcher.fold) and offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from laborlens.extraction.numbers import LOW_PAY
from laborlens.extraction.prefilter import lowered, may_match

_W = r"(?<!\w)"
_E = r"(?!\w)"

# --- low or no salary ------------------------------------------------------------------

# What follows "no pagan / no pay / sin pago": a specific item, not the wage itself.
_SPECIFIC_ITEM_AFTER = re.compile(
    r"^[\s,]*(?:(?:el|la|los|las|del|de|por|for|the|any|us|me|them|him|her|nos|les|le|me)\s+){0,3}"
    r"(?:overtime|over time|extra|extras|horas? extras?|tiempo extra|the time|time|el tiempo|transport\w*|"
    r"ride|rides|bus|viaje|pasaje|regreso|return|uniform\w*|training|capacitacion|holiday|holidays|"
    r"vacation|vacaciones|sick|enfermedad|weekend|domingos?|sundays?|travel|gas|gasolina|"
    r"the visa|la visa|visa|the trip|fees?|cuota|para entrar|to (?:start|enter|get in))" + _E,
    re.IGNORECASE)
# "no le cobraron", "no nos cobró": the worker was not charged (cobrar with an object pronoun).
_NOT_CHARGED = re.compile(r"(?:no|nunca|jamas|nada)\s+(?:me|te|le|les|nos|la|lo|los|las)\s+cobr\w*", re.IGNORECASE)
# "the worker did not pay to get in": the worker as payer of a fee.
_WORKER_PAID_FEE = re.compile(r"(?:no|nunca)\s+(?:(?:le|les)\s+)?(?:pague|pagamos|pago|pagaron|paid|pay)\s+(?:nada\s+|anything\s+)?"
                              r"(?:(?:para|por|to|for)\s+(?:entrar|el trabajo|la visa|the job|the visa|get)|"
                              r"(?:a|al|to)\s+(?:the\s+|el\s+|la\s+|an?\s+|ningun\w*\s+)?(?:agente|agent|reclutador|recruiter|"
                              r"agencia|agency|coyote|smuggler|enganchador|nadie|anyone|anybody))", re.IGNORECASE)
# Overtime named just before the hit ("las horas extra no me las pagan", "horas extra no pagadas"):
# a breach of the law on overtime, not pay that is none or low.
_OVERTIME_BEFORE = re.compile(r"(?:horas? extras?|overtime|over time|tiempo extra|las extras)\W+(?:\w+\W+)?$", re.IGNORECASE)
# An unpaid disciplinary suspension under the rules ("te suspenden un día sin goce de sueldo").
_UNPAID_SUSPENSION = re.compile(r"sin goce de sueldo|without pay for (?:the|a|one) day", re.IGNORECASE)
# An unpaid job that is only threatened or imagined: a future or conditional verb shortly
# before the hit ("would put you on the toilets without pay", "nos iba a poner ... sin paga").
_IRREALIS = re.compile(
    _W + r"(?:threaten\w* to|amenaz\w* con|would (?:put|send|make|have)|will (?:put|send|make|have)|(?:iba|iban|va|van|ibamos|vamos|voy) a|"
    r"(?:pondria|mandaria|dejaria|pondrian|mandarian)\w*|ponia a|mandaba a)" + _E, re.IGNORECASE)
IRREALIS_WINDOW = 90
# An amount that was promised, offered or written in a contract, not paid.
_PROMISE = re.compile(
    _W + r"(?:promis\w*|offer\w*|guarantee\w*|advertis\w*|told (?:us|me|them|him|her) (?:we|i|they|he|she|it) would|"
    r"said (?:we|i|they|he|she|it) would|(?:we|i|they|he|she) would (?:earn|make|get)|was supposed to|supposedly|"
    r"contract (?:said|says|stated|promised|read)|contrato (?:\w+ ){0,3}(?:decia|dice|dec[ií]a)|the ad|ad said|wages would|pay would|"
    r"prometi\w*|ofreci\w*|ofrec\w*|garantiz\w*|anunci\w*|supuestamente|(?:le|les|me|nos|te) dijeron que|"
    r"(?:le|les|me|nos|te) dijo que|iba(?:mos|n)? a (?:ganar|pagar)|ganaria\w*|pagaria\w*|contrato que decia|"
    r"el contrato decia|decia el contrato)" + _E, re.IGNORECASE)
_CONTRAST = re.compile(
    _W + r"(?:but|instead|turned out|in reality|really|actually|only|when (?:we|i|they|he|she) (?:got|arrived|came)|"
    r"on arrival|once (?:we|i|they|he|she) (?:got|arrived)|ended up|the ledger|pero|en cambio|en vez|en lugar|"
    r"result\w*|en realidad|al llegar|cuando (?:llegamos|llegue|llego|llegaron)|ya aqui|aqui|here|"
    r"terminamos|termine|acabamos|acabe|solo|nomas|nada mas)" + _E, re.IGNORECASE)
_AMOUNT_HIT = re.compile(r"^\s*(?:us)?(?:\$ ?)?\d")  # the hit is a stated amount ("$60 a week", "300 por semana")
_PAY_NEAR = re.compile(
    _W + r"(?:pay|pays|paid|paying|earn\w*|make|makes|made|get|gets|got|salary|wages?|gave|give|gives|cash|"
    r"gana\w*|pag\w*|sueldo|salario|da|dan|daba|daban|dieron|cobr\w*|recib\w*|receiv\w*|flat|fijo|hour|hr|hora|"
    r"left|net|clear|cleared|comes? out|queda|quedan|quedaba|quedaban|sale|salen|salia|llega|llegan|manda|mandan|mandaba|"
    r"toca|tocan|tocaba|deja|dejan|dejaba|juntan?|juntamos|sacan?|sacamos|suelta|sueltan|average|averages|given|hands?|handed)" + _E,
    re.IGNORECASE)
_CHARGE_NEAR = re.compile(
    _W + r"(?:charges?|charged|charging|deduct\w*|take|takes|took|taking|minus|owes?|owed|rent|renta|fee|fees|"
    r"costs?|cuesta|costaba|descuent\w*|descont\w*|quita\w*|debe\w*|interest|intereses|for (?:food|comida|"
    r"smokes|cigarettes)|para (?:comida|comer))" + _E, re.IGNORECASE)
_QUESTION = re.compile(r"\?\s*$")
_HANDED = re.compile(_W + r"(?:gives?|gave|hands?|handed|da|dan|daba|daban|gets?|got|receives?|received|recibe|reciben|"
                     r"recibia|recibian)" + _E + r"(?: \w+){0,2}\s*$", re.IGNORECASE)
_TAKEN_FROM_IT = re.compile(r"[\s,;]*(?:minus|menos|because|porque|after|despues de|and then|y luego) ", re.IGNORECASE)
# "$350 for six days": numbers.low_pay read the pay, named or not, over the days it was for
_FOR_DAYS = re.compile(r"(?:for|por) (?:the |los |las )?\S+ (?:days?|dias|weeks?|wks?|semanas)$", re.IGNORECASE)


def low_pay_concept(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether a low-or-no-salary hit at [start, end) states the worker's pay as none or low."""
    span = folded[start:end]
    text = folded[sentence[0]:sentence[1]]
    before = folded[sentence[0]:start]
    after = folded[end:sentence[1]]
    if _QUESTION.search(text):
        return False
    if _NOT_CHARGED.search(span) or _WORKER_PAID_FEE.search(folded[start:min(end + 30, sentence[1])]):
        return False
    if _UNPAID_SUSPENSION.search(span) or (re.match(r"\s*(?:no|sin)\b", span, re.IGNORECASE)
                                           and _OVERTIME_BEFORE.search(before[-30:])):
        return False
    if re.search(r"(?:recib|visto|tenian|tiene)\w*", span, re.IGNORECASE) and not re.search(
            r"(?:pago|sueldo|dinero|salario|nada|un peso|centavo|dolar|quinto|cheque|pisto|plata|lana|feria|money|pay|wages?|"
            r"paycheck|dime|a cent|it)",
            folded[start:min(end + 25, sentence[1])], re.IGNORECASE):
        return False  # "no recibir visitas": receiving something other than pay
    if _SPECIFIC_ITEM_AFTER.search(after) and not re.search(r"(?:nada|nothing|at all|para nada|ni un)", after[:20]):
        return False
    if _IRREALIS.search(before[-IRREALIS_WINDOW:].split(";")[-1]):
        return False
    if _AMOUNT_HIT.match(span):
        window = folded[max(sentence[0], start - 45):start]
        clause = re.split(r"[,;:]| que | and | y ", window)[-1]
        # "gives the men $100/wk for food, rest goes to the debt": what is handed over is the pay
        handed = _HANDED.search(clause)
        # a charge named after the amount makes it a price ("$50 a week for a bed"), unless it is
        # taken out of it ("$1,200/mo minus $400 for a mattress", "$200 for six days, because he takes $100")
        charge_after = _CHARGE_NEAR.search(after[:20]) and not _TAKEN_FROM_IT.match(after)
        if _CHARGE_NEAR.search(clause) or (charge_after and not handed):
            return False
        promise = list(_PROMISE.finditer(before))
        if promise and not _CONTRAST.search(before[promise[-1].end():]):
            return False  # the promised figure
        per_hour = re.search(r"(?:hour|hr|hora)", span, re.IGNORECASE)
        if not per_hour and not _FOR_DAYS.search(span) and not _PAY_NEAR.search(window):
            return False  # an amount not said to be pay
    return True


# --- very bad working conditions -------------------------------------------------------

_PROTECTIVE_GEAR = re.compile(
    _W + r"(?:mask|masks|gloves?|harness\w*|helmets?|respirators?|protection|protective|gear|monitors?|"
    r"goggles|chaps|training|mascarillas?|guantes|arnes|cascos?|proteccion|equipo|capacitacion|lentes|"
    r"ventilation|ventilacion|insulated)" + _E, re.IGNORECASE)
_BASIC_NEED = re.compile(
    _W + r"(?:water|shade|toilets?|bathroom|restroom|breaks?|rest|lunch|ac|air|fan|heat|agua|sombra|"
    r"banos?|sanitario|descanso|comer|calor|aire)" + _E, re.IGNORECASE)
_DWELLING = re.compile(
    _W + r"(?:hot water|agua caliente|trailer|shed|bunk\w*|barracks|house|apartment|unit|dorm\w*|"
    r"traila|casa|cuarto|vivienda|regaderas?|showers?|literas?|catres|camas|beds|mattress\w*|colchon\w*|garaje|garage)" + _E, re.IGNORECASE)
_AT_WORK = re.compile(
    _W + r"(?:field|fields|orchard|rows|work|working|shift|heat|sun|campo|surco|trabajo|trabajando|turno|"
    r"sol|calor|crew|cuadrilla|job|degrees|grados)" + _E, re.IGNORECASE)


def bad_work_conditions_concept(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether a very-bad-working-conditions hit is a basic need denied at work."""
    span = folded[start:end]
    window = folded[start:min(end + 12, sentence[1])]
    if _PROTECTIVE_GEAR.search(span) and not _BASIC_NEED.search(span):
        return False
    text = folded[sentence[0]:sentence[1]]
    if re.search(r"(?:hot water|agua caliente)", window, re.IGNORECASE):
        return False
    if _DWELLING.search(text) and not _AT_WORK.search(text):
        return False
    return True


# --- "promised X, got Y" ---------------------------------------------------------------

_OFFER = re.compile(
    _W + r"(?:promis\w*|offer\w*|guarantee\w*|advertis\w*|recruited (?:us|me|them|him|her)? ?(?:to|for|as)|"
    r"hired (?:us|me|them|him|her)? ?(?:to|for|as)|told (?:us|me|them|him|her|the \w+) (?:that )?"
    r"(?:we|i|they|he|she|it|there|the job)|said (?:that )?(?:we|i|they|he|she|it|there) (?:would|was|were|will|could)|"
    r"was supposed to|were supposed to|supposedly|the ad|an ad|posting|(?:i|we|she|he|they) thought|"
    r"(?:the )?contract (?:\w+ ){0,5}(?:said|says|stated|promised)|contrato (?:\w+ ){0,5}(?:decia|dice)|"
    r"told (?:us|me|them|him|her) (?:that )?(?:\w+ ){0,2}would|(?:wages|pay|salary) would|"
    r"pense|pensaba|pensamos|pensabamos|crei|creia|creiamos|"
    r"prometi\w*|ofreci\w*|ofrec\w*|garantiz\w*|anunci\w*|supuestamente|(?:le|les|me|nos|te) dijeron que|"
    r"(?:le|les|me|nos|te) dijo que|(?:le|les|me|nos|te) contrataron (?:para|como|de)|"
    r"(?:vino|vine|vinimos|vinieron) (?:por|para) un (?:trabajo|anuncio|empleo)|iba(?:mos|n)? a (?:trabajar|ser|estar|ganar|tener)|"
    r"(?:agent|recruiter|agency) said|signed (?:up |on )?(?:for|as)|firm\w* (?:para|como)|not what (?:they|he|she) (?:said|promised)|"
    r"no (?:es|era) lo que (?:dijeron|dijo|prometieron))"
    + _E, re.IGNORECASE)
_TURN = re.compile(
    _W + r"(?:but|instead|turned out|in reality|actually|when (?:we|i|they|he|she) (?:got|arrived|came)|"
    r"on arrival|upon arrival|once (?:we|i|they|he|she|there) (?:got|arrived|was|were)|ended up|there was no|"
    r"pero|en cambio|en vez|en lugar|result\w*|en realidad|al llegar|cuando (?:llegamos|llegue|llego|llegaron)|"
    r"terminamos|termine|termino|acabamos|acabe|no habia|no existia|"
    r"(?:he|she|they|we|i) (?:is|are|was|were|gets?|got) (?:only )?(?:paid|given|put|sent|made)|"
    r"(?:put|sent|made) (?:us|me|them|him|her) (?:to|on|in)|"
    r"(?:me|nos|les|le|lo|la|los|las) (?:pusieron|puso|mandaron|mando|llevaron|llevo|tienen|tenian) (?:a|en|de)|"
    r"(?:we|i|they) got|(?:me|nos|le|les) toc(?:o|aron)|no hay|nunca (?:vi|hubo|vimos)|aunque|the only (?:treatment|job|work|thing)|"
    r"(?:me|nos|les|le) pagan|(?:llegamos|llegaron|llegue|llego) a(?= )(?! (?:los |las |el |la |un |una )?(?:estados|usa|eu|ee)))"
    + _E, re.IGNORECASE)
_NO_DECEPTION = re.compile(
    _W + r"(?:as (?:promised|agreed|they said|advertised)|like (?:they|he|she) (?:said|promised)|"
    r"como (?:prometieron|prometio|dijeron|dijo|acordamos|quedamos)|lo (?:que|prometido) (?:cumpl\w*)|"
    r"kept (?:their|his|her) (?:word|promise)|cumpli\w*|(?:did not|didn't|never) (?:lie|lied|deceive\w*)|"
    r"no (?:nos|me|le|les|te) (?:mintio|mintieron|engano|enganaron))" + _E, re.IGNORECASE)

_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dr_wages_earnings", re.compile(
        _W + r"(?:\$ ?\d[\d,.]*|\d[\d,.]* ?(?:dollars|dolares|dlls?|dls|pesos|usd|an hour|a week|a month|la hora|"
        r"por hora|al mes|a la semana|por semana)|pay|paid|salary|wages?|money|earn\w*|good money|"
        r"sueldo|salario|pago|paga|dinero|ganar|ganaria\w*|pagar\w*)" + _E, re.IGNORECASE)),
    ("dr_conditions_of_work", re.compile(
        _W + r"(?:\d+ hours|eight hours|forty hours|days? off|weekends? off|breaks|easy work|light work|"
        r"horario|\d+ horas|ocho horas|dias? (?:de )?descanso|dias? libres?|trabajo facil|trabajo ligero)" + _E,
        re.IGNORECASE)),
    ("dr_housing_living_conditions", re.compile(
        _W + r"(?:housing|a room|own room|apartment|a house|place to (?:live|stay)|lodging|room and (?:meals|board|food)|room included|"
        r"rooms? of (?:my|his|her|their|our) own|houses? with|casa con|vivienda|alojamiento|un cuarto|cuarto propio|departamento|"
        r"apartamento|una casa|casa para|casa gratis|casa pagada|casa y comida|cuarto y comida)" + _E,
        re.IGNORECASE)),
    ("dr_access_to_education", re.compile(
        _W + r"(?:school|study|studies|classes|english lessons|college|escuela|estudiar|estudios|clases|colegio)" + _E,
        re.IGNORECASE)),
    ("dr_legal_documentation_migration_status", re.compile(
        _W + r"(?:papers|green card|residency|legal status|work permit|visa (?:would|renewal)|"
        r"papeles|residencia|permiso de trabajo|green card|arreglar)" + _E, re.IGNORECASE)),
    ("dr_nature_of_job_location_employer", re.compile(
        _W + r"(?:job|jobs|position|waiter|waitress|cook|nanny|housekeeper|cleaner|teacher|"
        r"nurse|caregiver|hotel|restaurant|factory|farm|company|office|store|shop|resort|ship|work (?:at|in|on|for) (?:a|an|the)|trabajar (?:en|de|como|para)|trabajo|empleo|puesto|chamba|jale|de (?:mesero|mesera|cocinero|cocinera|nana|niñera|ninera|"
        r"enfermera|maestra|maestro|limpieza|cajera|cajero|recepcionista|costurera)|mesero|mesera|"
        r"cocinero|hotel|restaurante|fabrica|granja|rancho|empresa|compania|oficina|tienda|treatment|counsel\w*|therapy|"
        r"terapia|consejeria|tratamiento|rehab|lifeguard|salvavidas|operator|operador\w*|customer service|"
        r"atencion al cliente|hospital|clinic|clinica|teach\w*|ensenar|college)" + _E, re.IGNORECASE)),
)
PROMISE_WEIGHT = 0.75  # a promise and a turn: as strong as a stem rule (not left to the model's veto)
PAY_GAP_WEIGHT = 0.8  # a promised and an actual amount: the numbers say it
PAY_GAP_RATIO = 0.6  # actual pay under this share of the promised pay is low pay
_PAY_AMOUNT = re.compile(
    r"(?<![\w.,])\$ ?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?|(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?"
    r"(?= ?(?:dollars|dolares|dlls?|dls|usd|bucks|a (?:week|month|day)|an hour|al mes|la hora|por (?:hora|semana|mes|dia)|"
    r"a la semana|(?:per|a|an|/) ?(?:hr|hour|wk|week|month|mo|day)|monthly|weekly|mensuales|semanales))", re.IGNORECASE)
_AMOUNT_PERIOD = re.compile(
    r"^ ?(?:dollars |dolares |dlls? |dls |usd |bucks )?(?:(?:per|a|an|/|al|la|por|el|a la|each|every) ?)?"
    r"(hour|hr|hora|day|dia|week|wk|semana|month|mo|mes|monthly|weekly|mensuales|semanales|semanal|mensual)", re.IGNORECASE)
_PERIODS = {"hour": "h", "hr": "h", "hora": "h", "day": "d", "dia": "d", "week": "w", "wk": "w", "semana": "w",
            "weekly": "w", "semanales": "w", "semanal": "w", "month": "m", "mo": "m", "mes": "m", "monthly": "m",
            "mensuales": "m", "mensual": "m"}


@dataclass(frozen=True)
class ConceptHit:
    indicator: str
    start: int
    end: int
    weight: float
    negative_wording: bool = False  # the wording's own "no"/"not" is the evidence ("pays the program, not him")


def _matches(indicator: str, patterns: tuple[re.Pattern[str], ...] | list[re.Pattern[str]], weight: float, folded: str,
             *, negative_wording: bool = False) -> list[ConceptHit]:
    """Every match of the patterns as a hit of one item; with ``negative_wording``, a match whose
    own "no"/"not" is the evidence ("pays the program, not him") says so for the negation check."""
    low = lowered(folded)
    return [ConceptHit(indicator, m.start(), m.end(), weight,
                       negative_wording=negative_wording and bool(_NEGATIVE_WORDING.search(m.group())))
            for pattern in patterns if may_match(pattern, low) for m in pattern.finditer(folded)]


# A rare shape is scanned only when a word it needs is in the text: one cheap search on the texts that cannot hold
# it instead of a full pattern tried at every position (bench_extraction throughput, BENCHMARKS.md).
Guarded = list[tuple[re.Pattern[str], re.Pattern[str]]]


def _guarded(pairs: tuple[tuple[str, str | re.Pattern[str]], ...]) -> Guarded:
    """(guard, pattern) pairs compiled, case-insensitive (a pattern already compiled is kept as it is)."""
    return [(re.compile(guard, re.IGNORECASE), re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern)
            for guard, pattern in pairs]


def _present(guarded: Guarded, folded: str) -> list[re.Pattern[str]]:
    """The patterns whose guard word is in the text (a pattern that cannot match is left out unread)."""
    low = lowered(folded)
    return [pattern for guard, pattern in guarded
            if may_match(pattern, low) and may_match(guard, low) and guard.search(folded)]


_PAID_BARE = re.compile(
    _W + r"(?:da|dan|daba|daban|pagan|paga|pagaba|pagaban|paid|pays|gives|gave|shows|show|gets|got|receives?|"
    r"received|recibe|recibia|recibimos|llegan|llega|get)(?: \w+){0,2}? \$? ?(\d[\d,]*)(?![\w,.]\d)", re.IGNORECASE)


def _amounts(text: str, offset: int = 0) -> list[tuple[float, str | None, int, int]]:
    """(amount, period 'h'/'d'/'w'/'m' or None, start, end) of the money amounts in a text,
    in text order; offsets are shifted by ``offset``."""
    out = []
    matches = list(_PAY_AMOUNT.finditer(text))
    seen = {m.start() for m in matches}
    matches += [m for m in _PAID_BARE.finditer(text) if m.start(1) not in seen and m.start(1) - 1 not in seen]
    for m in matches:
        try:
            value = float((m.group(1) or m.group(2) or "").replace(",", ""))
        except ValueError:
            continue
        period = _AMOUNT_PERIOD.match(text[m.end():m.end() + 20])
        if m.re is _PAID_BARE and period is None and re.match(r" ?(?:\w+ )?(?:hours|horas|days|dias|anos|years)", text[m.end():]):
            continue
        if 1 <= value <= 100000:
            out.append((value, _PERIODS[period.group(1).lower()] if period else None, offset + m.start(), offset + m.end()))
    return sorted(out, key=lambda x: x[2])


_CLAUSE_BREAK = re.compile(r"[;,.:]| but | pero | and | y |\n", re.IGNORECASE)


_LOW_PAY_LINE = {"h": LOW_PAY["hour"], "d": LOW_PAY["day"], "w": LOW_PAY["week"], "m": LOW_PAY["month"]}


@dataclass(frozen=True)
class PayGap:
    start: int
    end: int
    low: bool  # the actual pay is also under the low-pay line of its period (or its period is not told)


def _pay_gap_at(folded: str, promise_start: int, promise_last: int, rest_end: int) -> PayGap | None:
    """Where an actual amount under PAY_GAP_RATIO of the first promised one is stated, if it is:
    the promised figure is the first amount after the offer (in its sentence); the actual one
    comes after a clause break, in the same sentence or the next two. The actual amount's period
    is the promise's when it is not told ("promised $18 an hour, he pays 9")."""
    promised = _amounts(folded[promise_start:promise_last], promise_start)
    if not promised:
        return None
    value, period, _, end = promised[0]
    cut = _CLAUSE_BREAK.search(folded, end, rest_end)
    if cut is None:
        return None
    for a_value, a_period, a_start, a_end in _amounts(folded[cut.end():rest_end], cut.end()):
        if a_value < PAY_GAP_RATIO * value and (a_period is None or period is None or a_period == period):
            known = a_period or period
            return PayGap(a_start, a_end, known is None or a_value < _LOW_PAY_LINE[known])
    return None


def promised_then_other(folded: str, bounds: list[tuple[int, int]]) -> list[ConceptHit]:
    """Deception told as a story: an offer or promise, then a turn in the same sentence or
    one of the next two. The topic of the promise clause names the ``dr_*`` item. A promised
    amount followed (in the same or the next two sentences) by an actual one under
    PAY_GAP_RATIO of it is deception about wages, turn word or not, and low pay when the actual
    amount is also under the low-pay line (numbers.LOW_PAY)."""
    hits: list[ConceptHit] = []
    for i, (first, last) in enumerate(bounds):
        for offer in _OFFER.finditer(folded, first, last):
            turn_at = None
            turn = _TURN.search(folded, offer.end(), last)
            if turn is not None:
                turn_at = turn.start()
            else:
                for nxt_first, nxt_last in bounds[i + 1:i + 3]:
                    nxt = _TURN.search(folded, nxt_first, min(nxt_last, nxt_first + 60))
                    if nxt is not None:
                        turn_at = nxt.start()
                        break
            promise_end = turn_at if turn_at is not None and turn_at < last else last
            promise = folded[offer.start():promise_end]
            if _NO_DECEPTION.search(folded, first, bounds[min(i + 2, len(bounds) - 1)][1]):
                break
            if turn_at is not None:
                for indicator, topic in _TOPICS:
                    if topic.search(promise):
                        hits.append(ConceptHit(indicator, offer.start(), promise_end, PROMISE_WEIGHT))
            gap = _pay_gap_at(folded, offer.end(), last, bounds[min(i + 2, len(bounds) - 1)][1])
            if gap is not None:
                # half the promised $22 an hour is a lie about wages; it is low pay only under the line
                # (train: none of 19 gaps paid at or above it was labelled low pay)
                if gap.low:
                    hits.append(ConceptHit("ex_low_or_no_salary", gap.start, gap.end, PAY_GAP_WEIGHT))
                hits.append(ConceptHit("dr_wages_earnings", offer.start(), promise_end, PAY_GAP_WEIGHT))
            break  # one offer per sentence is enough
    return hits


def deception_turn_concept(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether a word hit for deception about the job is followed by the turn that makes it
    deception (in its sentence or within the next 200 characters) and not by a promise kept.
    "They offered me a job at the hotel" alone is an offer, not a lie."""
    horizon = min(len(folded), max(sentence[1], end) + 200)
    if _NO_DECEPTION.search(folded, sentence[0], horizon):
        return False
    return _TURN.search(folded, start, horizon) is not None


# --- heat at work ------------------------------------------------------------------------

_HEAT = re.compile(
    _W + r"(?:(\d{2,3}) ?\+? ?(?:degrees?|grados|°)|super hot|extremely hot|unbearabl\w* (?:hot|heat)|"
    r"(?:calor|heat) (?:es |is |was |era )?(?:terrible|insoportable|unbearable|extreme)|"
    r"(?:el )?aire no circula|no (?:ac|a/c|air conditioning)|sin aire(?: acondicionado)?)" + _E, re.IGNORECASE)
HOT_F, HOT_C = 95, 38  # Fahrenheit (the U.S. default) or, up to 50, Celsius


def extreme_heat(folded: str) -> list[ConceptHit]:
    """Work in extreme heat stated as a temperature or in words ("100 degrees", "hace 40
    grados", "super hot no AC", "el aire no circula"): a basic need denied at work."""
    hits = []
    for m in _HEAT.finditer(folded):
        if m.group(1):
            value = int(m.group(1))
            if not (value >= HOT_F or HOT_C <= value <= 50):
                continue
        hits.append(ConceptHit("ex_very_bad_working_conditions", m.start(), m.end(), 0.6))
    return hits


# --- who holds it, who owes whom, nobody did it ----------------------------------------

_AGREE = {"i": "my", "we": "our", "he": "his", "she": "her", "they": "their"}
_OWN_HOLDING = re.compile(
    _W + r"(?:(i|we|he|she|they)(?: (?:still|always|also|now|can|do|does))? )?(?:keep|keeps|kept|have|has|had|hold|holds|"
    r"held|carry|carries|get|gets|cash|cashes|collect|collects)(?: all| on to| onto)? (my|our|his|her|their) (?:own )?"
    r"(?:(?:(?!and|or|y|o)[a-z-]+ ){0,2}?"  # "their seafarer ID", "his consular ID", "her own Mexican passport"
    r"(?:passport|passports|id|ids|papers|documents|visa)|wages|money|pay|paycheck|paychecks|check|checks|tips|earnings)"
    + _E, re.IGNORECASE)
_SUBJECT = re.compile(_W + r"(i|we|he|she|they|workers|employees|men|women|masons|craftsmen|residents|crews?|"
                      r"everyone|everybody|staff)" + _E, re.IGNORECASE)
_PLURAL_SUBJECT = {"workers", "employees", "men", "women", "masons", "craftsmen", "residents", "crew", "crews",
                   "everyone", "everybody", "staff"}  # "Workers ... hold their passports": they
# Pay that lands in the worker's own hands ("my paycheck goes to my own account", "deposited to
# accounts in their own names", "el pago llega a mi tarjeta", "cobro mi cheque"): not withholding.
_OWN_PAY = re.compile(
    _W + r"(?:(?:my|our|their|her) own (?:account|accounts|name|names|card|cards|bank)|is mine|are mine|"
    r"(?:a|en) (?:mi|mis|nuestra|nuestras) (?:cuenta|cuentas|tarjeta|tarjetas)|su propia cuenta|a su nombre|"
    r"(?:cobro|cobramos) (?:mi|mis|nuestro|nuestros) (?:cheque|cheques|pago|sueldo)|es mio|son mios|"
    r"cobran? directo)" + _E, re.IGNORECASE)
_BOSS_SUBJECT = re.compile(
    _W + r"(?:boss|owner|employer|manager|supervisor(?:es|a)?|contractor|crew ?leader|recruiter|agent|family|wife|"
    r"foreman|foremen|forewoman|brokers?|traffickers?|smugglers?|landlord|landlady|sponsors?|handlers?|"
    r"husband|madam|mayordom[oa]s?|jefes?|jefas?|patron(?:es)?|patrona|duen[oa]s?|senora|senor|contratistas?|"
    r"encargad[oa]s?|company|farmer|rancher|gerentes?|administrador(?:es|a)?|reclutador(?:es|a)?|"
    r"enganchador(?:es)?|agentes?|coyotes?|hombre|mujer|troquero|raitero|capataz|familia|empresa|compania|"
    r"ranchero|granjero)" + _E,
    re.IGNORECASE)
_OWN_HOLDING_ES = re.compile(
    _W + r"(?:cobra|cobro|cobramos|cobran|tiene|tengo|tenemos|tienen|guarda|guardo|guardamos)"
    r" (?:el mismo|ella misma|ellos mismos|yo mismo|yo misma|nosotros mismos) (?:su|sus|mi|mis|nuestro|nuestros)" + _E,
    re.IGNORECASE)


# A worker named as the one who keeps the papers, with or without a possessive ("Caller keeps
# passport", "W-2 still holds his own ID"): only nouns that name the worker, since a bare "he" in
# broken English may be the boss ("he keep passport").
_WORKER_NOUN_HOLDING = (_W + r"(?:caller|worker|victim|complainant|employee|client|each worker|every worker|w-?\d|v-?\d)"
                        r"(?: (?:still|also|now|always))? (?:keeps?|kept|holds?|held|has|had|carries|carried)"
                        r" (?:(?:his|her|their) )?(?:own )?(?:passport|passports|id|ids|papers|documents|visa|green card)" + _E)
_WORKER_NOUN_HOLDS = re.compile(_WORKER_NOUN_HOLDING, re.IGNORECASE)


# A person named right before the verb holds it ("She stated Ms. Dalton keeps her Honduran passport"); a capital
# at the sentence's start is no name ("Workers keep their IDs").
_NAME_BEFORE_VERB = re.compile(r"(?:(?<!\w)(?:Mr|Ms|Mrs|Miss|Dona|Don|Sr|Sra)\.? [A-Z]\w*|(?<=\w )[A-Z][a-z]+)"
                               r" (?:(?:also|still|always|now) )?$")


def holder_is_worker(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when the hit is a worker holding their own papers or pay ("I keep my passport",
    "he keeps his wages", "cobra él mismo su cheque"): the subject and the possessive agree."""
    lo = max(sentence[0], start - 40)
    if any(m.start() <= end and m.end() >= start for m in _WORKER_NOUN_HOLDS.finditer(folded, lo, min(sentence[1], end + 40))):
        return False
    for m in _OWN_HOLDING.finditer(folded, lo, min(sentence[1], end + 40)):
        if not (m.start() <= end and m.end() >= start):
            continue
        if re.search(r"(?:n't|(?<!\w)(?:not|never|no longer|no))\s+(?:\w+\s+)?$", folded[max(sentence[0], m.start() - 20):m.start()],
                     re.IGNORECASE):
            continue  # "she doesn't have her passport": not holding it
        subject = m.group(1)
        if subject is None:  # "..., keeps his wages": the sentence's subject, unless a boss is named
            before = folded[sentence[0]:m.start()]
            if _named_subjects(before) or _NAME_BEFORE_VERB.search(before):
                continue
            pronouns = _SUBJECT.findall(before)
            subject = pronouns[-1] if pronouns else None
        if subject is not None and subject.lower() in _PLURAL_SUBJECT:
            subject = "they"
        if subject is not None and _AGREE[subject.lower()] == m.group(2).lower():
            return False
    if any(m.start() <= end + 40 and m.end() >= start - 40 for m in _OWN_PAY.finditer(folded, *sentence)) and \
            re.search(r"pay|paycheck|check|wage|money|salary|earning|stub|deposit|pago|sueldo|cheque|dinero|salario|"
                      r"deposit|cobr", folded[start:end], re.IGNORECASE):
        return False
    if any(m.start() <= end and m.end() >= start - 5 for m in _OWN_HOLDING_ES.finditer(folded, lo, sentence[1])):
        return False
    return not any(_spanish_holders(folded, start, end, sentence))


# Spanish "tiene su pasaporte" says nothing of whose it is without the subject: "su" is his,
# her, their or your. First person with "mi"/"nuestro" is the worker's own; third person is the
# worker's own unless an employer is the last subject named before the verb or the one after it
# ("tiene sus papeles el patrón"), or the verb carries an object pronoun ("se los tiene").
# Checked for the holding items both ways.
_HOLDING_ES = re.compile(
    _W + r"(?:(?:yo |nosotros |nosotras )?(tengo|guardo|traigo|cargo|tenemos|guardamos|traemos|cargamos|teniamos|guardabamos|"
    r"traiamos|(?<=yo )tenia|(?<=yo )guardaba|(?<=yo )traia)"
    r" (?:mi|mis|nuestro|nuestros|nuestra|nuestras)|"
    r"(tiene|guarda|trae|carga|tienen|guardan|traen|cargan) (?:guardad[oa]s? )?(?:su|sus)|"
    r"(?:cobra|cobraba|cobran|cobraban|deposita|depositaba|depositan|depositaban) (?:su|sus|el|los)) "
    r"(?:propio |propios |propia |propias )?"
    r"(?:pasaportes?|papeles|documentos?|identificacion(?:es)?|credenciales?|visas?|micas?|permisos? de trabajo|"
    r"actas?|matriculas?|licencias?|ids?|cedulas?|cheques?|sueldo|salario|pago|dinero)" + _E, re.IGNORECASE)
# Who else holds papers in Spanish tips besides an employer: a relative or an acquaintance
# ("el tío guarda su acta", "el conocido guarda su pasaporte", "el director guarda sus pasaportes").
_KEEPER_ES = re.compile(_W + r"(?:el|la) (?:tio|tia|primo|prima|conocido|conocida|director|directora|supervisor|"
                        r"supervisora|pastor|padrino|madrina)" + _E, re.IGNORECASE)
_WORKER_SUBJECT_ES = re.compile(
    _W + r"(?:ella|ellas|ellos|yo|nosotros|nosotras|cada (?:uno|una|quien|trabajador|trabajadora)|"
    r"(?:el|la|los|las|este|esta|mi|su) (?:trabajador|trabajadora|trabajadores|trabajadoras|hermano|hermana|"
    r"esposo|esposa|hijo|hija|primo|prima|companero|companera|companeros|victima|joven|muchacho|muchacha))" + _E,
    re.IGNORECASE)



# "duerme en un motel pagado por la compañía y tiene sus papeles": an employer named after a
# preposition is not the subject of "tiene" (unless a relative clause makes it one: "del dueño,
# que ... guarda sus identificaciones").
_AFTER_PREPOSITION = re.compile(r"(?<!\w)(?:por|para|con|de|del|al|sin|by|for|with|from)\s+"
                                r"(?:el|la|los|las|su|sus|mi|mis|un|una|the|a|an|his|her|their|my|our)?\s*$",
                                re.IGNORECASE)


_RELATIVE_EN = re.compile(r"\W*(?:who|that)(?!\w)")  # right after the noun: "works for the owner, who keeps ..."
_RELATIVE_ES = re.compile(r".*?(?<!\w)que(?!\w)", re.DOTALL)  # anywhere after it: "del dueño, que ... guarda"


def _named_subjects(before: str, nouns: tuple[re.Pattern[str], ...] = (_BOSS_SUBJECT,),
                    relative: re.Pattern[str] = _RELATIVE_EN) -> list[re.Match[str]]:
    """Holders named in ``before`` as a possible subject: not after a preposition ("lives with his
    wife", "duerme en un motel pagado por la compañía"), unless a relative clause makes them one."""
    return [b for pattern in nouns for b in pattern.finditer(before)
            if not _AFTER_PREPOSITION.search(before, 0, b.start()) or relative.match(before, b.end())]


def _spanish_holder_is_worker(folded: str, m: re.Match[str], sentence: tuple[int, int]) -> bool:
    if m.group(1):  # "tengo mi pasaporte", "guardamos nuestros papeles"
        return True
    before = folded[sentence[0]:m.start()]
    if re.search(r"(?<!\w)(?:se|me|nos|le|les|lo|la|los|las)\s*$", before, re.IGNORECASE):
        return False  # "se los tiene", "nos tiene los papeles": someone holds them for the worker
    bosses = sorted(b.end() for b in _named_subjects(before, (_BOSS_SUBJECT, _KEEPER_ES), _RELATIVE_ES))
    workers = [w.end() for w in _WORKER_SUBJECT_ES.finditer(before)]
    if workers and (not bosses or workers[-1] > bosses[-1]):
        return True  # "ella tiene su pasaporte", "el patrón se los devolvió y ahora ella tiene su pasaporte"
    after = re.sub(r"^\W*(?:\w+\W+){0,2}?(?:el|la|los|las|un|una|ese|esa) ", "",
                   folded[m.end():min(sentence[1], m.end() + 40)], count=1, flags=re.IGNORECASE)
    if _BOSS_SUBJECT.match(after):
        return False  # the subject after the verb: "tiene sus papeles guardados el mayordomo"
    return not bosses


def _spanish_holders(folded: str, start: int, end: int, sentence: tuple[int, int]) -> list[bool]:
    """For each Spanish holding phrase overlapping the hit: is the holder the worker?"""
    return [_spanish_holder_is_worker(folded, m, sentence)
            for m in _HOLDING_ES.finditer(folded, max(sentence[0], start - 40), min(sentence[1], end + 40))
            if m.start() <= end and m.end() >= start]


# Someone else holding the worker's papers or pay. English: a pronoun subject whose possessive
# disagrees ("he keeps her passport", "they hold her passport", "he would keep their pay"), an
# employer as the subject ("the owner has their passports"), or an employer doing it "himself"
# ("the mayordomo ... cashes them himself"). Spanish: a third-person collector of "mi cheque"
# ("ella cobraba mi cheque"), or not being paid at all ("sin cobrar").
_HOLDS_OTHERS_EN = re.compile(
    _W + r"(i|we|he|she|they)(?: (?:still|always|also|now|would|will|just|even))? (?:keep|keeps|kept|have|has|"
    r"had|hold|holds|held|take|takes|took|collect|collects|collected|cash|cashes|cashed) (my|our|his|her|their)" + _E,
    re.IGNORECASE)
_HOLDING_VERB_EN = (r"(?:keep|keeps|kept|has|have|had|hold|holds|held|take|takes|took|collect|collects|collected|"
                    r"cash|cashes|cashed)")
_REFLEXIVE_EN = re.compile(_W + r"(?:himself|herself|themselves)" + _E, re.IGNORECASE)
_COLLECTS_MINE_ES = re.compile(
    _W + r"(?:cobra|cobraba|cobran|cobraban|deposita|depositaba|depositan|depositaban|agarra|agarraba|"
    r"recoge|recogia) (?:mi|mis|nuestro|nuestros|nuestra|nuestras)" + _E, re.IGNORECASE)
_NOT_PAID_ES = re.compile(_W + r"(?:sin (?:cobrar|que (?:me|nos|le|les) paguen)|(?:me|te|le|les|nos) cobr\w*)" + _E,
                          re.IGNORECASE)  # "les cobra el cuarto": charged for it, not paid




def _english_holder_is_other(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    lo, hi = max(sentence[0], start - 40), min(sentence[1], end + 40)
    for m in _HOLDS_OTHERS_EN.finditer(folded, lo, hi):
        if m.start() <= end and m.end() >= start and _AGREE[m.group(1).lower()] != m.group(2).lower():
            return True
    before = folded[sentence[0]:start]
    bosses = _named_subjects(before)
    if bosses and re.match(r"\W*(?:\w+\W+){0,2}?" + _HOLDING_VERB_EN + r" (?:their|her|his|our|my|the)\W",
                           folded[bosses[-1].end():end + 20], re.IGNORECASE):
        return True
    reflexive = _REFLEXIVE_EN.search(folded, start, hi)
    return reflexive is not None and bool(bosses) and not _SUBJECT.search(folded, bosses[-1].end(), start)


def keeps_own_holding(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when a "keeps own documents/wages" hit names someone else as the holder ("el
    patrón tiene su pasaporte", "he keeps her passport", "the mayordomo cashes them himself",
    "ella cobraba mi cheque") or is a charge or no pay at all ("les cobra el cuarto", "sin
    cobrar"); other hits stand."""
    lo, hi = max(sentence[0], start - 20), min(sentence[1], end + 20)
    if any(m.start() <= end and m.end() >= start for m in _COLLECTS_MINE_ES.finditer(folded, lo, hi)):
        return False
    if any(m.start() <= end and m.end() >= start - 2 for m in _NOT_PAID_ES.finditer(folded, lo, hi)):
        return False
    if _english_holder_is_other(folded, start, end, sentence):
        return False
    return all(_spanish_holders(folded, start, end, sentence))


# "Si me voy, me va a ir mal": leaving told as the condition of a threat is not freedom to
# leave ("si quiero me voy" still is); "un día libre" is a day off, not freedom.
_CONDITIONAL_LEAVING = re.compile(
    _W + r"(?:si|if) (?:me |nos |se |te |i |we |he |she |they |you |alguien |alguno |anyone |someone |anybody )?"
    r"(?:voy|va|van|vamos|vas|iba|fuera|escap\w*|sale|salgo|salen|leave|leaves|go|goes|run|runs|quit|quits|"
    r"walk|walks|talk|talks)" + _E, re.IGNORECASE)
_THREATENED_CONSEQUENCE = re.compile(
    _W + r"(?:va a|van a|voy a|vas a|iba a|iban a|will|would|gonna|going to|ll|mata\w*|busca\w*|encuentra\w*|"
    r"migra|polic\w*|police|deport\w*|report\w*|denunci\w*|hurt|kill|find|hunt|pasar\w*|mal|cops?|sheriff|"
    r"sin (?:su|sus|mi|mis|los|el|la|nada|un)|demand\w*|sue|sues|pierd\w*|lose|loses|owe|owes|debo|debe|cobr\w*)" + _E,
    re.IGNORECASE)
_DAY_OFF = re.compile(_W + r"(?:dias?|tiempo|ratos?|horas?|tardes?|domingos?|sabados?) libres?" + _E, re.IGNORECASE)


def leaving_is_free(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when a "free to leave" hit is the condition of a threat or of repaying a debt,
    or a day off."""
    lo = max(sentence[0], start - 15)
    if any(m.start() <= end and m.end() >= start for m in _DAY_OFF.finditer(folded, lo, min(sentence[1], end + 10))):
        return False
    if any(m.start() <= end and m.end() >= start for pattern in _DEBT_AT_DESTINATION
           for m in pattern.finditer(folded, *sentence)):
        return False  # "if we want to transfer we must first repay $7,000": leaving has a price
    if re.search(r"quier|want", folded[start:end], re.IGNORECASE):
        return True
    for m in _CONDITIONAL_LEAVING.finditer(folded, lo, min(sentence[1], end + 10)):
        if m.start() <= end and m.end() >= start and _THREATENED_CONSEQUENCE.search(folded, m.end(), sentence[1]):
            return False
    return True


_CREDITOR = re.compile(
    _W + r"(?:(?:i'?m|i am|we'?re|we are|he'?s|she'?s|they'?re|is|are|was|were|being) owed|"
    r"owe[sd]? (?:me|us)(?: \w+)? (?:money|wages|pay|\$|\d|for (?:my|our) work|back pay)|"
    r"owed nothing|owes? (?:(?:him|her|them|anyone|anybody|nobody|the \w+) )?nothing|no (?:le |les )?(?:debe|debia|debo|debemos|debian) nada|"
    r"owe[sd]? (?:nobody|no one|no-one|noone)|(?:debo|debe|debemos|debia) (?:nada )?a nadie|"
    r"(?:pag\w*|dio|dieron|entrego) (?:todo )?lo (?:que|q) (?:se|nos|me|le|les) (?:debia|debian|debe|deben)|"
    r"(?:me|nos) debe(?:n)? (?:\w+ )?(?:dinero|sueldo|semanas|\$|\d[\d,.]*|las horas|el overtime|el tiempo extra|la quincena)|"
    r"(?:le|les) deben? (?:las horas|el overtime|el tiempo extra|la quincena|el sueldo|su sueldo)|"
    # the worker as creditor in other words, or a debt said to be absent ("lo que me deben", "what they owe her",
    # "approx $1,100 owed", "no sign of threats, debts or control")
    r"lo (?:que|q) (?:me|nos) debe(?:n)?|(?:just |only )?(?:wants?|quiere\w*) (?:lo (?:que|q)|what) (?:they|he|she|the \w+|le|les|me)"
    r" ?(?:owes?|debe\w*)|what (?:they|he|she|the \w+) owes? me|(?:approx\.? |about |around )?\$ ?[\d,]+ owed|"
    r"(?:no|sin) (?:sign|signs|evidence|indication|indicios|senales?) (?:of |de )?(?:\w+,? (?:or |ni |y |and )?){0,4}(?:debts?|deudas?))"
    + _E, re.IGNORECASE)


def worker_is_debtor(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when the "owed" in the hit makes the worker the creditor ("what I'm owed", "the
    subcontractor owes me 3 weeks": wage theft) or says there is no debt ("owed nothing")."""
    window = (max(sentence[0], start - 25), min(sentence[1], end + 25))
    return not any(m.start() <= end and m.end() >= start for m in _CREDITOR.finditer(folded, *window))


# A fee is a charge to the worker. Not that: the employer paying the worker's visa or travel
# ("we paid their visa fees", "nos pagó la visa": a lawful employer) or pay going *to* the
# worker through a contractor ("pays us as independent contractors", "collects all pay from
# the contractor": the pay, not a fee).
# what the employer paid, and the rest of its list ("paid their flights and visa fees", "pagó la visa y el camión")
_PAID_EN_ITEM = r"(?:\w+ )?(?:visas?|fees?|travel|tickets?|airfare|bus|flights?|trip|transportation)"
_PAID_ES_ITEM = r"(?:visas?|pasajes?|boletos?|viajes?|vuelos?|camion|autobus|transporte|tramites?|cuotas?)"
_EMPLOYER_PAID_EN = re.compile(
    _W + r"(?:(?:we|company|employer|boss|owner|farm|grower|they|he|she|hotel|ranch) (?:\w+ )?(?:paid|pays|pay|covered|covers|"
    r"reimbursed|reimburses) (?:for )?(?:all )?(?:their|our|his|her|my|the workers'?)|(?:company|employer|boss|owner|farm|"
    r"grower|hotel|ranch) (?:\w+ )?(?:paid|pays|covered|covers|reimbursed|reimburses) (?:for )?(?:all )?the) " + _PAID_EN_ITEM
    + r"(?:(?:,| and) (?:the |their |our |his |her |my )?" + _PAID_EN_ITEM + r")*" + _E, re.IGNORECASE)
_EMPLOYER_PAID_ES = re.compile(
    _W + r"(?:(?:nos|les|me|le|te)|(?:empresa|compania|company|patron|rancho|granja|contratista|hotel|ellos)(?: \w+)?) "
    r"(?:pago|pagaron|paga|pagan|cubrio|cubrieron|cubre|reembols\w*) (?:todo |toda )?(?:la|el|los|las) " + _PAID_ES_ITEM
    + r"(?:(?:,| y) (?:la |el |los |las )?" + _PAID_ES_ITEM + r")*" + _E, re.IGNORECASE)
_RECOUPED = re.compile(
    _W + r"(?:takes?|took|taking|deduct\w*|descuent\w*|desconta\w*|quita\w*|owes?|owed|debe\w*|debo|debemos|pay (?:it|him|her|them) back|"
    r"repay\w*|paga\w* (?:de vuelta|poco a poco)|out of (?:every|each|the|my|his|her|our|their) (?:check|paycheck|pay))" + _E,
    re.IGNORECASE)
_NOT_BEFORE = re.compile(r"(?<![\w'])(?:no|not|dont|don'?t|doesn'?t|doesnt|never|nunca|nada|nothing|ni)(?![\w'])", re.IGNORECASE)
_PAY_TO_WORKER = re.compile(r"^(?:pays?|paid|paying) (?:us|me|them|him|her|everyone|everybody|all)?\s*(?:as|from)" + _E
                            + r"|^(?:pay|paycheck|wages) from" + _E, re.IGNORECASE)


def charge_to_worker(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when a recruitment-fee hit is the employer paying the worker's way or the
    worker's own pay passing through a contractor."""
    if _PAY_TO_WORKER.search(folded[start:end]):
        return False
    if any(not _NOT_BEFORE.search(folded, max(sentence[0], m.start() - 14), m.start())
           for m in _RECOUPED.finditer(folded, *sentence)):  # paid up front, then taken back from the pay: the worker's charge
        return True
    return not any(m.start() <= end and m.end() >= start
                   for rx in (_EMPLOYER_PAID_EN, _EMPLOYER_PAID_ES) for m in rx.finditer(folded, *sentence))


# A debt that grows, that is the price of leaving, or that is taken out of the pay is held
# over the worker where they work: debt bondage at destination (ILO/EC dimension 5), even
# when the debt began with the recruiter or the smuggler (that part stays cr_debt_bondage).
_DEBT_EN = r"(?:debts?|owe|owed|owes|owing|loans?|repay\w*|pay (?:it|that|them|this) (?:back|off))"
_UNTIL = r"[^.;\n]{0,%d}?"
_DEBT_AT_DESTINATION = [re.compile(p, re.IGNORECASE) for p in (
    # it grows
    _W + _DEBT_EN + _E + _UNTIL % 60 + _W + r"(?:increas\w*|grew|grows|growing|went up|goes up|keeps? (?:going up|"
    r"growing|rising)|rising|doubled|is now|was now|now (?:at )?\$?\d|never (?:goes down|gets smaller|shrinks)|"
    r"(?:got|gets|getting) bigger)" + _E,
    _W + r"(?:added|adds|adding|add)" + _E + _UNTIL % 80 + _W + r"until" + _E + _UNTIL % 40 + _W
    + r"(?:owed|owe|owes|debt)" + _E,
    _W + r"deudas?" + _E + _UNTIL % 60 + _W + r"(?:sube|subio|crece|crecio|aument\w*|ya va en|ya es de|ahora es|"
    r"cada vez (?:mas|es mas)|nunca baja|no baja|se hace mas grande|se duplic\w*)" + _E,
    # leaving costs it
    _W + r"(?:leave|leaving|quit|quitting|transfer\w*|go home|change jobs?|walk away|walks off|run|ran)" + _E
    + _UNTIL % 60 + _W + r"(?:must|have to|has to|had to|would have to|need to|=|means|owes?)" + _E + _UNTIL % 25
    + r"(?:repay\w*|pay (?:back|off)|penalty|\$ ?\d[\d,]*)",
    _W + r"(?:can'?t|cannot|couldn'?t|not allowed to|won'?t let \w+) (?:leave|quit|go home|go)" + _E + _UNTIL % 30
    + _W + r"until" + _E + _UNTIL % 40 + _W + r"(?:paid|pay|repaid|debt)" + _E,
    _W + r"(?:irse|irme|irnos|salirse|salirme|se va|me voy|nos vamos|se van|cambiar(?:se)? de (?:trabajo|patron)|"
    r"regresar(?:se|me)?)" + _E + _UNTIL % 40 + _W + r"(?:antes de (?:terminar de )?pagar|tienen? que pagar|"
    r"hay que pagar|deben? pagar|multa|penalidad)" + _E,
    _W + r"no (?:puede|puedo|podemos|pueden) (?:irse|irme|irnos|salir\w*|regresar\w*)" + _E + _UNTIL % 30 + _W
    + r"hasta" + _E + _UNTIL % 30 + _W + r"(?:pag\w*|deuda)" + _E,
    # it comes out of the pay
    _W + _DEBT_EN + _E + _UNTIL % 60 + _W + r"(?:subtract\w*|deduct\w*|taken out of|takes? out of|out of (?:my|our|"
    r"his|her|their) (?:pay|wages|salary|checks?|paychecks?))" + _E,
    _W + r"(?:salary|pay|wages|paycheck)" + _E + _UNTIL % 40 + _W + r"(?:zero|nothing)" + _E + _UNTIL % 20
    + r"until" + _E,
    _W + r"(?:sueldo|pago|salario|cheque|resto|todo)" + _E + _UNTIL % 30 + _W + r"(?:es|va|se va|se lo queda\w*|"
    r"se queda\w*) (?:para|a) (?:pagar|la deuda)" + _E + _UNTIL % 40 + _W
    + r"(?:deuda|cruce|viaje|pasaje|visa|vuelo|boleto)" + _E,
    _W + r"(?:descuent\w*|rebaj\w*|quit\w*)" + _E + _UNTIL % 40 + _W + r"(?:la deuda|lo que (?:debe|debo|debemos|deben))"
    + _E,
    _W + r"para pagar la deuda" + _E,
)]
DEBT_AT_DESTINATION_WEIGHT = 0.75


def debt_at_destination(folded: str) -> list[ConceptHit]:
    """A debt held over the worker at the workplace ("the debt increased each time she
    asked", "must first repay $7,000 to transfer", "todo el sueldo es para la deuda del
    viaje"): ``cd_debt_bondage`` whatever the debt's origin (the matcher's pair rule sends a
    debt told with a recruiter or travel fees to ``cr_debt_bondage``)."""
    return [ConceptHit("cd_debt_bondage", m.start(), m.end(), DEBT_AT_DESTINATION_WEIGHT)
            for pattern in _DEBT_AT_DESTINATION for m in pattern.finditer(folded)]


_NOBODY = re.compile(r"^\W*(?:and |but |y |pero )?(?:no one|nobody|no-one|noone|nadie|never|nunca|ninguno)" + _E,
                     re.IGNORECASE)
_MERCHANDISE = re.compile(_W + r"(?:vend\w*|sell\w*|sold|selling|cuchiller\w*|kitchen|cocina\w*|carnicer\w*|"
                          r"butcher\w*|cort\w*|cut|cuts|cutting)(?: \w+){0,4}\s*$", re.IGNORECASE)
_THREAT_WORD = re.compile(_W + r"(?:threat\w*|amenaz\w*|warn\w*|advirt\w*)" + _E, re.IGNORECASE)


def coercion_concept(folded: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """False when a coercion hit sits in a sentence that says nobody did it ("No one ever
    took my ID or threatened me") with no "but" between, or names a knife being sold or used
    as a tool ("vendiendo cuchillos")."""
    text = folded[sentence[0]:start]
    if _NOBODY.match(text) and not re.search(r"(?<!\w)(?:but|pero|except|excepto|until|hasta que)(?!\w)", text, re.IGNORECASE):
        return False
    # a blade that cut something or someone is a tool or an injury, not a threat, unless threatened
    before = folded[max(sentence[0], start - 40):start]
    return not (_MERCHANDISE.search(before) and not _THREAT_WORD.search(folded[sentence[0]:start]))


_FAMILY_WORD = (r"(?:family|families|kids|children|child|mother|mom|mama|father|dad|wife|husband|daughters?|sons?|"
                r"parents|sisters?|brothers?|relatives|grandmother|familias?|hij[oa]s?|madre|padres?|papas?|esposas?|"
                r"esposos?|herman[oa]s?|abuel[oa]s?|parientes)")
_HARM_EN = r"(?:kill|hurt|beat|shoot|harm|break|cut|stab|bury|disappear)\w*"
_HARM_ES = r"(?:matar|lastimar|pegar|golpear|romper|quebrar|desaparecer|madrear)"
_WORKER_TARGET = [re.compile(p, re.IGNORECASE) for p in (
    # English: the harm verb with the worker as object ("kill me"; "her" only when no relative follows it)
    _W + _HARM_EN + r" (?:you|me|us|him|them|everyone|anyone)" + _E,
    _W + _HARM_EN + r" her" + _E + r"(?! " + r"(?:\w+ )?" + _FAMILY_WORD + _E + ")",
    # Spanish: a first or second person clitic, which cannot stand for a relative
    _W + r"(?:te|me|nos)\s+(?:va|van|iba|iban|vamos|ibamos|ira|iran|podia|podian)\s+a\s+" + _HARM_ES + _E,
    _W + _HARM_ES + r"(?:te|me|nos)" + _E,
    _W + _HARM_ES + r"(?:lo|la|los|las)? a (?:el|ella|ellos|ellas|nosotros|ti|mi|usted|ustedes)" + _E,
)]
_WEAPON = re.compile(_W + r"(?:guns?|rifles?|pistols?|handguns?|firearms?|weapons?|machetes?|shotguns?|armed|knife|knives|"
                     r"pistolas?|armas?|armad[oa]s?|cuchillos?|escopetas?)" + _E, re.IGNORECASE)


def names_weapon(text: str) -> bool:
    """Armed men are a threat of violence to everyone there, whoever else is threatened."""
    return bool(_WEAPON.search(text))


def threat_names_worker(sentence_text: str) -> bool:
    """Whether a sentence's threat of harm names the worker (or co-workers) as its target, not
    only their family ("would kill me", "te van a matar"; not "would hurt her daughter")."""
    return any(p.search(sentence_text) for p in _WORKER_TARGET)


# A threat to hand the worker to an authority that holds their liberty or status: the
# police or immigration, and also a probation officer, a judge or prosecutor (people placed
# by a court), a visa sponsor, an embassy or a licensing board, or sending them home on the
# next plane or onto a blacklist (ILO/EC: threat of denunciation to authorities). Said as a
# condition or a warning ("if he quits the program calls his PO", "one more write-up and his
# judge gets a letter", "si se quejan los regresan a la cárcel").
_AUTHORITY_EN = (r"(?:(?:his|her|their|your|my|our|the) (?:po|p\.o\.|judge|da|probation officer|parole officer|sponsor|"
                 r"embassy|consulate)|probation(?: officer)?|parole(?: officer)?|the (?:court|district attorney|"
                 r"prosecutor)|(?:state |nursing |licensing )?board(?: of nursing)?|immigration|ice|la migra|migra|"
                 r"the police|police|the cops|cops|sheriff|border patrol|the border patrol|homeland security|cbp)")
_AUTHORITY_ES = (r"(?:(?:al|el|la|a la|su|sus) )?(?:probation(?: officer)?|oficial de (?:libertad condicional|probatoria|"
                 r"probacion)|oficial|juez|jueza|fiscal|corte|sponsor|patrocinador|embajada|consulado|ministerio|migra|"
                 r"migracion|inmigracion|policia|sheriff|ice|border patrol|border|patrulla fronteriza|patrulla)")
_FRAME = (r"(?:if|whoever|anyone who|anybody who|any of (?:us|them) who|one (?:more|call|word|complaint)|or else|"
          r"otherwise|threat\w*|warn\w*|si|quien|quienes|el que|la que|los que|cualquiera que|amenaz\w*|advirt\w*|"
          r"advierte|o si no|otra (?:falta|queja))")
# an outcome that is itself the threat can also be said plainly ("the boss said ... plane home")
_SAID = r"(?:said|says|told|tells|when|dijo|dice|decia|dijeron|decian|cuando)"
_REPORTING = [
    _W + r"(?:calls?|call(?:ed|ing)?|report\w*|notif\w*|tells?|contacts?|writes? (?:\w+ )?up to|sends? (?:\w+ )?back to|"
    r"turns? (?:\w+ )?in to)" + _E + r"(?: \w+){0,2} " + _AUTHORITY_EN + _E,
    _W + r"(?:judge|po|sponsor|embassy|court) (?:gets|will get|would get) (?:a|the) (?:letter|call|report)" + _E,
    _W + r"(?:habla\w*|llama\w*|avisa\w*|reporta\w*|denuncia\w*|notifica\w*|acusa\w*|escribe\w*|manda\w* una carta|entrega\w*|"
    r"cuenta|contarle|echa|echan|echaba)"
    + _E + r"(?: \w+){0,2} (?:a |al |con |con el |con la )?" + _AUTHORITY_ES + _E,
    # the call itself as the threat: "la migra gets a call", "immigration will hear about you", "una llamada a la Border Patrol"
    _W + r"(?:la migra|migra|ice|immigration|border patrol|the police|police|sheriff) (?:gets|will get|would get|is gonna get) a call" + _E,
    _W + r"(?:immigration|ice|la migra|the police|police|border patrol) (?:will|would|is going to|gonna) hear (?:about|of) "
    r"(?:you|him|her|them|it)" + _E,
]
_OUTCOME = [
    _W + r"(?:go|goes|going|gone|sent|send|sends|back) (?:back )?to (?:county|jail|prison|court|lockup)" + _E,
    _W + r"(?:(?:next|first) plane|plane home|flown home|flight home|name goes to the embassy|black ?list\w*|"
    r"never (?:gets?|get) (?:a|another) visa|visa is (?:finished|done|over)|arrest warrant)" + _E,
    _W + r"(?:regres\w*|mand\w*|llev\w*|devuelv\w*|vuelv\w*|meten|mete|meter\w*)" + _E + r"(?: \w+){0,2} (?:a la|a|en la) "
    r"(?:carcel|prision|corte|cana)" + _E,
    _W + r"(?:mand\w*|regres\w*|devuelv\w*|sub\w* al avion)" + _E + r"(?: \w+){0,1} (?:pa|para|a) su pais" + _E,
    _W + r"(?:orden de (?:arresto|aprehension)|lista negra|primer avion|proximo avion|(?:cancel\w*|quit\w*) la visa)" + _E,
    _W + r"una llamada a (?:la )?(?:migra|border patrol|ice|inmigracion|migracion|policia|patrulla)" + _E,
    _W + r"(?:la migra|migra|ice|immigration|border patrol) (?:comes?|will come|would come|viene|vendra|va a venir) (?:for|por) "
    r"(?:anyone|anybody|whoever|you|him|her|them|los|ti|el|ella|quien|cualquiera|el que)" + _E,
    # more ways the law is made the price ("has friends in ICE", "una llamada y te vas", "immigration takes her the same day",
    # "in immigration detention by lunch", "goes back to MX", "se iban en el siguiente camión a México", "cancels our visa",
    # "tells the consulado i abandoned the job", "manda a mi hijo a la correccional", "el juez le niega el asilo")
    _W + r"(?:friends?|amig[oa]s?|compa|compadre|cuates?)\w* (?:in|de|at|with|en|of) (?:la |the )?(?:migra|ice|immigration|"
    r"police|policia|sheriff'?s?)" + _E,
    _W + r"(?:one|a single|una|con una) (?:call|phone call|llamada)(?: \w+){0,4}? (?:and|y) (?:you|te|se|lo|la|los|las|they|she|he|"
    r"your|tu|su)" + _E,
    _W + r"(?:la migra|migra|ice|immigration|inmigracion) (?:visits?|visita\w*|finds?|takes?|agarra\w*|levanta\w*|se (?:lo|la|los|las) "
    r"lleva\w*|will be waiting|espera\w*)" + _E,
    _W + r"(?:immigration|migratoria) detention|detencion migratoria|ice agents|agentes de (?:ice|inmigracion|la migra)" + _E,
    _W + r"(?:sent|send|sends|goes|go|going|went|gets sent|get sent) (?:straight )?back to (?:mexico|mx|peru|guatemala|honduras|"
    r"el salvador|nicaragua|venezuela|haiti|his country|her country|their country)" + _E,
    _W + r"(?:se )?(?:iban|van|va|vas|iria|irian) en el (?:siguiente|proximo|primer) (?:camion|bus|autobus|avion)" + _E,
    _W + r"(?:visa (?:quemada|burned|cancel\w*)|cancel\w* (?:our|your|his|her|their|tu|su|la|sus|las) visas?)" + _E,
    _W + r"(?:tells?|told|call\w*|avisa\w*|le dice al|notif\w*) (?:the |al |a la )?(?:consulado|consulate|embajada|embassy)" + _E,
    _W + r"(?:correccional|juvenile detention|juvie|el juez (?:le |les |me )?nieg\w*|the judge (?:denies|will deny))" + _E,
]
# one pattern per kind of frame (the alternatives joined), so the text is scanned twice, not ten times
_DENUNCIATION = (re.compile(_W + _FRAME + _E + r"[^.;\n]{0,120}?(?P<c>" + "|".join(f"(?:{c})" for c in _REPORTING) + ")",
                            re.IGNORECASE),
                 re.compile(_W + r"(?:" + _FRAME + "|" + _SAID + ")" + _E + r"[^.;\n]{0,120}?(?P<c>"
                            + "|".join(f"(?:{c})" for c in _OUTCOME) + ")", re.IGNORECASE))
DENUNCIATION_WEIGHT = 0.75


def denunciation_threats(folded: str) -> list[ConceptHit]:
    """Threats to hand the worker to an authority over their liberty or status, told as a
    condition or a warning; the span is the consequence."""
    hits = []
    for pattern in _DENUNCIATION:
        for m in pattern.finditer(folded):
            hits.append(ConceptHit("cd_threat_of_denunciation", m.start("c"), m.end("c"), DENUNCIATION_WEIGHT))
    return hits


# Pay that reaches someone else first: the employer pays a program, agency or boss and not
# the worker, the check goes to an office, a company takes the check and pays out what it
# decides, or the pay goes to a debt until it is paid (ILO/EC: withholding of wages).
_PAYEE = (r"(?:the |el |la |al |a la )?(?:program|programa|agency|agencia|company|compania|empresa|office|oficina|"
          r"program office|contractor|contratista|owner|dueno|duena|boss|jefe|patron|store|tienda|"
          r"staffing (?:company|agency|firm)|second company|otra compania)")
_PAY_WORD_EN = r"(?:pay|paycheck|paychecks|check|checks|wages?|salary|earnings|comp check|workers comp check)"
_PAY_WORD_ES = r"(?:cheque|cheques|check|sueldo|salario|pago|dinero|quincena|raya|aseguranza|seguro)"
_WITHHELD = [re.compile("|".join(f"(?:{p})" for p in (
    # the employer pays the intermediary, not the worker
    _W + r"(?:pays|paid|pay|sends|sent)" + _E + r" " + _PAYEE + _E + r",? not (?:to )?(?:him|her|them|me|us|the (?:workers|men|women))" + _E,
    _W + _PAY_WORD_EN + _E + r" (?:went|goes|go|is sent|was sent|gets sent|comes|came|is paid|was paid)"
    r" (?:straight |directly )?to " + _PAYEE + _E,
    _W + _PAYEE + r" (?:receives|received|collects|collected|gets|got|takes|took|cashes|cashed) (?:his|her|their|my|our|the|all)"
    r" (?:\w+ )?" + _PAY_WORD_EN + _E,
    _W + r"takes (?:his|her|their|my|our) " + _PAY_WORD_EN + r" and (?:pays|gives)" + _E,
    # Spanish: the check is carried off, collected or kept by the intermediary
    _W + r"(?:el |la |los |su |mi )?" + _PAY_WORD_ES + _E + r" (?:se lo|se la|se los|lo|la) (?:lleva|llevaba|llevo|cobra|cobraba|"
    r"cobro|recibe|recibia|recibio|agarra|agarraba|agarro|queda|quedaba|quedo)" + _E + r"(?: \w+){0,2} " + _PAYEE + _E,
    _W + r"(?:lo|la) (?:cobro|cobra|cobraba|recibio|recibe|recibia) (?:tambien )?" + _PAYEE + _E,
    _W + r"(?:le|les) cobra\w* (?:mi|su|nuestro|el) (?:sueldo|salario|pago)" + _E,
    _W + r"(?:no (?:le|les|me|nos) (?:da|daba|dan|daban|entrega|entregaba) (?:su|sus|mi|mis|el|los) (?:cheque|cheques|check|"
    r"sueldo|pago|dinero))" + _E,
    _W + r"(?:el|su|mi) (?:cheque|check) llega\w* a " + _PAYEE + _E,
    # the pay goes to a debt
    _W + r"(?:todo|el sueldo|el pago|el cheque|el dinero|la mitad|lo que gano|lo que ganamos)" + _E + r"[^.;\n]{0,30}?"
    r"(?:va|iba|se va|es|pa|pa'|para) (?:a |para )?(?:la|pagar la) deuda" + _E,
    _W + r"(?:quita|quitan|quitaba|descuenta|descuentan) la mitad" + _E,
    # collected, kept back or saved by the boss, or deferred
    _W + r"(?:picks? up|picked up|collects?|collected)" + _E + r" (?:all |the |our |his |her |their |my |everyone'?s )?(?:pay ?checks?|"
    r"checks|fares|earnings|tips|pay cards?)" + _E,
    _W + r"(?:keeps?|kept)" + _E + r" (?:\$ ?\d[\d,]* of (?:every|each|his|her|their|my)(?: week'?s)?|half (?:of )?(?:every|each|his|her|"
    r"their|my)|the rest|part of (?:his|her|their|my)) (?:pay|check|paycheck|wages|salary|money|for)" + _E,
    _W + r"(?:se queda\w*|se quedaba\w*|se quedo) con (?:la mitad|parte|el resto|\d[\d,]*)(?: de)? (?:cada|su|sus|mi|mis|el|los)? ?"
    r"(?:cheques?|sueldos?|pagos?|ganancias|dinero)" + _E,
    _W + r"(?:le|les|me|nos) reti\w+ (?:el|la|los|su|sus) (?:ahorro|sueldo|pago|cheque|dinero)" + _E,
    _W + r"(?:lo|la|los) guarda\w* (?:para|pa) (?:la deuda|cuando)" + _E,
    _W + r"no (?:me|le|les|nos) (?:paga|pagan|da|dan|daba|pagaba) nada (?:hasta|de lo que)" + _E,
    _W + r"(?:pays?|paga|pagaba) (?:us |them |me |him |her |nos |les |me |le )?(?:every|cada) (?:two|three|dos|tres) (?:months|meses)" + _E,
    _W + r"(?:pays|paid) (?:the |his |her |their )?(?:uncle|father|mother|dad|mom|aunt|cousin|parents|family)" + _E
    + r",? not (?:him|her|them|me)" + _E,
    _W + r"(?:says|dice|dicen) (?:that |que )?(?:that |eso )?(?:is|es) (?:my|his|her|mi|su) (?:salary|pay|sueldo|pago)" + _E,
    _W + r"(?:su|mi) (?:sueldo|pago|cheque) (?:lo|se lo) manda" + _E,
    _W + r"(?:descuentan|descuenta|takes? \$?\d[\d,]* out of (?:every|each|his|her|my|their|our))" + _E + r"[^.;\n]{0,40}?"
    r"(?:del cheque|de cada cheque|check|paycheck)" + r"[^.;\n]{0,30}?(?:for it|for the (?:debt|loan|bus|trip|ride)|(?:para|pa) la deuda)" + _E,
    _W + r"(?:deuda|debt)" + _E + r"[^.;\n]{0,60}?(?:se la|se lo) descuent\w* del cheque" + _E,
    _W + r"no (?:me|nos|le|les) pagan?" + _E + r"[^.;\n]{0,40}?(?:cobrando|cobrar|pagando) (?:el|la|los) (?:pasaje|viaje|"
    r"cruce|deuda|renta)" + _E,
    # someone else gets, cashes or holds the worker's check or card ("Mr Dale gets the check",
    # "hes got my bank card", "keeps her work card and her pay card", "la tia cambia el cheque")
    _W + r"(?!(?:i|we|me)\b)\w+ (?:gets|got|cashes|cashed|keeps|kept|holds|held|has|had|took|takes) (?:the|my|our|his|her|their|"
    r"everyone'?s|all the|all our) (?:pay ?)?checks?" + _E + r"(?! (?:on|every|each|at) )",
    _W + r"(?!(?:i|we)\b)\w+ (?:has|have|had|got|keeps?|kept|holds?|held|took|takes) (?:my|his|her|their|our|the workers'?)"
    r"(?: \w+ card and (?:my|his|her|their|our))? (?:bank|pay|debit|atm|payroll) cards?" + _E,
    _W + r"(?:cambia|cambiaba|cambio|cobra|cobraba|cobro) (?:el|los|su|sus) cheques? (?:de|a nombre de)" + _E,
    _W + r"(?:se lo|se la|se los|se las) (?:dan|daban|dieron|entregan|entregaban|mandan|mandaban) (?:al|a la|a su|a el) (?:\w+ )?"
    r"(?:boss|jefe|patron|patrona|dueno|duena|contratista|mayordomo|troquero|senor|senora)" + _E,
    # kept "for" the worker, deferred to the end of the job, the rest to a debt
    _W + r"(?:keeps?|kept|keeping|saves?|saved|saving|holds?|holding|guards?)" + _E + r" (?:it|the money|my money|his money|"
    r"her money|their money|the rest|everything|all of it)?\W{0,3}(?:for (?:me|him|her|them|us)|for safekeeping)" + _E,
    _W + r"(?:kept|held|saved) for (?:me|him|her|them|us)" + _E,
    _W + r"(?:lo|la|los|el dinero|mi dinero|su dinero|su sueldo|mi sueldo) (?:tiene|tenia) guardad[oa]s?" + _E,
    _W + r"(?:se )?(?:me|le|les|nos) (?:les |le )?guarda\w* (?:todo|lo demas|el resto|el dinero|mi dinero|su dinero|los cheques)" + _E,
    _W + r"(?:money|pay|paid|pagan|pago|dinero|paga)(?: (?:will|would|only|come|comes|llega|viene))* (?:when|until|"
    r"at the end of|hasta que|cuando|al final de)(?: the| el| la| se)?(?: whole| entire| todo el| toda la)? (?:project|season|contract|job|obra|temporada|contrato|proyecto)"
    r"(?: is)? (?:finish\w*|end\w*|over|done|termin\w*|acab\w*)" + _E,
    _W + r"(?:it all|all of it|everything|the rest|all the money|all (?:my|his|her|their) pay|the other \$? ?\d[\d,]*) (?:goes|went|go) "
    r"(?:to|toward|towards|into) (?:the|his|her|my|their) (?:\w+ )?(?:debt|loan)" + _E,
    _W + r"(?:se queda|se quedaba|se quedo|se quedan) (?:con )?mis? (?:pay|paycheck|sueldo|cheque|pago|check|quincena)s?" + _E,
    _W + r"(?<!i )(?<!we )(?:keeps|kept|takes|took) my (?:whole |entire )?(?:pay|paycheck|check|wages|salary)" + _E
    + r"(?! (?:to|into|in) (?:the|my) bank)",
    _W + r"(?:lo demas|el resto)" + _E + r"[^.;\n]{0,20}?(?:es|va|iba|se va) (?:a |para )?(?:la|pagar la|su|mi) deuda" + _E,
    # the pay is "saved", "kept" or sent on by someone else ("my salary he is saving for my marriage",
    # "rest he is 'keeping for the visa loan'", "le manda mi sueldo a él", "sends $2,000 of his pay")
    _W + r"(?:my|his|her|their|mi|su|el) (?:salary|pay|wages|money|sueldo|dinero|pago) (?:he|she|they|the boss|el|ella|"
    r"se lo|me lo|se la|me la)? ?(?:is |are |was )?(?:saving|keeping|holding|guarding|saves|keeps|holds|guarda\w*|ahorra\w*)" + _E,
    _W + r"(?:the )?rest (?:he|she|they) (?:is |are |was )?\W{0,2}(?:saving|keeping|holding|keeps|saves|holds)" + _E,
    _W + r"(?<!i )(?<!we )(?<!yo )(?<!they )(?:sends?|sent|sending|manda|mandan|mandaba|envia|envian|enviaba) (?:\$ ?[\d,]+ of )?(?:mi|su|el|his|her|my|their|"
    r"the) (?:[\w$,.]+ ){0,2}?(?:sueldo|pago|cheque|salary|pay|paycheck|check|wages)" + _E,
    _W + r"(?:he|she|boss|owner|uncle|aunt|patron|jefe)(?: says| dice que)?(?: he| she)? (?:is|was) sending it to" + _E,
    _W + r"(?:cheques?|checks?|paychecks?) (?:salen|sale|salian|come out|are made out|are written|were made out) (?:a su nombre|"
    r"a nombre (?:de el|de ella|del \w+|de la \w+)|in (?:his|her|the (?:boss|broker|owner|contractor)'?s) name|to (?:him|her))" + _E,
    _W + r"(?:se quedo|se queda|se quedaron|kept|keeps|keeping|held back|holds back) (?:con )?(?:el|the|my|his|her|mi|su) (?:primer|first) "
    r"(?:mes|month|months|week|weeks|semana|paycheck|cheque|check)" + _E,
    _W + r"(?:pay|paid|pagan|paga|da|dan|sueldo|salary|money|dinero|wages|the rest|el resto|lo demas)(?: \w+){0,4} (?:junto |todo )?"
    r"(?:a|al|at the|until the|hasta el|hasta|till the) (?:fin|final|end) (?:de|del|of the) (?:ano|year|temporada|season|contrato|"
    r"contract|tour|gira|job|obra|trabajo|harvest|cosecha|project|proyecto|pizca)" + _E,
    # the rest, some, or the commission held back: "saves the rest", "holds some back", "la comisión me la guarda"
    _W + r"(?<!i )(?<!we )(?<!yo )(?:saves?|saved|holds?|held|keeps?|kept|guarda\w*) (?:the rest|the remainder|the balance|some back|"
    r"lo demas|el resto|(?:todas )?(?:sus|mis|las|la) comision(?:es)?)" + _E,
    _W + r"(?:la|su|mi|las|sus|mis) comision(?:es)? (?:se |me |le |les |nos )?(?:la |las )?(?:\W?guarda\w*)" + _E,
    _W + r"(?:commissions?|pay|wages|check|checks|paychecks?) (?:is |are |was |were )?(?:paid|given|comes?|handed out) "
    r"(?:\W?)at (?:the )?end of (?:the )?(?:season|tour|contract|job|harvest|year)" + _E,
    # the boss collects what the work earns and hands out what he likes ("cobra las tocadas y nos da 40", "la dueña les
    # cobra a las clientas y a ellas no les da nada", "los checks los cambia él"); the worker is not the subject
    _W + r"(?<!i )(?<!yo )(?<!we )(?:cobra|cobraba|cobran|cobraban|collects|collected|cashes|cashed|cambia|cambiaba)"
    r"(?: \w+){0,4}? (?:y|and) (?:a (?:ellas|ellos|ella|el|nosotros|mi|los trabajadores) )?(?:no (?:les|le|nos|me) da|nunca (?:reparte|les da|nos da)|(?:les|le|nos|me) (?:da|daba|dan)|"
    r"gives? (?:us|them|him|her|me)|hands? (?:us|them|him|her|me))" + _E,
    _W + r"(?:los|el|las|la) (?:checks?|cheques?|pagos?) (?:los|lo|las|la) (?:cambia|cobra|agarra|recoge) (?:el|la) (?:patron|patrona|"
    r"jefe|jefa|boss|contratista|mayordomo|dueno|duena|encargad[oa]|crew leader|raitero|troquero|capataz|mero mero)" + _E,
    # who handles the worker's money, when pay comes, where it goes
    _W + r"(?:controls?|controlled|maneja\w*|manages?|managed|handles?|handled) (?:all |todo )?(?:of )?(?:his|her|their|my|su|sus|"
    r"mi|el|the) (?:\w+ )?(?:money|dinero|payee account|cuenta|sueldo|earnings|wages)" + _E,
    _W + r"(?:paid|pay|pays|paga|pagan|le pagan|nos pagan) (?:comes )?(?:only )?(?:when|til|till|until|hasta que|cuando) "
    r"(?:the boss|he|she|el patron|el jefe|la patrona|the crop|la cosecha|the debts?|la deuda|(?:he|she|el|ella) (?:decides|quiere))" + _E,
    _W + r"(?<!i )(?<!we )(?:wires?|wired|sends?|sent|mandaba|mandan|mandaron|envia\w*) (?:it |the money |her pay |his pay |el dinero |"
    r"su sueldo |dinero |lo )?(?:straight |directly |directo )?(?:to|a) (?:\w+'?s? ){0,2}(?:mother|family|families|familia|familias|"
    r"mama|madre|wife|esposa)" + _E,
    _W + r"(?:pay|pago|sueldo|earnings) (?:is |are |se )?(?:marked|written|kept|apunta\w*|anota\w*) (?:in|en) (?:the|a|his|el|la|su) "
    r"(?:notebook|book|ledger|libreta|cuaderno)" + _E,
)), re.IGNORECASE)]
WITHHELD_WEIGHT = 0.75
# More shapes of the same, guarded (one alternation of them all, tried at every position, cost a fifth of the
# extraction's time).
_WITHHELD_GUARDED = _guarded((
    # "the rest goes to what I owe", "$200 more goes to the $4,000 I owe him"
    (r"owe|debo|debe", _W + r"(?:the rest|the remainder|lo demas|el resto|\$ ?\d[\d,]* more) (?:goes|went|go|va|iba|se va) "
     r"(?:to|toward|towards|a|para) (?:what|the \$? ?\d[\d,]*|lo que) (?:i|he|she|we|they|debo|debe|debemos|deben)" + _E),
    # "takes $250 out of every check for the debt", "de cada cheque ... para la deuda"
    (r"out of (?:every|each)", _W + r"out of (?:every|each) (?:\w+ )?(?:pay|check|paycheck|cheque) (?:for|toward|towards|to) "
     r"(?:it|the debt|la deuda|the loan|what)" + _E),
    (r"deuda|lo que debe", _W + r"(?:de cada|cada) (?:cheque|check|pago|semana|quincena) (?:\w+ ){0,6}?(?:para|por) "
     r"(?:la deuda|lo que debe)" + _E),
    # held in a "fund" until the job ends ("keeping it in a crew fund until the project closes", "va al fondo")
    (r"fund|fondo", _W + r"(?:keep\w*|hold\w*|put\w*|guard\w*|mete\w*|goes|va|van) (?:[\w']+ ){0,3}?(?:in|into|to|en|al|a un|a el) "
     r"(?:a |the |el |un )?\W?(?:crew |company |la compania )?(?:fund|fondo)\W?" + _E),
    # what the work earns handed over or going to someone else ("todo lo que gano se lo tengo que dar", "las propinas se
    # las entregaba a él", "the tips go to the owner", "what the families paid went straight to a minister")
    (r"dar|entregar", _W + r"(?:todo )?lo (?:que|q) (?:gano|ganamos|gana|ganan|ganaba|junto|juntamos|junta|juntan|vendo|vendemos|"
     r"vende|venden|cobro)(?: \w+){0,4}? (?:se lo|se la|se los) (?:tengo|tiene|tenemos|tienen|tenia|tenian|teniamos) (?:que|q) "
     r"(?:dar|entregar)" + _E),
    (r"dar|entregar", _W + r"(?:todo el dinero|el dinero|las propinas|los tips|las ganancias)(?: (?:que|q) \w+(?: \w+)?)? "
     r"(?:se lo|se la|se los|se las) (?:tengo|tiene|tenemos|tienen|tenia|tenian) (?:que|q) (?:dar|entregar)" + _E),
    (r"propinas|tips|ganancias|ventas", _W + r"(?:las propinas|los tips|las ganancias|el dinero de las ventas) (?:se las|se los|se lo) "
     r"(?:entrega\w*|da|dan|daba|daban|quita\w*|queda\w*|lleva\w*)" + _E),
    (r"\b(?:go|goes|went|handed)\b", _W + r"(?:tips|earnings|donations|the money (?:we|they|i|he|she) (?:make|makes|made|earn|earned|"
     r"collect|collected)|(?:what|everything|all) (?:we|they|i|he|she|the \w+) (?:make|makes|made|earn|earns|earned|paid|pay|pays)) "
     r"(?:go|goes|went|gets handed|get handed|are handed|were handed) (?:straight |directly |right )?(?:over )?to (?:the |a |his |her )?"
     r"(?:boss|owner|manager|minister|pastor|leader|crew leader|patron|trainer|broker|contractor|recruiter|agency|elders?|him|her)" + _E),
    # all of it kept by someone else ("keeps all of my pay", "de cada cheque se queda todo"); half kept reads as a deduction
    (r"all of", _W + r"(?<!i )(?<!we )(?<!yo )(?:keeps|kept|takes|took) all of (?:it|that|them|my|his|her|their|our|the) ?"
     r"(?:pay|paycheck|check|checks|wages|salary|tips|earnings|money)?" + _E),
    (r"queda", _W + r"(?:de cada (?:cheque|check|pago|semana|quincena) )?se (?:queda|quedaba|quedan|quedaban) (?:con )?(?:todo|casi todo|"
     r"las propinas|los tips|el dinero|los cheques|el cheque|el check)" + _E),
    # someone else receives the worker's pay ("the guy gets my pay from the plant", "picks up everybody's checks")
    (r"gets|got|receive|collect|picks? up|picked up", _W + r"(?!(?:i|we|me)\b)\w+ (?:gets|got|receives|received|collects|collected|"
     r"picks up|picked up) (?:my|his|her|our|their|everybody'?s|everyone'?s|the crew'?s|the workers'?) (?:pay|paychecks?|checks?|"
     r"wages|salary|salaries|earnings)" + _E),
    # no pay until the contract, the season or a debt is done ("no nos pagan hasta que se acabe el contrato", "sin sueldo
    # hasta pagar 6,000")
    (r"hasta", _W + r"(?:no (?:nos |les |le |me |te )?)?(?:pagan|paga|pagaran|pagara|pagar|pago|sueldo)(?:,? (?:dice|dicen|dijo) (?:que|q)|"
     r"(?: \w+){0,2}?) \W?hasta (?:que|q) (?:se )?(?:acabe|termine|acaben|terminen|cumpla\w*|cierre|cierren) (?:el|la|los|las) "
     r"(?:contrato|temporada|obra|proyecto|cosecha|trabajo|meses|deuda)" + _E),
    (r"hasta|until|till|til", _W + r"(?:sin (?:sueldo|pago|paga|cobrar)|without pay|for no pay|unpaid) (?:hasta|until|till|til) "
     r"(?:pagar|que pague|(?:he|she|they) (?:pays|paid)|paying|pay off|the debt|la deuda)" + _E),
    # a sum taken from each pay for the debt or the trip ("takes $200 out of each week's pay 'for what you cost me'",
    # "se queda con 300 de mi pago"); a sum for rent or food is a deduction, not this
    (r"debt|deuda|owe|debe|cost|trip|viaje|pasaje|loan|prestamo|ride|raite|visa", _W + r"(?:takes?|took|keeps?|kept|se queda con|"
     r"se quedaba con|le quita|les quita|nos quita|me quita|retiene)(?: (?:about|approx\.?|como|unos))? \$? ?\d[\d,]*(?: dollars| dolares)?"
     r" (?:out of|from|of|de) (?:each|every|cada|mi|su|my|his|her|the) (?:[\w']+ )?(?:pay|paycheck|check|cheque|pago|weekly pay|week)"
     + _E + r"[^.;\n]{0,50}?" + _W + r"(?:debt|deuda|owes?|debe|cost me|trip|viaje|pasaje|loan|prestamo|ride|raite|visa|lo que falta|"
     r"what'?s left)" + _E),
    # the pay collected by someone else ("the broker picks up V's paycheck", "el check lo cobra él", "mi cheque se lo entregan
    # a mi tío", "cobra los cheques de los dos en su propia cuenta")
    (r"check|cheque|paycheck", _W + r"(?<!i )(?<!we )(?:picks? up|picked up|collects?|collected)(?: (?:all|every))? (?:[\w']+ ){0,2}?"
     r"(?:checks?|paychecks?)" + _E),
    (r"check|cheque", _W + r"(?:el|mi|su|los|sus|mis|nuestro|nuestros) (?:check|cheque|pago)s? (?:se )?(?:lo|los|la|las) "
     r"(?:cambia|cobra|recoge|agarra|entregan?|dan|daban|entregaban)(?: \w+)? (?:a mi \w+|a su \w+|al \w+|a la \w+|el (?:patron|jefe|"
     r"contratista|boss|dueno|encargado|mayordomo|troquero|raitero|tio|senor))" + _E),
    (r"cheques|checks", _W + r"(?:cobra|cobraba|cambia|cambiaba|cashes|cashed|deposits?) (?:los|the|all the|sus|our|their) (?:cheques|checks)"
     r"(?: de (?:los dos|todos|ellos|nosotros|los trabajadores))?(?: en su (?:propia )?cuenta| into his (?:own )?account)?" + _E),
    # pay put off to a date or the end ("les van a pagar todo junto en noviembre", "get it all Nov 1 if they stay", "the pay is
    # 'saved' until they fly home", "pays cash only 'when the job is done'", "keeps his money til he pays off the trip")
    (r"pag|pay|paid|get it", _W + r"(?:pagar|pagan|paga|pagaran|get it|get paid|be paid|pay (?:them|us|him|her))(?: \w+)? (?:todo |it )?(?:all |"
     r"junto |together )?(?:en|in|on|el) (?:january|february|march|april|may|june|july|august|september|october|november|december|"
     r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
     r"noviembre|diciembre)" + _E),
    (r"saved|kept|held|guardad", _W + r"(?:pay|money|wages|sueldo|dinero|pago|salary) (?:is|are|was|were|queda|esta|estan) \W?"
     r"(?:saved|kept|held|guardad[oa]s?)" + _E),
    (r"when|cuando", _W + r"pays?(?: (?:cash|us|them|him|her))?(?: only)? \W?(?:when|cuando) (?:the|el|la) (?:whole |entire )?"
     r"(?:job|season|project|contract|obra|temporada|trabajo) (?:is |esta )?(?:done|over|finished|ends|termin\w*|acab\w*)" + _E),
    (r"til|until|hasta", _W + r"(?<!i )(?<!we )(?:keeps?|kept|holds?|held|guarda\w*|se queda con) (?:his|her|my|their|our|su|mi|sus|mis) "
     r"(?:money|pay|dinero|sueldo|pago|wages) (?:til|till|until|hasta)" + _E),
    # what begging, singing or selling brings in, taken by the one in charge ("grabs the donation bucket", "take the cup
    # from her", "pasa la canasta y se guarda todo", "se queda cada noche con las ofrendas")
    (r"\bcups?\b|bucket|basket|donation|offering|collection|canasta|ofrenda|donacion|propina|alcancia|\bbote\b",
     _W + r"(?<!i )(?<!we )(?:grabs?|grabbed|takes?|took|keeps?|kept|pockets?|pocketed|collects?|collected|empties|emptied|counts?) "
     r"(?:\w+ ){0,2}?(?:the |all the |her |his |their |our |my )?(?:donation bucket|donation cup|donations|cup|bucket|baskets?|"
     r"offerings?|collection)" + _E),
    (r"canasta|ofrenda|donacion|propinas|alcancia|\bbote\b|dinero de los cd",
     _W + r"(?:canasta|ofrendas?|donaciones|propinas|bote|alcancia|dinero de los cds?)" + _E + r"[^.;\n]{0,60}?" + _W
     + r"se (?:la |lo |las |los )?(?:queda|guarda|quedaba|guardaba)(?: con)? (?:todo|todas?|todos?)" + _E),
    (r"ofrenda|canasta|donacion|propina", _W + r"se (?:queda|guarda|quedaba|guardaba) (?:\w+ ){0,2}?(?:con )?(?:todas? )?(?:las ofrendas|"
     r"la canasta|las donaciones|las propinas)" + _E),
    # everything the worker makes handed over ("at night i give her everything", "le entrego el sobre", "cada noche le entrega
    # lo que juntó", "they hand him the cash")
    (r"(?:le|les) (?:entreg|doy|damos)|(?:give|gives|gave|hand|hands|handed|turn|turns|turned) (?:him|her|them|the)",
     _W + r"(?:(?:le|les) (?:entrego|entregamos|entrega|entregan|entregaba|entregabamos|doy|damos) (?:todo|el sobre|el dinero|"
     r"lo (?:que|q) (?:junto|junte|juntamos|juntan|gano|ganamos|saco|sacamos|saque))|(?:give|gives|gave|hand|hands|handed|turn|"
     r"turns|turned) (?:him|her|them|the boss|the man|the lady) (?:over )?(?:everything|all (?:of )?(?:it|the money|the cash|my money|"
     r"we make|i make|we got)|the cash|the money|what (?:i|we|they) (?:made|make|collected|got)))" + _E),
    # pay when the boss pleases ("pays when he feels like it", "cuando se acuerda", "el dinero nos lo da cuando él quiere")
    (r"when(?:ever)? (?:he|she) (?:want|feel|remember)|cuando (?:el|ella) quiere|cuando se acuerda", _W + r"(?:pay\w*|paid|gives?|gave|cash|money|dinero|paga\w*|da|dan|daba)[^.;\n]{0,30}?\W?(?:when(?:ever)? (?:he|she) "
     r"(?:wants?|feels? like it|remembers?)|cuando (?:el|ella) quiere|cuando se acuerda)" + _E),
    # the boss has the worker's weeks, or the collections never reach the worker ("still has my last 3 weeks", "tip jar
    # emptied by owner", "de las propinas no vemos nada", "collects our bag fees", "fares paid into his own account")
    (r"(?:\d+|two|three|four|five|dos|tres|cuatro|cinco) (?:weeks|semanas|quincenas)", _W + r"(?:still )?(?:has|holds|keeps|tiene|guarda) (?:my|his|her|our|their|mis|sus|las|los) (?:last )?"
     r"(?:\d+|two|three|four|five|dos|tres|cuatro|cinco) (?:weeks|semanas|quincenas)" + _E),
    (r"tip jar|no vemos|never see|never reach|nunca vemos", _W + r"(?:tip jar (?:is |was )?emptied|empties the tip jar|(?:de|of) (?:las|the) (?:propinas|tips) (?:no vemos|we never see|"
     r"never see|nunca vemos)|tips?[^.;\n]{0,40}?never reach (?:him|her|them|me|us))" + _E),
    (r"bag fees|fares|tip-?outs?|se cobran en su tarjeta|(?:written|made out) to the|cuenta que (?:maneja|controla|tiene)", _W + r"(?:collects? (?:our|their|his|her|the) (?:bag fees|fares|fees|tip-?outs?)|"
     r"fares (?:are )?(?:paid )?into (?:his|her) own account|se cobran en su tarjeta|"
     r"(?:written|made out) to the (?:owner|boss|manager)'?s (?:wife|husband|son|daughter)|(?:deposita|deposit\w*) en una cuenta que "
     r"(?:maneja|controla|tiene) (?:el|la))" + _E),
    (r"cashes (?:the|his|her|their)", _W + r"(?<!i )(?<!we )cashes (?:the (?:boy|girl|kid|worker)'?s|his|her|their|the workers'?) (?:pay|check|checks|paycheck|paychecks)"
     + _E),
    (r"(?:manda|envia|mandaba) (?:a|para) (?:mi|su|sus|mis)", _W + r"(?:la paga|el sueldo|mi sueldo|su sueldo|el pago|mi pago|su pago|el dinero)[^.;\n]{0,40}?(?:se (?:la|lo) )?"
     r"(?:manda|envia|mandaba) (?:a|para) (?:mi|su|sus|mis) (?:mama|madre|esposa|esposo|familia|hijos|papas|padres)" + _E),
    # pay put off until the product sells or the buyer pays ("pays when the fish sells", "checks come when the buyer pays",
    # "paga cuando se vende el pescado", "el sueldo, después que se venda todo")
    (r"sell|sold|buyer|vend|cobre", _W + r"(?:pays?|paid|paychecks?|checks?|wages|money|paga|pagan|pagara|sueldo|pago|cheques?)"
     r"(?: [\w']+){0,3}? \W?(?:when|once|after|cuando|hasta que|despues (?:de )?que|despues que) (?:the |el |la |los |las |he |she )?"
     r"(?:[\w']+ ){0,2}?(?:sells?|sold|is sold|are sold|buyer|se vende|se venda|se vendan|se venden|vende|venda|cobre)" + _E),
    # pay that comes at a month or the season's end ("pay comes in April", "paid in one lump at end of season")
    (r"\bcome|lump|end of", _W + r"(?:pay|paycheck|checks?|wages|money|paid)(?: [\w']+){0,3}? (?:comes?|coming|will come|in one lump|"
     r"in a lump(?: sum)?)(?: [\w']+){0,2}? (?:in|at|after) (?:the )?(?:end of (?:the )?(?:season|harvest|contract|job|year)|january|"
     r"february|march|april|may|june|july|august|september|october|november|december)" + _E),
    # not paid, and put off again ("no les pagan desde hace dos meses, el jefe les dice 'la otra semana'")
    (r"otra semana|semana que viene|next week|tomorrow|manana", _W + r"(?:no (?:les|nos|me|le|te) (?:pagan|paga|han pagado|ha pagado)|"
     r"(?:hasn'?t|haven'?t|has not|have not|not|never) (?:been )?paid)[^.;\n]{0,60}?\W(?:la otra semana|la semana que viene|next week|"
     r"tomorrow|manana)" + _E),
    # the worker's bank card kept by someone else ("keeps the card and PIN", "paga con las tarjetas del banco de ellos")
    # (the cards are someone else's: "the", "their", the workers', "la"; "she has her debit card" is her own)
    (r"card|tarjeta", _W + r"(?<!i )(?<!we )(?:keeps?|kept|holds?|held|took|takes|guarda\w*|trae|traia|se queda con|paga con|pagaba con|"
     r"les quito|nos quito|le quito|me quito) (?:all |todas )?(?:the |their |our |everyone'?s |everybody'?s |the workers'? |la |las |el |los )?"
     r"(?:(?:bank|debit|atm|ebt|pay) cards?|cards? and (?:the |their )?pins?|tarjetas? (?:del banco|de banco|de debito|bancarias?|"
     r"de nomina))" + _E + r"|" + _W + r"sus tarjetas? (?:del banco|de banco|de debito|bancarias?|de nomina) (?:de (?:ellos|ellas|todos|"
     r"los trabajadores))" + _E),
    # tips collected by the one in charge ("recoge las propinas de todos", "keeps ... all card tips")
    (r"tips|propinas", _W + r"(?<!i )(?<!we )(?<!yo )(?:keeps?|kept|takes?|took|collects?|collected|recoge|recogia|agarra|agarraba) "
     r"(?:[\w']+ ){0,4}?(?:all (?:the |her |his |their |our |my )?(?:card |cash )?tips|(?:her|his|their|our|my) (?:card |cash )?tips|"
     r"(?:las|sus|nuestras) propinas(?: de (?:todos|todas|ellos|ellas))?)" + _E),
    # every pay applied to the balance ("every check goes to the balance", "todo se abona", "el sueldo se va a la deuda")
    (r"balance|debt|loan|abona|deuda", _W + r"(?:(?:every|each|all|whole|the|my|his|her) (?:[\w']+ )?(?:check|paycheck|pay|wages?)s? "
     r"(?:goes|go|went|is applied|are applied|gets applied|get applied) (?:to|toward|towards|against) (?:the |my |his |her |their )?"
     r"(?:balance|debt|loan)|(?:todo|el sueldo|el pago|el cheque|lo que gan\w+) (?:se )?(?:abona|abonan|aplica|va a la deuda|iba a la deuda))"
     + _E),
    # the agency collects every job's pay ("la agencia cobra todos los trabajos", "held on their agency account")
    (r"account|cobra", _W + r"(?:(?:held|kept) (?:on|in) (?:the |their |her |his )?(?:agency|company|house) account|(?:la agencia|el patron|"
     r"la patrona|el dueno|la duena|el jefe|la jefa|la empresa|el manager) (?:cobra|cobraba|se cobra) (?:todos los trabajos|todo lo "
     r"(?:que|q) (?:trabajamos|hacemos|ganamos|hacen|ganan)))" + _E),
    # pay the boss owes kept ("he keeps the 3 weeks he owes me", "las tres quincenas que me debe", "lo que le debía de tres semanas")
    (r"owe|debe|debia", _W + r"(?:(?:\d+|two|three|four|five|six|dos|tres|cuatro|cinco|seis) (?:weeks?|semanas|quincenas|months?|meses|"
     r"checks?|cheques|paychecks)(?: of pay)? (?:that |que |q )?(?:he |she |they |the boss |el patron |la patrona )?(?:owes|owed|(?:me|le|"
     r"nos|les|te) (?:debe|debia|deben|debian))|lo (?:que|q) (?:me|le|nos|les) (?:debe|debia|deben|debian) de (?:\d+|dos|tres|cuatro|"
     r"cinco|seis) (?:semanas|quincenas|meses))" + _E),
    # pay lost by leaving early ("anybody who quits before april dont get paid for january", "el que se vaya antes pierde lo
    # guardado")
    (r"quit|leave|se va|se vaya|se van|se vayan|renunc", _W + r"(?:quits?|leaves?|se va|se vaya|se van|se vayan|renuncia\w*)[^.;\n]{0,40}?"
     r"(?:(?:don'?t|doesn'?t|won'?t|will not|does not|do not) get (?:paid|his pay|her pay|their pay|the money)|loses? (?:[\w']+ ){0,2}?"
     r"(?:pay|wages|money|savings)|pierde\w* (?:lo guardado|su dinero|el sueldo|lo ahorrado|la paga|lo (?:que|q) (?:se le debe|le deben)))"
     + _E),
    # the boss has the money put away ("les tiene la plata guardada", "el dueño se lo guarda" after the pay)
    (r"guardad", _W + r"(?:tiene|tienen|tenia) (?:la plata|el dinero|el pisto|la lana|el sueldo|los sueldos|la paga|su dinero|"
     r"su plata|nuestro dinero|mi dinero) guardad[oa]" + _E),
    # (the guard holds the pay words before it: the match itself is the boss keeping it)
    (r"(?:pag|dinero|plata|pisto|sueldo|cheque|manda nada)[^.\n]{0,60}?se (?:lo|la) guarda", _W + r"(?:dueno|duena|patron|patrona|jefe|"
     r"jefa|boss|contratista|encargad[oa]|mayordomo) se (?:lo|la) (?:guarda|guardaba)" + _E),
    # pay at the boss's whim ("he pays us what he wants", "nos da lo que quiere")
    (r"what (?:he|she|they) (?:want|like|feel)|whatever|lo (?:que|q) (?:quiere|se le antoja|le da la gana)", _W + r"(?:(?:pays?|paid|gives?|gave) (?:us|me|them|him|her) (?:whatever|what) (?:he|she|they) "
     r"(?:wants?|likes?|feels like)|(?:nos|me|les|le) (?:da|paga|daba|pagaba) lo (?:que|q) (?:quiere|se le antoja|le da la gana))" + _E),
))


def wages_withheld(folded: str) -> list[ConceptHit]:
    """Pay that goes to an intermediary or a debt before (or instead of) the worker."""
    patterns = [*_WITHHELD, *_present(_WITHHELD_GUARDED, folded)]
    return _matches("cd_withholding_of_wages", patterns, WITHHELD_WEIGHT, folded, negative_wording=True)


_NEGATIVE_WORDING = re.compile(_W + r"(?:not|no|cannot|can'?t|sin|without|nobody|nadie|don'?t|doesn'?t|won'?t|wouldn'?t|none|nada|nothing|"
                               r"never|nunca|jamas|ninguna)" + _E,
                               re.IGNORECASE)


# A price put on leaving that is not a debt already owed: a "breach fee", a penalty, a
# season's rent, a lawsuit, a ruined licence (ILO/EC: threat of worse working conditions;
# the corpus README's decision for breach fees).
_LEAVING = (r"(?:quit|quits|quitting|leave|leaves|leaving|left|break (?:the |her |his |their )?contract|broke (?:the )?contract|"
            r"broke contract|resign\w*|renunci\w*|se va|se van|te vas|me voy|nos vamos|irse|irme|dejar el trabajo|"
            r"incumpl\w*|abandon\w*)")
_PRICE = (r"(?:\$ ?\d[\d,.]*\s*k?|\d[\d,.]*\s*(?:k|grand|mil|thousand|dolares|dollars)|fifty thousand|cincuenta mil|"
          r"penalty|breach fee|penalidad|multa|the whole (?:season|contract|year)'?s? (?:rent|pay)|the whole season of rent)")
_WORSE = [re.compile(p, re.IGNORECASE) for p in (
    _W + r"(?:if|si|anyone who|whoever|quien|el que|la que|los que)" + _E + r"[^.;\n]{0,40}?" + _W + _LEAVING + _E
    + r"[^.;\n]{0,60}?" + _W + r"(?:pay|pays|owe|owes|charge\w*|cobra\w*|deb\w*|pagar|paga\w*)" + _E + r"[^.;\n]{0,40}?"
    + _PRICE,
    _W + r"(?:\$ ?\d[\d,.]*|\d[\d,.]* (?:dolares|dollars)|fifty thousand)" + _E + r"[^.;\n]{0,30}?(?:for|por) (?:leaving|"
    r"quitting|breaking|incumplimiento|irse|renunciar|salirse)" + _E,
    _W + r"(?:(?:sue|sues|suing) (?:her|him|them|you|us|me)|(?:be|get|gets|got|were|was|are|is) sued|take (?:her|him|them|"
    r"you|us|me) to court|(?:were|was|are|be|get|gets) taken to court|(?:te|la|lo|los|las|le|les) (?:demando|demandan|"
    r"demandaria|demandarian|meten una demanda|mete una demanda|pone una demanda|ponen una demanda)|demandar(?:te|la|lo|los|las))" + _E,
    _W + r"(?:ruin|ruined|arruin\w*) (?:her|his|your|my|their|la|su|tu|mi) (?:license|licence|licencia|career|carrera)" + _E,
    _W + r"never work as (?:a )?nurses? again" + _E,
)]
# A contract's price on leaving, named as such: a threat wherever it is said, like a price on leaving.
_CONTRACT_PENALTY = re.compile(
    _W + r"(?:liquidated damages|breach (?:fee|penalty)|early (?:termination|departure) (?:fee|penalty)|"
    r"penalidad|clausula de penalizacion|multa por (?:renunciar|irse|salirse|romper el contrato))" + _E, re.IGNORECASE)
_LAWSUIT_FRAME = re.compile(_W + r"(?:if|si|threat\w*|amenaz\w*|warn\w*|would|will|'ll|told|said|dijo|dice|decia|"
                            r"cuando|when|who|que)" + _E, re.IGNORECASE)
WORSE_WEIGHT = 0.7


def worse_conditions_threats(folded: str, bounds: list[tuple[int, int]]) -> list[ConceptHit]:
    """A price on leaving, a lawsuit or a ruined licence held over the worker."""
    hits = []
    for pattern in (*_WORSE, _CONTRACT_PENALTY):
        for m in pattern.finditer(folded):
            sentence_start = max((s for s, _ in bounds if s <= m.start()), default=0)
            if pattern in (_WORSE[0], _CONTRACT_PENALTY) or _LAWSUIT_FRAME.search(folded, sentence_start, m.start() + 1):
                hits.append(ConceptHit("cd_threat_worse_conditions", m.start(), m.end(), WORSE_WEIGHT))
    return hits


# A punishment held over the worker (ILO/EC: threats to impose even worse working conditions):
# a condition ("if", "whoever", "el que", "or") and a loss of food, bed, better work, held pay or
# any future job: "el que se queje se queda tirado en la calle", "if somebody was slow he would
# get no breakfast", "anybody who talks to OSHA goes home with nothing", "he will tell them I
# steal, so no restaurant will take me", "fine, walk".
_PUNISH_FRAME = (r"(?:if|si|whoever|anyone who|anybody who|the next one who|the one who|el que|la que|los que|quien|"
                 r"or else|otherwise|if not|si no|o te|o se|or (?:you|he|she|they)|unless|when (?:she|he) refused|cuando \w+ no)")
_CONSEQUENCE = (
    r"(?:no|sin) (?:come|comen|comes|comemos|comer|comida|cena|cenar|cenan|desayuno|breakfast|dinner|food|lunch|supper)|"
    r"(?:gets?|get|got) no (?:breakfast|dinner|food|lunch|supper|meals?)|(?:doesn'?t|don'?t|won'?t) eat|"
    r"(?:don'?t|dont|doesn'?t|doesnt|won'?t|wont|didn'?t|didnt) get (?:any |no )?(?:dinner|food|breakfast|lunch|supper|meals?)|"
    r"leaves? (?:me|him|her|them|us|you) (?:in|at|on|by) (?:whatever|wherever|some|any)|sleep (?:on|in) the street|"
    r"se queda\w* sin (?:cenar|comer|comida|turno|cuarto)|"
    r"sleeps? (?:in the (?:barn|van|car|truck|street|yard)|outside|on the street|behind the dumpster)|"
    r"sleeping (?:behind|outside|in the (?:barn|van|street))|(?:a|en) la calle|tirad[oa]s? en la calle|botad[oa]s?|"
    r"(?:le|te|me|les|nos) quita\w* el cuarto|sin cuarto|(?:lose|loses) (?:the|his|her|my|their) (?:room|bed|bunk|housing)|"
    r"(?:the )?worst job|(?:a )?worse (?:job|place|field|shift|boss)|(?:donde|que) es peor|(?:al|a la) turno de noche|"
    r"steepest field|"
    r"(?:lose|loses|losing|pierde|pierdes|pierdo|perder|perderia|perderian) (?:the |his |her |my |their |your |todo |lo |el |la |"
    r"los |las |tu |su |mi )?(?:held|pay|money|bonus|bono|todo|everything|deposit|deposito|(?:\w+ )?(?:months|meses)|lo que|"
    r"what)|goes home with nothing|(?:sin|with) (?:nada|nothing|un centavo|a cent) (?:de|of)? ?(?:lo que|what)?|"
    r"no (?:me|le|te|les|nos) da nada de lo que|"
    r"(?:nobody|no one|no restaurant|no farm|no \w+) (?:will |would |in (?:this|the) (?:town|area) )?(?:hire|hires|take|takes|"
    r"give \w+ work|gives \w+ work)|lista negra|blacklist\w*|never (?:to )?hire|no (?:la|lo|los|las) (?:traen|contratan|vuelven a traer)|"
    r"won'?t (?:be brought|bring \w+) back|get rematched|"
    r"fine,? walk|walk back|left (?:him |them |her )?there|(?:lo|la|los|te) deja\w* (?:botad|tirad)\w*|"
    r"(?:(?:pay|pays|paga|pague|pagar|le cobra|cobra) (?:the |el |la |him |le |their |own |su )?|buys? (?:their|his|her|my|your) own )"
    r"(?:whole |todo el |completo )?(?:fare|ticket|bus|gas|pasaje|boleto|airfare|avion|plane|viaje|trip)")
_PUNISHMENT = re.compile(_W + _PUNISH_FRAME + _E + r"[^.;\n]{0,80}?" + _W + r"(?:" + _CONSEQUENCE + r")" + _E, re.IGNORECASE)
# Told to walk away from nowhere: the answer to "I want to go home" is itself the threat.
_STRANDED = re.compile(_W + r"(?:(?:said|dijo|says|dice)(?: que)? (?:fine|ok|okay|esta bien|pues),? (?:walk|start walking|camina|"
                       r"vete caminando|vete a pie)|then (?:walk|start walking) home)" + _E, re.IGNORECASE)
PUNISHMENT_WEIGHT = 0.7


# The general shape of such a threat, whatever is lost: whoever (or "if you") complains, quits,
# talks, asks or does not sell/obey, then a loss within the sentence: loses or forfeits something,
# goes without a room, food, a ride or shifts, is not brought back next season, nobody hires
# them, is dropped on the road, is sent somewhere worse, is fired. A loss told about the
# family, the police or immigration is another item's (violence on family, denunciation).
_IF_SOMEONE = (r"(?:if|whoever|anyone|anybody|the ones?|those|the next one|next time|"
               r"si|el que|la que|los que|las que|al que|a la que|a los que|quien|quienes|el q|la q|los q|al q|a quien|"
               r"cuando alguien)")
_DOES = (r"(?:complain\w*|quit\w*|leave|leaves|left|leaving|talk\w*|speak\w*|fuss\w*|makes? noise|ask\w*|refus\w*|"
         r"says? no|said no|runs?|ran|run off|goes to|go to|calls?|called|report\w*|miss\w*|walk\w* away|"
         r"(?:don'?t|dont|doesn'?t|doesnt|didn'?t|won'?t|wouldn'?t|do not|does not|did not) \w+|drops?|skips?|slows? down|"
         r"stops? working|moans?|gripes?|se niega\w*|se negar\w*|deja de trabajar|"
         r"said something|says something|se quej\w*|quej\w*|reclam\w*|habl\w*|se va|se van|se vaya|se vayan|se fue|se iba|"
         r"se raja|me voy|te vas|nos vamos|irse|falt\w*|no (?:vende|venden|trabaja\w*|obedece\w*|llega\w*|va|van|sal\w*)|"
         r"pid\w*|pregunt\w*|abandon\w*|dice algo|dijo algo|deja\w* el trabajo|renunci\w*|se escap\w*|escap\w*|walk\w* off|"
         r"no lo hacen?|no (?:le |les )?(?:quiere|quieren|junta|juntan|lleva|llevan|llevo|trae|traen|termina\w*)|goes? home|go home|leaves? the tour)")
_LOSS = (r"(?:lose|loses|losing|forfeit\w*|pierde\w*|pierdo|perder\w*|perdia\w*|"
         r"no (?:more|further) (?:shifts?|hours|work|rides?)|gets? no (?:more )?(?:shifts?|hours|work|ride|pay)|"
         r"(?:don'?t|doesn'?t|won'?t) get (?:the|a|any) (?:ride|shifts?|hours|work|bed|room)|"
         r"no (?:le|les|te|me|nos|lo|la|los) (?:da|dan|daba|daban|dara|van a dar) (?:de comer|trabajo|ruta|cena|ride|raite|horas|turnos?)|"
         r"sin (?:cuarto|cama|techo|motel|cena|comida|comer|ride|raite|trabajo|visa|pago|paga|horas|turnos?|ruta|casa|un dolar|nada|"
         r"chamba)|"
         # sent home on foot or by the next bus, shut out, made to sleep on the floor ("the next one who talks walks home to
         # Michoacan", "me regreso a pie", "no los deja entrar a la casa", "me toca dormir en el piso")
         r"walks? home|walking home|(?:regres\w*|vuelve\w*|se va|se van|me voy|te vas) (?:caminando|a pie)|"
         r"(?:on|in) the (?:next |first )?(?:bus|plane|flight) (?:to|back|home)|en el (?:primer|proximo|siguiente) (?:bus|camion|autobus)|"
         r"no (?:los|las|lo|la|nos|me|te) deja\w* (?:entrar|dormir|comer)|(?:me|le|les|nos|te) toca dormir|"
         r"sleeps? (?:outside|in the (?:car|truck|van|garage))|(?:a )?dormir (?:afuera|en el piso|en la (?:troca|camioneta|calle))|"
         r"sleep (?:on|in) the street|(?:a )?dormir a la calle|"
         r"owes? (?:him |her )?(?:for )?(?:the )?(?:flights?|airfare|plane tickets?)|pay (?:him|her) (?:back )?(?:the )?\$? ?\d[\d,]*|"
         r"no (?:come|comia|comen|cena|cenan)|next (?:season|year)|(?:proximo|siguiente) (?:season|ano|temporada)|el ano que entra|"
         r"(?:not|never|won'?t) (?:be )?(?:asked|brought|hired|invited|called) back|no (?:regresa|vuelve|regresaba|volvia)|"
         r"nobody (?:will |would |in \w+ )?hires?|never (?:be )?hired|nadie (?:le|la|lo|me|te|los|las|nos) (?:va a )?(?:da|dar|contrat\w*)|"
         r"no (?:lo|la|los|las|me|te) vuelve\w* a (?:pedir|contratar|traer|llamar)|blacklist\w*|lista negra|"
         r"dropped|drop (?:him|her|them|you|me) off|left (?:at|on|in|there|behind)|puts? (?:them|him|her|you|me|us) out|"
         r"on the road|a la calle|en la calle|deja\w* (?:en|botad\w*|tirad\w*)|start walking|walk back|worse|peor|"
         r"cut (?:his |her |their |your |my )?hours|quita\w* (?:la|el|las|los) (?:casa|ruta|horas|turnos?|cuarto|bono|trabajo|pago|paga|sueldo|"
         r"cheque|dia|semana)|"
         r"fired|corre|corria|correr\w*|corrio|despid\w*|no cobra\w*|sin paga|"
         # the price of leaving: the whole debt, car or fare at once ("then I owe the whole car", "que le pagara el boleto")
         r"owes? (?:him |her )?(?:the )?(?:whole|entire|full)|pays? (?:him |her )?(?:it |everything |all )?back|"
         r"(?:le )?(?:pague|pagara|pagaria) (?:todo|el boleto|el pasaje|la visa|lo de)|(?:debe|debo|debes) (?:todo|el total))")
# "When I said the work was not what we agreed, he said he could make it worse": the loss answered to what the worker
# said or asked; the answer must be said ("he said", "dijo que"), so a story of what then happened is not read as a threat.
_WHEN_ASKED = re.compile(_W + r"(?:when|cuando) (?:i|we|he|she|they|yo|le|les|nosotros|ella|el)" + _E + r"[^.;\n]{0,15}?" + _W
                         + r"(?:" + _DOES + r"|told|tell|tells|said|say|says|dije|dijo|dijimos)" + _E
                         + r"[^.;\n]{0,60}?" + _W + r"(?:said|says|told|tells|answered|replied|dijo|dice|contesto|respondio)" + _E
                         + r"[^.;\n]{0,50}?" + _W + _LOSS + _E, re.IGNORECASE)
# Whatever is said: the worker's life made worse ("he could make it worse", "make your life hell", "le hace la vida imposible")
_WORSE_LIFE = re.compile(_W + r"(?:make|makes|made|making|hacer|hace|hacerle|hacerte|hacerles|le hace|te hace|les hace)"
                         r" (?:it|things|your life|his life|her life|their life|their lives|life|la vida|tu vida|su vida)"
                         r" (?:worse|harder|hell|miserable|a living hell|imposible|un infierno|de cuadritos|peor|mas dificil)" + _E,
                         re.IGNORECASE)
# Sent (back) to an institution as the price: "anyone who complains goes straight back to the state hospital", "he'd have
# me locked up in the psych ward", "los encierra en el hospital psiquiátrico" (lock words are otherwise another item's).
_INSTITUTION = re.compile(_W + _IF_SOMEONE + _E + r"[^.;\n]{0,45}?" + _W + _DOES + _E + r"[^.;\n]{0,70}?" + _W
                          + r"(?:state hospital|mental hospital|psych(?:iatric)? ward|locked ward|state school|hospital psiquiatrico|"
                          r"hospital de enfermos mentales|manicomio|institution|institucion)" + _E, re.IGNORECASE)
# the newer shapes, guarded
_PUNISHMENT_GUARDED = _guarded(((r"worse|harder|hell|miserable|imposible|infierno|cuadritos|peor|dificil", _WORSE_LIFE),
                                (r"hospital|ward|school|institu|manicomio", _INSTITUTION)))
_LOSS_GUARDED = _guarded(((r"\b(?:when|cuando)\b", _WHEN_ASKED),))
# A threat reported as said, whatever the condition ("the supervisor dijo q si lo llevábamos al hospital nos corría",
# "she said au pairs who complain get rematched", "dice q el q se quiera ir se va sin su dinero"): the speaker, a
# condition and a loss in one sentence. Rules of a lawful workplace (drug tests, harnesses, lateness, theft) are left out.
_SAID_THREAT = re.compile(
    _W + r"(?:said|says|say|told|tells|warn\w*|texted|answered|replied|contesto|respondio|dijo|dice|decia|dicen|dijeron)" + _E
    + r"[^.;\n]{0,40}?" + _W + r"(?:if|si|whoever|anybody who|anyone who|[a-z]+s who|el que|el q|la que|la q|al que|al q|"
    r"los que|quien|quienes)" + _E + r"[^.;\n]{0,60}?" + _W + r"(?:" + _LOSS[3:-1] + r"|rematched|stops? getting|"
    r"disappear\w* from|off the schedule|no hay (?:llamadas|comida|cena|commissary|visitas|ruta|trabajo)|no (?:calls|canteen|"
    r"commissary)|sin su (?:dinero|pago|cheque|sueldo|papeles)|no (?:lo|la|los|me|te) vuelv\w* a traer|se las arregla\w*|"
    r"me las arreglo|demanda\w*|sues?|(?:nos|me|lo|la|los|te) corr\w*|the hole|sees? a dime|without a dime|"
    r"sin un (?:centavo|dolar|peso)|descuenta\w* (?:la|el|toda|todo) (?:semana|dia|mes|pago|cheque)|"
    r"(?:owe|owes|debo|debe|pay|pays|paga|pague) (?:him |her |me |le )?(?:for )?(?:the |el |la )?(?:plane|ticket|fare|pasaje|"
    r"boleto|truck|camion|troca))" + _E, re.IGNORECASE)
_LAWFUL_RULE = re.compile(r"drug|alcohol|drunk|borrach|harness|arnes|safety|seguridad|\blate\b|tarde|tardy|steal|theft|"
                          r"\broba|\brobo|fight|pelea|helmet|casco|\btests?\b|prueba|no-?show|sin avisar|without calling|"
                          r"goggles|lentes|gloves|guantes", re.IGNORECASE)
_CONDITIONAL_LOSS = re.compile(_W + _IF_SOMEONE + _E + r"[^.;\n]{0,45}?" + _W + _DOES + _E + r"[^.;\n]{0,70}?" + _W + _LOSS + _E,
                               re.IGNORECASE)
_THREATENED_LOSS = re.compile(_W + r"(?:threaten\w*|amenaz\w*|warn\w*|advirti\w*|advierte\w*)" + _E + r"[^.;\n]{0,50}?"
                              + _W + _LOSS + _E, re.IGNORECASE)
_OTHER_HARM = re.compile(r"famil\w*|migra|immigration|inmigracion|police|policia|sheriff|deport\w*|golpe\w*|beat\w*|"
                         r"correccional|juez|judge|consulad\w*|consulate|embajada|embassy|(?:siguiente|proximo|primer) camion|"
                         r"hit|hits|pega\w*|encierr\w*|lock\w*", re.IGNORECASE)
# The day not worked goes unpaid ("el que no llega al autobús pierde el día"): a consequence, not a punishment.
_LOST_DAY = re.compile(r"\s*(?:el|ese|that|the) (?:dia|day)(?!\w)", re.IGNORECASE)


def punishment_threats(folded: str) -> list[ConceptHit]:
    """A loss of food, bed, work or held pay made the price of a complaint, a refusal or leaving."""
    hits = _matches("cd_threat_worse_conditions", [_PUNISHMENT, _STRANDED, *_present(_PUNISHMENT_GUARDED, folded)],
                    PUNISHMENT_WEIGHT, folded, negative_wording=True)
    hits += [ConceptHit("cd_threat_worse_conditions", m.start(), m.end(), PUNISHMENT_WEIGHT,
                        negative_wording=bool(_NEGATIVE_WORDING.search(m.group())))
             for pattern in (_CONDITIONAL_LOSS, _THREATENED_LOSS, *_present(_LOSS_GUARDED, folded)) for m in pattern.finditer(folded)
             if not _OTHER_HARM.search(m.group()) and not _LOST_DAY.match(folded, m.end())]
    hits += [ConceptHit("cd_threat_worse_conditions", m.start(), m.end(), PUNISHMENT_WEIGHT,
                        negative_wording=bool(_NEGATIVE_WORDING.search(m.group())))
             for m in _SAID_THREAT.finditer(folded)
             if not _OTHER_HARM.search(m.group()) and not _LAWFUL_RULE.search(m.group()) and not _LOST_DAY.match(folded, m.end())]
    return hits


# A smuggled person handed on to whoever pays the smuggler (ILO/EC: sale of the person): "the
# coyote handed him to a labor contractor", "el coyote me entregó a un señor que le pagó lo que yo
# debía", "the owner 'paid what you still owed'", "bought his smuggling debt". Read only where the
# text names a smuggler, so a nurse handing a patient to a doctor is not a sale.
_SMUGGLER = re.compile(_W + r"(?:coyotes?|smugglers?|snakeheads?|polleros?|pasador|guia|cabeza de serpiente|human smuggl\w*)" + _E,
                       re.IGNORECASE)
_RECEIVER = (r"(?:contractor|subcontractor|crew ?(?:leader|boss|chief)|boss|man|woman|owner|couple|family|employer|patr[oó]n|"
             r"rancher|farmer|senor|senora|hombre|mujer|contratista|subcontratista|jefe|duen[oa]|pareja|patron|patrona|"
             r"mayordomo|raitero|troquero)")
_HANDED_ON = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:handed|delivered|gave|turned|passed|sold|traded) (?:him|her|me|us|them)(?: and [\w ]{1,20}?others?)? (?:over )?to "
    r"(?:a|an|the|his|her|some|one) (?:[\w'-]+ ){0,3}?" + _RECEIVER + _E,
    _W + r"paid (?:what (?:was missing|you still owed|i still owed|he still owed|she still owed|was left|remained)|the rest|"
    r"the balance)" + _E,
    _W + r"(?:took over|taken over|bought|buys|purchased)['\"]? (?:my|his|her|their|the) (?:\$ ?[\d,]+ )?(?:\w+ )?(?:debt|balance)" + _E,
    _W + r"(?:me|lo|la|los|las|nos) (?:entrego|entregaron|entregaba|paso|pasaron|vendio|vendieron|cambio)"
    r"(?: directo)?(?: en [\w ]{1,20}?)? (?:a|con) (?:un|una|el|la|unos|unas|su) (?:[\w'-]+ ){0,3}?" + _RECEIVER + _E,
    _W + r"(?:le pago|le pagaron|le dio (?:el )?dinero|le dieron (?:el )?dinero) (?:a el|lo que (?:faltaba|yo debia|debia|"
    r"el debia|ella debia|le debia|quedaba))" + _E,
    _W + r"(?:compro|se quedo con|asumio|agarro) (?:mi|su|la) deuda" + _E,
)), re.IGNORECASE)]
HANDED_ON_WEIGHT = 0.75


def handed_on(folded: str) -> list[ConceptHit]:
    """A smuggled person handed on to whoever pays the smuggler (read only where a smuggler is named)."""
    if not _SMUGGLER.search(folded):
        return []
    return _matches("cr_abduction_forced_marriage_adoption_sale", _HANDED_ON, HANDED_ON_WEIGHT, folded)


# Made to commit crimes for the controller (ILO/EC: forced to engage in illicit activities):
# a compulsion ("makes us", "sends him", "los pone a", "me toca") and an illicit act (selling or
# carrying drugs, stealing, passing fake bills) in the same sentence. Crime by choice ("we steal
# to resell and split the money; nobody sends us") has no compulsion and is left alone.
_COMPULSION = (r"(?:makes?|made|making|forc\w*|sends?|sent|puts?|has (?:him|her|them|us|me|the \w+)|had (?:him|her|them|"
               r"us|me)|told (?:him|her|them|us|me) to|have to|has to|had to|must|manda\w*|mando|pone\w*|puso|obliga\w*|"
               r"tiene que|tenia que|tienen que|tenemos que|tengo que|(?:me|le|les|nos) toca\w*|(?:los|las|nos|me|lo|la) "
               r"(?:pone|ponen|ponia|ponian|manda|mandan|mandaba|mandaban))")
_DRUG = (r"(?:drugs?|pills|crack|meth|cristal|cocaine|coke|weed|marijuana|mota|drogas?|paquetitos?|packets|little bags|"
         r"bolsitas|baggies|fentanyl|heroin|pastillas|perico|piedra|(?:the )?mercancia de ellos)")
_ILLICIT_ACT = (r"(?:(?:sell\w*|sold|deliver\w*|carry\w*|carried|pass\w*|deal\w*|move|moving|run\w*|vend\w*|dejar|deja|"
                r"entreg\w*|repart\w*|llevar|lleva|cuidar\w*|guardar|pasar|put\w*|pon\w*)(?: \w+){0,4} " + _DRUG
                + r"|" + _DRUG + r"(?: \w+){0,3} (?:in|into|en) (?:the )?(?:take-?out|orders?|pedidos|carros|cars)"
                r"|steal\w*|stole|stolen|robar|roban|robaba|shoplift\w*|catalytic converters?|billetes falsos|fake bills|"
                r"counterfeit\w*|(?:bags|bolsas) (?:they carry |que llevan )?(?:arent|aren't|are not|no son) (?:food|comida))")
_FORCED_ILLICIT = re.compile(_W + _COMPULSION + _E + r"[^.;\n]{0,80}?" + _W + _ILLICIT_ACT + _E, re.IGNORECASE)
_ILLICIT_PAYING_DEBT = re.compile(
    _W + r"(?:pay\w*|paga\w*|abona\w*|work\w* off)(?: \w+){0,4} (?:selling|vendiendo|carrying|cargando|robando|stealing)"
    + _E + r"|" + _W + r"(?:vendiendo|selling) " + _DRUG + _E + r"[^.;\n]{0,40}(?:debt|deuda|owe|debe)" + _E, re.IGNORECASE)
ILLICIT_WEIGHT = 0.75


def forced_illicit(folded: str) -> list[ConceptHit]:
    """A compulsion and an illicit act in the same sentence, or crime done to pay a debt."""
    return _matches("cd_forced_illicit_activities", (_FORCED_ILLICIT, _ILLICIT_PAYING_DEBT), ILLICIT_WEIGHT, folded)


# A charge for the job, the visa or the trip (ILO/EC: deceptive recruitment, travel and
# recruitment conditions): a recruiter or agency charging an amount, the worker paying one, or
# the employer charging for the trip out of the pay. A debt for the trip is debt bondage and, by the annotation
# rules, the trip's charge (travel_debt gives both); a smuggler's fee is ctx_paid_to_cross_border.
_RECRUITER = (r"(?:recruiters?|agency|agencies|agents?|brokers?|placement (?:agency|company)|reclutador\w*|agencia|"
              r"enganchador\w*|gestor\w*|intermediari\w*|contratista|la agencia de (?:alla|aca))")
_CHARGED = (r"(?:charged|charges|charge|charging|cobr\w*|took|asked (?:for|me for|us for)|wanted|pidio|pidieron|"
            r"made (?:me|us|him|her|them) pay)")
_FEE_AMOUNT = (r"(?:(?:us)?\$ ?\d[\d,.]*\s*k?|\d[\d,.]*\s*(?:k|mil|pesos|dollars|dolares|dlls?|euros|quetzales|lempiras|soles|"
               r"rupees|pesos|thousand)|(?:for|por) (?:the |el |la |los |my |mi )?(?:visa|job|trip|ticket|processing|placement|"
               r"program|programa|flight|paperwork|papeles|trabajo|viaje|pasaje|contrato|apuntarme|apuntarnos|inscribirme))")
_TRIP_THING = (r"(?:processing|the visa|visa loan|plane ticket|the ticket|ticket|the flight|flight|the fare|fare|the trip|"
               r"placement fee|recruitment fee|la visa|el viaje|viaje|el pasaje|pasaje|el vuelo|vuelo|el boleto|boleto|"
               r"los papeles|la contratacion)")
_FEE = [re.compile("|".join(f"(?:{p})" for p in (
    _W + _RECRUITER + _E + r"[^.;\n]{0,40}?" + _W + _CHARGED + _E + r"[^.;\n]{0,30}?" + _FEE_AMOUNT + _E,
    _W + r"(?:paid|pague|pagamos|pagaron)" + _E + r"(?: \w+){0,2} (?:the |a |an |al |a la |a una |a un )?"
    r"(?:recruiters?|agency|reclutador\w*|agencia|enganchador\w*)" + _E + r"[^.;\n]{0,40}?" + _FEE_AMOUNT + _E,
    _W + r"(?:cobrando|charging (?:me|us|him|her|them) for) (?:el |la |the )?" + _TRIP_THING + _E,
    # a sum paid, charged or owed for the visa, the trip, the papers or a place on the list, whoever took it
    # ("pagué 28 mil pesos para entrar en la lista", "le cobra 600 por el viaje"); a sum owed for the trip is the debt's (the
    # corpus labels "owes 2,000 por el viaje" cr_debt_bondage alone)
    _W + r"(?:paid|pay|pays|pague|pago|pagamos|pagaron|cobra|cobro|cobraron|cobraba|charged?|charges|dimos|dieron|le di|le dio)"
    + _E + r"(?: [\w$,.]+){0,3}? ?\$? ?\d[\d,.]*(?: mil| thousand|k)?(?: (?:pesos|dolares|dollars|dls|dlls|usd|quetzales|lempiras|soles|yuan))?"
    r"(?: (?:a|to) (?:un|una|el|la|the|a|an) \w+)?(?: (?:en|in) \w+)?(?: (?:a cada uno|cada quien|cada uno|each))? (?:for|por|para|de) "
    r"(?:the |el |la |los |las |his |my |her |su |mi )?\W?"
    r"(?:visas?|trip|ticket|tickets|boleto|pasaje|flight|vuelo|airfare|papers|papeles|paperwork|papeleo|tramites?|"
    r"(?:a )?(?:lugar|place) (?:en|on) la lista|the list|la lista|entrar en la lista|the job|el trabajo|la chamba|contrato|"
    r"contract|permit|permiso|viaje|camino|transporte|ride (?:up|here|north|from)|curso|training(?: fee)?|guide school|fianza|"
    r"dar(?:le|me|nos|les) el trabajo|permit lawyer|the permit lawyer|abogado del permiso|que (?:me|nos|lo|la|los|las) "
    r"(?:trajera|trajeran))" + _E,
    # the charge named before the sum ("charged $1,500 'training fee'", "nos cobró 12 mil pesos de fianza" is above)
    _W + r"(?:charged?|charges|took|cobr\w*) (?:him |her |me |us |them |each )?\$ ?\d[\d,.]*(?: mil| thousand|k)? \W?(?:training|placement|"
    r"recruitment|processing|visa|hiring) fees?" + _E,
    _W + r"(?:para entrar en|para apuntarlo en|por apuntarlo en|to get on|for a place on) (?:la|the) (?:lista|list)" + _E,
)), re.IGNORECASE)]
FEE_WEIGHT = 0.75


def recruitment_fees(folded: str) -> list[ConceptHit]:
    """A charge for the job, the visa or the trip, told as a charge, a payment or a debt."""
    return _matches("dr_travel_recruitment_conditions", _FEE, FEE_WEIGHT, folded)


# A debt for the journey or the job itself (ILO/EC: debt bondage at recruitment): money borrowed for the fee, the visa or
# the trip ("a placement fee of 180,000 pesos borrowed from a lender", "mi esposa los pidió prestados al diez por ciento"),
# a lender named at all, or the trip owed to whoever paid it ("they owe the owner for flights", "todo va para el pasaje"). The
# trip to be paid back only if the worker leaves is the price of leaving (a threat of worse conditions), not this debt.
_TRIP_COST = (r"(?:fees?|visas?|tickets?|trip|plane|flights?|airfare|fare|bus|ride|passage|crossing|coyote|smuggler|snakehead|"
              r"recruit\w*|agency|agent|placement|processing|cuota|visa|viaje|pasaje|boleto|vuelo|raite|cruce|reclutador\w*|"
              r"enganchador\w*|agencia|lugar en la lista|papeleo|tramites?)")
_BORROWED = (r"(?:borrow\w*|took (?:out )?a loan|loan (?:from|at)|lent (?:him|her|them|me|us) the|pidi\w* prestad\w*|"
             r"(?:los|lo|la|las) pidi\w* prestad\w*|(?:me|le|les|nos) (?:lo |la |los )?prest\w*|saco un prestamo|sacamos un prestamo|"
             r"con (?:un )?prestamo|al (?:\d+|diez|veinte|cinco) (?:%|por ciento)(?: al mes| mensual)?)")
_BORROW_WORD = r"borrow|loan|lent|prest|%|por ciento"
# money kept "para el viaje de regreso" is the worker's savings for going home, not a debt for the trip here
_NOT_HOMEWARD = r"(?! de (?:regreso|vuelta)| (?:a casa|a mi (?:pais|tierra|pueblo|casa)|para (?:mi|su) (?:casa|pueblo|tierra)))"
_TRAVEL_DEBT = _guarded((
    (_BORROW_WORD, _W + _TRIP_COST + _E + r"[^.;\n]{0,70}?" + _W + _BORROWED + _E),
    (_BORROW_WORD, _W + _BORROWED + _E + r"[^.;\n]{0,50}?" + _W + _TRIP_COST + _E),
    (r"lender|loan|prestamista|agiotista|usurer",
     _W + r"(?:money ?lenders?|loan ?sharks?|a lender|the lender|loan man|prestamistas?|agiotistas?|usurer)" + _E),
    (r"owe", _W + r"(?:owe|owes|owed|owing)" + _E + r"(?: [\w$,.]+){0,3}? (?:for|the) (?:the |my |his |her |their |our )?"
    r"(?:flights?|plane|tickets?|bus|ride|trip|gas from|airfare|visas?|passage|crossing|bringing)" + _E),
    (r"deb|deuda|pagando|para", _W + r"(?:debe|debo|debemos|deben|debia|deuda|pagando|va para|van para|es para)" + _E
     + r"(?: \w+){0,2}? (?:del?|por el|por la|el|la|los) (?:pasaje|viaje|raite|boleto|vuelo|cruce|traida|autobus|camion|bus)" + _E
     + _NOT_HOMEWARD),
    # the pay kept back for the journey: "he hands us 80 dollars and says the rest of our pay is for the crossing",
    # "me da 100 dólares y dice que lo demás es por el viaje"
    (r"rest|resto|demas", _W + r"(?:(?:the )?rest(?: of (?:our|my|his|her|their|the) (?:pay|check|money|wages))?|el resto|lo demas)"
     r"(?: \w+){0,3}? (?:is|goes|go|went|es|va|se va) (?:for|to|towards|para|por|a) (?:the |my |our |his |her |their |el |la |lo del? )?"
     r"(?:crossing|trip|passage|visa|ticket|flight|coyote|smuggler|viaje|cruce|pasaje|boleto|vuelo|raite|visa|coyote)" + _E
     + _NOT_HOMEWARD),
))
TRAVEL_DEBT_WEIGHT = 0.7



def travel_debt(folded: str) -> list[ConceptHit]:
    """Money borrowed or owed for the trip, the visa or the recruiter's fee."""
    hits = _matches("cr_debt_bondage", _present(_TRAVEL_DEBT, folded), TRAVEL_DEBT_WEIGHT, folded)
    # the charge for the trip is itself the recruitment condition: the annotation rules make "charges for the job, visa or
    # trip" dr_travel_recruitment_conditions, and 61% of train's recruitment debts carry both labels (2026-12-06 night:
    # train +120 tp / +63 fp; the rest are labels the rule says are missing)
    return hits + [ConceptHit("dr_travel_recruitment_conditions", h.start, h.end, h.weight) for h in hits]


# The family's home named as a place the boss can reach, which the worker is meant to hear as a threat ("keeps a list
# of their families' addresses in case anybody runs off", "conoce la casa de su mamá en Comayagua", "le manda a su
# gente a la casa de mi papá"): violence against the family (ILO/EC), told without a verb of harm.
_FAMILY_PERSON = (r"(?:families|family|familias?|mothers?|moms?|mama|madre|fathers?|dads?|papa|padres|parents|wife|esposa|kids|"
                  r"children|hijos|hijas|abuela|grandmother)")
_FAMILY_GUARD = r"famil|mam|madre|pap|padres|parent|mother|mom|father|dad|wife|esposa|kids|children|hij|abuel"
_FAMILY_REACHED = _guarded(tuple((_FAMILY_GUARD, p) for p in (
    _W + r"(?:list|lista) (?:of|de) (?:the |their |his |her |our |my |las |sus )?(?:workers'? )?" + _FAMILY_PERSON
    + r"(?:'s|')? ?(?:home |house )?(?:addresses|address|direcciones|direccion|casas)" + _E,
    _W + r"(?:knows?|conoce\w*|sabe\w*) (?:la casa|la direccion|el pueblo|el rancho|the house|the address|the village) (?:de|of) "
    r"(?:su|mi|tu|sus|mis|his|her|my|their|your) " + _FAMILY_PERSON + _E,
    _W + r"(?:mand\w*|envia\w*|send\w*|sent) (?:a )?(?:su |sus |his |some |a )?(?:gente|hombres|amigos|primos|people|men|guys|someone|"
    r"alguien) (?:a la casa de|a cobrar\w* a (?:la casa de )?|to (?:the house of|collect from)?) ?(?:su|mi|tu|sus|mis|his|her|my|"
    r"their|your) " + _FAMILY_PERSON + _E,
    # where the family lives, studies or works, known to the boss or his people ("the people at the border know where each
    # of our families lives", "sabe en qué escuela estudian sus hijos", "know where mi mamá sells empanadas")
    _W + r"(?<!i )(?<!we )(?:knows?|know|sabe|saben|conoce\w*) (?:where|donde|en que) (?:each of )?(?:[\w']+ ){0,3}?" + _FAMILY_PERSON + _E,
    _W + r"(?:knows?|know|sabe|saben|conoce\w*) (?:their|our|my|his|her|your|sus|nuestras?) (?:families'?|family'?s|mother'?s|mom'?s|"
    r"wife'?s|parents'?) (?:village|house|home|address|town|pueblo)" + _E,
    # the family's house shown or its address held ("showed me a photo of my mother's house", "has my wife's address")
    _W + r"(?:has|have|had|showed|shows|sent|tiene|tenia|mostro|enseno|mando) (?:me |us |them |him |her |nos |les |le |me )?"
    r"(?:a |una |unas )?(?:photos?|pictures?|fotos?) (?:of|de) (?:their|our|my|his|her|your|la|las|sus|mi|su) (?:[\w']+ )?"
    r"(?:houses?|homes?|casas?)" + _E,
    _W + r"(?:has|have|had|tiene|tenia) (?:my|his|her|their|our|mi|su) (?:wife'?s|mother'?s|family'?s|mom'?s|parents'?) address" + _E,
    # his people sent to visit the family, or the debt collected from them ("su gente va a visitar a mi mamá", "a su papá le van a
    # cobrar la deuda")
    _W + r"(?:gente|people|men|guys|hombres) (?:[\w']+ ){0,3}?(?:visitar|visit|ir a ver|go see|pay a visit to) (?:a )?(?:mi|su|tu|my|his|"
    r"her|their|your) " + _FAMILY_PERSON + _E,
    _W + r"a (?:su|mi|tu|sus|mis) " + _FAMILY_PERSON + r"(?: [\w']+){0,3}? (?:le|les) (?:van|va|iban|iba) a cobrar" + _E,
)))
FAMILY_REACHED_WEIGHT = 0.7
# The family made the price of leaving or talking, whatever the words of harm: "if he leaves, his father loses the land",
# "si se va, su gente va a ir con mi mamá", "told him if he runs, 'your family's land in Punjab is finished'", "if you go,
# your brother pays what you owe". A condition the worker controls, then a relative, then what befalls them, in one
# sentence (ILO/EC: violence or threats against the family). The loss to the worker alone is another item's.
_RELATIVE = (r"(?:famil\w*|mothers?|moms?|mama|mami|madre|fathers?|dads?|papa|papi|padres|parents|wife|wives|husband|esposo|esposa|"
             r"kids|children|child|sons?|daughters?|hij[oa]s?|brothers?|sisters?|herman[oa]s?|abuel[oa]s?|grandmother|grandparents|"
             r"cousins?|prim[oa]s?|relatives|parientes|ninos|ninas|la casa de ustedes|your people back home)")
_BEFALLS = (r"(?:los(?:e|es|t|ing)|pierd\w*|perder\w*|perdio|quita\w*|take \w+ away|takes? away|burn\w*|quem\w*|(?:will|would|could|gonna|going to|ll) (?:\w+ )?visit|(?:get|gets|got|pay \w+|recibir|recibe\w*) (?:a |unas? )?visit\w*|visitar\w*|visitan|"
            r"(?:va|van|iba|iban|vamos) a (?:ir|visitar|cobrar|buscar|pasar|sufrir|pagar)|go(?:es)? (?:to|after)|goes? looking|"
            r"hear from|is next|sigue\w*|les? va a ir mal|pasar\w* algo|happen\w*|suffer\w*|sufr\w*|foster care|never see|"
            r"nunca (?:va a )?(?:ver|volver a ver)|hurt|harm|kill\w*|mata\w*|beat\w*|golpe\w*|finished|acab\w*|cobr\w*|"
            r"pays? (?:what|for|the|his|her|your)|paga\w* (?:lo|la|el|su|tu|todo)|the street|la calle|knows? where|sabe\w* donde)")
_FAMILY_PRICE = re.compile(_W + _IF_SOMEONE + _E + r"[^.;\n]{0,45}?" + _W + _DOES + _E + r"[^.;\n]{0,70}?" + _W + _RELATIVE + _E
                           + r"[^.;\n]{0,50}?" + _W + _BEFALLS + _E, re.IGNORECASE)
_FAMILY_PRICE_GUARDED = _guarded(((_FAMILY_GUARD + r"|herman|brother|sister|son|daughter|husband|esposo|prim|cousin|relativ|"
                                   r"parient|nin|ustedes|people back", _FAMILY_PRICE),))


def family_reached(folded: str) -> list[ConceptHit]:
    """The family's home or address held over the worker, or the family made the price of leaving or talking."""
    return _matches("cd_violence_on_family", [*_present(_FAMILY_REACHED, folded), *_present(_FAMILY_PRICE_GUARDED, folded)],
                    FAMILY_REACHED_WEIGHT, folded)


# Violence told by its marks or in everyday verbs (ILO/EC: violence on the person): "busted his lip with the clipboard",
# "put his hand around her throat", "came back with his face all purple", "le rompió la nariz", "amaneció golpeada",
# "lo trajeron de vuelta con la cara hinchada", "le dio un puño", "me castigó con el encendedor". Facial injuries and
# grips only: a broken finger or arm is as often an accident (unsafe-only stories), which the vetoes read.
_BODY_FACE_EN = r"(?:nose|lip|lips|jaw|teeth|tooth|eye|eyebrow|ribs|face|head)"
_BLOWS = _guarded((
    (r"broke|busted|split|cracked|bloodied", _W + r"(?:broke|busted|split|cracked|bloodied) (?:\w+'s |his |her |my |their |one of (?:his|her|my) )"
     + _BODY_FACE_EN + _E),
    (r"throat|neck|hair|collar", _W + r"(?:hands? (?:around|on) (?:her|his|my|their) (?:throat|neck)|(?:grabbed|grabs|choked|chokes) "
     r"(?:him|her|me|them|one of them|a boy|a girl|the boy|the girl) by the (?:back of the )?(?:neck|throat|hair|collar))" + _E),
    (r"purple|swollen|bloody|black|unable|beaten", _W + r"(?:came|comes|was brought|were brought|brought him|brought her) back "
     r"(?:with (?:his|her|their) (?:face|eye|eyes|lip|nose) (?:all )?(?:purple|swollen|bloody|black|busted)|unable to (?:sit|walk|stand)|"
     r"(?:all )?(?:beaten|bloody|bruised))" + _E),
    (r"burn|quem", _W + r"(?:burned|burnt) (?:his|her|my|their) (?:arm|hand|forearm|skin|neck|back|face) with (?:a |the )?"
     r"(?:cigarette|lighter|iron|hot|welding|torch)|(?:pressed|put|held) (?:a |the )?(?:hot|burning|lit|red-hot) (?:\w+ )?(?:rod|iron|"
     r"cigarette|pan) (?:on|to|against) (?:him|her|me|his|her|my)|(?<!se )(?:le|les|me|nos|la|lo) quem\w* (?:el brazo|la mano|la piel|la espalda|"
     r"con (?:un |el )?(?:cigarro|encendedor|cautin|fierro caliente))" + _E),
    (r"romp|abri|revent|queb", _W + r"(?:le|les|me|nos) (?:rompio|abrio|revento|quebro) (?:la|el|los|las) (?:nariz|boca|ceja|labio|labios|"
     r"cabeza|diente|dientes|costillas|cara|mandibula)" + _E),
    (r"golpead|hinchad|morad", _W + r"(?:(?:lo|la|los|las|me|nos) (?:trajeron|regresaron|devolvieron|traen|regresan)(?: de vuelta| de regreso)? "
     r"(?:todo |toda |todos |todas )?(?:con la cara (?:hinchada|morada|golpeada)|golpead[oa]s?|hinchad[oa]s?)|amanecio golpead[oa]s?|"
     r"con (?:la cara|el ojo|los ojos|la boca) (?:toda )?(?:hinchad[oa]s?|morad[oa]s?|reventad[oa]))" + _E),
    (r"puno|puño|golpe|bofetada|cachetada|patada|castig|agarr", _W + r"(?:(?:le|les|me|nos) (?:dio|dieron|daba|da) (?:un |una )?(?:puno|golpe|"
     r"bofetada|cachetada|patada|madrazo|chingadazo)|(?:me|lo|la|le|los|las|nos) castig\w* con (?:el|la|un|una) (?:encendedor|cinturon|"
     r"fusta|cable|palo|chicote|manguera)|(?:la|lo) agarr\w* a la fuerza|(?:lo|la|los|las) agarraron entre (?:dos|tres|varios))" + _E),
))
BLOWS_WEIGHT = 0.75


def blows_by_their_marks(folded: str) -> list[ConceptHit]:
    """Violence on the worker told by its marks or in everyday verbs."""
    return _matches("cd_violence_on_victim", _present(_BLOWS, folded), BLOWS_WEIGHT, folded)


# Placed in the work by a court (a drug court, a condition of probation, "the judge gave me the
# choice"): a relationship with the authorities at recruitment that the program can hold over
# the person (ILO/EC: relationship with authorities / legal status; the corpus labels it at
# recruitment, in lawful placements too).
_COURT_PLACED = re.compile(
    _W + r"(?:drug[- ]court|court[- ](?:ordered|referred|order|mandated)|by (?:the |a )?court order|condition of (?:his |her "
    r"|my |their )?(?:probation|parole|release)|the judge (?:sent|gave|ordered|put)|sent (?:\w+ )?by the (?:judge|court)|"
    r"corte de drogas|orden (?:de la corte|del juez|judicial)|ordenad[oa] por (?:la corte|el juez)|"
    r"el juez (?:me|lo|la|los|nos|le|les) (?:mand\w*|dio|orden\w*)|con orden del juez|por orden de la corte|"
    r"(?:eso|esto) o la (?:carcel|prision))" + _E, re.IGNORECASE)
COURT_PLACED_ID = "vr_relationship_with_authorities_legal_status"
COURT_PLACED_WEIGHT = 0.75


def placed_by_court(folded: str) -> list[ConceptHit]:
    """Work or a program the person was sent to by a court."""
    return _matches(COURT_PLACED_ID, (_COURT_PLACED,), COURT_PLACED_WEIGHT, folded)


# Hazardous work told as what happens to the body or what protection is missing (ILO/EC:
# hazardous work): a harmful agent with its effect ("the ammonia ... coughing", "wet leaves ...
# dizzy and throw up"), a needle through the glove, fingers lost, no guardrail, lockout or gas
# monitor.
_AGENT = (r"(?:ammonia|amoniaco|pesticid\w*|chemicals?|quimicos?|spray\w*|fumig\w*|nicotine|nicotina|wet (?:tobacco|leaves)|"
          r"(?:las )?hojas (?:estan |estaban )?mojadas|leaves are wet|compost|composta|dust|polvo|fumes|gases|bleach|cloro)")
_EFFECT = (r"(?:cough\w*|tos|burn\w*|arde\w*|ardian|dizzy|mareo|mareos|mareada?|vomit\w*|throw(?:ing)? up|threw up|sick|"
           r"enferm\w*|rash|ronchas|headaches?|dolor de cabeza|no masks?|without (?:a )?masks?|sin (?:mascarillas?|cubrebocas)|"
           r"paper masks|sin respiradores|no respirators|without respirators)")
_HAZARDS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + _AGENT + _E + r"[^.;\n]{0,80}?" + _W + _EFFECT + _E,
    _W + _EFFECT + _E + r"[^.;\n]{0,40}?" + _W + r"(?:from|del|de la|por (?:el|la)) " + _AGENT + _E,
    _W + r"(?:needles?|agujas?|sharps|jeringas?)" + _E + r"[^.;\n]{0,40}?" + _W
    + r"(?:went through|go through|stuck|sticks?|pic\w*|pinch\w*|se (?:me |le )?clav\w*|pricks?|pricked)" + _E,
    _W + r"(?:lost|loses|perdi\w*|cut off|amputat\w*|sliced off)" + _E + r"(?: \w+){0,3} (?:fingers?|fingertips?|dedos?|"
    r"hand|mano)" + _E,
    _W + r"(?:without|no|sin|never) (?:any |a |the )?(?:guardrails?|barandal\w*|lockout|lock-out|harness\w*|arnes\w*|"
    r"gas monitors?|monitores? de gas|respirators?|respiradores|safety (?:gear|harness|equipment)|equipo de proteccion)" + _E,
    _W + r"(?:bald tires|llantas lisas|tires? (?:are |were )?bald)" + _E,
)), re.IGNORECASE)]
HAZARD_WEIGHT = 0.75
# An injury at work told plainly (the corpus labels a fall, a burn, a shock, a deep cut or a bite hazardous work in 84-96% of
# the train narratives that tell one): "fell from the ladder", "burns on his hand", "got shocked", "se cortó la mano".
_INJURED = _guarded(((r"fell|falls? |fall from|ladder fall|cay|burn|quem|shock|electr|descarga|toque|cut|cortad|se corto|bitten|"
                      r"needlestick|mordi|feet|ft |pies", "|".join(f"(?:{p})" for p in (
    _W + r"(?:fell (?:from|off)|falls? (?:from|off)|ladder falls?|se cay\w* (?:de|del|desde)|cayo (?:de|del|desde))" + _E,
    _W + r"(?:burns? (?:on|to) (?:his|her|my|both|their)|burned (?:his|her|my) (?:hand|hands|arm|arms|forearm|face|leg)|"
    r"quemaduras?|se quem\w* (?:la|el|las|los))" + _E,
    _W + r"(?:got shocked|shocked off|electric shock|electrocut\w*|descargas? electric\w*|toques? electric\w*)" + _E,
    _W + r"(?:deep (?:hand )?cuts?|cut (?:his|her|my) (?:hand|finger|fingers|arm|leg)|cortadas?|se corto (?:la|el|un|los))" + _E,
    _W + r"(?:bitten|needlestick|mordid[oa]|(?:le|me|lo|la) mordio)" + _E,
    _W + r"\d{2,3} (?:feet|ft|pies) (?:up|high|in the air|de alto|de altura|arriba)" + _E,
)),),))


def hazards(folded: str) -> list[ConceptHit]:
    """Hazardous work told by its effect on the body, its missing protection or the injury it caused."""
    return _matches("ex_hazardous_work", [*_HAZARDS, *_present(_INJURED, folded)], HAZARD_WEIGHT, folded)


# Deductions, a cut rate or short counting (ILO/EC: wage manipulation): something taken out of
# the pay for housing, rides, food, gear or papers, a rate lowered, boxes rounded down or
# weighed light, hours missing from the check.
_DEDUCTED_FOR = (r"(?:rent|renta|trailers?|trailas?|van|rides?|raite|transport\w*|food|comida|meals?|gloves|guantes|vests?|"
                 r"housing|fees?|utilities|electric\w*|luz|papeles|papers|cuarto|cama|bed|tools|herramientas|uniforms?|"
                 r"uniformes?|orientation|dormir|sleeping|mattress\w*|colchon\w*|showers?|regadera|rooms?|bunks?|campers?|lodging|"
                 r"gear|rain ?suits?|boots|botas|trucks?|pickups?|troca|camioneta|phones?|celular)")
_MONEY = r"(?:\$ ?\d[\d,.]*|(?<![\w$.,])\d[\d,.]* ?(?:dolares|dollars|bucks|dlls?|dls|%|por ?ciento|percent)(?!\w))"
_MANIPULATED = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:takes?|took|taking|deduct\w*|subtract\w*|minus|after|charges?|charged|charging)" + _E + r"[^.;\n]{0,50}?(?:out of|from|off)?"
    r"[^.;\n]{0,20}?" + _W + r"(?:for|para|por) (?:the |a |his |her |their )?" + _DEDUCTED_FOR + _E,
    _W + r"(?:rent|renta|the trailer|la traila)" + _E + r" (?:comes?|came|is taken|was taken|sale|se descuenta) "
    r"(?:out of|from|off|de) (?:every|each|the|his|her|their|our|cada)" + _E,
    _W + r"(?:quita|quitan|quitaba|quitaban|descuenta\w*|cobra|cobran|cobraba|rebaja\w*|menos)" + _E + r"[^.;\n]{0,40}?" + _W
    + r"(?:por|para|de|el|la|los|las) (?:el |la |los |las )?\W?" + _DEDUCTED_FOR + _E,
    _W + r"(?:lo demas|el resto) (?:es|era|se va|va) (?:por|para) (?:el |la |los |las )?" + _DEDUCTED_FOR + _E,
    # a sum docked for anything named ("le quitan 15 dólares a la semana por la redecilla", "docks $20 for every broken
    # glass"): the verb says it comes off the pay, so the list of things is not needed (a price charged is: "cobran")
    _W + r"(?:quita|quitan|quitaba|quitaban|quito|descuenta\w*|desconto|descontaba\w*|rebaja\w*|deduct\w*|docks?|docked|"
    r"docking)(?: \w+){0,2}? " + _MONEY + r"(?: (?:a la|al|por|a|per|each|every|cada) (?:semana|mes|dia|quincena|week|month|day|"
    r"check|cheque|pay ?check|shift|turno))? (?:por|for|para)" + _E,
    # "the $40 would come out of his pay", "$100 of it is taken back weekly"
    _MONEY + r"(?: of it)? (?:would|will|is going to|is|was|gets|got) (?:come out of|be taken (?:out of|from|off)|taken back|"
    r"deducted from|docked from) (?:his|her|their|my|our|the|each|every)?" + _E,
    # a sum taken out of the pay itself: "nos quitan 1,050 al mes del paycheck", "takes $125 off each check"
    _W + r"(?:quita|quitan|quitaba|quitaban|descuenta\w*|takes?|took|deduct\w*)" + _E + r" (?:\w+ )?(?:\$ ?)?\d[\d,.]*"
    r"[^.;\n]{0,25}? (?:del|de su|de mi|de cada|de nuestro|from|out of|off) (?:the |his |her |my |their |each |every |our )?"
    r"(?:paycheck|check|cheque|pago|sueldo|pay|wages?|paychecks|checks|cheques)" + _E,
    _W + r"(?:cut|cuts|lowered|dropped|bajaron|bajo|rebajaron) (?:the |el |la |our |my )?(?:rate|pay rate|tarifa|precio|pago)"
    + _E,
    _W + r"(?:rounds?|rounded|redondea\w*) (?:(?:every|each|the|all|our|his|her|their|my|los|las|el|la|todas?|todos?) )?"
    r"(?:box|boxes|buckets?|bins?|hours?|time|weights?|pounds?|lbs|tickets?|counts?|numbers?|everything|it|them|pay|checks?|"
    r"cajas?|cubetas?|horas?|libras?|todo) down" + _E,
    _W + r"(?:weigh\w*|pesa\w*)" + _E + r"[^.;\n]{0,40}?" + _W + r"(?:lighter|light|less|menos)" + _E,
    _W + r"(?:shorted|shorts|short-?changed?) (?:me|us|him|her|them|the workers)" + _E,
    _W + r"(?:check|stub|talon\w*|cheque) (?:says|said|shows|showed|dice|decia) (?:only )?\d{1,3}" + _E,
    # a sum taken, told in the passive ("$120 is taken for the camper", "$150/wk taken from pay", "$35 a week comes off for
    # gloves", "lodging credit of $95/wk taken")
    _W + r"\$ ?\d[\d,]*(?:/\w+| a week| per week| a month| weekly| por semana| a la semana| al mes)? (?:is |was |are |were |gets |got )?"
    r"(?:taken|deducted|docked|held back|comes? off|came off) (?:from|out of|off|for)" + _E,
    _W + r"(?:lodging|housing|meal|board) credits? (?:of \$ ?\d[\d,]*(?:/\w+)? )?(?:is |was )?(?:taken|deducted|charged)" + _E,
    # charged against the pay, at double the price, for what breaks ("charges it against wages", "nos la cobra al doble",
    # "le cobran cada cosa que se rompe", "cashiers charged for drawer shortages", "refusing costs $200 from his pay")
    _W + r"charg\w* (?:it |them |that |everything |all |\w+ )?(?:against|to) (?:the |his |her |their |our |my )?(?:wages|pay|paychecks?|"
    r"checks?)" + _E,
    _W + r"(?:cobra|cobran|cobraba|cobraban)" + _E + r"(?: \w+)? (?:al doble|el doble|al triple|el triple)" + _E,
    _W + r"charg\w* (?:us |them |him |her |me )?(?:double|twice|triple)" + _E,
    _W + r"(?:cobra\w*|charg\w*) (?:\w+ ){0,2}?(?:cada cosa (?:que|q) se (?:rompe|quiebra)|lo (?:que|q) se (?:rompe|quiebra)|"
    r"for (?:drawer |register |cash )?shortages?|for (?:anything|everything|whatever) (?:that )?(?:breaks|they break|gets broken))" + _E,
    _W + r"costs? (?:him |her |them |us |me )?\$ ?\d[\d,]* (?:from|out of|off) (?:his|her|their|my|our|the) (?:pay|check|wages)" + _E,
    _W + r"(?:charg\w*|cobra\w*) \$ ?\d[\d,]*(?:/\w+| a week| per week| a month| por semana| al mes)? (?:for |de |por )?(?:a |the |el |la )?"
    r"\W?" + _DEDUCTED_FOR + _E,
    # half the tips or the pay kept (a cut, as the corpus reads it; all of it kept is withholding)
    _W + r"(?:se (?:queda|quedaba|quedan|quedaban) con la mitad de (?:las propinas|los tips|el sueldo|la paga|lo (?:que|q))|(?<!i )(?<!we )"
    r"(?:keeps?|kept|takes?|took) half (?:of )?(?:the |our |my |their |his |her )?(?:tips|pay|wages|checks?))" + _E,
    # a bank fee for cashing their own checks ("takes $20/wk 'bank fee'")
    _W + r"(?:takes?|took|charg\w*|cobra\w*|keeps?)[^.;\n]{0,30}?\W(?:bank fees?|check[- ]cashing fees?|fee for cashing|"
    r"por cambiar (?:el|los|sus) cheques?)" + _E,
    # the stub shows fewer hours than were worked
    _W + r"(?:stubs?|checks?|talon\w*|cheques?|payroll|timesheets?) (?:show|shows|showed|list|lists|listed|dicen|dice|muestran|"
    r"marcan?) (?:fewer|less|menos) (?:hours|horas)" + _E,
    # the farms pay the middleman and the worker gets a little ("los ranchos le pagan al señor y a él le tocan 20")
    _W + r"(?:le|les) (?:pagan|paga|pagaban|pagaba) (?:a el|al|a la) (?:senor|senora|contratista|patron|enganchador|raitero|mayordomo|"
    r"encargad[oa]|agente|coyote)" + _E + r"[^.;\n]{0,20}? (?:y )?(?:a el|a ella|a nosotros|a mi)? ?(?:le|les|nos|me) (?:toca|tocan|da|dan|"
    r"deja|dejan)" + _E,
)), re.IGNORECASE)]
MANIPULATED_WEIGHT = 0.7


def wage_manipulation(folded: str) -> list[ConceptHit]:
    """Deductions, cut rates and short counts."""
    return _matches("ex_wage_manipulation", _MANIPULATED, MANIPULATED_WEIGHT, folded)


# Watching and cutting off (ILO/EC: isolation, confinement or surveillance): phones collected or
# read, someone who answers for the worker, a padlock, no leaving or speaking to outsiders
# without permission, errands only with the boss once a week.
_WATCHED = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:picks? up|picked up|collects?|collected|takes?|took|checks?|checked|reads?|revisa\w*|lee|leen|leia|recoge\w*|"
    r"quita\w*)" + _E + r"(?: \w+){0,2} (?:phones?|cell ?phones?|cells?|celulares?|cel|telefonos?|whatsapp|messages|mensajes|texts)"
    + _E,
    _W + r"(?:checks?|checked|revisa\w*|watch\w*|vigila\w*) (?:who|con quien|a quien) (?:we|they|she|he|i|hablamos|hablan|habla|"
    r"llamamos|llaman|talk|talks|call|calls)" + _E,
    # a minder on every errand: "lo acompaña a todos lados", "drives them everywhere", "never out except with the daughter",
    # "can't even walk to the store without him"
    _W + r"(?:acompana\w*|accompan\w*|follows?|followed|goes with|went with|va con|iba con)(?: \w+){0,2} (?:a todos lados|"
    r"a todas partes|everywhere|wherever)" + _E,
    _W + r"(?:drives?|drove|driving|lleva|llevan|llevaba|takes|took) (?:them|us|him|her|me|los|las|nos|la|lo|the (?:women|men|workers|girls))"
    r" (?:everywhere|a todos lados|a todas partes)" + _E,
    _W + r"never (?:out|goes out|go out|leaves|leave|left|walks?|went out)(?: \w+){0,2} (?:except|unless|but) with" + _E,
    _W + r"(?:can'?t|cannot|could not|couldn'?t|not allowed to) (?:even )?(?:walk|go|get) (?:to|into) (?:the |a )?(?:store|church|market|"
    r"town|shop|laundromat)(?: \w+){0,2} without (?:him|her|them|the (?:boss|manager|owner|supervisor|foreman|driver|daughter|son))" + _E,
    _W + r"(?:walk|walks|go|goes|went) everywhere in a group with" + _E,
    _W + r"(?:phones?|celulares|telefonos|mensajes|messages|texts)" + _E + r"[^.;\n]{0,50}?" + _W
    + r"(?:(?:el|ella|he|she) (?:los|las) (?:lee|revisa)|reads? them|los lee\w*|las lee\w*|los revisa\w*)" + _E,
    _W + r"(?:answered|answers|answering|contestaba|contesta|respondia|responde)" + _E
    + r" (?:\w+ ){0,2}(?:every question|all the questions|for (?:him|her|them|all|everyone|the (?:workers|men|women|crew|girls))|"
      r"por (?:el|ella|todos|ellos|ellas|(?:los|las) (?:trabajador\w*|muchach\w*|cocineros|empleados)))" + _E,
    # out only with a minder: "they can go ashore only with him", "solo salimos los sábados, con la esposa del patrón"
    _W + r"(?:go|goes|went|get|gets|leave|leaves|step|steps|come|comes)(?: \w+){0,3} only (?:with|when accompanied by) (?:him|her|them|"
    r"the (?:boss|owner|agent|manager|foreman|driver|supervisor|recruiter|crew ?leader)|(?:his|her|the boss'?s?) (?:wife|husband|son|daughter))" + _E,
    _W + r"(?:solo|nomas|nada mas) (?:(?:nos|los|las|me|la|lo|les) deja\w* )?(?:sal\w*|baj\w*|vamos|van|ir)" + _E
    + r"[^.;\n]{0,40}?" + _W + r"(?:con (?:el|ella)|con (?:la|el) (?:esposa|esposo|hijo|hija|patron|patrona|encargad[oa]|gerente|jefe|jefa|"
    r"mayordomo|supervisor\w*|chofer)\w*)" + _E,
    # told not to go out: "me dice que no salga ni a la tienda", "told us never to leave the house"
    _W + r"(?:dice|dijo|decia|ordena|ordeno|manda) que no (?:salga|salgamos|salgan|salir)" + _E,
    _W + r"(?:tells?|told) (?:me|us|them|her|him) (?:not to|to never|never to) (?:go out|go outside|leave the (?:house|apartment|building|"
    r"room|property|yard|camp))" + _E,
    # the doors locked behind them: "locks the front AND the back door when he leaves and they stay inside"
    _W + r"locks? (?:up )?(?:the |both |all )?(?:\w+ )?(?:and (?:the )?\w+ )?doors? (?:when (?:he|she|they) (?:leaves?|goes?|left)|"
    r"behind (?:him|her|them)|from (?:the )?outside)" + _E,
    _W + r"(?:padlock\w*|con candado|candadazo)" + _E,
    _W + r"(?:may not|can'?t|cannot|not allowed to|no (?:puede|pueden|podemos|puedo)) (?:leave|go out|salir)" + _E
    + r"[^.;\n]{0,30}?" + _W + r"(?:without (?:permission|telling|asking)|sin (?:permiso|avisar))" + _E,
    _W + r"(?:forbidden|not allowed|prohibid\w*|no (?:la|lo|los|las|nos|me|le|les) dej\w*) (?:to )?(?:speak|talk|hablar)"
    r" (?:to|with|con) (?:anyone|anybody|nobody|nadie|people|gente|outsiders)" + _E,
    _W + r"(?:drives|drove|takes|took|lleva|llevaba)" + _E + r" (?:them|us|him|her|los|nos|la|lo|las)(?: \w+){0,6} "
    r"(?:once a week|una vez (?:por|a la) semana)" + _E,
    _W + r"waits? (?:outside|at) the door" + _E,
)), re.IGNORECASE)]
WATCHED_WEIGHT = 0.7


def watched(folded: str) -> list[ConceptHit]:
    """Phones read, someone answering for the worker, padlocks, no leaving or talking without leave."""
    return _matches("cd_isolation_confinement_surveillance", _WATCHED, WATCHED_WEIGHT, folded, negative_wording=True)

# The boss at every interview an inspector or officer holds (a red flag of seed 002: one person does the talking for the
# others): stands at the door, sits in, interrupts, will not let them talk alone. Inspection interviews happen where the
# people work, so the finding is at destination wherever the sentence is (a job interview is another story: "broker").
_WATCHED_AT_INTERVIEWS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:stood|stands|stayed|stays|sat|sits|remained|hovered|was present|were present|listened)(?: \w+){0,4} (?:during|through|"
    r"in on|at|in) (?:the |all |every |each |our )?(?:interviews?|questioning)" + _E,
    _W + r"(?:interrupt\w*|interrumpi\w*) (?:the |our |every |all |las |la |cada )?(?:interviews?|entrevistas?)" + _E,
    _W + r"(?:would not|wouldn'?t|did not|didn'?t|refused to|will not|won'?t) (?:let|allow)(?: \w+){0,3} (?:to )?(?:speak|talk|be "
    r"interviewed)(?: \w+){0,4} (?:alone|privately|in private|apart)" + _E,
    _W + r"(?:estuvo|estaba|se quedo|se quedaba|permanecio)(?: \w+){0,2} (?:en|durante) (?:todas |cada |las |la )?entrevistas?" + _E,
    _W + r"no (?:permitio|permite|permitia|dejo|deja|dejaba) que(?: \w+){0,3} habl\w+(?: \w+){0,4} a solas" + _E,
)), re.IGNORECASE)]


def watched_at_interviews(folded: str) -> list[ConceptHit]:
    return _matches("cd_isolation_confinement_surveillance", _WATCHED_AT_INTERVIEWS, WATCHED_WEIGHT, folded,
                    negative_wording=True)


# Crowding (ILO/EC: bad living conditions): six or more people to one room, trailer or flat.
_COUNT = (r"(?P<p>\d{1,3}|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|seis|siete|ocho|nueve|diez|once|doce|quince|"
          r"veinte)")
_UNITS = r"(?P<u>a|one|an|una|un|la|el|the|single|\d|two|three|four|dos|tres|cuatro)(?: casa de (?:dos|tres|cuatro))?"
_HOME_UNIT = (r"(?:trailers?|rooms?|apartments?|apts?|houses?|cuartos?|cuartitos?|trailas?|casas?|departamentos?|deptos?|"
              r"campers?|bedrooms?|recamaras?|"
             r"dormitor\w*|garages?|garajes?|basements?|sotanos?|bodegas?|barracks|barracas|single ?wide|mobile homes?|"
             r"casas? rodantes?|remolques?|cabins?|cabanas?)")
_CROWDED = [re.compile(p, re.IGNORECASE) for p in (
    _W + _COUNT + r"(?: \w+){0,2}? (?:men|guys|workers|women|people|of us|hombres|personas|trabajadores|mujeres|muchachos|"
    r"somos|estamos|vivimos)?\s*(?:in|en|to|per|por|living in|sleep in|duermen en|share|shares|sharing|comparten|compartimos|compartian) " + _UNITS + r"(?: \w+)? " + _HOME_UNIT + _E,
    _W + r"(?:estamos|somos|vivimos|viven|duermen|dormimos|live|sleep) " + _COUNT + r" (?:en|in) " + _UNITS + r"(?: \w+)? "
    + _HOME_UNIT + _E,
    _W + _UNITS + r" " + _HOME_UNIT + _E + r",? (?:for|para|with|con)? ?(?:viven |live |living |duermen |sleep )?" + _COUNT + r" (?:workers|men|guys|hombres|personas|"
    r"trabajadores|mujeres|women|people)" + _E,
    _W + _HOME_UNIT + _E + r"[^.;\n]{0,40}? (?:with|con|w/) " + _COUNT + r" (?:other |more |otros |otras |mas )?(?:guys|men|"
    r"women|people|others|workers|hombres|mujeres|personas|mas|more)" + _E,
    # the count after the place: "en el cuarto somos 8", "the garage where 14 of them sleep"
    _W + r"(?:en|in) (?:el|la|the|a|un|una|our|mi|nuestro|nuestra|su|this|that|ese|esa) " + _HOME_UNIT + _E
    + r"(?: \w+){0,2}?,? (?:somos|estamos|we are|there are|hay|viven|duermen|vivimos|dormimos|live|sleep) " + _COUNT + _E,
    _W + _HOME_UNIT + _E + r"[^.;\n]{0,30}? (?:where|donde) " + _COUNT + r" (?:of (?:us|them) |de nosotros )?"
    r"(?:sleep|live|dormimos|vivimos|duermen|viven)" + _E,
)]
_COUNT_WORDS = {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
                "quince": 15, "veinte": 20}
_UNIT_WORDS = {"two": 2, "three": 3, "four": 4, "dos": 2, "tres": 3, "cuatro": 4}
CROWDED_PER_UNIT = 6
CROWDED_WEIGHT = 0.7


def _count(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else _COUNT_WORDS.get(token, _UNIT_WORDS.get(token, 1))


def crowded(folded: str) -> list[ConceptHit]:
    """Six or more people to one dwelling ("22 workers in 2 apts", "estamos 14 en la traila")."""
    hits = []
    for pattern in _CROWDED:
        for m in pattern.finditer(folded):
            people = _count(m.group("p"))
            units = _count(m.group("u")) if "u" in pattern.groupindex and m.group("u") else 1
            if people >= 1000:
                continue
            if people / max(units, 1) >= CROWDED_PER_UNIT:
                hits.append(ConceptHit("ex_bad_living_conditions", m.start(), m.end(), CROWDED_WEIGHT))
    return hits


# The worker's own way out, told as what they are doing about the job ("already asking at the
# sweet potato farm", "si no arreglan busco otra cosa", "ya pidió cambio de familia"): free to
# leave (context that tells a wage dispute apart from forced labour).
_OWN_WAY_OUT = re.compile(
    _W + r"(?:(?:i'?m|im|i am|he'?s|she'?s|we'?re) (?:already )?(?:asking|looking) (?:at|for) (?:another|other|a new|the)|"
    r"already (?:applied|asking|told (?:her|him|them) (?:i'?m|im) looking)|looking for (?:other|another|a new) (?:work|job)|"
    r"(?:i'?ll|he'?ll|she'?ll|we'?ll|will) quit if|im done with them|i'?m done with them|"
    r"busco otra cosa|busc\w* otro (?:trabajo|empleo|jale)|ya (?:dejo|deje|dejamos|renuncio|renuncie|pidio cambio|pedi cambio|"
    r"me sali|se salio)|(?:pueden|puede|podemos|puedo) renunciar cuando (?:quieran|quiera|queramos|quiero))" + _E, re.IGNORECASE)
FREE_WEIGHT = 0.7
# Going and coming as one's own life, in everyday words (free to leave, context): home every
# night, a key or a door that opens from inside, out at weekends or to church, two weeks'
# notice to quit, living off site, looking for the next job. (Renting one's own place is not
# read: the corpus does not label it.)
_COMES_AND_GOES = re.compile(_W + "(?:" + "|".join(f"(?:{p})" for p in (
    r"(?:go|goes|went|going) home (?:every|each) (?:night|day|evening)",
    r"(?:me iba|se iba|nos ibamos|me voy|se va|nos vamos|voy|va) a (?:mi|su|nuestra) casa (?:cada|todas las|todos los)? ?"
    r"(?:noche|noches|dia|dias|tarde|tardes)",
    r"(?:i|we) (?:just )?(?:went|go) home",
    r"yo me iba a mi casa",
    r"(?:opens?|open) from (?:the )?inside",
    r"(?:locks?|lock) from (?:the )?inside",
    r"(?:abre|cierra|se abre|se cierra) (?:desde|por) dentro",
    r"(?:she|he|i|they|we) (?:has|have|had) (?:a|her|his|my|their|our) (?:own )?(?:house |front door |door |room )?keys?",
    r"(?:has|have|tiene|tengo) (?:her|his|my|their|su|mi) (?:own |propio )?(?:car|carro|coche)",
    r"(?:give|gives|gave|dar|doy|da|dan) (?:two|2|dos) (?:weeks'?|wks'?) notice",
    r"(?:aviso|avisar|avisa|aviso) con (?:dos|2) semanas",
    r"(?:live|lives|living) off[- ]site",
    r"(?<!to )(?<!asked )(?:goes|go|went|va|iba|van) (?:to|al|a la|a) (?:church|mass|the wat|the temple|the mosque|iglesia|misa|templo|wat)"
    r"(?: \w+){0,3} (?:every|each|most|on|los|cada|todos los) (?:sunday|sundays|weekend|weekends|domingos?|fines?)",
    r"(?:sale|salen|sales|salgo) (?:los fines de semana|los domingos)(?: \w+){0,3} cuando (?:quiere|quieren|quiero)",
    r"(?:applying|apply|aplicar|aplicando) (?:at|en|para) (?:the|la|el|otra|otro)",
    r"(?:preguntando|pidiendo trabajo) en (?:la|el|otra|otro) (?:otra |otro )?(?:planta|fabrica|compania|empresa|tienda|restaurante)",
    r"(?:plan|plans|planning) to (?:move|switch|go) to (?:the|another|a)",
    r"el que se quiere ir se va|whoever wants to (?:leave|go|quit) (?:leaves|goes|quits)",
    r"(?:nadie|nobody|no one) (?:nos|me|les|los|las|la|lo)? ?(?:prohibe|prohibia|stops|stopped|keeps|kept|impide) "
    r"(?:salir|irnos|irme|irse|leaving|going out|(?:us|me|them|him|her) from (?:leaving|going))",
    r"(?:go|goes|went|van|va|vamos|salgo|sale|salen|salimos) (?:to town|into town|al pueblo|a la ciudad|out|al centro)(?: \w+){0,2} "
    r"(?:when(?:ever)? (?:they|we|i|he|she) (?:want|wants|like|likes|please)|cuando (?:quieren|queremos|quiero|quiere))",
    r"(?:salgo|sale|salimos|salen) con (?:mis|sus|nuestras|nuestros) (?:amig\w+|primas?|primos?|herman\w+)",
    r"(?:las )?puertas (?:estan|están) abiertas",
)) + ")" + _E, re.IGNORECASE)


def comes_and_goes(folded: str) -> list[ConceptHit]:
    """The worker's own coming and going told in everyday words."""
    return _matches("ctx_free_to_leave", (_COMES_AND_GOES,), FREE_WEIGHT, folded, negative_wording=True)


# More of the same, guarded: co-workers who left without trouble ("two quit in January and received final pay", "dos se
# fueron en marzo a otra granja sin problema"), leaving at will ("si me quiero ir, nomás aviso", "could go work at the stand
# downtown tomorrow if I wanted", "me largo"), quitting freely, signing with another agency.
_OWN_WAY_OUT_GUARDED = _guarded((
    (r"left|quit|walked|se fueron|renunciaron|se salieron|se cambiaron",
     _W + r"(?:\d+|two|three|four|five|a couple|several|some|one|a guy|dos|tres|cuatro|varios|algunos|uno)(?: [\w']+){0,3}? (?:left|quit|"
     r"walked off|walked out|se fueron|renunciaron|se salieron|se cambiaron)" + _E + r"[^.;\n]{0,60}?" + _W + r"(?:without (?:any )?"
     r"(?:problems?|trouble|interference)|with no (?:problems?|trouble|interference)|sin problemas?|nobody stopped|no one stopped|nadie "
     r"(?:los|las|lo|la) detuvo|got (?:their|his|her) (?:final|last) (?:checks?|pay)|(?:received|got) (?:their |his |her )?final pay|paid "
     r"(?:his|her|their) last checks?|se les pago|for another|to another|a otra|a otro)" + _E),
    (r"si (?:me|se|nos|te) (?:quier|quis)", _W + r"si (?:me|se|nos|te) (?:quiero|quiere|quisiera|queremos|quisieramos) ir(?:me|se|nos)?,? "
     r"(?:nomas |solo |pues )?(?:aviso|avisa|me voy|se va|se iria|me iria|nos vamos|agarro)" + _E),
    (r"largo|salgo y ya|voy y ya", _W + r"(?:me largo|me salgo y ya|me voy y ya)" + _E),
    (r"could|can", _W + r"(?:could|can) (?:go work|quit|leave|walk)(?: [\w']+){0,5}? (?:tomorrow|any ?day|anytime|any time|if "
     r"(?:i|he|she|they|we) wanted)" + _E),
    (r"signing|signed|firme|firmo|changed agenc|cambiado de agencia", _W + r"(?:(?:signing|signed|firme|firmo) (?:with|con) (?:another|"
     r"otra|otro)|changed agencies|cambiado de agencia)" + _E),
))


def own_way_out(folded: str) -> list[ConceptHit]:
    """The worker leaving, quitting or job-hunting on their own terms."""
    # (a guarded shape's own "no" is its evidence: "left ... with no interference", "sin problema")
    return [*_matches("ctx_free_to_leave", (_OWN_WAY_OUT,), FREE_WEIGHT, folded),
            *_matches("ctx_free_to_leave", _present(_OWN_WAY_OUT_GUARDED, folded), FREE_WEIGHT, folded, negative_wording=True)]


# Work the worker did not agree to (ILO/EC: forced to do other tasks): moved or lent to another
# house, yard or business, or tasks "none of it in her agreement".
_OTHER_TASKS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:none of (?:it|this|that)|nada de eso|nothing of (?:it|that)) (?:is |was |in |en )?(?:in |en )?(?:her|his|my|the|their|"
    r"su|el|mi) (?:agreement|contract|contrato|acuerdo)" + _E,
    _W + r"(?:moved|sent|lent|loaned|sends|send|manda\w*|mando|presta\w*|prest\w*|mueve\w*|movieron|cambiaron|mandaron)"
    r" (?:me|him|her|them|us|lo|la|los|las|nos|me) (?:again |otra vez )?(?:to|a|al|pa) (?:work (?:at|in)|trabajar (?:en|a)|"
    r"limpiar|the|la|el|another|otra|otro|a|an|una|un|his|her|su)(?: \w+){0,3} (?:houses?|casas?|shops?|taller\w*|yards?|daycare|"
    r"guarderia|farms?|granjas?|restaurants?|business\w*|negocios?|kitchen|cocina|homes?)" + _E,
    _W + r"(?:leaders|ministers?|the (?:boss|owner|contractor)) (?:send|sends|sent) (?:him|her|them|us|me) to work" + _E,
    _W + r"(?:i|he|she|we) signed (?:up )?for \w+(?: \w+)? only" + _E,
)), re.IGNORECASE)]
OTHER_TASKS_WEIGHT = 0.7


# Chores in the boss's own home on top of the job ("los domingos le limpio la casa", "limpiarle su casa", "then cleans
# his house", "cleans the owner's house"): train labels 64 of the 65 narratives with such a phrase forced other tasks.
_CHORES_AT_THE_BOSS_HOME = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:(?:le|les) (?:limpi\w+|lav\w+|cuid\w+)|limpiarles?|cuidarles?|lavarles?) (?:tambien |ademas )?(?:la casa|su casa|"
    r"el carro|(?:a )?(?:los|las|sus|al|a la) (?:ninos|ninas|nietos|nino|nina|hijos|hijo|bebe))" + _E,
    _W + r"(?:limpi\w+|lav\w+|cuid\w+) (?:tambien |ademas )?(?:su casa|la casa (?:del?|de la|de los) (?:patron\w*|jefe|jefa|dueno|duena|"
    r"senor|senora|tios?|tias?|encargad[oa]|mayordomo|contratista|capataz|manager|supervisor\w*|boss))" + _E,
    _W + r"(?:clean\w*|scrub\w*|babysit\w*|watch\w*|look\w* after) (?:also )?(?:his|her|their|the (?:owner|boss|manager|"
    r"foreman|contractor|landlord|family|supervisor)'?s?) (?:own )?(?:house|home|kids|children|apartment)" + _E,
)), re.IGNORECASE)]
# ... unless housework is the job itself (a housekeeper, a nanny, a live-in domestic worker cleans "her house" by contract)
_HOUSEWORK_IS_THE_JOB = re.compile(
    _W + r"(?:housekeep\w*|house ?cleaners?|cleans houses|cleaning houses|maids?|nann(?:y|ies)|au ?pairs?|domestic (?:worker|"
    r"work|help|employee)|live-in|caregivers?|empleadas? domesticas?|trabajadoras? (?:del hogar|domesticas?)|limpi\w+ casas|"
    r"limpieza (?:en|de) (?:casas|hogares)|cleaning (?:job|business|company)|ninera|nana|de planta|muchacha de (?:servicio|planta)|"
    r"sirvienta|quehaceres)" + _E, re.IGNORECASE)


def chores_are_the_job(folded: str) -> bool:
    """Housework told as the job itself, beside a chore in someone's home: the chore is the work, not an extra task."""
    return bool(_HOUSEWORK_IS_THE_JOB.search(folded)) and any(p.search(folded) for p in _CHORES_AT_THE_BOSS_HOME)


def other_tasks(folded: str) -> list[ConceptHit]:
    """Moved or lent to other work, tasks outside the agreement, or chores in the boss's home besides the job."""
    hits = _matches("cd_forced_tasks_or_clients", _OTHER_TASKS, OTHER_TASKS_WEIGHT, folded, negative_wording=True)
    if not _HOUSEWORK_IS_THE_JOB.search(folded):
        hits += _matches("cd_forced_tasks_or_clients", _CHORES_AT_THE_BOSS_HOME, OTHER_TASKS_WEIGHT, folded)
    return hits


# Depending on the employer for a roof, a ride or food (ILO/EC: dependency on exploiters): no
# car or nowhere to go, the bed or trailer being the boss's.
_DEPENDENT = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:no|without|sin|got no|has no|have no|don'?t have|doesn'?t have|no tienen?|no tenemos|no tengo)"
    r" (?:a |any |un |una )?(?:car|vehicle|vehiculo|carro|place to go|where to go|a donde ir|a donde|adonde ir|"
    r"donde ir|money for a hotel|\$ for a hotel)" + _E,
    _W + r"(?:the |el |la )?(?:trailer|house|room|apartment|bed|traila|casa|cuarto|cama)" + _E
    + r" (?:is|es) (?:his|hers|theirs|suyo|suya|del patron|del contratista|de el)" + _E,
    _W + r"(?:trailer|house|apartment|traila|casa rodante) owned by (?:the |his |her )?(?:labor )?(?:contractor|boss|agency|"
    r"company|owner|employer)" + _E,
)), re.IGNORECASE)]
DEPENDENT_WEIGHT = 0.7


def dependent(folded: str) -> list[ConceptHit]:
    """No car, nowhere to go, or the bed being the boss's."""
    return _matches("vd_dependency_on_exploiters", _DEPENDENT, DEPENDENT_WEIGHT, folded, negative_wording=True)


# An inspector's note that reports an allegation in quotes and concludes that nothing was found
# ("queja anónima de que 'las costureras no pueden salir' ... Sin infracción"): the quoted
# words are the complaint, not the finding.
_NO_VIOLATION = re.compile(
    _W + r"(?:no violations?(?: (?:found|noted|observed))?|no findings|nothing (?:was )?found|sin (?:infraccion(?:es)?|hallazgos)|"
    r"no se (?:encontr|observ|hall)\w+ (?:infracciones|violaciones|irregularidades)|unfounded|infundad[oa]|"
    # a patrol or hotline note that checked the allegation and closed it ("Sin delito", "Nothing further", "el llamante queda
    # tranquilo", "transferred ... w/o problems")
    r"sin delito|sin novedad|no crime|nothing further|no further action|(?:queda|quedo|quedaron|quedan) tranquil\w*|reassured|"
    r"w/o problems|without (?:any )?problems?|no (?:indicators|signs|evidence) of (?:trafficking|forced labou?r|a crime)|sin indicios|"
    # ... or closed it as such ("Sin violaciones", "se cierra el caso", "Caller satisfied", "todo está en regla"; a bare
    # "Se cierra." only as the note's last words, _CLOSED_AT_END)
    r"sin violaciones|caso cerrado|case closed|(?:se )?(?:cierra|cerro|cerramos) (?:el caso|la queja|el reporte|la denuncia)|"
    r"(?:caller|llamante|la llamante|el llamante) (?:was |is |quedo |queda )?(?:satisfied|satisfech[oa])|"
    r"todo (?:esta|estaba) en regla|(?:everything|all) (?:is|was) (?:in order|above board))"
    + _E, re.IGNORECASE)
# What the note checked: the complaint, call or report it was about ("por una llamada anónima que hablaba de
# trabajadores encerrados", "tras queja anónima de trabajadores encerrados", "anonymous complaint re: ... locked in").
_ALLEGATION = re.compile(
    _W + r"(?:llamadas?|quejas?|reportes?|denuncias?|complaints?|calls?|reports?|allegations?|alegaciones)"
    r"(?: (?:anonim[oa]s?|anonymous|original|inicial|initial))?(?: (?:que (?:hablaba|decia|dice|dijo|hablo|denunciaba)(?: de| que)?|"
    r"de que|sobre|about|alleging|claiming|saying|that|of|re:?|de))" + _E + r"[^.;!?\n]*", re.IGNORECASE)
# A report its own writer takes back, in the first person ("la vez pasada reporté que no le pagaban ... no es así,
# perdón por la confusión"); a bare "no es así" or "not true" is anyone's and stays evidence.
_RETRACTED = re.compile(
    _W + r"(?:report[eé]|reported|dije|les dije|i said|i told you|i called (?:about|to say))" + _E + r"[^\n]{0,400}?"
    r"(?:perdon por la confusion|sorry for the confusion|i was wrong|me equivoque|estaba equivocad[oa]|my mistake|"
    r"fue (?:un )?error mio|i take (?:it|that) back|lo retiro)" + _E, re.IGNORECASE)
# A quotation: opened before a word, closed after one; an apostrophe inside a word ("can't") neither opens nor closes one.
_QUOTED = re.compile(r"(?<!\w)['\"“‘](?=\w)[^\n]{1,160}?(?<=[\w.!?,])['\"”’](?!\w)")


# Stretches that are not about this worker: a story from the news ("saw the story on the news
# about packing shed workers locked in camps"), and what others believe that the speaker denies
# ("la gente piensa que nos tienen encerrados pero no es así").
_STORY = re.compile(_W + r"(?:saw|seen|heard|read|watched|after|since|vi|vio|vimos|oi|oyo|lei|leyo|escuche|despues de|viendo|"
                    r"leyendo)" + _E + r"[^.;!?\n]{0,25}?" + _W + r"(?:story|stories|article|reportaje|articulo|noticias?|"
                    r"the news|on tv|en la tele)" + _E + r"[^.;!?\n]{0,30}? (?:about|on|of|sobre|de|acerca de)" + _E + r"[^.;!?\n]*",
                    re.IGNORECASE)
_DENIED_BELIEF = re.compile(
    _W + r"(?:piensa\w*|cree\w*|creen|dicen|think\w*|believe\w*|say|says|assume\w*)" + _E + r"[^.;!?\n]{0,120}?"
    r"(?:pero|but)\W{0,3}(?:no es asi|no es cierto|no es verdad|eso no es|(?:that|it)(?:'s| is|s) not (?:true|so|like that|"
    r"the case)|its not (?:true|so|like that))" + _E, re.IGNORECASE)


# A question answered no ("le pregunté si el dueño le tiene el pasaporte y dice que no").
_ANSWERED_NO = re.compile(
    _W + r"(?:pregunt\w*|asked|ask|asks)(?: \w+)? (?:si|if|whether)" + _E + r"[^.;!?\n]{0,120}?(?:,|\by\b|\band\b)\s*"
    r"(?:el |ella |he |she |they )?(?:dice|dijo|dicen|contesto|respondio|says|said|answered)(?: que)? (?:no|nope)" + _E,
    re.IGNORECASE)


# ... or what someone else believed or reported, denied at the start of the next sentence ("una clienta llamó a la policía
# pensando que yo vivía encerrada ahí. No es así.", "Somebody at church thought the boss was holding my passport. What
# happened is ..."): only a third party's belief, so "I thought I would earn $15. What happened is ..." stays evidence.
_THIRD_PARTY_BELIEF = re.compile(
    _W + r"(?:somebody|someone|people|a (?:lady|woman|man|customer|client|neighbou?r|volunteer)|(?:my|his|her) (?:mom|mother|family|"
    r"neighbou?rs?)|neighbou?rs|alguien|la gente|una (?:clienta|senora|vecina|persona|muchacha)|un (?:cliente|senor|vecino)|"
    r"(?:mi|su) (?:mama|madre|familia|vecin[oa])|los vecinos)" + _E + r"[^.;!?\n]{0,60}?" + _W +
    r"(?:thought|thinks|think|believed|believes|worried|assumed|reported|called|pensando|penso|pensaba|piensa|piensan|creyo|"
    r"creia|cree|creen|reporto|reportaron|llamo)" + _E + r"[^.;!?\n]{0,160}?[.;!?]\s*(?:no es asi|no es cierto|no es verdad|"
    r"eso no es (?:cierto|verdad|asi)|(?:that|it)(?:'s| is|s) not (?:true|so|like that|what happened)|not true|"
    r"what (?:really )?happened (?:is|was)|lo que (?:pasa|paso) (?:es|fue)|la verdad es|the truth is|en realidad|actually|no\.)",
    re.IGNORECASE)


def not_about_this_worker(folded: str) -> list[tuple[int, int]]:
    """Stretches about someone else's story, a belief the speaker denies, or a question answered no."""
    return ([m.span() for m in _STORY.finditer(folded)] + [m.span() for m in _DENIED_BELIEF.finditer(folded)]
            + [m.span() for m in _THIRD_PARTY_BELIEF.finditer(folded)] + [m.span() for m in _ANSWERED_NO.finditer(folded)])


_CLOSED_AT_END = re.compile(r"(?:^|[.;]\s+)se (?:cierra|cerro)\.?\s*$", re.IGNORECASE)


def refuted_stretches(folded: str) -> list[tuple[int, int]]:
    """Quoted stretches, and the allegation checked, of a note that concludes no violation was found
    (else nothing); a report its writer takes back."""
    retracted = [m.span() for m in _RETRACTED.finditer(folded)]
    if not _NO_VIOLATION.search(folded) and not _CLOSED_AT_END.search(folded):
        return retracted
    return retracted + [m.span() for m in _QUOTED.finditer(folded)] + [m.span() for m in _ALLEGATION.finditer(folded)]


# The worker's own pay in everyday words ("the app pays me", "lo que gano es mío", "pays me on
# Friday in my own hand", "la paga es justa y a tiempo"): keeps own wages (context).
_OWN_PAY_WORDS = re.compile(
    _W + r"(?:collects? (?:the )?(?:fares|tips|pay) directly|(?:the|la) app (?:pays|paga) (?:me|him|her|us|them|nos|me|le|les)|"
    r"(?:me|le|nos|les) cae directo|(?:se queda|me quedo|nos quedamos|se quedan) con (?:sus|mis|nuestras) ganancias|"
    r"lo que gan\w+ es (?:mio|suyo|nuestro|de ella|de el)|pays? (?:me|him|her|us|them) (?:by|via|through|with) (?:zelle|venmo|"
    r"cash app|direct deposit|check)|in my own hand|en mi (?:propia )?mano|(?:la )?paga es justa|(?:the )?pay is fair|"
    r"el dinero lo guardo yo|into (?:my|his|her|their|our) (?:own )?(?:bank )?account)" + _E, re.IGNORECASE)
OWN_PAY_WEIGHT = 0.7


def own_pay_words(folded: str) -> list[ConceptHit]:
    """The worker's own pay said in everyday words."""
    return _matches("ctx_keeps_own_wages", (_OWN_PAY_WORDS,), OWN_PAY_WEIGHT, folded)


# What the worker is told the police or immigration will do (ILO/EC: false information about
# law and authorities): "la migra me agarra en la esquina", "immigration watches the airstrip",
# "the police here don't help people without papers", "ICE pays ranchers a reward".
_TOLD = (r"(?:told|tells|says|said|warned|dijo|dice|decia|decian|dijeron|advirtio|advierte|le dijeron|nos dijeron|me dijeron|"
         r"ha dicho|han dicho|repite\w*|repeats?|reminds?)")
_LAW = (r"(?:immigration|ice|la migra|migra|the police|police|policia|la policia|the cops|cops|sheriff|border patrol|"
        r"la patrulla|migracion|dps|troopers?|state police|the law)")
_FALSE_LAW = re.compile(
    _W + _TOLD + _E + r"[^.;\n]{0,80}?" + _W + _LAW + _E + r"[^.;\n]{0,30}?" + _W
    + r"(?:pick\w* (?:\w+ )?up|picks? (?:him|her|you|them|us) up|agarra\w*|deport\w*|watch\w*|vigila\w*|no ayuda\w*|"
    r"(?:doesn'?t|don'?t|won'?t|does not|do not|will not) help|lock\w* (?:you|him|her|them|us) up|jail\w*|arrest\w*|encarcel\w*|"
    r"mete\w* (?:a la |en la )?carcel|pays? (?:ranchers|bosses|a reward)|works? for (?:him|her|the boss|the owner)|"
    r"trabaja\w* para (?:el|ella|el patron)|obedec\w*|levanta\w*|recoge\w*|espera\w* a|esta\w* esperando|is waiting|"
    r"(?:finds?|will find|catch\w*) (?:you|me|him|her|them|us)|(?:se )?(?:lo|la|los|las|te|me|nos) lleva\w*|"
    # more of what they are said to do: send the worker back, wait for him, hand him over, take the children
    r"send\w* (?:you|him|her|them|us|me) back|(?:te|lo|la|los|las|nos|me) regresa\w*|(?:will be|are|is) (?:waiting|outside)|"
    r"espera\w*|anda\w*|hand\w* (?:\w+ ){0,3}?to (?:immigration|ice|la migra)|(?:te|lo|la|los|las|nos|me) entrega\w*|"
    r"quita\w* (?:\w+ )?(?:los|sus|a los|a sus) hij\w*|takes? (?:away )?(?:your|the|their|her|his) (?:kids|children)|separa\w*|"
    r"manda\w* a (?:un|una|la|el) (?:centro|carcel|prision))" + _E, re.IGNORECASE)
# The boss's friends in the law, said to the worker ("he knows the sheriff", "el sheriff es su compadre", "la migra es su
# amiga"): the law is on the boss's side (the corpus labels it false information about the authorities).
_LAW_FRIEND = re.compile(
    _W + r"(?:(?:knows?|conoce\w*|friends? (?:with|of)|amig[oa]s? (?:de|del)|compadres? (?:de|del))(?: \w+){0,2}? "
    r"(?:the |al |a la |el |la |a los |los )?(?:sheriff|police|policia|cops?|judge|juez|migra|immigration|policias|jefe de policia)|"
    r"(?:sheriff|police|policia|cops?|migra|immigration)(?: \w+){0,3} (?:is|es|are|son|was|era) (?:his|her|their|su|sus) "
    r"(?:friends?|amig[oa]s?|compadres?|primo|cousin|brother-in-law|cunado))" + _E, re.IGNORECASE)
# ... or told to be waiting just outside ("mejor ni salga porque afuera anda la migra", "out there ICE is waiting")
_LAW_OUTSIDE = re.compile(_W + _TOLD + _E + r"[^.;\n]{0,60}?" + _W + r"(?:afuera|alla afuera|out there|outside)(?: \w+)? "
                          r"(?:anda|andan|esta|estan|espera|esperan|is waiting|are waiting|waits|patrol\w*|patrulla\w*) "
                          r"(?:esperando )?" + _LAW + _E, re.IGNORECASE)
FALSE_LAW_WEIGHT = 0.7


def false_law_claims(folded: str) -> list[ConceptHit]:
    """What the worker is told the police or immigration will do to them, or that they are the boss's friends."""
    return _matches("vr_false_information_law_authorities", (_FALSE_LAW, _LAW_FRIEND, _LAW_OUTSIDE), FALSE_LAW_WEIGHT, folded,
                    negative_wording=True)


# Papers held by someone else, in the many ways it is told ("took there passports", "has
# caller's passport", "holds the car title, the hack license and the passport", "las micas nos
# las quitó", "guarda nuestras cédulas"): confiscation of documents (the matcher's holder check
# still drops "I keep my passport").
_DOC_WORDS = (r"(?:passports?|ids?|i-?94s?|ds-?2019s?|visas?|papers|documents?|licen[sc]es?|hack licen[sc]es?|titles?|"
              r"green cards?|work permits?|birth certificates?|social security cards?|social cards?|matriculas?|cedulas?|"
              r"pasaportes?|papeles|documentos?|identificacion\w*|micas?|credenciales?|actas?(?: de nacimiento)?|"
              r"licencias?|permisos?(?: de trabajo)?|tarjetas? de seguro social)")
_HELD_DOCS = re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:(?:took|takes|taken|keeps|kept|holds|held|collected|collects|confiscat\w*|grabbed|locked up)"
    + r" (?:all )?(?:of )?(?:our|their|there|his|her|the|everyone'?s|everybody'?s|the workers'?|[a-z]+'s)"
    + r"|(?:has|had) (?:all )?(?:of )?(?:our|the|everyone'?s|everybody'?s|the workers'?|[a-z]+'s))"
    + r"(?: [\w'-]+)?(?:,? (?:the|and|and the) [\w' -]{0,25})?? " + _DOC_WORDS + _E,
    # "tener" needs a clitic for the worker ("le tiene el pasaporte"; "tenía mi pasaporte" is her own)
    _W + r"(?:(?:le|les|nos|me|se) (?:tiene|tienen|tenia|tenian)|(?:le|les|nos|me|se)? ?(?:guarda|guardan|guardaba|guardaban|"
    r"quito|quitaron|recogio|recogieron|retiene|retienen|retuvo|agarro|agarraron|llevaba))"
    + r" (?:el|la|los|las|su|sus|nuestr[oa]s?)(?: \w+)? " + _DOC_WORDS + _E,
    _W + r"(?:las|los|el|la) " + _DOC_WORDS + r" (?:nos|les|me|le|se) (?:las|los|la|lo) (?:quito|quitaron|tiene|tienen|guarda|"
    r"guardan|recogio|recogieron)" + _E,
    # where the papers stay, or who answers for them ("el pasaporte sigue con ella", "dijo que la tiene el patrón", "your papers
    # stay with me til you pay", "stated he 'holds them for the workers'", "asked for my licencia back and he said after the job")
    _W + r"(?:el|la|los|las|mi|su|sus|mis|tu|tus) " + _DOC_WORDS + r" (?:sigue|siguen|esta|estan|se queda|se quedan|queda|quedan) "
    r"(?:con|en manos de) (?:el|ella|ellos|el patron|la patrona|la senora|el senor|el jefe|la jefa|la duena|el dueno|el contratista|"
    r"el encargado|la encargada|el mayordomo)" + _E,
    _W + _DOC_WORDS + r"[^.;\n]{0,40}?(?:la|lo|los|las) (?:tiene|tienen|guarda|guardan) (?:el|la) (?:patron|patrona|jefe|jefa|senora|"
    r"senor|dueno|duena|contratista|encargad[oa]|mayordomo|boss)" + _E,
    _W + r"(?:(?:your|their) " + _DOC_WORDS + r" (?:stay|stays|remain|remains|will stay) with (?:me|us)|(?:my|our|your|their) " + _DOC_WORDS
    + r" (?:stay|stays|remain|remains|will stay) with (?:him|her|them|the boss|the owner|the contractor))" + _E,
    _W + _DOC_WORDS + r"[^.;\n]{0,60}?(?:he|she|they)(?: ['\"])? ?(?:holds?|keeps?) (?:them|it)" + _E,
    _W + r"asked (?:for )?(?:my|his|her|our|their) " + _DOC_WORDS + r" back[^.;\n]{0,40}?(?:said|says|told) (?:\w+ )?(?:after|when|"
    r"not until|no|later|until|til|next)" + _E,
)), re.IGNORECASE)
HELD_DOCS_WEIGHT = 0.75


def documents_held(folded: str) -> list[ConceptHit]:
    """Papers of any kind held by someone other than the worker."""
    return [ConceptHit("cd_confiscation_of_documents", m.start(), m.end(), HELD_DOCS_WEIGHT)
            for m in _HELD_DOCS.finditer(folded) if not _ASKED.search(folded, max(0, m.start() - 40), m.start())]


# "le pregunté si el dueño le tiene el pasaporte y dice que no": a question, not a finding
_ASKED = re.compile(_W + r"(?:si|whether|if|asked|pregunt\w*)(?: \w+){0,3}\s*$", re.IGNORECASE)


# Where and how people sleep and eat (ILO/EC: bad living conditions): on sacks or the floor, a
# cot behind the ovens, a windowless back room, no water or lights, twenty men to one kitchen.
_POOR_LODGING = re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:sleeps?|slept|sleeping) on (?:the )?(?:floor|flour sacks|sacks|cardboard|pallets|mattresses on the floor)" + _E,
    _W + r"(?:duerm\w*|dormimos|dormian) (?:en el piso|sobre (?:costales|cartones|sacos|el piso)|en colchonetas|en el suelo)" + _E,
    _W + r"(?:mattress(?:es)?|cots?|colchon(?:es)?|catres?|literas?) (?:in|on|behind|en|detras de) (?:a |the |el |la |un |una )?"
    r"(?:windowless|back room|storeroom|garage|closet|ovens?|hornos?|cuarto de (?:la )?mercancia|bodega|fondo)" + _E,
    _W + r"(?:no water,? (?:and )?no (?:lights|power|electricity)|sin agua (?:ni|y sin) luz|windowless|sin ventanas?)" + _E,
    _W + r"(?:\d{1,2}|ten|twelve|fifteen|twenty|diez|doce|quince|veinte) (?:men|people|workers|hombres|personas|trabajadores),? "
    r"(?:and |with |con |y )?(?:one|a single|1|un|una|un solo|una sola) (?:kitchen|bathroom|toilet|shower|bano|cocina|regadera)" + _E,
    # a bed where no bed belongs: "i sleep in a recliner in the sala", "my room is the garage",
    # "her bed is a mattress in the laundry area", "slept on the moving blankets in the trailer"
    _W + r"(?:i|we|he|she|they|workers?|caregivers?|helpers?|victim|v-?\d|kid|boy|girl|men|women|guys|grooms?) (?:\w+ )?(?:sleeps?|slept|sleeping)(?: sitting up)? "
    r"(?:on (?:a |the |an )?(?:folding cot|cot|recliner|couch|sofa|moving blankets|chairs?|office chairs?|bench)|"
    r"(?:in|on) (?:a |the |an |his |her |their )?(?:recliner|cab|truck|trailer|van|car|garage|laundry(?: room| area)?|"
    r"closet|hallway|storage room|storeroom|stock ?room|back office|back room|tack room|(?:chicken )?coop|hayloft|barn|stables?|"
    r"bathroom|kitchen|living room|sala|basement|shed|container|office))" + _E,
    _W + r"(?:my|his|her|their|our) (?:room|bed) is (?:a |the )?(?:mattress |cot )?(?:in |on )?(?:the )?(?:garage|laundry(?: room| area)?|"
    r"closet|hallway|kitchen|living room|floor|storage room|office|basement|shed|recliner|couch|sofa)" + _E,
    _W + r"(?:duerm\w*|dormimos|dormian|dormia) (?:en|sobre) (?:el|la|un|una|los|las)? ?(?:sillon|sofa|reclinable|camioneta|troca|"
    r"cabina|trailer|traila|garaje|cochera|lavanderia|cuarto de lavado|closet|pasillo|deposito|bodega|cocina|sala|bano|"
    r"sotano|contenedor|oficina|carro|van|catre|cobija|gallinero|establo|pajar|tapanco|granero|galeron|cuarto de monturas|"
    r"trastienda|cuartito de atras|cuarto de atras)" + _E,
    _W + r"(?:mi|su) (?:cuarto|cama) es (?:el|la|un|una) (?:colchon en (?:el|la) )?(?:garaje|cochera|lavanderia|closet|pasillo|"
    r"cocina|sala|sotano|bodega|oficina)" + _E,
    _W + r"(?:mattress(?:es)?|colchon(?:es)?) (?:in|on|en) (?:the |el |la )?(?:living room|kitchen|laundry(?: room| area)?|sala|cocina|"
    r"lavanderia|hallway|pasillo)" + _E,
    # the same told without a subject ("works the register and sleeps in the back office", "then sleep on a cot in the
    # office closet") or as where someone lives ("lives in a camper beside the pens", "viven en un galerón junto al silo")
    _W + r"(?:and|then|y|luego) (?:\w+ )?(?:sleeps?|slept|sleeping|duerm\w*|dormimos|dormian|dormia|lives?|lived|living|vive|viven|vivimos)"
    r" (?:in|on|en|sobre) (?:a |an |the |el |la |un |una )?(?:cot|recliner|floor|piso|suelo|back office|back room|office closet|"
    r"closet|storeroom|stock ?room|tack room|(?:chicken )?coop|hayloft|shed|container|garage|cab|catre|cuartito|trastienda|"
    r"bodega|galeron|granero|tapanco|gallinero|cochera|garaje|cabina|establo|camper)" + _E,
    _W + r"(?:lives?|lived|living|vive|viven|vivimos|vivia|vivian|sleeps?|slept|duerm\w*|dormimos) (?:in|en) (?:a |an |the |un |una |el |la )?"
    r"(?:converted |old |viejo )?(?:shed|chicken coop|coop|tack room|hayloft|storage container|shipping container|galeron|"
    r"granero|tapanco|gallinero|cuartito (?:de )?(?:atras|arriba)|cuarto de atras|room behind the (?:office|store|kitchen|shop)|"
    r"camper (?:beside|next to|by) the (?:pens|barn|barns|corrals?|silo))" + _E,
    # food given out in rations ("comíamos una vez al día", "given rice once a day", "one meal a day")
    _W + r"(?:(?:eat|ate|eats|eating|fed|given \w+|get \w+|comemos|comiamos|comen|comian|come|comia|nos dan de comer|les dan de comer|"
    r"les dan|nos dan) (?:only |just |solo |nomas )?(?:once|one time|una vez|1 vez) (?:a|al|per|por) (?:day|dia)|"
    r"(?:one|1|una|una sola) (?:meal|comida) (?:a|al|per|por) (?:day|dia))" + _E,
    _W + r"(?:casi no|apenas) (?:nos|les|me|le|te) (?:dan|daban|da|daba) (?:de )?comer" + _E,
)), re.IGNORECASE)
POOR_LODGING_WEIGHT = 0.7

# Sleeping or living where people work or store things ("sleep in the stock trailers with the
# horses", "duermo en el shop en una colchoneta", "live INSIDE the shop", "dormimos en cartones
# entre las tarimas"): the verb, at most two words (a count, "there"), a preposition, at most
# three words, then a place that is not a dwelling. A plain trailer, camper or room is housing,
# and a driver's cab is where drivers rest (unless he sleeps "sitting up", _POOR_LODGING).
_SLEEP_OR_LIVE = (r"(?:sleeps?|slept|sleeping|duerm\w*|dormimos|dormian|dormia|durmiendo|durmieron|lives?|lived|living|"
                  r"vive|viven|vivimos|vivia|vivian|viviendo)")
_NOT_A_DWELLING = (
    r"(?:shop|body shop|garage|barn|hog barn|stables?|kennel|tack room|feed room|horse trailers?|stock trailers?|"
    r"equipment trailers?|cargo trailers?|wool trailer|bus|school bus|van|crew van|cargo van|stand|tent|booth|counter|"
    r"loft|warehouse|yard|container|cube|boxes|pallets|crates|cardboard|foam \w+|mats|slabs?|carpet|chairs|boathouse|"
    r"barge|boat|depot|plant|factory|storeroom|stock ?room|back room|office|attic|shed|coop|chicken house|greenhouse|"
    r"packing ?house|unfinished \w+|building they|cooler|reefer \w+|floor|ground|car|pickup|porch|jobsite|job site|"
    r"taller|cochera|garaje|granero|establo|jaula|puesto|carpa|lonchera|autobus|camioneta|bodega|"
    r"almacen|deposito|oficina|fabrica|tarimas|cartones|colchonetas|piso|suelo|patio|contenedor|remolque para caballos|"
    r"barco|lancha|obra|sotano|tapanco|gallinero|invernadero|empacadora|cuarto del alimento|stand de)")
_AT_WORK_BED = re.compile(
    _W + _SLEEP_OR_LIVE + r"(?: (?!and\b|y\b)\w+){0,2}? (?:in|on|inside|under|behind|between|at|in the back of|"
    r"en|sobre|encima de|dentro de|adentro de|debajo de|entre|detras de|atras de|arriba de)"
    r"(?: (?!and\b|y\b|with\b|con\b)[\w'-]+){0,3}? " + _NOT_A_DWELLING + _E, re.IGNORECASE)
# (a second driver's sleeper berth and a company hotel are lawful, and "at home" is a home)
_LAWFUL_BED = re.compile(_W + r"(?:sleeper|berth|hotel|motel room paid|at home|en casa|en su casa|own \w+)" + _E, re.IGNORECASE)

# Crowding told as a ratio in one sentence: so many people to so few rooms, beds or bathrooms
# ("eleven men share three rooms and one bathroom", "6 nurses 1 bathroom", "eight of us share
# two beds", "nos tiene a nueve en un apartamento de dos cuartos").
_NUM = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
        r"eighteen|twenty|thirty|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
        r"dieciseis|dieciocho|veinte|treinta)")
_PEOPLE = re.compile(
    _W + r"(?:(?P<a>" + _NUM + r")(?: \w+)? (?:men|guys|workers|women|people|girls|boys|nurses|drivers|helpers|sellers|"
    r"kids|families|of us|of them|hombres|muchachos|muchachas|personas|trabajadores|mujeres|chavos|compas|paisanos|"
    r"familias|de nosotros)|(?:somos|estamos|vivimos|viven|dormimos|duermen|nos tiene a|los tiene a|las tiene a|we are|"
    r"there are|hay) (?:como |unos |unas |about |like )?(?P<b>" + _NUM + r")|(?:with|con) (?P<c>" + _NUM
    + r") (?:other|otros|otras))" + _E, re.IGNORECASE)
_ROOMS = re.compile(
    _W + r"(?:(?P<n>a|an|one|single|1|2|3|two|three|four|un|una|dos|tres|cuatro|the|el|la|este|ese|esa)"
    r"(?: (?:single|solo|sola|small|little|tiny|motel|hotel|pequen[oa]))? (?P<k>rooms?|bedrooms?|bathrooms?|toilets?|"
    r"showers?|beds?|cuartos?|recamaras?|banos?|camas?|habitacion(?:es)?|regaderas?)|"
    r"(?:de|with) (?P<m>\d|two|three|dos|tres|una|one) (?P<j>cuartos?|recamaras?|bedrooms?|rooms?|banos?|bathrooms?))" + _E,
    re.IGNORECASE)
_PER_KIND = {"bed": 3, "cam": 3, "bat": 6, "ban": 6, "toi": 6, "sho": 6, "reg": 6}  # other units (rooms): 5 a room


def _number(token: str | None) -> int:
    if not token:
        return 1
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBERS.get(token, 1)


_NUMBERS = {w: i for i, ws in enumerate((
    (), ("a", "an", "one", "single", "un", "una", "the", "el", "la", "este", "ese", "esa"), ("two", "dos"), ("three", "tres"),
    ("four", "cuatro"), ("five", "cinco"), ("six", "seis"), ("seven", "siete"), ("eight", "ocho"), ("nine", "nueve"),
    ("ten", "diez"), ("eleven", "once"), ("twelve", "doce"), ("thirteen", "trece"), ("fourteen", "catorce"),
    ("fifteen", "quince"), ("sixteen", "dieciseis"), (), ("eighteen", "dieciocho"))) for w in ws}
_NUMBERS.update({"twenty": 20, "veinte": 20, "thirty": 30, "treinta": 30})


def crowded_ratio(folded: str) -> list[ConceptHit]:
    hits = []
    for start, end in _sentences(folded):
        people = [(m, _number(m.group("a") or m.group("b")) + (1 if m.group("c") else 0) + _number(m.group("c")) * bool(m.group("c")) - bool(m.group("c")))
                  for m in _PEOPLE.finditer(folded, start, end)]
        people = [(m, n) for m, n in people if n >= 3]
        if not people:
            continue
        for room in _ROOMS.finditer(folded, start, end):
            kind = (room.group("k") or room.group("j")).lower()
            units = _number(room.group("n") or room.group("m"))
            for m, count in people:
                if count / max(units, 1) >= _PER_KIND.get(kind[:3], 5):
                    hits.append(ConceptHit("ex_bad_living_conditions", min(m.start(), room.start()),
                                           max(m.end(), room.end()), POOR_LODGING_WEIGHT))
                    break
    return hits


def _sentences(folded: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"[.!?\n]+(?:\s|$)", folded):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(folded)))
    return bounds


# Living in one's own home ("lives in a rented apartment with his wife", "sleeps in his own bed", "vive en su propia
# casa"): not itself a finding, but the learned layer may not add bad living conditions to such a text on its own
# (matcher.find_hits blocks the item; explicit evidence of bad lodging still counts).
_OWN_HOME = re.compile(
    _W + r"(?:(?:lives?|lived|living|stays?) (?:in|at) (?:a |an |the |his |her |their |my |our )?(?:own |rented |"
    r"shared )?(?:apartment|apt|house|home|place|room) (?:(?:he|she|they|we|i) (?:rents?|rented|found)|with (?:his|her|their|my|"
    r"our) (?:wife|husband|family|kids|children|parents|mother|sister|brother|cousin|roommate)|of (?:his|her|their|my|our) own|"
    r"in town|they found)|(?:his|her|their|my|our) own (?:bed|bedroom|room|apartment|apt|house|place|home|trailer)|"
    r"(?:rents?|rented|renting) (?:his|her|their|my|our|an?|the) (?:own )?(?:apartment|apt|house|place|room|rooms)|"
    r"(?:vive|viven|vivo|vivimos|renta|rentan|rento|rentamos) (?:en )?(?:su|sus|mi|nuestro|nuestra) (?:propi[oa] )?"
    r"(?:casa|apartamento|departamento|cuarto|traila|trailer)(?: (?:propi[oa]|con (?:su|mi) (?:esposa|esposo|familia|mama|papa)))?"
    r"|(?:su|mi|sus) propi[oa]s? (?:cama|cuarto|casa|apartamento|departamento))" + _E, re.IGNORECASE)


# Every worker holds the key, the code or the badge ("cada uno de nosotros tiene su llave del candado", "each picker has own
# badge", "I have the gate code", "staff go out by the push bar"): in train, none of the 148 narratives saying so is labelled
# confinement, so a lock, gate, door, camera or guard in such a story confines nobody.
_EVERYONE_HAS_A_KEY = re.compile(
    _W + r"(?:(?:each|every|all|cada|todos|todas)(?: [\w']+){0,3}? (?:has|have|tiene|tienen|tenemos|gets?)(?: (?:a|an|the|his|her|"
    r"their|its|our|my|su|sus|mi|mis|nuestr\w+|el|la|los|las))*(?: own| propi\w+)?(?: [\w-]+)? (?:key|keys|code|codes|badge|"
    r"llave|llaves|codigo|codigos|tarjeta|gafete)|(?:i|we) (?:have|got|tengo|tenemos) (?:the|my|our|el|la|mi|nuestr\w+)(?: own)?"
    r"(?: gate| door| alarm)? (?:key|keys|code|llave|codigo)|inside release|push ?bar|abren? desde adentro|"
    r"opens? from (?:the )?inside)" + _E, re.IGNORECASE)
_LOCK_OR_WATCH = re.compile(
    _W + r"(?:lock\w*|padlock\w*|gates?|doors?|fenc\w*|cameras?|guards?|badges?|keys?|buzzer|locked in|encerr\w*|encierr\w*|"
    r"candados?|porton\w*|rejas?|puertas?|camaras?|guardias?|llaves?|cerrad\w*|cierra\w*|vigil\w*)" + _E, re.IGNORECASE)


def everyone_has_a_key(folded: str) -> bool:
    return _EVERYONE_HAS_A_KEY.search(folded) is not None


def lock_or_watch(evidence: str) -> bool:
    """Confinement evidence that names a lock, a gate, a door, a camera or a guard."""
    return _LOCK_OR_WATCH.search(evidence) is not None


def lives_at_home(folded: str) -> bool:
    return _OWN_HOME.search(folded) is not None


# Sleeping where people work or store things, not where they live ("dormimos 5 en el basement", "sleeps on a mat in the
# playroom", "bedding among rice sacks in the storeroom", "a bunk in the shop's back room"): ILO/EC bad living
# conditions (train: 94% of the narratives with such a sentence carry the label). A threat to send someone there
# ("would sleep in the barn") is another item's, and things that "stay in the truck" are not people.
_SLEEPS_AT_WORK = re.compile(
    r"(?<![\w'])(?:(?:would|will|could|'ll|va a|van a|iba a|tomorrow)\s+)?(?:sleeps?|slept|sleeping|lives?|lived|living|bunks?|"
    r"duerme\w*|dormi\w*|dorm[ii]mos|viv\w*)(?:\s+\w+){0,3}?\s+(?:in|on|at|inside|en|sobre|dentro de)\s+(?:the |a |an |his |her |"
    r"their |el |la |los |las |un |una |su )?(?:[\w']+\s+){0,2}?(?:basement|storeroom|store room|stockroom|stock room|back ?room|"
    r"kitchen|garage|warehouse|container|conex|cooler|walk-in|playroom|laundry room|boiler room|barn|shed|attic|closet|floor|"
    r"mats?|cots?|pallets?|cardboard|sotano|almacen|cocina|cochera|garaje|contenedor|piso|colchonetas?|catres?|cuarto frio|"
    r"establo|granero|tejaban|taller)(?![\w'])", re.IGNORECASE)
SLEEPS_AT_WORK_WEIGHT = 0.7


def sleeps_at_work(folded: str) -> list[ConceptHit]:
    return [ConceptHit("ex_bad_living_conditions", m.start(), m.end(), SLEEPS_AT_WORK_WEIGHT)
            for m in _SLEEPS_AT_WORK.finditer(folded) if not re.match(r"(?:would|will|could|'ll|va a|van a|iba a|tomorrow)\s",
                                                                   m.group(), re.IGNORECASE)]


def poor_lodging(folded: str) -> list[ConceptHit]:
    """Sleeping on sacks or floors, back rooms without windows, no water or light, many to one
    bathroom, a bed at the workplace, many to a room."""
    hits = _matches("ex_bad_living_conditions", (_POOR_LODGING,), POOR_LODGING_WEIGHT, folded)
    hits += [ConceptHit("ex_bad_living_conditions", m.start(), m.end(), POOR_LODGING_WEIGHT)
             for m in _AT_WORK_BED.finditer(folded) if not _LAWFUL_BED.search(m.group())]
    return hits + crowded_ratio(folded)


# Status that ties the worker to whoever holds it (ILO/EC: relationship with authorities /
# legal status): false or borrowed papers, another person's name, working after entering as a
# tourist, a visa that "is hers".
_STATUS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:fake|false|phony|bought|borrowed|someone else'?s|somebody else'?s|another (?:person|man|woman|guy)'?s) "
    r"(?:papers|documents|green cards?|social security (?:cards?|numbers?)|socials?|ids?|work permits?)" + _E,
    _W + r"papers (?:are|were|is) (?:fake|false|not (?:hers|his|theirs|mine))" + _E,
    _W + r"(?:papeles|documentos|micas?|green cards?|seguros? sociales?|permisos?) (?:falsos|falsas|chuecos|chuecas|prestados|"
    r"prestadas|comprados|compradas|de otr[oa]s?)" + _E,
    _W + r"(?:seguro social|social|papeles|documentos|nombre) que no (?:era|es|eran|son) (?:suyo|suyos|mio|mios|de el|de ella)" + _E,
    _W + r"(?:con|a|bajo) (?:el )?nombre de otr[oa]" + _E,
    _W + r"(?:under|using|with) (?:another|someone else'?s|somebody else'?s|a different) (?:person'?s )?(?:name|social)" + _E,
    _W + r"(?:entered|flew in|entry|entering|got in)" + _E + r"(?: \w+){0,3} (?:as an? |on an? |with an? )?tourists?" + _E,
    _W + r"tourists? (?:can'?t|cannot|are not allowed to|aren'?t allowed to|may not) work" + _E,
    _W + r"(?:my|his|her|their) visa (?:is|was) (?:hers|his|theirs|the (?:boss|employer|owner)'?s|tied to|in (?:his|her) name)" + _E,
    _W + r"(?:mi|su|la) visa (?:es|era) (?:de ella|de el|del patron|de la patrona|de la senora|del senor|de ellos)" + _E,
    # working on a tourist visa; a visa said to belong to, or hang on, the employer
    _W + r"(?:on|with|came on|entered on|con|en|entro con|vino con|llego con) (?:a |an |una |su |mi |their |his |her )?"
    r"(?:tourist visas?|b-?2 visas?|visas? de (?:turista|paseo))" + _E,
    _W + r"(?:the |my |his |her |their |our )?visas? (?:is|was|are|were|belongs?|belonged) (?:to )?(?:the )?(?:company|farm|circus|"
    r"ranch|boss|employer|owner|patron|jefe)(?:'?s)?(?: name)?" + _E,
    # a status that hangs on the authorities' leave: parole, TPS, probation ("on humanitarian parole", "TPS lapsed", "calls my PO")
    _W + r"(?:humanitarian parole|on parole|parole papers|con parole|el parole|tps|temporary protected status|sin estatus(?: migratorio)?|"
    r"(?:probation|parole) officer|my po|oficial de (?:probatoria|libertad condicional)|agente de libertad condicional)" + _E,
    _W + r"(?:la |mi |su )?visas? (?:es|era|son|eran) (?:de la|del|de) (?:compania|empresa|circo|rancho|granja|patron|dueno|boss)" + _E,
    _W + r"(?:my|his|her|their|our|the) visas? (?:depends?|hangs?) on (?:him|her|them|the (?:company|boss|owner|employer|farm))" + _E,
    _W + r"(?:mi|su|la) visa depende (?:de el|de ella|del patron|de la (?:compania|empresa)|del dueno)" + _E,
    # working under someone else's account, badge or name, or without a permit
    _W + r"account (?:that belongs to|registered to|registered in|in (?:the man'?s|his|her|someone else'?s|another person'?s|"
    r"a friend'?s) name|of (?:a|another) (?:man|guy|person|friend))" + _E,
    _W + r"(?:repart\w*|trabaj\w*|manej\w*|entreg\w*)[^.;\n]{0,30}? (?:con|en) (?:la|una) cuenta (?:de (?:un|una|otro|otra|su|el|la|mi)|"
    r"(?:a|en) nombre de (?:otr[oa]|un|una))" + _E,
    _W + r"(?:no|without|sin) (?:a |any )?(?:work permit|work authorization|permiso de trabajo)" + _E,
    _W + r"no (?:le|me|nos|les) (?:sale|ha salido|han dado) (?:el|su|mi)? ?permiso de trabajo" + _E,
    _W + r"(?:badge|credential|id card|work badge) (?:says|said|shows|showed) (?:he is |she is |i am |im |i'm )?(?:1[89]|2\d)" + _E,
    _W + r"credencial(?:es)? con (?:el )?nombres? de (?:adultos?|otr[oa]s?)" + _E,
)), re.IGNORECASE)]
STATUS_WEIGHT = 0.7


# A threat to shame the worker before family or community (ILO/EC: threats to inform family,
# community or public): what the boss will tell the mother, the village, the church or the school
# if the worker leaves or talks ("he will tell abbu i ran with the money and the whole village will
# know", "si me voy le cuenta a todos en el pueblo que le robé", "the congregation back home would
# hear she is in rebellion"). Read where the telling is a consequence held over the worker (a
# condition, a threat, "or") and names an audience at home or a stain (thief, lazy, shame); a
# worker who calls her own mother when she wants is not it.
_TELL = (r"(?:tell|tells|telling|told|will tell|call|calls|calling|phone|phones|phoned|inform|informs|announce\w*|"
         r"write to|writes to|post|posts|spread\w*|let|lets|expose\w*|cuenta|cuentan|contar\w*|contaria\w*|avis\w*|"
         r"anunci\w*|mand\w* (?:a )?decir|decir(?:le|les)|dira|diria|(?:le|les) (?:va|van|iba|iban) a decir|"
         r"(?:le|les) dice a|llam(?!ada)\w*|hablar\w* a|public\w*|exhib\w*|posted|mand\w* mensajes?|texts?|texted|message\w*)")
_AUDIENCE = (r"(?:family|families|mother|mom|mum|mama|father|dad|papa|abbu|ammi|parents|wife|husband|brothers?|sisters?|"
             r"aunt|uncle|relatives|village|villages|pueblo|hometown|community|communities|church|congregation|mosque|"
             r"temple|school|neighbou?rs|elders|everyone back home|everybody back home|people back home|"
             r"familia|familias|madre|padre|padres|papas|esposa|esposo|marido|hermanos?|hermanas?|tia|tio|parientes|aldea|comunidad|"
             r"iglesia|congregacion|vecinos|escuela|todos en|toda la gente|todo el pueblo|town|facebook|social media|"
             r"neighborhood page|redes sociales|redes|sons?|daughters?|children|kids|hij[oa]s?|todo el mundo|"
             r"the people at|la gente de|everybody (?:in|at|back)|everyone (?:in|at|back))")
_STAIN = (r"(?:thief|thieves|stole|steal|steals|stealing|robbed|ran (?:off )?with|lazy|shame\w*|ashamed|disgrace\w*|"
          r"rebellion|rebel|prostitut\w*|whore|owes|debts?|pictures|photos|"
          r"ladron\w*|ratera?|robe|robo|robaba|robado|floj[oa]s?|verguenza|perdida|rebelde|malos pasos|puta|deuda|"
          r"lo que debe|fotos|what kind of (?:woman|man|girl)|que clase de (?:mujer|hombre)|anda con (?:los clientes|hombres)|"
          r"ando con hombres|starved|escort\w*|hooker|stripper|another woman|another man|otra mujer|otro hombre|"
          r"and(?:a|aba) con (?:los|las|otros|otras|otro|otra|hombres|mujeres))")
_EXPOSE_FRAME = (r"(?:if|whoever|anyone who|anybody who|or else|otherwise|unless|threat\w*|warn\w*|si|el que|la que|"
                 r"quien|o si no|amenaz\w*|advirt\w*|advierte)")
# the telling reaches the audience directly ("tell abbu", "le cuenta a la iglesia"), not "know where
# the family lives" (that is a threat to the family) nor "call ICE and (tell them) ... the family"
_TO_AUDIENCE = r"(?:(?!(?<!\w)(?:where|donde|and|y|que)\b)[^.;\n]){0,30}?" + _W + _AUDIENCE + _E
_EXPOSURE = [re.compile(p, re.IGNORECASE) for p in (
    # a condition or threat, then the telling, then who hears it
    _W + r"(?P<f>" + _EXPOSE_FRAME + r")" + _E + r"(?P<g>[^.;\n]{0,120}?)(?<!can )(?<!puede )(?<!pueden )(?<!may )"
    + _W + _TELL + _E + _TO_AUDIENCE,
    # the audience first: "the whole village will know", "my mother in Brazil will be told"
    _W + r"(?P<f>" + _EXPOSE_FRAME + r")" + _E + r"(?P<g>[^.;\n]{0,120}?)" + _W + _AUDIENCE + _E + r"[^.;\n]{0,40}?" + _W
    + r"(?:will|would|'ll|is going to|are going to|van a|va a)? ?(?:know|hear|be told|find out|se entera\w*|sabra\w*|"
    r"enterar\w*|saber)" + _E + r"(?! (?:where|donde))",
)]
_FUTURE = r"(?:will|would|'ll|is going to|are going to|gonna|va a|van a|iba a|iban a)"
# no condition needed where the stain is said: "he will tell their community in Anand they are thieves",
# "les va a contar a sus papás que anda en malos pasos", "the congregation back home would hear she is
# in rebellion"
_STAINED = [re.compile(p, re.IGNORECASE) for p in (
    _W + _FUTURE + r" (?:\w+ )?" + _TELL + _E + _TO_AUDIENCE + r"[^.;\n]{0,80}?" + _W + _STAIN + _E,
    # the audience told of the stain in a past-as-future ("todos se iban a enterar que éramos unos ladrones")
    _W + r"todos (?:se )?(?:iban|van|va|iba) a (?:enterar|saber)" + _E + r"[^.;\n]{0,40}?" + _W + _STAIN + _E,
    _W + _AUDIENCE + _E + r"[^.;\n]{0,40}?" + _W + _FUTURE + r" (?:know|hear|be told|find out|be ashamed|saber|enterar\w*)"
    + _E + r"[^.;\n]{0,40}?" + _W + _STAIN + _E,
)]
# a telling already done, with its stain: "phoned her husband in Batangas to say she is lazy"
_EXPOSED = re.compile(_W + r"(?:phoned|called|told|wrote to|llamo a|le conto a|les conto a|le dijo a|les dijo a)" + _E
                      + _TO_AUDIENCE + r"[^.;\n]{0,40}?" + _W + r"(?:to say|saying|that|que)" + _E + r"[^.;\n]{0,40}?"
                      + _W + _STAIN + _E, re.IGNORECASE)
# the telling must carry a stain, or the condition must be the worker leaving, talking or complaining
_LEAVE_OR_TALK = re.compile(
    _W + r"(?:leave|leaves|leaving|left|quit|quits|go|goes|going|run|runs|ran|escape\w*|complain\w*|talk|talks|tell|tells|"
    r"report\w*|stop|stops|make trouble|makes trouble|causes trouble|refuse\w*|ask\w*|say anything|says anything|"
    r"me voy|te vas|se va|se van|nos vamos|irse|irme|quej\w*|denunci\w*|habl\w*|dice algo|dec\w* algo|renunci\w*|"
    r"escap\w*|sal\w*|me salgo|se sale|cambi\w* de|dej\w*|no trabaj\w*)" + _E, re.IGNORECASE)
_STAIN_RE = re.compile(_W + _STAIN + _E, re.IGNORECASE)
EXPOSURE_WEIGHT = 0.7


def exposure_threats(folded: str) -> list[ConceptHit]:
    """A threat to shame the worker before family, village, church or school."""
    hits = []
    for pattern in _EXPOSURE:
        for m in pattern.finditer(folded):
            condition = m.group("g")
            # "si habla con vecinos", "if she tells the coordinator": the telling is the condition itself
            if len(re.findall(r"\w+", condition)) < 2 and not (m.group("f").lower().startswith(("threat", "amenaz"))):
                continue
            told = folded[m.start():m.end() + 60].split(".")[0]
            if _STAIN_RE.search(told) or _LEAVE_OR_TALK.search(condition):
                hits.append(ConceptHit("cd_threats_to_inform_family_community", m.start(), m.end(), EXPOSURE_WEIGHT))
    hits.extend(ConceptHit("cd_threats_to_inform_family_community", m.start(), m.end(), EXPOSURE_WEIGHT)
                for pattern in (*_STAINED, _EXPOSED) for m in pattern.finditer(folded))
    return hits


# Out of school (ILO/EC: no access to education): a young worker who does not go, is not
# enrolled, was taken out or stopped going, or whose promised classes never came ("no va a la
# escuela", "not enrolled in school since arriving", "stopped school in April because the season
# needs me", "nunca me dejaron inscribirme", "2 yrs here, no course", "nada de escuela").
_SCHOOL_EN = r"(?:school|high school|middle school|class|classes|the course|any course|a course|english classes)"
_SCHOOL_ES = r"(?:la escuela|escuela|clases|la secundaria|secundaria|la prepa|prepa|el colegio|colegio|la universidad|el curso)"
_OUT_OF_SCHOOL = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:does not|doesn'?t|dont|don'?t|do not|did not|didn'?t|never|none of (?:them|the \w+)|none|nobody|no one|not|"
    r"cannot|can'?t|won'?t)(?: \w+){0,2}? (?:go|goes|went|going|gone|attend|attends|attended|been|get to go) (?:to )?(?:a |any |one )?"
    + _SCHOOL_EN + _E + r"(?! (?:today|on (?:the )?(?:weekend|saturday|sunday)s?|this week))",
    _W + r"(?:not|never|has not been|have not been|was never|were never|hasn'?t been|isn'?t|aren'?t) (?:been )?(?:enrolled|registered|"
    r"in)(?: in)? (?:school|class|classes)" + _E,
    _W + r"(?:has not been|have not been|was never|hasn'?t been|never (?:got|been)) enrolled" + _E,
    _W + r"(?:stopped|quit|dropped out of|pulled (?:him |her |them |me )?out of|took (?:him |her |them |me )?out of|taken out of|"
    r"left)(?: going to| attending)? (?:high |middle )?(?:school|his classes|her classes|classes)" + _E,
    _W + r"(?:no|never a) (?:course|class|classes|school) (?:yet|at all|ever|since)" + _E,
    r"(?:\d+|two|three|four) (?:yrs?|years|months) here,? no (?:course|class|classes|school)" + _E,
    _W + r"(?:no|nunca|ya no|jamas)(?: \w+)? (?:va|van|iba|iban|voy|vamos|fue|fui|fueron|ha ido|he ido|han ido|asiste|asisten|"
    r"asistia|asistio|esta yendo|estan yendo|pudo ir|pude ir) (?:a )?" + _SCHOOL_ES + _E,
    _W + r"no (?:esta|estan|estaba|estaban|fue|ha sido) inscrit[oa]s?" + _E,
    _W + r"(?:dejo|dejaron|deje|dejamos)(?: de ir a| de ir| de estudiar| de venir)? (?:a )?(?:la escuela|la secundaria|la prepa|"
    r"el colegio|de estudiar|de venir a clases)" + _E,
    _W + r"(?:nada de|sin|ninguna|ni un dia de) (?:escuela|clases)" + _E,
    _W + r"no he pisado (?:ninguna|una|la) escuela" + _E,
    _W + r"nunca (?:lo|la|los|las) (?:he|hemos|ha) visto ir a (?:la escuela|clases)" + _E,
    _W + r"nunca (?:estudio|estudie|estudiamos|estudiaron|me inscribi|la inscribieron|lo inscribieron|fue a clases|fui a clases)" + _E,
    _W + r"(?:no|nunca) (?:me|la|lo|los|las|nos|le|les) (?:dejo|dejaron|dejan|deja|dejaba|dejaban) (?:inscribir\w*|estudiar|"
    r"ir a (?:la escuela|clases))" + _E,
    _W + r"(?:me|la|lo|los|las|nos) (?:saco|sacaron|sacaba) de (?:la escuela|la secundaria|la prepa|el colegio)" + _E,
    _W + r"(?:never|not once) (?:let|allowed) (?:me|her|him|them|us) (?:to )?(?:enroll|register|study|go to (?:school|class))" + _E,
)), re.IGNORECASE)]
OUT_OF_SCHOOL_WEIGHT = 0.75


def out_of_school(folded: str) -> list[ConceptHit]:
    """A worker kept out of school or from the promised classes."""
    return _matches("ex_no_access_to_education", _OUT_OF_SCHOOL, OUT_OF_SCHOOL_WEIGHT, folded, negative_wording=True)


# A young worker who goes to school ("goes to school in the mornings", "va a la escuela de lunes a
# viernes") or works only when there is none ("no school on Saturdays", "after class", "en
# vacaciones"): the learned layer may not add "no access to education" to such a text; the
# patterns above still find it where the text says the worker is kept out.
_IN_SCHOOL = re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:goes|go|went|attends|attend|attended|is enrolled|are enrolled|enrolled|gets to go)(?: \w+){0,2}? (?:to |in )?"
    r"(?:school|high school|middle school|class|classes)" + _E,
    _W + r"(?:va|van|iba|iban|voy|vamos|asiste|asisten|asistia|esta inscrit[oa]|estan inscrit[oa]s)(?: \w+){0,2}? (?:a |en )?"
    + _SCHOOL_ES + _E,
    _W + r"no (?:school|class|classes) (?:on|over|during) (?:the )?(?:saturdays?|sundays?|weekends?|summer|break|holidays?)" + _E,
    _W + r"(?:after|before) (?:school|class|classes)|(?:antes|despues) de (?:la escuela|clases|la secundaria)" + _E,
    _W + r"no (?:hay|tiene|tienen) (?:escuela|clases) (?:los |el |en )?(?:sabados?|domingos?|fines? de semana|verano|vacaciones)"
    + _E,
)), re.IGNORECASE)


def attends_school(folded: str) -> bool:
    return _IN_SCHOOL.search(folded) is not None and not out_of_school(folded)


# The worker's papers told by where they are or whose they are ("never took my passport, it is in
# my room", "its in my bag", "yo tengo el mío en mi cuarto", "lo tiene él mismo").
_DOC_WORD = (r"(?:passports?|papers|ids?|documents|visa|green card|cdl|twic|ead|work permit|pasaportes?|papeles|documentos|"
             r"identificacion(?:es)?|mica|cedula|licencia)")
_HOME = (r"(?:at (?:home|my place|(?:my|his|her|their|our|the) (?:own )?(?:apartment|apt|house|place|trailer))|"
         r"in (?:my|his|her|their|our) (?:dresser|closet|grip|nightstand)|in (?:the )?workers'? own \w+|"
         r"en (?:mi|su|nuestra|la) casa|en (?:mi|su|nuestro|el) (?:departamento|apartamento|cuarto|traila))")
_OWN_PAPERS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + _DOC_WORD + _E + r"[^.;\n]{0,40}?" + _W + r"(?P<c>(?:it'?s|its|it is|they'?re|they are|is|are|stays?|esta|estan|lo tengo|"
    r"los tengo|lo guardo|los guardo|lo tiene|los tiene|lo guarda|los guarda|lo traigo|lo trae) (?:in|on|en) "
    r"(?:(?:my|our|mi|mis|nuestro|nuestra) (?:own )?(?:room|bag|purse|wallet|suitcase|backpack|locker|pocket|truck|car|drawer|"
    r"cuarto|bolsa|maleta|cartera|mochila|carro|troca|cajon|bolsillo)|(?:his|her|their|su|sus) (?:own |propia |propio )?"
    r"(?:purse|wallet|suitcase|backpack|pocket|bolsa|cartera|maleta|mochila|bolsillo)|(?:his|her|their) own \w+))" + _E,
    _W + r"(?:yo tengo|tengo|ella tiene|el tiene|cada quien tiene|cada uno tiene) (?:el mio|la mia|los mios|el suyo|la suya|"
    r"los suyos)" + _E,
    _W + r"(?:lo|la|los|las) (?:tiene|guarda|tengo|guardo|tienen|guardan|tenemos|guardamos) (?:el mismo|ella misma|"
    r"ellos mismos|ellas mismas|yo mismo|yo misma|nosotros mismos)" + _E,
    # the papers first, then who keeps them: "los pasaportes los tenemos en la maleta", "los papeles los trae uno"
    _W + r"(?:el|los|la|las|mis|sus|nuestros) " + _DOC_WORD + r" (?:lo|los|la|las) (?:tengo|tenemos|traigo|traemos|guardo|"
    r"guardamos|cargo|cargamos|trae (?:cada )?uno|tiene cada (?:uno|quien)|guarda cada (?:uno|quien))" + _E,
    _W + r"cada (?:uno|una|quien|trabajador|trabajadora) (?:trae|tiene|guarda|carga) (?:su|sus) (?:propios? )?" + _DOC_WORD + _E,
    _W + _DOC_WORD + r" (?:en|in) (?:su|sus|their|his|her|my|our|mi|nuestro) (?:own |propio )?(?:poder|possession|manos|hands)" + _E,
    _W + r"en poder de (?:cada|los|las|la|el) (?:uno|una|trabajador\w*|worker\w*)" + _E,
    _W + r"(?:we|they) (?:all|both) (?:got|have|had|kept|keep|hold|held|still have) (?:our|their) (?:own )?" + _DOC_WORD + _E,
    _WORKER_NOUN_HOLDING,
)), re.IGNORECASE)]
# The newer shapes, scanned only when a word they need is in the text: kept at home ("my passport is at home", "my
# green card stays at home", "her passport is in our dresser"), "los tuve yo", "i got my papers".
_OWN_PAPERS_GUARDED = _guarded((
    (r"home|casa|apart|apt|house|place|trailer|dresser|closet|grip|nightstand|locker|departamento|cuarto|traila",
     _W + _DOC_WORD + r"(?:,? (?:and|y) (?:my|his|her|their|mi|su|sus) \w+(?: \w+)?)? (?P<h>(?:is|are|stays?|stayed|was|were|"
     r"sits?|esta|estan|se queda|se quedan|lo tengo|los tengo|lo tiene|los tiene|los tienen|lo guardo|los guardo) " + _HOME +
     r"|at (?:home|my (?:apartment|apt|house|place))|en (?:casa|mi casa))" + _E),
    (r" yo\b", _W + r"(?:lo|los|la|las) (?:tengo|tuve|tenia|traigo|traia|cargo|cargaba|guardo|guardaba|conservo|conserve) yo" + _E),
    (r"\bgot\b", _W + r"(?:i|we)(?: still| also| always)? (?:got|have got|'ve got|ve got) (?:my|our) (?:own )?" + _DOC_WORD + _E),
    # shown or carried by the worker ("each produced his own passport", "traen su propia identificación", "conservan sus documentos")
    # (showing needs the worker as the one showing: "the lead produced their passports from the glovebox" is the boss's hold)
    # (a bare he/él is no worker: "el patrón mostró sus pasaportes", "he produced their passports from the glovebox")
    (r"produc|show|mostr|present|ensen", _W + r"(?:(?:each(?: one| worker| man| woman)?|all|every one|i|(?:the )?workers?|(?:el|la|los|las) "
     r"trabajador\w*|cada (?:uno|una|quien|trabajador\w*)) (?:produced|showed|shows|mostro|mostraron|presento|presentaron|enseno|ensenaron) (?:his|her|"
     r"their|my|su|sus|mi|mis) (?:own |propios? |propias? )?|(?:produced|showed|shows|mostro|mostraron|presento|presentaron) (?:his|her|"
     r"their|my|su|sus|mi|mis) (?:own|propios?|propias?) )" + _DOC_WORD + _E),
    (r"carr|trae|traigo|conserv", _W + r"(?:carry|carries|traen|trae|traigo|conservan|conserva|conservo) (?:his|her|their|my|su|sus|mi|"
     r"mis) (?:own |propios? |propias? )?" + _DOC_WORD + _E),
    # kept close ("mi pasaporte está conmigo")
    (r"conmigo", _W + _DOC_WORD + r"(?: \w+){0,2}? (?:esta|estan|anda|andan|lo traigo|los traigo|lo tengo|los tengo) conmigo" + _E),
    # a copy kept, the original with the worker ("el original lo tiene cada empleado", "the original's at my apartment")
    (r"original", _W + r"(?:(?:el|la|los|las) originale?s? (?:lo|la|los|las) (?:tiene|tienen|tengo) (?:cada (?:uno|una|empleado|empleada|"
     r"trabajador|trabajadora)|los trabajadores|las trabajadoras|el trabajador|la trabajadora|ellos|ellas|el|ella|yo)|the original'?s? "
     r"(?:is )?(?:at|in) (?:my|his|her|their|our) \w+)" + _E),
))
# A note's subjectless clause about the worker ("Has own apt + car, keeps his papers, paid by
# direct deposit", "Tiene pasaporte, cobra directo"): kept only when no boss is named earlier in
# the sentence, so "the owner took the phones, keeps their passports" stays the owner's. A third
# person's verb with "my" is someone else holding the speaker's papers ("still has my passport
# since Laredo"), and a visa alone is a status, not papers in hand.
_SUBJECTLESS_PAPERS = re.compile(
    _W + r"(?P<c>(?:still |also |always )?(?:(?:keeps?|kept|has|had|holds?|held|carries|got|tiene|tenia|trae|traia|conserva|"
    r"conservan|guarda|carga)(?: (?:his|her|their|own|su|sus))?|have(?: (?:my|our|own))?)(?: own)? (?!visa)" + _DOC_WORD + r")"
    + _E, re.IGNORECASE)
# what may stand before such a clause: the start, a stop, a comma or a plus, or "and"/"but"/"y"/"pero"
_CLAUSE_OPENING = re.compile(r"(?:^|[.;:+,\n]|(?<!\w)(?:and|but|y|pero))\s*$", re.IGNORECASE)
OWN_PAPERS_WEIGHT = 0.7


def _place_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of the place or the holder ("c" or "h" group) when the pattern names one, else the whole match."""
    for name in ("c", "h"):
        if name in m.re.groupindex and m.group(name):
            return m.start(name), m.end(name)
    return m.start(), m.end()


# Papers shown by the one interviewed ("one showed his Guatemalan passport", "she showed her state ID", "mostró su
# licencia de manejar", "nadie le ha quitado su pasaporte y lo mostró"): train labels 87% of such texts as keeping one's
# own papers. A boss producing them from a glovebox or a safe is the boss's hold, so "produced" is not read, a boss named
# just before the verb makes it his, and "he showed their passports" (the possessive not the subject's) is someone else's.
_SHOWN_DOC = r"(?:[a-z]+ ){0,2}?(?:passports?|ids?|id cards?|identification|papers|documents|licen[cs]es?|green cards?|work permits?|" \
             r"pasaportes?|papeles|documentos|identificacion(?:es)?|micas?|matriculas?|licencias?|credencial(?:es)?|permisos?)"
_SHOWS_OWN_PAPERS = re.compile(
    _W + r"(?:(?P<s>he|she|i|we|they|one|two|three|four|both|each|several|all)(?: (?:of them|clerks?|workers?|men|women))? )?"
    r"(?:showed|shows|show|showing) (?:me |us |the (?:officer|inspector|deputy|investigator|caller|agent)s? |officers |investigators )?"
    r"(?P<p>his|her|their|my|our) (?:own )?" + _SHOWN_DOC + _E + r"(?! from)"
    r"|" + _W + r"(?:mostro|mostraron|enseno|ensenaron|presento|presentaron) (?:su|sus|mi|mis) (?:propi[oa]s? )?(?:\w+ )?"
    r"(?:pasaportes?|identificacion(?:es)?|licencias?|matriculas?|micas?|papeles|documentos|credencial(?:es)?|permisos?)" + _E +
    r"|" + _W + r"(?:pasaportes?|identificacion|licencia|matricula|mica|papeles|documentos)" + _E + r"[^.;\n]{0,40}? y (?P<y>(?:lo|la|los|las) "
    r"(?:mostro|mostraron|enseno|ensenaron))" + _E, re.IGNORECASE)
_SUBJECT_POSSESSIVE = {"he": {"his"}, "she": {"her"}, "i": {"my"}, "we": {"our"}}


def shows_own_papers(folded: str) -> list[ConceptHit]:
    hits = []
    for m in _SHOWS_OWN_PAPERS.finditer(folded):
        subject, possessive = (m.group("s") or "").lower(), (m.group("p") or "").lower()
        if subject in _SUBJECT_POSSESSIVE and possessive not in _SUBJECT_POSSESSIVE[subject]:
            continue  # "he showed their passports": someone else's papers
        if _BOSS_SUBJECT.search(folded, max(0, m.start() - 30), m.start()):
            continue  # "el patrón mostró sus pasaportes", "the manager showed their IDs"
        start = m.start("y") if m.group("y") else m.start()  # "nadie le quitó su pasaporte y lo mostró": the showing
        hits.append(ConceptHit("ctx_keeps_own_documents", start, m.end(), OWN_PAPERS_WEIGHT))
    return hits


def own_papers(folded: str) -> list[ConceptHit]:
    """The worker's own papers, told by where they are kept or by "himself"; the span is the
    place ("it is in my room"), so "never took my passport" before it does not negate it."""
    hits = [ConceptHit("ctx_keeps_own_documents", *_place_span(m), OWN_PAPERS_WEIGHT)
            for pattern in (*_OWN_PAPERS, *_present(_OWN_PAPERS_GUARDED, folded)) for m in pattern.finditer(folded)]
    for m in _SUBJECTLESS_PAPERS.finditer(folded):
        if not _CLAUSE_OPENING.search(folded, max(0, m.start() - 8), m.start()):
            continue
        start = max(folded.rfind(stop, 0, m.start()) for stop in (". ", "\n", "? ", "! "))
        if not _named_subjects(folded[start + 1:m.start()]):
            hits.append(ConceptHit("ctx_keeps_own_documents", m.start("c"), m.end("c"), OWN_PAPERS_WEIGHT))
    return hits


# Lost in the place (ILO/EC: difficulties in an unknown area): not knowing the town, the address or
# where the farm is, or anybody around ("doesn't know city name", "no sabe en qué ciudad está", "no
# conocemos a nadie"). Language is left to the patterns: the corpus labels "speaks no English" as
# this item, as a lack of education or as nothing, so a rule for it measured nothing.
_PLACE = (r"(?:town|city|state|county|street|farm|ranch|house|camp|area|address|place|pueblo|ciudad|estado|calle|lugar|"
          r"rancho|direccion|parte|isla|island)")
_UNKNOWN_AREA = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:does not|doesn'?t|dont|don'?t|did not|didn'?t|do not|could not|couldn'?t|can'?t|cannot|never|not)(?: even)? "
    r"(?:know|knew|tell|say|remember)(?: \w+){0,3}? (?:(?:the )?name of the " + _PLACE + r"|(?:what|which) " + _PLACE
    + r"|where (?:the (?:farm|house|ranch|camp|boat|plant)|we are|they are|she is|he is|i am|im|it is|they were|we were)|"
    r"the (?:street )?address|the area|(?:the )?(?:city|town|street)'?s? name|" + _PLACE + r" name)" + _E,
    _W + r"(?:not told|never told) (?:the )?(?:name|address|location)" + _E,
    _W + r"(?:know|knows|knew) (?:nobody|no one|nothing about the area)" + _E,
    _W + r"(?:no|nunca|ni) (?:sabe|saben|sabemos|se|sabia|sabian|conoce|conocen|conocemos|conozco|conocia)(?: bien)? "
    r"(?:en )?(?:(?:que|cual) (?:ciudad|pueblo|estado|calle|parte|lugar)|(?:el )?nombre (?:de la|del) (?:ciudad|pueblo|calle|rancho)|"
    r"(?:donde|a donde) (?:esta|estan|estamos|queda|vive|viven|vivimos)|como se llama (?:la ciudad|el pueblo|la calle)|"
    r"la direccion|el pueblo|la ciudad|el lugar|el area|la zona|a nadie)" + _E,
)), re.IGNORECASE)]
UNKNOWN_AREA_WEIGHT = 0.7


def unknown_area(folded: str) -> list[ConceptHit]:
    """Not knowing the town, the address or anybody where the worker is."""
    return _matches("vd_difficulty_unknown_area", _UNKNOWN_AREA, UNKNOWN_AREA_WEIGHT, folded, negative_wording=True)


# Told what to say (ILO/EC: forced to lie): an order to answer visitors, inspectors or the family
# with a story ("if a visitor asks, she must say she is a relative", "le ordena decir que es sobrino
# si alguien pregunta", "he told us to tell our families everything is good").
_FORCED_LIE = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:told|tells|instructed|instructs|ordered|orders|taught|teaches|coached|coaches|made|makes|warned|warns)"
    r" (?:him|her|them|us|me|the (?:workers|men|women|crew|girls|boys|operators))(?: \w+)? (?:to (?:say|tell|answer|lie)|"
    r"what to (?:say|answer|tell))" + _E,
    _W + r"(?:must|has to|have to|had to|is to|are to|was to|were to) say (?:that |she |he |they |we |i |it )",
    _W + r"(?:le|les|nos|me|la|lo|los|las) (?:ordena\w*|ordeno|dijo|dice|decia\w*|dijeron|ensen\w*|oblig\w*|pusieron|pone\w*|"
    r"manda\w*|instruy\w*) (?:a )?(?:decir|contestar|responder|mentir)" + _E,
    _W + r"(?:tenia|tenian|tienen|tiene|teniamos|tenemos|tengo|tenia que|debia\w*|deben|debe) (?:que )?decir(?:le|les)? (?:a \w+ )?que" + _E,
    _W + r"(?:decian|dicen|dijo|decia|dijeron) (?:que|qué) (?:contestar|decir|responder)" + _E,
)), re.IGNORECASE)]
FORCED_LIE_WEIGHT = 0.7


def forced_to_lie(folded: str) -> list[ConceptHit]:
    """An order to tell visitors, inspectors or the family a story."""
    return _matches("cd_forced_to_lie", _FORCED_LIE, FORCED_LIE_WEIGHT, folded)


# Violence threatened by example or by euphemism (ILO/EC: threats of violence): "that's what happens
# to anyone who talks", "eso le pasa al que se pone listo", "la próxima es la cara", a video of a man
# beaten shown to the crew, "come back in a box", "dead in a ditch", "put them in the hospital",
# "you won't like it", a runaway who "had an accident".
_LEFT_OR_TALKED = (r"(?:ran|run|runs|left|leaves|escaped|talked|talks|complained|quit|quits|said no|se fue|se escapo|"
                   r"se escaparon|hablo|se quejo|huyo|se fueron)")
_EXAMPLE_THREATS = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:that'?s|this is|thats) (?:what happens|for (?:people|anyone|anybody|those|workers|guys|men) (?:who|that))" + _E,
    _W + r"(?:same|that) (?:will|would|could|can) happen to (?:you|anyone|anybody|them|whoever|any of you)" + _E,
    _W + r"(?:you|u|he|she|they|we|i|him|her|them|me|us|anyone|anybody|whoever|somebody|someone)(?:'\w+)? (?:\w+ ){0,6}?['\"]?"
    r"(?:come|comes|coming|go|goes|going|went|be sent|sent|send \w+) (?:back |home )?in (?:a|an) (?:box|bag|coffin|body bag)" + _E,
    _W + r"(?:dead|end up|ends up|wind up|found) in (?:a|the) (?:ditch|canal|river|desert|hole|swamp)" + _E,
    _W + r"put (?:you|him|her|them|me|us) in the hospital" + _E,
    _W + r"(?:won'?t|will not|wouldn'?t|would not) like (?:it|what happens)" + _E,
    _W + r"videos? (?:of|de) (?:a |an |someone |somebody |un |una |alguien )?(?:\w+ )?(?:being |getting )?(?:beaten|hit|shot|"
    r"stabbed|killed|golpead\w*|balead\w*|apunalad\w*)" + _E,
    _W + r"eso (?:le|les|te|nos) (?:pasa|pasaba|va a pasar|puede pasar|pasaria) (?:a (?:cualquiera|quien|todos|el que|"
    r"la que|los que|las que)|al que|a la que)" + _E,
    _W + r"(?:ya )?(?:sabe|saben|sabes|sabemos) lo que (?:le|les|te|nos) (?:pasa|pasaria|va a pasar)" + _E,
    _W + r"la proxima (?:es|va a ser|le toca|te toca|les toca) (?:la cara|a ti|a el|a ella|al que|a quien|a los que)" + _E,
    _W + _LEFT_OR_TALKED + _E + r"[^.;\n]{0,60}?" + _W + r"(?:had an? ['\"]?accident|tuvo un ['\"]?accidente|se cayo al rio)" + _E,
)), re.IGNORECASE)]
EXAMPLE_THREAT_WEIGHT = 0.7


def example_threats(folded: str) -> list[ConceptHit]:
    """Violence threatened by an example shown or told, or by a euphemism."""
    return _matches("cd_threats_of_violence", _EXAMPLE_THREATS, EXAMPLE_THREAT_WEIGHT, folded, negative_wording=True)


# Found the job oneself (context: tells smuggling or a job search apart from recruitment by the
# exploiter): "found my farm job through the temple", "conseguí el trabajo yo solo", "lo encontró él
# por un anuncio en Facebook", "fui yo solo a pedir trabajo".
_BY_ONESELF_EN = (r"(?:on (?:my|his|her|their|our) own|myself|himself|herself|themselves|ourselves|through (?:a |the |my |his |her |"
                  r"their |our )?(?:friend|cousin|church|neighbou?r|temple|sister|brother|relative|ad|posting)|on facebook|"
                  r"(?:by|from|through) an? (?:ad|advert\w*|posting|sign))")
_BY_ONESELF_ES = (r"(?:yo solo|yo sola|yo solita|yo solito|el solo|ella sola|el solito|ella solita|el mismo|ella misma|yo mismo|"
                  r"yo misma|por mi cuenta|por su cuenta|por un anuncio|por facebook|por whatsapp|por (?:un|una) (?:amig[oa]|"
                  r"conocid[oa]|prim[oa]|vecin[oa])|por mi prim[oa]|con un primo)")
_OWN_JOB = [re.compile("|".join(f"(?:{p})" for p in (
    _W + r"(?:found|got|find|joined)(?: (?:the|this|my|his|her|a|an))?(?: [\w-]+){0,3}? (?:job|work|crew|opening)"
    r"(?: [\w-]+){0,4}? " + _BY_ONESELF_EN + _E,
    _W + r"(?:i|he|she|they|we) found (?:myself|himself|herself|themselves|ourselves|on (?:my|his|her|their|our) own)" + _E,
    _W + r"(?:applied|asked for work|went (?:there )?(?:myself|himself|herself) and asked)" + r"(?: there)? (?:myself|himself|"
    r"herself|themselves|on (?:my|his|her) own)?" + _E + r"(?=[^.;\n]{0,40}(?:paid|pays|check|weekly|rent|cash))",
    _W + r"(?:a|my|his|her|their) (?:friend|cousin|sister|neighbou?r|brother|relative)(?: [\w-]+){0,3}? (?:got|found|told)"
    r" (?:me|him|her|them|us) (?:a |an |about (?:a|an) )?(?:\w+ )?(?:job|opening|work)" + _E,
    _W + r"(?:encontr\w*|consegu\w*|consigu\w*|busqu\w*|busc\w*)(?: (?:el|un|ese|la|este))?(?: [\w-]+){0,3}? ?(?:trabajo|chamba|"
    r"job|jale|empleo)?[^.;\n]{0,30}?" + _BY_ONESELF_ES + _E,
    _W + r"(?:yo solo|yo sola|yo solita|el solo|ella sola|el mismo|yo mismo|yo misma|ella misma) (?:busqu\w*|busc\w*|encontr\w*|"
    r"consegu\w*|consigu\w*|fui a pedir|fue a pedir)" + _E,
    _W + r"(?:fui|fue) (?:yo |el |ella )?(?:solo|sola|mismo|misma) a pedir trabajo" + _E,
)), re.IGNORECASE)]
OWN_JOB_WEIGHT = 0.7


def found_own_job(folded: str) -> list[ConceptHit]:
    """A job the worker found, or was told of by a friend, and took by themselves."""
    return _matches("ctx_found_job_independently", _OWN_JOB, OWN_JOB_WEIGHT, folded)


def irregular_status(folded: str) -> list[ConceptHit]:
    """Status that leaves the worker exposed: false papers, another's name, a tourist entry."""
    return _matches("vd_relationship_authorities_legal_status", _STATUS, STATUS_WEIGHT, folded, negative_wording=True)


def word_concepts(folded: str, bounds: list[tuple[int, int]]) -> list[ConceptHit]:
    """The concepts read like word rules: the matcher checks each hit's negation, picks the
    recruitment or destination twin from its sentence and applies the item's gate and vetoes."""
    return [*denunciation_threats(folded), *wages_withheld(folded), *worse_conditions_threats(folded, bounds),
            *forced_illicit(folded), *recruitment_fees(folded), *hazards(folded), *wage_manipulation(folded),
            *watched(folded), *crowded(folded), *own_way_out(folded), *other_tasks(folded), *dependent(folded),
            *own_pay_words(folded), *false_law_claims(folded), *documents_held(folded), *poor_lodging(folded),
            *irregular_status(folded), *comes_and_goes(folded), *punishment_threats(folded), *handed_on(folded),
            *exposure_threats(folded), *out_of_school(folded), *own_papers(folded), *unknown_area(folded),
            *forced_to_lie(folded), *found_own_job(folded), *example_threats(folded), *family_reached(folded),
            *blows_by_their_marks(folded), *sleeps_at_work(folded), *shows_own_papers(folded)]
