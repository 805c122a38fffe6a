"""The lists in a browser (issue 17.7): filter and sort from the form, download a list from
its link, read the tip queue's priority scale; axe (serious and critical) on each list with
its filters, in English and Spanish, on a phone and a desktop."""

from __future__ import annotations

import csv
import io

import pytest

from laborlens.demo import DEMO_PASSWORD, load_demo
from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code

LISTS = {
    "investigator": [("cases", "/cases/?sort=number"), ("screenings", "/screening/?state=done"),
                     ("tip queue", "/tips/triage/?status=all&sort=-received")],
    "advocate": [("referrals", "/victims/referrals/?show=all")],
    "auditor": [("audit trail", "/audit/?sort=seq")],
}


@pytest.mark.parametrize("viewport", [(375, 740), (1280, 900)])
def test_lists_filter_download_and_pass_axe(live_server, transactional_db, browser, viewport):
    load_demo()
    base = live_server.url
    found: dict[str, list[str]] = {}
    for username, pages in LISTS.items():
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        sign_in(page, base, username, DEMO_PASSWORD, demo_code(username))
        for name, path in pages:
            for lang in ("en", "es"):
                context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
                response = page.goto(f"{base}{path}")
                assert response is not None and response.status == 200, (name, lang)
                if name == "tip queue":
                    page.get_by_test_id("priority-scale").locator("summary").click()
                found[f"{name} ({lang})"] = violations(page)
            context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
            page.goto(f"{base}{path}")
            if viewport[0] == 1280:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"list-{name.replace(' ', '-')}.png"), full_page=True)
            with page.expect_download() as info:
                page.get_by_test_id("downloads").get_by_role("link", name="CSV").click()
            rows = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8-sig"))))
            assert rows and rows[0], name
        context.close()
    problems = {name: issues for name, issues in found.items() if issues}
    assert not problems, problems


def test_the_case_form_filters_and_sorts(live_server, transactional_db, desktop):
    load_demo()
    sign_in(desktop, live_server.url, "investigator", DEMO_PASSWORD, demo_code("investigator"))
    desktop.goto(f"{live_server.url}/cases/")
    desktop.get_by_label("Sort by").select_option("number")
    desktop.get_by_role("button", name="Filter").click()
    numbers = desktop.locator("ul.list li strong").all_inner_texts()
    assert numbers == sorted(numbers) and "sort=number" in desktop.url
    desktop.get_by_label("Opened from").fill("2026-05-02")
    desktop.get_by_label("Opened until").fill("2026-05-01")
    desktop.get_by_role("button", name="Filter").click()
    assert "on or after the start date" in desktop.locator("[role=alert]").first.inner_text()
