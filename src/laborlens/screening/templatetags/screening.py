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


BASIS_LABELS = {
    "palermo_ilo": ("Palermo Protocol / ILO-EC indicators", "Protocolo de Palermo / indicadores OIT-CE"),
    "usc_1589": ("18 U.S.C. 1589 (forced labor)", "18 U.S.C. 1589 (trabajo forzoso)"),
    "usc_1590": ("18 U.S.C. 1590 (trafficking)", "18 U.S.C. 1590 (trata)"),
    "usc_1581": ("18 U.S.C. 1581 (peonage)", "18 U.S.C. 1581 (peonaje)"),
    "usc_1584": ("18 U.S.C. 1584 (involuntary servitude)", "18 U.S.C. 1584 (servidumbre involuntaria)"),
}


@register.filter
def basis_label(basis: str, lang: str = "en") -> str:
    """A reading basis id in words, in English or Spanish."""
    en, es = BASIS_LABELS.get(basis, (basis, basis))
    return es if lang == "es" else en


@register.filter
def reading_label(reading_id: str, lang: str) -> str:
    from laborlens.screening.services import catalogue

    reading = catalogue().readings.get(reading_id)
    return reading.label.get(lang) if reading is not None else str(reading_id or "")


@register.filter
def catalogue_label(key: str, spec: str) -> str:
    """A catalogue label by group, "group:lang" (``{{ s|catalogue_label:"status:es" }}``):
    ``supported`` reads "supported" / "con respaldo", never the key itself."""
    from laborlens.screening.services import catalogue

    group, _, lang = spec.partition(":")
    text = catalogue().labels.get(group, {}).get(str(key))
    return text.get(lang or "en") if text is not None else str(key or "")


@register.filter
def cite(citation: Any, lang: str) -> str:
    """A citation in words: the source's short title and the place in it (no source id)."""
    from laborlens.screening.services import catalogue

    return catalogue().cite(citation, lang)


@register.filter
def item_labels(item_ids: Any, lang: str) -> str:
    """Catalogue item ids as their labels, joined with commas."""
    return ", ".join(item_label(i, lang) for i in item_ids or ())
