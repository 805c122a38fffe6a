from __future__ import annotations

from laborlens.demo import load_demo
from laborlens.screening.models import Screening


def test_demo_has_one_screening_of_each_common_reading(db):
    load_demo()
    load_demo()  # idempotent
    readings = {s.label: s.reading for s in Screening.objects.all()}
    assert len(readings) == 4
    assert readings["Worker 1, Route 9 orchard (demo)"] == "trafficking"
    assert readings["Dishwasher, Main Street diner (demo)"] == "exploitation"
    assert readings["Passenger, van on I-40 (demo)"] == "smuggling"
    assert readings["Teen at the carnival (demo)"] == "trafficking"
    # One was sent on to the investigator (once, however often the demo loads).
    from laborlens.screening.models import ScreeningHandoff

    sent = ScreeningHandoff.objects.get()
    assert sent.screening.label == "Dishwasher, Main Street diner (demo)" and sent.recipient.username == "investigator"
