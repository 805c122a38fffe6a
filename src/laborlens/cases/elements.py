"""The legal elements evidence supports, and the board built from the links.

Evidence is linked to an element *component* (``act.recruits``, ``means.abuse_of_law_1589a3``,
``purpose.labor_services``...). A statute requires groups of components (act / means /
purpose); a group is met when any of its components is supported, so one link counts for
every statute that needs that component.

``statutes()`` is the only function that knows where this comes from: the shared
catalogue (``laborlens.catalogue``, data/us_law.json) when it is installed, else the
same-id copy in ``data/legal_elements.json``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import get_language
from django.utils.translation import gettext as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "legal_elements.json"
KINDS = ("act", "means", "purpose")


def _spanish() -> bool:
    return (get_language() or "en").startswith("es")


@dataclass(frozen=True)
class Element:
    code: str
    kind: str
    en: str
    es: str

    @property
    def label(self) -> str:
        return self.es if _spanish() else self.en

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class Statute:
    code: str
    citation: str
    title_en: str
    title_es: str
    groups: tuple[tuple[Element, ...], ...]

    @property
    def title(self) -> str:
        return self.title_es if _spanish() else self.title_en


def kind_label(kind: str) -> str:
    return {"act": _("Act"), "means": _("Means"), "purpose": _("Purpose")}.get(kind, kind)


def _build(components: dict[str, tuple[str, str, str]], raw_statutes: Iterable[tuple[str, str, str, str, Iterable[Iterable[str]]]]) -> tuple[Statute, ...]:
    result = []
    for code, cite, title_en, title_es, requires in raw_statutes:
        groups = []
        for group in requires:
            members = []
            for component_id in group:
                if component_id not in components:
                    raise ValueError(f"{cite} names an unknown element {component_id!r}")
                kind, en, es = components[component_id]
                members.append(Element(component_id, kind, en, es))
            groups.append(tuple(members))
        result.append(Statute(code, cite, title_en, title_es, tuple(groups)))
    return tuple(result)


def _from_catalogue() -> tuple[Statute, ...] | None:
    try:
        from laborlens.catalogue import load_catalogue
    except ImportError:
        return None
    catalogue = load_catalogue()
    components = {c.id: (e.id, c.label.en, c.label.es) for e in catalogue.us_elements for c in e.components}
    return _build(components, ((s.id, s.cite, s.label.en, s.label.es, s.requires_all)
                               for s in catalogue.statutes.values()))


def _from_file() -> tuple[Statute, ...]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    components = {c["id"]: (e["id"], c["label"]["en"], c["label"]["es"])
                  for e in data["elements"] for c in e["components"]}
    return _build(components, ((s["id"], s["cite"], s["label"]["en"], s["label"]["es"], s["requires_all"])
                               for s in data["statutes"]))


@functools.cache
def statutes() -> tuple[Statute, ...]:
    """The adapter: statutes with their groups of element components, validated once."""
    found = _from_catalogue()
    return found if found is not None else _from_file()


@functools.cache
def components() -> dict[str, Element]:
    """Every element component any statute uses, in act / means / purpose order."""
    seen: dict[str, Element] = {}
    for item in statutes():
        for group in item.groups:
            for element in group:
                seen.setdefault(element.code, element)
    order = {kind: position for position, kind in enumerate(KINDS)}
    return dict(sorted(seen.items(), key=lambda pair: order.get(pair[1].kind, 9)))


def component(code: str) -> Element | None:
    return components().get(code)


def choices() -> list[tuple[str, str]]:
    return [(code, f"{element.kind_label} · {element.label}") for code, element in components().items()]


@dataclass
class ElementRow:
    element: Element
    evidence: list[object] = field(default_factory=list)

    @property
    def supported(self) -> bool:
        return bool(self.evidence)


@dataclass
class GroupRow:
    kind: str
    rows: list[ElementRow]

    @property
    def supported(self) -> bool:
        return any(row.supported for row in self.rows)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass
class StatuteBoard:
    statute: Statute
    groups: list[GroupRow]

    @property
    def missing(self) -> list[str]:
        """One entry per unmet group: any one of its components would do."""
        return [_("%(kind)s: any one of %(options)s") % {
            "kind": group.kind_label, "options": " / ".join(row.element.label for row in group.rows)}
            if len(group.rows) > 1 else f"{group.kind_label}: {group.rows[0].element.label}"
            for group in self.groups if not group.supported]

    @property
    def complete(self) -> bool:
        return all(group.supported for group in self.groups)

    @property
    def supported_count(self) -> int:
        return sum(1 for group in self.groups if group.supported)


def build_board(links: Iterable[tuple[str, object]]) -> list[StatuteBoard]:
    """links: (element component code, evidence item). Unknown codes are ignored."""
    by_code: dict[str, list[object]] = {}
    for code, evidence in links:
        bucket = by_code.setdefault(code, [])
        if evidence not in bucket:
            bucket.append(evidence)
    return [
        StatuteBoard(item, [GroupRow(group[0].kind, [ElementRow(e, by_code.get(e.code, [])) for e in group])
                            for group in item.groups])
        for item in statutes()
    ]
