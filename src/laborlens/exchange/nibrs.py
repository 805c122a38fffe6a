"""NIBRS extract for human trafficking: offenses 64A (commercial sex acts) and 64B
(involuntary servitude), with administrative, offense, victim, offender and arrestee
segments.

Format (``laborlens-nibrs-flat-1``): not the FBI's XML or fixed-length submission file,
which an agency's records-management system or state UCR programme produces, but a flat,
documented table per segment (CSV, or one JSON document with the same rows) holding the
NIBRS data elements LaborLens can fill, named and coded as in the FBI's *NIBRS User
Manual* (2021.0), so that a records unit can key or load them. Elements LaborLens does
not record are given NIBRS's own "unknown" codes where NIBRS has one (age ``00``, sex
``U``, race ``U``, ethnicity ``U``, resident status ``U``, weapon/force ``95``,
relationship ``RU``) and are otherwise left out; see docs/HTCDS_MAPPING.md (NIBRS section).

Pure Python: no Django. ``deficiencies`` says why a case cannot be reported yet.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

FORMAT = "laborlens-nibrs-flat-1"
COMMERCIAL_SEX = "64A"
INVOLUNTARY_SERVITUDE = "64B"
OFFENSES = (COMMERCIAL_SEX, INVOLUNTARY_SERVITUDE)
EXPLOITATION_TO_OFFENSES: Mapping[str, tuple[str, ...]] = {
    "labor": (INVOLUNTARY_SERVITUDE,), "sex": (COMMERCIAL_SEX,), "both": OFFENSES,
}
# Statutes (cases.elements codes) whose arrests are 64A rather than 64B.
SEX_TRAFFICKING_STATUTES = ("usc18_1591",)

# NIBRS data element 9, location type, from the LaborLens industry of the case.
INDUSTRY_TO_LOCATION: Mapping[str, str] = {
    "farming_agriculture": "46",  # Farm facility
    "fishing": "45",              # Dock/wharf/freight/modal terminal
    "logging": "10",              # Field/woods
    "construction": "06",         # Construction site
    "manufacturing": "48",        # Industrial site
    "textiles": "48",
    "hotels": "14",               # Hotel/motel/etc.
    "hospitality": "14",
    "restaurants_food_services": "21",  # Restaurant
    "private_homes_domestic_work": "20",  # Residence/home
    "retail": "24",               # Specialty store
    "salon_services": "24",
    "massage_parlors": "24",
    "fairs_carnivals": "38",      # Amusement park
    "health_care": "09",          # Drug store/doctor's office/hospital
}
UNKNOWN_LOCATION = "25"  # Other/unknown

SEGMENTS: Mapping[str, tuple[str, ...]] = {
    "administrative": ("ori", "incident_number", "incident_date", "report_date_indicator",
                       "cleared_exceptionally"),
    "offense": ("ori", "incident_number", "ucr_offense_code", "attempted_completed",
                "location_type", "offender_suspected_of_using", "bias_motivation", "weapon_force"),
    "victim": ("ori", "incident_number", "victim_sequence_number", "offenses_connected",
               "type_of_victim", "age", "sex", "race", "ethnicity", "resident_status",
               "relationship_to_offenders"),
    "offender": ("ori", "incident_number", "offender_sequence_number", "age", "sex", "race"),
    "arrestee": ("ori", "incident_number", "arrestee_sequence_number", "arrest_transaction_number",
                 "arrest_date", "type_of_arrest", "multiple_arrestee_indicator", "ucr_arrest_offense_code",
                 "age", "sex", "race"),
}

ORI_PATTERN = re.compile(r"^[A-Z]{2}[A-Z0-9]{7}$")
INCIDENT_PATTERN = re.compile(r"^[A-Z0-9-]{1,12}$")
AGE_PATTERN = re.compile(r"^(00|0[1-9]|[1-9][0-9]|NN|NB|BB|(0[1-9]|[1-9][0-9])(0[1-9]|[1-9][0-9]))$")
CODES: Mapping[str, frozenset[str]] = {
    "report_date_indicator": frozenset({"", "R"}),
    "cleared_exceptionally": frozenset({"A", "B", "C", "D", "E", "N"}),
    "ucr_offense_code": frozenset(OFFENSES),
    "ucr_arrest_offense_code": frozenset(OFFENSES),
    "attempted_completed": frozenset({"A", "C"}),
    "offender_suspected_of_using": frozenset({"A", "C", "D", "G", "N"}),
    "bias_motivation": frozenset({"88", "99"}),
    "weapon_force": frozenset({"95", "99"}),
    "type_of_victim": frozenset({"I"}),
    "sex": frozenset({"M", "F", "U"}),
    "race": frozenset({"W", "B", "I", "A", "P", "U"}),
    "ethnicity": frozenset({"H", "N", "U"}),
    "resident_status": frozenset({"R", "N", "U"}),
    "type_of_arrest": frozenset({"O", "S", "T"}),
    "multiple_arrestee_indicator": frozenset({"C", "M", "N"}),
}


@dataclass(frozen=True)
class Victim:
    age: str = "00"


@dataclass(frozen=True)
class Arrest:
    arrested_on: date
    offense: str


@dataclass(frozen=True)
class Incident:
    """One case, reduced to what NIBRS asks for."""

    case_label: str       # shown in the not-reportable list (the case number)
    ori: str
    incident_number: str
    report_date: date     # LaborLens has no incident date: the date the case was opened
    stage: str
    exploitation: str
    industry: str
    victims: tuple[Victim, ...] = ()
    offenders: int = 0
    arrests: tuple[Arrest, ...] = field(default_factory=tuple)


NOT_YET_INVESTIGATED = ("discovery", "screening")


LACKS: Mapping[str, str] = {
    "ori": "the lead agency has no valid ORI (9 characters)",
    "incident_number": "no incident number of at most 12 letters, digits or hyphens",
    "exploitation": "the type of exploitation is unknown",
    "victim": "no victim recorded",
    "offense": "no offense established yet (the case is still at discovery or screening)",
}


def deficiencies(incident: Incident) -> list[str]:
    """Why the case cannot be reported yet, as ``LACKS`` codes (empty: it can)."""
    lacks = []
    if not ORI_PATTERN.match(incident.ori):
        lacks.append("ori")
    if not INCIDENT_PATTERN.match(incident.incident_number):
        lacks.append("incident_number")
    if incident.exploitation not in EXPLOITATION_TO_OFFENSES:
        lacks.append("exploitation")
    if not incident.victims:
        lacks.append("victim")
    if incident.stage in NOT_YET_INVESTIGATED:
        lacks.append("offense")
    return lacks


def segments_for(incident: Incident) -> dict[str, list[dict[str, str]]]:
    key = {"ori": incident.ori, "incident_number": incident.incident_number}
    offenses = EXPLOITATION_TO_OFFENSES[incident.exploitation]
    offender_numbers = [f"{n:02d}" for n in range(1, incident.offenders + 1)] or ["00"]
    out: dict[str, list[dict[str, str]]] = {name: [] for name in SEGMENTS}
    out["administrative"].append({**key, "incident_date": incident.report_date.strftime("%Y%m%d"),
                                  "report_date_indicator": "R", "cleared_exceptionally": "N"})
    for code in offenses:
        out["offense"].append({**key, "ucr_offense_code": code, "attempted_completed": "C",
                               "location_type": INDUSTRY_TO_LOCATION.get(incident.industry, UNKNOWN_LOCATION),
                               "offender_suspected_of_using": "N", "bias_motivation": "88",
                               "weapon_force": "95"})
    relationship = ";".join(f"{n}:RU" for n in offender_numbers if n != "00")
    for number, victim in enumerate(incident.victims, start=1):
        out["victim"].append({**key, "victim_sequence_number": f"{number:03d}",
                              "offenses_connected": ";".join(offenses), "type_of_victim": "I",
                              "age": victim.age, "sex": "U", "race": "U", "ethnicity": "U",
                              "resident_status": "U", "relationship_to_offenders": relationship})
    for offender in offender_numbers:
        unknown = offender == "00"
        out["offender"].append({**key, "offender_sequence_number": offender, "age": "" if unknown else "00",
                                "sex": "" if unknown else "U", "race": "" if unknown else "U"})
    arrests = sorted(incident.arrests, key=lambda arrest: arrest.arrested_on)
    for number, arrest in enumerate(arrests, start=1):
        out["arrestee"].append({**key, "arrestee_sequence_number": f"{number:02d}",
                                "arrest_transaction_number": f"{incident.incident_number}-{number:02d}"[-12:],
                                "arrest_date": arrest.arrested_on.strftime("%Y%m%d"), "type_of_arrest": "T",
                                "multiple_arrestee_indicator": "N", "ucr_arrest_offense_code": arrest.offense,
                                "age": "00", "sex": "U", "race": "U"})
    return out


@dataclass
class Extract:
    segments: dict[str, list[dict[str, str]]]
    not_reportable: list[dict[str, object]]

    @property
    def incidents(self) -> int:
        return len(self.segments["administrative"])


def build(incidents: Iterable[Incident]) -> Extract:
    segments: dict[str, list[dict[str, str]]] = {name: [] for name in SEGMENTS}
    not_reportable: list[dict[str, object]] = []
    for incident in incidents:
        lacks = deficiencies(incident)
        if lacks:
            not_reportable.append({"case": incident.case_label, "lacks": [LACKS[code] for code in lacks],
                                   "codes": lacks})
            continue
        for name, rows in segments_for(incident).items():
            segments[name].extend(rows)
    return Extract(segments, not_reportable)


def validate(extract: Extract) -> list[str]:
    """Problems in an extract (empty: valid): columns, codes, dates, ages, references."""
    problems = []
    incidents = set()
    for name, columns in SEGMENTS.items():
        for number, row in enumerate(extract.segments.get(name, []), start=1):
            where = f"{name} row {number}"
            if tuple(row) != columns:
                problems.append(f"{where}: columns must be {', '.join(columns)}")
                continue
            if not ORI_PATTERN.match(row["ori"]):
                problems.append(f"{where}: ori {row['ori']!r} is not 9 characters")
            key = (row["ori"], row["incident_number"])
            if name == "administrative":
                if key in incidents:
                    problems.append(f"{where}: incident {row['incident_number']} is repeated")
                incidents.add(key)
            elif key not in incidents:
                problems.append(f"{where}: no administrative segment for incident {row['incident_number']}")
            for column, value in row.items():
                allowed = CODES.get(column)
                if allowed is not None and value not in allowed and not (name == "offender" and value == ""):
                    problems.append(f"{where}: {column} {value!r} is not a valid code")
                if column in ("incident_date", "arrest_date") and not _is_yyyymmdd(value):
                    problems.append(f"{where}: {column} {value!r} is not YYYYMMDD")
                if column == "age" and value and not AGE_PATTERN.match(value):
                    problems.append(f"{where}: age {value!r} is not a NIBRS age")
                if column == "offenses_connected" and not set(value.split(";")) <= set(OFFENSES):
                    problems.append(f"{where}: offenses_connected {value!r} is not 64A/64B")
    return problems


def _is_yyyymmdd(value: str) -> bool:
    try:
        date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return False
    return len(value) == 8 and value.isdigit()


def age_code(years: int | None, is_minor: bool) -> str:
    """NIBRS age: exact years when known, the range 01-17 for a minor of unknown age, else 00."""
    if years is not None and 1 <= years <= 98:
        return f"{years:02d}"
    if years is not None and years > 98:
        return "99"
    return "0117" if is_minor else "00"


def to_json(extract: Extract) -> str:
    return json.dumps({"format": FORMAT, "segments": extract.segments,
                       "not_reportable": extract.not_reportable}, indent=1, ensure_ascii=False) + "\n"


def to_csv(extract: Extract) -> dict[str, str]:
    """File name -> CSV text: one file per segment, and not_reportable.csv."""
    files = {}
    for name, columns in SEGMENTS.items():
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(extract.segments[name])
        files[f"{name}.csv"] = out.getvalue()
    summary = io.StringIO()
    lines = csv.writer(summary, lineterminator="\n")
    lines.writerow(["case", "lacks"])
    for item in extract.not_reportable:
        lines.writerow([item["case"], "; ".join(item["lacks"])])  # type: ignore[arg-type]
    files["not_reportable.csv"] = summary.getvalue()
    return files
