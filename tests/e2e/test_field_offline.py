"""The installable field app (issue 17, part 1): an officer installs it, loses the connection,
starts and finishes a screening on the phone with the reading shown there, reloads, and when
the connection returns the screening reaches the server once, even though the first reply
was lost and the phone sent it again. Nothing kept on the phone decrypts without the officer's
field PIN (or a live session): the vault's key is stored only wrapped under the PIN, and five
wrong PINs wipe it."""

from __future__ import annotations

import base64
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
    """What the browser needs to offer installation, read from the page itself (once the worker
    has finished activating: `ready` resolves while it is still "activating" on a slow machine)."""
    page.wait_for_function("async () => (await navigator.serviceWorker.ready).active.state === 'activated'")
    return page.evaluate("""async () => {
        const link = document.querySelector("link[rel=manifest]");
        const manifest = await (await fetch(link.href)).json();
        const registration = await navigator.serviceWorker.ready;
        const cache = (await caches.keys()).find(name => name.startsWith("laborlens-"));
        const kept = cache ? (await (await caches.open(cache)).keys()).map(r => new URL(r.url).pathname) : [];
        return {manifest, worker: registration.active && registration.active.state,
                scope: registration.scope, kept};
    }""")


PIN = "482915"

# Everything the phone keeps for the origin: every IndexedDB record, the vault boxes in
# localStorage, and every 16- and 32-byte window of every stored value that is not a box,
# tried as an AES-GCM key on every box. With `pin`, the key unwrapped from the stored record
# is tried too (the control: the same harness does open the boxes with the PIN).
DEVICE_KEYS = """async (pin) => {
    const bytesOf = text => Uint8Array.from(atob(text), c => c.charCodeAt(0));
    const records = [];
    for (const {name} of await indexedDB.databases()) {
        const conn = await new Promise((ok, no) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
        for (const store of conn.objectStoreNames) {
            records.push(...await new Promise(ok => { const r = conn.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); }));
        }
        conn.close();
    }
    let cryptoKeys = 0;
    const material = [];
    const walk = v => {
        if (v instanceof CryptoKey) { cryptoKeys++; }
        else if (v instanceof ArrayBuffer) { material.push(new Uint8Array(v)); }
        else if (ArrayBuffer.isView(v)) { material.push(new Uint8Array(v.buffer)); }
        else if (typeof v === "string") { material.push(new TextEncoder().encode(v)); try { material.push(bytesOf(v)); } catch (e) {} }
        else if (typeof v === "number") { material.push(new TextEncoder().encode(String(v))); }
        else if (v && typeof v === "object") { Object.values(v).forEach(walk); }
    };
    records.forEach(walk);
    const boxes = [];
    for (const name of Object.keys(localStorage)) {
        const value = localStorage.getItem(name);
        if (name.startsWith("laborlens-")) { boxes.push([name, JSON.parse(value)]); continue; }
        walk(value);
        try { walk(JSON.parse(value)); } catch (e) {}
    }
    const candidates = [];
    for (const b of material) { for (const n of [16, 32]) { for (let i = 0; i + n <= b.length; i++) { candidates.push(b.slice(i, i + n)); } } }
    if (pin) {
        const r = records[0];
        const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
        const wrapping = await crypto.subtle.deriveKey({name: "PBKDF2", hash: "SHA-256", salt: bytesOf(r.salt), iterations: r.iterations},
                                                       base, {name: "AES-GCM", length: 256}, false, ["decrypt"]);
        candidates.push(new Uint8Array(await crypto.subtle.decrypt({name: "AES-GCM", iv: bytesOf(r.iv), additionalData: new TextEncoder().encode(r.vault)},
                                                                    wrapping, bytesOf(r.wrapped))));
    }
    let tried = 0, opened = 0;
    for (const raw of candidates) {
        const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
        for (const [name, box] of boxes) {
            tried++;
            try {
                await crypto.subtle.decrypt({name: "AES-GCM", iv: bytesOf(box.iv), additionalData: new TextEncoder().encode(name)}, key, bytesOf(box.ct));
                opened++;
            } catch (e) {}
        }
    }
    return {records, cryptoKeys, boxes: boxes.length, tried, opened};
}"""


def device_keys(page, pin: str = "") -> dict:
    return page.evaluate(DEVICE_KEYS, pin)


def set_pin(page, pin: str = PIN, label: str = "Field PIN", again: str = "The same PIN again",
            button: str = "Set PIN") -> None:
    page.get_by_label(label, exact=True).fill(pin)
    page.get_by_label(again, exact=True).fill(pin)
    page.get_by_role("button", name=button).click()


def enter_pin(page, pin: str = PIN) -> None:
    page.get_by_label("Field PIN", exact=True).fill(pin)
    page.get_by_role("button", name="Open", exact=True).click()


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

    # First use, online: the officer sets a field PIN (6 digits at least, twice alike) before
    # the form shows; the phone keeps only the vault key wrapped under it.
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "pin")
    expect(phone.locator("#field-form")).to_be_hidden()
    assert not violations(phone)
    set_pin(phone, "12345")
    expect(phone.get_by_role("alert")).to_have_text("The PIN must be at least 6 digits, digits only.")
    phone.get_by_label("Field PIN", exact=True).fill(PIN)
    phone.get_by_label("The same PIN again", exact=True).fill("482916")
    phone.get_by_role("button", name="Set PIN").click()
    expect(phone.get_by_role("alert")).to_have_text("The two PINs differ.")
    set_pin(phone)
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")
    kept = device_keys(phone)
    assert kept["cryptoKeys"] == 0 and len(kept["records"]) == 1
    record = kept["records"][0]
    assert set(record) == {"vault", "expires", "salt", "iterations", "iv", "wrapped", "failures"}
    assert record["iterations"] >= 310_000 and record["failures"] == 0
    assert len(base64.b64decode(record["wrapped"])) == 32 + 16 and len(base64.b64decode(record["salt"])) == 16

    # No connection: the page opens from the phone's cache and asks for the PIN.
    phone.context.set_offline(True)
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "pin")
    expect(phone.get_by_label("The same PIN again", exact=True)).to_be_hidden()
    enter_pin(phone)
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

    # Reloaded with no connection and no PIN typed: nothing on the phone opens the queue.
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "pin")
    expect(phone.get_by_test_id("queue-state")).to_have_count(0)
    sealed = device_keys(phone)
    assert sealed["cryptoKeys"] == 0 and sealed["boxes"] >= 1 and sealed["tried"] > 100
    assert sealed["opened"] == 0
    # The control: the same material and the PIN open every box.
    assert device_keys(phone, PIN)["opened"] == sealed["boxes"]
    # With the PIN the queue is readable again, and still nothing is readable in storage.
    enter_pin(phone)
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
        # sync triggered twice in one task, so the second comes while the first is still in flight (two evaluate calls
        # let a loaded CI machine finish the first, failed sync before the second, which then sent it: "sent", not "offline")
        phone.evaluate("window.dispatchEvent(new Event('online')); window.dispatchEvent(new Event('online'))")
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
    expect(phone.get_by_role("heading", name="Elija un PIN de campo")).to_be_visible()
    assert not violations(phone)
    set_pin(phone, label="PIN de campo", again="El mismo PIN otra vez", button="Guardar PIN")
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

    # A vault past its 12 hours is wiped when the page opens, its wrapped key too: the
    # server opens a new vault and the officer sets a PIN for it.
    phone.evaluate("""() => {
        const meta = JSON.parse(localStorage.getItem('laborlens:vault'));
        localStorage.setItem('laborlens:vault', JSON.stringify({...meta, expires: 1}));
    }""")
    old_vault = device_keys(phone)["records"][0]["vault"]
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "pin")
    expect(phone.locator("#field-queue")).to_have_text("Ninguno todavía.")
    assert not vault_in_clear(phone) and device_keys(phone)["records"] == []
    set_pin(phone, label="PIN de campo", again="El mismo PIN otra vez", button="Guardar PIN")
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")
    assert device_keys(phone)["records"][0]["vault"] != old_vault

    # Signing out leaves nothing of the app on the phone: no cache, no worker, no kept key.
    answer_yes(phone, "cd_debt_bondage")
    phone.wait_for_function("() => localStorage.getItem('laborlens-field-draft')")
    assert device_keys(phone)["records"]
    phone.get_by_test_id("logout").click()
    expect(phone.get_by_role("button", name="Acepto")).to_be_visible()
    left = phone.evaluate("""async () => ({
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        databases: (await indexedDB.databases()).map(d => d.name),
        stored: Object.keys(localStorage).filter(k => k.startsWith('laborlens')),
    })""")
    assert left == {"caches": [], "workers": 0, "databases": [], "stored": []}


def test_five_wrong_pins_wipe_the_phone(live_server, transactional_db, phone):
    load_demo()
    sign_in(phone, live_server.url, "officer", DEMO_PASSWORD, demo_code("officer"))
    phone.goto(f"{live_server.url}/screening/field/")
    set_pin(phone)
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "ready")
    phone.wait_for_function("async () => (await navigator.serviceWorker.ready).active.state === 'activated'")
    phone.context.set_offline(True)
    phone.reload()
    enter_pin(phone)
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "offline")
    answer_yes(phone, "cd_debt_bondage")
    phone.get_by_role("button", name="Save on this phone").click()
    expect(phone.get_by_test_id("queue-state")).to_have_text("Saved on this phone")

    # Wrong PINs are counted on the phone: a reload does not reset the count.
    phone.reload()
    for left in (4, 3):
        enter_pin(phone, "000000")
        expect(phone.get_by_role("alert")).to_have_text(
            f"Wrong PIN. {left} attempts left before the screenings on this phone are wiped.")
    phone.reload()
    expect(phone.locator("#field-pin-hint")).to_contain_text("3 attempts before they are wiped")
    for left in (2, 1):
        enter_pin(phone, "000000")
        expect(phone.get_by_role("alert")).to_have_text(
            f"Wrong PIN. {left} attempts left before the screenings on this phone are wiped.")
    assert device_keys(phone)["records"][0]["failures"] == 4 and vault_in_clear(phone)
    enter_pin(phone, "000000")
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "wiped")
    expect(phone.get_by_label("Field PIN", exact=True)).to_be_hidden()
    phone.wait_for_function("async () => !(await indexedDB.databases()).length")
    assert not vault_in_clear(phone)
    assert device_keys(phone) == {"records": [], "cryptoKeys": 0, "boxes": 0, "tried": 0, "opened": 0}
    assert phone.evaluate("localStorage.getItem('laborlens:vault')") is None

    # The right PIN is of no use now; back online, the queue is gone and nothing was sent.
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "unavailable")
    phone.context.set_offline(False)
    phone.reload()
    expect(phone.locator("#field-status")).to_have_attribute("data-state", "pin")
    expect(phone.locator("#field-queue")).to_have_text("None yet.")
    assert not Screening.objects.filter(idempotency_key__isnull=False).exists()
