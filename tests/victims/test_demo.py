from __future__ import annotations

import pytest

from laborlens.cases.identity.access import can_see_identity
from laborlens.demo import USERS, load_demo
from laborlens.victims.models import Consent, Referral, Relief, VictimRecord


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


def test_demo_has_victims_consents_referrals_in_every_state_and_continued_presence(demo):
    assert VictimRecord.objects.count() == 3
    assert set(Referral.objects.values_list("status", flat=True)) == set(Referral.Status.values)
    states = {consent.state for consent in Consent.objects.all()}
    assert {"Valid", "Expired", "Revoked"} <= states
    assert Relief.objects.filter(kind="cp", federal_partner__gt="").exists()
    assert any(spec.username == "shelter" for spec in USERS)
    served = next(r for r in VictimRecord.objects.all() if r.person.full_name == "Lucía Ccori Apaza")
    assert not can_see_identity(demo["investigator"], served.person)
    assert can_see_identity(demo["advocate"], served.person)
    referrals = Referral.objects.count()
    load_demo()  # idempotent
    assert VictimRecord.objects.count() == 3 and Referral.objects.count() == referrals
