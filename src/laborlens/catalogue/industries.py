"""Vulnerable industries with their NAICS codes, as the catalogue holds them
(``data/industries.json``; INDICATORS.md section 3). Labels are given in the language the
caller names (pages pass the page's language), so this module stays free of Django."""

from __future__ import annotations

from laborlens.catalogue.loader import Industry, load_catalogue


def industries() -> tuple[Industry, ...]:
    return load_catalogue().industries


def label(item: Industry, lang: str) -> str:
    """"Agriculture (NAICS 111, 112)" in English or Spanish."""
    name = item.label.get("es" if lang.startswith("es") else "en")
    return f"{name} (NAICS {', '.join(item.naics)})" if item.naics else name


def industry_label(code: str, lang: str) -> str:
    """The label of an industry id; an id the catalogue does not know is shown as it is."""
    found = next((item for item in industries() if item.id == code), None)
    return label(found, lang) if found else code


def industry_choices(lang: str) -> list[tuple[str, str]]:
    return [(item.id, label(item, lang)) for item in industries()]
