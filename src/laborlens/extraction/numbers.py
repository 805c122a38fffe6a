"""Numbers people write in tips: shift lengths as clock times, and a stated age.

* "from 6am to 10pm", "5:30 in the morning until 9 at night", "de 5 de la mañana a 9 de
  la noche", "desde las 6 hasta las 10pm" -> a shift of so many hours. A shift of 12 hours
  or more is evidence of excessive hours (ILO/EC: excessive working days or hours).
* "she is 16", "a 14 year old girl", "19 y/o", "tiene 15 años", "tengo 17", "una niña de
  13 años" -> the age stated in the text. Several ages: the youngest, so a child in the
  story is never read as an adult.

All functions take folded text (accents removed, see matcher.fold) and return offsets
into it, which are those of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from laborlens.extraction.prefilter import lowered, may_match

EXCESSIVE_SHIFT_HOURS = 11
ADULT_AGE = 18

_EN_MERIDIEM = (r"a\.? ?m\.?|p\.? ?m\.?|(?<=\d)[ap](?![a-z])|in the (?:morning|evening|afternoon)|at night|"
                r"at noon|o'?clock|at nite|tonight|tonite|this morning|in (?:the )?morning|in the night")
_ES_MERIDIEM = (r"de la (?:manana|madrugada|tarde|noche)|a\.? ?m\.?|p\.? ?m\.?|"
                r"de la mañana")
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?"
_EN_WORD_TIME = r"(midnight|midnite|noon)"
_ES_WORD_TIME = r"(medianoche|mediodia)"

_EN_SHIFT = re.compile(
    rf"(?<![\w$])(?:from |start(?:s|ed|ing)? at |begin(?:s|ning)? at |since |between |at )?"
    rf"(?:(?:before|around|about|after|like) )?(?:{_CLOCK} ?({_EN_MERIDIEM})?|{_EN_WORD_TIME})"
    rf",? ?(?:to|until|till|til|-|–|and|thru|through|(?:and )?(?:[a-z]+ ){{1,4}}(?:at|until|till|to)) ?"
    rf"(?:(?:before|around|about|after|like) )?(?:\d{{1,2}} or )?"
    rf"(?:{_CLOCK} ?({_EN_MERIDIEM})?|{_EN_WORD_TIME})(?!\w)", re.IGNORECASE)
_ES_SHIFT = re.compile(
    rf"(?<![\w$])(?:de(?:sde)?|entre|a) (?:las? )?"
    rf"(?:{_CLOCK} ?({_ES_MERIDIEM})?|{_ES_WORD_TIME})"
    rf" ?(?:a|hasta|y|-|–|y (?:[a-z]+ ){{1,4}}(?:a|hasta)|(?:[a-z]+ ){{1,5}}hasta) (?:las? )?(?:\d{{1,2}} [ou] )?"
    rf"(?:{_CLOCK} ?({_ES_MERIDIEM})?|{_ES_WORD_TIME})(?!\w)", re.IGNORECASE)

# "from 5 a.m. until the family goes to bed", "desde las 4 de la madrugada hasta la noche":
# an early start with an end only described as late.
_OPEN_ENDED = re.compile(
    rf"(?<!\w)(?:from|since|start(?:s|ed|ing)? at|de(?:sde)?(?: las?)?) {_CLOCK} ?"
    rf"({_EN_MERIDIEM}|{_ES_MERIDIEM})? ?(?:until|till|til|to|hasta|a) (?:[\w']+ ){{0,4}}?"
    rf"(?:late|night|dark|midnight|bed|sleep|they sleep|evening|la noche|noche|tarde|acostarse|dormir|"
    rf"se acuestan|medianoche|oscurecer)(?!\w)", re.IGNORECASE)
# "desde que sale el sol hasta las 12 de la noche", "sunup to sundown", "de sol a sol": a day
# from first light to night.
_DAWN_TO_NIGHT = re.compile(
    r"(?<!\w)(?:(?:from |desde )?(?:dawn|sunup|sun up|sunrise|daybreak|first light|que sale el sol|el amanecer|la madrugada|"
    r"que amanece) (?:to|until|till|til|hasta|a) (?:[\w']+ ){0,2}?(?:dark|night|nightfall|sundown|sunset|midnight|late|"
    r"que (?:se )?oscurece|que se mete el sol|la noche|las (?:9|10|11|12) de la noche|(?:9|10|11|12) ?(?:pm|p\.m\.|at night))|"
    r"de sol a sol)(?!\w)", re.IGNORECASE)
EARLY_START_HOUR = 7
# A bare range ("de 6 a 7", "from 6 to 9") right after a word of working is a working day
# from morning to evening; one shorter than this is read with its end in the evening.
BARE_SHIFT_MIN_HOURS = 4
_WORK_BEFORE = re.compile(
    r"(?<!\w)(?:trabaj\w*|work|works|worked|working|shifts?|turnos?|jornadas?|labor\w*|limpi\w*|cosech\w*|"
    r"pick\w*|clean\w*|cortando|cortamos|piscando|pizcando|despunt\w*|prim\w*|top|topping)(?: \w+){0,4}\s*$", re.IGNORECASE)
# ... or right before the days it is worked ("9 to 9, Monday to Saturday", "10 to 9, sundays too", "from 7 till he
# closes at 8 every day", "de 9 a 9, seis días"): a range told with its week is a working day, not a count
_WEEK_AFTER = re.compile(
    r"\W{0,3}(?:\w+ ){0,2}?(?:monday|lunes|every ?day|everyday|daily|all week|todos los dias|diario|a diario|"
    r"(?:six|seven|6|7|seis|siete) days|(?:seis|siete|6|7) dias|sundays?|domingos?|saturdays?|sabados?|weekends?|"
    r"fines de semana|de lunes|mon(?:day)?-(?:sat|sun))", re.IGNORECASE)
# "from 7 to 7", "de 6 a 6": the same early hour at both ends is a twelve-hour day wherever it is told
_SAME_HOUR = re.compile(r"(?<![\w$:.])(?:from |de |desde las |de las )?([5-8]) ?(?:to|till|until|-|a|hasta las|a las) ([5-8])(?![\w:.])",
                        re.IGNORECASE)

_AGE_PATTERNS = (
    re.compile(r"(?<![\w$])(\d{1,2}) ?(?:-| )?(?:years?|yrs?|yo)[- ]?old(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w$])(\d{1,2}) ?y/?o(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:aged?|age of) (\d{1,2})(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:i am|i'm|im|she is|she's|shes|he is|he's|hes|is only|is just|turned|i was|she was|he was|"
               r"(?:girl|boy|kid|child|son|daughter|victim|worker|caller|teen|teenager)(?: [a-z]+){0,6} is)"
               r" (?:only |just |barely )?(\d{1,2})(?! ?(?:hours|hrs|days|weeks|months|dollars|"
               r"bucks|cents|miles|people|men|women|workers|of|am|pm|a\.m|p\.m|o'?clock|%|:|\.\d|,\d|\d))"
               r"(?!\w)", re.IGNORECASE),
    # "tiene 15 años", "tengo 16 ya no soy una niña"; not a count of people or things ("tiene 6
    # muchachos", "tiene 9 albañiles": a plural noun after the number)
    re.compile(r"(?<!\w)(?:tiene|tengo|tienen|tenia|tener|cumplio|cumpli|cumple) (?:solo |apenas )?"
               r"(\d{1,2})(?: anos| años)?(?! ?(?:horas|dias|semanas|meses|dolares|dlls|pesos|"
               r"personas|trabajadores|hijos|de la|:|\d|\w+(?:os|as|es)(?!\w)))(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:de|con) (\d{1,2}) (?:anos|años)(?! (?:de (?:trabajo|experiencia|"
               r"deuda|contrato)|trabajando))(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)(\d{1,2}) (?:anos|años) de edad(?!\w)", re.IGNORECASE),
    # "mi hijo de 16", "muchacho de 17", "vine a los 19", "Caller, 19, ..."
    re.compile(r"(?<!\w)(?:hij[oa]|niñ[oa]|nin[oa]|muchach[oa]|chav[oa]|joven|sobrin[oa]|menor|chamac[oa]|"
               r"primo|prima|hermanit[oa]) de (\d{1,2})(?! (?:anos|años|de|dolares|horas|dias|meses|semanas))(?!\w)",
               re.IGNORECASE),
    re.compile(r"(?<!\w)a los (\d{1,2})(?: (?:anos|años))?(?= (?:para|to|when|cuando|i |yo |me |she |he ))",
               re.IGNORECASE),
    # "at 15 when I came": a bare "at 6 when we leave" is a clock time, so under 13 needs "years old"
    re.compile(r"(?<!\w)at (?:(\d{1,2}) years old|(1[3-9]|[2-9]\d))(?= (?:to|when|i |she |he ))", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:caller|victim|worker|complainant|llamante|victima),? (\d{1,2}),", re.IGNORECASE),
    # report style: "Guatemalan male, 17,", "W-3, PRC national, 23,", "la joven, de 19 años", "F, 29, H-2B"
    re.compile(r"(?<!\w)(?:male|female|man|woman|boy|girl|juvenile|minor|national|hombre|mujer|varon|joven|nino|nina|"
               r"menor|trabajador|trabajadora|[mf]|w-\d+|v-\d+|pt [a-z]),? (\d{1,2})(?=,| years| anos| años)", re.IGNORECASE),
    re.compile(r"(?<!\w)edad de (\d{1,2})(?!\w)", re.IGNORECASE),
)
_MINOR_WORDS = re.compile(r"(?<!\w)(?:menor de edad|underage|under ?age|a minor|minors)(?!\w)",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Shift:
    start: int
    end: int
    hours: float


_NIGHT_WORDS = ("atnight", "delanoche", "atnite", "tonight", "tonite", "inthenight")


def _hour(hour: str | None, minute: str | None, meridiem: str | None, word: str | None) -> tuple[float, str] | None:
    """(hour of day 0-24, 'am'/'pm'/''), or None when it is not a clock time."""
    if word:
        w = word.lower()
        return (24.0, "pm") if w in ("midnight", "midnite", "medianoche") else (12.0, "pm")
    if hour is None:
        return None
    h = int(hour)
    m = int(minute) if minute else 0
    if h > 24 or m > 59:
        return None
    mer = (meridiem or "").lower().replace(" ", "").replace(".", "")
    if 1 <= h <= 4 and mer in _NIGHT_WORDS:
        return h + m / 60, "am"  # "1 de la noche", "2 at night": after midnight, not 13:00
    if mer.startswith("p") or mer in ("inthe evening", "intheevening", "intheafternoon", "atnight",
                                        "delatarde", "delanoche", "atnite", "tonight", "tonite", "inthenight"):
        kind = "pm"
    elif mer.startswith("a") or mer in ("inthemorning", "delamanana", "delamadrugada", "thismorning", "inmorning"):
        kind = "am" if mer != "atnoon" else "pm"
    else:
        kind = ""
    if kind == "pm" and h < 12:
        h += 12
    if kind == "pm" and h == 12 and mer in _NIGHT_WORDS:
        h = 24
    if kind == "am" and h == 12:
        h = 0
    return h + m / 60, kind


def _duration(first: tuple[float, str], second: tuple[float, str]) -> float:
    start, start_kind = first
    end, end_kind = second
    if not end_kind and end <= start and end < 12:
        end += 12  # "from 6 to 9": the evening
    if not start_kind and end_kind == "pm" and start > end - 24 and start >= 12:
        start -= 12
    hours = (end - start) % 24
    return hours


def shifts(folded: str, lang: str) -> list[Shift]:
    """Clock-time shifts stated in the text, with their length in hours."""
    found: list[Shift] = []
    for pattern in (_EN_SHIFT, _ES_SHIFT) if lang == "both" else ((_ES_SHIFT,) if lang == "es" else (_EN_SHIFT,)):
        for m in pattern.finditer(folded):
            first = _hour(m.group(1), m.group(2), m.group(3), m.group(4))
            second = _hour(m.group(5), m.group(6), m.group(7), m.group(8))
            if first is None or second is None:
                continue
            clock = bool(m.group(2) or m.group(6)) or first[0] > 12 or second[0] > 12
            bare = not (first[1] or second[1] or m.group(4) or m.group(8) or clock)
            same = bool(_SAME_HOUR.fullmatch(m.group(0).strip())) and m.group(1) == m.group(5)
            with_week = 5 <= first[0] <= 11 and bool(_WEEK_AFTER.match(folded, m.end()))  # a morning start, then its days
            if bare and not same and not with_week and not _WORK_BEFORE.search(folded, max(0, m.start() - 45), m.start()):
                continue  # "from 3 to 5" with no am/pm, minutes, night or work: a count, not a shift
            hours = _duration(first, second)
            if bare and hours < BARE_SHIFT_MIN_HOURS:
                hours += 12  # "nos tiene trabajando de 6 a 7": nobody reports working one hour
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(Shift(m.start(), m.end(), hours))
    for m in _DAWN_TO_NIGHT.finditer(folded):
        if not any(s.start < m.end() and m.start() < s.end for s in found):
            found.append(Shift(m.start(), m.end(), float(EXCESSIVE_SHIFT_HOURS)))
    for m in _OPEN_ENDED.finditer(folded):
        first = _hour(m.group(1), m.group(2), m.group(3), None)
        overlaps = any(s.start < m.end() and m.start() < s.end for s in found)
        if first is not None and first[1] != "pm" and first[0] < EARLY_START_HOUR and not overlaps:
            found.append(Shift(m.start(), m.end(), float(EXCESSIVE_SHIFT_HOURS)))
    return found


_HOUR_COUNT = re.compile(
    r"(?<![\w$.,])(?<!in )(?<!within )(?<!hace )(?<!after )(\d{1,3})(?: ?(?:-|or|o|a|to) ?\d{1,3})?\+? ?[- ]?"
    r"(?:hours?|hrs?|horas)(?! (?:ago|away|drive|ride|de camino|de viaje|en (?:bus|camion|carro)|later|despues))",
    re.IGNORECASE)
DAILY_HOURS = range(11, 21)  # "11 hours", "14-hour days", "11 o 12 horas" (a day of 11 hours or more)
WEEKLY_HOURS = range(60, 121)  # "60 hours", "semanas de 70 horas"


# Number words, in hour counts, months and amounts ("sixty five", "sesenta y cinco", "cien").
_WORD_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
                "nueve": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "diez": 10,
                "once": 11, "doce": 12, "catorce": 14, "quince": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
                "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200,
                "trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "hundred": 100, "a": 1}
_N = r"(\d{1,2}|ten|eleven|twelve|fourteen|diez|once|doce|catorce)"
_D = r"(6|7|six|seven|seis|siete)"
# "ten-hour shifts, six days", "turnos de 10 horas, seis días": a week of 60 hours or more
_WEEK_OF_SHIFTS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?<!\w){_N}[- ]hours? (?:shifts?|days?)[,;]? (?:[a-z]+ ){{0,2}}{_D} days",
    rf"(?<!\w)(?:turnos?|jornadas?|dias?) de {_N} horas[,;]? (?:[a-z]+ ){{0,2}}{_D} dias",
    rf"(?<!\w){_D} {_N}[- ]hours? (?:days|shifts)",  # "six 10-hour days a week"
)]
# A double shift, or an entry and an exit time: "doubles 3 to 11 then 11 to 7", "entran a las 6 y
# salen a las 6 y media de la tarde"
_DOUBLE_SHIFT = re.compile(r"(?<!\w)(?:doubles|double shifts?|doble turno|dobles turnos|turnos dobles)(?!\w)", re.IGNORECASE)
_ENTRY_EXIT = re.compile(
    rf"(?<!\w)(?:entra\w*|empiez\w*|empez\w*|comienz\w*|start\w*|begin\w*|clock\w* in|(?:me|nos|se) levant\w*|"
    rf"(?:get|gets|got|wake|wakes|woke) up|up)(?: [a-z]+)? (?:a las?|at) {_CLOCK}"
    rf"(?: y media| y cuarto)? ?({_EN_MERIDIEM}|{_ES_MERIDIEM})?[^.;\n]{{0,40}}?(?<!\w)(?:sal\w*|termin\w*|acab\w*|regres\w*|"
    rf"finish\w*|get off|got off|gets off|leave|leaves|clock\w* out|come back|came back) (?:[a-z]+ ){{0,3}}?"
    rf"(?:a las?|at|till|until|til)(?: past| after)? {_CLOCK}"
    rf"( y media| y cuarto)? ?({_EN_MERIDIEM}|{_ES_MERIDIEM})?(?!\w)", re.IGNORECASE)


def _word_number(token: str) -> int:
    return int(token) if token.isdigit() else _WORD_VALUES[token.lower()]


def long_weeks_and_doubles(folded: str) -> list[Shift]:
    """Weeks of 60 hours or more told as shifts times days, double shifts, and an entry and an
    exit time of 11 hours or more."""
    found = []
    for pattern in _WEEK_OF_SHIFTS:
        for m in pattern.finditer(folded):
            hours = _word_number(m.group(1)) * _word_number(m.group(2))
            if hours >= WEEKLY_HOURS.start:
                found.append(Shift(m.start(), m.end(), float(hours)))
    found.extend(Shift(m.start(), m.end(), 16.0) for m in _DOUBLE_SHIFT.finditer(folded))
    for m in _ENTRY_EXIT.finditer(folded):
        first = _hour(m.group(1), m.group(2), m.group(3), None)
        second = _hour(m.group(4), m.group(5), m.group(7), None)
        if first is None or second is None:
            continue
        length = _duration(first, second) + (0.5 if m.group(6) else 0.0)
        if EXCESSIVE_SHIFT_HOURS <= length <= 22:
            found.append(Shift(m.start(), m.end(), length))
    return found


# hours without a stop, however many ("drove 22 hrs straight", "30 horas seguidas")
_STRAIGHT_HOURS = re.compile(r"(?<![\w$.,])(\d{1,2}) ?(?:hours?|hrs?|horas) (?:straight|seguidas|sin parar|sin descanso|non-?stop)(?!\w)",
                             re.IGNORECASE)


def long_hour_counts(folded: str) -> list[Shift]:
    """Stated hour counts that are excessive whether they are per day (12-20) or per week (60+), or hours
    worked without a stop."""
    found = [Shift(m.start(), m.end(), float(m.group(1))) for m in _STRAIGHT_HOURS.finditer(folded)
             if int(m.group(1)) >= DAILY_HOURS.start]
    for m in _HOUR_COUNT.finditer(folded):
        numbers = [int(n) for n in re.findall(r"\d+", m.group(0))]
        hours = max(numbers)
        if hours in DAILY_HOURS or hours in WEEKLY_HOURS:
            found.append(Shift(m.start(), m.end(), float(hours)))
    return found


# Pay stated as an amount per period. Under these it is below any U.S. minimum wage for
# full-time work (7.25 an hour federal: 290 for a 40-hour week, 58 for an 8-hour day).
# An amount in digits ("1,500", "65.50") or in words ("sixty five", "sesenta y cinco", "cien"),
# in dollars unless a named currency follows (then converted at CURRENCY_IN_DOLLARS).
_TENS = (r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|veinte|treinta|cuarenta|cincuenta|sesenta|"
         r"setenta|ochenta|noventa")
_UNITS_WORDS = r"one|two|three|four|five|six|seven|eight|nine|uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
_WORD_AMOUNT = (rf"(?:(?:a|one|two|three|four|five|[1-5]) hundred|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|"
                rf"(?:{_TENS})(?:[- ](?:y )?(?:{_UNITS_WORDS}))?|veinti(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)|"
                rf"ten|twelve|fifteen|diez|doce|quince)")
CURRENCY_IN_DOLLARS = {"pesos": 0.055, "quetzales": 0.13, "lempiras": 0.04, "baht": 0.028, "yuan": 0.14,
                       "yuanes": 0.14}
_AMOUNT = (rf"(?:us)?\$? ?(\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:[.,]\d{{1,2}})?|{_WORD_AMOUNT})"
           r"(?: ?(?:dollars?|dolares|dlls?|dls|bucks|usd|(pesos|quetzales|lempiras|baht|yuan(?:es)?)))?")
_PAY_PERIOD = re.compile(
    rf"(?<![\w$.,]){_AMOUNT} ?(?:flat |fijos? |cash |en efectivo )?(?:/ ?|an? |per |por |a la |la |al |el |each |every |cada |)"
    rf"(hour|hr|hora|day|dia|diarios|night|nite|noche|week|wk|semana|semanal|semanales|weekly|month|mo|mes|mensual(?:es)?|"
    rf"last week|la semana pasada|the hour|the day|the week|for a week|"
    rf"dos semanas|2 semanas|two weeks|2 weeks|2 wks|two wks|other week|quince dias|biweekly|quincena|quincenal|on (?:fridays|saturdays|sundays)|(?:this|each|every) week|"
    rf"again this week|esta semana|en la semana|a la semana|in a week|for the week|for (?:two|2) weeks|(?:los|cada) (?:viernes|sabados|domingos)|"
    rf"on (?:friday|saturday|sunday))(?!\w)",
    re.IGNORECASE)
_DOLLARS_AND_CENTS = re.compile(
    r"(?<![\w$.,])\$? ?([0-6]) (?:dollars?|dolar(?:es)?|dlls?|bucks?) (?:and |con |y )?(\d{2})(?: cents?| centavos)? ?"
    r"(?:/ ?|an? |per |por |a la |la |al |each |every |)(?:hour|hr|hora)(?!\w)", re.IGNORECASE)
LOW_PAY = {"hour": 7.25, "day": 58.0, "week": 450.0, "fortnight": 900.0, "month": 1257.0}
_PERIOD = {"hour": "hour", "hr": "hour", "hora": "hour", "day": "day", "dia": "day", "diarios": "day",
           "night": "day", "nite": "day", "noche": "day", "mo": "month", "the hour": "hour", "the day": "day",
           "2 semanas": "fortnight", "other week": "fortnight",
           "week": "week", "wk": "week", "semana": "week", "semanal": "week", "semanales": "week",
           "weekly": "week", "month": "month", "mes": "month", "mensual": "month", "mensuales": "month",
           "dos semanas": "fortnight", "two weeks": "fortnight", "2 weeks": "fortnight", "biweekly": "fortnight",
           "2 wks": "fortnight", "two wks": "fortnight", "quince dias": "fortnight",
           "quincena": "fortnight", "quincenal": "fortnight", "for two weeks": "fortnight", "for 2 weeks": "fortnight"}


def _period(word: str) -> str:
    """The pay period a matched period phrase names ("on fridays", "esta semana": a week)."""
    word = " ".join(word.lower().split())
    return _PERIOD.get(word, "week")
_BELOW_MINIMUM = re.compile(
    r"(?<!\w)(?:under|below|less than|beneath|menos (?:de|del|que)|bajo|debajo del?|ni (?:llega(?:ba)?|sale|salia) al?)"
    r" (?:the |el |la )?(?:federal |legal |state |[a-z]+ )?(?:minimum|minimo|salario minimo|aewr|adverse effect wage rate|prevailing wage|"
    r"salario prevaleciente)(?!\w)", re.IGNORECASE)


_PAY_WORD = re.compile(
    r"(?<!\w)(?:pay|pays|paid|paying|earn|earns|earned|make|makes|made|get|gets|got|salary|wages?|"
    r"gana|ganan|ganaba|ganabamos|gano|pagan|paga|pagaba|pagaban|pagaron|sueldo|salario|da|daba|dan|daban|dieron|"
    r"gave|give|gives|flat|fijo|averaging|comes out|sale|salia|stipend|estipendio|receive|receives|received|"
    r"recibe|reciben|recibia|recibian|recibio|entrega|entregan|entregaba|entregaban|hands?|handed|netted|nets|"
    r"toca|tocan|tocaba|tocaban|deja|dejan|dejaba|leaves|manda|mandan|mandaba|average|averages|cleared|clear|clears|"
    r"suelta|soltaba|juntan|junta|juntamos|sacan|saca|sacamos|"
    r"work|works|worked|working)(?!\w)", re.IGNORECASE)
_CHARGE_WORD = re.compile(
    r"(?<!\w)(?:charges?|charged|charging|deduct\w*|takes?|took|minus|owes?|owed|debe\w*|rent|renta|fee|fees|"
    r"costs?|cobra\w*|descuent\w*|desquent\w*|quitan|quitaban|menos|interest|intereses|for (?:a|the) (?:bed|room|trailer))(?!\w)",
    re.IGNORECASE)


_CHARGED_FOR = re.compile(
    r"\s*(?:for|para|por|de) (?:the |a |an |el |la |un |una |his |her |their |my |our |su |sus |mi )?(?:motel|hotel|rooms?|beds?|"
    r"bunks?|trailers?|trailas?|cuartos?|camas?|literas?|rent|renta|rides?|raite|van|bus|camioneta|housing|vivienda|"
    r"motel room)(?!\w)", re.IGNORECASE)  # not food: what is handed over "for food" is the pay


def low_pay(folded: str) -> list[Shift]:
    """Pay stated below the U.S. minimum for its period ("100 a week", "$5.10/hr"), or said
    to be under the minimum. ``hours`` holds the amount (0 for "under the minimum")."""
    found = []
    for m in _PAY_PERIOD.finditer(folded):
        before = folded[max(0, m.start() - 45):m.start()]
        if not _PAY_WORD.search(before) or _CHARGE_WORD.search(before) or _CHARGED_FOR.match(folded, m.end()):
            continue  # an amount that is not said to be pay, or is a charge ("$50 a week for a bed")
        amount = _amount(m.group(1), m.group(2))
        if amount is None:
            continue
        period = _period(m.group(3))
        if 0 < amount < LOW_PAY[period]:
            found.append(Shift(m.start(), m.end(), amount))
    for m in _DOLLARS_AND_CENTS.finditer(folded):  # "1 dollar 20 a hour"
        if _PAY_WORD.search(folded[max(0, m.start() - 45):m.start()]):
            found.append(Shift(m.start(), m.end(), int(m.group(1)) + int(m.group(2)) / 100))
    for m in _PAY_FOR_HOURS.finditer(folded):  # "netted $190 for 58 hrs", "30 dólares por diez horas"
        hours = _word_number(m.group(2))
        if hours and float(m.group(1).replace(",", "")) / hours < LOW_PAY["hour"]:
            found.append(Shift(m.start(), m.end(), float(m.group(1).replace(",", ""))))
    for m in _PAY_FOR_DAYS.finditer(folded):  # "$350 for six days", "le quedaron 90 dólares por 6 días"
        before = folded[max(0, m.start() - 45):m.start()]
        if not (_PAY_WORD.search(before) or _PAY_COPULA.search(before)) or _CHARGE_WORD.search(before):
            continue
        amount, count = _amount(m.group(1), m.group(2)), _word_number(m.group(3))
        period = "week" if m.group(4).startswith(("w", "s")) else "day"
        if amount and count and amount / count < LOW_PAY[period]:
            found.append(Shift(m.start(), m.end(), amount))
    for m in _PAY_OVER_MONTHS.finditer(folded):  # "about 200 dollars in four months"
        amount = _amount(m.group(1), m.group(2))
        months = _word_number(m.group(3))
        if amount and months and _PAY_WORD.search(folded[max(0, m.start() - 45):m.start()]) \
                and amount / months < LOW_PAY["month"]:
            found.append(Shift(m.start(), m.end(), amount))
    for m in _MONTHS_THEN_PAY.finditer(folded):  # "In 8 months he got 200 dollars"
        amount = _amount(m.group(2), m.group(3))
        months = _word_number(m.group(1))
        if amount and months and amount / months < LOW_PAY["month"]:
            found.append(Shift(m.start(), m.end(), amount))
    for m in _POCKET_MONEY.finditer(folded):  # "hands us 100 cash", "me da 50 para el teléfono"
        amount = _amount(m.group(1), m.group(2))
        if amount and amount <= POCKET_MONEY_MAX:
            found.append(Shift(m.start(), m.end(), amount))
    found.extend(Shift(m.start(), m.end(), 0.0) for m in _BELOW_MINIMUM.finditer(folded))
    found.extend(Shift(m.start(), m.end(), 0.0) for m in _TIPS_ONLY.finditer(folded))
    return found


_MONTHS = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)"
_MONTHS_THEN_PAY = re.compile(
    rf"(?<!\w)(?:in|en) {_MONTHS} (?:months|meses)[^.;\n]{{0,30}}?(?:got|received|was paid|has been paid|paid (?:him|her|me|them|us)|"
    rf"gave (?:him|her|me|them|us)|recibio|recibi|le dieron|me dieron|le pagaron|me pagaron) (?:about |only |like |just |como |solo |unos )?"
    rf"{_AMOUNT}(?!\w)", re.IGNORECASE)
# A sum handed out as pocket money where pay should be: "hands us 100 cash", "me da 40 dólares",
# "me dan 100 para mis cosas", "gives me 50 dollars on sunday".
POCKET_MONEY_MAX = 150.0
_POCKET_MONEY = re.compile(
    r"(?<!\w)(?:(?:gives?|gave|hands?|handed) (?:us|me|him|her|them)|(?:me|le|les|nos) (?:da|dan|daba|daban|suelta|soltaba|"
    r"sueltan|entrega|entregan)) (?:like |maybe |only |just |solo |nomas |como |unos )?\$? ?(\d{1,3})"
    r"(?: ?(?:dollars?|dolares|dlls?|bucks|(pesos|quetzales|lempiras)))?"
    r" (?:cash|en efectivo|para (?:mis|sus|nuestras|las) cosas|para el telefono|para comer|pa comer|pa'? sus cosas|"
    r"para el camino|for the road|"
    r"for (?:food|smokes|the phone|pocket money|his things|her things|my things)|de domingo|on sundays?)(?!\w)", re.IGNORECASE)
_TIPS_ONLY = re.compile(r"(?<!\w)(?:tips only|only (?:get )?tips|nothing but tips|no cash wage|solo (?:las )?propinas|"
                        r"nada mas (?:las )?propinas|puras propinas)(?!\w)", re.IGNORECASE)


_COUNT = (r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|dos|tres|cuatro|cinco|seis|siete|"
          r"ocho|nueve|diez|doce|catorce|quince)")
_PAY_FOR_DAYS = re.compile(
    rf"(?<![\w$.,]){_AMOUNT} (?:cash |total |in all |en efectivo |en total )?(?:for|por) (?:the |los |las )?{_COUNT} "
    r"(days?|dias|weeks?|wks?|semanas)(?!\w)", re.IGNORECASE)
# "The $16 is $350 for six days", "le quedaron 90 dolares por 6 dias": the pay named by what it came to
_PAY_COPULA = re.compile(r"(?<!\w)(?:is|its|it's|was|comes to|came to|es|era|fue|fueron|son|quedaron|quedo|queda|quedan)\s*$",
                         re.IGNORECASE)
_PAY_OVER_MONTHS = re.compile(
    rf"(?<![\w$.,]){_AMOUNT} (?:in|over|en|durante) (?:the (?:last |past )?|los )?{_MONTHS} (?:months|meses)(?!\w)",
    re.IGNORECASE)


def _amount(number: str, currency: str | None) -> float | None:
    """Dollars in an amount said in digits or words ("sixty five", "veintitres", "a hundred")."""
    if number[0].isdigit() and "hundred" not in number:
        digits = number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number.replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            return None
    else:
        words = re.split(r"[- ]+", number.lower())
        if words[0].startswith("veinti") and words[0] != "veinte":
            words = ["veinte", words[0][len("veinti"):]]
        if len(words) == 2 and words[1] == "hundred":
            value = float((int(words[0]) if words[0].isdigit() else _WORD_VALUES[words[0]]) * 100)
        else:
            value = float(sum(_WORD_VALUES.get(w, 0) for w in words if w != "y"))
    return value * CURRENCY_IN_DOLLARS.get((currency or "").lower(), 1.0) if value else None


_PAY_FOR_HOURS = re.compile(
    r"(?<![\w$.,])\$? ?(\d{1,4}(?:[.,]\d{1,2})?) ?(?:dollars|dolares|dlls?|bucks)? (?:for|por) (\d{1,3}|ten|eleven|twelve|"
    r"fourteen|diez|once|doce|catorce)\+? ?(?:hrs?|hours?|horas)(?!\w)", re.IGNORECASE)


def long_shifts(folded: str, lang: str = "both") -> list[Shift]:
    """Shifts of at least EXCESSIVE_SHIFT_HOURS (and less than a whole day)."""
    return ([s for s in shifts(folded, lang) if EXCESSIVE_SHIFT_HOURS <= s.hours <= 22] + long_hour_counts(folded)
            + long_weeks_and_doubles(folded))


def age_mentions(folded: str) -> list[tuple[int, int, int]]:
    """(age, start, end) of every stated age (5-99), in text order."""
    low = lowered(folded)
    found = [(int(next(g for g in m.groups() if g)), m.start(), m.end())
             for p in _AGE_PATTERNS if may_match(p, low) for m in p.finditer(folded)]
    return sorted(((a, s, e) for a, s, e in found if 5 <= a <= 99), key=lambda x: x[1])


def stated_age(folded: str) -> int | None:
    """The youngest age stated in the text, if any (ages 5-99)."""
    ages = [a for a, _, _ in age_mentions(folded)]
    return min(ages) if ages else None


def age_group(folded: str, age: int | None) -> str | None:
    """'minor' or 'adult' from a stated age; 'minor' from words such as "menor de edad"."""
    if age is not None:
        return "minor" if age < ADULT_AGE else "adult"
    if _MINOR_WORDS.search(folded):
        return "minor"
    return None
