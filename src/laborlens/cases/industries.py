"""Vulnerable industries with NAICS codes.

``industries()`` is the adapter: the shared catalogue (``laborlens.catalogue``,
data/industries.json) when installed, else the same-id copy in ``data/industries.json``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import get_language

DATA_FILE = Path(__file__).resolve().parent / "data" / "industries.json"


@dataclass(frozen=True)
class Industry:
    id: str
    en: str
    es: str
    naics: tuple[str, ...]

    @property
    def label(self) -> str:
        name = self.es if (get_language() or "en").startswith("es") else self.en
        return f"{name} (NAICS {', '.join(self.naics)})" if self.naics else name


def _from_catalogue() -> tuple[Industry, ...] | None:
    try:
        from laborlens.catalogue import load_catalogue
    except ImportError:
        return None
    return tuple(Industry(i.id, i.label.en, i.label.es, tuple(i.naics)) for i in load_catalogue().industries)


@functools.cache
def industries() -> tuple[Industry, ...]:
    items = _from_catalogue()
    if items is None:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
        items = tuple(Industry(i["id"], i["en"], i["es"], tuple(i["naics"])) for i in data["industries"])
    if len({item.id for item in items}) != len(items):
        raise ValueError("duplicate industry id in industries.json")
    return items


def industry_choices() -> list[tuple[str, str]]:
    return [(item.id, item.label) for item in industries()]


def industry_label(code: str) -> str:
    found = next((item for item in industries() if item.id == code), None)
    return found.label if found else code
