from __future__ import annotations

import pytest
from django.test import Client

from laborlens.api.models import ApiToken


def bearer(user, scopes=("read", "write"), days=1) -> tuple[Client, ApiToken]:
    token, secret = ApiToken.issue(user, "test", list(scopes), days)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), token


@pytest.fixture
def api():
    return bearer
