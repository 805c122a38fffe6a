"""Work that flows (issue 17.6): an officer sends a screening to a named investigator, who
finds it in My work and in their screening list, and opens it from there."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening.models import ScreeningHandoff
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_sign_in import demo_code

LABEL = "Worker 7, packing shed on Route 9"


def test_officer_sends_a_screening_and_the_investigator_finds_it_in_my_work(live_server, transactional_db, browser):
    load_demo()
    officer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    officer = officer_context.new_page()
    officer.set_default_timeout(15000)
    sign_in(officer, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    officer.goto(f"{live_server.url}/screening/new/")
    officer.get_by_label("Label").fill(LABEL)
    officer.get_by_label("Adult").check()
    officer.get_by_role("button", name="Start").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(LABEL)
    result_url = officer.url.replace(f"{live_server.url}", "").rstrip("/") + "/result/"
    officer.goto(f"{live_server.url}{result_url}")

    # Nobody is chosen for the officer: sending without choosing says what is missing.
    recipient = officer.get_by_label("Send to", exact=True)
    expect(recipient).to_have_value("")
    officer.get_by_role("button", name="Send", exact=True).click()
    expect(officer.get_by_role("alert")).to_contain_text("Choose the person to send this screening to.")
    assert not ScreeningHandoff.objects.filter(screening__label=LABEL).exists()

    officer.get_by_label("Send to", exact=True).select_option(label="Ivan Reyes")
    officer.get_by_role("button", name="Send", exact=True).click()
    expect(officer.locator("body")).to_contain_text("Screening sent to Ivan Reyes")
    expect(officer.locator("body")).to_contain_text("Sent to Ivan Reyes on")
    officer_context.close()

    investigator_context = browser.new_context(viewport={"width": 1280, "height": 900})
    investigator = investigator_context.new_page()
    investigator.set_default_timeout(15000)
    sign_in(investigator, live_server.url, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    investigator.goto(f"{live_server.url}/cases/my-work/")
    section = investigator.get_by_test_id("work-screenings_sent")
    expect(section.get_by_role("heading", level=2)).to_contain_text("Screenings sent to me")
    # The demo's diner screening was sent to them already: two wait now.
    expect(investigator.get_by_test_id("count-screenings_sent")).to_have_text("2")
    expect(section).to_contain_text("from Olivia Ortiz")
    screenshot(investigator, "my-work-screening-sent")
    section.get_by_role("link", name=LABEL).click()
    expect(investigator.get_by_role("heading", level=1)).to_have_text(LABEL)
    expect(investigator.get_by_test_id("sent-to-you")).to_contain_text("Olivia Ortiz sent you this screening")

    investigator.goto(f"{live_server.url}/screening/")
    expect(investigator.locator("main")).to_contain_text(LABEL)
    investigator_context.close()
