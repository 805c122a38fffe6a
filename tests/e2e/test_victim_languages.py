"""The victim's own language: tips sent from the public form in Tagalog, Vietnamese and
K'iche' (chosen with the page's language picker) are stored with the form's language; the
tip form and the warning-signs page pass axe (serious and critical fail) in every victim
language, and the Arabic page is laid out right to left."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from laborlens.core import victim_languages as vl
from laborlens.demo import load_demo
from laborlens.tips.models import Tip
from tests.e2e.conftest import screenshot
from tests.e2e.test_accessibility import violations

NARRATIVES = {
    "tl": "Kinuha ng amo ang aming mga pasaporte at may utang kami na 8,000 dolyar. Hindi kami makaalis.",
    "vi": "Chủ giữ hộ chiếu của chúng tôi và nói chúng tôi nợ 8.000 đô la. Chúng tôi không được rời đi.",
    "quc": "Le ajchak xumaj le qawuj. Man kojel ta bʼik. Xuquje kubʼij chi kʼo qakʼas.",
}


@pytest.fixture(autouse=True)
def _clean_cache():
    """The public pages are rate-limited per client (here always 127.0.0.1) in the cache."""
    cache.clear()
    yield
    cache.clear()


def test_tips_sent_in_three_new_languages(live_server, transactional_db, browser):
    load_demo()
    pages = {}
    for code, narrative in NARRATIVES.items():
        context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(f"{live_server.url}/tips/report/")
        page.locator("#language").select_option(code)
        page.locator("form.lang button").click()
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.get_by_test_id("unreviewed-note")).to_contain_text(vl.UNREVIEWED_NOTE)
        page.locator("input[name=observations][value=documents_taken]").check()
        page.locator("#id_narrative").fill(narrative)
        page.locator("#id_city").fill("Riverton")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        pages[code] = (context, page)
    screenshot(pages["vi"][1], "tip-form-vi-phone")
    pages["quc"][1].wait_for_timeout(3200)  # longer than the form's minimum fill time, for all three
    codes = {}
    for code, (context, page) in pages.items():
        page.get_by_test_id("send-tip").click()
        codes[code] = page.get_by_test_id("tip-code").inner_text().strip()
        expect(page.locator("html")).to_have_attribute("lang", code)  # the thank-you page too
        context.close()
    expected_heading = vl.translations("tl")["Report a concern about forced labor"]
    assert expected_heading  # the Tagalog page was translated, not English
    for code, tip_code in codes.items():
        tip = Tip.objects.get(code=tip_code)
        assert tip.page_language == code
        assert tip.narrative == NARRATIVES[code]
        assert "documents_taken" in tip.observations


def test_public_pages_pass_axe_in_every_victim_language(live_server, transactional_db, browser):
    load_demo()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    found: dict[str, list[str]] = {}
    for lang in vl.languages():
        for name, path in (("tip form", "/tips/report/"), ("warning signs", "/tips/warning-signs/")):
            response = page.goto(f"{live_server.url}{path}?lang={lang.code}")
            assert response is not None and response.status == 200, (lang.code, path)
            assert page.locator("html").get_attribute("lang") == lang.code
            assert page.locator("html").get_attribute("dir") == lang.dir
            found[f"{name} [{lang.code}]"] = violations(page)
            if lang.dir == "rtl" and name == "tip form":
                # Logical CSS: the emergency box's coloured edge is on the right, the tools on the left.
                edge = page.evaluate("getComputedStyle(document.querySelector('.tip-help')).borderRightWidth")
                assert edge == "6px", edge
                screenshot(page, f"tip-form-{lang.code}-desktop")
    context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_languages_page_and_read_aloud_questions_pass_axe(live_server, transactional_db, browser):
    """The administrators' page and the officer's read-aloud page (every victim language on
    it, right to left for Arabic) in the officer's English interface."""
    from laborlens.demo import DEMO_PASSWORD
    from tests.e2e.conftest import sign_in
    from tests.e2e.test_sign_in import demo_code

    load_demo()
    found: dict[str, list[str]] = {}
    for username, paths in (("admin", ["/languages/"]),
                            ("officer", ["/screening/read-aloud/?lang=ar", "/screening/read-aloud/?lang=quc"])):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        sign_in(page, live_server.url, username, DEMO_PASSWORD, demo_code(username))
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, path
            found[path] = violations(page)
            if path.endswith("lang=ar"):
                expect(page.locator("p.asked[lang=ar]").first).to_have_attribute("dir", "rtl")
        if username == "admin":
            expect(page.get_by_test_id("status-vi")).to_contain_text("Machine-drafted")
            screenshot(page, "victim-languages-admin")
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
