"""Issue 19 items 1, 2 and 5 in a browser on the demo: the supervisor's NIBRS extract is
refused while the agency's ORI is a placeholder and says who sets it; with the real ORI the
supervisor downloads the XML; the analyst sees how old the threat data is and uploads a
UCR file, then reads the per-row report."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.accounts.models import Agency
from laborlens.demo import DEMO_PASSWORD, load_demo
from tests.e2e.conftest import sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code


def test_nibrs_needs_the_real_ori_then_downloads(live_server, transactional_db, desktop):
    load_demo()
    base = live_server.url
    sign_in(desktop, base, "supervisor", DEMO_PASSWORD, demo_code("supervisor"))
    desktop.goto(f"{base}/exports/")
    expect(desktop.get_by_test_id("ori-problem")).to_contain_text("placeholder")
    expect(desktop.get_by_test_id("ori-problem")).to_contain_text("administrator")
    assert desktop.get_by_test_id("nibrs-xml").count() == 0
    assert not violations(desktop)

    # The administrator enters the real ORI (the policy page itself, with its re-authentication,
    # is tested in tests/exchange/test_views.py: a second TOTP sign-in within the same 30 s
    # window is refused as a replay here).
    rpd = Agency.objects.get(short_name="RPD")
    rpd.ori = "GA0920100"
    rpd.save()

    desktop.goto(f"{base}/exports/")
    expect(desktop.get_by_test_id("nibrs-valid")).to_be_visible()
    with desktop.expect_download() as download:
        desktop.get_by_test_id("nibrs-xml").click()
    assert download.value.suggested_filename.endswith(".xml")
    text = open(download.value.path(), encoding="utf-8").read()
    assert "<nc:IdentificationID>GA0920100</nc:IdentificationID>" in text


def test_analyst_uploads_threat_data_and_sees_its_period(live_server, transactional_db, desktop, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.THREAT_UPLOAD_INLINE = True  # no worker in this test: import during the upload
    load_demo()
    base = live_server.url
    sign_in(desktop, base, "analyst", DEMO_PASSWORD, demo_code("analyst"))
    desktop.goto(f"{base}/threat/")
    expect(desktop.get_by_test_id("stale-data")).to_be_visible()
    expect(desktop.get_by_test_id("period-ucr")).to_contain_text("2018 – 2020")
    desktop.get_by_test_id("upload-link").click()
    upload = tmp_path / "ucr_2021_GA.csv"
    upload.write_text("DATA_YEAR,ORI,STATE_ABBR,OFFENSE_SUBCAT_NAME,ACTUAL_COUNT\n"
                      "2021,GA0920100,GA,Human Trafficking: Involuntary Servitude,2\n"
                      "2021,GA0920100,GA,Arson,1\n", encoding="utf-8")
    desktop.get_by_label("What the file is").select_option("ucr")
    desktop.get_by_label("File (.xlsx or .csv)").set_input_files(str(upload))
    desktop.get_by_role("button", name="Upload and import").click()
    expect(desktop.get_by_test_id("upload-status")).to_contain_text("Imported")
    expect(desktop.get_by_test_id("problems-table")).to_contain_text("Arson")
    expect(desktop.get_by_test_id("data-periods")).to_contain_text("2018 – 2021")
    assert not violations(desktop)
