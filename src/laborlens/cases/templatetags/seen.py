"""``{{ text|seen:seen }}``: free text as this viewer may see it (``identity.text.Renderer``)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter(name="seen")
def seen(value: Any, renderer: Any) -> Any:
    if value is None or value == "":
        return value
    if renderer is None:
        return value
    return renderer(str(value))
