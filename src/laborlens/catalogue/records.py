"""The catalogue's vocabularies and value objects: what a loaded catalogue is made of.

Frozen dataclasses, built by ``files`` from the data files and checked by ``references``;
the screening engine reads them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from laborlens.catalogue.locators import display_locator

WEIGHTS = ("strong", "medium", "weak")
AGE_GROUPS = ("adult", "minor", "unknown")
READING_IDS = ("insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking")
DIMENSION_ROLES = ("recruitment_means", "exploitation", "destination_means")
CONTEXT_ROLES = ("smuggling_trigger", "smuggling_corroborating", "counter_indicator", "act", "us_law_context")
SUGGEST = ("ranked", "when_smuggling_recorded", "never")
US_ELEMENTS = ("act", "means", "purpose")
LANGS = ("en", "es")
# ``yes_means``: what a "yes" to the question, read aloud as written, tells about the item. "present": yes
# means the indicator is there; "absent": yes means it is not (for example "Can you leave on your own?");
# "open": the question is open or mixed, so the form's buttons name the finding instead of yes/no.
YES_MEANS = ("present", "absent", "open")


class CatalogueError(ValueError):
    """The catalogue data is invalid; the message names the file and the item."""


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
