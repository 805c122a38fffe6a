"""A supervisor (desktop) and an analyst (phone) open the measures dashboard for the task
force: charts and their data tables render, nothing overflows at 375 px, and the
screenshots are kept for the user guide (docs/img/)."""

from __future__ import annotations

from pathlib import Path

from django_otp.oath import totp
from playwright.sync_api import expect

from laborlens.accounts.models import TaskForce
from laborlens.demo import DEMO_PASSWORD, demo_totp_key, load_demo
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def demo_code(username: str) -> str:
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def test_dashboard_on_desktop_and_phone(live_server, transactional_db, desktop, phone):
    load_demo()
    base = live_server.url
    task_force = TaskForce.objects.get()
    url = f"{base}/metrics/?period=year&scope=tf-{task_force.pk}"
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    # Two users: a one-time code is accepted once, so one user cannot sign in twice in 30 s.
    for page, name, username in ((desktop, "dashboard-desktop", "supervisor"), (phone, "dashboard-phone", "analyst")):
        sign_in(page, base, username, DEMO_PASSWORD, demo_code(username))
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_test_id("metrics-period")).to_contain_text(task_force.name)
        expect(page.locator("svg.chart").first).to_be_visible()
        expect(page.get_by_role("table").first).to_be_visible()
        assert page.locator("svg.chart").count() >= 8
        expect(page.get_by_test_id("tiles")).to_be_visible()
        # eight counts, then service quality and community trust (feedback/tiles.py)
        assert page.locator("[data-testid^=tile-]").count() == 10
        if page is desktop:
            # read at a glance: every tile on the first screen at 1280 px, no scrolling
            box = page.get_by_test_id("tiles").bounding_box()
            assert box["y"] + box["height"] <= 900, box
            page.get_by_test_id("tile-referrals").click()
            assert page.evaluate("location.hash") == "#fig-referrals"
        assert not violations(page)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS_IMG / f"{name}.png"), full_page=True)
        screenshot(page, name)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 1280
