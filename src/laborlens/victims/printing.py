"""Consent forms and receipts in English and Spanish, side by side: the wording is data
(``data/consent_text.json``), so both languages print whatever the interface language is.
A PDF is made with reportlab from the same text."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone

from laborlens.identity.consent import state
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


def sheets(consent: Consent) -> list[dict[str, Any]]:
    """One sheet per language: the form with its receipt lines, all strings filled in."""
    record = consent.victim
    result = []
    for lang in LANGUAGES:
        text = consent_text()[lang]
        serving = record.serving_agency.name
        result.append({
            "lang": lang, "t": text,
            "intro": text["intro"].format(serving=serving),
            "valid": text["valid"].format(given=consent.given_on.isoformat(), expires=consent.expires_on.isoformat()),
            "categories": [text[f"cat_{code}"] for code in consent.categories if f"cat_{code}" in text],
            "recorded": text["recorded"].format(who=consent.recorded_by.get_full_name() or consent.recorded_by.username,
                                                serving=serving,
                                                when=timezone.localtime(consent.recorded_at).strftime("%Y-%m-%d")),
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
    for index, sheet in enumerate(sheets(consent)):
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
