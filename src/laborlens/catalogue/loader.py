"""Load and validate the versioned indicator catalogue (pure Python, no Django).

The catalogue is a set of JSON files in ``data/``. Every file carries the same top-level
``version`` and a ``kind``; every record is checked against an explicit schema when it is
loaded, and cross-references (dimensions, sources, statutes, HTCDS codes, red-flag
targets, short form) are resolved, so a typo fails at start-up with a message that names
the file and the item instead of surfacing later as a wrong reading.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

WEIGHTS = ("strong", "medium", "weak")
AGE_GROUPS = ("adult", "minor", "unknown")
READING_IDS = ("insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking")
DIMENSION_ROLES = ("recruitment_means", "exploitation", "destination_means")
CONTEXT_ROLES = ("smuggling_trigger", "smuggling_corroborating", "counter_indicator", "act", "us_law_context")
SUGGEST = ("ranked", "when_smuggling_recorded", "never")
US_ELEMENTS = ("act", "means", "purpose")
LANGS = ("en", "es")
VERSION_RE = re.compile(r"^\d{4}\.\d{1,2}\.\d+$")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
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


class CatalogueError(ValueError):
    """The catalogue data is invalid; the message names the file and the item."""


# --- value objects -------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    en: str
    es: str

    def get(self, lang: str) -> str:
        return self.es if lang == "es" else self.en

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "es": self.es}


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "locator": self.locator}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int
    url: str
    note: str
    short: Text = Text("", "")  # the title as a reader sees it in a citation, in English and Spanish


@dataclass(frozen=True)
class Pattern:
    """One threshold pattern of the combination rule (counts of present weights)."""

    id: str
    strong: int
    medium: int
    weak: int
    medium_or_weak: int
    label: Text

    def holds(self, strong: int, medium: int, weak: int) -> bool:
        spare = (medium - self.medium) + (weak - self.weak)
        return (strong >= self.strong and medium >= self.medium and weak >= self.weak
                and spare >= self.medium_or_weak)


@dataclass(frozen=True)
class Dimension:
    id: str
    code: str
    role: str
    deception: bool
    label: Text
    description: Text
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Item:
    """An answerable item: an operational indicator, a context item or a red flag."""

    id: str
    kind: str  # "indicator" | "context" | "red_flag"
    label: Text
    question: Text
    guidance: Text
    citations: tuple[Citation, ...]
    yes_means: str = "present"  # present | absent | open (see YES_MEANS)
    dimension: str | None = None
    weight_adult: str | None = None
    weight_child: str | None = None
    forced_labour: tuple[str, ...] = ()
    us_supports: tuple[str, ...] = ()
    us_statutes: tuple[str, ...] = ()
    us_note: Text | None = None
    htcds: tuple[str, ...] = ()
    points_to: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    suggest: str = "ranked"
    deprecated: bool = False
    replaced_by: str | None = None

    def weight(self, child: bool) -> str | None:
        return self.weight_child if child else self.weight_adult


@dataclass(frozen=True)
class ForcedLabourIndicator:
    id: str
    number: int
    label: Text
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class UsComponent:
    id: str
    element: str
    label: Text
    derived_when_all: tuple[tuple[str, ...], ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class UsElement:
    id: str
    label: Text
    description: Text
    supported_when_any: tuple[str, ...]
    components: tuple[UsComponent, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Statute:
    id: str
    cite: str
    label: Text
    requires_all: tuple[tuple[str, ...], ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class HtcdsCode:
    code: str
    field: str
    picklist_values: tuple[str, ...]
    label: Text


@dataclass(frozen=True)
class Reading:
    id: str
    rank: int
    label: Text
    description: Text
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    explanation: Text
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Condition:
    """One condition of an action; every field that is set must hold (an empty one always holds)."""

    readings: tuple[str, ...] | None = None
    min_reading: str | None = None
    any_present: tuple[str, ...] | None = None
    any_dimension_positive: tuple[str, ...] | None = None
    us_components_any: tuple[str, ...] | None = None
    us_elements_all: tuple[str, ...] | None = None
    age_groups: tuple[str, ...] | None = None
    nothing_recorded: bool | None = None
    minor_reading_differs: bool | None = None
    has_unconfirmed: bool | None = None


@dataclass(frozen=True)
class Action:
    id: str
    priority: int
    label: Text
    text: Text
    when_any: tuple[Condition, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Industry:
    id: str
    label: Text
    naics: tuple[str, ...]
    note: Text | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class VisaProgram:
    id: str
    label: Text
    work_allowed: bool
    citations: tuple[Citation, ...]


@dataclass(frozen=True, eq=False)  # identity equality: a loaded catalogue is a cacheable key
class Catalogue:
    version: str
    sources: Mapping[str, Source]
    dimensions: tuple[Dimension, ...]
    patterns: tuple[Pattern, ...]
    items: Mapping[str, Item]
    forced_labour: tuple[ForcedLabourIndicator, ...]
    us_elements: tuple[UsElement, ...]
    statutes: Mapping[str, Statute]
    htcds: Mapping[str, HtcdsCode]
    readings: Mapping[str, Reading]
    rules: Mapping[str, Rule]
    messages: Mapping[str, Text]
    labels: Mapping[str, Mapping[str, Text]]
    actions: tuple[Action, ...]
    short_form: tuple[str, ...]
    short_form_red_flags: tuple[str, ...]
    industries: tuple[Industry, ...]
    visa_programs: tuple[VisaProgram, ...]
    id_scheme: Text
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @functools.cached_property
    def indicators(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items.values() if i.kind == "indicator")

    @functools.cached_property
    def _by_dimension(self) -> dict[str, tuple[Item, ...]]:
        return {d.id: tuple(i for i in self.indicators if i.dimension == d.id) for d in self.dimensions}

    def indicators_of(self, dimension_id: str) -> tuple[Item, ...]:
        return self._by_dimension.get(dimension_id, ())

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def us_component(self, component_id: str) -> UsComponent:
        return next(c for e in self.us_elements for c in e.components if c.id == component_id)

    def label(self, group: str, key: str) -> Text:
        return self.labels[group][key]

    def cite(self, citation: Citation | Mapping[str, str], lang: str = "en") -> str:
        """A citation as a reader sees it: the source's short title and the place in it
        ("ILO indicators of forced labour (2012), indicator 3"), never the source's id or a
        note about this project's files."""
        source_id = citation.source if isinstance(citation, Citation) else citation["source"]
        locator = citation.locator if isinstance(citation, Citation) else citation["locator"]
        source = self.sources.get(source_id)
        title = source.short.get(lang) if source is not None and source.short.en else source_id
        place = display_locator(locator, lang)
        return f"{title}, {place}" if place else title

    def to_dict(self) -> dict[str, Any]:
        """The catalogue as loaded, one key per file (JSON-serialisable)."""
        return {"version": self.version, **{kind: body for kind, body in self.raw.items()}}


# --- citations as readers see them ---------------------------------------------------

# A parenthesis that talks about this project's files ("as compiled in INDICATORS.md ...").
_FILE_NOTE = re.compile(r"\s*\([^()]*\b[\w-]+\.(?:md|json|txt|csv)\b[^()]*\)")
# Locators made only of these words, numbers and punctuation are put in Spanish word by word;
# the others quote the source's own (English) wording and stay as written.
_LOCATOR_WORDS_ES = {"section": "sección", "sections": "secciones", "point": "punto", "points": "puntos",
                     "item": "apartado", "items": "apartados", "article": "artículo", "articles": "artículos",
                     "indicator": "indicador", "indicators": "indicadores", "and": "y", "page": "página",
                     "pages": "páginas", "chapter": "capítulo", "codes": "códigos"}
_LOCATOR_TOKEN = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


def display_locator(locator: str, lang: str = "en") -> str:
    """The place in a source, for readers: notes about the project's files are dropped and,
    in Spanish, a locator such as "section 2, item 3" reads "sección 2, apartado 3"."""
    text = _FILE_NOTE.sub("", locator).strip()
    if lang != "es":
        return text
    words = [w for w in _LOCATOR_TOKEN.findall(text) if w.isalpha() and len(w) > 1]  # not 3(a)
    if not words or any(w.lower() not in _LOCATOR_WORDS_ES for w in words):
        return text
    return "".join(_LOCATOR_WORDS_ES.get(t.lower(), t) if t.isalpha() else t for t in _LOCATOR_TOKEN.findall(text))


# --- schema checking -----------------------------------------------------------------


def _fail(file: str, item: str | None, message: str) -> NoReturn:
    where = f"{file}: item {item!r}: " if item else f"{file}: "
    raise CatalogueError(where + message)


def _is_text(value: object) -> bool:
    return (isinstance(value, dict) and set(value) == set(LANGS)
            and all(isinstance(value[k], str) and value[k].strip() for k in LANGS))


def _check_type(value: object, kind: object, file: str, item: str | None, key: str) -> None:
    ok: bool
    if isinstance(kind, tuple):
        ok = value in kind
        if not ok:
            _fail(file, item, f"field {key!r} must be one of {', '.join(map(str, kind))} (got {value!r})")
    elif kind == "str":
        ok = isinstance(value, str) and bool(value.strip())
    elif kind == "str_or_empty":
        ok = isinstance(value, str)
    elif kind == "text":
        ok = _is_text(value)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "str_list":
        ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    elif kind == "list":
        ok = isinstance(value, list)
    elif kind == "dict":
        ok = isinstance(value, dict)
    elif kind == "citations":
        ok = (isinstance(value, list) and bool(value) and all(
            isinstance(c, dict) and set(c) == {"source", "locator"}
            and all(isinstance(c[k], str) and c[k].strip() for k in c) for c in value))
    else:  # pragma: no cover - a schema typo in this module
        raise AssertionError(kind)
    if not ok:
        expected = {"text": "an object with non-empty 'en' and 'es' strings",
                    "citations": "a non-empty list of {source, locator}",
                    "str_list": "a list of strings"}.get(str(kind), str(kind))
        _fail(file, item, f"field {key!r} must be {expected} (got {value!r:.80})")


def _check_record(record: object, file: str, required: Mapping[str, object],
                  optional: Mapping[str, object] | None = None, item: str | None = None) -> dict[str, Any]:
    optional = optional or {}
    if not isinstance(record, dict):
        _fail(file, item, f"expected an object, got {type(record).__name__}")
    item = item or (record.get("id") if isinstance(record.get("id"), str) else None)
    unknown = set(record) - set(required) - set(optional)
    if unknown:
        _fail(file, item, f"unknown field(s): {', '.join(sorted(unknown))}")
    for key, kind in required.items():
        if key not in record:
            _fail(file, item, f"missing field {key!r}")
        _check_type(record[key], kind, file, item, key)
    for key, kind in optional.items():
        if key in record:
            _check_type(record[key], kind, file, item, key)
    return record


def _text(value: Mapping[str, str]) -> Text:
    return Text(en=value["en"], es=value["es"])


def _citations(values: Iterable[Mapping[str, str]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], c["locator"]) for c in values)


# --- reading the files ---------------------------------------------------------------


def _default_data_dir() -> Path:
    return Path(str(resources.files("laborlens.catalogue") / "data"))


def _read_documents(data_dir: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    documents: dict[str, dict[str, Any]] = {}
    versions: dict[str, str] = {}
    for name, kind in FILES.items():
        path = data_dir / name
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            _fail(name, None, f"file missing from {data_dir}")
        except json.JSONDecodeError as error:
            _fail(name, None, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")
        if not isinstance(doc, dict):
            _fail(name, None, "top level must be an object")
        version = doc.get("version")
        if not isinstance(version, str) or not VERSION_RE.match(version):
            _fail(name, None, f"top-level 'version' must look like 2026.11.0 (got {version!r})")
        if doc.get("kind") != kind:
            _fail(name, None, f"top-level 'kind' must be {kind!r} (got {doc.get('kind')!r})")
        versions[name] = version
        documents[kind] = {k: v for k, v in doc.items() if k not in ("version", "kind")}
    if len(set(versions.values())) != 1:
        listing = ", ".join(f"{n}={v}" for n, v in versions.items())
        raise CatalogueError(f"catalogue files disagree on the version: {listing}")
    return next(iter(versions.values())), documents


def _sources(doc: dict[str, Any]) -> dict[str, Source]:
    out: dict[str, Source] = {}
    for rec in _list(doc, "sources", "sources.json"):
        _check_record(rec, "sources.json", {"id": "str", "title": "str", "short": "text", "publisher": "str",
                                            "year": "int", "url": "str_or_empty", "note": "str_or_empty"})
        _unique(rec["id"], out, "sources.json")
        out[rec["id"]] = Source(rec["id"], rec["title"], rec["publisher"], rec["year"], rec["url"], rec["note"],
                                _text(rec["short"]))
    return out


def _list(doc: Mapping[str, Any], key: str, file: str) -> list[Any]:
    value = doc.get(key)
    if not isinstance(value, list) or not value:
        _fail(file, None, f"{key!r} must be a non-empty list")
    return value


def _unique(item_id: str, seen: Mapping[str, object], file: str) -> None:
    if item_id in seen:
        _fail(file, item_id, "duplicate id")


def _dimensions(doc: dict[str, Any]) -> tuple[tuple[Dimension, ...], tuple[Pattern, ...]]:
    file = "dimensions.json"
    dims: dict[str, Dimension] = {}
    for rec in _list(doc, "dimensions", file):
        _check_record(rec, file, {"id": "str", "code": "str", "role": DIMENSION_ROLES, "deception": "bool",
                                  "label": "text", "description": "text", "citations": "citations"})
        _unique(rec["id"], dims, file)
        dims[rec["id"]] = Dimension(rec["id"], rec["code"], rec["role"], rec["deception"], _text(rec["label"]),
                                    _text(rec["description"]), _citations(rec["citations"]))
    roles = [d.role for d in dims.values()]
    if roles.count("exploitation") != 1 or "recruitment_means" not in roles or "destination_means" not in roles:
        _fail(file, None, "need exactly one 'exploitation' dimension and at least one recruitment and destination means dimension")
    patterns: list[Pattern] = []
    for rec in _list(doc, "combination_patterns", file):
        _check_record(rec, file, {"id": "str", "strong": "int", "medium": "int", "weak": "int",
                                  "medium_or_weak": "int", "label": "text"})
        patterns.append(Pattern(rec["id"], rec["strong"], rec["medium"], rec["weak"], rec["medium_or_weak"],
                                _text(rec["label"])))
    return tuple(dims.values()), tuple(patterns)


# ``yes_means``: what a "yes" to the question, read aloud as written, tells about the item. "present": yes
# means the indicator is there; "absent": yes means it is not (for example "Can you leave on your own?");
# "open": the question is open or mixed, so the form's buttons name the finding instead of yes/no.
YES_MEANS = ("present", "absent", "open")
ITEM_BASE = {"id": "str", "label": "text", "question": "text", "yes_means": YES_MEANS, "guidance": "text",
             "citations": "citations"}
ITEM_OPTIONAL = {"deprecated": "bool", "replaced_by": "str"}
US_MAPPING = {"supports": "str_list", "statutes": "str_list"}


def _us_mapping(rec: dict[str, Any], file: str) -> tuple[tuple[str, ...], tuple[str, ...], Text | None]:
    us = _check_record(rec["us_law"], file, US_MAPPING, {"note": "text"}, item=rec["id"])
    note = _text(us["note"]) if "note" in us else None
    return tuple(us["supports"]), tuple(us["statutes"]), note


def _indicators(doc: dict[str, Any], dims: tuple[Dimension, ...]) -> tuple[dict[str, Item], Text]:
    file = "indicators.json"
    scheme = doc.get("id_scheme")
    if not _is_text(scheme):
        _fail(file, None, "'id_scheme' must be an object with 'en' and 'es'")
    codes = {d.id: d.code for d in dims}
    out: dict[str, Item] = {}
    schema = {**ITEM_BASE, "dimension": tuple(codes), "weight_adult": WEIGHTS, "weight_child": WEIGHTS,
              "forced_labour": "str_list", "us_law": "dict", "htcds": "str_list"}
    for rec in _list(doc, "indicators", file):
        _check_record(rec, file, schema, ITEM_OPTIONAL)
        _unique(rec["id"], out, file)
        if not rec["id"].startswith(codes[rec["dimension"]] + "_"):
            _fail(file, rec["id"], f"id must start with {codes[rec['dimension']]!r}_ (the code of its dimension)")
        # An empty list is allowed: a finding is mapped to an ILO forced labour indicator only when it is
        # evidence of it (a labour-law breach alone is not abusive working conditions).
        supports, statutes, note = _us_mapping(rec, file)
        if not supports and note is None:
            _fail(file, rec["id"], "us_law: give 'supports' or a 'note' explaining why nothing is supported")
        out[rec["id"]] = Item(
            id=rec["id"], kind="indicator", label=_text(rec["label"]), question=_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=_text(rec["guidance"]), citations=_citations(rec["citations"]), dimension=rec["dimension"],
            weight_adult=rec["weight_adult"], weight_child=rec["weight_child"],
            forced_labour=tuple(rec["forced_labour"]), us_supports=supports, us_statutes=statutes, us_note=note,
            htcds=tuple(rec["htcds"]), deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out, _text(scheme)  # type: ignore[arg-type]


def _context(doc: dict[str, Any]) -> dict[str, Item]:
    file = "context.json"
    out: dict[str, Item] = {}
    schema = {**ITEM_BASE, "roles": "str_list", "suggest": SUGGEST, "us_law": "dict", "contradicts": "str_list"}
    for rec in _list(doc, "items", file):
        _check_record(rec, file, schema, ITEM_OPTIONAL)
        _unique(rec["id"], out, file)
        if not rec["id"].startswith("ctx_"):
            _fail(file, rec["id"], "context ids must start with 'ctx_'")
        bad = [r for r in rec["roles"] if r not in CONTEXT_ROLES]
        if bad or not rec["roles"]:
            _fail(file, rec["id"], f"roles must be a non-empty subset of {', '.join(CONTEXT_ROLES)} (got {rec['roles']})")
        supports, statutes, note = _us_mapping(rec, file)
        out[rec["id"]] = Item(
            id=rec["id"], kind="context", label=_text(rec["label"]), question=_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=_text(rec["guidance"]), citations=_citations(rec["citations"]), us_supports=supports,
            us_statutes=statutes, us_note=note, roles=tuple(rec["roles"]), contradicts=tuple(rec["contradicts"]),
            suggest=rec["suggest"], deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out


def _red_flags(doc: dict[str, Any]) -> dict[str, Item]:
    file = "red_flags.json"
    out: dict[str, Item] = {}
    for rec in _list(doc, "items", file):
        _check_record(rec, file, {**ITEM_BASE, "points_to": "str_list"}, ITEM_OPTIONAL)
        _unique(rec["id"], out, file)
        if not rec["id"].startswith("rf_"):
            _fail(file, rec["id"], "red flag ids must start with 'rf_'")
        if not rec["points_to"]:
            _fail(file, rec["id"], "a red flag must point to at least one formal indicator")
        out[rec["id"]] = Item(
            id=rec["id"], kind="red_flag", label=_text(rec["label"]), question=_text(rec["question"]),
            yes_means=rec["yes_means"],
            guidance=_text(rec["guidance"]), citations=_citations(rec["citations"]), points_to=tuple(rec["points_to"]),
            suggest="never", deprecated=rec.get("deprecated", False), replaced_by=rec.get("replaced_by"))
    return out


def _forced_labour(doc: dict[str, Any]) -> tuple[ForcedLabourIndicator, ...]:
    file = "forced_labour.json"
    out: dict[str, ForcedLabourIndicator] = {}
    for rec in _list(doc, "indicators", file):
        _check_record(rec, file, {"id": "str", "number": "int", "label": "text", "citations": "citations"})
        _unique(rec["id"], out, file)
        out[rec["id"]] = ForcedLabourIndicator(rec["id"], rec["number"], _text(rec["label"]), _citations(rec["citations"]))
    if sorted(f.number for f in out.values()) != list(range(1, 12)):
        _fail(file, None, "the ILO list has exactly eleven indicators numbered 1-11")
    return tuple(out.values())


def _htcds(doc: dict[str, Any]) -> dict[str, HtcdsCode]:
    file = "htcds.json"
    out: dict[str, HtcdsCode] = {}
    for rec in _list(doc, "methods_of_control", file):
        _check_record(rec, file, {"code": "str", "field": "str", "picklist_values": "str_list", "label": "text",
                                  "citations": "citations"}, item=rec.get("code") if isinstance(rec, dict) else None)
        _unique(rec["code"], out, file)
        out[rec["code"]] = HtcdsCode(rec["code"], rec["field"], tuple(rec["picklist_values"]), _text(rec["label"]))
    return out


def _us_law(doc: dict[str, Any]) -> tuple[tuple[UsElement, ...], dict[str, Statute]]:
    file = "us_law.json"
    elements: list[UsElement] = []
    for rec in _list(doc, "elements", file):
        _check_record(rec, file, {"id": US_ELEMENTS, "label": "text", "description": "text",
                                  "supported_when_any": "str_list", "components": "list", "citations": "citations"})
        comps = []
        for c in rec["components"]:
            _check_record(c, file, {"id": "str", "label": "text", "citations": "citations"}, {"derived_when_all": "list"})
            if not c["id"].startswith(rec["id"] + "."):
                _fail(file, c["id"], f"component ids must start with {rec['id']!r}.")
            groups = tuple(tuple(g) for g in c.get("derived_when_all", []))
            comps.append(UsComponent(c["id"], rec["id"], _text(c["label"]), groups, _citations(c["citations"])))
        elements.append(UsElement(rec["id"], _text(rec["label"]), _text(rec["description"]),
                                  tuple(rec["supported_when_any"]), tuple(comps), _citations(rec["citations"])))
    if sorted(e.id for e in elements) != sorted(US_ELEMENTS):
        _fail(file, None, "elements must be exactly act, means and purpose")
    statutes: dict[str, Statute] = {}
    for rec in _list(doc, "statutes", file):
        _check_record(rec, file, {"id": "str", "cite": "str", "label": "text", "requires_all": "list",
                                  "citations": "citations"})
        _unique(rec["id"], statutes, file)
        statutes[rec["id"]] = Statute(rec["id"], rec["cite"], _text(rec["label"]),
                                      tuple(tuple(g) for g in rec["requires_all"]), _citations(rec["citations"]))
    return tuple(elements), statutes


def _rules(doc: dict[str, Any]) -> tuple[dict[str, Reading], dict[str, Rule], dict[str, Text], dict[str, dict[str, Text]]]:
    file = "rules.json"
    readings: dict[str, Reading] = {}
    for rec in _list(doc, "readings", file):
        _check_record(rec, file, {"id": READING_IDS, "rank": "int", "label": "text", "description": "text",
                                  "citations": "citations"})
        _unique(rec["id"], readings, file)
        readings[rec["id"]] = Reading(rec["id"], rec["rank"], _text(rec["label"]), _text(rec["description"]),
                                      _citations(rec["citations"]))
    # The engine's monotonicity rests on this order; it is part of the schema, not a preference.
    if len(readings) != len(READING_IDS) or any(readings[r].rank != n for n, r in enumerate(READING_IDS)):
        _fail(file, None, "readings must be exactly " + " < ".join(READING_IDS) + " with ranks 0, 1, 2, ...")
    rules: dict[str, Rule] = {}
    for rec in _list(doc, "rules", file):
        _check_record(rec, file, {"id": "str", "explanation": "text", "citations": "citations"})
        _unique(rec["id"], rules, file)
        rules[rec["id"]] = Rule(rec["id"], _text(rec["explanation"]), _citations(rec["citations"]))
    _require_keys(rules, REQUIRED_RULES, file, "rule")
    messages = doc.get("messages")
    if not isinstance(messages, dict):
        _fail(file, None, "'messages' must be an object")
    for key, value in messages.items():
        if not _is_text(value):
            _fail(file, key, "message must be an object with non-empty 'en' and 'es'")
    _require_keys(messages, REQUIRED_MESSAGES, file, "message")
    labels_doc = doc.get("labels")
    if not isinstance(labels_doc, dict):
        _fail(file, None, "'labels' must be an object")
    labels: dict[str, dict[str, Text]] = {}
    expected = {"status": ("supported", "not_established", "unknown"), "weight": WEIGHTS, "age_group": AGE_GROUPS,
                "source": ("observed", "statement", "document", "third_party"), "value": ("present", "absent", "unknown"),
                "element": US_ELEMENTS}
    for group, keys in expected.items():
        entries = labels_doc.get(group)
        if not isinstance(entries, dict) or set(entries) != set(keys) or not all(_is_text(v) for v in entries.values()):
            _fail(file, f"labels.{group}", f"must give en/es labels for exactly: {', '.join(keys)}")
        labels[group] = {k: _text(v) for k, v in entries.items()}
    return readings, rules, {k: _text(v) for k, v in messages.items()}, labels


def _require_keys(found: Mapping[str, object], required: Iterable[str], file: str, what: str) -> None:
    missing = [k for k in required if k not in found]
    if missing:
        _fail(file, None, f"missing {what}(s): {', '.join(missing)}")


def _actions(doc: dict[str, Any]) -> tuple[Action, ...]:
    file = "actions.json"
    out: dict[str, Action] = {}
    cond_schema: dict[str, object] = {
        "readings": "str_list", "min_reading": READING_IDS, "any_present": "str_list",
        "any_dimension_positive": "str_list", "us_components_any": "str_list", "us_elements_all": "str_list",
        "age_groups": "str_list", "nothing_recorded": "bool", "minor_reading_differs": "bool",
        "has_unconfirmed": "bool",
    }
    for rec in _list(doc, "actions", file):
        _check_record(rec, file, {"id": "str", "priority": "int", "label": "text", "text": "text",
                                  "when_any": "list", "citations": "citations"})
        _unique(rec["id"], out, file)
        if not rec["when_any"]:
            _fail(file, rec["id"], "'when_any' needs at least one condition ({} means always)")
        conditions = []
        for cond in rec["when_any"]:
            _check_record(cond, file, {}, cond_schema, item=rec["id"])
            conditions.append(_condition(cond))
        out[rec["id"]] = Action(rec["id"], rec["priority"], _text(rec["label"]), _text(rec["text"]),
                                tuple(conditions), _citations(rec["citations"]))
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


def _short_form(doc: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    _check_record(doc, "short_form.json", {"items": "str_list", "covers_red_flags": "str_list", "rationale": "text",
                                           "citations": "citations"}, item="short_form")
    if not 1 <= len(doc["items"]) <= 12 or len(set(doc["items"])) != len(doc["items"]):
        _fail("short_form.json", None, "'items' must list between 1 and 12 distinct indicator ids")
    return tuple(doc["items"]), tuple(doc["covers_red_flags"])


def _industries(doc: dict[str, Any]) -> tuple[tuple[Industry, ...], tuple[VisaProgram, ...]]:
    file = "industries.json"
    industries: dict[str, Industry] = {}
    for rec in _list(doc, "industries", file):
        _check_record(rec, file, {"id": "str", "label": "text", "naics": "str_list", "citations": "citations"},
                      {"note": "text"})
        _unique(rec["id"], industries, file)
        bad = [c for c in rec["naics"] if not NAICS_RE.match(c)]
        if bad or not rec["naics"]:
            _fail(file, rec["id"], f"naics codes must be 2-6 digits or a sector range like 31-33 (got {bad or 'none'})")
        note = _text(rec["note"]) if "note" in rec else None
        industries[rec["id"]] = Industry(rec["id"], _text(rec["label"]), tuple(rec["naics"]), note,
                                         _citations(rec["citations"]))
    visas: dict[str, VisaProgram] = {}
    for rec in _list(doc, "visa_programs", file):
        _check_record(rec, file, {"id": "str", "label": "text", "work_allowed": "bool", "citations": "citations"})
        _unique(rec["id"], visas, file)
        visas[rec["id"]] = VisaProgram(rec["id"], _text(rec["label"]), rec["work_allowed"], _citations(rec["citations"]))
    return tuple(industries.values()), tuple(visas.values())


# --- cross-references ----------------------------------------------------------------


def _check_citations(cat: Catalogue) -> None:
    owners: list[tuple[str, str, tuple[Citation, ...]]] = [
        ("dimensions.json", d.id, d.citations) for d in cat.dimensions]
    owners += [(_file_of(i), i.id, i.citations) for i in cat.items.values()]
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
                _fail(file, owner, f"citation source {c.source!r} is not in sources.json")


def _file_of(item: Item) -> str:
    return {"indicator": "indicators.json", "context": "context.json", "red_flag": "red_flags.json"}[item.kind]


def _check_items(cat: Catalogue) -> None:
    fl = {f.id for f in cat.forced_labour}
    components = {c.id for e in cat.us_elements for c in e.components}
    direct = {c.id for e in cat.us_elements for c in e.components if not c.derived_when_all}
    indicators = {i.id for i in cat.indicators}
    for item in cat.items.values():
        file = _file_of(item)
        if not ID_RE.match(item.id):
            _fail(file, item.id, "ids must be snake_case with a prefix, e.g. cd_confiscation_of_documents")
        for name in item.forced_labour:
            if name not in fl:
                _fail(file, item.id, f"unknown ILO forced labour indicator {name!r}")
        for comp in item.us_supports:
            if comp not in direct:
                hint = " (derived components cannot be mapped directly)" if comp in components else ""
                _fail(file, item.id, f"unknown U.S. law component {comp!r}{hint}")
        for statute in item.us_statutes:
            if statute not in cat.statutes:
                _fail(file, item.id, f"unknown statute {statute!r}")
        for code in item.htcds:
            if code not in cat.htcds:
                _fail(file, item.id, f"unknown HTCDS methods-of-control code {code!r}")
        for target in item.points_to + item.contradicts:
            if target not in indicators:
                _fail(file, item.id, f"refers to {target!r}, which is not an operational indicator")
        if item.replaced_by and item.replaced_by not in cat.items:
            _fail(file, item.id, f"replaced_by {item.replaced_by!r} is not a catalogue item")
    if not any("smuggling_trigger" in i.roles for i in cat.items.values()):
        _fail("context.json", None, "at least one item needs the role 'smuggling_trigger'")


def _check_us_law(cat: Catalogue) -> None:
    components = {c.id for e in cat.us_elements for c in e.components}
    refs = components | {e.id for e in cat.us_elements}
    for element in cat.us_elements:
        for comp_id in element.supported_when_any:
            if comp_id not in components:
                _fail("us_law.json", element.id, f"supported_when_any names unknown component {comp_id!r}")
        for comp in element.components:
            for group in comp.derived_when_all:
                for ref in group:
                    if ref not in components:
                        _fail("us_law.json", comp.id, f"derived_when_all names unknown component {ref!r}")
    for statute in cat.statutes.values():
        for group in statute.requires_all:
            if not group:
                _fail("us_law.json", statute.id, "requires_all groups must not be empty")
            for ref in group:
                if ref not in refs:
                    _fail("us_law.json", statute.id, f"requires_all names unknown element or component {ref!r}")


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
                        _fail("actions.json", action.id, f"condition {key} names unknown {what} {value!r}")


def _check_short_form(cat: Catalogue) -> None:
    file = "short_form.json"
    for item_id in cat.short_form:
        if item_id not in cat.items or cat.items[item_id].kind != "indicator":
            _fail(file, item_id, "short form items must be operational indicators")
    covered = {cat.items[i].dimension for i in cat.short_form}
    missing = [d.id for d in cat.dimensions if d.id not in covered]
    if missing:
        _fail(file, None, f"short form must cover every dimension; missing {', '.join(missing)}")
    for flag in cat.short_form_red_flags:
        item = cat.items.get(flag)
        if item is None or item.kind != "red_flag":
            _fail(file, flag, "covers_red_flags must name red flags")
        if not set(item.points_to) & set(cat.short_form):
            _fail(file, flag, "no short-form indicator covers this red flag")


def build_catalogue(data_dir: Path) -> Catalogue:
    """Read and validate every catalogue file in ``data_dir`` (uncached)."""
    version, docs = _read_documents(data_dir)
    dimensions, patterns = _dimensions(docs["dimensions"])
    indicators, id_scheme = _indicators(docs["indicators"], dimensions)
    items: dict[str, Item] = {}
    for group in (indicators, _context(docs["context"]), _red_flags(docs["red_flags"])):
        for item_id, item in group.items():
            if item_id in items:
                _fail(_file_of(item), item_id, "id already used by another catalogue item")
            items[item_id] = item
    us_elements, statutes = _us_law(docs["us_law"])
    readings, rules, messages, labels = _rules(docs["rules"])
    short_form, short_form_flags = _short_form(docs["short_form"])
    industries, visas = _industries(docs["industries"])
    catalogue = Catalogue(
        version=version, sources=_sources(docs["sources"]), dimensions=dimensions, patterns=patterns,
        items=items, forced_labour=_forced_labour(docs["forced_labour"]), us_elements=us_elements,
        statutes=statutes, htcds=_htcds(docs["htcds"]), readings=readings, rules=rules, messages=messages,
        labels=labels, actions=_actions(docs["actions"]), short_form=short_form,
        short_form_red_flags=short_form_flags, industries=industries, visa_programs=visas,
        id_scheme=id_scheme, raw=docs)
    for check in (_check_items, _check_us_law, _check_actions, _check_short_form, _check_citations):
        check(catalogue)
    return catalogue


@functools.lru_cache(maxsize=8)
def load_catalogue(data_dir: str | Path | None = None) -> Catalogue:
    """The validated catalogue, loaded once per data directory (the packaged data by default)."""
    return build_catalogue(Path(data_dir) if data_dir is not None else _default_data_dir())
