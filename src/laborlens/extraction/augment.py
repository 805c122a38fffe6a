"""Seeded surface variants of a labelled narrative, for training the learned layer only.

A tip says the same thing in many spellings: typos, no accents or apostrophes, no
punctuation, all lower case, chat abbreviations ("q", "xq", "u", "ur"), another word for
the same person or thing ("boss", "patrón", "el boss", "mayordomo"; "papers", "pasaporte";
"pay", "sueldo", "cheque"), an English word inside a Spanish sentence and the reverse,
a shift told as clock times instead of an hour count, the past instead of the present.
Each variant changes the surface and keeps the meaning, so the narrative's labels hold
for it. The training script (bench/train_extraction_model.py --augment N) fits the model
on each train narrative plus N variants, so it learns words that carry an item rather
than one writer's spelling of them. Nothing here runs at inference.

Every transform is a pure function of (text, random generator); ``variants`` seeds the
generator from the narrative id, so a retraining gives the same model.
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from collections.abc import Callable

# Groups of words that name the same role or thing in this domain, both languages; a swap
# replaces one member by another of the same group (case kept for a capitalised word).
SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("boss", "employer", "owner", "foreman", "crew leader", "supervisor", "manager", "patron"),
        ("passport", "papers", "documents", "ID", "passports"),
        ("wages", "paycheck", "salary", "money"),  # not "pay": also a verb
        ("threatened", "warned"),
        ("house", "home"),
        ("room", "trailer"),
        ("police", "cops"),
        ("immigration", "ICE", "la migra"),
        ("hit", "beat", "slapped"),
    ),
    "es": (
        ("patrón", "patron", "jefe", "el boss", "mayordomo", "encargado", "dueño", "contratista"),
        ("pasaporte", "papeles", "documentos", "identificación", "ID"),
        ("sueldo", "cheque", "salario", "dinero"),  # not "pago", "paga": also verbs
        ("amenazó", "amenazaba"),
        ("casa", "traila", "cuarto"),
        ("policía", "la poli", "los police"),
        ("migración", "la migra", "inmigración", "ICE"),
        ("pegó", "golpeó"),
        ("deuda", "debt"),
    ),
}

# Words of one language used inside the other (the first three synonym groups, the roles and
# things tips code-switch most), and a few more.
CODE_SWITCH: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"boss": ("patrón", "el patrón", "jefe"), "employer": ("patrón",), "foreman": ("mayordomo",),
           "papers": ("papeles",), "documents": ("documentos",), "passport": ("pasaporte",),
           "paycheck": ("cheque",), "wages": ("sueldo",), "debt": ("deuda",),
           "immigration": ("la migra",), "police": ("la policía",), "trailer": ("traila",)},
    "es": {"patrón": ("boss", "el boss"), "jefe": ("boss",), "mayordomo": ("foreman",), "papeles": ("papers",),
           "documentos": ("documents",), "pasaporte": ("passport",), "cheque": ("check",),
           "sueldo": ("pay",), "deuda": ("debt",), "migración": ("ICE", "immigration"),
           "policía": ("police", "la police"), "traila": ("trailer",), "renta": ("rent",), "turno": ("shift",)},
}

# Chat spellings (word -> abbreviation), applied word by word with some probability.
ABBREVIATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"you": ("u",), "your": ("ur",), "you're": ("ur", "youre"), "because": ("bc", "cuz", "bcuz"),
           "with": ("w/",), "people": ("ppl",), "please": ("pls",), "about": ("abt",), "are": ("r",),
           "to": ("2",), "for": ("4",), "without": ("w/o",), "hours": ("hrs",), "weeks": ("wks",),
           "workers": ("wkrs",), "before": ("b4",), "okay": ("ok",), "don't": ("dont", "dnt"),
           "can't": ("cant",), "won't": ("wont",), "doesn't": ("doesnt",), "didn't": ("didnt",)},
    "es": {"que": ("q", "k"), "porque": ("xq", "pq", "porq"), "por": ("x",), "también": ("tmb", "tb"),
           "para": ("pa",), "está": ("sta", "esta"), "estoy": ("toy",), "qué": ("q",), "de": ("d",),
           "horas": ("hrs",), "semana": ("sem",), "también,": ("tmb,",), "muy": ("mui",),
           "nada": ("nd",), "mucho": ("mxo",), "quiere": ("kiere",)},
}

# Present <-> past of verbs that carry indicators (both directions are applied).
TENSE: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("takes", "took"), ("keeps", "kept"), ("holds", "held"), ("says", "said"), ("tells", "told"),
           ("threatens", "threatened"), ("hits", "hit"), ("beats", "beat"), ("pays", "paid"),
           ("locks", "locked"), ("owes", "owed"), ("won't let", "wouldn't let"), ("makes", "made"),
           ("works", "worked"), ("sleeps", "slept"), ("gives", "gave"), ("charges", "charged"),
           ("is", "was"), ("are", "were"), ("has", "had"), ("can't", "couldn't")),
    "es": (("dicen", "dijeron"), ("dice", "dijo"), ("quita", "quitó"), ("quitan", "quitaron"),
           ("amenaza", "amenazó"), ("pega", "pegó"), ("paga", "pagó"), ("pagan", "pagaron"),
           ("tiene", "tenía"), ("tienen", "tenían"), ("debe", "debía"), ("deja", "dejaba"),
           ("dejan", "dejaban"), ("encierra", "encerró"), ("guarda", "guardó"), ("cobra", "cobró"),
           ("trabajamos", "trabajábamos"), ("duermen", "dormían"), ("es", "era"), ("está", "estaba")),
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_HOURS = {"en": re.compile(r"\b(\d{1,2})\s*(?:hours|hrs|hour)\b( a day| per day| daily)?", re.IGNORECASE),
          "es": re.compile(r"\b(\d{1,2})\s*(?:horas|hrs)\b( al día| diarias| por día)?", re.IGNORECASE)}
_CLOCK = {"en": re.compile(r"\bfrom (\d{1,2})\s*(?:am|a\.m\.) (?:to|till|until) (\d{1,2})\s*(?:pm|p\.m\.)", re.IGNORECASE),
          "es": re.compile(r"\bde (?:las )?(\d{1,2})(?: de la mañana)? a (?:las )?(\d{1,2})(?: de la noche)?\b", re.IGNORECASE)}


def _keep_case(old: str, new: str) -> str:
    if old[:1].isupper() and not new.isupper():
        return new[:1].upper() + new[1:]
    return new


def _swap_words(text: str, pairs: dict[str, tuple[str, ...]], rng: random.Random, rate: float) -> str:
    """Replace each listed word (case-insensitive, whole word) with one of its variants at ``rate``."""
    keys = sorted(pairs, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w'])", re.IGNORECASE)

    def repl(m: re.Match[str]) -> str:
        word = m.group(1)
        options = pairs.get(word.lower())
        if not options or rng.random() >= rate:
            return word
        return _keep_case(word, rng.choice(options))

    return pattern.sub(repl, text)


def _groups_as_pairs(groups: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for group in groups:
        for word in group:
            out[word.lower()] = tuple(w for w in group if w.lower() != word.lower())
    return out


def synonyms(text: str, lang: str, rng: random.Random, rate: float = 0.6) -> str:
    """Swap a domain word for another of its group ("boss" -> "foreman", "papeles" -> "pasaporte")."""
    return _swap_words(text, _groups_as_pairs(SYNONYMS[lang]), rng, rate)


def code_switch(text: str, lang: str, rng: random.Random, rate: float = 0.6) -> str:
    """Put the other language's word for a role or thing into the text ("el boss", "my patrón")."""
    return _swap_words(text, CODE_SWITCH[lang], rng, rate)


def abbreviate(text: str, lang: str, rng: random.Random, rate: float = 0.7) -> str:
    """Chat spellings: "porque" -> "xq", "que" -> "q", "you" -> "u", "your" -> "ur"."""
    return _swap_words(text, ABBREVIATIONS[lang], rng, rate)


def tense(text: str, lang: str, rng: random.Random, rate: float = 0.7) -> str:
    """Present to past or past to present ("dicen" <-> "dijeron", "takes" <-> "took")."""
    pairs: dict[str, tuple[str, ...]] = {}
    for present, past in TENSE[lang]:
        pairs.setdefault(present, (past,))
        pairs.setdefault(past, (present,))
    return _swap_words(text, pairs, rng, rate)


def typos(text: str, lang: str, rng: random.Random, rate: float = 0.08) -> str:
    """Drop or swap a letter in some words of four letters or more."""

    def repl(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 4 or rng.random() >= rate:
            return word
        i = rng.randrange(1, len(word) - 1)
        if rng.random() < 0.5:
            return word[:i] + word[i + 1:]
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]

    return _WORD.sub(repl, text)


def no_accents(text: str, lang: str, rng: random.Random) -> str:
    """"patrón" -> "patron", "día" -> "dia" (ñ kept half the time, as phones do)."""
    keep_n = rng.random() < 0.5
    out = []
    for ch in text:
        if keep_n and ch in "ñÑ":
            out.append(ch)
            continue
        out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def no_apostrophes(text: str, lang: str, rng: random.Random) -> str:
    """"boss's" -> "bosss", "don't" -> "dont"."""
    return text.replace("'", "").replace("\u2019", "")


def lower(text: str, lang: str, rng: random.Random) -> str:
    return text.lower()


def no_punctuation(text: str, lang: str, rng: random.Random) -> str:
    """Sentences run together: periods, commas and semicolons dropped (numbers kept whole)."""
    return re.sub(r"(?<!\d)[.,;:!?¡¿\"()](?!\d)", "", text)


def clock_hours(text: str, lang: str, rng: random.Random) -> str:
    """An hour count as clock times ("14 hours a day" -> "from 5am to 7pm") or the reverse."""
    start = rng.choice((4, 5, 6, 7))

    def to_clock(m: re.Match[str]) -> str:
        hours = int(m.group(1))
        end = start + hours
        if not 8 <= hours <= 18 or end > 23:
            return m.group()
        end12 = end - 12 if end > 12 else end
        if lang == "en":
            return f"from {start}am to {end12}{'pm' if end >= 12 else 'am'}"
        return f"de {start} de la mañana a las {end12} de la noche"

    def to_count(m: re.Match[str]) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        hours = b + 12 - a if b <= 12 else b - a
        if not 8 <= hours <= 20:
            return m.group()
        return f"{hours} hours a day" if lang == "en" else f"{hours} horas al día"

    changed = _HOURS[lang].sub(to_clock, text)
    if changed != text:
        return changed
    return _CLOCK[lang].sub(to_count, text)


Transform = Callable[[str, str, random.Random], str]
# (transform, probability it is applied to a variant); typos last so they can hit any word.
TRANSFORMS: tuple[tuple[Transform, float], ...] = (
    (synonyms, 0.6), (code_switch, 0.3), (tense, 0.4), (clock_hours, 0.5), (abbreviate, 0.4),
    (no_apostrophes, 0.4), (no_accents, 0.5), (lower, 0.4), (no_punctuation, 0.25), (typos, 0.5),
)


def variant(text: str, lang: str, rng: random.Random) -> str:
    """One variant: each transform applied with its probability (at least one applied)."""
    out = text
    for _ in range(4):  # retry until the surface changed
        for transform, p in TRANSFORMS:
            if rng.random() < p:
                out = transform(out, lang, rng)
        if out != text:
            break
    return out


def variants(narrative_id: str, text: str, lang: str, count: int, seed: int = 0) -> list[str]:
    """``count`` distinct-seeded variants of one narrative (reproducible from its id)."""
    rng = random.Random(zlib.crc32(f"{seed}:{narrative_id}".encode()))  # noqa: S311 - training data, not secrets
    return [variant(text, lang if lang in SYNONYMS else "en", rng) for _ in range(count)]
