"""The installable field app (issue 17, part 1): an officer installs it, loses the connection,
starts and finishes a screening on the phone with the reading shown there, reloads, and when
the connection returns the screening reaches the server once, even though the first reply
was lost and the phone sent it again."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from laborlens.catalogue import load_catalogue
from laborlens.demo import DEMO_PASSWORD, load_demo
from laborlens.screening import services
from laborlens.screening.models import Screening
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_accessibility import violations
from tests.e2e.test_screening import answer_yes
from tests.e2e.test_sign_in import demo_code

PRESENT = ["dr_wages_earnings", "ex_low_or_no_salary", "ex_excessive_hours", "cd_confiscation_of_documents",
           "cd_debt_bondage", "cd_isolation_confinement_surveillance"]


def installed(page) -> dict:
    """What the browser needs to offer installation, read from the page itself."""
    return page.evaluate("""async () => {
        const link = document.querySelector("link[rel=manifest]");
        const manifest = await (await fetch(link.href)).json();
        const registration = await navigator.serviceWorker.ready;
        const cache = (await caches.keys()).find(name => name.startsWith("laborlens-"));
        const kept = cache ? (await (await caches.open(cache)).keys()).map(r => new URL(r.url).pathname) : [];
        return {manifest, worker: registration.active && registration.active.state,
                scope: registration.scope, kept};
    }""")


def vault_in_clear(page) -> str:
    return page.evaluate("""() => Object.keys(localStorage).filter(k => k.startsWith('laborlens-'))
        .map(k => localStorage.getItem(k)).join('\\n')""")


def test_offline_screening_is_saved_on_the_phone_read_there_and_sent_once(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))

    # Installable: a manifest and an active service worker for the whole site, holding the
    # app shell, the field page, the catalogue and the guide (and no other page).
    phone.goto(f"{live_server.url}/screening/field/")
    app = installed(phone)
    assert app["manifest"]["display"] == "standalone"
    assert app["manifest"]["start_url"] == "/screening/field/"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in app["manifest"]["icons"]}
    assert app["worker"] == "activated" and app["scope"] == f"{live_server.url}/"
    pages = {path for path in app["kept"] if not path.startswith("/static/")}
    assert pages == {"/screening/field/", "/screening/field/catalogue.json", "/screening/guide/"}
    assert "/static/laborlens/reading.js" in app["kept"]
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")

    # No connection: the page opens from the phone's cache, with the key kept for this vault.
    phone.context.set_offline(True)
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "offline")
    phone.get_by_label("Adult").check()
    for indicator in PRESENT:
        answer_yes(phone, indicator)
    expected = services.assess({i: {"value": "present"} for i in PRESENT}, "adult")["reading"]
    label = load_catalogue().readings[expected].label.en
    expect(phone.get_by_test_id("device-reading")).to_have_text(label)
    assert expected == "trafficking"
    phone.get_by_role("button", name="Save on this phone").click()
    state = phone.get_by_test_id("queue-state")
    expect(state).to_have_text("Saved on this phone")
    expect(phone.locator("#field-queue li")).to_contain_text(label)
    screenshot(phone, "field-offline-saved-phone")
    assert not violations(phone)

    # Reloaded with no connection: still there, and nothing readable on the phone.
    phone.reload()
    expect(phone.get_by_test_id("queue-state")).to_have_text("Saved on this phone")
    stored = vault_in_clear(phone)
    assert stored
    for clear in (*PRESENT, "present", "adult", "Field screening", "idempotency"):
        assert clear not in stored
    for value in stored.splitlines():
        assert set(json.loads(value)) == {"v", "iv", "ct"}
    queued = Screening.objects.filter(idempotency_key__isnull=False)  # the demo's own have no key
    assert not queued.exists()
    before = Screening.objects.count()

    # The connection returns but the server's first reply is lost: the phone keeps the
    # screening as unsent, and sends it again.
    lost = []

    def lose_reply(route):
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch().status)  # the server did receive it
            route.abort()
            return
        route.continue_()

    phone.context.route("**/api/v1/screenings/", lose_reply)
    phone.context.set_offline(False)
    with phone.context.expect_event("requestfailed", lambda r: r.url.endswith("/api/v1/screenings/")):
        phone.evaluate("window.dispatchEvent(new Event('online'))")
        phone.evaluate("window.dispatchEvent(new Event('online'))")  # sync triggered twice
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "offline")
    assert lost == [201]
    assert queued.count() == 1
    phone.get_by_role("button", name="Send now").click()
    expect(phone.get_by_test_id("queue-state")).to_have_text("Sent")
    phone.get_by_role("button", name="Send now").click()
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    phone.context.unroute("**/api/v1/screenings/")

    screening = queued.get()
    assert screening.created_by.username == "officer" and screening.idempotency_key is not None
    assert screening.reading == expected and screening.completed_at is not None
    assert set(PRESENT) <= set(screening.present_indicators)
    # Sent: the answers have left the phone.
    phone.wait_for_function("() => !Object.keys(localStorage).some(k => k === 'laborlens-field-draft')")
    expect(phone.get_by_role("link", name="See the result")).to_be_visible()
    phone.get_by_role("link", name="See the result").click()
    expect(phone.get_by_test_id("reading")).to_have_text(label)
    assert queued.count() == 1 and Screening.objects.count() == before + 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_field_page_in_spanish(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    phone.get_by_label("Language").select_option("es")
    phone.get_by_role("button", name="Change").click()
    phone.goto(f"{live_server.url}/screening/new/")
    phone.get_by_test_id("field-link").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Evaluación de campo")
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")
    phone.get_by_label("Adulto").check()
    answer_yes(phone, "cd_debt_bondage")
    expect(phone.get_by_test_id("device-reading")).not_to_be_empty()
    phone.get_by_role("button", name="Guardar en este teléfono").click()
    expect(phone.get_by_test_id("queue-state")).to_have_text("Enviada")
    assert not violations(phone)

    # The server refuses one (its key is taken): it stays on the phone, marked as a conflict.
    phone.context.route("**/api/v1/screenings/", lambda route: route.fulfill(
        status=409, content_type="application/problem+json",
        body=json.dumps({"status": 409, "detail": "This idempotency key belongs to another screening."})))
    answer_yes(phone, "cd_debt_bondage")
    phone.get_by_role("button", name="Guardar en este teléfono").click()
    conflict = phone.locator("#field-queue li[data-state=conflict]")
    expect(conflict.get_by_test_id("queue-state")).to_have_text("Conflicto")
    expect(conflict).to_contain_text("belongs to another screening")
    phone.context.unroute("**/api/v1/screenings/")
    assert vault_in_clear(phone)
    phone.once("dialog", lambda dialog: dialog.accept())
    conflict.get_by_role("button", name="Quitar de este teléfono").click()
    expect(conflict).to_have_count(0)
    expect(phone.get_by_test_id("queue-state")).to_have_text("Enviada")

    # A vault past its 12 hours is wiped when the page opens.
    phone.evaluate("""() => {
        const meta = JSON.parse(localStorage.getItem('laborlens:vault'));
        localStorage.setItem('laborlens:vault', JSON.stringify({...meta, expires: 1}));
    }""")
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")
    expect(phone.locator("#field-queue")).to_have_text("Ninguno todavía.")
    assert not vault_in_clear(phone)

    # Signing out leaves nothing of the app on the phone: no cache, no worker, no kept key.
    answer_yes(phone, "cd_debt_bondage")
    phone.wait_for_function("() => localStorage.getItem('laborlens-field-draft')")
    assert "laborlens-vault" in phone.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
    phone.get_by_test_id("logout").click()
    expect(phone.get_by_role("button", name="Acepto")).to_be_visible()
    left = phone.evaluate("""async () => ({
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        databases: (await indexedDB.databases()).map(d => d.name),
        stored: Object.keys(localStorage).filter(k => k.startsWith('laborlens')),
    })""")
    assert left == {"caches": [], "workers": 0, "databases": [], "stored": []}
