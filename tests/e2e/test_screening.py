"""An officer runs a screening on a phone in Spanish; the connection drops and the page
is reloaded midway without losing answers; the result explains itself."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from laborlens.catalogue import load_catalogue
from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening.models import Screening
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_sign_in import demo_code

FIRST = ["dr_nature_of_job_location_employer", "dr_wages_earnings", "ex_excessive_hours"]
SECOND = ["ex_low_or_no_salary", "cd_confiscation_of_documents", "cd_debt_bondage"]


def answer_yes(page, indicator: str) -> None:
    """Record the indicator present: the button that means so ("Sí" or "Encontrado" for an
    open question; "No" where a yes means absent), whatever its words."""
    present(page.locator(f"fieldset[data-indicator='{indicator}']"))


def scripts_ready(page) -> None:
    """The heading shows while the page is still parsed; screening.js (deferred) listens for answers
    only once it has run. An answer clicked before that is not autosaved: wait for the load event.
    (Two CI runs on 2026-12-07 failed with the save status still 'idle' after the first answer.)"""
    page.wait_for_load_state("load")


def present(block) -> None:
    block.locator("label:has(input[value=present])").click()


def test_phone_screening_in_spanish_survives_offline_and_reload(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    phone.get_by_label("Language").select_option("es")
    phone.get_by_role("button", name="Change").click()

    phone.goto(f"{live_server.url}/screening/new/")
    phone.get_by_label("Etiqueta").fill("Trabajador 2, granja de la ruta 9")
    phone.get_by_label("Adulto").check()
    phone.get_by_role("button", name="Comenzar").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Trabajador 2, granja de la ruta 9")
    scripts_ready(phone)
    # Questions are read aloud in Spanish.
    first_question = phone.locator(f"fieldset[data-indicator='{FIRST[0]}'] p.asked").first
    expect(first_question).to_contain_text("¿")

    for indicator in FIRST:
        answer_yes(phone, indicator)
    expect(phone.locator("#save-status")).to_have_text("Todas las respuestas guardadas.")

    # The connection drops: the answer waits on the phone and goes when it returns.
    phone.context.set_offline(True)
    answer_yes(phone, SECOND[0])
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "offline")
    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.locator("#save-status")).to_have_text("Todas las respuestas guardadas.")
    screenshot(phone, "screening-questions-es-phone")

    phone.reload()
    for indicator in [*FIRST, SECOND[0]]:
        expect(phone.locator(f"input[name='value-{indicator}'][value='present']")).to_be_checked()
    screening = Screening.objects.get(label="Trabajador 2, granja de la ruta 9")
    assert {*FIRST, SECOND[0]} <= set(screening.present_indicators)

    for indicator in SECOND[1:]:
        answer_yes(phone, indicator)
    phone.get_by_role("button", name="Guardar y ver el resultado").click()
    expected = load_catalogue().readings["trafficking"].label.es
    expect(phone.get_by_test_id("reading")).to_have_text(expected)
    expect(phone.locator("body")).to_contain_text("1589")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "screening-result-es-phone")


SECRET_NOTE = "Rosa Quintero sleeps in the packing shed"
THIRD = "cd_confiscation_of_documents"


def vault_entries(page) -> dict:
    return page.evaluate("""() => {
        const out = {};
        for (let i = 0; i < localStorage.length; i++) {
            const name = localStorage.key(i);
            if (name.startsWith('laborlens-')) { out[name] = localStorage.getItem(name); }
        }
        return out;
    }""")


def test_offline_answers_are_ciphertext_on_the_phone_resume_and_go_at_sign_out(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    phone.goto(f"{live_server.url}/screening/new/")
    phone.get_by_label("Label").fill("Vault worker")
    phone.get_by_label("Adult").check()
    phone.get_by_role("button", name="Start").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Vault worker")
    scripts_ready(phone)
    block = phone.locator(f"fieldset[data-indicator='{FIRST[0]}']")
    present(block)
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "saved")

    # Offline: an answer and a note that names someone wait on the phone, encrypted.
    phone.context.set_offline(True)
    block = phone.locator(f"fieldset[data-indicator='{SECOND[0]}']")
    present(block)
    block.locator("summary").click()
    block.locator("textarea").fill(SECRET_NOTE)
    block.locator("textarea").blur()
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "offline")
    phone.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('laborlens-pending-'))")
    phone.wait_for_timeout(300)  # the last encrypted write of the queue
    stored = vault_entries(phone)
    assert stored, "nothing kept on the phone"
    for value in stored.values():
        sealed = json.loads(value)
        assert set(sealed) == {"v", "iv", "ct"}
        for clear in ("Rosa", "Quintero", "packing", SECOND[0], "present", "ex_", "note"):
            assert clear not in value

    # The page is reloaded once the network is back: the answers are decrypted, restored and
    # sent. (The page's own retry when the network returns is held back, so that it is the
    # reload that sends them.)
    phone.route("**/answer/", lambda route: route.abort())
    phone.context.set_offline(False)
    phone.wait_for_timeout(300)
    phone.unroute("**/answer/")
    assert vault_entries(phone)
    phone.reload()
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "saved")
    expect(phone.locator(f"input[name='value-{SECOND[0]}'][value='present']")).to_be_checked()
    screening = Screening.objects.get(label="Vault worker")
    assert {FIRST[0], SECOND[0]} <= set(screening.present_indicators)
    assert SECRET_NOTE in json.dumps(screening.answers)
    assert not vault_entries(phone)

    # Another answer cannot be sent (the answer endpoint fails); signing out removes it.
    phone.route("**/answer/", lambda route: route.abort())
    present(phone.locator(f"fieldset[data-indicator='{THIRD}']"))
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "offline")
    phone.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('laborlens-pending-'))")
    assert vault_entries(phone)
    phone.get_by_test_id("logout").click()
    expect(phone.get_by_text("You are signed out.")).to_be_visible()
    assert not vault_entries(phone)
