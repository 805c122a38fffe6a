"""Named test users that tell a story (healthchecks' habit).

Agency A (Riverton PD): officer, investigator, supervisor, admin, auditor.
Safe Harbor (victim services): advocate. Harlan County Sheriff: analyst.
Agency B (Eastport PD, outside the task force): outsider, who must see nothing of A's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from laborlens.accounts.middleware import AUTH_AT, SEEN_AT
from laborlens.accounts.models import Agency, TaskForce, User
from laborlens.accounts.views import NOTICE_KEY

PASSWORD = "correct-horse-battery-staple-42"


@dataclass
class World:
    agency_a: Agency
    agency_b: Agency
    vsp: Agency
    sheriff: Agency
    task_force: TaskForce
    officer: User
    investigator: User
    supervisor: User
    admin: User
    auditor: User
    advocate: User
    analyst: User
    outsider: User
    outsider_admin: User


def make_user(username: str, agency: Agency, role: str, with_device: bool = True) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, agency=agency,
                                    role=role, email=f"{username}@test.invalid",
                                    first_name=username.title())
    if with_device:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def current_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture(autouse=True)
def english_by_default():
    """LocaleMiddleware leaves the last request's language active on the thread; each
    test starts in English so that results do not depend on test order."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def world(db: None) -> World:
    agency_a = Agency.objects.create(name="Riverton Police Department", short_name="RPD",
                                     agency_type="local_police", jurisdiction="Riverton")
    agency_b = Agency.objects.create(name="Eastport Police Department", short_name="EPD",
                                     agency_type="local_police", jurisdiction="Eastport")
    vsp = Agency.objects.create(name="Safe Harbor", short_name="SH",
                                agency_type="victim_services", jurisdiction="Harlan County")
    sheriff = Agency.objects.create(name="Harlan County Sheriff", short_name="HCSO",
                                    agency_type="sheriff", jurisdiction="Harlan County")
    task_force = TaskForce.objects.create(name="Harlan Task Force", jurisdiction="Harlan County")
    task_force.agencies.set([agency_a, vsp, sheriff])
    return World(
        agency_a=agency_a, agency_b=agency_b, vsp=vsp, sheriff=sheriff, task_force=task_force,
        officer=make_user("officer", agency_a, "line_officer"),
        investigator=make_user("investigator", agency_a, "investigator"),
        supervisor=make_user("supervisor", agency_a, "supervisor"),
        admin=make_user("admin", agency_a, "agency_admin"),
        auditor=make_user("auditor", agency_a, "auditor"),
        advocate=make_user("advocate", vsp, "victim_advocate"),
        analyst=make_user("analyst", sheriff, "analyst"),
        outsider=make_user("outsider", agency_b, "line_officer"),
        outsider_admin=make_user("outsider_admin", agency_b, "agency_admin"),
    )


def signed_in(user: User, reauthenticated: bool = False) -> Client:
    """A client signed in with a verified second factor, as after the real flow."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[NOTICE_KEY] = True
    now = time.time()
    session[AUTH_AT] = now
    session[SEEN_AT] = now
    if reauthenticated:
        session["laborlens_reauth_at"] = now
    session.save()
    return client


@pytest.fixture
def login():
    return signed_in
