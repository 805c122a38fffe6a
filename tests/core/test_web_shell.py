from __future__ import annotations

from django.test import Client
from django.urls import reverse


def test_security_headers_and_csp_without_inline_script(world, login):
    response = login(world.officer).get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.content.decode()
    assert "<script>" not in body and " style=" not in body and "onclick" not in body


def test_home_in_spanish(world, login):
    client = login(world.officer)
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="es"' in body
    assert "Bienvenido" in body or "Bienvenida" in body


def test_demo_banner_is_shown_in_demo_mode(world, login):
    body = login(world.officer).get("/").content.decode()
    assert "DEMO MODE" in body


def test_health_and_404_pages(db):
    client = Client()
    assert client.get("/health/").json() == {"status": "ok"}
    response = client.get("/no/such/page/")
    assert response.status_code == 404


def test_every_url_needs_sign_in(world):
    client = Client()
    for name in ["core:home", "audit:events", "accounts:user_list", "accounts:me"]:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
