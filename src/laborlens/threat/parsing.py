"""Reading the public files: header aliases and row parsing (pure; no Django).

The DOL OFLC disclosure files rename columns between programmes and fiscal years
(``CASE_NO`` / ``CASE_NUMBER``, ``NBR_WORKERS_CERTIFIED`` /
``TOTAL_WORKERS_H-2A_CERTIFIED``, ``ALIEN_WORK_STATE`` / ``WORKSITE_STATE`` ...), so
columns are found by header name through the alias lists below, never by position. A row
that cannot be read raises ``RowError`` with a reason a person can act on; the importer
records it with the row number and goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from laborlens.matching.normalise import business_name
from laborlens.threat.geo import state_abbr


class HeaderError(ValueError):
    """The file is not in a format we know: required columns are missing."""


class RowError(ValueError):
    """One row cannot be read; the message says why."""


def header_key(text: object) -> str:
    """'PRIMARY/SUB' -> 'PRIMARY_SUB'; 'Entity Debarred' -> 'ENTITY_DEBARRED'."""
    return "_".join(re.findall(r"[A-Z0-9]+", str(text or "").upper()))


# field -> accepted header names (after header_key), most common first.
DOL_ALIASES: dict[str, tuple[str, ...]] = {
    "case_number": ("CASE_NUMBER", "CASE_NO", "CASE_ID"),
    "case_status": ("CASE_STATUS", "STATUS", "DETERMINATION"),
    "decision_date": ("DECISION_DATE", "CERTIFICATION_DECISION_DATE", "DETERMINATION_DATE"),
    "visa_class": ("VISA_CLASS", "VISA_TYPE", "PROGRAM"),
    "primary_sub": ("PRIMARY_SUB", "PRIMARY_SUB_APPLICATION", "TYPE_OF_EMPLOYER_APPLICATION"),
    "employer_name": ("EMPLOYER_NAME", "EMPLOYER_BUSINESS_NAME", "EMPLOYER_LEGAL_BUSINESS_NAME", "EMPLOYER"),
    "trade_name": ("TRADE_NAME_DBA", "EMPLOYER_TRADE_NAME_DBA", "TRADE_NAME", "DBA"),
    "employer_city": ("EMPLOYER_CITY",),
    "employer_state": ("EMPLOYER_STATE", "EMPLOYER_STATE_PROVINCE"),
    "naics": ("NAICS_CODE", "NAIC_CODE", "NAICS", "EMPLOYER_NAICS_CODE"),
    "job_title": ("JOB_TITLE", "SOC_TITLE"),
    "workers_requested": ("NBR_WORKERS_REQUESTED", "TOTAL_WORKERS_NEEDED", "TOTAL_WORKERS_REQUESTED",
                          "WORKERS_REQUESTED", "NBR_WORKERS_NEEDED", "TOTAL_WORKER_POSITIONS_REQUESTED"),
    "workers_certified": ("NBR_WORKERS_CERTIFIED", "TOTAL_WORKERS_H_2A_CERTIFIED",
                          "TOTAL_WORKERS_H_2B_CERTIFIED", "WORKERS_CERTIFIED", "TOTAL_WORKERS_CERTIFIED",
                          "NUMBER_OF_WORKERS_CERTIFIED"),
    "worksite_city": ("WORKSITE_CITY", "WORKSITE_LOCATION_CITY", "ALIEN_WORK_CITY", "WORKSITE_CITY_1"),
    "worksite_county": ("WORKSITE_COUNTY", "WORKSITE_LOCATION_COUNTY", "ALIEN_WORK_COUNTY", "WORKSITE_COUNTY_1"),
    "worksite_state": ("WORKSITE_STATE", "WORKSITE_LOCATION_STATE", "ALIEN_WORK_STATE", "WORKSITE_STATE_1"),
}
DOL_REQUIRED = ("case_number", "employer_name", "worksite_state", "workers_certified")

UCR_ALIASES: dict[str, tuple[str, ...]] = {
    "year": ("DATA_YEAR", "YEAR"),
    "ori": ("ORI", "AGENCY_ORI"),
    "agency_name": ("PUB_AGENCY_NAME", "AGENCY_NAME", "NAME"),
    "agency_type": ("AGENCY_TYPE_NAME", "AGENCY_TYPE"),
    "state": ("STATE_ABBR", "STATE", "STATE_NAME"),
    "county": ("COUNTY_NAME", "COUNTY", "COUNTIES"),
    "offence": ("OFFENSE_SUBCAT_NAME", "OFFENSE_SUBCATEGORY_NAME", "OFFENSE_SUBCAT", "OFFENSE"),
    "actual": ("ACTUAL_COUNT", "ACTUAL"),
    "unfounded": ("UNFOUNDED_COUNT", "UNFOUNDED"),
    "cleared": ("CLEARED_COUNT", "CLEARED"),
}
UCR_REQUIRED = ("year", "ori", "state", "offence", "actual")

DEBARMENT_ALIASES: dict[str, tuple[str, ...]] = {
    "programme": ("PROGRAM", "PROGRAMME", "VISA_PROGRAM"),
    "entity": ("ENTITY_DEBARRED", "ENTITY", "NAME", "EMPLOYER_NAME", "DEBARRED_ENTITY"),
    "city": ("CITY",),
    "state": ("STATE",),
    "start_date": ("START_DATE", "DEBARMENT_START_DATE", "START"),
    "end_date": ("END_DATE", "DEBARMENT_END_DATE", "END"),
}
DEBARMENT_REQUIRED = ("entity",)


def map_headers(headers: Sequence[object], aliases: dict[str, tuple[str, ...]],
                required: Iterable[str]) -> dict[str, int]:
    """field -> column index; HeaderError naming what is missing."""
    positions = {header_key(header): index for index, header in enumerate(headers) if header_key(header)}
    mapping = {}
    for field, names in aliases.items():
        for name in names:
            if name in positions:
                mapping[field] = positions[name]
                break
    missing = [field for field in required if field not in mapping]
    if missing:
        wanted = "; ".join(f"{field} (one of {', '.join(aliases[field])})" for field in missing)
        raise HeaderError(f"required columns not found: {wanted}")
    return mapping


def find_header_row(rows: Sequence[Sequence[object]], aliases: dict[str, tuple[str, ...]],
                    required: Iterable[str]) -> int:
    """Index of the header row among the first rows (some files start with a title)."""
    required = tuple(required)
    last_error: HeaderError | None = None
    for index, row in enumerate(rows):
        try:
            map_headers(row, aliases, required)
        except HeaderError as error:
            last_error = error
            continue
        return index
    raise last_error or HeaderError("the file is empty")


def text(value: object, limit: int = 300) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())[:limit]


def count(value: object, field: str, *, signed: bool = False) -> int:
    """A whole number, non-negative unless ``signed``; blank is 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        raise RowError(f"{field} is not a number: {value!r}")
    try:
        number = float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RowError(f"{field} is not a number: {text(value, 40)!r}") from None
    if (number < 0 and not signed) or not number.is_integer() or abs(number) > 1_000_000:
        raise RowError(f"{field} is not a plausible count: {text(value, 40)!r}")
    return int(number)


def date(value: object, field: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for pattern in ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d %H:%M:%S", "%d-%b-%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date()  # noqa: DTZ007 (only the date is kept)
        except ValueError:
            continue
    raise RowError(f"{field} is not a date: {text(raw, 40)!r}")


def fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(text(part).casefold() for part in parts).encode()).hexdigest()


def naics_code(value: object) -> str:
    raw = text(value, 20)
    digits = re.sub(r"\D", "", raw.split(".")[0]) if raw else ""
    return digits[:6]


def industry_for_naics(naics: str, industries: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The most specific catalogue industry whose NAICS prefix (or range 'a-b') covers ``naics``."""
    if not naics:
        return ""
    best, best_length = "", 0
    for industry_id, codes in industries:
        for code in codes:
            if "-" in code:
                low, high = code.split("-", 1)
                prefix = naics[: len(low)]
                if low <= prefix <= high and len(low) > best_length:
                    best, best_length = industry_id, len(low)
            elif naics.startswith(code) and len(code) > best_length:
                best, best_length = industry_id, len(code)
    return best


def is_certified(status: str) -> bool:
    folded = status.casefold()
    return "certif" in folded and not any(word in folded for word in ("denied", "withdrawn", "rejected"))


@dataclass(frozen=True)
class DolRow:
    case_number: str
    case_status: str
    certified: bool
    decision_date: dt.date | None
    primary_sub: str
    employer_name: str
    trade_name: str
    name_key: str
    employer_city: str
    employer_state: str
    naics: str
    job_title: str
    workers_requested: int
    workers_certified: int
    worksite_city: str
    worksite_county: str
    worksite_state: str
    fingerprint: str


def _get(values: Sequence[Any], mapping: dict[str, int], field: str) -> Any:
    index = mapping.get(field)
    return values[index] if index is not None and index < len(values) else None


def is_blank(values: Sequence[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def parse_dol_row(values: Sequence[Any], mapping: dict[str, int], programme: str) -> DolRow:
    case_number = text(_get(values, mapping, "case_number"), 40)
    if not case_number:
        raise RowError("no case number")
    employer = text(_get(values, mapping, "employer_name"))
    if not employer:
        raise RowError("no employer name")
    raw_state = text(_get(values, mapping, "worksite_state"), 40)
    if not raw_state:
        # No worksite state: the employer's state stands in (the row says where it files).
        raw_state = text(_get(values, mapping, "employer_state"), 40)
        if not raw_state:
            raise RowError("no worksite state and no employer state")
    worksite_state = state_abbr(raw_state)
    if not worksite_state:
        raise RowError(f"worksite state {raw_state!r} is not a U.S. state or territory")
    status = text(_get(values, mapping, "case_status"), 100)
    trade_name = text(_get(values, mapping, "trade_name"))
    if trade_name.casefold() in {"n/a", "na", "none"}:
        trade_name = ""
    workers_certified = count(_get(values, mapping, "workers_certified"), "workers certified")
    workers_requested = count(_get(values, mapping, "workers_requested"), "workers requested")
    worksite_city = text(_get(values, mapping, "worksite_city"), 100)
    worksite_county = text(_get(values, mapping, "worksite_county"), 100)
    job_title = text(_get(values, mapping, "job_title"), 200)
    name_key = business_name(employer.replace(" DBA ", " ").replace(" dba ", " "))[:300]
    return DolRow(
        case_number=case_number,
        case_status=status,
        certified=is_certified(status) if status else workers_certified > 0,
        decision_date=date(_get(values, mapping, "decision_date"), "decision date"),
        primary_sub=text(_get(values, mapping, "primary_sub"), 4).upper(),
        employer_name=employer,
        trade_name=trade_name,
        name_key=name_key,
        employer_city=text(_get(values, mapping, "employer_city"), 100),
        employer_state=state_abbr(_get(values, mapping, "employer_state")),
        naics=naics_code(_get(values, mapping, "naics")),
        job_title=job_title,
        workers_requested=workers_requested,
        workers_certified=workers_certified,
        worksite_city=worksite_city,
        worksite_county=worksite_county,
        worksite_state=worksite_state,
        fingerprint=fingerprint(programme, case_number, name_key, worksite_state, worksite_county,
                                worksite_city, workers_certified, job_title),
    )


@dataclass(frozen=True)
class UcrRow:
    year: int
    ori: str
    agency_name: str
    agency_type: str
    state: str
    county_names: str
    offence: str
    actual: int
    unfounded: int
    cleared: int
    fingerprint: str


def offence_id(name: str) -> str:
    folded = name.casefold()
    if "servitude" in folded:
        return "involuntary_servitude"
    if "commercial sex" in folded:
        return "commercial_sex"
    return ""


def parse_ucr_row(values: Sequence[Any], mapping: dict[str, int]) -> UcrRow:
    raw_year = _get(values, mapping, "year")
    year = count(raw_year, "year")
    if not 1990 <= year <= 2100:
        raise RowError(f"year is not plausible: {text(raw_year, 10)!r}")
    ori = text(_get(values, mapping, "ori"), 12).upper()
    if not re.fullmatch(r"[A-Z0-9]{7,9}", ori):
        raise RowError(f"ORI is not an agency identifier: {ori[:20]!r}")
    state = state_abbr(_get(values, mapping, "state"))
    if not state:
        raise RowError(f"state {text(_get(values, mapping, 'state'), 40)!r} is not a U.S. state")
    raw_offence = text(_get(values, mapping, "offence"), 100)
    offence = offence_id(raw_offence)
    if not offence:
        raise RowError(f"offence {raw_offence[:40]!r} is neither commercial sex acts nor involuntary servitude")
    return UcrRow(
        year=year, ori=ori, agency_name=text(_get(values, mapping, "agency_name"), 200) or ori,
        agency_type=text(_get(values, mapping, "agency_type"), 60), state=state,
        county_names=text(_get(values, mapping, "county"), 300), offence=offence,
        # UCR summary counts may be negative: a month's report can correct an earlier one.
        actual=count(_get(values, mapping, "actual"), "actual count", signed=True),
        unfounded=count(_get(values, mapping, "unfounded"), "unfounded count", signed=True),
        cleared=count(_get(values, mapping, "cleared"), "cleared count", signed=True),
        # Several rows per agency, year and offence are normal (one per month reported); the
        # importer adds the row's occurrence number so that re-reading a file matches them up.
        fingerprint=fingerprint(year, ori, offence, *(_get(values, mapping, f) for f in ("actual", "unfounded", "cleared"))),
    )


@dataclass(frozen=True)
class DebarmentRow:
    programme: str
    entity: str
    name_key: str
    city: str
    state: str
    start_date: dt.date | None
    end_date: dt.date | None
    fingerprint: str


def parse_debarment_row(values: Sequence[Any], mapping: dict[str, int]) -> DebarmentRow:
    entity = text(_get(values, mapping, "entity"))
    if not entity:
        raise RowError("no debarred entity name")
    name_key = business_name(entity)[:300]
    if not name_key:
        raise RowError(f"entity name {entity[:40]!r} has no letters or digits")
    raw_state = text(_get(values, mapping, "state"), 40)
    state = state_abbr(raw_state)
    city = text(_get(values, mapping, "city"), 100)
    if raw_state and not state:
        # Employers abroad ("Alberta, Canada") are debarred too: kept, matched by name only.
        city = ", ".join(part for part in (city, raw_state) if part)[:100]
    start = date(_get(values, mapping, "start_date"), "start date")
    end = date(_get(values, mapping, "end_date"), "end date")
    if start and end and end < start:
        raise RowError(f"end date {end.isoformat()} is before start date {start.isoformat()}")
    programme = text(_get(values, mapping, "programme"), 20)
    return DebarmentRow(programme=programme, entity=entity, name_key=name_key,
                        city=city, state=state, start_date=start,
                        end_date=end, fingerprint=fingerprint(programme, name_key, state, start))
