"""Every dashboard figure recomputed independently from the demo data, with plain Python
over the rows (no shared helper with figures.py), and compared."""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.cases.models import Case, Charge, Interview, Person
from laborlens.metrics import figures
from laborlens.metrics.figures import Filters
from laborlens.screening.models import Screening
from laborlens.tips.models import Tip
from laborlens.victims.models import NeedItem, Referral, Relief, VictimRecord


def inside(value, f: Filters) -> bool:
    if value is None:
        return False
    if hasattr(value, "hour"):
        value = timezone.localdate(value)
    return f.start <= value <= f.end


def rows(table):
    return {code: values for code, _label, values in table.rows}


def scopes(demo, wide):
    rpd = Agency.objects.get(short_name="RPD")
    return [wide, Filters(start=wide.start, end=wide.end, agency_ids=(rpd.pk,), scope_label="RPD"),
            Filters(start=date(2001, 1, 1), end=date(2001, 12, 31), agency_ids=wide.agency_ids)]


@pytest.fixture
def all_filters(demo, wide):
    return scopes(demo, wide)


def test_demo_has_something_to_count(wide):
    assert sum(v[0] for v in rows(figures.screenings(wide)).values()) > 0
    assert rows(figures.interviews(wide))["victims_interviewed"] == [3]
    assert rows(figures.prosecution(wide))["convictions"] == [1]
    assert rows(figures.restitution(wide))["restitution_usd"] == [Decimal("18450.00")]


def test_screenings(all_filters):
    for f in all_filters:
        mine = [s for s in Screening.objects.all() if s.agency_id in f.agency_ids and inside(s.created_at, f)]
        got = rows(figures.screenings(f))
        assert sum(v[0] for v in got.values()) == len(mine)
        for reading in {s.reading for s in mine}:
            assert got[reading] == [sum(1 for s in mine if s.reading == reading)]


def test_victims_identified(all_filters):
    for f in all_filters:
        people = [p for p in Person.objects.all()
                  if p.role == "victim" and p.recorded_by_agency_id in f.agency_ids and inside(p.created_at, f)]
        records = [r for r in VictimRecord.objects.all() if r.serving_agency_id in f.agency_ids
                   and inside(r.identified_on, f)]
        got = rows(figures.victims_identified(f))
        assert got == {"on_cases": [len(people)], "victim_records": [len(records)]}


def test_referrals_and_time_to_referral(all_filters):
    for f in all_filters:
        sent = [r for r in Referral.objects.select_related("victim")
                if r.victim.serving_agency_id in f.agency_ids and inside(r.sent_at, f)]
        days = [r.days_to_referral for r in sent]
        got = rows(figures.referrals(f))
        assert got["referrals_sent"] == [len(sent)]
        assert got["victims_referred"] == [len({r.victim_id for r in sent})]
        assert got["median_days"] == [round(statistics.median(days), 1) if days else None]
        assert got["mean_days"] == [round(sum(days) / len(days), 1) if days else None]


def test_interviews(all_filters):
    for f in all_filters:
        held = [i for i in Interview.objects.select_related("case")
                if i.case.lead_agency_id in f.agency_ids and inside(i.held_on, f)]
        got = rows(figures.interviews(f))
        assert got["victims_interviewed"] == [len({i.person_id for i in held})]
        for kind in ("forensic", "follow_up", "trial_prep"):
            assert got[kind] == [sum(1 for i in held if i.kind == kind)]


def test_services_delivered_by_type(all_filters):
    for f in all_filters:
        met = [n for n in NeedItem.objects.select_related("victim") if n.victim.serving_agency_id in f.agency_ids
               and n.status in ("met", "resolved") and inside(n.updated_at, f)]
        done = [r for r in Referral.objects.select_related("victim") if r.victim.serving_agency_id in f.agency_ids
                and r.status == "completed" and inside(r.completed_at, f)]
        expected = {}
        for need in {n.need for n in met} | {r.need for r in done}:
            expected[need] = [sum(1 for n in met if n.need == need), sum(1 for r in done if r.need == need)]
        assert rows(figures.services(f)) == expected


def test_relief_requested_and_granted(all_filters):
    for f in all_filters:
        mine = [r for r in Relief.objects.select_related("victim") if r.victim.serving_agency_id in f.agency_ids]
        got = rows(figures.relief(f))
        for kind in ("cp", "t_decl", "u_cert"):
            requested = sum(1 for r in mine if r.kind == kind and inside(r.requested_on, f))
            granted = sum(1 for r in mine if r.kind == kind and r.status == "granted" and inside(r.decided_on, f))
            assert got[kind] == [requested, granted]


LAW_ENFORCEMENT = {"local_police", "sheriff", "state_police", "federal_le", "prosecutor"}


def test_tips_by_source(all_filters):
    for f in all_filters:
        expected = dict.fromkeys(["other_investigations", "citizens", "other_officers", "task_forces",
                                  "vsp_community"], 0)
        for tip in Tip.objects.select_related("submitted_by__agency"):
            if tip.agency_id not in f.agency_ids or not inside(tip.created_at, f):
                continue
            if tip.source == "public" or tip.submitted_by is None:
                expected["citizens"] += 1
            elif tip.submitted_by.agency_id == tip.agency_id:
                expected["other_investigations"] += 1
            elif tip.submitted_by.agency.agency_type in LAW_ENFORCEMENT:
                expected["other_officers"] += 1
            elif tip.submitted_by.agency.agency_type in {"victim_services", "ngo"}:
                expected["vsp_community"] += 1
            else:
                expected["task_forces"] += 1
        assert {k: v[0] for k, v in rows(figures.tips(f)).items()} == expected


def test_cases_by_stage_and_months_open(all_filters):
    for f in all_filters:
        cases = [c for c in Case.objects.all() if c.lead_agency_id in f.agency_ids and c.opened_on <= f.end
                 and (c.closed_on is None or c.closed_on >= f.start)]
        got = rows(figures.cases_by_stage(f))
        for stage in ("discovery", "screening", "investigation", "prosecution", "post_adjudication", "closed"):
            assert got[stage] == [sum(1 for c in cases if c.stage == stage)]
        until = min(f.end, timezone.localdate())
        buckets = [0] * 5
        for c in Case.objects.all():
            if c.lead_agency_id not in f.agency_ids or c.opened_on > until:
                continue
            if c.closed_on is not None and c.closed_on <= until:
                continue
            months = (until.year - c.opened_on.year) * 12 + until.month - c.opened_on.month
            if until.day < c.opened_on.day:
                months -= 1
            edges = [3, 6, 12, 24]
            buckets[sum(1 for edge in edges if months >= edge)] += 1
        assert [v[0] for v in rows(figures.cases_by_months_open(f)).values()] == buckets


def test_arrests_charges_prosecutions_convictions_restitution(all_filters):
    for f in all_filters:
        charges = [c for c in Charge.objects.select_related("case") if c.case.lead_agency_id in f.agency_ids]
        arrested = [c for c in charges if inside(c.arrested_on, f)]
        arrests = len({c.defendant_id for c in arrested if c.defendant_id}) + sum(1 for c in arrested if not c.defendant_id)
        got = rows(figures.prosecution(f))
        assert got["arrests"] == [arrests]
        assert got["charges"] == [sum(1 for c in charges if inside(c.charged_on, f))]
        assert got["prosecutions"] == [sum(1 for c in charges if inside(c.prosecution_filed_on, f))]
        assert got["convictions"] == [sum(1 for c in charges if c.disposition in ("convicted", "plea")
                                          and inside(c.disposed_on, f))]
        by_statute = rows(figures.charges_by_statute(f))
        for statute in {c.statute for c in charges}:
            assert by_statute[statute] == [sum(1 for c in charges if c.statute == statute and inside(c.charged_on, f))]
        assert sum(v[0] for v in by_statute.values()) == got["charges"][0]
        ordered = [c.restitution_ordered for c in charges if inside(c.disposed_on, f) and c.restitution_ordered is not None]
        assert rows(figures.restitution(f)) == {"restitution_usd": [sum(ordered, Decimal("0.00"))],
                                                "orders": [len(ordered)]}


def test_partner_engagement(all_filters):
    from laborlens.activities.models import Activity, Agreement

    keys = {"training_given": "trainings_given", "training_received": "trainings_received",
            "partner_meeting": "partner_meetings", "joint_operation": "joint_operations",
            "outreach_event": "outreach_events"}
    for f in all_filters:
        expected = dict.fromkeys([*keys.values(), "agreements_active"], 0)
        for activity in Activity.objects.prefetch_related("agencies"):
            if inside(activity.held_on, f) and {a.pk for a in activity.agencies.all()} & set(f.agency_ids):
                expected[keys.get(activity.kind, activity.kind)] += 1
        for agreement in Agreement.objects.prefetch_related("parties"):
            in_force = agreement.signed_on <= f.end and (agreement.ended_on is None or agreement.ended_on > f.end)
            if in_force and {a.pk for a in agreement.parties.all()} & set(f.agency_ids):
                expected["agreements_active"] += 1
        assert {k: v[0] for k, v in rows(figures.partners(f)).items()} == expected


def test_an_empty_year_counts_nothing(demo):
    f = Filters(start=date(2001, 1, 1), end=date(2001, 12, 31),
                agency_ids=tuple(Agency.objects.values_list("pk", flat=True)))
    for table in figures.compute_all(f):
        for _code, _label, values in table.rows:
            assert all(v in (0, None, Decimal("0.00")) for v in values), table.key


def test_outsider_agency_counts_only_its_own(demo):
    epd = Agency.objects.get(short_name="EPD")
    today = timezone.localdate()
    f = Filters(start=today - timedelta(days=730), end=today, agency_ids=(epd.pk,))
    assert rows(figures.victims_identified(f))["on_cases"] == [1]
    assert rows(figures.interviews(f))["victims_interviewed"] == [0]
