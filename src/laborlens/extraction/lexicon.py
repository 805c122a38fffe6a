"""Tokens and stems for English and Spanish, so rules match words, not spellings.

snowballstemmer 3.1.1 (BSD-3-Clause, pure Python, the Snowball algorithms of Porter et
al.) reduces "beat/beats/beating", "threatens/threatened", "amenazó/amenazan/amenazaba"
to one stem. Text is folded first (accents, curly quotes) so "amenazó" and a tipster's
"amenazo" are the same word. A few spellings a tip gets wrong are mended before stemming:
a possessive without its apostrophe ("the bosss", "bosses" for "boss's") and
letters repeated for emphasis ("sooo").

Each narrative is read with both languages' stemmers (code-switched tips are common), and
each language's rules look only at that language's stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

LANGUAGES = ("en", "es")
_STEMMER_NAMES = {"en": "english", "es": "spanish"}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,:]\d+)*", re.UNICODE)
_TRIPLED = re.compile(r"(.)\1\1+")
# What makes a number an amount of money: a dollar sign before it, a currency after it.
_MONEY_BEFORE = re.compile(r"(?:\$|(?<![a-z])(?:usd|q|l|mxn)) ?$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r" ?(?:k|mil|grand|thousand)?(?: ?(?:dollars?|dolares|dolar|dlls?|dls|usd|bucks|pesos|quetzales|"
                          r"lempiras|cents?|centavos)(?!\w)|k(?!\w))", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str  # folded, lower case
    stems: tuple[str, str]  # (english stem, spanish stem)
    money: bool = False  # a number written as money: "$60", "60 dollars", "250 dls", "3 mil pesos"
    clock: bool = False  # a number written as a time: "3am", "5:30", "a las 6 de la mañana", "10 hrs"
    measure: bool = False  # an age, a weight, a distance, a share, a rate or a year: "52 años", "100 kilos", "200 al mes"


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMER_NAMES[lang])


def normalise(word: str) -> str:
    """Lower case, no possessive "'s", no letters tripled for emphasis ("bosss" -> "boss")."""
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word and not word.endswith("n't"):
        word = word.split("'")[0]
    return _TRIPLED.sub(r"\1\1", word)


def _table(groups: dict[str, str]) -> dict[str, str]:
    """{form: representative} from {representative: "form form ..."}."""
    return {form: base for base, forms in groups.items() for form in forms.split()}


# Irregular verb forms the Snowball stemmers leave apart from the regular ones, mapped to a
# form whose stem the regular forms share, so "dijeron" matches a rule written with "dice"
# and "tuvo" one written with "tiene" (and the reverse: rule words go through the same
# table). Forms are folded (no accents). Third person only: a rule written with "tiene" or
# "pide" says what someone else does, and "tengo", "tenemos" or "tenia" (I or he had) would
# turn "tenia mi pasaporte, mi telefono" (the worker's own) into a phone taken. Left out on
# purpose too: words with another common meaning ("hacia" = towards, "vino" = wine, "traje" =
# suit, "fue"/"fueron", which are both ir and ser).
LEMMAS: dict[str, dict[str, str]] = {
    # English past forms were tried (took, told, paid, went, left, ...) and left out: the
    # rules that name a threat are written in the tense that makes it one ("your family will
    # pay", "tells them the police"), and on train and dev the past forms added 10 false
    # findings and 5 true ones (BENCHMARKS.md, 2026-12-04 evening).
    "en": {},
    "es": _table({
        "dice": "dijo dijeron decian",
        "tiene": "tuvo tuvieron tenian",
        "pone": "puso pusieron ponian",
        "hace": "hizo hicieron hacian",
        "quiere": "quiso quisieron querian",
        "puede": "pudo pudieron podian",
        "trae": "trajo trajeron traian",
        "duerme": "durmio durmieron duermen dormian",
        "pide": "pidio pidieron piden pedian",
        "sigue": "siguio siguieron siguen",
        "viene": "vinieron vienen venian",
        "dar": "da dan dio dieron daban",
        "sabe": "supo supieron saben sabian",
        "sale": "salio salieron salen salian",
    }),
}

# Chat spellings of whole words, per language ("xq" is porque, "u" is you; "u" is also a
# Spanish "or", so each table applies to its own language's stems only).
CHAT: dict[str, dict[str, str]] = {
    "en": {"u": "you", "ur": "your", "bc": "because", "cuz": "because", "bcuz": "because",
           "coz": "because", "ppl": "people", "hrs": "hours", "hr": "hour", "wks": "weeks",
           "wk": "week", "wkrs": "workers", "wkr": "worker", "pls": "please", "plz": "please",
           "abt": "about", "thru": "through", "docs": "documents", "gonna": "going",
           "wanna": "want", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't",
           "cant": "can't", "isnt": "isn't", "wasnt": "wasn't", "couldnt": "couldn't",
           "wouldnt": "wouldn't", "wont": "won't", "havent": "haven't", "aint": "ain't"},
    "es": {"q": "que", "k": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque",
           "xk": "porque", "pk": "porque", "tmb": "tambien", "tb": "tambien", "pa": "para",
           "toy": "estoy", "sta": "esta", "stan": "estan", "x": "por", "mui": "muy",
           "kiere": "quiere", "aki": "aqui", "nd": "nada", "bn": "bien", "dnd": "donde",
           "hrs": "horas", "hr": "hora", "sem": "semana", "xa": "para"},
}


@lru_cache(maxsize=100_000)
def stem(word: str, lang: str) -> str:
    """The stem of one folded word in ``lang`` ("en" or "es"), chat spellings and irregular
    verb forms read as their ordinary word first."""
    base = normalise(word)
    if base.isdigit():
        return base
    base = CHAT[lang].get(base, base)
    base = LEMMAS[lang].get(base, base)
    return str(_stemmer(lang).stemWord(base))


@lru_cache(maxsize=100_000)
def _both(word: str) -> tuple[str, str]:
    return stem(word, "en"), stem(word, "es")


@lru_cache(maxsize=8)  # the matcher and the learned layer tokenise the same text
def _tokens(folded: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.group().lower(), _both(m.group().lower()), _is_money(folded, m),
                       _is_clock(folded, m), _is_measure(folded, m))
                 for m in _TOKEN.finditer(folded))


_CLOCK_AFTER = re.compile(r" ?(?:a\.? ?m\b|p\.? ?m\b|[ap]\b|o'?clock|de la (?:manana|tarde|noche|madrugada)|hrs?\b)",
                          re.IGNORECASE)
# not "a las 4" alone: "nos tiene a las 4 en un cuarto" counts women
_CLOCK_BEFORE = re.compile(r"(?<![a-z])(?:at|desde las|hasta las|until|till|til) $", re.IGNORECASE)


def _is_clock(folded: str, m: re.Match[str]) -> bool:
    word = m.group()
    if not word[:1].isdigit():
        return False
    if ":" in word:
        return True
    return bool(_CLOCK_AFTER.match(folded, m.end()) or _CLOCK_BEFORE.search(folded, max(0, m.start() - 12), m.start()))


# what a number measures when it is not a headcount: "52 años", "100 kilos", "30%", "200 al mes", "15 an hour"
_MEASURE_AFTER = re.compile(
    r" ?(?:%|percent|por ?ciento|years?|yrs?|anos|kilos?|kgs?|lbs?|pounds?|libras?|miles?|millas?|km|kilometers?|kilometros?|"
    r"feet|ft|pies|metros?|meters?|acres?|grados|degrees|"
    r"(?:a|an|per|al|la|por|cada|each|the) (?:hour|hora|day|dia|week|semana|month|mes|year|ano|quincena|biweekly|box|caja|"
    r"cubeta|bucket|bin|tray|lb|pound|libra)s?|semanales|mensuales|diarios|quincenales|la hora|por hora|an hour)(?!\w)",
    re.IGNORECASE)


def _is_measure(folded: str, m: re.Match[str]) -> bool:
    word = m.group()
    if not word[:1].isdigit():
        return False
    if len(word) == 4 and word[:2] in ("19", "20"):  # a year ("since 2019"), a road ("FM 1960"): no headcount that large
        return True
    return bool(_MEASURE_AFTER.match(folded, m.end()))


def _is_money(folded: str, m: re.Match[str]) -> bool:
    if not m.group()[:1].isdigit():
        return False
    return bool(_MONEY_BEFORE.search(folded, max(0, m.start() - 5), m.start()) or _MONEY_AFTER.match(folded, m.end()))


def tokens(folded: str) -> list[Token]:
    """Word and number tokens of already folded text, with both stems."""
    return list(_tokens(folded))
