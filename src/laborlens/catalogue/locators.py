"""Citations as readers see them: the place in a source, without notes about this project's files."""

from __future__ import annotations

import re

# A parenthesis that talks about this project's files ("as compiled in INDICATORS.md ...").
_FILE_NOTE = re.compile(r"\s*\([^()]*\b[\w-]+\.(?:md|json|txt|csv)\b[^()]*\)")
# Locators made only of these words, numbers and punctuation are put in Spanish word by word;
# the others quote the source's own (English) wording and stay as written.
_LOCATOR_WORDS_ES = {"section": "sección", "sections": "secciones", "point": "punto", "points": "puntos",
                     "item": "apartado", "items": "apartados", "article": "artículo", "articles": "artículos",
                     "indicator": "indicador", "indicators": "indicadores", "and": "y", "page": "página",
                     "pages": "páginas", "chapter": "capítulo", "codes": "códigos"}
_LOCATOR_TOKEN = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


def display_locator(locator: str, lang: str = "en") -> str:
    """The place in a source, for readers: notes about the project's files are dropped and,
    in Spanish, a locator such as "section 2, item 3" reads "sección 2, apartado 3"."""
    text = _FILE_NOTE.sub("", locator).strip()
    if lang != "es":
        return text
    words = [w for w in _LOCATOR_TOKEN.findall(text) if w.isalpha() and len(w) > 1]  # not 3(a)
    if not words or any(w.lower() not in _LOCATOR_WORDS_ES for w in words):
        return text
    return "".join(_LOCATOR_WORDS_ES.get(t.lower(), t) if t.isalpha() else t for t in _LOCATOR_TOKEN.findall(text))
