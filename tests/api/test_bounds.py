"""Bounded input: size and nesting limits before any parser runs (issue 15, gap 3)."""

from __future__ import annotations

import json
import re
import time

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from laborlens.accounts.middleware import SEEN_AT
from laborlens.api.models import ApiToken
from laborlens.core.bounds import MAX_API_BODY, MAX_FORM_BODY, MAX_JSON_DEPTH, json_depth_exceeds
from laborlens.screening.models import Screening
from laborlens.tips.models import Tip

DEEP_1500 = "[" * 1500 + "]" * 1500
DEEP_10000 = '{"a":' * 10000 + "1" + "}" * 10000


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(("text", "limit", "exceeds"), [
    ("{}", 1, False),
    ('{"a": [1, {"b": 2}]}', 3, False),
    ('{"a": [1, {"b": 2}]}', 2, True),
    ('{"a": "[[[[[[[[[[[[["}', 1, False),          # brackets inside a string do not count
    ('{"a": "\\"[[[[[[[[["}', 1, False),           # nor after an escaped quote
    ('["\\\\", [[]]]', 2, True),                   # an escaped backslash closes no string
    (nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH, False),
    (nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH, True),
    (DEEP_10000, MAX_JSON_DEPTH, True),
])
def test_depth_scan(text, limit, exceeds):
    assert json_depth_exceeds(text.encode(), limit) is exceeds


def test_depth_scan_has_no_recursion_limit():
    assert json_depth_exceeds(nested(200_000).encode()) is True
    assert json_depth_exceeds(b"[" * 200_000) is True


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert set(body) >= {"type", "title", "status", "detail"}


def test_deep_json_is_400_on_the_endpoints_that_failed(world, api):
    client, _ = api(world.investigator)
    screenings = Screening.objects.count()
    for path in ("/api/v1/assess/", "/api/v1/screenings/", "/api/v1/tips/partner/"):
        assert_problem(client.post(path, DEEP_1500, content_type="application/json"), 400)
    assert_problem(client.patch("/api/v1/screenings/1/", DEEP_1500, content_type="application/json"), 400)
    public = Client()
    tips = Tip.objects.count()
    for body in (DEEP_1500, DEEP_10000):
        response = public.post("/api/v1/tips/public/", body, content_type="application/json")
        assert_problem(response, 400)
        assert "nested" in response.json()["detail"]
    assert Tip.objects.count() == tips
    assert Screening.objects.count() == screenings


def test_shallow_json_still_reaches_the_view(world, api):
    client, _ = api(world.investigator)
    response = client.post("/api/v1/assess/", json.dumps({"answers": {"x": [1, 2]}}), content_type="application/json")
    assert "nested" not in response.json().get("detail", "")
    assert response.status_code != 500


def test_large_api_body_is_413_before_it_is_read(world, api):
    client, _ = api(world.investigator)
    body = '{"narrative": "' + "x" * MAX_API_BODY + '"}'
    response = client.post("/api/v1/tips/public/", body, content_type="application/json")
    assert_problem(response, 413)


def _api_paths() -> list[str]:
    paths: list[str] = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
                paths.append("/" + re.sub(r"<int:\w+>", "1", route).lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return paths


def test_every_api_endpoint_refuses_deep_and_huge_bodies_public_first(world, api):
    paths = sorted(_api_paths(), key=lambda path: "public" not in path)
    assert paths[0] == "/api/v1/tips/public/" and len(paths) > 20
    huge = "[" + "0," * (5 * 1024 * 1024) + "0]"  # 10 MB
    token_client, _ = api(world.supervisor)
    tips, screenings, tokens = Tip.objects.count(), Screening.objects.count(), ApiToken.objects.count()
    for client in (Client(), token_client):
        for path in paths:
            for method in (client.post, client.put, client.patch):
                assert_problem(method(path, DEEP_10000, content_type="application/json"), 400)
                assert_problem(method(path, huge, content_type="application/json"), 413)
    assert (Tip.objects.count(), Screening.objects.count(), ApiToken.objects.count()) == (tips, screenings, tokens)


def test_oversized_web_form_is_a_413_page(world):
    client = Client()
    response = client.generic("POST", "/accounts/login/", b"a=1",
                              CONTENT_TYPE="application/x-www-form-urlencoded",
                              CONTENT_LENGTH=str(MAX_FORM_BODY + 1))
    assert response.status_code == 413
    assert b"<html" in response.content and b"413" in response.content


def test_an_expired_session_on_the_api_is_a_401_problem(world, login):
    client = login(world.officer)
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60
    session.save()
    response = client.get("/api/v1/me/")
    assert_problem(response, 401)
    assert "Location" not in response
    assert client.get("/api/v1/me/").status_code in (401, 403)


def test_an_expired_session_on_a_page_still_goes_to_sign_in(world, login):
    client = login(world.officer)
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60
    session.save()
    assert client.get("/").status_code == 302


def test_schema_declares_400_and_413_for_bodies(world, api):
    client, _ = api(world.investigator)
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    document = json.loads(schema.content) if schema["Content-Type"].endswith("json") else None
    if document is None:
        import yaml
        document = yaml.safe_load(schema.content)
    operation = document["paths"]["/api/v1/tips/public/"]["post"]
    assert {"400", "413"} <= set(operation["responses"])
    assert "413" not in document["paths"]["/api/v1/me/"]["get"]["responses"]


def test_deep_json_to_the_screening_autosave_page_is_a_400(world, login):
    client = login(world.officer)
    response = client.post("/screening/new/", {"label": "Depth", "age_group": "adult", "setting": "traffic_stop",
                                               "question_language": "en"})
    assert response.status_code == 302
    screening = Screening.objects.get(label="Depth")
    answer_url = f"/screening/{screening.pk}/answer/"
    deep = '{"indicator": ' + "[" * 1500 + "]" * 1500 + "}"
    assert_problem(client.post(answer_url, deep, content_type="application/json"), 400)
    screening.refresh_from_db()
    assert screening.version == 1 and screening.answers == {}
