from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from laborlens.accounts import services
from laborlens.accounts.middleware import AUTH_AT, SEEN_AT
from laborlens.accounts.models import User
from laborlens.audit.models import AuditEvent
from tests.conftest import PASSWORD, current_code, make_user

HOME = "/"


def accept_notice(client: Client) -> None:
    assert client.get(reverse("accounts:login")).status_code == 302
    assert client.post(reverse("accounts:notice")).status_code == 302


def password_step(client: Client, username: str, password: str = PASSWORD, **extra: str):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


def full_login(client: Client, user: User, code: str | None = None):
    accept_notice(client)
    response = password_step(client, user.username)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:mfa")
    return client.post(reverse("accounts:mfa"), {"code": code or current_code(user)})


def test_notice_comes_before_the_login_form(world):
    client = Client()
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:notice")
    assert "monitored and recorded" in client.get(reverse("accounts:notice")).content.decode()


def test_full_sign_in_with_password_and_code(world):
    client = Client()
    response = full_login(client, world.officer)
    assert response.status_code == 302 and response["Location"] == HOME
    home = client.get(HOME)
    assert home.status_code == 200
    assert "Riverton Police Department" in home.content.decode()
    assert AuditEvent.objects.filter(tag="accounts:login:success", actor_id=world.officer.pk).exists()


def test_password_alone_does_not_sign_in(world):
    client = Client()
    accept_notice(client)
    password_step(client, world.officer.username)
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_a_one_time_code_is_accepted_only_once(world):
    first = Client()
    code = current_code(world.officer)
    assert full_login(first, world.officer, code)["Location"] == HOME
    second = Client()
    response = full_login(second, world.officer, code)
    assert response.status_code == 200
    assert "not valid or was already used" in response.content.decode()
    assert second.get(HOME).status_code == 302


def test_wrong_code_is_refused_and_counted(world):
    client = Client()
    accept_notice(client)
    password_step(client, world.officer.username)
    good = current_code(world.officer)
    bad = f"{(int(good) + 500000) % 1000000:06d}"
    response = client.post(reverse("accounts:mfa"), {"code": bad})
    assert response.status_code == 200
    assert AuditEvent.objects.filter(tag="accounts:mfa:failure").exists()


def test_new_account_must_enrol_an_authenticator(world):
    newcomer = make_user("newcomer", world.agency_a, "line_officer", with_device=False)
    client = Client()
    accept_notice(client)
    response = password_step(client, newcomer.username)
    assert client.get(reverse("accounts:mfa"))["Location"] == reverse("accounts:mfa_enrol")
    page = client.get(reverse("accounts:mfa_enrol"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = services.pending_device(newcomer)
    from django_otp.oath import totp

    code = f"{totp(device.bin_key):06d}"
    response = client.post(reverse("accounts:mfa_enrol"), {"code": code})
    assert response.status_code == 302 and response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(tag="accounts:mfa:enroll", object_id=str(newcomer.pk)).exists()


@pytest.mark.parametrize("spoof", [False, True])
def test_five_failures_lock_until_an_administrator_unlocks(world, login, spoof):
    client = Client()
    accept_notice(client)
    for attempt in range(5):
        extra = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{attempt}"} if spoof else {}
        response = password_step(client, "officer", "wrong-password", **extra)
        assert response.status_code == 200
    world.officer.refresh_from_db()
    assert world.officer.is_locked
    assert AuditEvent.objects.filter(tag="accounts:login:locked").count() == 1
    # The right password no longer works, from any claimed address.
    response = password_step(client, "officer", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 200 and "locked" in response.content.decode()
    # Only an administrator of the same agency can unlock.
    admin = login(world.admin, reauthenticated=True)
    url = reverse("accounts:user_detail", args=[world.officer.pk])
    assert admin.post(url, {"action": "unlock"}).status_code == 302
    world.officer.refresh_from_db()
    assert not world.officer.is_locked
    assert AuditEvent.objects.filter(tag="accounts:user:unlock", object_id=str(world.officer.pk)).exists()
    response = full_login(Client(), world.officer)
    assert response["Location"] == HOME


def test_failures_outside_the_window_do_not_lock(world, settings):
    settings.LOCKOUT_WINDOW_SECONDS = 0
    client = Client()
    accept_notice(client)
    for _ in range(6):
        password_step(client, "officer", "wrong-password")
    world.officer.refresh_from_db()
    assert not world.officer.is_locked


def test_idle_timeout_ends_the_session(world, login):
    client = login(world.officer)
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60
    session.save()
    response = client.get(HOME)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(tag="accounts:session:idle_timeout").exists()
    assert client.get(HOME).status_code == 302


def test_absolute_timeout_ends_even_an_active_session(world, login):
    client = login(world.officer)
    session = client.session
    session[AUTH_AT] = time.time() - 12 * 3600 - 1
    session[SEEN_AT] = time.time()
    session.save()
    assert client.get(HOME).status_code == 302
    assert AuditEvent.objects.filter(tag="accounts:session:absolute_timeout").exists()


def test_activity_within_the_idle_limit_keeps_the_session(world, login):
    client = login(world.officer)
    session = client.session
    session[SEEN_AT] = time.time() - 29 * 60
    session.save()
    assert client.get(HOME).status_code == 200


def test_logout_kills_the_session_server_side(world):
    client = Client()
    full_login(client, world.officer)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    stolen = Client()
    stolen.cookies["laborlens_session"] = key
    assert stolen.get(HOME).status_code == 302


def test_deactivation_kills_sessions_at_once(world, login):
    victim_client = Client()
    full_login(victim_client, world.officer)
    assert victim_client.get(HOME).status_code == 200
    admin = login(world.admin, reauthenticated=True)
    admin.post(reverse("accounts:user_detail", args=[world.officer.pk]), {"action": "deactivate"})
    assert victim_client.get(HOME).status_code == 302
    assert AuditEvent.objects.filter(tag="accounts:user:deactivate").exists()


def test_open_redirect_after_login_is_refused(world):
    client = Client()
    client.get(reverse("accounts:login") + "?next=https://evil.example/")
    client.post(reverse("accounts:notice"))
    password_step(client, "officer")
    response = client.post(reverse("accounts:mfa"), {"code": current_code(world.officer)})
    assert response["Location"] == HOME


def test_bad_input_gets_a_clear_message_not_a_500(world):
    client = Client()
    accept_notice(client)
    response = client.post(reverse("accounts:login"), {"username": "x" * 5000, "password": ""})
    assert response.status_code == 200
    response = client.post(reverse("accounts:mfa"), {"code": "abc"})
    assert response.status_code == 302  # no pending sign-in: back to the start
