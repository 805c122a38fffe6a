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


@register.filter
def choices(item: Any) -> list[tuple[str, str]]:
    """The answer buttons of one catalogue question (see services.answer_choices)."""
    from laborlens.screening.services import answer_choices

    return answer_choices(item)


@register.filter
def item_label(item_id: str, lang: str) -> str:
    """The label of a catalogue item by id (the id itself when it is not in the catalogue)."""
    from laborlens.screening.services import catalogue

    item = catalogue().items.get(item_id)
    return item.label.get(lang) if item is not None else item_id
