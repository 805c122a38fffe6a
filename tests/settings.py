"""Test settings: the real settings module in demo mode, with a fast password hasher.

Argon2 itself is checked in tests/accounts/test_passwords.py.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("LABORLENS_DEMO", "1")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")

from laborlens.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",  # speed only; production uses Argon2
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]

# Tests see every change at once; tests/metrics/test_cache.py turns the cache on.
METRICS_CACHE_SECONDS = 0

# The API token cache runs only on a cache every server shares (Redis); the tests are one
# process, where per-process memory is shared by every request (laborlens.api.tokencache).
API_TOKEN_CACHE = True

# The SQLite test database is a file, one per test process (pytest-django appends the xdist
# worker id), not Django's default shared in-memory database. With an in-memory database the
# live server hands every request thread the test thread's own connection, so a browser's
# concurrent requests (the page, the service worker, fetches) and the test itself interleave
# on one connection: "database table is locked", sessions lost in the browser tests. A file
# gives each thread its own connection, with the WAL and IMMEDIATE transactions the
# production settings use. Django removes the file when the run ends.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        **DATABASES["default"].get("TEST", {}),  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"laborlens-test-{os.getpid()}.sqlite3"),
    }
