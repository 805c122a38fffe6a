from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def test_production_settings_hash_with_argon2():
    production = importlib.import_module("laborlens.settings")
    assert production.PASSWORD_HASHERS == ["django.contrib.auth.hashers.Argon2PasswordHasher"]


def test_argon2_does_not_truncate_long_passwords():
    long_password = "a" * 100 + "tail-1"
    encoded = make_password(long_password, hasher="argon2")
    assert encoded.startswith("argon2")
    assert check_password(long_password, encoded)
    assert not check_password("a" * 100 + "tail-2", encoded)


@pytest.mark.parametrize("weak", ["password123", "qwertyuiop12", "12345678901234", "short"])
def test_weak_passwords_fail_validation(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)
