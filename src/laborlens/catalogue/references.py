"""Cross-references between the data files: every id one file names must exist in another."""

from __future__ import annotations

import re

from laborlens.catalogue.records import (
    AGE_GROUPS,
    READING_IDS,
    US_ELEMENTS,
    Catalogue,
    Citation,
    Item,
)
from laborlens.catalogue.schema import fail

ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")


def _check_citations(cat: Catalogue) -> None:
    owners: list[tuple[str, str, tuple[Citation, ...]]] = [
        ("dimensions.json", d.id, d.citations) for d in cat.dimensions]
    owners += [(file_of(i), i.id, i.citations) for i in cat.items.values()]
    owners += [("forced_labour.json", f.id, f.citations) for f in cat.forced_labour]
    owners += [("us_law.json", c.id, c.citations) for e in cat.us_elements for c in e.components]
    owners += [("us_law.json", s.id, s.citations) for s in cat.statutes.values()]
    owners += [("rules.json", r.id, r.citations) for r in cat.readings.values()]
    owners += [("rules.json", r.id, r.citations) for r in cat.rules.values()]
    owners += [("actions.json", a.id, a.citations) for a in cat.actions]
    owners += [("industries.json", i.id, i.citations) for i in cat.industries]
    for file, owner, citations in owners:
        for c in citations:
            if c.source not in cat.sources:
                fail(file, owner, f"citation source {c.source!r} is not in sources.json")


def file_of(item: Item) -> str:
    return {"indicator": "indicators.json", "context": "context.json", "red_flag": "red_flags.json"}[item.kind]


def _check_items(cat: Catalogue) -> None:
    fl = {f.id for f in cat.forced_labour}
    components = {c.id for e in cat.us_elements for c in e.components}
    direct = {c.id for e in cat.us_elements for c in e.components if not c.derived_when_all}
    indicators = {i.id for i in cat.indicators}
    for item in cat.items.values():
        file = file_of(item)
        if not ID_RE.match(item.id):
            fail(file, item.id, "ids must be snake_case with a prefix, e.g. cd_confiscation_of_documents")
        for name in item.forced_labour:
            if name not in fl:
                fail(file, item.id, f"unknown ILO forced labour indicator {name!r}")
        for comp in item.us_supports:
            if comp not in direct:
                hint = " (derived components cannot be mapped directly)" if comp in components else ""
                fail(file, item.id, f"unknown U.S. law component {comp!r}{hint}")
        for statute in item.us_statutes:
            if statute not in cat.statutes:
                fail(file, item.id, f"unknown statute {statute!r}")
        for code in item.htcds:
            if code not in cat.htcds:
                fail(file, item.id, f"unknown HTCDS methods-of-control code {code!r}")
        for target in item.points_to + item.contradicts:
            if target not in indicators:
                fail(file, item.id, f"refers to {target!r}, which is not an operational indicator")
        if item.replaced_by and item.replaced_by not in cat.items:
            fail(file, item.id, f"replaced_by {item.replaced_by!r} is not a catalogue item")
    if not any("smuggling_trigger" in i.roles for i in cat.items.values()):
        fail("context.json", None, "at least one item needs the role 'smuggling_trigger'")


def _check_us_law(cat: Catalogue) -> None:
    components = {c.id for e in cat.us_elements for c in e.components}
    refs = components | {e.id for e in cat.us_elements}
    for element in cat.us_elements:
        for comp_id in element.supported_when_any:
            if comp_id not in components:
                fail("us_law.json", element.id, f"supported_when_any names unknown component {comp_id!r}")
        for comp in element.components:
            for group in comp.derived_when_all:
                for ref in group:
                    if ref not in components:
                        fail("us_law.json", comp.id, f"derived_when_all names unknown component {ref!r}")
    for statute in cat.statutes.values():
        for group in statute.requires_all:
            if not group:
                fail("us_law.json", statute.id, "requires_all groups must not be empty")
            for ref in group:
                if ref not in refs:
                    fail("us_law.json", statute.id, f"requires_all names unknown element or component {ref!r}")


def _check_actions(cat: Catalogue) -> None:
    dims = {d.id for d in cat.dimensions}
    components = {c.id for e in cat.us_elements for c in e.components}
    checks: dict[str, tuple[set[str], str]] = {
        "readings": (set(READING_IDS), "reading"), "any_present": (set(cat.items), "item"),
        "any_dimension_positive": (dims, "dimension"), "us_components_any": (components, "U.S. law component"),
        "us_elements_all": (set(US_ELEMENTS), "U.S. law element"), "age_groups": (set(AGE_GROUPS), "age group"),
    }
    for action in cat.actions:
        for cond in action.when_any:
            for key, (allowed, what) in checks.items():
                for value in getattr(cond, key) or ():
                    if value not in allowed:
                        fail("actions.json", action.id, f"condition {key} names unknown {what} {value!r}")


def _check_short_form(cat: Catalogue) -> None:
    file = "short_form.json"
    for item_id in cat.short_form:
        if item_id not in cat.items or cat.items[item_id].kind != "indicator":
            fail(file, item_id, "short form items must be operational indicators")
    covered = {cat.items[i].dimension for i in cat.short_form}
    missing = [d.id for d in cat.dimensions if d.id not in covered]
    if missing:
        fail(file, None, f"short form must cover every dimension; missing {', '.join(missing)}")
    for flag in cat.short_form_red_flags:
        item = cat.items.get(flag)
        if item is None or item.kind != "red_flag":
            fail(file, flag, "covers_red_flags must name red flags")
        if not set(item.points_to) & set(cat.short_form):
            fail(file, flag, "no short-form indicator covers this red flag")


def check_references(cat: Catalogue) -> None:
    """Fail on the first id that one file names and no file defines (CatalogueError)."""
    for check in (_check_items, _check_us_law, _check_actions, _check_short_form, _check_citations):
        check(cat)
