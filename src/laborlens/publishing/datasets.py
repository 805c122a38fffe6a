"""Which records a release may count, as a pyarrow table, with the reasons for every
record left out (counts only).

* ``cases``: potential victims (``Person`` role victim, not intelligence-only subjects) on
  cases the agency leads; counted only when the agency's policy allows statistical use.
* ``victims``: victim records the agency serves; the agency's policy must allow it AND the
  victim must have a current consent (not revoked, in date) that names the statistics
  category. Consent is read fresh at every preview and at publication, so a revocation
  takes effect on the next step.
* ``ctdc``: the CTDC research file (already public, de-identified data; kept apart from
  case records), read from ``settings.RELEASE_CTDC_FILE``.

Rows carry coded values only (years, codes, bands): never a name, date or free text.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.anonymity import ctdc
from laborlens.cases.models import Exploitation, Person, Stage
from laborlens.catalogue.industries import industries
from laborlens.publishing.engine import DatasetInfo
from laborlens.publishing.errors import WorkflowError
from laborlens.publishing.models import Dataset
from laborlens.victims import consent as consent_rule
from laborlens.victims.models import Category, Consent, VictimRecord

# A source checkout sits beside ../shared/data (the project layout); a real install sets
# LABORLENS_CTDC_FILE instead.
DEFAULT_CTDC_FILE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ctdc_labour_subset.csv"
# The demo ships a slice of it (data/CTDC_SLICE.md says which rows and whose data).
DEMO_CTDC_FILE = Path(__file__).resolve().parent / "data" / "ctdc_demo_slice.csv"

REASONS = {
    "agency_policy": _("Agency policy does not allow statistical use"),
    "no_consent": _("No consent to statistical use"),
    "consent_revoked": _("Consent to statistical use revoked"),
    "consent_expired": _("Consent to statistical use expired"),
    "intelligence_only": _("Intelligence subject only"),
    "unreadable_row": _("Unreadable row in the research file"),
}

UNKNOWN = "unknown"
AGE_GROUPS = ("adult", "minor")
_YEAR_HIERARCHY = [{"type": "interval", "width": 2, "origin": 2000},
                   {"type": "interval", "width": 5, "origin": 2000}, {"type": "suppress"}]


def _industry_codes() -> tuple[str, ...]:
    return (*sorted(item.id for item in industries()), UNKNOWN)


def info_for(dataset: str) -> DatasetInfo:
    if dataset == Dataset.CASES:
        return DatasetInfo(
            name="cases", columns=("year", "exploitation", "industry", "stage", "age_group"),
            hierarchies={"year": _YEAR_HIERARCHY, "industry": [{"type": "suppress"}],
                         "stage": [{"type": "map", "map": {"closed": "closed"}, "default": "open"},
                                   {"type": "suppress"}]},
            domains={"exploitation": tuple(Exploitation.values), "industry": _industry_codes(),
                     "stage": tuple(Stage.values), "age_group": AGE_GROUPS, "year": None},
            year_column="year", default_quasi_identifiers=("year", "industry", "age_group"))
    if dataset == Dataset.VICTIMS:
        return DatasetInfo(
            name="victims", columns=("year", "service_status", "exploitation", "industry", "age_group"),
            hierarchies={"year": _YEAR_HIERARCHY, "industry": [{"type": "suppress"}]},
            domains={"service_status": tuple(VictimRecord.Status.values),
                     "exploitation": tuple(Exploitation.values), "industry": _industry_codes(),
                     "age_group": AGE_GROUPS, "year": None},
            year_column="year", default_quasi_identifiers=("year", "industry", "age_group"))
    if dataset == Dataset.CTDC:
        columns = (*ctdc.COLUMNS, "citizenshipRegion")
        return DatasetInfo(
            name="ctdc", columns=columns, hierarchies=dict(ctdc.CTDC_HIERARCHIES),
            domains={c: ctdc.declared_domain(c) for c in columns}, year_column="yearOfRegistration",
            max_contributions=ctdc.MAX_ROWS_PER_VICTIM,
            default_quasi_identifiers=("yearOfRegistration", "gender", "ageCategories", "citizenship"))
    raise ValueError(f"unknown dataset {dataset!r}")


@dataclass
class Selection:
    table: pa.Table
    included: int
    excluded: dict[str, int] = field(default_factory=dict)
    source: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"included": self.included, "excluded": dict(sorted(self.excluded.items())),
                "excluded_total": sum(self.excluded.values()), "source": self.source}


def ledger_key(agency: Agency, dataset: str) -> str:
    if dataset == Dataset.CTDC:
        return f"agency:{agency.pk}:ctdc:{ctdc_digest()[:16]}"
    return f"agency:{agency.pk}:{dataset}"


def ctdc_path() -> Path:
    configured = getattr(settings, "RELEASE_CTDC_FILE", "")
    if configured:
        return Path(configured)
    if settings.DEMO_MODE and not DEFAULT_CTDC_FILE.is_file():
        return DEMO_CTDC_FILE
    return DEFAULT_CTDC_FILE


def ctdc_file() -> Path:
    """The CTDC file, or a clear refusal when this server has none (not a server error)."""
    path = ctdc_path()
    if not path.is_file():
        raise WorkflowError(_("The CTDC research file is not available on this server; "
                              "an administrator sets LABORLENS_CTDC_FILE."))
    return path


def ctdc_digest() -> str:
    sha = hashlib.sha256()
    with open(ctdc_file(), "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def select(agency: Agency, dataset: str) -> Selection:
    if dataset == Dataset.CASES:
        return _cases(agency)
    if dataset == Dataset.VICTIMS:
        return _victims(agency)
    if dataset == Dataset.CTDC:
        return _ctdc()
    raise ValueError(f"unknown dataset {dataset!r}")


def _table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> pa.Table:
    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(columns)})


def _cases(agency: Agency) -> Selection:
    people = (Person.objects.filter(case__lead_agency=agency, role=Person.Role.VICTIM)
              .select_related("case").order_by("pk"))
    rows: list[tuple[str, ...]] = []
    excluded: Counter[str] = Counter()
    for person in people.only("pk", "is_minor", "intelligence_only", "case__opened_on", "case__exploitation",
                              "case__industry", "case__stage"):
        if not agency.allow_statistical_use:
            excluded["agency_policy"] += 1
        elif person.intelligence_only:
            excluded["intelligence_only"] += 1
        else:
            case = person.case
            rows.append((str(case.opened_on.year), case.exploitation, case.industry or UNKNOWN, case.stage,
                         "minor" if person.is_minor else "adult"))
    return Selection(_table(info_for(Dataset.CASES).columns, rows), len(rows), dict(excluded), "cases")


def _victims(agency: Agency) -> Selection:
    records = list(VictimRecord.objects.filter(serving_agency=agency).select_related("person__case").order_by("pk"))
    excluded: Counter[str] = Counter()
    rows: list[tuple[str, ...]] = []
    if not agency.allow_statistical_use:
        excluded["agency_policy"] = len(records)
        records = []
    state = _statistics_consent([record.pk for record in records])
    for record in records:
        reason = state.get(record.pk, "no_consent")
        if reason != "valid":
            excluded[reason] += 1
            continue
        case = record.person.case
        rows.append((str(record.identified_on.year), record.status, case.exploitation, case.industry or UNKNOWN,
                     "minor" if record.person.is_minor else "adult"))
    return Selection(_table(info_for(Dataset.VICTIMS).columns, rows), len(rows), dict(excluded), "victims")


def _statistics_consent(record_ids: list[int]) -> dict[int, str]:
    """Per victim record: "valid", else why not ("consent_revoked", "consent_expired")."""
    if not record_ids:
        return {}
    today = timezone.localdate()
    rank = {"valid": 3, "consent_revoked": 2, "consent_expired": 1}
    state: dict[int, str] = {}
    for consent in Consent.objects.filter(victim_id__in=record_ids).only(
            "victim_id", "categories", "revoked_at", "given_on", "expires_on"):
        if Category.STATISTICS not in (consent.categories or []):
            continue
        found = {consent_rule.VALID: "valid", consent_rule.REVOKED: "consent_revoked",
                 consent_rule.EXPIRED: "consent_expired"}.get(consent_rule.state(consent, today), "")
        if not found:
            continue  # not yet in force
        if rank[found] > rank.get(state.get(consent.victim_id, ""), 0):
            state[consent.victim_id] = found
    return state


def _ctdc() -> Selection:
    result = ctdc.load_ctdc(ctdc_file())
    table = ctdc.with_citizenship_region(result.table)
    excluded = {"unreadable_row": result.rows_skipped} if result.rows_skipped else {}
    return Selection(table, table.num_rows, excluded, f"ctdc sha256:{ctdc_digest()}")
