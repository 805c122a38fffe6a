from __future__ import annotations

from django import template

from laborlens.audit.tags import object_label as _object_label
from laborlens.audit.tags import tag_label as _tag_label

register = template.Library()


@register.filter
def tag_label(tag: str) -> str:
    """An event tag in words ("Consent: revoked"), in the active language."""
    return _tag_label(tag)


@register.filter
def object_label(object_type: str) -> str:
    """The kind of object an event is about, in words."""
    return _object_label(object_type)
