"""Automated accessibility audit (axe-core, WCAG 2.1 A/AA rules) of the main pages, on a
phone-sized screen and on a desktop. Serious and critical violations fail the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening.models import Screening
from tests.e2e.conftest import sign_in
from tests.e2e.test_sign_in import demo_code

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")


def violations(page) -> list[str]:
    page.evaluate(AXE)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
        }"""
    )
    return list(result)


@pytest.mark.parametrize("viewport", [(375, 740), (1280, 900)])
def test_main_pages_have_no_serious_accessibility_violations(live_server, transactional_db, browser, viewport):
    load_demo()
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.set_default_timeout(15000)
    found = {}
    page.goto(f"{live_server.url}/accounts/notice/")
    found["notice"] = violations(page)
    page.get_by_role("button", name="I accept").click()
    found["login"] = violations(page)
    context.close()

    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    screening = Screening.objects.filter(created_by__username="officer").first()
    for name, path in [("home", "/"), ("new screening", "/screening/new/"),
                       ("questions", f"/screening/{screening.pk}/"),
                       ("all questions", f"/screening/{screening.pk}/?all=1"),
                       ("result", f"/screening/{screening.pk}/result/"),
                       ("print", f"/screening/{screening.pk}/print/"),
                       ("guide", "/screening/guide/"), ("screenings", "/screening/"),
                       ("my account", "/accounts/me/")]:
        page.goto(f"{live_server.url}{path}")
        found[name] = violations(page)
    context.close()
    problems = {name: issues for name, issues in found.items() if issues}
    assert not problems, problems


def test_the_audit_catches_known_violations(browser):
    page = browser.new_page()
    page.set_content("<html><body><img src='x.png'><input type='text'><button></button></body></html>")
    found = " ".join(violations(page))
    page.close()
    assert "image-alt" in found and "label" in found and "button-name" in found
