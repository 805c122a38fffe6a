"""Normalisation of names, addresses, phones and identifiers so records can be matched.

Pure functions (no Django): the same value typed two ways ("Calle 5 Norte, Apt. #3" and
"calle 5 n apt 3") normalises to the same string, which is then turned into a keyed blind
index (see ``laborlens.core.crypto.blind_index`` and ``keys.py``).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations

import jellyfish
import phonenumbers

WORD = re.compile(r"[a-z0-9]+")
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "da", "do", "dos", "das", "van",
                            "von", "der", "y", "e", "bin", "ibn", "al", "el"})
BUSINESS_SUFFIXES = frozenset({"llc", "l", "inc", "incorporated", "corp", "corporation", "co",
                               "company", "ltd", "limited", "lp", "llp", "pllc", "pc", "sa",
                               "de", "cv", "srl", "the"})
ADDRESS_WORDS = {
    "street": "st", "str": "st", "avenue": "ave", "av": "ave", "avda": "ave", "avenida": "ave",
    "road": "rd", "drive": "dr", "boulevard": "blvd", "lane": "ln", "court": "ct",
    "place": "pl", "highway": "hwy", "route": "rte", "parkway": "pkwy", "circle": "cir",
    "terrace": "ter", "trail": "trl", "north": "n", "south": "s", "east": "e", "west": "w",
    "norte": "n", "sur": "s", "oeste": "w", "apartment": "apt", "apto": "apt", "unit": "apt",
    "suite": "ste", "number": "", "no": "", "calle": "st", "floor": "fl", "building": "bldg",
}
MAX_NAME_TOKENS = 6


class NormaliseError(ValueError):
    """The value cannot be normalised (e.g. not a phone number); the message says why."""


def fold(text: str) -> str:
    """Lower case, accents removed, compatibility forms unified (NFKD)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text).replace("'", ""))


def name_tokens(name: str) -> list[str]:
    """Significant tokens of a person's name, particles dropped, order kept."""
    tokens = [token for token in words(name) if token not in NAME_PARTICLES]
    return tokens[:MAX_NAME_TOKENS]


def person_name(name: str) -> str:
    """Order-insensitive canonical name: 'LÓPEZ, María' == 'maria lopez'."""
    return " ".join(sorted(name_tokens(name)))


def phonetic(token: str) -> str:
    """Phonetic code of one token (Metaphone): Lopez/Lopes -> LPS, Maria/Marie -> MR."""
    if token.isdigit():
        return token
    return jellyfish.metaphone(token) or token


# Spanish spelling folded to sound, in order (see ``spanish_sound``). Placeholders: "1" is
# the "ch" sound, "2" a hard g written "gu" before e/i (so that it is not turned into j).
_ES_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"[^a-z]", ""),
    (r"ph", "f"),
    (r"ch", "1"),
    (r"gu(?=[ei])", "2"),       # Guillermo, Miguel: the u is silent, the g is hard
    (r"g(?=[ei])", "j"),        # Gimenez / Jimenez, Gerardo / Jerardo
    (r"x(?=[aeiou])", "j"),     # Xavier / Javier, Ximenez / Jimenez, Mexia / Mejia
    (r"x", "s"),                # Xochitl, Extremera
    (r"qu", "k"),               # Quiroz / Kiroz
    (r"q", "k"),
    (r"c(?=[ei])", "s"),        # Cervantes / Servantes
    (r"c", "k"),
    (r"z", "s"),                # Vazquez / Vasquez, Zuniga / Suniga
    (r"ll", "y"),               # Llanos / Yanos, Guillermo / Guiyermo
    (r"y(?![aeiou])", "i"),     # Ybarra / Ibarra, Ruy / Rui
    (r"h", ""),                 # silent: Hernandez / Ernandez, Johana / Joana
    (r"v", "b"),                # Velazquez / Belazquez, Olivares / Olibares
    (r"w", "u"),
    (r"2", "g"),
    (r"(.)\1+", r"\1"),        # doubled letters: Herrera / Errera, Pizzaro / Pisaro
))


def spanish_sound(token: str) -> str:
    """Sound code of one name token read as Spanish, vowels kept (they are stable in
    Spanish): Xavier / Javier -> jabier, Guillermo / Guiyermo -> giyermo, Hernández /
    Ernandez -> ernandes. Digits pass through."""
    if token.isdigit():
        return token
    code = fold(token)
    for pattern, replacement in _ES_RULES:
        code = pattern.sub(replacement, code)
    return code.replace("1", "ch") or fold(token)


def spanish_sound_pairs(name: str) -> list[str]:
    """``phonetic_pairs`` with the Spanish sound code of each token."""
    codes = sorted({spanish_sound(token) for token in name_tokens(name)})
    if len(codes) == 1:
        return codes
    return [f"{first}+{second}" for first, second in combinations(codes, 2)]


def phonetic_pairs(name: str) -> list[str]:
    """Every unordered pair of distinct phonetic codes of a name's tokens.

    Two spellings of a name that share any two phonetic tokens (first + last, even with a
    middle name or second surname missing on one side) share at least one pair. A
    one-token name yields its single code.
    """
    codes = sorted({phonetic(token) for token in name_tokens(name)})
    if len(codes) == 1:
        return codes
    return [f"{first}+{second}" for first, second in combinations(codes, 2)]


def city(text: str) -> str:
    return " ".join(words(text))


def address(text: str) -> str:
    parts: list[str] = []
    for word in words(text.replace("#", " apt ")):
        part = ADDRESS_WORDS.get(word, word)
        if part and not (parts and part == parts[-1] == "apt"):
            parts.append(part)
    return " ".join(parts)


def business_name(text: str) -> str:
    tokens = [token for token in words(text.replace("&", " and ").replace(".", "")) if token not in BUSINESS_SUFFIXES]
    return " ".join(tokens)


def phone(raw: str, region: str = "US") -> str:
    """E.164 (``+12025550143``) or NormaliseError with a message a person can act on."""
    text = (raw or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise NormaliseError(f"{text[:40]!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise NormaliseError(
            f"{text[:40]!r} is not a valid phone number; include the area code "
            "(and the country code, e.g. +52, for numbers abroad)"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(text: str) -> str:
    value = (text or "").strip().casefold()
    if value and ("@" not in value or " " in value or len(value) > 254):
        raise NormaliseError(f"{text[:40]!r} is not an e-mail address")
    return value


def identifier(text: str) -> str:
    """Document, licence, plate and account numbers: letters and digits only, upper case."""
    return "".join(WORD.findall(fold(text))).upper()


def document(text: str) -> str:
    """Identity document number: the tokens that carry digits ('Passport GT 998 1234' ->
    '9981234'), so the document type or country typed around it does not matter."""
    numbered = [token.upper() for token in words(text) if any(char.isdigit() for char in token)]
    return "".join(numbered) or identifier(text)


def lines(text: str, limit: int = 20) -> list[str]:
    """One value per line (textarea input), blanks dropped, duplicates removed, bounded."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        value = line.strip()
        if value and value not in seen:
            seen.append(value[:300])
    return seen[:limit]
