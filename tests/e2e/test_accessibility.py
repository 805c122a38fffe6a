"""Automated accessibility audit (axe-core, WCAG 2.1 A/AA rules) of the main pages (sign-in,
screening, the public tip form, victim pages, case pages, the metrics dashboard), on a
phone-sized screen and on a desktop. Serious and critical violations fail the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening.models import Screening
from tests.e2e.conftest import sign_in
from tests.e2e.test_sign_in import demo_code

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")


AUDIT = """async () => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
    return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
}"""

# Signs that the audit ran while a click's navigation was still swapping the document
# (CI saw "Cannot read properties of null (reading 'documentElement')"): wait and audit again.
_MID_NAVIGATION = ("documentElement", "axe is not defined", "Execution context was destroyed")


def _audit(page) -> list[str]:
    page.wait_for_load_state("load")
    page.evaluate(AXE)
    return list(page.evaluate(AUDIT))


def violations(page, retries: int = 2) -> list[str]:
    for _ in range(retries):
        try:
            return _audit(page)
        except PlaywrightError as error:
            if not any(sign in str(error) for sign in _MID_NAVIGATION):
                raise
            page.wait_for_timeout(250)
    return _audit(page)


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


def audit_pages(page, base: str, pages: list[tuple[str, str]], found: dict[str, list[str]]) -> None:
    for name, path in pages:
        response = page.goto(f"{base}{path}")
        assert response is not None and response.status == 200, (name, path, response and response.status)
        found[name] = violations(page)


@pytest.mark.parametrize("viewport", [(375, 740), (1280, 900)])
def test_tip_victim_case_and_metrics_pages_have_no_serious_accessibility_violations(
        live_server, transactional_db, browser, viewport):
    from laborlens.accounts.models import User
    from laborlens.cases.models import AfterActionReport, Case, OperationPlan, Person
    from laborlens.victims.models import VictimRecord

    load_demo()
    base = live_server.url
    found: dict[str, list[str]] = {}

    def session(username: str | None):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.set_default_timeout(15000)
        if username:
            sign_in(page, base, username, DEMO_PASSWORD, demo_code(username))
        return context, page

    # The public tip form, as a tipster sees it (no account).
    context, page = session(None)
    audit_pages(page, base, [("tip form", "/tips/report/"), ("tip follow-up", "/tips/follow-up/"),
                             ("warning signs", "/tips/warning-signs/")], found)
    context.close()

    # Victim pages, as the advocate who serves the victims.
    advocate = User.objects.get(username="advocate")
    record = VictimRecord.objects.restrict(advocate, "view").order_by("pk").first()
    assert record is not None
    context, page = session("advocate")
    audit_pages(page, base, [("victims", "/victims/"), ("victim record", f"/victims/{record.pk}/"),
                             ("victim edit", f"/victims/{record.pk}/edit/"),
                             ("referrals", "/victims/referrals/"), ("directory", "/victims/directory/"),
                             ("relief guide", "/victims/relief/guide/")], found)
    context.close()

    # Case pages, as the lead investigator.
    investigator = User.objects.get(username="investigator")
    case = Case.objects.restrict(investigator, "view").order_by("pk").first()
    person = Person.objects.restrict(investigator, "view").filter(case=case).order_by("pk").first()
    assert case is not None and person is not None
    pages = [("cases", "/cases/"), ("case", f"/cases/{case.pk}/"), ("case board", f"/cases/{case.pk}/board/"),
             ("my work", "/cases/my-work/"), ("search", "/cases/search/"),
             ("person", f"/cases/people/{person.pk}/"), ("new person", f"/cases/{case.pk}/people/new/")]
    plan = OperationPlan.objects.restrict(investigator, "view").order_by("pk").first()
    report = AfterActionReport.objects.restrict(investigator, "view").order_by("pk").first()
    assert plan is not None and report is not None
    pages += [("operation plan", f"/cases/operations/{plan.pk}/"), ("after-action report", f"/cases/reports/{report.pk}/")]
    context, page = session("investigator")
    audit_pages(page, base, pages, found)
    context.close()

    # The metrics dashboard, as a supervisor.
    context, page = session("supervisor")
    audit_pages(page, base, [("metrics", "/metrics/")], found)
    context.close()

    problems = {name: issues for name, issues in found.items() if issues}
    assert not problems, problems
