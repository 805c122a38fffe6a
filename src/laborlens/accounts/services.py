"""Account rules that views, the CLI and tests share: lockout, unlock, deactivation, MFA."""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from laborlens.accounts.models import LoginFailure, User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag


def find_user(username: str) -> User | None:
    return User.objects.filter(username__iexact=username.strip()).first()


def register_failure(username: str, reason: str, request: HttpRequest | None) -> bool:
    """Count a failed attempt; lock the account at the threshold. True when now locked."""
    name = username.strip().lower()[:150]
    with transaction.atomic():
        LoginFailure.objects.create(username=name, reason=reason)
        user = find_user(name)
        record_event(
            EventTag.MFA_FAILURE if reason == "mfa" else EventTag.LOGIN_FAILURE,
            request=request,
            actor=user,
            actor_label=name,
            outcome="failure",
            detail={"reason": reason},
        )
        if user is None or user.is_locked:
            return bool(user and user.is_locked)
        if LoginFailure.recent_count(name) >= settings.LOCKOUT_FAILURES:
            user.is_locked = True
            user.locked_at = timezone.now()
            user.save(update_fields=["is_locked", "locked_at"])
            user.end_all_sessions()
            record_event(EventTag.LOGIN_LOCKED, request=request, actor=user, obj=user,
                         outcome="locked")
            return True
    return False


def unlock(user: User, by: User | None, request: HttpRequest | None = None, actor_label: str = "") -> None:
    """``by`` is the administrator; the command line passes ``actor_label`` instead."""
    with transaction.atomic():
        user.is_locked = False
        user.locked_at = None
        user.save(update_fields=["is_locked", "locked_at"])
        LoginFailure.clear(user.username)
        record_event(EventTag.ACCOUNT_UNLOCKED, request=request, actor=by, obj=user,
                     actor_label=actor_label)


def set_active(user: User, active: bool, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            user.end_all_sessions()
        record_event(
            EventTag.USER_REACTIVATED if active else EventTag.USER_DEACTIVATED,
            request=request, actor=by, obj=user,
        )


def change_role(user: User, role: str, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        old = user.role
        user.role = role
        user.save(update_fields=["role"])
        # Permissions change at once: sessions carrying the old role end now.
        user.end_all_sessions()
        record_event(EventTag.USER_ROLE_CHANGED, request=request, actor=by, obj=user,
                     detail={"from": old, "to": role})


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def reset_mfa(user: User, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        user.end_all_sessions()
        record_event(EventTag.MFA_RESET, request=request, actor=by, obj=user)


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def provisioning_svg(device: TOTPDevice) -> str:
    """QR code rendered here as inline SVG: the secret never goes to an outside service."""
    uri = (
        f"otpauth://totp/{settings.OTP_TOTP_ISSUER}:{device.user.username}"
        f"?secret={base32_secret(device)}&issuer={settings.OTP_TOTP_ISSUER}"
        f"&digits={device.digits}&period={device.step}"
    )
    return segno.make(uri, error="m").svg_inline(scale=5, title="TOTP QR code")


def verify_code(device: TOTPDevice, code: str) -> bool:
    """A code is accepted once: django-otp remembers the last time step used."""
    code = code.strip().replace(" ", "")
    if not code.isdigit() or len(code) != device.digits:
        return False
    return bool(device.verify_token(code))


def complete_login(request: HttpRequest, user: User, device: TOTPDevice) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    LoginFailure.clear(user.username)
