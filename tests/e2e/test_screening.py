"""An officer runs a screening on a phone in Spanish; the connection drops and the page
is reloaded midway without losing answers; the result explains itself."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.catalogue import load_catalogue
from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening.models import Screening
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_sign_in import demo_code

FIRST = ["dr_nature_of_job_location_employer", "dr_wages_earnings", "ex_excessive_hours"]
SECOND = ["ex_low_or_no_salary", "cd_confiscation_of_documents", "cd_debt_bondage"]


def answer_yes(page, indicator: str) -> None:
    page.locator(f"fieldset[data-indicator='{indicator}']").get_by_text("Sí", exact=True).click()


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
