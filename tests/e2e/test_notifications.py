"""The e-mail notifications page in a real browser: reached from "My account", choices
saved, and no serious accessibility violation in English or Spanish, on a phone and a
desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.notifications.services import preferences_of
from tests.e2e.conftest import sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code


@pytest.mark.parametrize("viewport", [(375, 740), (1280, 900)])
def test_preferences_page_saves_choices_and_passes_axe_in_both_languages(live_server, transactional_db,
                                                                         browser, viewport):
    users = load_demo()
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, live_server.url, "shelter", DEMO_PASSWORD, demo_code("shelter"))
    page.goto(f"{live_server.url}/accounts/me/")
    page.get_by_role("link", name="E-mail notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("E-mail notifications")
    found = {"en": violations(page)}

    page.get_by_role("checkbox", name="A case may overlap with another agency's case").uncheck()
    page.get_by_role("combobox", name="When: A referral was sent to your organisation").select_option("digest")
    page.get_by_label("Language of the e-mails").select_option("es")
    page.get_by_role("button", name="Save choices").click()
    expect(page.get_by_role("status")).to_contain_text("Your notification choices are saved.")
    prefs = preferences_of(users["shelter"])
    assert prefs["deconfliction"][0] is False and prefs["referral_received"] == (True, "digest")

    page.get_by_label("Language", exact=True).select_option("es")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notificaciones por correo")
    found["es"] = violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]  # no sideways scrolling
    context.close()
    assert not {lang: issues for lang, issues in found.items() if issues}
