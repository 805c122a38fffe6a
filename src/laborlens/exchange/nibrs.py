"""NIBRS extract for human trafficking: offenses 64A (commercial sex acts) and 64B
(involuntary servitude), with administrative, offense, victim, offender and arrestee
segments, validated element by element before anything is written.

Specification followed: the FBI's *NIBRS Technical Specification* and *NIBRS User Manual*
(data elements and their error rules), version ``SPEC_VERSION`` below, as implemented
here from the published documents. What is NOT done: validation against the FBI's NIBRS
XML IEPD schema (XSD). That schema is not shipped in this repository (it cannot be
downloaded on the build machine and is in no package), so the XML this module writes
(``nibrs_xml.to_xml``) follows the IEPD's NIEM element names as documented but is *unvalidated
against the XSD*. ``nibrs_xml.schema_errors`` validates against the XSD as soon as the FBI's schema
files are put in ``exchange/data/nibrs-iepd/`` (see docs/HTCDS_MAPPING.md).

Two other outputs keep their format name ``laborlens-nibrs-flat-1``: a flat table per
segment (CSV, or one JSON document with the same rows), with NIBRS data elements named
and coded as in the User Manual, for a records unit to key or load.

The rules (``validate_incident``) return *every* error of an incident, each naming the
segment, the data element (its NIBRS number) and what is wrong; ``build`` collects them
for every incident, and the callers refuse to write any file while there is one.

Pure Python: no Django.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

# The one ORI rule, shared with the agency form (accounts); still reachable as nibrs.ori_problem.
from laborlens.core.ori import ori_problem

FORMAT = "laborlens-nibrs-flat-1"
XML_FORMAT = "nibrs-iepd-xml (unvalidated against the FBI XSD)"
SPEC_VERSION = "NIBRS Technical Specification / User Manual 2023.0 (data-element rules); XML after the NIBRS IEPD 2023.0 element names"

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
    "administrative": ("ori", "incident_number", "incident_date", "incident_hour", "report_date_indicator",
                       "cleared_exceptionally"),
    "offense": ("ori", "incident_number", "ucr_offense_code", "attempted_completed",
                "location_type", "offender_suspected_of_using", "bias_motivation", "weapon_force"),
    "victim": ("ori", "incident_number", "victim_sequence_number", "offenses_connected",
               "type_of_victim", "age", "sex", "race", "ethnicity", "resident_status",
               "relationship_to_offenders"),
    "offender": ("ori", "incident_number", "offender_sequence_number", "age", "sex", "race", "ethnicity"),
    "arrestee": ("ori", "incident_number", "arrestee_sequence_number", "arrest_transaction_number",
                 "arrest_date", "type_of_arrest", "multiple_arrestee_indicator", "ucr_arrest_offense_code",
                 "age", "sex", "race", "ethnicity"),
}
# The NIBRS data element number of each column (User Manual numbering), for error messages.
ELEMENT: Mapping[str, str] = {
    "ori": "1", "incident_number": "2", "incident_date": "3", "incident_hour": "3",
    "report_date_indicator": "3", "cleared_exceptionally": "4", "ucr_offense_code": "6",
    "attempted_completed": "7", "offender_suspected_of_using": "8", "bias_motivation": "8A",
    "location_type": "9", "weapon_force": "13", "victim_sequence_number": "23",
    "offenses_connected": "24", "type_of_victim": "25", "relationship_to_offenders": "34/35",
    "offender_sequence_number": "36", "arrestee_sequence_number": "40",
    "arrest_transaction_number": "41", "arrest_date": "42", "type_of_arrest": "43",
    "multiple_arrestee_indicator": "44", "ucr_arrest_offense_code": "45", "resident_status": "30",
}
PERSON_ELEMENTS: Mapping[str, Mapping[str, str]] = {
    "victim": {"age": "26", "sex": "27", "race": "28", "ethnicity": "29"},
    "offender": {"age": "37", "sex": "38", "race": "39", "ethnicity": "39A"},
    "arrestee": {"age": "47", "sex": "48", "race": "49", "ethnicity": "50"},
}

INCIDENT_PATTERN = re.compile(r"^[A-Z0-9-]{1,12}$")
AGE_PATTERN = re.compile(r"^(00|0[1-9]|[1-9][0-9]|NN|NB|BB|(0[1-9]|[1-9][0-9])(0[1-9]|[1-9][0-9]))$")
EARLIEST_INCIDENT = date(1991, 1, 1)
LOCATION_CODES = frozenset([f"{n:02d}" for n in range(1, 26)] + [f"{n:02d}" for n in range(37, 59)])
CODES: Mapping[str, frozenset[str]] = {
    "report_date_indicator": frozenset({"", "R"}),
    "cleared_exceptionally": frozenset({"A", "B", "C", "D", "E", "N"}),
    "ucr_offense_code": frozenset(OFFENSES),
    "ucr_arrest_offense_code": frozenset(OFFENSES),
    "attempted_completed": frozenset({"A", "C"}),
    "offender_suspected_of_using": frozenset({"A", "C", "D", "G", "N"}),
    "bias_motivation": frozenset({"88", "99"}),
    "location_type": LOCATION_CODES,
    "weapon_force": frozenset({"11", "12", "13", "14", "15", "20", "30", "35", "40", "50", "60", "65", "70",
                               "85", "90", "95", "99"}),
    "type_of_victim": frozenset({"I", "B", "F", "G", "L", "O", "R", "S", "U"}),
    "sex": frozenset({"M", "F", "U"}),
    "race": frozenset({"W", "B", "I", "A", "P", "U"}),
    "ethnicity": frozenset({"H", "N", "U"}),
    "resident_status": frozenset({"R", "N", "U"}),
    "type_of_arrest": frozenset({"O", "S", "T"}),
    "multiple_arrestee_indicator": frozenset({"C", "M", "N"}),
}
RELATIONSHIPS = frozenset({"SE", "CS", "PA", "SB", "CH", "GP", "GC", "IL", "SP", "SC", "SS", "OF", "AQ", "FR",
                           "NE", "BE", "BG", "CF", "HR", "XS", "EE", "ER", "OK", "RU", "ST", "VO"})
# Mandatory in every row of the segment (a victim's person elements only when type I).
MANDATORY: Mapping[str, tuple[str, ...]] = {
    "administrative": ("ori", "incident_number", "cleared_exceptionally"),  # incident date: below
    "offense": ("ucr_offense_code", "attempted_completed", "location_type", "offender_suspected_of_using",
                "bias_motivation", "weapon_force"),
    "victim": ("victim_sequence_number", "offenses_connected", "type_of_victim"),
    "offender": ("offender_sequence_number",),
    "arrestee": ("arrestee_sequence_number", "arrest_transaction_number", "arrest_date", "type_of_arrest",
                 "multiple_arrestee_indicator", "ucr_arrest_offense_code", "age", "sex", "race"),
}


@dataclass(frozen=True)
class Demographics:
    """A person's NIBRS age code (``age_code``), sex, race and ethnicity codes."""

    age: str = "00"
    sex: str = "U"
    race: str = "U"
    ethnicity: str = "U"


Victim = Demographics  # kept for callers of the earlier module


@dataclass(frozen=True)
class Arrest:
    arrested_on: date
    offense: str
    person: Demographics = Demographics()


@dataclass(frozen=True)
class Incident:
    """One case, reduced to what NIBRS asks for."""

    case_label: str       # shown in reports (the case number)
    ori: str
    incident_number: str
    incident_date: date | None  # from the case facts; None: not recorded (an error)
    stage: str
    exploitation: str
    industry: str
    victims: tuple[Demographics, ...] = ()
    offenders: tuple[Demographics, ...] = ()
    arrests: tuple[Arrest, ...] = field(default_factory=tuple)
    incident_hour: int | None = None


NOT_YET_INVESTIGATED = ("discovery", "screening")

# Cases left out of the extract (not errors: NIBRS has nothing to report for them yet).
LACKS: Mapping[str, str] = {
    "exploitation": "the type of exploitation is unknown",
    "victim": "no victim recorded",
    "offense": "no offense established yet (the case is still at discovery or screening)",
}


class OriRefused(ValueError):
    """The agency's ORI is empty, malformed or a placeholder: no extract can be made."""


def deficiencies(incident: Incident) -> list[str]:
    """Why the case is left out of the extract, as ``LACKS`` codes (empty: it is reported)."""
    lacks = []
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
    out: dict[str, list[dict[str, str]]] = {name: [] for name in SEGMENTS}
    out["administrative"].append({
        **key, "incident_date": incident.incident_date.strftime("%Y%m%d") if incident.incident_date else "",
        "incident_hour": "" if incident.incident_hour is None else f"{incident.incident_hour:02d}",
        "report_date_indicator": "", "cleared_exceptionally": "N"})
    for code in offenses:
        out["offense"].append({**key, "ucr_offense_code": code, "attempted_completed": "C",
                               "location_type": INDUSTRY_TO_LOCATION.get(incident.industry, UNKNOWN_LOCATION),
                               "offender_suspected_of_using": "N", "bias_motivation": "88",
                               "weapon_force": "95"})
    offender_numbers = [f"{n:02d}" for n in range(1, len(incident.offenders) + 1)]
    relationship = ";".join(f"{n}:RU" for n in offender_numbers)
    for number, victim in enumerate(incident.victims, start=1):
        out["victim"].append({**key, "victim_sequence_number": f"{number:03d}",
                              "offenses_connected": ";".join(offenses), "type_of_victim": "I",
                              "age": victim.age, "sex": victim.sex, "race": victim.race,
                              "ethnicity": victim.ethnicity, "resident_status": "U",
                              "relationship_to_offenders": relationship})
    if not incident.offenders:
        out["offender"].append({**key, "offender_sequence_number": "00", "age": "", "sex": "", "race": "",
                                "ethnicity": ""})
    for sequence, offender in zip(offender_numbers, incident.offenders, strict=True):
        out["offender"].append({**key, "offender_sequence_number": sequence, "age": offender.age,
                                "sex": offender.sex, "race": offender.race, "ethnicity": offender.ethnicity})
    arrests = sorted(incident.arrests, key=lambda arrest: arrest.arrested_on)
    for number, arrest in enumerate(arrests, start=1):
        out["arrestee"].append({**key, "arrestee_sequence_number": f"{number:02d}",
                                "arrest_transaction_number": f"{incident.incident_number}-{number:02d}"[-12:],
                                "arrest_date": arrest.arrested_on.strftime("%Y%m%d"), "type_of_arrest": "T",
                                "multiple_arrestee_indicator": "N", "ucr_arrest_offense_code": arrest.offense,
                                "age": arrest.person.age, "sex": arrest.person.sex, "race": arrest.person.race,
                                "ethnicity": arrest.person.ethnicity})
    return out


@dataclass(frozen=True)
class Problem:
    """One error: which incident, segment and row, which data element, and what is wrong."""

    case: str
    segment: str
    row: int
    element: str
    message: str

    def __str__(self) -> str:
        return f"{self.case} {self.segment} {self.row}: data element {self.element}: {self.message}"


@dataclass
class Extract:
    segments: dict[str, list[dict[str, str]]]
    not_reportable: list[dict[str, object]]
    problems: list[Problem] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)  # the case of each administrative row, in order

    @property
    def incidents(self) -> int:
        return len(self.segments["administrative"])

    @property
    def problems_by_case(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.case, []).append(problem)
        return grouped


def _local_today() -> date:
    """The machine's local date (callers in the app pass the agency's local date)."""
    return datetime.now().astimezone().date()


def build(incidents: Iterable[Incident], submitted_on: date | None = None) -> Extract:
    """Segments of every reportable incident, and every error of every incident."""
    submitted_on = submitted_on or _local_today()
    segments: dict[str, list[dict[str, str]]] = {name: [] for name in SEGMENTS}
    extract = Extract(segments, [])
    for incident in incidents:
        lacks = deficiencies(incident)
        if lacks:
            extract.not_reportable.append({"case": incident.case_label, "lacks": [LACKS[code] for code in lacks],
                                           "codes": lacks})
            continue
        rows = segments_for(incident)
        extract.problems.extend(validate_incident(incident.case_label, rows, submitted_on))
        for name, items in rows.items():
            segments[name].extend(items)
        extract.cases.append(incident.case_label)
    return extract


def parse_date(value: str) -> date | None:
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _age_problem(value: str) -> str:
    if not AGE_PATTERN.match(value):
        return f"{value!r} is not a NIBRS age (01-98, 99 over 98, 00 unknown, NN/NB/BB, or a range such as 2530)"
    if len(value) == 4 and int(value[:2]) >= int(value[2:]):
        return f"the age range {value[:2]}-{value[2:]} must go from younger to older"
    return ""


def validate_incident(case: str, rows: Mapping[str, list[dict[str, str]]], submitted_on: date) -> list[Problem]:
    """Every error in one incident's segments, after the NIBRS data-element rules."""
    problems: list[Problem] = []

    def add(segment: str, row: int, column: str, message: str) -> None:
        element = ELEMENT.get(column) or PERSON_ELEMENTS.get(segment, {}).get(column, "?")
        problems.append(Problem(case, segment, row, element, message))

    admin = rows.get("administrative", [])
    if len(admin) != 1:
        add("administrative", 1, "incident_number", "an incident has exactly one administrative segment")
        return problems
    incident_date = None
    for name, columns in SEGMENTS.items():
        for number, row in enumerate(rows.get(name, []), start=1):
            if tuple(row) != columns:
                add(name, number, "ori", f"the columns must be {', '.join(columns)}")
                continue
            if (row["ori"], row["incident_number"]) != (admin[0]["ori"], admin[0]["incident_number"]):
                add(name, number, "incident_number", "does not belong to this incident's administrative segment")
            mandatory = MANDATORY[name]
            if name == "victim" and row["type_of_victim"] == "I":
                mandatory = (*mandatory, "age", "sex", "race")
            if name == "offender" and row["offender_sequence_number"] not in ("", "00"):
                mandatory = (*mandatory, "age", "sex", "race")
            for column in mandatory:
                if not row.get(column):
                    add(name, number, column, f"{column.replace('_', ' ')} is mandatory and missing")
            for column, value in row.items():
                allowed = CODES.get(column)
                if value and allowed is not None and value not in allowed:
                    add(name, number, column, f"{value!r} is not a valid {column.replace('_', ' ')} code")
                if column == "age" and value and (problem := _age_problem(value)):
                    add(name, number, column, problem)
    row = admin[0]
    problem = ori_problem(row["ori"])
    if problem:
        add("administrative", 1, "ori", problem)
    if row["incident_number"] and not INCIDENT_PATTERN.match(row["incident_number"]):
        add("administrative", 1, "incident_number",
            f"{row['incident_number']!r} is not 1-12 letters, digits or hyphens")
    if row.get("incident_date"):
        incident_date = parse_date(row["incident_date"])
        if incident_date is None:
            add("administrative", 1, "incident_date", f"{row['incident_date']!r} is not a date (YYYYMMDD)")
        elif incident_date > submitted_on:
            add("administrative", 1, "incident_date",
                f"the incident date {incident_date.isoformat()} is after the submission date {submitted_on.isoformat()}")
        elif incident_date < EARLIEST_INCIDENT:
            add("administrative", 1, "incident_date", "the incident date is before 1 January 1991")
    else:
        add("administrative", 1, "incident_date",
            "the incident date is missing: record it on the case (Edit case, Incident date)")
    hour = row.get("incident_hour", "")
    if hour and not (hour.isdigit() and len(hour) == 2 and int(hour) <= 23):
        add("administrative", 1, "incident_hour", f"{hour!r} is not an hour 00-23 (leave empty if unknown)")
    offenses = [r["ucr_offense_code"] for r in rows.get("offense", [])]
    if not offenses:
        add("offense", 1, "ucr_offense_code", "an incident needs at least one offense segment")
    if len(offenses) != len(set(offenses)):
        add("offense", 1, "ucr_offense_code", "the same offense code is reported twice")
    victims = rows.get("victim", [])
    if not victims:
        add("victim", 1, "victim_sequence_number", "an incident needs at least one victim segment")
    offenders = rows.get("offender", [])
    offender_numbers = [r["offender_sequence_number"] for r in offenders]
    if not offenders:
        add("offender", 1, "offender_sequence_number", "an incident needs at least one offender segment")
    if "00" in offender_numbers and len(offenders) > 1:
        add("offender", 1, "offender_sequence_number",
            "offender 00 (unknown) must be the only offender of the incident")
    if len(offender_numbers) != len(set(offender_numbers)):
        add("offender", 1, "offender_sequence_number", "an offender sequence number is repeated")
    for number, offender in enumerate(offenders, start=1):
        if offender["offender_sequence_number"] == "00" and any(offender[c] for c in ("age", "sex", "race")):
            add("offender", number, "offender_sequence_number",
                "an unknown offender (00) must have no age, sex or race")
    numbers = [r["victim_sequence_number"] for r in victims]
    if len(numbers) != len(set(numbers)):
        add("victim", 1, "victim_sequence_number", "a victim sequence number is repeated")
    for number, victim in enumerate(victims, start=1):
        if not re.match(r"^\d{3}$", victim["victim_sequence_number"]) or victim["victim_sequence_number"] == "000":
            add("victim", number, "victim_sequence_number", "must be 001-999")
        connected = [code for code in victim["offenses_connected"].split(";") if code]
        for code in connected:
            if code not in offenses:
                add("victim", number, "offenses_connected", f"offense {code!r} is not in this incident's offenses")
        if any(code in OFFENSES for code in connected) and victim["type_of_victim"] not in ("", "I"):
            add("victim", number, "type_of_victim",
                f"a victim of 64A/64B must be an individual (I), not {victim['type_of_victim']!r}")
        for pair in (p for p in victim["relationship_to_offenders"].split(";") if p):
            offender_number, _, code = pair.partition(":")
            if offender_number not in offender_numbers or offender_number == "00":
                add("victim", number, "relationship_to_offenders",
                    f"offender {offender_number!r} is not a known offender of this incident")
            if code not in RELATIONSHIPS:
                add("victim", number, "relationship_to_offenders", f"{code!r} is not a relationship code")
        known = [n for n in offender_numbers if n != "00"]
        if known and victim["type_of_victim"] == "I" and not victim["relationship_to_offenders"]:
            add("victim", number, "relationship_to_offenders",
                "a victim of a crime against persons needs a relationship to each known offender (RU if unknown)")
    arrest_numbers = [r["arrestee_sequence_number"] for r in rows.get("arrestee", [])]
    if len(arrest_numbers) != len(set(arrest_numbers)):
        add("arrestee", 1, "arrestee_sequence_number", "an arrestee sequence number is repeated")
    for number, arrestee in enumerate(rows.get("arrestee", []), start=1):
        if arrestee["arrest_transaction_number"] and not INCIDENT_PATTERN.match(arrestee["arrest_transaction_number"]):
            add("arrestee", number, "arrest_transaction_number", "must be 1-12 letters, digits or hyphens")
        if not arrestee["arrest_date"]:
            continue
        arrested = parse_date(arrestee["arrest_date"])
        if arrested is None:
            add("arrestee", number, "arrest_date", f"{arrestee['arrest_date']!r} is not a date (YYYYMMDD)")
        elif arrested > submitted_on:
            add("arrestee", number, "arrest_date", f"the arrest date {arrested.isoformat()} is after the submission date")
        elif incident_date is not None and arrested < incident_date:
            add("arrestee", number, "arrest_date",
                f"the arrest date {arrested.isoformat()} is before the incident date {incident_date.isoformat()}")
    return problems


def validate(extract: Extract, submitted_on: date | None = None) -> list[Problem]:
    """Re-check every incident of an extract (e.g. after it was edited): every error."""
    submitted_on = submitted_on or _local_today()
    problems: list[Problem] = []
    keys = [(row["ori"], row["incident_number"]) for row in extract.segments["administrative"]]
    labels = extract.cases or [number for _, number in keys]
    for (ori, number), label in zip(keys, labels, strict=False):
        rows = {name: [row for row in extract.segments[name]
                       if (row.get("ori"), row.get("incident_number")) == (ori, number)] for name in SEGMENTS}
        problems.extend(validate_incident(label, rows, submitted_on))
    if len(keys) != len(set(keys)):
        problems.append(Problem("", "administrative", 1, "2", "an incident number is repeated in the extract"))
    known = set(keys)
    for name in SEGMENTS:
        for position, row in enumerate(extract.segments[name], start=1):
            if (row.get("ori"), row.get("incident_number")) not in known:
                problems.append(Problem(row.get("incident_number", ""), name, position, "2",
                                        "no administrative segment for this incident"))
    return problems


def age_code(years: int | None, is_minor: bool, high: int | None = None) -> str:
    """NIBRS age: exact years (or a range low-high) when known; 01-17 for a minor of
    unknown age; else 00 (unknown)."""
    if years is not None and high is not None and 1 <= years < high <= 99:
        return f"{years:02d}{high:02d}"
    if years is not None and 1 <= years <= 98:
        return f"{years:02d}"
    if years is not None and years > 98:
        return "99"
    return "0117" if is_minor else "00"


def to_json(extract: Extract) -> str:
    return json.dumps({"format": FORMAT, "specification": SPEC_VERSION, "segments": extract.segments,
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
