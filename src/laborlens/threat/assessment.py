"""Build the threat assessment of an area (a state and, optionally, some of its counties).

Public reference data (DOL certifications, debarments, FBI UCR counts) is read as is; tips
and cases are read only through ``restrict(user, "view")`` and only as counts by industry
and county, never names, so the page shows nothing of a record the user could not open.
Scoring is done by the pure ``scoring`` module with the weights in ``data/scoring.json``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Max, Min, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from laborlens.cases.models import Case
from laborlens.catalogue.industries import industries, industry_label
from laborlens.core.victim_i18n import ui_lang
from laborlens.threat import geo, scoring
from laborlens.threat.models import AreaProfile, CertifiedEmployer, Debarment, UcrCount
from laborlens.tips.models import Tip

if TYPE_CHECKING:
    from laborlens.accounts.models import User

EMPLOYERS_SHOWN = 20
UNPLACED = ""


@dataclass
class Area:
    state: str
    counties: list[str]
    place_names: dict[str, str] = field(default_factory=dict)
    source: str = ""  # "agency", "task_force" or "" (picked on the page)

    @property
    def state_name(self) -> str:
        return geo.STATE_NAMES.get(self.state, self.state)


def default_area(user: User) -> Area | None:
    """The user's agency's area, else that of a task force the agency belongs to."""
    profile = AreaProfile.objects.filter(agency_id=user.agency_id).first()
    source = "agency"
    if profile is None:
        profile = (AreaProfile.objects.filter(task_force__agencies=user.agency_id)
                   .order_by("task_force__name").first())
        source = "task_force"
    if profile is None:
        return None
    return Area(profile.state, list(profile.counties), dict(profile.place_names), source)


def place_names_for(user: User) -> dict[str, str]:
    names: dict[str, str] = {}
    for profile in AreaProfile.objects.filter(Q(agency_id=user.agency_id) | Q(task_force__agencies=user.agency_id)):
        names.update({geo.county_key(name): fips for name, fips in profile.place_names.items()})
    return names


class PlaceResolver:
    """Local place names -> county FIPS: the area's own names, county names, DOL worksite cities."""

    def __init__(self, state: str, place_names: dict[str, str]) -> None:
        self.state = state
        self.names = {geo.county_key(name): fips for name, fips in place_names.items()}
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        rows = (CertifiedEmployer.objects.filter(worksite_state=state).exclude(county_fips="")
                .values_list("worksite_city", "county_fips"))
        for city, fips in rows.iterator():
            votes[geo.county_key(city)][fips] += 1
        self.cities = {city: counter.most_common(1)[0][0] for city, counter in votes.items()}

    def county(self, text: str) -> str:
        key = geo.county_key(text.removeprefix("City of ").removeprefix("city of "))
        if not key:
            return UNPLACED
        if key in self.names:
            return self.names[key]
        return geo.county_fips(self.state, key) or self.cities.get(key, UNPLACED)


@dataclass
class Assessment:
    area: Area
    counties: dict[str, str]
    weights: scoring.Weights
    industries: list[dict]
    employers: list[dict]
    debarred: list[dict]
    agencies: list[dict]
    intake: list[dict]
    intake_unplaced: dict[str, int]
    places: list[scoring.Ranked]
    employer_ranks: list[scoring.Ranked]
    totals: dict[str, int]

    def county_name(self, fips: str) -> str:
        return self.counties.get(fips, fips)


def _in_area(area: Area, fips: str) -> bool:
    return not area.counties or fips in area.counties


def build(user: User, area: Area) -> Assessment:
    """Read the tables, count by county, employer and industry, then rank places and employers."""
    counties = geo.counties_of(area.state)
    weights = scoring.load_weights()
    vulnerable = {item.id for item in industries()}
    debarments = _debarments_by_name()
    tally = _Tally(area)
    _count_certifications(tally, vulnerable, debarments)
    agency_rows = _agency_rows(area, _count_ucr(tally), counties)
    _count_tips_and_cases(tally, user)

    places = scoring.rank({fips: dict(tally.by_county.get(fips, {})) for fips in counties}, weights.places)
    in_area = [e for e in tally.employers.values() if _in_area(area, e["county"])]
    employer_ranks = _rank_employers(in_area, places, vulnerable, weights)
    by_key = {e["key"]: e for e in in_area}
    employer_rows = [{**by_key[item.key], "ranked": item,
                      "county_name": counties.get(by_key[item.key]["county"], "")} for item in employer_ranks]
    debarred_rows = _debarred_rows(in_area, debarments, counties)
    intake_rows = [{"county": fips, "county_name": counties.get(fips, ""), "industry": ind,
                    "industry_label": industry_label(ind, ui_lang()) if ind else "", **values}
                   for (fips, ind), values in sorted(tally.intake.items())]
    totals = {
        "employers": len({e["key"].split("|", 1)[0] for e in in_area}),
        "workers": sum(e["workers"] for e in in_area),
        "debarred": len(debarred_rows),
        "involuntary_servitude": sum(a["involuntary_servitude"] for a in agency_rows),
        "tips": sum(v["tips"] for v in tally.intake.values()),
        "cases": sum(v["cases"] for v in tally.intake.values()),
    }
    return Assessment(area=area, counties=counties, weights=weights,
                      industries=_industry_list(tally.industry_rows, vulnerable),
                      employers=employer_rows, debarred=debarred_rows, agencies=agency_rows,
                      intake=intake_rows, intake_unplaced=tally.unplaced, places=places,
                      employer_ranks=employer_ranks, totals=totals)


def _debarments_by_name() -> dict[str, list[Debarment]]:
    by_name: dict[str, list[Debarment]] = defaultdict(list)
    for debarment in Debarment.objects.all():
        by_name[debarment.name_key].append(debarment)
    return by_name


@dataclass
class _Tally:
    """What build() counts while it reads the tables: per county (all of the state, so the map
    can be shaded), per employer and county, per industry, and the area's tips and cases."""

    area: Area
    by_county: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    employers: dict[tuple[str, str], dict] = field(default_factory=dict)
    industry_rows: dict[str, dict] = field(default_factory=dict)
    intake: dict[tuple[str, str], dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: {"tips": 0, "cases": 0}))
    unplaced: dict[str, int] = field(default_factory=lambda: {"tips": 0, "cases": 0})

    def industry(self, industry_id: str) -> dict:
        return self.industry_rows.setdefault(industry_id, {
            "id": industry_id, "employers": set(), "workers": 0, "h2a": 0, "h2b": 0, "tips": 0, "cases": 0})

    def count_intake(self, fips: str, industry: str, kind: str) -> None:
        """One tip or case ("tips" or "cases"): unplaced, else in its county, and in the
        area's intake table and industry row when the county is in the area."""
        if not fips:
            self.unplaced[kind] += 1
            return
        self.by_county[fips][kind] += 1
        if not _in_area(self.area, fips):
            return
        self.intake[(fips, industry or "")][kind] += 1
        self.industry(industry or "")[kind] += 1


def _count_certifications(tally: _Tally, vulnerable: set[str], debarments: dict[str, list[Debarment]]) -> None:
    """DOL rows of the whole state: every county is scored, so the map can be shaded."""
    rows = (CertifiedEmployer.objects.filter(worksite_state=tally.area.state, certified=True, association_total=False)
            .values("name_key", "employer_name", "county_fips", "programme", "industry", "workers_certified",
                    "worksite_city"))
    county_employers: dict[str, set[str]] = defaultdict(set)
    county_debarred: dict[str, set[str]] = defaultdict(set)
    for row in rows.iterator():
        fips = row["county_fips"]
        workers = row["workers_certified"]
        if row["industry"] in vulnerable:
            tally.by_county[fips]["vulnerable_workers"] += workers
        county_employers[fips].add(row["name_key"])
        if row["name_key"] in debarments:
            county_debarred[fips].add(row["name_key"])
        employer = tally.employers.setdefault((row["name_key"], fips), {
            "key": f"{row['name_key']}|{fips}", "name": row["employer_name"], "county": fips,
            "city": row["worksite_city"], "programmes": set(), "industries": set(), "workers": 0,
            "applications": 0, "debarred": row["name_key"] in debarments,
        })
        employer["programmes"].add(row["programme"])
        if row["industry"]:
            employer["industries"].add(row["industry"])
        employer["workers"] += workers
        employer["applications"] += 1
        if _in_area(tally.area, fips):
            industry = tally.industry(row["industry"] or "")
            industry["employers"].add(row["name_key"])
            industry["workers"] += workers
            industry[row["programme"]] += workers
    for fips, names in county_employers.items():
        tally.by_county[fips]["employers"] = len(names)
    for fips, names in county_debarred.items():
        tally.by_county[fips]["debarred"] = len(names)


def _count_ucr(tally: _Tally) -> list[UcrCount]:
    """The state's UCR counts; involuntary servitude counts towards each county served."""
    counts = []
    for ucr in UcrCount.objects.filter(state=tally.area.state).order_by("agency_name", "year"):
        for fips in ucr.county_fips:
            if ucr.offence == UcrCount.Offence.INVOLUNTARY_SERVITUDE:
                tally.by_county[fips]["involuntary_servitude"] += ucr.actual
        counts.append(ucr)
    return counts


def _count_tips_and_cases(tally: _Tally, user: User) -> None:
    """The tips and cases the user may open, placed in a county by their city or jurisdiction."""
    area = tally.area
    resolver = PlaceResolver(area.state, {**place_names_for(user), **area.place_names})
    for city, work_type in Tip.objects.restrict(user, "view").values_list("city", "work_type"):
        tally.count_intake(resolver.county(city), work_type, "tips")
    for jurisdiction, industry in Case.objects.restrict(user, "view").values_list("jurisdiction", "industry"):
        tally.count_intake(resolver.county(jurisdiction), industry, "cases")


def _rank_employers(in_area: list[dict], places: list[scoring.Ranked], vulnerable: set[str],
                    weights: scoring.Weights) -> list[scoring.Ranked]:
    """The area's employers ranked (the first EMPLOYERS_SHOWN); their county's score is an input."""
    place_scores = {item.key: item.score for item in places}
    employer_inputs = {e["key"]: {
        "debarred": 1 if e["debarred"] else 0, "workers": e["workers"],
        "vulnerable_industry": 1 if e["industries"] & vulnerable else 0,
        "applications": e["applications"], "place": place_scores.get(e["county"], 0),
    } for e in in_area}
    return scoring.rank(employer_inputs, weights.employers)[:EMPLOYERS_SHOWN]


def _debarred_rows(in_area: list[dict], debarments: dict[str, list[Debarment]],
                   counties: dict[str, str]) -> list[dict]:
    rows = []
    for e in sorted((e for e in in_area if e["debarred"]), key=lambda e: e["name"]):
        name_key = e["key"].split("|", 1)[0]
        rows.append({**e, "county_name": counties.get(e["county"], ""), "debarments": debarments[name_key]})
    return rows


def _industry_list(industry_rows: dict[str, dict], vulnerable: set[str]) -> list[dict]:
    """The area's industries, most certified workers first, each labelled and its employers counted."""
    industry_list = sorted(industry_rows.values(), key=lambda i: (-i["workers"], -i["tips"], i["id"]))
    for industry in industry_list:
        industry["label"] = industry_label(industry["id"], ui_lang()) if industry["id"] else ""
        industry["vulnerable"] = industry["id"] in vulnerable
        industry["employers"] = len(industry["employers"])
    return industry_list


def _agency_rows(area: Area, counts: list[UcrCount], counties: dict[str, str]) -> list[dict]:
    """UCR agencies serving the area's counties (all of the state when no county is chosen)."""
    agencies: dict[str, dict] = {}
    for ucr in counts:
        if area.counties and not set(ucr.county_fips) & set(area.counties):
            continue
        agency = agencies.setdefault(ucr.ori, {
            "ori": ucr.ori, "name": ucr.agency_name, "type": ucr.agency_type,
            "counties": ", ".join(counties.get(f, f) for f in ucr.county_fips) or ucr.county_names,
            "involuntary_servitude": 0, "commercial_sex": 0, "cleared": 0, "years": set()})
        agency[ucr.offence] += ucr.actual
        if ucr.offence == UcrCount.Offence.INVOLUNTARY_SERVITUDE:
            agency["cleared"] += ucr.cleared
        agency["years"].add(ucr.year)
    rows = [a for a in agencies.values() if a["involuntary_servitude"] or a["commercial_sex"]]
    for row in rows:
        years = sorted(row["years"])
        row["years"] = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    return sorted(rows, key=lambda a: (-a["involuntary_servitude"], -a["commercial_sex"], a["name"]))


def map_cells(assessment: Assessment) -> list[dict]:
    """One SVG path per county of the state, with its shade class and its score."""
    found = geo.state_map(assessment.area.state)
    if found is None:
        return []
    scores = {item.key: item for item in assessment.places}
    cells = []
    for fips, (name, path) in sorted(found.counties.items()):
        ranked = scores.get(fips)
        score = ranked.score if ranked else 0.0
        cells.append({"fips": fips, "name": name, "path": path, "score": score,
                      "rank": ranked.rank if ranked else None, "shade": scoring.shade(score),
                      "selected": fips in assessment.area.counties})
    # Chosen counties last, so that their outline is drawn on top of their neighbours.
    return sorted(cells, key=lambda cell: cell["selected"])


# Data older than this many years is flagged on every page that shows it.
STALE_AFTER_YEARS = 2


def _shown(value: str) -> str:
    try:
        return formats.date_format(date.fromisoformat(value)) if len(value) == 10 else value
    except ValueError:
        return value


@dataclass(frozen=True)
class Period:
    """The period of the data behind a figure: first and last date (or year) in the table."""

    key: str
    label: str
    first: str
    last: str
    age_years: int | None

    @property
    def text(self) -> str:
        """The period in the reader's date format ("4 Dec 2026 – 3 Jan 2027"; years as they are)."""
        first, last = _shown(self.first), _shown(self.last)
        return first if first == last else f"{first} – {last}"

    @property
    def stale(self) -> bool:
        return self.age_years is not None and self.age_years >= STALE_AFTER_YEARS


def data_periods() -> dict[str, Period]:
    """For each kind of imported data, the period it covers (decision dates for DOL
    certifications, start dates for debarments, years for UCR) and how old its newest
    record is. Kinds with no data are left out."""
    today = timezone.localdate()
    periods: dict[str, Period] = {}
    for programme, label in (("h2a", _("DOL H-2A certifications (decision dates)")),
                             ("h2b", _("DOL H-2B certifications (decision dates)"))):
        span = CertifiedEmployer.objects.filter(programme=programme).aggregate(
            first=Min("decision_date"), last=Max("decision_date"))
        if span["last"]:
            periods[programme] = Period(programme, str(label), span["first"].isoformat(), span["last"].isoformat(),
                                        (today - span["last"]).days // 365)
    span = Debarment.objects.aggregate(first=Min("start_date"), last=Max("start_date"))
    if span["last"]:
        periods["debarments"] = Period("debarments", str(_("Debarments (start dates)")), span["first"].isoformat(),
                                       span["last"].isoformat(), (today - span["last"]).days // 365)
    span = UcrCount.objects.aggregate(first=Min("year"), last=Max("year"))
    if span["last"]:
        periods["ucr"] = Period("ucr", str(_("FBI UCR human trafficking (years)")), str(span["first"]),
                                str(span["last"]), today.year - span["last"])
    return periods
