"""Exchange: HTCDS 2.0 export and import, NIBRS extract. Scoped, validated, audited.

Who may export: ``cases.supervise`` (supervisors / command staff). An export covers the
cases the user may see *and* that their own agency leads: an agency reports and shares
its own cases, never a partner's it happens to sit on. Intelligence-only subjects
(28 CFR Part 23) are never exported. No identifying field leaves: people appear by
pseudonym, and a victim's age (NIBRS) is given only when ``cases.identity.access`` lets the
user see the victim's identity (date of birth); otherwise NIBRS's "unknown" codes.

Who may import: ``cases.create``; the cases are created in the importer's agency through
``cases.services`` (case numbers, team, timeline, audit), each HTCDS case in its own
transaction, so a rejected row rejects only its own case's records.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import services as case_services
from laborlens.cases.identity.access import can_see_identity, member_case_ids
from laborlens.cases.models import Case, Charge, Person, Stage
from laborlens.exchange import htcds, nibrs

if TYPE_CHECKING:
    from laborlens.accounts.models import User

EXPORT_PERMISSION = "cases.supervise"
IMPORT_PERMISSION = "cases.create"
FORMATS = ("csv", "json")


class ExchangeRefused(PermissionError):
    """The user's role does not allow this exchange."""


class InvalidExport(RuntimeError):
    """An export failed its own validation (a bug): nothing is handed out."""


def export_cases(user: User):  # type: ignore[no-untyped-def]
    """The cases an export covers: visible to the user, led by the user's agency."""
    if not user.can(EXPORT_PERMISSION):
        raise ExchangeRefused(f"Your role does not allow {EXPORT_PERMISSION}.")
    return (Case.objects.restrict(user, "export").filter(lead_agency_id=user.agency_id)
            .select_related("lead_agency").order_by("pk"))


def _people(user: User, cases: list[Case]) -> dict[int, list[Person]]:
    people = (Person.objects.restrict(user, "view").filter(case__in=[c.pk for c in cases], intelligence_only=False)
              .select_related("recorded_by_agency").order_by("case_id", "pk"))
    by_case: dict[int, list[Person]] = {}
    for person in people:
        by_case.setdefault(person.case_id, []).append(person)
    return by_case


def _record(person: Person) -> htcds.PersonRecord:
    return htcds.PersonRecord(person.pseudonym, tuple(person.languages or ()), person.is_minor,
                              person.recorded_by_agency.agency_type)


def htcds_rows(user: User) -> list[dict[str, str]]:
    cases = list(export_cases(user))
    people = _people(user, cases)
    records = []
    for case in cases:
        mine = people.get(case.pk, [])
        records.append(htcds.CaseRecord(
            closed=case.stage == Stage.CLOSED, exploitation=case.exploitation, industry=case.industry,
            victims=tuple(_record(p) for p in mine if p.role == Person.Role.VICTIM),
            perpetrators=tuple(_record(p) for p in mine if p.role == Person.Role.SUSPECT)))
    return htcds.to_rows(records)


def export_htcds(user: User, fmt: str, *, request: HttpRequest | None = None, via: str = "web") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    rows = htcds_rows(user)
    problems = htcds.validate(rows)
    if problems:
        raise InvalidExport("; ".join(str(p) for p in problems[:5]))
    text = htcds.write_csv(rows) if fmt == "csv" else htcds.write_json(rows)
    counts = {kind: sum(1 for row in rows if row["ll_RecordType"] == kind) for kind in htcds.RECORD_TYPES}
    record_event(EventTag.EXCHANGE_HTCDS_EXPORTED, request=request, actor=user,
                 detail={"format": fmt, "via": via, "cases": counts[htcds.CASE],
                         "victims": counts[htcds.VICTIM], "perpetrators": counts[htcds.PERPETRATOR]})
    return text


@dataclass
class ImportReport:
    rows: int = 0
    cases_created: int = 0
    people_created: int = 0
    rejected: list[htcds.Problem] = field(default_factory=list)
    file_problems: list[htcds.Problem] = field(default_factory=list)
    case_numbers: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({problem.row for problem in self.rejected})


def _semantic_problems(rows: list[dict[str, str]]) -> list[htcds.Problem]:
    problems = []
    for number, row in enumerate(rows, start=1):
        if row.get("ll_RecordType") == htcds.VICTIM and row.get("vic_TraffickingStatus") == "NotAVictimOfTrafficking":
            problems.append(htcds.Problem(number, "vic_TraffickingStatus",
                                          "LaborLens records possible or actual victims only."))
        if row.get("ll_RecordType") != htcds.CASE and len(row.get("ll_PersonId", "")) > 40:
            problems.append(htcds.Problem(number, "ll_PersonId", "At most 40 characters."))
    return problems


def import_htcds(text: str, fmt: str, *, user: User, request: HttpRequest | None = None,
                 via: str = "cli") -> ImportReport:
    """Create the valid cases and people of an HTCDS file in the user's agency; report the rest."""
    if not user.can(IMPORT_PERMISSION):
        raise ExchangeRefused(f"Your role does not allow {IMPORT_PERMISSION}.")
    rows, file_problems = htcds.parse(text, fmt)
    report = ImportReport(rows=len(rows))
    report.file_problems = [p for p in file_problems if not p.row]
    problems = [p for p in file_problems if p.row] + htcds.validate(rows) + _semantic_problems(rows)
    if report.file_problems:
        # Unknown columns: the file is not in this profile; nothing is imported.
        report.rejected = sorted(problems, key=lambda p: p.row)
    else:
        by_row = htcds.rejected_rows(rows, problems)
        report.rejected = [p for number in sorted(by_row) for p in by_row[number]]
        grouped: OrderedDict[str, list[dict[str, str]]] = OrderedDict()
        for number, row in enumerate(rows, start=1):
            if number not in by_row:
                grouped.setdefault(row["ll_CaseId"], []).append(row)
        for group in grouped.values():
            _create_case(group, user=user, request=request, report=report)
    record_event(EventTag.EXCHANGE_HTCDS_IMPORTED, request=request, actor=user,
                 detail={"format": fmt, "via": via, "rows": report.rows, "cases": report.cases_created,
                         "people": report.people_created, "rejected_rows": report.rejected_rows,
                         "file_problems": len(report.file_problems)})
    return report


def _create_case(group: list[dict[str, str]], *, user: User, request: HttpRequest | None,
                 report: ImportReport) -> None:
    case_row = next((row for row in group if row["ll_RecordType"] == htcds.CASE), None)
    if case_row is None:  # people whose case row is missing were rejected by validate()
        return
    victims = [row for row in group if row["ll_RecordType"] == htcds.VICTIM]
    perpetrators = [row for row in group if row["ll_RecordType"] == htcds.PERPETRATOR]
    types = [t for row in victims for t in htcds.split(row.get("vic_TypeOfExploitation", ""))]
    industry = next((htcds.industry_from(row["vic_ForcedLabourIndustry"]) for row in victims
                     if row.get("vic_ForcedLabourIndustry")), "")
    closed = case_row["cas_Status"] in ("Closed", "ClosedReferred")
    with transaction.atomic():
        case = case_services.create_case(by=user, request=request, data={
            "title": f"HTCDS import {case_row['ll_CaseId']}"[:200], "jurisdiction": "",
            "industry": industry[:40], "visa_programmes": [], "co_occurring_crimes": [], "summary": "",
            "exploitation": htcds.exploitation_from(types) if types else "labor",
            "stage": Stage.CLOSED if closed else Stage.DISCOVERY,
            "closed_on": timezone.localdate() if closed else None,
        })
        for role, people in ((Person.Role.VICTIM, victims), (Person.Role.SUSPECT, perpetrators)):
            for row in people:
                minor = htcds.CHILD_LABOUR in htcds.split(row.get("vic_TypeOfExploitation", ""))
                case_services.save_person(Person(case=case, role=role, pseudonym=row["ll_PersonId"],
                                                 languages=htcds.languages_from(row), is_minor=minor),
                                          by=user, request=request)
                report.people_created += 1
    report.cases_created += 1
    report.case_numbers.append(case.number)


# --- NIBRS -------------------------------------------------------------------------------


def _age_years(person: Person, on: date) -> int | None:
    try:
        born = date.fromisoformat((person.date_of_birth or "").strip())
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _incident_number(case: Case) -> str:
    number = case.number.upper()
    return number if nibrs.INCIDENT_PATTERN.match(number) else f"LL{case.pk:010d}"


def _demographics(person: Person | None, on: date, *, user: User, member_of: frozenset[int]) -> nibrs.Demographics:
    """A person's NIBRS codes: the age recorded on the person form (exact or a range), else
    the age from the date of birth when the user may see the identity, else 'unknown'."""
    if person is None:
        return nibrs.Demographics()
    if person.age_low is not None:
        age = nibrs.age_code(person.age_low, person.is_minor, person.age_high)
    else:
        years = _age_years(person, on) if can_see_identity(user, person, member_of=member_of) else None
        age = nibrs.age_code(years, person.is_minor)
    return nibrs.Demographics(age=age, sex=person.sex or "U", race=person.race or "U",
                              ethnicity=person.ethnicity or "U")


def nibrs_incidents(user: User) -> list[nibrs.Incident]:
    cases = list(export_cases(user))
    people = _people(user, cases)
    member_of = member_case_ids(user)
    charges: dict[int, list[Charge]] = {}
    for charge in (Charge.objects.restrict(user, "view").filter(case__in=[c.pk for c in cases],
                                                                 arrested_on__isnull=False)
                   .select_related("defendant").order_by("arrested_on", "pk")):
        charges.setdefault(charge.case_id, []).append(charge)
    incidents = []
    for case in cases:
        mine = people.get(case.pk, [])
        on = case.incident_date or case.opened_on
        offenses = nibrs.EXPLOITATION_TO_OFFENSES.get(case.exploitation, (nibrs.INVOLUNTARY_SERVITUDE,))
        victims = tuple(_demographics(p, on, user=user, member_of=member_of)
                        for p in mine if p.role == Person.Role.VICTIM)
        offenders = tuple(_demographics(p, on, user=user, member_of=member_of)
                          for p in mine if p.role == Person.Role.SUSPECT)
        visible = {p.pk for p in mine}
        arrests = []
        seen: set[int] = set()
        for charge in charges.get(case.pk, []):
            if charge.arrested_on is None:
                continue
            # One arrestee per defendant (their first arrest); a charge without a defendant is
            # an arrestee of unknown description.
            if charge.defendant_id is not None and charge.defendant_id in seen:
                continue
            if charge.defendant_id is not None:
                seen.add(charge.defendant_id)
            defendant = charge.defendant if charge.defendant_id in visible else None
            code = (nibrs.COMMERCIAL_SEX if charge.statute.startswith(nibrs.SEX_TRAFFICKING_STATUTES)
                    else offenses[-1])
            arrests.append(nibrs.Arrest(charge.arrested_on, code,
                                        _demographics(defendant, on, user=user, member_of=member_of)))
        incidents.append(nibrs.Incident(
            case_label=case.number, ori=(case.lead_agency.ori or "").strip().upper(),
            incident_number=_incident_number(case), incident_date=case.incident_date,
            incident_hour=case.incident_hour, stage=case.stage, exploitation=case.exploitation,
            industry=case.industry, victims=victims, offenders=offenders, arrests=tuple(arrests)))
    return incidents


class NibrsRefused(ValueError):
    """No NIBRS file can be made: the agency's ORI is missing or a placeholder, or the
    incidents have errors (``problems``). Nothing is written."""

    def __init__(self, message: str, extract: nibrs.Extract | None = None) -> None:
        super().__init__(message)
        self.extract = extract


def check_nibrs(user: User) -> nibrs.Extract:
    """The extract with every error of every incident (nothing written, nothing audited)."""
    return nibrs.build(nibrs_incidents(user), submitted_on=timezone.localdate())


def export_nibrs(user: User, *, request: HttpRequest | None = None, via: str = "web") -> nibrs.Extract:
    """The extract, only if the agency's ORI is real and no incident has an error."""
    if not user.can(EXPORT_PERMISSION):
        raise ExchangeRefused(f"Your role does not allow {EXPORT_PERMISSION}.")
    ori_problem = nibrs.ori_problem(user.agency.ori if user.agency_id else "")
    extract = check_nibrs(user)
    if ori_problem:
        record_event(EventTag.EXCHANGE_NIBRS_EXPORTED, request=request, actor=user,
                     detail={"via": via, "refused": "ori"})
        raise NibrsRefused(f"{ori_problem} An agency administrator sets it on the agency policy page "
                           "(Administration, Agency policy).", extract)
    if extract.problems:
        record_event(EventTag.EXCHANGE_NIBRS_EXPORTED, request=request, actor=user,
                     detail={"via": via, "refused": "errors", "errors": len(extract.problems),
                             "incidents_with_errors": len(extract.problems_by_case)})
        raise NibrsRefused(f"{len(extract.problems)} errors in {len(extract.problems_by_case)} incidents: "
                           "no file was written.", extract)
    record_event(EventTag.EXCHANGE_NIBRS_EXPORTED, request=request, actor=user,
                 detail={"via": via, "incidents": extract.incidents,
                         "not_reportable": len(extract.not_reportable),
                         "victims": len(extract.segments["victim"]),
                         "arrestees": len(extract.segments["arrestee"])})
    return extract
