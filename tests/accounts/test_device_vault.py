"""The device vault's key: per session, only for a verified session, gone with it; sign-out
tells the browser to clear its storage (issue 15, gap 2)."""

from __future__ import annotations

import base64
import time

from django.test import Client
from django.urls import reverse

from laborlens.accounts.middleware import SEEN_AT

KEY_URL = "/accounts/device-key/"


def key_of(client: Client) -> bytes:
    response = client.get(KEY_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["alg"] == "AES-GCM"
    return base64.b64decode(body["key"])


def test_the_key_is_stable_for_a_session_and_differs_between_sessions(world, login):
    first = login(world.officer)
    key = key_of(first)
    assert len(key) == 32
    assert key_of(first) == key
    assert key_of(login(world.officer)) != key       # another session of the same person
    assert key_of(login(world.investigator)) != key  # another person


def test_no_key_without_a_verified_live_session(world, login):
    assert reverse("accounts:device_key") == KEY_URL
    response = Client().get(KEY_URL)
    assert response.status_code == 302 and b"key" not in response.content
    client = login(world.officer)
    key = key_of(client)
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60  # idle timeout
    session.save()
    assert client.get(KEY_URL).status_code == 302
    assert key_of(login(world.officer)) != key  # signing in again does not bring the old key back
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
