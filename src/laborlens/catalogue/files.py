"""Read the catalogue's data files and turn each one into value objects, checking it against its schema."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from laborlens.catalogue.records import (
    AGE_GROUPS,
    CONTEXT_ROLES,
    DIMENSION_ROLES,
    READING_IDS,
    SUGGEST,
    US_ELEMENTS,
    WEIGHTS,
    YES_MEANS,
    Action,
    CatalogueError,
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
from laborlens.catalogue.schema import (
    as_citations,
    as_text,
    check_record,
    check_unique,
    fail,
    is_text,
    non_empty_list,
    require_keys,
)

VERSION_RE = re.compile(r"^\d{4}\.\d{1,2}\.\d+$")
NAICS_RE = re.compile(r"^\d{2,6}(-\d{2})?$")
FILES = {
    "sources.json": "sources", "dimensions.json": "dimensions", "indicators.json": "indicators",
    "forced_labour.json": "forced_labour", "context.json": "context", "red_flags.json": "red_flags",
    "htcds.json": "htcds", "us_law.json": "us_law", "rules.json": "rules", "actions.json": "actions",
    "short_form.json": "short_form", "industries.json": "industries",
}
# Message templates the engine formats; a missing one must fail at load, not mid-screening.
REQUIRED_MESSAGES = (
    "nothing_recorded", "reading", "dimension_positive", "dimension_partial", "age_minor", "age_unknown",
    "age_unknown_differs", "minor_us_means", "us_summary", "us_all_supported", "us_means_without_ilo",
    "statute", "forced_labour", "unconfirmed", "red_flags", "contradiction", "smuggling_recorded",
    "means_without_exploitation", "not_determination", "why_reading", "why_tips", "why_counts",
    "why_red_flag", "why_us", "why_short_form", "why_smuggling",
)
REQUIRED_RULES = (
    "combination.dimension", "reading.trafficking.adult", "reading.trafficking.minor",
    "reading.deception_exploitation", "reading.exploitation", "reading.smuggling", "reading.insufficient",
    "reading.order", "age.adult", "age.minor", "age.unknown", "forced_labour.mapping", "us.element",
    "us.statute", "us.minor_means", "unconfirmed.counts", "red_flags.prompt", "context.counter",
    "next_questions.ranking", "actions.selection",
)


def read_documents(data_dir: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    documents: dict[str, dict[str, Any]] = {}
    versions: dict[str, str] = {}
    for name, kind in FILES.items():
        path = data_dir / name
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            fail(name, None, f"file missing from {data_dir}")
        except json.JSONDecodeError as error:
            fail(name, None, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")
        if not isinstance(doc, dict):
            fail(name, None, "top level must be an object")
        version = doc.get("version")
        if not isinstance(version, str) or not VERSION_RE.match(version):
            fail(name, None, f"top-level 'version' must look like 2026.11.0 (got {version!r})")
        if doc.get("kind") != kind:
            fail(name, None, f"top-level 'kind' must be {kind!r} (got {doc.get('kind')!r})")
        versions[name] = version
        documents[kind] = {k: v for k, v in doc.items() if k not in ("version", "kind")}
    if len(set(versions.values())) != 1:
        listing = ", ".join(f"{n}={v}" for n, v in versions.items())
        raise CatalogueError(f"catalogue files disagree on the version: {listing}")
    return next(iter(versions.values())), documents


def parse_sources(doc: dict[str, Any]) -> dict[str, Source]:
    out: dict[str, Source] = {}
    for rec in non_empty_list(doc, "sources", "sources.json"):
        check_record(rec, "sources.json", {"id": "str", "title": "str", "short": "text", "publisher": "str",
                                            "year": "int", "url": "str_or_empty", "note": "str_or_empty"})
        check_unique(rec["id"], out, "sources.json")
        out[rec["id"]] = Source(rec["id"], rec["title"], rec["publisher"], rec["year"], rec["url"], rec["note"],
                                as_text(rec["short"]))
    return out


def parse_dimensions(doc: dict[str, Any]) -> tuple[tuple[Dimension, ...], tuple[Pattern, ...]]:
    file = "dimensions.json"
    dims: dict[str, Dimension] = {}
    for rec in non_empty_list(doc, "dimensions", file):
        check_record(rec, file, {"id": "str", "code": "str", "role": DIMENSION_ROLES, "deception": "bool",
                                  "label": "text", "description": "text", "citations": "citations"})
        check_unique(rec["id"], dims, file)
        dims[rec["id"]] = Dimension(rec["id"], rec["code"], rec["role"], rec["deception"], as_text(rec["label"]),
                                    as_text(rec["description"]), as_citations(rec["citations"]))
    roles = [d.role for d in dims.values()]
    if roles.count("exploitation") != 1 or "recruitment_means" not in roles or "destination_means" not in roles:
        fail(file, None, "need exactly one 'exploitation' dimension and at least one recruitment and destination means dimension")
    patterns: list[Pattern] = []
    for rec in non_empty_list(doc, "combination_patterns", file):
        check_record(rec, file, {"id": "str", "strong": "int", "medium": "int", "weak": "int",
                                  "medium_or_weak": "int", "label": "text"})
        patterns.append(Pattern(rec["id"], rec["strong"], rec["medium"], rec["weak"], rec["medium_or_weak"],
                                as_text(rec["label"])))
    return tuple(dims.values()), tuple(patterns)


# The fields every answerable item has (an operational indicator, a context item or a red flag).
ITEM_BASE = {"id": "str", "label": "text", "question": "text", "yes_means": YES_MEANS, "guidance": "text",
             "citations": "citations"}
ITEM_OPTIONAL = {"deprecated": "bool", "replaced_by": "str"}
US_MAPPING = {"supports": "str_list", "statutes": "str_list"}


def _us_mapping(rec: dict[str, Any], file: str) -> tuple[tuple[str, ...], tuple[str, ...], Text | None]:
    us = check_record(rec["us_law"], file, US_MAPPING, {"note": "text"}, item=rec["id"])
    note = as_text(us["note"]) if "note" in us else None
    return tuple(us["supports"]), tuple(us["statutes"]), note


def parse_indicators(doc: dict[str, Any], dims: tuple[Dimension, ...]) -> tuple[dict[str, Item], Text]:
    file = "indicators.json"
    scheme = doc.get("id_scheme")
    if not is_text(scheme):
        fail(file, None, "'id_scheme' must be an object with 'en' and 'es'")
    codes = {d.id: d.code for d in dims}
    out: dict[str, Item] = {}
    schema = {**ITEM_BASE, "dimension": tuple(codes), "weight_adult": WEIGHTS, "weight_child": WEIGHTS,
              "forced_labour": "str_list", "us_law": "dict", "htcds": "str_list"}
    for rec in non_empty_list(doc, "indicators", file):
        check_record(rec, file, schema, ITEM_OPTIONAL)
        check_unique(rec["id"], out, file)
        if not rec["id"].startswith(codes[rec["dimension"]] + "_"):
            fail(file, rec["id"], f"id must start with {codes[rec['dimension']]!r}_ (the code of its dimension)")
        # An empty list is allowed: a finding is mapped to an ILO forced labour indicator only when it is
        # evidence of it (a labour-law breach alone is not abusive working conditions).
        supports, statutes, note = _us_mapping(rec, file)
        if not supports and note is None:
            fail(file, rec["id"], "us_law: give 'supports' or a 'note' explaining why nothing is supported")
        out[rec["id"]] = Item(
            id=rec["id"], kind="indicator", label=as_text(rec["label"]), question=as_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=as_text(rec["guidance"]), citations=as_citations(rec["citations"]), dimension=rec["dimension"],
            weight_adult=rec["weight_adult"], weight_child=rec["weight_child"],
            forced_labour=tuple(rec["forced_labour"]), us_supports=supports, us_statutes=statutes, us_note=note,
            htcds=tuple(rec["htcds"]), deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out, as_text(scheme)  # type: ignore[arg-type]


def parse_context(doc: dict[str, Any]) -> dict[str, Item]:
    file = "context.json"
    out: dict[str, Item] = {}
    schema = {**ITEM_BASE, "roles": "str_list", "suggest": SUGGEST, "us_law": "dict", "contradicts": "str_list"}
    for rec in non_empty_list(doc, "items", file):
        check_record(rec, file, schema, ITEM_OPTIONAL)
        check_unique(rec["id"], out, file)
        if not rec["id"].startswith("ctx_"):
            fail(file, rec["id"], "context ids must start with 'ctx_'")
        bad = [r for r in rec["roles"] if r not in CONTEXT_ROLES]
        if bad or not rec["roles"]:
            fail(file, rec["id"], f"roles must be a non-empty subset of {', '.join(CONTEXT_ROLES)} (got {rec['roles']})")
        supports, statutes, note = _us_mapping(rec, file)
        out[rec["id"]] = Item(
            id=rec["id"], kind="context", label=as_text(rec["label"]), question=as_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=as_text(rec["guidance"]), citations=as_citations(rec["citations"]), us_supports=supports,
            us_statutes=statutes, us_note=note, roles=tuple(rec["roles"]), contradicts=tuple(rec["contradicts"]),
            suggest=rec["suggest"], deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out


def parse_red_flags(doc: dict[str, Any]) -> dict[str, Item]:
    file = "red_flags.json"
    out: dict[str, Item] = {}
    for rec in non_empty_list(doc, "items", file):
        check_record(rec, file, {**ITEM_BASE, "points_to": "str_list"}, ITEM_OPTIONAL)
        check_unique(rec["id"], out, file)
        if not rec["id"].startswith("rf_"):
            fail(file, rec["id"], "red flag ids must start with 'rf_'")
        if not rec["points_to"]:
            fail(file, rec["id"], "a red flag must point to at least one formal indicator")
        out[rec["id"]] = Item(
            id=rec["id"], kind="red_flag", label=as_text(rec["label"]), question=as_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=as_text(rec["guidance"]), citations=as_citations(rec["citations"]), points_to=tuple(rec["points_to"]),
            suggest="never", deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out


def parse_forced_labour(doc: dict[str, Any]) -> tuple[ForcedLabourIndicator, ...]:
    file = "forced_labour.json"
    out: dict[str, ForcedLabourIndicator] = {}
    for rec in non_empty_list(doc, "indicators", file):
        check_record(rec, file, {"id": "str", "number": "int", "label": "text", "citations": "citations"})
        check_unique(rec["id"], out, file)
        out[rec["id"]] = ForcedLabourIndicator(rec["id"], rec["number"], as_text(rec["label"]), as_citations(rec["citations"]))
    if sorted(f.number for f in out.values()) != list(range(1, 12)):
        fail(file, None, "the ILO list has exactly eleven indicators numbered 1-11")
    return tuple(out.values())


def parse_htcds(doc: dict[str, Any]) -> dict[str, HtcdsCode]:
    file = "htcds.json"
    out: dict[str, HtcdsCode] = {}
    for rec in non_empty_list(doc, "methods_of_control", file):
        check_record(rec, file, {"code": "str", "field": "str", "picklist_values": "str_list", "label": "text",
                                  "citations": "citations"}, item=rec.get("code") if isinstance(rec, dict) else None)
        check_unique(rec["code"], out, file)
        out[rec["code"]] = HtcdsCode(rec["code"], rec["field"], tuple(rec["picklist_values"]), as_text(rec["label"]))
    return out


def parse_us_law(doc: dict[str, Any]) -> tuple[tuple[UsElement, ...], dict[str, Statute]]:
    file = "us_law.json"
    elements: list[UsElement] = []
    for rec in non_empty_list(doc, "elements", file):
        check_record(rec, file, {"id": US_ELEMENTS, "label": "text", "description": "text",
                                  "supported_when_any": "str_list", "components": "list", "citations": "citations"})
        comps = []
        for c in rec["components"]:
            check_record(c, file, {"id": "str", "label": "text", "citations": "citations"}, {"derived_when_all": "list"})
            if not c["id"].startswith(rec["id"] + "."):
                fail(file, c["id"], f"component ids must start with {rec['id']!r}.")
            groups = tuple(tuple(g) for g in c.get("derived_when_all", []))
            comps.append(UsComponent(c["id"], rec["id"], as_text(c["label"]), groups, as_citations(c["citations"])))
        elements.append(UsElement(rec["id"], as_text(rec["label"]), as_text(rec["description"]),
                                  tuple(rec["supported_when_any"]), tuple(comps), as_citations(rec["citations"])))
    if sorted(e.id for e in elements) != sorted(US_ELEMENTS):
        fail(file, None, "elements must be exactly act, means and purpose")
    statutes: dict[str, Statute] = {}
    for rec in non_empty_list(doc, "statutes", file):
        check_record(rec, file, {"id": "str", "cite": "str", "label": "text", "requires_all": "list",
                                  "citations": "citations"})
        check_unique(rec["id"], statutes, file)
        statutes[rec["id"]] = Statute(rec["id"], rec["cite"], as_text(rec["label"]),
                                      tuple(tuple(g) for g in rec["requires_all"]), as_citations(rec["citations"]))
    return tuple(elements), statutes


def parse_rules(doc: dict[str, Any]) -> tuple[dict[str, Reading], dict[str, Rule], dict[str, Text], dict[str, dict[str, Text]]]:
    file = "rules.json"
    readings: dict[str, Reading] = {}
    for rec in non_empty_list(doc, "readings", file):
        check_record(rec, file, {"id": READING_IDS, "rank": "int", "label": "text", "description": "text",
                                  "citations": "citations"})
        check_unique(rec["id"], readings, file)
        readings[rec["id"]] = Reading(rec["id"], rec["rank"], as_text(rec["label"]), as_text(rec["description"]),
                                      as_citations(rec["citations"]))
    # The engine's monotonicity rests on this order; it is part of the schema, not a preference.
    if len(readings) != len(READING_IDS) or any(readings[r].rank != n for n, r in enumerate(READING_IDS)):
        fail(file, None, "readings must be exactly " + " < ".join(READING_IDS) + " with ranks 0, 1, 2, ...")
    rules: dict[str, Rule] = {}
    for rec in non_empty_list(doc, "rules", file):
        check_record(rec, file, {"id": "str", "explanation": "text", "citations": "citations"})
        check_unique(rec["id"], rules, file)
        rules[rec["id"]] = Rule(rec["id"], as_text(rec["explanation"]), as_citations(rec["citations"]))
    require_keys(rules, REQUIRED_RULES, file, "rule")
    messages = doc.get("messages")
    if not isinstance(messages, dict):
        fail(file, None, "'messages' must be an object")
    for key, value in messages.items():
        if not is_text(value):
            fail(file, key, "message must be an object with non-empty 'en' and 'es'")
    require_keys(messages, REQUIRED_MESSAGES, file, "message")
    labels_doc = doc.get("labels")
    if not isinstance(labels_doc, dict):
        fail(file, None, "'labels' must be an object")
    labels: dict[str, dict[str, Text]] = {}
    expected = {"status": ("supported", "not_established", "unknown"), "weight": WEIGHTS, "age_group": AGE_GROUPS,
                "source": ("observed", "statement", "document", "third_party"), "value": ("present", "absent", "unknown"),
                "element": US_ELEMENTS}
    for group, keys in expected.items():
        entries = labels_doc.get(group)
        if not isinstance(entries, dict) or set(entries) != set(keys) or not all(is_text(v) for v in entries.values()):
            fail(file, f"labels.{group}", f"must give en/es labels for exactly: {', '.join(keys)}")
        labels[group] = {k: as_text(v) for k, v in entries.items()}
    return readings, rules, {k: as_text(v) for k, v in messages.items()}, labels


def parse_actions(doc: dict[str, Any]) -> tuple[Action, ...]:
    file = "actions.json"
    out: dict[str, Action] = {}
    cond_schema: dict[str, object] = {
        "readings": "str_list", "min_reading": READING_IDS, "any_present": "str_list",
        "any_dimension_positive": "str_list", "us_components_any": "str_list", "us_elements_all": "str_list",
        "age_groups": "str_list", "nothing_recorded": "bool", "minor_reading_differs": "bool",
        "has_unconfirmed": "bool",
    }
    for rec in non_empty_list(doc, "actions", file):
        check_record(rec, file, {"id": "str", "priority": "int", "label": "text", "text": "text",
                                  "when_any": "list", "citations": "citations"})
        check_unique(rec["id"], out, file)
        if not rec["when_any"]:
            fail(file, rec["id"], "'when_any' needs at least one condition ({} means always)")
        conditions = []
        for cond in rec["when_any"]:
            check_record(cond, file, {}, cond_schema, item=rec["id"])
            conditions.append(_condition(cond))
        out[rec["id"]] = Action(rec["id"], rec["priority"], as_text(rec["label"]), as_text(rec["text"]),
                                tuple(conditions), as_citations(rec["citations"]))
    return tuple(sorted(out.values(), key=lambda a: a.priority))


def _condition(cond: Mapping[str, Any]) -> Condition:
    def ids(key: str) -> tuple[str, ...] | None:
        return tuple(cond[key]) if key in cond else None

    return Condition(
        readings=ids("readings"), min_reading=cond.get("min_reading"), any_present=ids("any_present"),
        any_dimension_positive=ids("any_dimension_positive"), us_components_any=ids("us_components_any"),
        us_elements_all=ids("us_elements_all"), age_groups=ids("age_groups"),
        nothing_recorded=cond.get("nothing_recorded"), minor_reading_differs=cond.get("minor_reading_differs"),
        has_unconfirmed=cond.get("has_unconfirmed"))


def parse_short_form(doc: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    check_record(doc, "short_form.json", {"items": "str_list", "covers_red_flags": "str_list", "rationale": "text",
                                           "citations": "citations"}, item="short_form")
    if not 1 <= len(doc["items"]) <= 12 or len(set(doc["items"])) != len(doc["items"]):
        fail("short_form.json", None, "'items' must list between 1 and 12 distinct indicator ids")
    return tuple(doc["items"]), tuple(doc["covers_red_flags"])


def parse_industries(doc: dict[str, Any]) -> tuple[tuple[Industry, ...], tuple[VisaProgram, ...]]:
    file = "industries.json"
    industries: dict[str, Industry] = {}
    for rec in non_empty_list(doc, "industries", file):
        check_record(rec, file, {"id": "str", "label": "text", "naics": "str_list", "citations": "citations"},
                      {"note": "text"})
        check_unique(rec["id"], industries, file)
        bad = [c for c in rec["naics"] if not NAICS_RE.match(c)]
        if bad or not rec["naics"]:
            fail(file, rec["id"], f"naics codes must be 2-6 digits or a sector range like 31-33 (got {bad or 'none'})")
        note = as_text(rec["note"]) if "note" in rec else None
        industries[rec["id"]] = Industry(rec["id"], as_text(rec["label"]), tuple(rec["naics"]), note,
                                         as_citations(rec["citations"]))
    visas: dict[str, VisaProgram] = {}
    for rec in non_empty_list(doc, "visa_programs", file):
        check_record(rec, file, {"id": "str", "label": "text", "work_allowed": "bool", "citations": "citations"})
        check_unique(rec["id"], visas, file)
        visas[rec["id"]] = VisaProgram(rec["id"], as_text(rec["label"]), rec["work_allowed"], as_citations(rec["citations"]))
    return tuple(industries.values()), tuple(visas.values())

