"""States and counties: names, abbreviations and FIPS codes, and the vendored boundaries.

Pure (no Django). The DOL files name a state by abbreviation ("TX", H-2A) or in full
("TEXAS", H-2B) and a county by name ("Matagorda", "BROWARD"); the FBI UCR file lists
one or more county names per agency ("PARKER; DENTON; TARRANT"). Everything is resolved to
five-digit county FIPS codes through the county names in the vendored Census boundary
file (``data/boundaries.json``, see ``data/BOUNDARIES.md``).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

BOUNDARIES_FILE = Path(__file__).resolve().parent / "data" / "boundaries.json"

# (FIPS, postal abbreviation, name): the states, DC and the territories in the Census files.
STATES: tuple[tuple[str, str, str], ...] = (
    ("01", "AL", "Alabama"), ("02", "AK", "Alaska"), ("04", "AZ", "Arizona"), ("05", "AR", "Arkansas"),
    ("06", "CA", "California"), ("08", "CO", "Colorado"), ("09", "CT", "Connecticut"),
    ("10", "DE", "Delaware"), ("11", "DC", "District of Columbia"), ("12", "FL", "Florida"),
    ("13", "GA", "Georgia"), ("15", "HI", "Hawaii"), ("16", "ID", "Idaho"), ("17", "IL", "Illinois"),
    ("18", "IN", "Indiana"), ("19", "IA", "Iowa"), ("20", "KS", "Kansas"), ("21", "KY", "Kentucky"),
    ("22", "LA", "Louisiana"), ("23", "ME", "Maine"), ("24", "MD", "Maryland"),
    ("25", "MA", "Massachusetts"), ("26", "MI", "Michigan"), ("27", "MN", "Minnesota"),
    ("28", "MS", "Mississippi"), ("29", "MO", "Missouri"), ("30", "MT", "Montana"),
    ("31", "NE", "Nebraska"), ("32", "NV", "Nevada"), ("33", "NH", "New Hampshire"),
    ("34", "NJ", "New Jersey"), ("35", "NM", "New Mexico"), ("36", "NY", "New York"),
    ("37", "NC", "North Carolina"), ("38", "ND", "North Dakota"), ("39", "OH", "Ohio"),
    ("40", "OK", "Oklahoma"), ("41", "OR", "Oregon"), ("42", "PA", "Pennsylvania"),
    ("44", "RI", "Rhode Island"), ("45", "SC", "South Carolina"), ("46", "SD", "South Dakota"),
    ("47", "TN", "Tennessee"), ("48", "TX", "Texas"), ("49", "UT", "Utah"), ("50", "VT", "Vermont"),
    ("51", "VA", "Virginia"), ("53", "WA", "Washington"), ("54", "WV", "West Virginia"),
    ("55", "WI", "Wisconsin"), ("56", "WY", "Wyoming"), ("60", "AS", "American Samoa"),
    ("66", "GU", "Guam"), ("69", "MP", "Northern Mariana Islands"), ("72", "PR", "Puerto Rico"),
    ("78", "VI", "U.S. Virgin Islands"),
)
STATE_NAMES = {abbr: name for _, abbr, name in STATES}
STATE_FIPS = {abbr: fips for fips, abbr, _ in STATES}
ABBR_BY_FIPS = {fips: abbr for fips, abbr, _ in STATES}
_STATE_LOOKUP = {**{abbr.casefold(): abbr for _, abbr, _ in STATES},
                 **{name.casefold(): abbr for _, abbr, name in STATES},
                 "commonwealth of the northern mariana islands": "MP",
                 "united states virgin islands": "VI", "virgin islands": "VI",
                 # The FBI's UCR/NIBRS state code for Nebraska.
                 "nb": "NE"}
COUNTY_SUFFIXES = re.compile(
    r"\b(county|parish|borough|census area|city and borough|municipality|municipio)\b")
SAINT = re.compile(r"\b(saint|ste?)\b\.?")


def state_abbr(text: object) -> str:
    """'TX', 'Texas', 'TEXAS' -> 'TX'; '' when not a state."""
    return _STATE_LOOKUP.get(str(text or "").strip().casefold(), "")


def county_key(text: str) -> str:
    """'St. Mary's Parish' == 'SAINT MARYS' == 'st marys': the key used to match county names."""
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    folded = folded.replace("'", "").replace(".", " ")
    folded = SAINT.sub("saint", folded)
    folded = COUNTY_SUFFIXES.sub(" ", folded)
    return " ".join(re.findall(r"[a-z0-9]+", folded))


@dataclass(frozen=True)
class StateMap:
    fips: str
    abbr: str
    name: str
    width: int
    height: int
    outline: str
    counties: dict[str, tuple[str, str]]  # FIPS -> (name, SVG path data)


@functools.cache
def _boundaries() -> dict:
    return json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))


def boundaries_version() -> str:
    return str(_boundaries().get("version", ""))


def state_map(abbr: str) -> StateMap | None:
    fips = STATE_FIPS.get(abbr)
    data = _boundaries()["states"].get(fips or "")
    if data is None:
        return None
    counties = {code: (name, path) for code, (name, path) in data["counties"].items()}
    return StateMap(fips or "", abbr, STATE_NAMES[abbr], data["width"], data["height"], data["outline"], counties)


def counties_of(abbr: str) -> dict[str, str]:
    """FIPS -> county name for one state (empty when the state has no boundaries)."""
    found = state_map(abbr)
    return {code: name for code, (name, _) in found.counties.items()} if found else {}


@functools.cache
def _county_index(abbr: str) -> dict[str, str]:
    return {county_key(name): code for code, name in counties_of(abbr).items()}


def county_fips(abbr: str, county_name: str) -> str:
    """The county FIPS for a name in a state, '' when it does not resolve."""
    if not abbr or not county_name:
        return ""
    index = _county_index(abbr)
    # "BARNSTABLE (FALMOUTH)": the town in brackets; "Hancock, Knox & Waldo": the first one.
    name = re.split(r"[(,&;/]", county_name, maxsplit=1)[0]
    key = county_key(name)
    if not key:
        return ""
    if key in index:
        return index[key]
    # Independent cities in Virginia and elsewhere: "Richmond city" vs "Richmond".
    found = index.get(f"{key} city", "") or index.get(key.removesuffix(" city"), "")
    if found:
        return found
    compact = _compact_index(abbr)
    if key.replace(" ", "") in compact:  # "LaSalle" vs "La Salle", "De Kalb" vs "DeKalb"
        return compact[key.replace(" ", "")]
    words = key.split()
    for length in range(len(words) - 1, 0, -1):  # "Pittsylvania See", "Washington Unorganized"
        found = index.get(" ".join(words[:length]), "")
        if found:
            return found
    return ""


@functools.cache
def _compact_index(abbr: str) -> dict[str, str]:
    return {key.replace(" ", ""): code for key, code in _county_index(abbr).items()}


def split_counties(text: str) -> list[str]:
    """UCR lists the counties an agency serves separated by semicolons."""
    return [part.strip() for part in re.split(r"[;/]", text or "") if part.strip()]
