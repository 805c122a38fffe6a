from __future__ import annotations

from typing import Any

from django import template

from laborlens.cases.timeline_text import in_reader_language

register = template.Library()


@register.filter
def reader_language(entry: Any) -> str:
    """A timeline entry's text in the reader's language (a typed note stays as written)."""
    return entry.text if getattr(entry, "is_note", False) else in_reader_language(entry.text)
