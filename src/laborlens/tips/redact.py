"""A tip's narrative with identities removed, for sharing outside the receiving agency.

A tip has no case people to look names up in (``cases/redact.py`` replaces known case
identities), so this errs towards removing too much: the tip's own known values (business,
address, contact), e-mails and phone numbers (the patterns of ``cases/redact.py``),
street addresses, and every capitalised name-like word that does not start a sentence,
plus the word after "named", "llamado", "Mr.", "Sr." and the like.
"""

from __future__ import annotations

import re

from laborlens.cases.redact import EMAIL, PHONE, REMOVED
from laborlens.matching.normalise import ADDRESS_WORDS

_STREET = "|".join(sorted({w for w in ADDRESS_WORDS if len(w) > 1} | set(ADDRESS_WORDS.values()) - {""},
                          key=len, reverse=True))
STREET_ADDRESS = re.compile(
    rf"\b\d{{1,6}}\s+(?:[\w.'-]+\s+){{0,4}}(?:{_STREET})\b\.?(?:\s*(?:#|apt\.?|apto\.?|unit|suite)?\s*\d+\w*)?"
    rf"|\b(?:calle|avenida|av\.|carretera|camino|route|highway|hwy)\s+[\w.'-]+(?:\s+\d{{1,6}})?",
    re.IGNORECASE)
US_PHONE = re.compile(r"\(\d{3}\)\s*\d{3}[\s.-]?\d{4}")
NAME_CUE = re.compile(
    r"\b(?:named|called|name is|llamad[oa]|se llama|apodad[oa]|mr\.?|mrs\.?|ms\.?|miss|sr\.?|sra\.?|srta\.?|don|doña|señor|señora)\s+"
    r"([A-ZÁÉÍÓÚÑ][\w'-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'-]+){0,2})", re.IGNORECASE)
CAPITALISED = re.compile(r"(?<![.!?¿¡:\n]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][a-záéíóúñü'-]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü'-]+){0,3}\b")
KEEP = frozenset("""I I'm I've I'd Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December English Spanish Mexico Guatemala
Honduras Salvador El Peru Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo Abril Mayo
Junio Julio Agosto Septiembre Octubre Noviembre Diciembre Inglés Español México ICE Dios God""".split())


def redact_text(text: str, known: list[str] | None = None) -> str:
    result = text or ""
    for value in sorted((v.strip() for v in known or [] if v and len(v.strip()) >= 3), key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", REMOVED, result, flags=re.IGNORECASE)
    result = EMAIL.sub(REMOVED, result)
    result = PHONE.sub(REMOVED, US_PHONE.sub(REMOVED, result))
    result = STREET_ADDRESS.sub(REMOVED, result)
    result = NAME_CUE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + REMOVED, result)

    def name(match: re.Match[str]) -> str:
        words = match.group(0).split()
        return match.group(0) if all(w in KEEP for w in words) else REMOVED

    return CAPITALISED.sub(name, result)


# A sentence may start with a name ("Maria keeps our passports"), which ``redact_text``
# leaves, so a summary keeps a capitalised first word only when it is one of these.
SENTENCE_STARTS = frozenset("""a an and but he her his i i'm if in it its many me my no not now on our she so some
that the their there these they this those to today we what when where who why yesterday yes you your at after
all also because before every for from help how last most one or please since then two three about again call ask
nobody someone everyone nothing something sometimes nadie alguien todo nada algo a veces
el la los las un una unos unas y pero él ella ellos ellas yo si en es mi mis nos nosotros no ahora hoy ayer
que qué cuando cuándo donde dónde quien quién como cómo porque por para hay este esta estos estas ese esa
eso ellos todos todas muchos muchas su sus nuestro nuestra nuestros nuestras ayuda también después antes
desde hace""".split()) | {word.lower() for word in KEEP}
FIRST_WORD = re.compile(r"(?:^|(?<=[.!?¿¡:\n]\s)|(?<=[.!?:\n]))\s*([A-ZÁÉÍÓÚÑ][\w'-]*)")


def summary(text: str, known: list[str] | None = None, limit: int = 160) -> str:
    """A short line of a tip's text for a list: ``redact_text`` and, more strictly, any
    capitalised first word of a sentence that is not a common word; cut at ``limit``."""
    result = redact_text(text, known)

    def first(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.lower() in SENTENCE_STARTS or word == REMOVED.strip("[]"):
            return match.group(0)
        return match.group(0)[: match.start(1) - match.start(0)] + REMOVED

    result = " ".join(FIRST_WORD.sub(first, result).split())
    if len(result) <= limit:
        return result
    cut = result[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
