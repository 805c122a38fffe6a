"""A demo officer signs in with a TOTP code computed here, sees the home page in English
and in Spanish, and signs out."""

from __future__ import annotations

from django_otp.oath import totp
from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, demo_totp_key, load_demo
from tests.e2e.conftest import screenshot, sign_in


def demo_code(username: str) -> str:
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def test_demo_officer_signs_in_switches_language_and_signs_out(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Welcome, Olivia Ortiz")
    expect(phone.locator("body")).to_contain_text("Riverton Police Department")
    # The page fits a 375-pixel phone without sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "home-en-phone")

    phone.get_by_label("Language").select_option("es")
    phone.get_by_role("button", name="Change").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Bienvenido/a, Olivia Ortiz")
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    screenshot(phone, "home-es-phone")

    phone.get_by_role("button", name="Cerrar sesión").click()
    # Signed out: the next sign-in starts again with the system-use notice.
    expect(phone.get_by_role("heading", level=1)).to_have_text("Aviso de uso del sistema")
    phone.goto(f"{live_server.url}/")
    expect(phone).to_have_url(f"{live_server.url}/accounts/notice/")


def test_wrong_code_does_not_sign_in(live_server, transactional_db, phone):
    load_demo()
    good = demo_code("investigator")
    bad = f"{(int(good) + 1) % 1000000:06d}"
    sign_in(phone, live_server.url, "investigator", DEMO_PASSWORD, bad, expect_success=False)
    expect(phone.get_by_role("alert")).to_contain_text("not valid")
