"""Load and validate the versioned indicator catalogue (pure Python, no Django).

The catalogue is a set of JSON files in ``data/``. Every file carries the same top-level
``version`` and a ``kind``; every record is checked against an explicit schema when it is
loaded, and cross-references (dimensions, sources, statutes, HTCDS codes, red-flag
targets, short form) are resolved, so a typo fails at start-up with a message that names
the file and the item instead of surfacing later as a wrong reading.

This module holds the entry points; the work is done by its neighbours:
``records`` (vocabularies and value objects), ``locators`` (citations for readers),
``schema`` (field and record checks), ``files`` (one parser per data file) and
``references`` (ids one file names and another must define). The value objects are
re-exported here, so ``from laborlens.catalogue.loader import Item`` keeps working.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from laborlens.catalogue.files import (
    parse_actions,
    parse_context,
    parse_dimensions,
    parse_forced_labour,
    parse_htcds,
    parse_indicators,
    parse_industries,
    parse_red_flags,
    parse_rules,
    parse_short_form,
    parse_sources,
    parse_us_law,
    read_documents,
)
from laborlens.catalogue.locators import display_locator
from laborlens.catalogue.records import (
    AGE_GROUPS,
    CONTEXT_ROLES,
    DIMENSION_ROLES,
    LANGS,
    READING_IDS,
    SUGGEST,
    US_ELEMENTS,
    WEIGHTS,
    YES_MEANS,
    Action,
    Catalogue,
    CatalogueError,
    Citation,
    Condition,
    Dimension,
    ForcedLabourIndicator,
    HtcdsCode,
    Industry,
    Item,
    Pattern,
    Reading,
    Rule,
    Source,
    Statute,
    Text,
    UsComponent,
    UsElement,
    VisaProgram,
)
from laborlens.catalogue.references import check_references, file_of
from laborlens.catalogue.schema import fail

__all__ = [
    "AGE_GROUPS", "CONTEXT_ROLES", "DIMENSION_ROLES", "LANGS", "READING_IDS", "SUGGEST", "US_ELEMENTS",
    "WEIGHTS", "YES_MEANS",
    "Action", "Catalogue", "CatalogueError", "Citation", "Condition", "Dimension", "ForcedLabourIndicator",
    "HtcdsCode", "Industry", "Item", "Pattern", "Reading", "Rule", "Source", "Statute", "Text", "UsComponent",
    "UsElement", "VisaProgram",
    "build_catalogue", "display_locator", "load_catalogue",
]


def _default_data_dir() -> Path:
    return Path(str(resources.files("laborlens.catalogue") / "data"))


def build_catalogue(data_dir: Path) -> Catalogue:
    """Read and validate every catalogue file in ``data_dir`` (uncached)."""
    version, docs = read_documents(data_dir)
    dimensions, patterns = parse_dimensions(docs["dimensions"])
    indicators, id_scheme = parse_indicators(docs["indicators"], dimensions)
    items: dict[str, Item] = {}
    for group in (indicators, parse_context(docs["context"]), parse_red_flags(docs["red_flags"])):
        for item_id, item in group.items():
            if item_id in items:
                fail(file_of(item), item_id, "id already used by another catalogue item")
            items[item_id] = item
    us_elements, statutes = parse_us_law(docs["us_law"])
    readings, rules, messages, labels = parse_rules(docs["rules"])
    short_form, short_form_flags = parse_short_form(docs["short_form"])
    industries, visas = parse_industries(docs["industries"])
    catalogue = Catalogue(
        version=version, sources=parse_sources(docs["sources"]), dimensions=dimensions, patterns=patterns,
        items=items, forced_labour=parse_forced_labour(docs["forced_labour"]), us_elements=us_elements,
        statutes=statutes, htcds=parse_htcds(docs["htcds"]), readings=readings, rules=rules, messages=messages,
        labels=labels, actions=parse_actions(docs["actions"]), short_form=short_form,
        short_form_red_flags=short_form_flags, industries=industries, visa_programs=visas,
        id_scheme=id_scheme, raw=docs)
    check_references(catalogue)
    return catalogue


@functools.lru_cache(maxsize=8)
def load_catalogue(data_dir: str | Path | None = None) -> Catalogue:
    """The validated catalogue, loaded once per data directory (the packaged data by default)."""
    return build_catalogue(Path(data_dir) if data_dir is not None else _default_data_dir())
