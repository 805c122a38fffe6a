"""A tip's narrative with identities removed, for sharing outside the receiving agency.

A tip has no case people to look names up in (``cases/redact.py`` replaces known case
identities), so this errs towards removing too much: the tip's own known values (business,
address, contact), e-mails and phone numbers (the patterns of ``cases/redact.py``),
street addresses, and every capitalised name-like word that does not start a sentence,
plus the word after "named", "llamado", "Mr.", "Sr." and the like.
"""

from __future__ import annotations

import re

from laborlens.cases.normalise import ADDRESS_WORDS
from laborlens.cases.redact import EMAIL, PHONE, REMOVED

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
