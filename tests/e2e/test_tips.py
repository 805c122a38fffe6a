"""A member of the public sends a Spanish tip from a phone, gets a tip code and passphrase,
adds information later with them, and the demo investigator finds the tip in triage with
its indicators highlighted."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_sign_in import demo_code

NARRATIVE = ("Trabajo limpiando oficinas para Limpiezas Aurora en Riverton. El encargado nos quitaron los "
             "pasaportes al llegar y dice que debemos 7.000 dólares por el viaje. No nos dejan salir.")


def test_public_spanish_tip_follow_up_and_triage(live_server, transactional_db, phone, desktop):
    load_demo()
    phone.goto(f"{live_server.url}/accounts/notice/")
    phone.get_by_test_id("public-tip-link").click()
    phone.locator("#language").select_option("es")
    phone.locator("form.lang button").click()
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    expect(phone.get_by_test_id("hotline")).to_have_text("1-888-373-7888")
    phone.locator("input[name=observations][value=documents_taken]").check()
    phone.locator("input[name=observations][value=cannot_leave]").check()
    phone.locator("#id_narrative").fill(NARRATIVE)
    phone.locator("#id_business_name").fill("Limpiezas Aurora")
    phone.locator("#id_city").fill("Riverton")
    phone.locator("input[name=when][value=now]").check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "tip-form-es-phone")
    phone.wait_for_timeout(3200)  # a person takes longer than the form's minimum fill time
    phone.get_by_test_id("send-tip").click()
    code = phone.get_by_test_id("tip-code").inner_text().strip()
    passphrase = phone.get_by_test_id("tip-passphrase").inner_text().strip()
    assert len(code) == 11 and len(passphrase) == 19
    screenshot(phone, "tip-thanks-es-phone")

    # Later: add information with the code and passphrase.
    phone.goto(f"{live_server.url}/tips/follow-up/")
    phone.locator("#id_code").fill(code)
    phone.locator("#id_passphrase").fill(passphrase)
    phone.get_by_test_id("open-tip").click()
    phone.locator("#id_text").fill("Anoche el patrón golpeó a un compañero.")
    phone.get_by_test_id("add-information").click()
    expect(phone.locator(".tip-updates")).to_contain_text("golpeó a un compañero")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    # The officer sees it in triage with the indicators highlighted.
    sign_in(desktop, live_server.url, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    desktop.goto(f"{live_server.url}/tips/triage/")
    desktop.get_by_role("link", name=code).click()
    narrative = desktop.get_by_test_id("narrative")
    expect(narrative.locator("mark").first).to_be_visible()
    expect(narrative.locator("mark", has_text="quitaron los pasaportes")).to_have_count(1)
    expect(desktop.get_by_test_id("indicators")).to_contain_text("Confiscation of identity or travel documents")
    expect(desktop.get_by_test_id("priority")).to_contain_text("Violence")
    screenshot(desktop, "tip-triage-detail")
