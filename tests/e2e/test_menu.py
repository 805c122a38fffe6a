"""On a phone the menu is folded on load and opens from its button (issue 17.8): the first
screen shows the page, not the list of links."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.accounts.demo import DEMO_PASSWORD, load_demo_people
from tests.e2e.conftest import sign_in
from tests.e2e.test_sign_in import demo_code


def test_the_phone_menu_is_folded_on_load_and_opens(live_server, transactional_db, phone):
    load_demo_people()
    base = live_server.url
    sign_in(phone, base, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    phone.goto(f"{base}/")
    assert phone.viewport_size["width"] == 375
    toggle = phone.get_by_role("button", name="Menu")
    cases = phone.get_by_role("navigation", name="Main").get_by_role("link", name="Cases", exact=True)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(cases).to_be_hidden()
    # Folded, the header is one short band: the page's heading is on the first screen.
    header = phone.locator("header.top").bounding_box()
    assert header is not None and header["height"] < 740 * 0.2, header
    expect(phone.get_by_role("heading", level=1)).to_be_in_viewport()
    # Language and sign-out stay reachable without opening the menu.
    expect(phone.get_by_test_id("logout")).to_be_visible()

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(cases).to_be_visible()
    cases.click()
    expect(phone).to_have_url(f"{base}/cases/")

    # The menu folds again on the next page and closes from the same button.
    toggle = phone.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(phone.get_by_role("navigation", name="Main").get_by_role("link", name="Cases", exact=True)).to_be_hidden()


def test_the_desktop_menu_is_always_open(live_server, transactional_db, desktop):
    load_demo_people()
    base = live_server.url
    sign_in(desktop, base, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    expect(desktop.get_by_role("button", name="Menu")).to_be_hidden()
    expect(desktop.get_by_role("navigation", name="Main").get_by_role("link", name="Cases", exact=True)).to_be_visible()
