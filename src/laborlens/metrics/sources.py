"""Which of the seed's case sources a tip came from (rules in data/tip_sources.json).

Pure: no Django import, so the mapping is easy to test and to read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "tip_sources.json"


@dataclass(frozen=True)
class Source:
    id: str
    en: str
    es: str

    def label(self, language: str) -> str:
        return self.es if language.startswith("es") else self.en


@cache
def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


@cache
def sources() -> tuple[Source, ...]:
    return tuple(Source(s["id"], s["en"], s["es"]) for s in _data()["sources"])  # type: ignore[attr-defined]


def source_of(tip_source: str, *, receiving_agency_id: int, submitter_agency_id: int | None,
              submitter_law_enforcement: bool, submitter_agency_type: str) -> str:
    """The seed source id for one tip."""
    if tip_source != "partner" or submitter_agency_id is None:
        return "citizens"
    if submitter_agency_id == receiving_agency_id:
        return "other_investigations"
    if submitter_law_enforcement:
        return "other_officers"
    community = _data()["community_agency_types"]
    if submitter_agency_type in community:  # type: ignore[operator]
        return "vsp_community"
    return "task_forces"
