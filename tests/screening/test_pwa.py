"""The installable field app, server side (issue 17, part 1): the manifest and service worker
are served right, the worker keeps only pages that name no one, the catalogue and the field
page need a signed-in officer, and the CSP still allows no inline script."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from laborlens.catalogue import load_catalogue
from laborlens.screening.field import field_catalogue
from laborlens.screening.models import Screening

FIELD = "/screening/field/"
CATALOGUE = "/screening/field/catalogue.json"


def worker_config(source: str) -> dict:
    first = source.splitlines()[0]
    assert first.startswith("const CONFIG = ") and first.endswith(";")
    return json.loads(first.removeprefix("const CONFIG = ").removesuffix(";"))


def test_manifest_makes_the_field_page_installable(db):
    response = Client().get("/manifest.webmanifest")  # browsers fetch it without cookies
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    body = response.json()
    assert body["start_url"] == FIELD and body["display"] == "standalone" and body["scope"] == "/"
    assert body["theme_color"] == "#0b4f6c" and body["name"]
    for icon in body["icons"]:
        assert Client().get(icon["src"]).status_code == 200
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in body["icons"]}
    spanish = Client().get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="es").json()
    assert spanish["name"] != body["name"]


def test_the_service_worker_is_served_at_the_root_and_keeps_only_safe_pages(db):
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-store"  # always checked for a new version
    config = worker_config(response.content.decode())
    assert config["pages"] == [FIELD, CATALOGUE, "/screening/guide/"]
    assert all(path.startswith("/static/") for path in config["shell"])
    for path in config["shell"]:
        assert Client().get(path).status_code == 200, path
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])


def test_the_page_links_the_manifest_and_registers_the_worker_when_signed_in(world, login):
    page = login(world.officer).get("/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in page
    assert 'data-service-worker="/sw.js"' in page
    signed_out = Client().get("/accounts/login/").content.decode()
    assert "data-service-worker" not in signed_out


def test_csp_allows_the_worker_and_manifest_from_this_site_only(world, login):
    csp = login(world.officer).get(FIELD)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["worker-src"] == "'self'" and directives["manifest-src"] == "'self'"
    assert directives["script-src"] == "'self'"


def test_the_field_page_holds_no_person_and_no_inline_script(world, login):
    client = login(world.officer)
    Screening.objects.create(agency=world.agency_a, created_by=world.officer, label="Rosa Quintero, shed 4")
    page = client.get(FIELD)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Rosa" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    for script in ("vault.js", "reading.js", "field.js"):
        assert f"laborlens/{script}" in html
    short_form = load_catalogue().short_form
    assert all(f'data-indicator="{item}"' in html for item in short_form)


def test_a_pending_message_is_not_swallowed_by_the_cached_page(world, login):
    from laborlens.screening import services
    from tests.api.test_matrix import make_case

    client = login(world.investigator)  # leads the case
    case = make_case(world)
    screening = services.create(user=world.investigator, label="W", age_group="adult", setting="other",
                                question_language="en")
    assert client.post(f"/screening/{screening.pk}/attach/", {"case": case.pk}).status_code == 302
    said = f"Screening attached to case {case.number}."
    assert said not in client.get(FIELD).content.decode()
    assert said in client.get("/").content.decode()


@pytest.mark.parametrize("path", [FIELD, CATALOGUE, "/screening/field/token/"])
def test_field_resources_need_a_signed_in_officer(world, login, path):
    assert Client().get(path).status_code == 302
    assert login(world.auditor).get(path).status_code == 403
    assert login(world.officer).get(path).status_code == 200


def test_the_catalogue_json_is_the_data_the_phone_reads_with(world, login, settings):
    response = login(world.officer).get(CATALOGUE)
    assert response["Cache-Control"] == "no-store"
    assert response.json() == json.loads(json.dumps(field_catalogue(load_catalogue(), settings.SCREENING_JURISDICTION)))
    body = response.json()
    assert body["version"] == load_catalogue().version
    assert body["us_rule"]["direct_means"] and body["patterns"]


def test_the_field_page_speaks_spanish(world, login):
    client = login(world.officer)
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    html = client.get(FIELD).content.decode()
    for words in ("Evaluación de campo", "Guardar en este teléfono", 'data-state-saved="Guardada en este teléfono"',
                  'data-state-conflict="Conflicto"', 'data-state-sent="Enviada"', "Enviar ahora",
                  ">PIN de campo</label>", 'data-title-set="Elija un PIN de campo"',
                  'data-msg-wrong="PIN incorrecto. Quedan %(left)s intentos'):
        assert words in html


def test_the_field_pin_form_is_labelled_and_never_autofilled(world, login):
    html = login(world.officer).get(FIELD).content.decode()
    form = re.search(r'<form id="field-pin".*?</form>', html, re.S).group(0)
    assert 'aria-labelledby="field-pin-title"' in form and 'role="alert"' in form
    for field in ("field-pin-value", "field-pin-again"):
        tag = re.search(rf'<input id="{field}"[^>]*>', form).group(0)
        assert f'<label for="{field}">' in form
        assert 'type="password"' in tag and 'inputmode="numeric"' in tag and 'autocomplete="off"' in tag
