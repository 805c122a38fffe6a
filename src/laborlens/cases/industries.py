"""The case's industry label in the page's language (the industries are the catalogue's:
``laborlens.catalogue.industries``)."""

from __future__ import annotations

from laborlens.catalogue.industries import industry_label as catalogue_label
from laborlens.core.victim_i18n import ui_lang


def industry_label(code: str) -> str:
    return catalogue_label(code, ui_lang())
