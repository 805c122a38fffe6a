"""Field encryption at rest and keyed blind indexes, shared by every app holding identities.

* ``encrypt`` / ``decrypt``: ``MultiFernet`` over ``settings.FIELD_ENCRYPTION_KEYS``; the
  first key encrypts, every key decrypts, so keys can be rotated without downtime
  (``laborlens keys rotate`` re-encrypts every stored value with the first key).
* ``blind_index(purpose, value)``: HMAC-SHA256 keyed with ``settings.BLIND_INDEX_KEY`` over
  an already-normalised value, separated by purpose so that the same text gives different
  digests in different roles (a phone is never comparable to a name). Equality of two
  digests means equality of the normalised values; nothing else can be learnt without the
  key, which lives outside the database.
* ``EncryptedTextField`` / ``EncryptedJSONField``: model fields that hold only ciphertext
  in the database. They cannot be filtered on (Fernet is randomised): match through a
  blind index instead.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

__all__ = [
    "DecryptionError",
    "EncryptedJSONField",
    "EncryptedTextField",
    "blind_index",
    "decrypt",
    "decrypt_bytes",
    "encrypt",
    "encrypt_bytes",
    "encrypted_fields",
    "rotate_token",
]


class DecryptionError(ImproperlyConfigured):
    """A stored value cannot be read with any configured key (a key was removed too early)."""


@functools.lru_cache(maxsize=4)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _fernet() -> MultiFernet:
    return _multi_fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken:
        raise DecryptionError(
            "a stored value cannot be decrypted with LABORLENS_FIELD_KEYS; was a key removed "
            "before `laborlens keys rotate` finished?"
        ) from None


def encrypt(text: str) -> str:
    return encrypt_bytes(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def rotate_token(token: bytes) -> bytes:
    """Re-encrypt with the first key (decrypting with whichever key works)."""
    try:
        return _fernet().rotate(token)
    except InvalidToken:
        raise DecryptionError("a stored value cannot be decrypted with any configured key") from None


def blind_index(purpose: str, normalised: str) -> str:
    """Keyed digest of an already normalised value; empty input has no index."""
    if not normalised:
        return ""
    message = f"{purpose}\x1f{normalised}".encode()
    return hmac.new(settings.BLIND_INDEX_KEY.encode(), message, hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Plain ``str`` in Python, Fernet ciphertext in the database; "" stays "" (no token)."""

    description = "Text encrypted at rest"
    encrypted = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: object, connection: object) -> str:
        if not value:
            return ""
        return decrypt(value)

    def to_python(self, value: object) -> str:
        return "" if value is None else str(value)

    def get_prep_value(self, value: object) -> str:
        text = "" if value is None else str(value)
        return encrypt(text) if text else ""

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in {"isnull", "exact"}:
            raise TypeError(f"{self.name} is encrypted: match it through a blind index")
        return super().get_lookup(lookup_name)


class EncryptedJSONField(models.TextField):
    """A JSON value (usually a list of strings) encrypted as one token."""

    description = "JSON encrypted at rest"
    encrypted = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: object, connection: object) -> Any:
        if not value:
            return self.get_default()
        return json.loads(decrypt(value))

    def to_python(self, value: object) -> Any:
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return self.get_default()
        return value

    def get_prep_value(self, value: object) -> str:
        if value is None:
            value = self.get_default()
        return encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True))

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise TypeError(f"{self.name} is encrypted: match it through a blind index")
        return super().get_lookup(lookup_name)


def encrypted_fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if getattr(field, "encrypted", False)]
