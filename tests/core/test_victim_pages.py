"""Victim-facing pages render in every victim language with the right lang and dir, while
the officer interface stays English/Spanish."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape

from laborlens.core import victim_languages as vl
from laborlens.tips.models import Tip
from tests.tips.conftest import post_tip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    """The public pages are rate-limited per client in the cache: no count leaks between tests."""
    cache.clear()
    yield
    cache.clear()

CODES = [lang.code for lang in vl.languages()]


def _html_tag(body: str) -> str:
    match = re.search(r"<html[^>]*>", body)
    assert match
    return match.group(0)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", ["/tips/report/", "/tips/warning-signs/", "/tips/follow-up/"])
def test_public_page_in_every_language(world, path, code):
    lang = vl.get(code)
    response = Client().get(f"{path}?lang={code}")
    assert response.status_code == 200
    body = response.content.decode()
    assert _html_tag(body) == f'<html lang="{code}" dir="{lang.dir}">'
    assert response["Content-Language"] == code
    # The picker lists every victim language by its own name, the current one selected.
    for other in vl.languages():
        assert f">{escape(other.native)}</option>" in body
    assert f'value="{code}" lang="{code}" selected' in body
    # A machine-drafted language says so, in its language and in English.
    unreviewed = lang.own_catalogue and vl.status(code).state != vl.REVIEWED
    assert ('data-testid="unreviewed-note"' in body) == unreviewed
    if unreviewed:
        assert escape(vl.UNREVIEWED_NOTE) in body
    assert response.cookies["laborlens_victim_language"].value == code


@pytest.mark.parametrize("code", [lang.code for lang in vl.extra_languages() if lang.code != "quc"])
def test_tip_form_text_is_translated(world, code):
    """Template strings and data-file wording (checkboxes) both come from the catalogue."""
    done = vl.translations(code)
    body = Client().get(f"/tips/report/?lang={code}").content.decode()
    for english in ("Report a concern about forced labor", "The boss keeps workers' passports or IDs",
                    "Send the tip"):
        assert escape(done[english]) in body
    assert "Send the tip" not in body


def test_missing_string_falls_back_along_the_chain(world):
    """K'iche' is a partial draft: what it lacks shows in Spanish (its fallback), not English."""
    body = Client().get("/tips/report/?lang=quc").content.decode()
    assert "Maltyox" not in body  # only on the thanks page
    assert "Jas xawilo?" in body  # translated
    assert "Enviar la denuncia" in body  # missing: Spanish
    assert "El patrón se queda con los pasaportes" in body  # data wording: the file's Spanish


def test_cookie_remembers_the_language_on_public_pages_only(world, login):
    client = Client()
    client.get("/tips/report/?lang=vi")
    body = client.get("/tips/warning-signs/").content.decode()
    assert 'lang="vi"' in body
    officer = login(world.officer)
    officer.cookies["laborlens_victim_language"] = "vi"
    home = officer.get("/").content.decode()
    assert 'lang="en"' in home and 'dir="ltr"' in home
    assert 'data-testid="victim-language"' not in home


def test_browser_language_picks_a_victim_language(world):
    body = Client(headers={"accept-language": "vi-VN,vi;q=0.9"}).get("/tips/report/").content.decode()
    assert 'lang="vi"' in body
    spanish = Client(headers={"accept-language": "es"}).get("/tips/report/").content.decode()
    assert 'lang="es"' in spanish


def test_unknown_language_is_ignored(world):
    body = Client().get("/tips/report/?lang=xx").content.decode()
    assert 'lang="en"' in body


def test_officer_interface_languages_stay_english_and_spanish():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "es"]
    assert all(lang.catalogue == "victim" for lang in vl.extra_languages())


@pytest.mark.parametrize("code", ["tl", "ar", "quc"])
def test_tip_sent_from_a_victim_language_page_records_it(world, code):
    client = Client()
    client.get(f"/tips/report/?lang={code}")
    response = post_tip(client, narrative="Nakuha ng amo ang pasaporte ko at hindi ako makaalis.")
    assert response.status_code == 201
    assert f'lang="{code}"' in response.content.decode()
    tip = Tip.objects.get()
    assert tip.page_language == code


def test_read_aloud_questions_in_a_victim_language(world, login):
    client = login(world.officer)
    body = client.get("/screening/read-aloud/?lang=ar").content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert escape(vl.translations("ar")["Where are your passport and your ID right now? Can you have them "
                                         "whenever you want?"]) in body
    assert '<html lang="en" dir="ltr">' in body  # the officer's interface stays English
    partial = client.get("/screening/read-aloud/?lang=quc").content.decode()
    assert "show in Spanish or English" in partial
    assert client.get("/screening/read-aloud/?lang=es").status_code == 200
    assert Client().get("/screening/read-aloud/").status_code in {302, 403}
