"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LABORLENS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"
# Playwright's sync API runs an event loop in the test thread; Django's ORM is still
# used synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            # One worker runs all browser tests so they share one Chromium.
            item.add_marker(pytest.mark.xdist_group("e2e"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def screenshot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def sign_in(page: object, base_url: str, username: str, password: str, code: str, *,
            expect_success: bool = True) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base_url}/")  # type: ignore[attr-defined]
    page.get_by_role("button", name="I accept").click()  # type: ignore[attr-defined]
    page.get_by_label("User name").fill(username)  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Continue").click()  # type: ignore[attr-defined]
    page.get_by_label("Six-digit code from your authenticator app").fill(code)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    # Wait for the signed-in page: a goto() straight after the click can abort the sign-in
    # response and its session cookie on a loaded machine.
    if expect_success:
        expect(page.get_by_test_id("logout")).to_be_attached()  # type: ignore[attr-defined]
