"""Irreversible actions ask first (issue 17, item 8): revoking a consent shows a
confirmation; dismissing it keeps the consent, accepting it revokes."""

from __future__ import annotations

from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.victims.models import Consent
from tests.e2e.conftest import sign_in
from tests.e2e.test_sign_in import demo_code


def test_revoking_a_consent_asks_first(live_server, transactional_db, desktop):
    load_demo()
    consent = Consent.objects.filter(revoked_at__isnull=True, victim__serving_agency__short_name="SAFEHARBOR").first()
    assert consent is not None
    base = live_server.url
    sign_in(desktop, base, "advocate", DEMO_PASSWORD, demo_code("advocate"))
    desktop.goto(f"{base}/victims/{consent.victim_id}/")
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    desktop.once("dialog", lambda dialog: answer(dialog, False))
    desktop.get_by_role("button", name="Revoke now").first.click()
    desktop.wait_for_timeout(300)
    consent.refresh_from_db()
    assert consent.revoked_at is None and "cannot be restored" in questions[0]

    desktop.once("dialog", lambda dialog: answer(dialog, True))
    desktop.get_by_role("button", name="Revoke now").first.click()
    expect(desktop.locator("body")).to_contain_text("Revoked")
    consent.refresh_from_db()
    assert consent.revoked_at is not None
