"""Test settings: the real settings module in demo mode, with a fast password hasher.

Argon2 itself is checked in tests/accounts/test_passwords.py.
"""

import os

os.environ.setdefault("LABORLENS_DEMO", "1")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")

from laborlens.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",  # speed only; production uses Argon2
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]

# Tests see every change at once; tests/metrics/test_cache.py turns the cache on.
METRICS_CACHE_SECONDS = 0
