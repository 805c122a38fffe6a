"""An investigator opens a case on a phone, adds a victim, records evidence and links it to
a legal element; the outsider cannot reach any of it by URL, search or export."""

from __future__ import annotations

import re

from django_otp.oath import totp
from playwright.sync_api import expect

from laborlens.cases.models import Case, Person
from laborlens.demo import DEMO_PASSWORD, demo_totp_key, load_demo
from tests.e2e.conftest import screenshot, sign_in

VICTIM = "Wilhelmina Oyelaran"


def demo_code(username: str) -> str:
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def test_investigator_builds_a_case_and_the_outsider_sees_none_of_it(live_server, transactional_db, phone, desktop):
    load_demo()
    base = live_server.url
    sign_in(phone, base, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    phone.goto(f"{base}/cases/")
    phone.get_by_role("link", name="Open a case").click()
    phone.get_by_label("Title").fill("Lakeside cannery night shift")
    phone.get_by_label("Industry").select_option("manufacturing")
    phone.get_by_label("H-2B (non-agricultural)").check()
    phone.get_by_role("button", name="Open case").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Lakeside cannery night shift")
    case = Case.objects.get(title="Lakeside cannery night shift")
    case_url = phone.url

    phone.get_by_role("link", name="Add a potential victim").click()
    phone.get_by_label("Full name").fill(VICTIM)
    phone.get_by_label("Phone numbers").fill("(202) 555-0166")
    phone.get_by_label("City", exact=True).fill("Riverton")
    phone.get_by_label("Español").check()
    phone.get_by_role("button", name="Add person").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text(VICTIM)
    person = Person.objects.get(case=case)
    assert person.pseudonym == "V-1"

    phone.goto(case_url)
    phone.get_by_role("link", name="Record evidence").click()
    phone.get_by_label("Kind").select_option("pay_records")
    phone.get_by_label("Title").fill("Night-shift pay stubs")
    phone.get_by_role("button", name="Record").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("E-1")
    phone.get_by_label("Legal element this item supports").select_option("means.serious_harm_1589a2")
    phone.get_by_label("How it supports the element").fill("Threatened with debt if they quit")
    phone.get_by_role("button", name="Link to element").click()
    expect(phone.locator(".messages")).to_contain_text("Linked to the element")

    phone.goto(f"{base}/cases/{case.pk}/board/")
    forced = phone.locator("section#st-usc18_1589a")
    expect(forced).to_contain_text("Supported")
    expect(forced).to_contain_text("Still missing")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "cases-board-phone")
    phone.goto(case_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "cases-detail-phone")

    # The outsider (Eastport PD), signed in on another device.
    sign_in(desktop, base, "outsider", DEMO_PASSWORD, demo_code("outsider"))
    for path in [f"/cases/{case.pk}/", f"/cases/people/{person.pk}/", f"/cases/{case.pk}/board/",
                 f"/cases/{case.pk}/export/", f"/cases/evidence/{case.evidence.get().pk}/"]:
        response = desktop.goto(f"{base}{path}")
        assert response.status == 404, path
    desktop.goto(f"{base}/cases/search/")
    for query in [VICTIM, "Lakeside cannery", "202 555 0166", case.number]:
        desktop.get_by_label("Search cases, people and entities").fill(query)
        desktop.get_by_role("button", name="Search", exact=True).click()
        expect(desktop.get_by_test_id("no-results")).to_be_visible()
    desktop.goto(f"{base}/cases/")
    expect(desktop.locator("main")).not_to_contain_text("Lakeside")
    expect(desktop.locator("main")).not_to_contain_text(re.compile(case.number))
