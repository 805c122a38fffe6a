"""An analyst, on a phone, requests a k-anonymous release of the CTDC research file and
previews it; a supervisor approves it on a desktop; the analyst publishes it and the file
can be downloaded. Phone pages never scroll sideways."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.publishing.models import Release
from tests.conftest import PASSWORD, current_code
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations
from tests.publishing.conftest import CTDC_FILE, build_pub_world


def test_analyst_requests_supervisor_approves_analyst_publishes(live_server, transactional_db, world, settings,
                                                                phone, desktop):
    settings.RELEASE_CTDC_FILE = CTDC_FILE
    pw = build_pub_world(world)
    base = live_server.url
    sign_in(phone, base, "analyst_a", PASSWORD, current_code(pw.analyst_a))
    phone.goto(f"{base}/releases/")
    problems = {"list": violations(phone)}
    phone.get_by_role("link", name="Request a release").click()
    problems["form"] = violations(phone)
    phone.get_by_label("Title", exact=True).fill("Labour microdata for the annual report")
    phone.get_by_label("Data", exact=True).select_option("ctdc")
    phone.get_by_label("k-anonymous microdata").check()
    phone.get_by_label("Quasi-identifiers (k-anonymity)").fill("yearOfRegistration,gender,ageCategories,citizenship")
    phone.get_by_role("button", name="Request").click()
    phone.get_by_role("button", name="Preview").click()
    expect(phone.get_by_test_id("status")).to_have_text("Previewed")
    expect(phone.get_by_test_id("included")).to_have_text("14299")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "releases-preview-phone")
    problems["preview"] = violations(phone)
    release = Release.objects.get()

    sign_in(desktop, base, "supervisor", PASSWORD, current_code(pw.w.supervisor))
    desktop.goto(f"{base}/releases/{release.pk}/")
    desktop.get_by_label("Note").fill("Suppression under 5 %: fine")
    desktop.get_by_role("button", name="Approve").click()
    expect(desktop.get_by_test_id("status")).to_have_text("Approved")
    problems["approved (desktop)"] = violations(desktop)

    phone.reload()
    phone.get_by_role("button", name="Publish").click()
    expect(phone.get_by_test_id("status")).to_have_text("Released")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download CSV").click()
    assert download.value.suggested_filename == f"laborlens-release-{release.pk}-kanon.csv"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "releases-released-phone")
    problems["released"] = violations(phone)
    problems = {name: issues for name, issues in problems.items() if issues}
    assert not problems, problems
