"""An analyst, on a phone, requests a k-anonymous release of the CTDC research file and
previews it; a supervisor approves it on a desktop; the analyst publishes it and the file
can be downloaded. Phone pages never scroll sideways."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.publishing.models import Release
from tests.conftest import PASSWORD, current_code
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code
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
    for column in ("yearOfRegistration", "gender", "ageCategories", "citizenship"):
        phone.locator(f"input[name=quasi_identifiers][value={column}]").check()
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
    phone.once("dialog", lambda dialog: dialog.accept())  # publishing asks first
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


def test_the_demo_takes_a_release_from_request_to_download(live_server, transactional_db, settings, phone,
                                                           desktop):
    """In the demo as shipped: the sheriff's analyst asks for a differentially private
    table at a named privacy level, the sheriff's second supervisor approves it, the
    analyst downloads it."""
    settings.DEMO_MODE = True
    settings.RELEASE_CTDC_FILE = ""
    load_demo()
    base = live_server.url
    sign_in(desktop, base, "analyst", DEMO_PASSWORD, demo_code("analyst"))
    desktop.goto(f"{base}/releases/new/")
    desktop.get_by_label("Title", exact=True).fill("Forced labour by year and gender")
    desktop.get_by_label("Data", exact=True).select_option("ctdc")
    desktop.locator("input[name=method][value=dp_table]").check()
    for column in ("yearOfRegistration", "gender"):
        desktop.locator(f"input[name=by][value={column}]").check()
    expect(desktop.get_by_text("Strict (ε = 0.5)")).to_be_visible()
    desktop.get_by_text("Standard (ε = 1)").click()
    desktop.get_by_label("Years (FIRST:LAST) for a DP table by year").fill("2012:2018")
    desktop.get_by_role("button", name="Request").click()
    desktop.get_by_role("button", name="Preview").click()
    expect(desktop.get_by_test_id("status")).to_have_text("Previewed")
    release = Release.objects.get()
    assert release.parameters["epsilon"] == 1.0

    sign_in(phone, base, "sergeant", DEMO_PASSWORD, demo_code("sergeant"))
    phone.goto(f"{base}/releases/{release.pk}/")
    phone.get_by_role("button", name="Approve").click()
    expect(phone.get_by_test_id("status")).to_have_text("Approved")

    desktop.reload()
    desktop.once("dialog", lambda dialog: dialog.accept())  # publishing asks first
    desktop.get_by_role("button", name="Publish").click()
    expect(desktop.get_by_test_id("status")).to_have_text("Released")
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="Download CSV").click()
    assert download.value.suggested_filename.startswith(f"laborlens-release-{release.pk}-")
