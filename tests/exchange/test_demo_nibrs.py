"""The demo's NIBRS extract: refused while the demo agency has its placeholder ORI, and free
of any data-element error once the administrator enters a real one."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

import pytest

from laborlens.accounts.models import User
from laborlens.demo import load_demo
from laborlens.exchange import nibrs, nibrs_xml, services


def test_the_demo_extract(db):
    load_demo()
    supervisor = User.objects.get(username="supervisor")
    assert supervisor.agency.ori.startswith("XX")
    with pytest.raises(services.NibrsRefused, match="placeholder"):
        services.export_nibrs(supervisor)
    supervisor.agency.ori = "GA0920100"
    supervisor.agency.save()
    extract = services.export_nibrs(supervisor)
    assert extract.problems == [] and nibrs.validate(extract) == []
    assert extract.incidents == 1
    victims = extract.segments["victim"]
    assert [(v["sex"], v["ethnicity"]) for v in victims[:2]] == [("M", "H"), ("F", "H")]
    assert victims[1]["age"] == "2530"
    assert extract.segments["arrestee"][0]["age"] == "4555"
    xml = nibrs_xml.to_xml(extract, datetime(2026, 12, 1, 9, 0))
    assert ET.fromstring(xml).tag.endswith("Submission")  # noqa: S314 (our own output)
    assert nibrs_xml.schema_errors(xml) is None  # no FBI XSD shipped: not claimed valid
