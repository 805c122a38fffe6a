from datetime import date

import pytest

from laborlens.activities.models import Activity, Agreement, Kind
from laborlens.activities.summary import KEYS, activity_counts


def make_activity(world, kind, held_on, agencies, lead=None):
    activity = Activity.objects.create(kind=kind, title=f"{kind} {held_on}", held_on=held_on,
                                       lead_agency=lead or agencies[0], recorded_by=world.supervisor)
    activity.agencies.set(agencies)
    return activity


def make_agreement(world, parties, signed_on, ended_on=None, renewal_on=None):
    agreement = Agreement.objects.create(kind=Agreement.Kind.MOU, title=f"MOU {signed_on}", signed_on=signed_on,
                                         ended_on=ended_on, renewal_on=renewal_on, scope="Referrals",
                                         recorded_by=world.supervisor)
    agreement.parties.set(parties)
    return agreement


@pytest.mark.django_db
def test_counts_by_kind_period_and_agency(world):
    a, vsp, b = world.agency_a, world.vsp, world.agency_b
    make_activity(world, Kind.TRAINING_GIVEN, date(2026, 3, 1), [a, vsp])
    make_activity(world, Kind.TRAINING_RECEIVED, date(2026, 3, 2), [a])
    make_activity(world, Kind.PARTNER_MEETING, date(2026, 3, 31), [vsp])
    make_activity(world, Kind.JOINT_OPERATION, date(2026, 4, 1), [a])  # after the period
    make_activity(world, Kind.OUTREACH_EVENT, date(2026, 2, 28), [a])  # before the period
    make_activity(world, Kind.OUTREACH_EVENT, date(2026, 3, 15), [b])  # another agency
    make_agreement(world, [a, vsp], date(2025, 1, 1))
    make_agreement(world, [a], date(2025, 1, 1), ended_on=date(2026, 3, 31))  # ended on the last day
    make_agreement(world, [a], date(2026, 4, 1))  # not yet signed
    make_agreement(world, [b], date(2025, 1, 1))

    counts = activity_counts([a.pk, vsp.pk], date(2026, 3, 1), date(2026, 3, 31))
    assert counts == {"trainings_given": 1, "trainings_received": 1, "partner_meetings": 1,
                      "joint_operations": 0, "outreach_events": 0, "agreements_active": 1}
    # A shared activity is counted once, not once per agency.
    assert activity_counts([a.pk, vsp.pk], date(2026, 1, 1), date(2026, 12, 31))["trainings_given"] == 1
    assert activity_counts([b.pk], date(2026, 3, 1), date(2026, 3, 31))["outreach_events"] == 1


@pytest.mark.django_db
def test_no_agencies_counts_nothing(world):
    make_activity(world, Kind.TRAINING_GIVEN, date(2026, 3, 1), [world.agency_a])
    assert activity_counts([], date(2026, 1, 1), date(2026, 12, 31)) == dict.fromkeys(KEYS, 0)
