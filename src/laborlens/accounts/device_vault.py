"""Keys for the device vault (static/laborlens/vault.js), where a phone keeps what it could
not send yet (unsent answers, screenings queued with no connection).

A vault is opened by the server: a random value signed together with the user and the time,
handed to the phone (not secret by itself) and sent back on each key request. The key is an
HMAC of it under the server secret, so:

* only a live, fully signed-in session of the same user gets the key: a phone whose session
  timed out while it was offline in the field keeps its queue, still sealed, and the officer's
  next sign-in opens it again;
* a vault older than ``VAULT_SECONDS`` (12 hours, the absolute session lifetime) is never
  opened again: the server issues a new vault, and what the old one sealed stays unreadable
  (the phone wipes it);
* signing out wipes the phone's storage (Clear-Site-Data and vault.js).
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "laborlens.device-vault"


def vault_seconds() -> int:
    return int(getattr(settings, "SESSION_ABSOLUTE_SECONDS", 12 * 3600))


def open_vault(user_pk: int, token: str, now: float | None = None) -> tuple[bytes, str, int]:
    """(key, vault token, expiry as a Unix time) for this user: the vault ``token`` names when
    it is this user's and young enough, else a new vault."""
    now = time.time() if now is None else now
    payload = _read(token, user_pk, now)
    if payload is None:
        payload = {"u": user_pk, "n": secrets.token_urlsafe(32), "t": int(now)}
        token = signing.dumps(payload, salt=SALT, compress=False)
    key = salted_hmac(SALT, f"{user_pk}|{payload['n']}", secret=settings.SECRET_KEY, algorithm="sha256").digest()
    return key, token, int(payload["t"]) + vault_seconds()


def _read(token: str, user_pk: int, now: float) -> dict | None:
    if not token or len(token) > 512:
        return None
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("u") != user_pk or not isinstance(payload.get("n"), str):
        return None
    issued = payload.get("t")
    if not isinstance(issued, int) or not (now - vault_seconds() < issued <= now + 60):
        return None
    return payload
