from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def t(text: Any, lang: str) -> str:
    """A catalogue text ({'en': ..., 'es': ...} or Text) in the given language."""
    if text is None:
        return ""
    if isinstance(text, dict):
        return str(text.get(lang) or text.get("en") or "")
    getter = getattr(text, "get", None)
    return str(getter(lang)) if getter else str(text)


@register.filter
def answer_for(answers: dict[str, Any], item_id: str) -> dict[str, Any]:
    return answers.get(item_id) or {}


@register.filter
def other_lang(lang: str) -> str:
    return "en" if lang == "es" else "es"
