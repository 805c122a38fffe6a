"""Place a case's findings on the five barriers a labor trafficking operation must pass
(entry, housing, identity, work, finances) and name the partners who can raise each one.

Pure Python, no Django: the callers pass indicator ids (from screenings), fact codes
(from the case: ``visa:h2a``, ``entity:vehicle``, ``evidence:lease``, ``crime:financial``,
``industry``), and the partners they may see as plain tuples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BARRIERS_FILE = Path(__file__).with_name("data") / "barriers.json"
BARRIER_IDS = ("entry", "housing", "identity", "work", "finances")


class BarrierDataError(ValueError):
    pass


@dataclass(frozen=True)
class Finding:
    barrier: str
    indicators: tuple[str, ...]
    facts: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.indicators) + len(self.facts)

    @property
    def present(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str  # "agency" (a task force member) or "directory" (victims service directory)
    detail: str  # agency type id, or the matching service codes joined by commas


def validate(data: dict[str, Any], known_indicators: Iterable[str] | None = None) -> dict[str, Any]:
    def require(condition: bool, message: str) -> None:
        if not condition:
            raise BarrierDataError(f"{BARRIERS_FILE.name}: {message}")

    require(data.get("kind") == "barrier_map" and bool(data.get("version")), "not a versioned barrier map")
    require(tuple(item["id"] for item in data["barriers"]) == BARRIER_IDS, f"barriers must be {BARRIER_IDS}")
    require(bool(data.get("citations")), "citations are required")
    known = set(known_indicators) if known_indicators is not None else None
    for barrier in data["barriers"]:
        bid = barrier["id"]
        require(bool(barrier.get("en")) and bool(barrier.get("es")), f"{bid}: needs en and es")
        require(bool(barrier["partner_types"]), f"{bid}: needs partner types")
        for fact in barrier["facts"]:
            require(fact in data["facts"], f"{bid}: unknown fact {fact}")
        require(len(set(barrier["indicators"])) == len(barrier["indicators"]), f"{bid}: duplicate indicator")
        if known is not None:
            unknown = set(barrier["indicators"]) - known
            require(not unknown, f"{bid}: unknown indicators {sorted(unknown)}")
    return data


@cache
def load_barriers() -> dict[str, Any]:
    return validate(json.loads(BARRIERS_FILE.read_text(encoding="utf-8")))


def compute(indicator_ids: Iterable[str], facts: Iterable[str], data: dict[str, Any] | None = None) -> list[Finding]:
    """One finding per barrier, in barrier order, listing what placed something on it."""
    data = data or load_barriers()
    present = set(indicator_ids)
    known_facts = set(facts)
    return [Finding(barrier["id"],
                    tuple(i for i in barrier["indicators"] if i in present),
                    tuple(f for f in barrier["facts"] if f in known_facts))
            for barrier in data["barriers"]]


def aggregate(maps: Iterable[list[Finding]]) -> dict[str, dict[str, int]]:
    """Across cases: how many cases have something on each barrier, and how many findings."""
    totals = {bid: {"cases": 0, "findings": 0} for bid in BARRIER_IDS}
    for findings in maps:
        for finding in findings:
            if finding.present:
                totals[finding.barrier]["cases"] += 1
                totals[finding.barrier]["findings"] += finding.count
    return totals


def partners_for(barrier_id: str, agencies: Iterable[tuple[str, str]],
                 directory: Iterable[tuple[str, Iterable[str]]], data: dict[str, Any] | None = None) -> list[Partner]:
    """Partners able to raise the barrier: agencies (name, type) whose type is listed for it,
    then directory organisations (name, services) offering a listed service."""
    data = data or load_barriers()
    barrier = next(item for item in data["barriers"] if item["id"] == barrier_id)
    types, services = barrier["partner_types"], set(barrier["directory_services"])
    found = [Partner(name, "agency", kind) for name, kind in agencies if kind in types]
    found.sort(key=lambda partner: (types.index(partner.detail), partner.name))
    names = {partner.name for partner in found}
    for name, offered in sorted(directory, key=lambda item: item[0]):
        matching = sorted(services & set(offered))
        if matching and name not in names:
            found.append(Partner(name, "directory", ",".join(matching)))
            names.add(name)
    return found
