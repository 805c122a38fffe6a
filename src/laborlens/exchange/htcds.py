"""HTCDS 2.0 exchange files: the LaborLens profile, CSV and JSON, and a validator.

HTCDS (IOM's Human Trafficking Case Data Standard) is a *case-management* standard: its
Person table includes names, birth dates and contact details. LaborLens exchanges
**de-identified** case-level data only, so this profile fills no identifying field: the
people are named by their case pseudonyms (``V-1``, ``S-2``) and the cases by a number
that is only meaningful inside one file (``C-1``, ``C-2``), so two exports cannot be
linked to each other or to a case number. The validator refuses a file that fills any
identifying field, in both directions.

One flat table, one row per record, ``ll_RecordType`` saying which:

* ``Case``: ``ll_CaseId``, ``cas_Status``;
* ``Victim``: ``ll_CaseId``, ``ll_PersonId``, ``prs_`` and ``vic_`` fields;
* ``Perpetrator``: ``ll_CaseId``, ``ll_PersonId``, ``prs_`` and ``per_`` fields.

The ``ll_`` columns are the profile's keys (the standard has no record identifiers of
its own; it leaves them to the case-management system). Every other column is an HTCDS
field name and its values are the standard's value names. CSV: one column per field,
multiselect values joined with ``;``. JSON: ``{"standard", "profile", "citation",
"records": [...]}`` where each record holds its non-empty fields and multiselect values
are lists. The mapping from LaborLens fields is in ``docs/HTCDS_MAPPING.md`` (generated
from ``MAPPING`` below by ``mapping_table()``).

Pure Python: no Django.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from laborlens.exchange.fields import CITATION, ISO_639, ISO_3166, LICENCE, MULTISELECT, load_fields

PROFILE = "laborlens-htcds-deidentified-1"
STANDARD = "HTCDS 2.0"
SEPARATOR = ";"

CASE, VICTIM, PERPETRATOR = "Case", "Victim", "Perpetrator"
RECORD_TYPES = (CASE, VICTIM, PERPETRATOR)

# The profile's own columns (not HTCDS fields).
KEYS = ("ll_RecordType", "ll_CaseId", "ll_PersonId")

# HTCDS fields LaborLens fills, in file order.
CASE_FIELDS = ("cas_Status",)
PERSON_FIELDS = ("prs_PrimaryLanguage", "prs_SecondaryLanguage")
VICTIM_FIELDS = ("vic_TraffickingStatus", "vic_TraffickingStatusDecisionMakingOrg",
                 "vic_TypeOfExploitation", "vic_ForcedLabourIndustry")
PERPETRATOR_FIELDS = ("per_RoleInProcess",)
COLUMNS: tuple[str, ...] = (*KEYS, *CASE_FIELDS, *PERSON_FIELDS, *VICTIM_FIELDS, *PERPETRATOR_FIELDS)

# Which prefixes each record type may fill, and which of its columns must be filled.
ALLOWED_PREFIXES = {CASE: ("cas_", "cco_", "hte_"), VICTIM: ("prs_", "vic_", "con_"),
                    PERPETRATOR: ("prs_", "per_")}
REQUIRED = {
    CASE: ("ll_CaseId", "cas_Status"),
    VICTIM: ("ll_CaseId", "ll_PersonId", "vic_TraffickingStatus", "vic_TypeOfExploitation"),
    PERPETRATOR: ("ll_CaseId", "ll_PersonId"),
}

# Identifying HTCDS fields: never filled in a de-identified file (either direction).
IDENTIFYING = frozenset({
    "prs_Salutation", "prs_FirstName", "prs_MiddleName", "prs_SecondName", "prs_Birthdate",
    "prs_IdentityNumber", "prs_Title", "prs_Email", "prs_HomePhone", "prs_MobilePhone",
    "prs_MailingCity", "prs_MailingState", "prs_MailingStreet", "prs_MailingPostalCode",
    "prs_MailingLongitude", "prs_MailingLatitude", "cas_CaseOwner",
    "cas_ReferringPrimaryCaseWorker", "cas_ReferredPrimaryCaseWorker", "cco_CaseComment",
    "hte_Street", "hte_PostalCode", "hte_Longitude", "hte_Latitude", "hte_Description",
    "cas_ReasonForCaseClosure", "cas_IncomingReferralDetails", "cas_OutgoingReferralDetails",
})

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
ISO_639_PATTERN = re.compile(r"^[a-z]{2,3}$")
ISO_3166_PATTERN = re.compile(r"^[A-Z]{2}$")
NUMBER_PATTERN = re.compile(r"^-?\d+(\.\d+)?$")

# --- mapping (documentation and code share these tables) ---------------------------------

# LaborLens industry id -> ISIC rev. 4 section (vic_ForcedLabourIndustry value name).
INDUSTRY_TO_ISIC: Mapping[str, str] = {
    "farming_agriculture": "A_AgricultureForestryAndFishing",
    "logging": "A_AgricultureForestryAndFishing",
    "fishing": "A_AgricultureForestryAndFishing",
    "manufacturing": "C_Manufacturing",
    "textiles": "C_Manufacturing",
    "construction": "F_Construction",
    "retail": "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
    "traveling_sales_crews": "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
    "peddling_begging": "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
    "transportation": "H_TransportationAndStorage",
    "hospitality": "I_AccommodationAndFoodServiceActivities",
    "hotels": "I_AccommodationAndFoodServiceActivities",
    "restaurants_food_services": "I_AccommodationAndFoodServiceActivities",
    "tourism": "N_AdministrativeAndSupportServiceActivities",
    "janitorial_services": "N_AdministrativeAndSupportServiceActivities",
    "health_care": "Q_HumanHealthAndSocialWorkActivities",
    "fairs_carnivals": "R_ArtsEntertainmentAndRecreation",
    "recreation": "R_ArtsEntertainmentAndRecreation",
    "salon_services": "S_OtherServiceActivities",
    "massage_parlors": "S_OtherServiceActivities",
    "sexually_oriented_businesses": "S_OtherServiceActivities",
    "private_homes_domestic_work": "T_ActivitiesOfHouseholdsAsEmployers",
}
# On import, each ISIC section becomes one LaborLens industry; a section LaborLens has no
# industry for is kept as "isic:<value name>" so that it survives a round trip.
ISIC_TO_INDUSTRY: Mapping[str, str] = {
    "A_AgricultureForestryAndFishing": "farming_agriculture",
    "C_Manufacturing": "manufacturing",
    "F_Construction": "construction",
    "G_WholesaleAndRetailTradeRepairOfMotorVehicles": "retail",
    "H_TransportationAndStorage": "transportation",
    "I_AccommodationAndFoodServiceActivities": "hospitality",
    "N_AdministrativeAndSupportServiceActivities": "janitorial_services",
    "Q_HumanHealthAndSocialWorkActivities": "health_care",
    "R_ArtsEntertainmentAndRecreation": "recreation",
    "S_OtherServiceActivities": "salon_services",
    "T_ActivitiesOfHouseholdsAsEmployers": "private_homes_domestic_work",
}
ISIC_PREFIX = "isic:"

# LaborLens Case.exploitation -> vic_TypeOfExploitation values.
EXPLOITATION_TO_HTCDS: Mapping[str, tuple[str, ...]] = {
    "labor": ("ForcedLabour",),
    "sex": ("SexualExploitation",),
    "both": ("ForcedLabour", "SexualExploitation"),
}
CHILD_LABOUR = "ChildLabour"
LABOUR_TYPES = frozenset({"ForcedLabour", "ChildLabour", "Servitude", "ForcedBegging"})
SEX_TYPES = frozenset({"SexualExploitation"})

# Agency type (accounts/roles.json) -> vic_TraffickingStatusDecisionMakingOrg.
AGENCY_TO_DECIDER: Mapping[str, str] = {
    "local_police": "Police", "sheriff": "Police", "state_police": "Police", "federal_le": "Police",
    "prosecutor": "CourtOrProsecution", "victim_services": "NGO", "ngo": "NGO",
    "labor_agency": "NonPoliceGovernmentalOrganization",
    "code_enforcement": "NonPoliceGovernmentalOrganization",
    "health_department": "NonPoliceGovernmentalOrganization",
    "child_protection": "NonPoliceGovernmentalOrganization",
}

# Human-readable mapping, one row per column: (column, LaborLens source, rule).
MAPPING: tuple[tuple[str, str, str], ...] = (
    ("ll_RecordType", "-", "Case, Victim (Person role victim) or Perpetrator (Person role suspect)."),
    ("ll_CaseId", "Case (row order)", "C-1, C-2, ... in the order of the cases in this file; not the "
     "case number, so files cannot be linked to each other or to a case."),
    ("ll_PersonId", "Person.pseudonym", "The case pseudonym (V-1, S-2); never a name. Kept on import."),
    ("cas_Status", "Case.stage", "closed -> Closed; every other stage -> Active. Import: Closed "
     "closes the case (closed today), Active opens it at discovery; FollowUp/ClosedReferred "
     "are read as Active/Closed."),
    ("prs_PrimaryLanguage", "Person.languages[0]", "ISO 639 code as stored (en, es, mam...); "
     "'other' is not exported."),
    ("prs_SecondaryLanguage", "Person.languages[1]", "As above; further languages are not in HTCDS."),
    ("vic_TraffickingStatus", "Person.role = victim", "PossibleVictimOfTrafficking (LaborLens "
     "records potential victims). Import accepts Possible and Actual; NotAVictim is rejected."),
    ("vic_TraffickingStatusDecisionMakingOrg", "Person.recorded_by_agency.agency_type",
     "Police (law enforcement), CourtOrProsecution (prosecutor), NGO (victim services, NGO), "
     "NonPoliceGovernmentalOrganization (labour, code, health, child protection), else Other. "
     "Import: the importing agency records the person."),
    ("vic_TypeOfExploitation", "Case.exploitation, Person.is_minor", "labor -> ForcedLabour, sex -> "
     "SexualExploitation, both -> both; ChildLabour added for a minor in a labour case. Import: "
     "the union over the case's victims sets Case.exploitation; ChildLabour marks the person a minor."),
    ("vic_ForcedLabourIndustry", "Case.industry", "LaborLens industry -> ISIC rev. 4 section (table "
     "below), only when the exploitation includes labour. Import: section -> one industry; "
     "sections without one are kept as isic:<section>."),
    ("per_RoleInProcess", "-", "Not recorded in LaborLens: left empty, ignored on import."),
)


def mapping_table() -> str:
    """The mapping as a Markdown table (docs/HTCDS_MAPPING.md)."""
    lines = ["| Column | LaborLens source | Rule |", "|---|---|---|"]
    lines += [f"| `{column}` | {source} | {rule} |" for column, source, rule in MAPPING]
    lines += ["", "| LaborLens industry | vic_ForcedLabourIndustry |", "|---|---|"]
    lines += [f"| `{industry}` | `{isic}` |" for industry, isic in INDUSTRY_TO_ISIC.items()]
    return "\n".join(lines) + "\n"


# --- plain records (what the Django side hands over) ------------------------------------


@dataclass(frozen=True)
class PersonRecord:
    pseudonym: str
    languages: tuple[str, ...]
    is_minor: bool
    agency_type: str


@dataclass(frozen=True)
class CaseRecord:
    closed: bool
    exploitation: str
    industry: str
    victims: tuple[PersonRecord, ...]
    perpetrators: tuple[PersonRecord, ...]


def _languages(person: PersonRecord) -> dict[str, str]:
    codes = [code for code in person.languages if ISO_639_PATTERN.match(code)]
    return {"prs_PrimaryLanguage": codes[0] if codes else "",
            "prs_SecondaryLanguage": codes[1] if len(codes) > 1 else ""}


def industry_to_isic(industry: str) -> str:
    if industry.startswith(ISIC_PREFIX):
        return industry[len(ISIC_PREFIX):]
    return INDUSTRY_TO_ISIC.get(industry, "")


def to_rows(cases: Iterable[CaseRecord]) -> list[dict[str, str]]:
    """LaborLens records -> profile rows (every column present, empty when unknown)."""
    rows: list[dict[str, str]] = []
    for number, case in enumerate(cases, start=1):
        case_id = f"C-{number}"
        rows.append(_row(CASE, case_id, "", {"cas_Status": "Closed" if case.closed else "Active"}))
        types = EXPLOITATION_TO_HTCDS.get(case.exploitation, ())
        labour = "ForcedLabour" in types
        for victim in case.victims:
            kinds = [*types, CHILD_LABOUR] if victim.is_minor and labour else list(types)
            rows.append(_row(VICTIM, case_id, victim.pseudonym, {
                **_languages(victim),
                "vic_TraffickingStatus": "PossibleVictimOfTrafficking",
                "vic_TraffickingStatusDecisionMakingOrg": AGENCY_TO_DECIDER.get(victim.agency_type, "Other"),
                "vic_TypeOfExploitation": SEPARATOR.join(kinds),
                "vic_ForcedLabourIndustry": industry_to_isic(case.industry) if labour else "",
            }))
        for perpetrator in case.perpetrators:
            rows.append(_row(PERPETRATOR, case_id, perpetrator.pseudonym, _languages(perpetrator)))
    return rows


def _row(kind: str, case_id: str, person_id: str, values: Mapping[str, str]) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update({"ll_RecordType": kind, "ll_CaseId": case_id, "ll_PersonId": person_id})
    row.update(values)
    return row


# --- CSV and JSON -----------------------------------------------------------------------


def write_csv(rows: Iterable[Mapping[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return out.getvalue()


def write_json(rows: Iterable[Mapping[str, str]]) -> str:
    fields = load_fields()
    records = []
    for row in rows:
        record: dict[str, Any] = {}
        for column in COLUMNS:
            value = row.get(column, "")
            if not value:
                continue
            field = fields.get(column)
            record[column] = value.split(SEPARATOR) if field and field.field_type == MULTISELECT else value
        records.append(record)
    document = {"standard": STANDARD, "profile": PROFILE, "citation": CITATION, "licence": LICENCE,
                "records": records}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Problem:
    row: int      # 1 = the first record (CSV: the line after the header); 0 = the whole file
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return f"{where}, {self.field or '-'}: {self.reason}"


class FileError(ValueError):
    """Not an HTCDS file at all (unreadable, no header, not JSON)."""


def read_csv(text: str) -> tuple[list[dict[str, str]], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise FileError("The file is empty or has no header row.")
    problems = _header_problems(reader.fieldnames)
    rows: list[dict[str, str]] = []
    for raw in reader:
        if None in raw:
            problems.append(Problem(len(rows) + 1, "", "More values than columns."))
        rows.append({str(k).strip(): (v or "").strip() for k, v in raw.items() if k is not None})
    return rows, problems


def read_json(text: str) -> tuple[list[dict[str, str]], list[Problem]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileError(f"Not JSON: {error.msg} (line {error.lineno}).") from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise FileError('Expected an object with a "records" list.')
    names: set[str] = set()
    rows: list[dict[str, str]] = []
    problems: list[Problem] = []
    for number, record in enumerate(document["records"], start=1):
        row: dict[str, str] = {}
        if not isinstance(record, dict):
            problems.append(Problem(number, "", "A record must be an object."))
            rows.append(row)
            continue
        for key, value in record.items():
            names.add(str(key))
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                row[str(key)] = SEPARATOR.join(item.strip() for item in value)
            elif isinstance(value, str):
                row[str(key)] = value.strip()
            elif isinstance(value, bool):
                row[str(key)] = "true" if value else "false"
            elif isinstance(value, int | float):
                row[str(key)] = str(value)
            else:
                problems.append(Problem(number, str(key), "Must be text, a number or a list of text."))
        rows.append(row)
    problems[:0] = _header_problems(sorted(names))
    return rows, problems


def _header_problems(names: Iterable[str]) -> list[Problem]:
    fields = load_fields()
    return [Problem(0, name, "Not an HTCDS 2.0 field or a profile column.")
            for name in names if name and name.strip() not in fields and name.strip() not in KEYS]


def parse(text: str, fmt: str) -> tuple[list[dict[str, str]], list[Problem]]:
    if fmt == "csv":
        return read_csv(text)
    if fmt == "json":
        return read_json(text)
    raise ValueError(f"unknown format {fmt!r}")


# --- validation -------------------------------------------------------------------------


def validate(rows: list[dict[str, str]]) -> list[Problem]:
    """Every problem in every row: required fields, picklist values, formats, identifying
    fields, record types and references. An empty list means the file is valid."""
    fields = load_fields()
    problems: list[Problem] = []
    case_ids: set[str] = set()
    people: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=1):
        kind = row.get("ll_RecordType", "")
        if kind not in RECORD_TYPES:
            problems.append(Problem(number, "ll_RecordType", f"Must be one of {', '.join(RECORD_TYPES)}."))
            continue
        for column in REQUIRED[kind]:
            if not row.get(column):
                problems.append(Problem(number, column, f"Required for a {kind} record."))
        for column, value in row.items():
            if not value or column == "ll_RecordType":
                continue
            problems += [Problem(number, column, reason) for reason in _value_problems(kind, column, value, fields)]
        case_id, person_id = row.get("ll_CaseId", ""), row.get("ll_PersonId", "")
        if kind == CASE:
            if case_id in case_ids:
                problems.append(Problem(number, "ll_CaseId", "Another Case record has this id."))
            case_ids.add(case_id)
        elif case_id and person_id:
            if case_id not in case_ids:
                problems.append(Problem(number, "ll_CaseId", "No Case record with this id before this row."))
            if (case_id, person_id) in people:
                problems.append(Problem(number, "ll_PersonId", "Another person on this case has this id."))
            people.add((case_id, person_id))
    return problems


def _value_problems(kind: str, column: str, value: str, fields: Mapping[str, Any]) -> list[str]:
    if column in ("ll_CaseId", "ll_PersonId"):
        if column == "ll_PersonId" and kind == CASE:
            return ["A Case record has no person id."]
        return [] if ID_PATTERN.match(value) else ["Letters, digits, - and _ only (at most 40)."]
    if column in IDENTIFYING:
        return ["Identifying field: this de-identified profile never fills it."]
    if not column.startswith(ALLOWED_PREFIXES[kind]):
        return [f"Not a field of a {kind} record."]
    field = fields.get(column)
    if field is None:
        return ["Not an HTCDS 2.0 field."]
    values = value.split(SEPARATOR) if field.multiple else [value]
    problems = []
    if not field.multiple and SEPARATOR in value and field.values:
        return ["Takes one value only."]
    for item in (v.strip() for v in values):
        if field.values and item not in field.values:
            problems.append(f"{item!r} is not a value of {column}.")
        elif field.code_list == ISO_639 and not ISO_639_PATTERN.match(item):
            problems.append(f"{item!r} is not an ISO 639 language code.")
        elif field.code_list == ISO_3166 and not ISO_3166_PATTERN.match(item):
            problems.append(f"{item!r} is not an ISO 3166 two-letter country code.")
        elif field.field_type == "Date" and not _is_date(item):
            problems.append(f"{item!r} is not a date (YYYY-MM-DD).")
        elif field.field_type in ("Number", "Geolocation") and not NUMBER_PATTERN.match(item):
            problems.append(f"{item!r} is not a number.")
        elif field.field_type == "Checkbox" and item not in ("true", "false"):
            problems.append(f"{item!r} must be true or false.")
    if len(set(values)) != len(values):
        problems.append("A value is repeated.")
    return problems


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def rejected_rows(rows: list[dict[str, str]], problems: list[Problem]) -> dict[int, list[Problem]]:
    """Problems by row; a problem with a row's case (its Case record rejected) rejects the row."""
    by_row: dict[int, list[Problem]] = {}
    for problem in problems:
        if problem.row:
            by_row.setdefault(problem.row, []).append(problem)
    bad_cases = {rows[n - 1].get("ll_CaseId") for n in by_row if rows[n - 1].get("ll_RecordType") == CASE}
    for number, row in enumerate(rows, start=1):
        if number not in by_row and row.get("ll_RecordType") != CASE and row.get("ll_CaseId") in bad_cases:
            by_row[number] = [Problem(number, "ll_CaseId", "Its Case record was rejected.")]
    return by_row


# --- import: profile rows -> LaborLens values -------------------------------------------


def exploitation_from(types: Iterable[str]) -> str:
    found = set(types)
    labour, sex = bool(found & LABOUR_TYPES), bool(found & SEX_TYPES)
    if labour and sex:
        return "both"
    return "sex" if sex else "labor"


def industry_from(isic: str) -> str:
    if not isic:
        return ""
    return ISIC_TO_INDUSTRY.get(isic, ISIC_PREFIX + isic)


def languages_from(row: Mapping[str, str]) -> list[str]:
    return [code for code in (row.get("prs_PrimaryLanguage", ""), row.get("prs_SecondaryLanguage", "")) if code]


def split(value: str) -> list[str]:
    return [item.strip() for item in value.split(SEPARATOR) if item.strip()]
