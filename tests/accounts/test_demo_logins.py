"""Every demo role can sign in with the published password and its fixed TOTP secret."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from laborlens.demo import DEMO_PASSWORD, USERS, current_code, load_demo


@pytest.mark.django_db
def test_every_demo_user_signs_in_with_the_printed_secrets():
    load_demo()
    for spec in USERS:
        client = Client()
        client.post(reverse("accounts:notice"))
        response = client.post(reverse("accounts:login"), {"username": spec.username, "password": DEMO_PASSWORD})
        assert response["Location"] == reverse("accounts:mfa"), spec.username
        response = client.post(reverse("accounts:mfa"), {"code": current_code(spec.username)})
        assert response.status_code == 302 and response["Location"] == "/", spec.username
        assert client.get("/").status_code == 200, spec.username
