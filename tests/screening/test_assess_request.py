"""The assessment endpoint reads plain requests without DRF's nested walk; what it accepts and
how it reads it must be exactly what AssessRequestSerializer does."""

from __future__ import annotations

import json
import random

import pytest

from laborlens.screening import services
from laborlens.screening.api import AssessRequestSerializer, plain_assess_request


def drf(data):
    serializer = AssessRequestSerializer(data=data)
    return json.loads(json.dumps(serializer.validated_data)) if serializer.is_valid() else None


def requests(count: int, seed: int = 16):
    rng = random.Random(seed)
    ids = sorted(services.answerable_ids())
    odd = ["", "  ", " trimmed  ", "a" * services.MAX_NOTE, "a" * (services.MAX_NOTE + 1), "nul\x00",
           "\ud800", 5, None, True, "Dijo: 'me quitaron el pasaporte'"]
    for _ in range(count):
        answers = {}
        for item_id in rng.sample(ids, rng.randint(0, 12)):
            answer = {"value": rng.choice([*services.VALUES * 8, "maybe", "", None, 1])}
            if rng.random() < 0.5:
                answer["source"] = rng.choice([*services.SOURCES * 4, "rumour", None])
            if rng.random() < 0.1:
                answer["note"] = rng.choice(odd)
            if rng.random() < 0.3:
                answer["unconfirmed"] = rng.choice([True, False, True, False, "true", 1, None])
            if rng.random() < 0.01:
                answer["extra"] = 1
            if rng.random() < 0.01:
                del answer["value"]
            answers[item_id] = answer
        if rng.random() < 0.05:
            answers["no_such_item"] = {"value": "present"}
        body = {"answers": answers}
        if rng.random() < 0.7:
            body["age_group"] = rng.choice(["adult", "minor", "unknown"] * 4 + ["child", "", None])
        if rng.random() < 0.03:
            body["extra"] = True
        if rng.random() < 0.03:
            body = {"age_group": "adult"}
        yield body


def test_plain_requests_are_read_as_the_serializer_reads_them():
    """Accepted by one exactly when accepted by the other, and read the same (the plain path
    answers None where the serializer refuses, and the serializer then words the error)."""
    accepted = 0
    for body in requests(1500):
        plain = plain_assess_request(body)
        assert plain == drf(body), body
        accepted += plain is not None
    assert accepted > 100


@pytest.mark.parametrize("body", [[], "text", {"answers": []}, {"answers": {"x": "present"}},
                                  {"answers": {}, "age_group": 3},
                                  {"answers": {f"id{i}": {"value": "present"} for i in range(201)}}])
def test_anything_else_goes_to_the_serializer(body):
    assert plain_assess_request(body) is None


def test_the_endpoint_answers_both_paths_alike(world):
    from tests.api.conftest import bearer

    client = bearer(world.investigator)[0]
    item = sorted(services.answerable_ids())[0]
    plain = {"age_group": "adult", "answers": {item: {"value": "present", "note": "  seen  "}}}
    odd = {"age_group": "adult", "answers": {item: {"value": "present", "note": "  seen  ", "unconfirmed": False}}}
    first = client.post("/api/v1/assess/", plain, content_type="application/json")
    assert first.status_code == 200
    assert first.json() == services.assess(drf(plain)["answers"], "adult")
    assert client.post("/api/v1/assess/", odd, content_type="application/json").json() == first.json()
    bad = client.post("/api/v1/assess/", {"answers": {item: {"value": "yes"}}}, content_type="application/json")
    assert bad.status_code == 400 and item in bad.json()["errors"]["answers"]
