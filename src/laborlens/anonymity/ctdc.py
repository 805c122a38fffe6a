"""Loader for CTDC-format victim data (Counter Trafficking Data Collaborative, IOM).

Reads the CTDC labour subset layout (one row per victim and control category) into a
typed pyarrow table, validating every row against the variables and value sets of the
CTDC data dictionary (2017). Unreadable rows are skipped, counted and reported, never
silently kept.

Value sets marked "dictionary" are copied from ctdc_data_dictionary_2017.xlsx (sheet
Lookups); tests/anonymity/test_ctdc.py re-reads the workbook and checks they still agree.
Columns marked "derived" are groupings made by the third party that built the subset
from the dictionary's flag variables (meansOfControl*, typeOfLabour*, is*Exploit,
recruiterRelation*); their value sets are the groupings seen in that subset.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

# --- value sets -----------------------------------------------------------------------

# dictionary: Lookups / Country (ISO 3166-1 alpha-2 plus the CTDC's own codes: 00 =
# unknown country, Y2, ZR, AN kept because the dictionary lists them).
COUNTRY_CODES: frozenset[str] = frozenset(
    """00 AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN
    BO BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CX CY CZ DE DJ DK
    DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GH GI GL GM GN GP GQ GR
    GS GT GU GW GY HK HM HN HR HT HU ID IE IL IN IO IQ IR IS IT JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
    PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST
    SV SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG
    VI VN VU WF WS Y2 YE YT ZA ZM ZR ZW SS CW""".split()
)
UNKNOWN_COUNTRY = "00"
# The subset writes the unknown country as "0"; the dictionary's code is "00".
_COUNTRY_ALIASES = {"0": UNKNOWN_COUNTRY, "-99": UNKNOWN_COUNTRY, "": UNKNOWN_COUNTRY}

# dictionary: Lookups / Datasource (the subset capitalises "Case Management").
DATASOURCES: frozenset[str] = frozenset({"Case Management", "Hotline"})
# dictionary: Lookups / Age range 2, written "Age 9-17" in the subset ("9--17" there).
AGE_RANGE_2: tuple[str, ...] = (
    "0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+",
)
AGE_CATEGORIES: tuple[str, ...] = tuple(
    "Age " + code.replace("--", "-") for code in AGE_RANGE_2
)
# dictionary: gender has no lookup ("Data collection begins 2017"); values seen in CTDC.
GENDERS: frozenset[str] = frozenset({"Female", "Male", "Transgender/NonConforming", "Unknown"})
# dictionary: Bool variables take "0", "1" or "-99" (unknown).
TRI_STATE: frozenset[str] = frozenset({"0", "1", "-99"})
# derived value sets (see module docstring).
CONTROL_CATEGORIES: frozenset[str] = frozenset(
    {"Financial", "Physical", "Threats", "Survival", "Other", "Not Specified"}
)
RECRUITER_CATEGORIES: frozenset[str] = frozenset(
    {"Intimate Partner", "Friend/Acquaintance", "Family/Relative", "Other", "Not Specified"}
)
EXPLOIT_TYPES: frozenset[str] = frozenset(
    {
        "Forced Labor", "Sexual Exploitation", "Forced Marriage", "Forced Military",
        "Organ Removal", "Other", "Unknown",
    }
)
LABOUR_TYPES: frozenset[str] = frozenset(
    {
        "Agriculture", "Aquafarming", "Begging", "Construction", "Domestic Work",
        "Hospitality", "Illicit Activities", "Manufacturing", "Mining or Drilling",
        "Peddling", "Transportation", "Other", "Not Specified", "Unknown",
    }
)

YEAR_MIN, YEAR_MAX = 1990, 2100

# Column name -> value set; yearOfRegistration is checked as a number instead.
VALUE_SETS: Mapping[str, frozenset[str]] = {
    "Datasource": DATASOURCES,
    "gender": GENDERS,
    "citizenship": COUNTRY_CODES,
    "isForcedLabour": TRI_STATE,
    "ControlCategory": CONTROL_CATEGORIES,
    "RecruiterCategory": RECRUITER_CATEGORIES,
    "ExploitType": EXPLOIT_TYPES,
    "Labor_Type": LABOUR_TYPES,
    "ageCategories": frozenset(AGE_CATEGORIES),
}
COLUMNS: tuple[str, ...] = (
    "yearOfRegistration", "Datasource", "gender", "citizenship", "isForcedLabour",
    "ControlCategory", "RecruiterCategory", "ExploitType", "Labor_Type", "ageCategories",
)
# Rows per victim in the subset: one per control category, so at most this many rows
# belong to one person. DP sensitivity must use it (see dp.DpTableSpec.max_contributions).
MAX_ROWS_PER_VICTIM = 5

SCHEMA = pa.schema(
    [
        pa.field("yearOfRegistration", pa.int16(), nullable=False),
        *[pa.field(name, pa.string(), nullable=False) for name in COLUMNS[1:4]],
        pa.field("isForcedLabour", pa.int8(), nullable=False),
        *[pa.field(name, pa.string(), nullable=False) for name in COLUMNS[5:]],
    ]
)

# --- citizenship regions (UN M49 continental regions), used by hierarchies and tables ---

_REGION_MEMBERS: Mapping[str, str] = {
    "Africa": """AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO
        KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD
        TF TG TN TZ UG YT ZA ZM ZR ZW""",
    "Americas": """AG AI AN AR AW BB BM BO BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GF
        GL GP GS GT GY HN HT JM KN KY LC MQ MS MX NI PA PE PM PR PY SR SV TC TT US UY VC
        VE VG VI""",
    "Asia": """AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ
        LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE""",
    "Europe": """AD AL AT BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IS IT
        LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA""",
    "Oceania": """AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO
        TV UM VU WF WS""",
}
COUNTRY_TO_REGION: Mapping[str, str] = {
    code: region for region, members in _REGION_MEMBERS.items() for code in members.split()
}
UNKNOWN_REGION = "Unknown"
REGIONS: tuple[str, ...] = (*sorted(_REGION_MEMBERS), "Other", UNKNOWN_REGION)


def region_of(country: str) -> str:
    """UN M49 continental region of an ISO-2 code; unknown codes are not guessed."""
    if country == UNKNOWN_COUNTRY:
        return UNKNOWN_REGION
    return COUNTRY_TO_REGION.get(country, "Other")


# --- generalisation hierarchies for k-anonymity (declared as data, see kanon.Hierarchy) --

# Age range 2 -> wider bands -> the dictionary's "Age category" (Minor/Adult) -> *.
_AGE_WIDE = {
    "Age 0-8": "Age 0-17", "Age 9-17": "Age 0-17",
    "Age 18-20": "Age 18-29", "Age 21-23": "Age 18-29", "Age 24-26": "Age 18-29",
    "Age 27-29": "Age 18-29", "Age 30-38": "Age 30-47", "Age 39-47": "Age 30-47",
    "Age 48+": "Age 48+",
}
_AGE_MAJORITY = {
    "Age 0-17": "Minor", "Age 18-29": "Adult", "Age 30-47": "Adult", "Age 48+": "Adult",
}

CTDC_HIERARCHIES: Mapping[str, list[dict[str, object]]] = {
    "ageCategories": [
        {"type": "map", "map": _AGE_WIDE, "default": "Unknown"},
        {"type": "map", "map": _AGE_MAJORITY, "default": "Unknown"},
        {"type": "suppress"},
    ],
    "citizenship": [
        {"type": "map", "map": {c: region_of(c) for c in COUNTRY_CODES}, "default": "Other"},
        {"type": "suppress"},
    ],
    "yearOfRegistration": [
        {"type": "interval", "width": 2, "origin": 2000},
        {"type": "interval", "width": 4, "origin": 2000},
        {"type": "suppress"},
    ],
    "gender": [{"type": "suppress"}],
    "Datasource": [{"type": "suppress"}],
    "isForcedLabour": [{"type": "suppress"}],
    "ExploitType": [
        {"type": "map", "map": {"Forced Labor": "Forced Labor"}, "default": "Other"},
        {"type": "suppress"},
    ],
    "Labor_Type": [
        {
            "type": "map",
            "map": {"Unknown": "Unknown", "Not Specified": "Unknown"},
            "default": "Specified",
        },
        {"type": "suppress"},
    ],
}

# --- loading ----------------------------------------------------------------------------


class CtdcFormatError(ValueError):
    """The file is not in CTDC subset layout at all (e.g. required columns missing)."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str


@dataclass
class CtdcLoadResult:
    table: pa.Table
    rows_read: int
    rows_skipped: int
    problems: list[RowProblem] = field(default_factory=list)  # first MAX_PROBLEMS only

    @property
    def rows_loaded(self) -> int:
        return self.table.num_rows


MAX_PROBLEMS = 100


def load_ctdc(path: str | Path) -> CtdcLoadResult:
    """Load a CTDC subset CSV into a typed table, skipping and reporting invalid rows."""
    columns: dict[str, list[object]] = {name: [] for name in COLUMNS}
    problems: list[RowProblem] = []
    rows_read = skipped = 0
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = _read_header(reader)
        for line, raw in _numbered(reader):
            rows_read += 1
            parsed = parse_row(header, raw)
            if isinstance(parsed, str):
                skipped += 1
                if len(problems) < MAX_PROBLEMS:
                    problems.append(RowProblem(line, parsed))
                continue
            for name in COLUMNS:
                columns[name].append(parsed[name])
    table = pa.Table.from_pydict(columns, schema=SCHEMA)
    return CtdcLoadResult(table, rows_read, skipped, problems)


def is_ctdc_header(header: list[str]) -> bool:
    return set(COLUMNS) <= {name.strip() for name in header}


def _read_header(reader: Iterator[list[str]]) -> list[str]:
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise CtdcFormatError("empty file: no CTDC header row") from None
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise CtdcFormatError(f"not a CTDC subset file: missing columns {', '.join(missing)}")
    return header


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    # Line 1 is the header; blank lines are not rows.
    for line, raw in enumerate(reader, start=2):
        if raw:
            yield line, raw


_YEAR_RE = re.compile(r"^\d{4}$")


def parse_row(header: list[str], raw: list[str]) -> dict[str, object] | str:
    """Validate one CSV row; returns typed values or a reason string for skipping it."""
    if len(raw) != len(header):
        return f"expected {len(header)} fields, found {len(raw)}"
    values = {name: value.strip() for name, value in zip(header, raw, strict=True)}
    values["citizenship"] = _COUNTRY_ALIASES.get(values["citizenship"], values["citizenship"])
    year = values["yearOfRegistration"]
    if not _YEAR_RE.match(year) or not YEAR_MIN <= int(year) <= YEAR_MAX:
        return f"yearOfRegistration {year!r} is not a year (YYYY)"
    for name, allowed in VALUE_SETS.items():
        if values[name] not in allowed:
            return f"{name} {values[name]!r} is not in the CTDC value set"
    typed: dict[str, object] = {name: values[name] for name in COLUMNS}
    typed["yearOfRegistration"] = int(year)
    typed["isForcedLabour"] = int(values["isForcedLabour"])
    return typed


def with_citizenship_region(table: pa.Table, name: str = "citizenshipRegion") -> pa.Table:
    """Add the UN M49 region of citizenship as a column (coarser and safer to tabulate)."""
    regions = [region_of(code) for code in table.column("citizenship").to_pylist()]
    return table.append_column(name, pa.array(regions, pa.string()))


def declared_domain(column: str) -> tuple[str, ...] | None:
    """Full value set of a CTDC column as strings, for pure-DP tables over every cell."""
    if column == "citizenshipRegion":
        return REGIONS
    if column == "ageCategories":
        return AGE_CATEGORIES
    if column in VALUE_SETS:
        return tuple(sorted(VALUE_SETS[column]))
    return None


def year_domain(first: int, last: int) -> tuple[str, ...]:
    """Years as strings; the range is a public parameter of a release, not read from data."""
    return tuple(str(year) for year in range(first, last + 1))
