"""The device vault's key: only for a verified live session of the vault's own user, never for
a vault older than 12 hours; sign-out tells the browser to clear its storage (issue 15, gap 2;
issue 17: a queue kept on a phone through a session timeout in the field opens again at the
officer's next sign-in)."""

from __future__ import annotations

import base64
import time

from django.test import Client
from django.urls import reverse

from laborlens.accounts.middleware import SEEN_AT

KEY_URL = "/accounts/device-key/"


def key_of(client: Client, vault: str = "") -> bytes:
    response = vault_of(client, vault)
    return base64.b64decode(response["key"])


def vault_of(client: Client, vault: str = "") -> dict:
    response = client.get(KEY_URL, HTTP_X_LABORLENS_VAULT=vault)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["alg"] == "AES-GCM" and len(base64.b64decode(body["key"])) == 32
    return body


def test_a_vault_opens_for_its_own_user_only(world, login):
    first = login(world.officer)
    opened = vault_of(first)
    key, vault = base64.b64decode(opened["key"]), opened["vault"]
    assert len(key) == 32 and opened["expires"] <= time.time() + 12 * 3600 + 1
    assert key_of(first, vault) == key
    assert key_of(login(world.officer), vault) == key     # signed in again on the same phone
    assert key_of(login(world.officer)) != key            # without the phone's vault: a new one
    other = vault_of(login(world.investigator), vault)    # another person: a new vault
    assert base64.b64decode(other["key"]) != key and other["vault"] != vault


def test_a_vault_older_than_twelve_hours_or_tampered_is_replaced(world, login):
    from laborlens.accounts import device_vault

    client = login(world.officer)
    key, vault, _ = device_vault.open_vault(world.officer.pk, "", now=time.time() - 12 * 3600 - 5)
    assert key_of(client, vault) != key
    fresh = vault_of(client)
    forged = fresh["vault"][:-3] + ("AAA" if not fresh["vault"].endswith("AAA") else "BBB")
    assert vault_of(client, forged)["vault"] != fresh["vault"]
    assert vault_of(client, "x" * 5000)["vault"] != fresh["vault"]


def test_no_key_without_a_verified_live_session(world, login):
    assert reverse("accounts:device_key") == KEY_URL
    response = Client().get(KEY_URL)
    assert response.status_code == 302 and b"key" not in response.content
    client = login(world.officer)
    opened = vault_of(client)
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60  # idle timeout
    session.save()
    assert client.get(KEY_URL).status_code == 302
    assert client.get(KEY_URL, HTTP_X_LABORLENS_VAULT=opened["vault"]).status_code == 302
    # Signed in again on the same phone: what it kept through the timeout opens again.
    assert key_of(login(world.officer), opened["vault"]) == base64.b64decode(opened["key"])
    assert Client().post(KEY_URL).status_code in (302, 405)


def test_sign_out_clears_site_storage_and_the_key(world, login):
    client = login(world.officer)
    key = key_of(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"storage"'
    assert client.get(KEY_URL).status_code == 302
    assert key != key_of(login(world.officer))


def test_the_screening_page_loads_the_vault(world, login):
    client = login(world.officer)
    response = client.post(reverse("screening:start"), {
        "label": "Vault check", "age_group": "adult", "setting": "traffic_stop", "question_language": "en"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "laborlens/vault.js" in page and 'data-key-url="/accounts/device-key/"' in page
