"""On a phone: an advocate makes a survey code and opens a trust pulse for an outreach
event; a person served answers the survey in Spanish (one sentence forgotten first: a
clear message, nothing lost); the supervisor's "Service quality" tile is withheld at 4
responses and appears at the 5th. axe (serious and critical fail) on the public survey
and trust-pulse pages in English and Spanish, and on the staff pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from playwright.sync_api import expect

from laborlens.accounts.models import TaskForce, User
from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.feedback import services
from laborlens.feedback.models import SurveyCode, SurveyResponse, TrustPulse
from laborlens.feedback.questions import load_questions
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_sign_in import demo_code


def fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def sign_in_and_settle(page, base: str, username: str) -> None:
    """Sign in, then wait until the app's service worker has installed: its install
    fetches run beside the page's own requests, so the test goes on only once they are
    done (each live-server thread has its own connection to the file test database,
    tests/settings.py; waiting keeps a loaded machine's requests few at a time)."""
    sign_in(page, base, username, DEMO_PASSWORD, demo_code(username))
    page.wait_for_function("async () => (await navigator.serviceWorker.ready).active.state === 'activated'")


def choose_language(page, code: str) -> None:
    page.locator("#language").select_option(code)
    page.locator("form.lang button").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def answer_all(page, kind: str, label: str, skip: str | None = None) -> None:
    for question in load_questions().questions(kind):
        if question.id != skip:
            page.get_by_test_id(f"q-{question.id}").get_by_label(label, exact=True).check()


@pytest.fixture
def patient_expect() -> Iterator[None]:
    """Assertions wait as long as actions (15 s): on a loaded machine a page can take
    longer than expect's default 5 s."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


def test_survey_and_trust_pulse_on_a_phone(live_server, transactional_db, browser, phone, patient_expect):
    load_demo()
    base = live_server.url
    found: dict[str, list[str]] = {}
    demo_responses = SurveyResponse.objects.count()
    # Four people served answered already (other codes, the same public page), and one
    # more code is kept for the English page. Written here, before any browser page is
    # open, so the test writes nothing while a page (or its service worker) may be making
    # requests.
    advocate = User.objects.get(username="advocate")
    for value in (5, 2, 4, 5):
        _row, other = services.create_survey_code(advocate)
        assert Client().post(f"/feedback/s/{other.replace('-', '')}/",
                             {q.id: str(value) for q in load_questions().survey}).status_code == 201
    _row, fresh = services.create_survey_code(advocate)

    # The advocate makes a code (paper version in Spanish) and opens a trust pulse.
    sign_in_and_settle(phone, base, "advocate")
    phone.goto(f"{base}/feedback/")
    fits(phone)
    found["staff index"] = violations(phone)
    screenshot(phone, "feedback-index-phone")
    phone.get_by_label("Language of the paper version").select_option("es")
    phone.get_by_test_id("new-survey-code").click()
    code = phone.get_by_test_id("survey-code").inner_text()
    expect(phone.get_by_test_id("paper-sheet")).to_contain_text("Me sentí seguro o segura")
    fits(phone)
    found["survey code"] = violations(phone)
    screenshot(phone, "feedback-survey-code-phone")
    phone.goto(f"{base}/feedback/surveys/paper/")
    found["paper entry"] = violations(phone)
    phone.goto(f"{base}/feedback/")
    phone.get_by_role("row", name="Radio segment in Mam and Spanish").get_by_role(
        "button", name="Start a trust pulse").click()
    pulse_code = phone.get_by_test_id("pulse-code").inner_text()
    fits(phone)
    found["pulse handout"] = violations(phone)
    screenshot(phone, "feedback-pulse-handout-phone")
    # (the demo holds 16 used codes and a pulse for another event)
    assert SurveyCode.objects.filter(used=False).count() == 2  # this one and the one kept for later
    assert TrustPulse.objects.filter(activity__title="Radio segment in Mam and Spanish").count() == 1

    # The supervisor sees the tile withheld at 4 responses.
    supervisor = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = supervisor.new_page()
    desk.set_default_timeout(15000)
    sign_in_and_settle(desk, base, "supervisor")
    dashboard = f"{base}/metrics/?period=month&scope=tf-{TaskForce.objects.get().pk}"
    desk.goto(dashboard)
    expect(desk.get_by_test_id("share-survey")).to_have_text("—")
    expect(desk.get_by_test_id("tile-survey")).to_contain_text("<5")

    # A person served answers on their own phone, in Spanish.
    victim_context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                                         is_mobile=True, has_touch=True)
    victim = victim_context.new_page()
    victim.set_default_timeout(15000)
    victim.goto(f"{base}/feedback/survey/")
    found["code entry (en)"] = violations(victim)
    choose_language(victim, "es")
    found["code entry (es)"] = violations(victim)
    victim.get_by_label("Su código").fill(code.lower())
    victim.get_by_role("button", name="Continuar").click()
    expect(victim.get_by_role("heading", level=1)).to_have_text("Cuéntenos sobre la ayuda que recibió")
    fits(victim)
    found["survey (es)"] = violations(victim)
    answer_all(victim, "survey", "De acuerdo", skip="needs_met")
    victim.get_by_test_id("q-felt_safe").get_by_label("Prefiero no contestar").check()
    victim.get_by_test_id("send-answers").click()
    expect(victim.get_by_test_id("missing")).to_contain_text("Frases sin respuesta: 1")
    expect(victim.get_by_test_id("q-respected").get_by_label("De acuerdo", exact=True)).to_be_checked()
    expect(victim.get_by_test_id("q-felt_safe").get_by_label("Prefiero no contestar")).to_be_checked()
    found["survey with a missing answer (es)"] = violations(victim)
    assert SurveyResponse.objects.count() == demo_responses + 4
    victim.get_by_test_id("q-needs_met").get_by_label("Totalmente de acuerdo").check()
    screenshot(victim, "feedback-survey-es-phone")
    victim.get_by_test_id("send-answers").click()
    expect(victim.get_by_test_id("thanks")).to_have_text("Gracias. Recibimos sus respuestas.")
    found["thanks (es)"] = violations(victim)
    saved = SurveyResponse.objects.order_by("-pk").first()
    assert saved.language == "es" and saved.answers["felt_safe"] == 0 and saved.answers["needs_met"] == 5
    # The code is used up.
    victim.goto(f"{base}/feedback/s/{code.replace('-', '')}/")
    expect(victim.get_by_test_id("problem")).to_contain_text("ya se usó")

    # The trust pulse in Spanish, then in English.
    victim.goto(f"{base}/feedback/pulse/")
    victim.get_by_label("Su código").fill(pulse_code)
    victim.get_by_role("button", name="Continuar").click()
    fits(victim)
    found["pulse (es)"] = violations(victim)
    answer_all(victim, "pulse", "Ni de acuerdo ni en desacuerdo")
    victim.get_by_test_id("send-answers").click()
    expect(victim.get_by_test_id("thanks")).to_be_visible()
    choose_language(victim, "en")
    victim.goto(f"{base}/feedback/p/{pulse_code.removeprefix('P-')}/")
    expect(victim.get_by_role("heading", level=1)).to_have_text("A few questions after our event")
    found["pulse (en)"] = violations(victim)
    victim.goto(f"{base}/feedback/survey/")
    victim.get_by_label("Your code").fill("ABCD-EFGH")
    victim.get_by_role("button", name="Continue").click()
    expect(victim.get_by_role("alert").first).to_contain_text("could not find")
    found["code entry with an error (en)"] = violations(victim)
    victim.goto(f"{base}/feedback/s/{fresh.replace('-', '')}/")
    found["survey (en)"] = violations(victim)
    victim_context.close()

    # Five responses: the tile shows the share that agree: 34 answers (5 x 7 less one
    # "prefer not to say"), of which 7 disagree (one person's "2"): 27 / 34 -> 79 %.
    desk.goto(dashboard)
    expect(desk.get_by_test_id("share-survey")).to_have_text("79 %")
    expect(desk.get_by_test_id("tile-survey")).to_contain_text("5")
    screenshot(desk, "feedback-dashboard-desktop")
    desk.get_by_test_id("tile-survey").get_by_role("link").click()
    expect(desk.get_by_test_id("question-felt_safe")).to_contain_text("<5")
    found["results"] = violations(desk)
    screenshot(desk, "feedback-results-desktop")
    supervisor.close()

    problems = {name: issues for name, issues in found.items() if issues}
    assert not problems, problems
