"""The demo analyst opens the threat assessment of the task force's area (the demo's real
Georgia slice) on a phone and on a desktop: the county map and the ranked tables show, the
page fits 375 px, and axe finds no serious accessibility problem."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code


def test_analyst_sees_the_threat_assessment_map_and_ranks(live_server, transactional_db, phone, desktop):
    load_demo()
    base = live_server.url
    sign_in(phone, base, "analyst", DEMO_PASSWORD, demo_code("analyst"))
    phone.goto(f"{base}/")
    phone.get_by_role("link", name="Threat assessment").first.click()
    expect(phone.get_by_test_id("area-title")).to_contain_text("Georgia: Lowndes, Berrien")
    expect(phone.get_by_test_id("map")).to_be_visible()
    assert phone.locator("[data-testid=map] path[data-fips]").count() == 159
    expect(phone.get_by_test_id("places-table")).to_contain_text("Berrien")
    expect(phone.get_by_test_id("debarred-table")).to_contain_text("J & J HARVESTING, LLC")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert not violations(phone)
    screenshot(phone, "threat-assessment-phone")

    sign_in(desktop, base, "supervisor", DEMO_PASSWORD, demo_code("supervisor"))
    desktop.goto(f"{base}/threat/")
    expect(desktop.get_by_test_id("intake-table")).to_contain_text("Berrien")
    assert not violations(desktop)
    screenshot(desktop, "threat-assessment-desktop")
    desktop.goto(f"{base}/threat/imports/")
    expect(desktop.get_by_test_id("runs-table")).to_contain_text("h2a_fy2017_GA.csv")
