"""The indicator catalogue: versioned data files plus a validating loader (no Django).

    from laborlens.catalogue import load_catalogue
    catalogue = load_catalogue()          # cached; raises CatalogueError on bad data
"""

from laborlens.catalogue.loader import (
    AGE_GROUPS,
    READING_IDS,
    Catalogue,
    CatalogueError,
    Item,
    Text,
    build_catalogue,
    load_catalogue,
)

__all__ = [
    "AGE_GROUPS",
    "READING_IDS",
    "Catalogue",
    "CatalogueError",
    "Item",
    "Text",
    "build_catalogue",
    "load_catalogue",
]
