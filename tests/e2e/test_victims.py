"""An advocate, on a phone, opens a victim record, records needs, captures consent (printed
in English and Spanish), refers the person to a shelter; the shelter accepts the referral
from its own queue and sees only what the person consented to; an officer on the case
sees the pseudonym only."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_otp.oath import totp
from playwright.sync_api import expect

from laborlens.demo import DEMO_PASSWORD, demo_totp_key, load_demo
from laborlens.victims.models import Referral, VictimRecord
from tests.e2e.conftest import screenshot, sign_in

VICTIM = "Itzel Cuxil Batz"


def demo_code(username: str) -> str:
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def test_advocate_records_needs_captures_consent_refers_and_the_shelter_accepts(live_server, transactional_db,
                                                                                phone, desktop):
    load_demo()
    base = live_server.url
    sign_in(phone, base, "advocate", DEMO_PASSWORD, demo_code("advocate"))
    phone.goto(f"{base}/victims/")
    phone.get_by_role("link", name="Open a victim record").click()
    phone.get_by_label("Case", exact=True).select_option(index=1)
    phone.get_by_label("Full name").fill(VICTIM)
    phone.get_by_label("Preferred language").select_option("mam")
    phone.get_by_role("button", name="Open record").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text(VICTIM)
    record = VictimRecord.objects.get(person__pseudonym=phone.get_by_role("heading", level=1).inner_text()
                                      .split("(")[-1].rstrip(")").strip())

    for need, urgency in [("housing", "now"), ("medical", "soon")]:
        phone.locator("summary", has_text="Record or update a need").click()
        phone.get_by_label("Need", exact=True).select_option(need)
        phone.get_by_label("Urgency").select_option(urgency)
        phone.get_by_role("button", name="Save need").click()
        expect(phone.get_by_test_id(f"need-{need}")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "victims-record-phone")

    phone.get_by_role("link", name="Record consent").click()
    phone.get_by_label("Who may receive the information").select_option(label="Casa Esperanza Shelter")
    phone.get_by_label("Identity (name, date of birth, documents)").check()
    phone.get_by_label("Needs and services").check()
    phone.get_by_label("Purpose").fill("Shelter placement tonight")
    phone.get_by_label("Expires on").fill((timezone.localdate() + timedelta(days=90)).isoformat())
    phone.get_by_label("Signature: the person types their name").fill(VICTIM)
    phone.get_by_label("I explained this consent").check()
    phone.get_by_role("button", name="Record consent").click()
    expect(phone.get_by_test_id("consent-en")).to_contain_text("Consent to share information")
    expect(phone.get_by_test_id("consent-es")).to_contain_text("Consentimiento para compartir información")
    screenshot(phone, "victims-consent-print-phone")
    phone.get_by_role("link", name="Back").click()

    phone.get_by_role("link", name="Refer", exact=True).click()
    phone.get_by_label("Refer to").select_option(label="Casa Esperanza Shelter")
    phone.get_by_label("For which need").select_option("housing")
    phone.get_by_label("Note to the receiving organisation").fill("Needs a bed tonight; speaks Mam.")
    phone.get_by_role("button", name="Send referral").click()
    expect(phone.get_by_test_id("referral-status")).to_have_text("Sent")
    referral = Referral.objects.get(victim=record)
    assert referral.shared_categories == ["identity", "needs"]

    # The shelter, on its own device, works the referral from its queue.
    sign_in(desktop, base, "shelter", DEMO_PASSWORD, demo_code("shelter"))
    desktop.goto(f"{base}/victims/referrals/")
    desktop.get_by_test_id("incoming").get_by_role("link", name=f"{record.pseudonym} · Housing / shelter").click()
    expect(desktop.get_by_test_id("shared")).to_contain_text(VICTIM)
    desktop.get_by_role("button", name="Accept").click()
    expect(desktop.get_by_test_id("referral-status")).to_have_text("Accepted")
    referral.refresh_from_db()
    assert referral.status == "accepted"
    screenshot(desktop, "victims-referral-accepted")

    # The officer on the case sees the pseudonym and the service status, not the name.
    phone.context.clear_cookies()
    sign_in(phone, base, "officer", DEMO_PASSWORD, demo_code("officer"))
    phone.goto(f"{base}/victims/{record.pk}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(record.pseudonym)
    expect(phone.locator("main")).not_to_contain_text(VICTIM)
    phone.goto(f"{base}/cases/people/{record.person.pk}/")
    expect(phone.get_by_test_id("victim-banner")).to_be_visible()
    expect(phone.locator("main")).not_to_contain_text(VICTIM)
