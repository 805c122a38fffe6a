"""Dashboard figures: one function per figure, each taking ``Filters`` and returning a
``Table`` of plain values (labels, numbers). Aggregates only: no figure names a person, a
case or a user, so the same tables feed the dashboard, the CSV files, the API and the
funder report.

Whose data is counted: the agencies in ``Filters.agency_ids`` (the user's own agency, or
every agency of a task force the user's agency belongs to; ``forms.FilterForm`` decides
which of those a user may pick). What belongs to an agency:

* screenings: ``Screening.agency``; tips: the receiving agency;
* people on cases: the agency that recorded them; cases, interviews and charges: the
  case's lead agency;
* victim records, needs, referrals and immigration relief: the serving agency.

Each figure's period rule is in its docstring (dates inclusive, local time).
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from laborlens.accounts.models import Agency
from laborlens.accounts.roles import agency_types
from laborlens.activities.summary import activity_counts
from laborlens.cases import elements
from laborlens.cases.models import Case, Charge, Interview, Person, Stage
from laborlens.metrics import disclosure, periods, sources
from laborlens.screening.models import Screening
from laborlens.tips.models import Tip
from laborlens.victims.models import Need, NeedItem, Referral, Relief, VictimRecord

Number = int | float | Decimal | None


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # inclusive
    agency_ids: tuple[int, ...]
    scope_label: str = ""
    period: str = "custom"


@dataclass
class Table:
    """One figure: rows of (code, label, values), one value per column."""

    key: str
    title: str
    columns: list[str]
    rows: list[tuple[str, str, list[Number]]] = field(default_factory=list)
    chart: bool = True
    note: str = ""
    # For a sum, mean or median: how many cases or persons stand behind each of its
    # values, so that ``disclosure.protect`` withholds it like a count (row code -> one
    # number per column). Counts need nothing: the count is its own basis.
    bases: dict[str, list[int]] = field(default_factory=dict)
    # Rows that add up to a whole a reader may know (complementary suppression).
    groups: list[list[str]] = field(default_factory=list)

    def value(self, code: str, column: int = 0) -> Number:
        for row_code, _label, values in self.rows:
            if row_code == code:
                return values[column]
        raise KeyError(code)

    def as_dict(self, limit: int) -> dict[str, Any]:
        """The figure as published (API): withheld values are null, ``shown`` is what a
        report prints and ``status`` says why (see ``disclosure``)."""
        cells = disclosure.protect(self, limit)
        return {"key": self.key, "title": self.title, "columns": self.columns, "note": self.note,
                "rows": [{"code": code, "label": label,
                          "values": [_plain(c.published) for c in row],
                          "shown": [c.text for c in row], "status": [c.status for c in row]}
                         for (code, label, _values), row in zip(self.rows, cells, strict=True)]}

    def partition(self) -> Table:
        """All rows add up to a whole (complementary suppression over them)."""
        self.groups = [[code for code, _label, _values in self.rows]]
        return self


def small_count() -> int:
    """Fewer cases or persons than this behind a published figure and it is withheld
    (``LABORLENS_METRICS_SMALL_COUNT``, default 5)."""
    return int(getattr(settings, "METRICS_SMALL_COUNT", 5))


def _plain(value: Number) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value


def _count_by(queryset: Any, field_name: str) -> Counter[Any]:
    """Rows per value of one field, counted by the database (GROUP BY), not in Python:
    the dashboard must stay fast at a million cases."""
    return Counter(dict(queryset.order_by().values_list(field_name).annotate(n=Count("pk"))
                        .values_list(field_name, "n")))


def _in(field_name: str, f: Filters) -> Q:
    """Inside the period. ``x__date`` becomes a range of local midnights on ``x`` itself,
    so the database can use an index on the timestamp instead of casting every row."""
    if field_name.endswith("__date"):
        column = field_name.removesuffix("__date")
        return Q(**{f"{column}__gte": _midnight(f.start), f"{column}__lt": _midnight(f.end + timedelta(days=1))})
    return Q(**{f"{field_name}__gte": f.start, f"{field_name}__lte": f.end})


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


READINGS = [
    ("trafficking", gettext_lazy("Possible trafficking")),
    ("deception_exploitation", gettext_lazy("Deception and exploitation")),
    ("exploitation", gettext_lazy("Labor exploitation")),
    ("smuggling", gettext_lazy("Smuggling")),
    ("insufficient", gettext_lazy("Not enough information yet")),
    ("", gettext_lazy("Not finished")),
]


def screenings(f: Filters) -> Table:
    """Screenings recorded by the agencies, created in the period, by the engine's reading."""
    counts = _count_by(Screening.objects.filter(agency_id__in=f.agency_ids)
                     .filter(_in("created_at__date", f)), "reading")
    known = {code for code, _label in READINGS}
    rows = [(code, str(label), [counts.get(code, 0)]) for code, label in READINGS]
    other = sum(n for code, n in counts.items() if code not in known)
    if other:
        rows.append(("other", _("Other"), [other]))
    return Table("screenings", _("Screenings done"), [_("Screenings")], rows).partition()


def victims_identified(f: Filters) -> Table:
    """Potential victims recorded on cases (created in the period) and victim records
    opened for services (identified in the period)."""
    on_cases = Person.objects.filter(role=Person.Role.VICTIM, recorded_by_agency_id__in=f.agency_ids).filter(
        _in("created_at__date", f)).count()
    records = VictimRecord.objects.filter(serving_agency_id__in=f.agency_ids).filter(_in("identified_on", f)).count()
    return Table("victims_identified", _("Potential victims identified"), [_("People")], [
        ("on_cases", _("Potential victims recorded on cases"), [on_cases]),
        ("victim_records", _("Victim records opened for services"), [records]),
    ])


def referrals(f: Filters) -> Table:
    """Referrals sent in the period by the serving agencies; the time from identification
    to referral (``Referral.days_to_referral``) as median and mean days."""
    sent = list(Referral.objects.filter(victim__serving_agency_id__in=f.agency_ids)
                .filter(_in("sent_at__date", f)).values_list("victim_id", "days_to_referral"))
    days = [d for _victim, d in sent]
    median = round(statistics.median(days), 1) if days else None
    mean = round(statistics.fmean(days), 1) if days else None
    victims = len({victim for victim, _d in sent})
    return Table("referrals", _("Victims referred to services, and the time it took"), [_("Value")], [
        ("referrals_sent", _("Referrals sent"), [len(sent)]),
        ("victims_referred", _("Victims referred"), [victims]),
        ("median_days", _("Median days from identification to referral"), [median]),
        ("mean_days", _("Mean days from identification to referral"), [mean]),
    ], chart=False, bases={"median_days": [victims], "mean_days": [victims]},
        note=_("Days are withheld when fewer victims than the reporting threshold stand behind them."))


def interviews(f: Filters) -> Table:
    """Interviews held in the period on the agencies' cases: victims interviewed (each
    person once) and interviews by kind."""
    held = list(Interview.objects.filter(case__lead_agency_id__in=f.agency_ids)
                .filter(_in("held_on", f)).values_list("person_id", "kind"))
    kinds = Counter(kind for _person, kind in held)
    rows: list[tuple[str, str, list[Number]]] = [
        ("victims_interviewed", _("Victims interviewed"), [len({person for person, _kind in held})])]
    rows += [(code, str(label), [kinds.get(code, 0)]) for code, label in Interview.Kind.choices]
    return Table("interviews", _("Victims interviewed"), [_("Count")], rows,
                 groups=[[code for code, _label in Interview.Kind.choices]])


def services(f: Filters) -> Table:
    """Services delivered by type: needs being met or resolved (last updated in the period)
    and referrals completed in the period, by need."""
    met = _count_by(NeedItem.objects.filter(victim__serving_agency_id__in=f.agency_ids,
                                          status__in=[NeedItem.Status.MET, NeedItem.Status.RESOLVED])
                  .filter(_in("updated_at__date", f)), "need")
    completed = _count_by(Referral.objects.filter(victim__serving_agency_id__in=f.agency_ids,
                                                status=Referral.Status.COMPLETED)
                        .filter(_in("completed_at__date", f)), "need")
    rows: list[tuple[str, str, list[Number]]] = [(code, str(label), [met.get(code, 0), completed.get(code, 0)])
                                                 for code, label in Need.choices
                                                 if met.get(code) or completed.get(code)]
    return Table("services", _("Services delivered by type"), [_("Needs met"), _("Referrals completed")],
                 rows).partition()


def relief(f: Filters) -> Table:
    """Continued Presence and T / U visa support: requested in the period (``requested_on``)
    and granted or signed in the period (status granted, ``decided_on``)."""
    base = Relief.objects.filter(victim__serving_agency_id__in=f.agency_ids)
    requested = _count_by(base.filter(_in("requested_on", f)), "kind")
    granted = _count_by(base.filter(status=Relief.Status.GRANTED).filter(_in("decided_on", f))
                      , "kind")
    short = {"cp": _("Continued Presence"), "t_decl": _("T visa declaration"), "u_cert": _("U visa certification")}
    rows: list[tuple[str, str, list[Number]]] = [(code, short.get(code, str(label)),
                                                  [requested.get(code, 0), granted.get(code, 0)])
                                                 for code, label in Relief.Kind.choices]
    return Table("relief", _("Continued Presence and T / U visa support"), [_("Requested"), _("Granted")],
                 rows).partition()


def tips(f: Filters) -> Table:
    """Tips received by the agencies in the period, by the seed's sources
    (mapping in ``data/tip_sources.json``)."""
    types = agency_types()
    submitters = {a.pk: a for a in Agency.objects.all()}
    counts: Counter[str] = Counter()
    for source, agency_id, submitter_agency_id, n in (
            Tip.objects.filter(agency_id__in=f.agency_ids).filter(_in("created_at__date", f)).order_by()
            .values_list("source", "agency_id", "submitted_by__agency_id").annotate(n=Count("pk"))
            .values_list("source", "agency_id", "submitted_by__agency_id", "n")):
        agency = submitters.get(submitter_agency_id) if submitter_agency_id else None
        kind = agency.agency_type if agency else ""
        counts[sources.source_of(source, receiving_agency_id=agency_id, submitter_agency_id=submitter_agency_id,
                                 submitter_law_enforcement=bool(kind and types[kind].law_enforcement),
                                 submitter_agency_type=kind)] += n
    language = get_language() or "en"
    rows: list[tuple[str, str, list[Number]]] = [(s.id, s.label(language), [counts.get(s.id, 0)])
                                                 for s in sources.sources()]
    return Table("tips", _("Tips by source"), [_("Tips")], rows,
                 note=_("Sources as in the NIJ survey of law enforcement (2006, figure 13); how each tip is assigned is documented with the dashboard's data.")).partition()


def _cases_in_period(f: Filters) -> Any:
    """Cases of the lead agencies that were open at some time in the period."""
    return Case.objects.filter(lead_agency_id__in=f.agency_ids, opened_on__lte=f.end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=f.start))


def cases_by_stage(f: Filters) -> Table:
    """Cases open at some time in the period, by their stage now."""
    counts = _count_by(_cases_in_period(f), "stage")
    return Table("cases_by_stage", _("Cases by stage"), [_("Cases")],
                 [(code, str(label), [counts.get(code, 0)]) for code, label in Stage.choices]).partition()


def cases_by_months_open(f: Filters) -> Table:
    """Cases still open at the end of the period (or today, if earlier), by whole months
    since they were opened."""
    until = min(f.end, timezone.localdate())
    counts: Counter[int] = Counter()
    by_day = _count_by(Case.objects.filter(lead_agency_id__in=f.agency_ids, opened_on__lte=until)
                       .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=until)), "opened_on")
    for opened_on, n in by_day.items():
        counts[periods.bucket_of(periods.months_between(opened_on, until))] += n
    labels = [_("Under 3 months"), _("3 to 6 months"), _("6 to 12 months"), _("12 to 24 months"),
              _("24 months or more")]
    return Table("cases_by_months_open", _("Open cases by months open"), [_("Cases")],
                 [(f"bucket_{i}", str(label), [counts.get(i, 0)]) for i, label in enumerate(labels)]).partition()


def prosecution(f: Filters) -> Table:
    """Arrests (each defendant once; a charge without a named defendant counts as one),
    charges filed, prosecutions filed and convictions (trial or plea), by the date of
    each step on the agencies' cases."""
    base = Charge.objects.filter(case__lead_agency_id__in=f.agency_ids)
    arrested = list(base.filter(_in("arrested_on", f)).values_list("pk", "defendant_id"))
    arrests = len({d for _pk, d in arrested if d is not None}) + sum(1 for _pk, d in arrested if d is None)
    return Table("prosecution", _("Arrests, charges, prosecutions and convictions"), [_("Count")], [
        ("arrests", _("People arrested"), [arrests]),
        ("charges", _("Charges filed"), [base.filter(_in("charged_on", f)).count()]),
        ("prosecutions", _("Prosecutions filed"), [base.filter(_in("prosecution_filed_on", f)).count()]),
        ("convictions", _("Convictions (trial or plea)"),
         [base.filter(disposition__in=Charge.CONVICTIONS).filter(_in("disposed_on", f)).count()]),
    ])


def charges_by_statute(f: Filters) -> Table:
    """Charges filed in the period by statute."""
    counts = _count_by(Charge.objects.filter(case__lead_agency_id__in=f.agency_ids).filter(_in("charged_on", f))
                     , "statute")
    rows: list[tuple[str, str, list[Number]]] = [(s.code, s.citation, [counts.get(s.code, 0)])
                                                 for s in elements.statutes()]
    known = {s.code for s in elements.statutes()}
    rows += [(code, code, [n]) for code, n in sorted(counts.items()) if code not in known]
    return Table("charges_by_statute", _("Charges by statute"), [_("Charges")], rows).partition()


def restitution(f: Filters) -> Table:
    """Restitution ordered (USD) with dispositions dated in the period. The sum is withheld
    like a count when fewer cases than the reporting threshold stand behind it."""
    ordered = [(case_id, a) for case_id, a in Charge.objects.filter(case__lead_agency_id__in=f.agency_ids).filter(
        _in("disposed_on", f)).values_list("case_id", "restitution_ordered") if a is not None]
    amounts = [a for _case, a in ordered]
    return Table("restitution", _("Restitution ordered"), [_("US dollars")], [
        ("restitution_usd", _("Restitution ordered (USD)"), [sum(amounts, Decimal("0.00"))]),
        ("orders", _("Charges with restitution ordered"), [len(amounts)]),
    ], chart=False, bases={"restitution_usd": [len({case for case, _a in ordered})]})


ACTIVITY_KEYS = [
    ("trainings_given", gettext_lazy("Trainings given")),
    ("trainings_received", gettext_lazy("Trainings received")),
    ("partner_meetings", gettext_lazy("Partner meetings")),
    ("joint_operations", gettext_lazy("Joint operations")),
    ("outreach_events", gettext_lazy("Outreach events")),
    ("agreements_active", gettext_lazy("Agreements in force")),
]


def partners(f: Filters) -> Table:
    """Partner engagement and outreach, from ``laborlens.activities.summary.activity_counts``."""
    counts = activity_counts(list(f.agency_ids), f.start, f.end)
    return Table("partners", _("Partner engagement and outreach"), [_("Count")],
                 [(code, str(label), [int(counts.get(code, 0))]) for code, label in ACTIVITY_KEYS])


FIGURES = [screenings, victims_identified, referrals, interviews, services, relief, tips, cases_by_stage,
           cases_by_months_open, prosecution, charges_by_statute, restitution, partners]
FIGURE_KEYS = [fn.__name__ for fn in FIGURES]


def compute_all(f: Filters) -> list[Table]:
    return [fn(f) for fn in FIGURES]


def compute_all_cached(f: Filters) -> tuple[list[Table], datetime]:
    """The dashboard's figures and when they were computed, kept for
    ``METRICS_CACHE_SECONDS`` per filter and language: at a million cases the figures take
    about half a second, and command staff opening the dashboard together should not each
    pay for it. Exports (CSV, reports) always compute afresh."""
    seconds = settings.METRICS_CACHE_SECONDS
    if not seconds:
        return compute_all(f), timezone.now()
    key = "metrics:" + hashlib.sha256(repr((f.start, f.end, f.agency_ids, get_language())).encode()).hexdigest()
    hit = cache.get(key)
    if hit is None:
        hit = (compute_all(f), timezone.now())
        cache.set(key, hit, seconds)
    return hit


def compute(key: str, f: Filters) -> Table:
    return dict(zip(FIGURE_KEYS, FIGURES, strict=True))[key](f)
