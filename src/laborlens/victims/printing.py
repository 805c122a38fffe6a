"""Consent forms and receipts in English and the language the consent was explained in,
side by side: the wording is data (``data/consent_text.json``, English and Spanish) and the
victim-language catalogues (core/victim_languages), so both print whatever the interface
language is. Spanish is the second sheet when the language has no catalogue. A PDF is made
with reportlab from the same text; its built-in fonts cover Latin-1 only, so a sheet in
another script prints in the HTML version and the PDF carries Spanish instead."""

from __future__ import annotations

import io
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation

from laborlens.core import victim_languages as vl
from laborlens.core.victim_i18n import text_in
from laborlens.victims.consent import state
from laborlens.victims.models import Consent

TEXT_FILE = Path(__file__).with_name("data") / "consent_text.json"
LANGUAGES = ("en", "es")


@cache
def consent_text() -> dict[str, dict[str, str]]:
    data = json.loads(TEXT_FILE.read_text(encoding="utf-8"))
    keys = set(data["en"])
    for lang in LANGUAGES:
        if set(data[lang]) != keys:
            raise ValueError(f"consent_text.json: {lang} keys differ from en")
    return {lang: data[lang] for lang in LANGUAGES}


def consent_state(consent: Consent) -> str:
    return state(consent)


# Codes of the victim record's language list (core.choices.LANGUAGE_CHOICES) that differ.
_RECORD_CODES = {"zh": "zh-hans"}


def sheet_languages(consent: Consent, *, latin1: bool = False) -> list[str]:
    """English and the language the consent was explained in (Spanish if it has no catalogue)."""
    code = _RECORD_CODES.get(consent.explained_in, consent.explained_in)
    lang = vl.get(code)
    if lang is None or not lang.own_catalogue:
        return list(LANGUAGES)
    if latin1 and not _latin1(texts_in(code).values()):
        return list(LANGUAGES)
    return ["en", code]


def _latin1(texts: Any) -> bool:
    try:
        "".join(texts).encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def texts_in(code: str) -> dict[str, str]:
    """The consent wording in ``code``: the data file for en/es, else the victim catalogue
    (falling back along the language's chain)."""
    data = consent_text()
    if code in data:
        return data[code]
    return {key: text_in(code, english, data["es"][key]) for key, english in data["en"].items()}


def day_in(value: date, lang: str) -> str:
    """A date in the sheet's language: the interface's one format in English and Spanish
    ("4 Dec 2026", "4 dic 2026"); ISO 8601 (2026-12-04, unambiguous) in the other languages."""
    if lang not in ("en", "es"):
        return value.isoformat()
    with translation.override(lang):
        return formats.date_format(value)


def sheets(consent: Consent, *, latin1: bool = False) -> list[dict[str, Any]]:
    """One sheet per language: the form with its receipt lines, all strings filled in."""
    record = consent.victim
    result = []
    for lang in sheet_languages(consent, latin1=latin1):
        text = texts_in(lang)
        serving = record.serving_agency.name
        described = vl.get(lang)
        result.append({
            "lang": lang, "t": text, "dir": described.dir if described else "ltr",
            "intro": text["intro"].format(serving=serving),
            "valid": text["valid"].format(given=day_in(consent.given_on, lang),
                                          expires=day_in(consent.expires_on, lang)),
            "categories": [text[f"cat_{code}"] for code in consent.categories if f"cat_{code}" in text],
            "recorded": text["recorded"].format(who=consent.recorded_by.get_full_name() or consent.recorded_by.username,
                                                serving=serving,
                                                when=day_in(timezone.localdate(consent.recorded_at), lang)),
            "state": text[f"state_{consent_state(consent)}"],
        })
    return result


def consent_pdf(consent: Consent) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=LETTER, title="Consent", author="LaborLens")
    story: list[Any] = []
    for index, sheet in enumerate(sheets(consent, latin1=True)):
        t = sheet["t"]
        if index:
            story.append(PageBreak())
        story += [Paragraph(escape(t["title"]), styles["Title"]),
                  Paragraph(escape(f'{t["reference"]}: C-{consent.pk} · {consent.victim.pseudonym}'), styles["Italic"]),
                  Paragraph(escape(sheet["intro"]), styles["BodyText"]),
                  Paragraph(escape(t["services"]), styles["BodyText"]), Spacer(1, 8),
                  Paragraph(escape(f'{t["recipient"]}: {consent.recipient_agency.name}'), styles["BodyText"]),
                  Paragraph(escape(f'{t["categories"]}: ' + "; ".join(sheet["categories"])), styles["BodyText"]),
                  Paragraph(escape(f'{t["purpose"]}: {consent.purpose}'), styles["BodyText"]),
                  Paragraph(escape(sheet["valid"]), styles["BodyText"]),
                  Paragraph(escape(t["revoke"]), styles["BodyText"]), Spacer(1, 8),
                  Paragraph(escape(f'{t["signed"]}: {consent.signature}'), styles["BodyText"]),
                  Paragraph(escape(sheet["recorded"]), styles["BodyText"]),
                  Paragraph(escape(f'{t["state"]}: {sheet["state"]}'), styles["BodyText"])]
    document.build(story)
    return buffer.getvalue()
