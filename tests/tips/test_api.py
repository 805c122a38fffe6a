"""Tip API: public submission (no login, strict, rate-limited), partner submission, triage list."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

from laborlens.accounts.models import Agency
from laborlens.tips.models import Source, Tip
from tests.api.conftest import bearer
from tests.conftest import make_user
from tests.tips.conftest import SPANISH_TIP

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/tips/public/"


def post_json(client, url, data):
    return client.post(url, json.dumps(data) if not isinstance(data, str) else data, content_type="application/json")


def test_public_api_accepts_a_tip_without_login(world):
    response = post_json(Client(), PUBLIC, {"narrative": SPANISH_TIP, "observations": ["documents_taken"],
                                            "city": "Riverton", "when": "now"})
    assert response.status_code == 201, response.content
    body = response.json()
    tip = Tip.objects.get(code=body["code"])
    assert tip.source == Source.PUBLIC and tip.language == "es" and len(body["passphrase"]) == 19


@pytest.mark.parametrize("payload", [
    {"narrative": "short"},
    {"observations": ["documents_taken"]},
    {"narrative": SPANISH_TIP, "ip": "1.2.3.4"},
    {"narrative": 12345678901},
    {"narrative": "x" * 5001},
    {"narrative": SPANISH_TIP, "observations": ["nope"]},
    {"narrative": SPANISH_TIP, "when": "yesterday"},
    {"narrative": "Nos quitaron \ud800 los pasaportes"},
    {"narrative": "Nos quitaron \u0000 los pasaportes"},
    [],
    "not json",
])
def test_public_api_rejects_bad_input_and_stores_nothing(world, payload):
    if isinstance(payload, str):
        response = Client().post(PUBLIC, payload, content_type="application/json")
    else:
        response = post_json(Client(), PUBLIC, payload)
    assert response.status_code == 400
    assert Tip.objects.count() == 0


@override_settings(TIPS_RATE_LIMITS={"api": (2, 3600)})
def test_public_api_rate_limited(world):
    client = Client(REMOTE_ADDR="198.51.100.20")
    data = {"narrative": SPANISH_TIP}
    assert post_json(client, PUBLIC, data).status_code == 201
    assert post_json(client, PUBLIC, data).status_code == 201
    assert post_json(client, PUBLIC, data).status_code == 429
    assert Tip.objects.count() == 2


def test_partner_api_and_triage_list(world):
    labor = Agency.objects.create(name="State Labor", short_name="LAB", agency_type="labor_agency", jurisdiction="State")
    world.task_force.agencies.add(labor)
    inspector = make_user("inspector", labor, "partner_inspector")
    client, _ = bearer(inspector)
    response = post_json(client, "/api/v1/tips/partner/", {
        "recipient": world.agency_a.pk, "partner_sector": "health_inspection", "narrative": SPANISH_TIP})
    assert response.status_code == 201, response.content
    bad = post_json(client, "/api/v1/tips/partner/", {
        "recipient": world.agency_b.pk, "partner_sector": "health_inspection", "narrative": SPANISH_TIP})
    assert bad.status_code == 404 and Tip.objects.count() == 1
    listed = bearer(world.investigator)[0].get("/api/v1/tips/")
    assert listed.status_code == 200 and listed.json()["count"] == 1
    assert "narrative" not in listed.json()["results"][0]
    assert bearer(make_user("rival", world.agency_b, "investigator"))[0].get("/api/v1/tips/").json()["count"] == 0
    assert bearer(world.officer)[0].get("/api/v1/tips/").status_code == 403
    assert bearer(world.investigator)[0].get("/api/v1/tips/?status=bogus").status_code == 400
    assert bearer(world.advocate)[0].post("/api/v1/tips/partner/", {}, content_type="application/json").status_code == 403


def test_schema_documents_tip_endpoints(world, login):
    schema = login(world.investigator).get("/api/schema/?format=json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"] if schema["Content-Type"].startswith("application/json") else None
    text = schema.content.decode()
    assert "/api/v1/tips/public/" in text and "/api/v1/tips/partner/" in text
    assert paths is None or "201" in paths["/api/v1/tips/public/"]["post"]["responses"]
