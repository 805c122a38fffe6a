"""Thin adapter over the indicator catalogue: the only module here that touches it.

Extraction needs three facts per item (kind, bilingual label, ILO forced-labour short
names). They come from ``laborlens.catalogue.load_catalogue`` (validated, cached); if
that package cannot be imported the JSON data files are read directly, so a change in
the catalogue's Python API changes this file only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CatalogueItem:
    id: str
    kind: str  # "indicator" | "context"
    label_en: str
    label_es: str
    forced_labour: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_es if lang == "es" and self.label_es else self.label_en


def _from_loader() -> dict[str, CatalogueItem] | None:
    try:
        from laborlens.catalogue import load_catalogue
    except ImportError:
        return None
    catalogue = load_catalogue()
    return {
        item.id: CatalogueItem(item.id, item.kind, item.label.en, item.label.es,
                               tuple(item.forced_labour))
        for item in catalogue.items.values()
        if item.kind in ("indicator", "context") and not item.deprecated
    }


def _from_json(data_dir: Path) -> dict[str, CatalogueItem]:
    items: dict[str, CatalogueItem] = {}
    for file, key, kind in (("indicators.json", "indicators", "indicator"),
                            ("context.json", "items", "context")):
        doc: dict[str, Any] = json.loads((data_dir / file).read_text(encoding="utf-8"))
        records = doc.get(key) or next(v for v in doc.values() if isinstance(v, list))
        for record in records:
            if record.get("deprecated"):
                continue
            label = record.get("label", {})
            items[record["id"]] = CatalogueItem(
                record["id"], kind, label.get("en", record["id"]), label.get("es", ""),
                tuple(record.get("forced_labour", ())))
    return items


@lru_cache(maxsize=1)
def catalogue_items() -> dict[str, CatalogueItem]:
    """Indicator and context items by id."""
    loaded = _from_loader()
    if loaded is not None:
        return loaded
    return _from_json(Path(__file__).resolve().parents[1] / "catalogue" / "data")
