"""The HTCDS 2.0 field list as data: name, section, core, type, picklist values.

Source (cited in the data file): IOM, *Human Trafficking Case Data Standard (HTCDS) 2.0,
field standards*, ``htcds_field_standards_2.0_field_standards.csv`` (licensed CC BY 4.0;
https://github.com/UNMigration/HTCDS). ``data/htcds_fields.json`` is generated from that
CSV by ``parse_field_standard`` (``laborlens exchange htcds-fields CSV > JSON``);
``tests/exchange/test_fields.py`` regenerates it from the shared copy and checks they agree.

The standard has no "mandatory" column: it marks fields "Core" ("should be considered a
core component of the standard. Non-core fields may be optional"). Which fields an
exchange file *must* fill is therefore a profile decision, made in ``htcds.PROFILE``.
Pure Python: no Django.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "htcds_fields.json"
CITATION = ("IOM, Human Trafficking Case Data Standard (HTCDS) 2.0, field standards "
            "(htcds_field_standards_2.0_field_standards.csv), https://github.com/UNMigration/HTCDS")
LICENCE = "CC BY 4.0 (http://creativecommons.org/licenses/by/4.0/); no endorsement by IOM is implied."

# Field types whose values are checked against the code list or a format.
PICKLIST = "Picklist"
MULTISELECT = "Multiselect Picklist"
# Picklists whose values are another standard's codes rather than a listed set.
ISO_639 = "iso639"
ISO_3166 = "iso3166"


@dataclass(frozen=True)
class Field:
    name: str          # with prefix, e.g. "vic_TypeOfExploitation"
    section: str
    status: str        # DRAFT, DEPRECATED
    core: bool
    field_type: str    # as written in the standard: Text, Date, Picklist, ...
    values: tuple[str, ...]  # picklist value names; empty when free or coded elsewhere
    code_list: str     # "", ISO_639 or ISO_3166

    @property
    def is_picklist(self) -> bool:
        return self.field_type in {PICKLIST, MULTISELECT, "Picklist or Text"} and bool(self.values or self.code_list)

    @property
    def multiple(self) -> bool:
        return self.field_type == MULTISELECT


def _code_list(value_names: str) -> str:
    if "ISO 639" in value_names:
        return ISO_639
    if "ISO 3166" in value_names:
        return ISO_3166
    return ""


def parse_field_standard(text: str) -> list[dict[str, object]]:
    """The CSV of the standard -> a list of field dictionaries (the data file's rows).

    Section rows (only "Section" filled) name the section of the rows that follow; rows
    without a field name (the assessment "EXAMPLE QUESTION"s) are not fields."""
    fields: list[dict[str, object]] = []
    section = ""
    for row in csv.DictReader(io.StringIO(text)):
        name = (row.get("Field Name including Prefix") or "").strip()
        if (row.get("Section") or "").strip():
            section = " ".join((row["Section"] or "").replace("-", " ").split())
        if not name:
            continue
        raw_values = row.get("Value Names (if picklist)") or ""
        code_list = _code_list(raw_values)
        values = [] if code_list else [v.strip() for v in raw_values.splitlines() if v.strip()]
        fields.append({
            "name": name,
            "section": section,
            "status": (row.get("Status") or "").strip(),
            "core": (row.get("Core") or "").strip() == "Core",
            "type": (row.get("Field Type") or "").strip(),
            "values": values,
            "code_list": code_list,
        })
    return fields


def build_data_file(text: str) -> dict[str, object]:
    return {"standard": "HTCDS 2.0", "citation": CITATION, "licence": LICENCE,
            "source_file": "htcds_field_standards_2.0_field_standards.csv",
            "fields": parse_field_standard(text)}


@functools.cache
def load_fields() -> dict[str, Field]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {
        item["name"]: Field(item["name"], item["section"], item["status"], bool(item["core"]),
                            item["type"], tuple(item["values"]), item["code_list"])
        for item in data["fields"]
    }
