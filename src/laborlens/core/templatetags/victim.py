"""Template helpers for victim languages: ``{{ code|language_name }}`` (English name, for
officers) and ``{{ english|victim_text }}`` (data wording in the page's victim language)."""

from __future__ import annotations

from django import template

from laborlens.core import victim_languages as vl
from laborlens.core.victim_i18n import data_text

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    lang = vl.get(code or "")
    return lang.name if lang else (code or "")


@register.filter
def victim_text(english: str) -> str:
    return data_text(english)
