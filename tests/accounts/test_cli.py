from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.accounts.models import Agency, TaskForce, User
from laborlens.audit.models import AuditEvent
from laborlens.cli import main


@pytest.mark.django_db
def test_bootstrap_an_installation_from_the_command_line(capsys):
    assert main(["agency", "add", "--short", "CPD", "--name", "Central PD", "--type", "local_police",
                 "--jurisdiction", "Central City"]) == 0
    assert main(["taskforce", "add-agency", "Central Task Force", "--agency", "CPD"]) == 0
    assert main(["user", "add", "chief", "--agency", "CPD", "--role", "agency_admin"]) == 0
    out = capsys.readouterr().out
    password = out.strip().splitlines()[-1].rsplit(": ", 1)[1]
    chief = User.objects.get(username="chief")
    assert chief.check_password(password) and chief.agency.short_name == "CPD"
    assert list(TaskForce.objects.get().agencies.all()) == list(Agency.objects.filter(short_name="CPD"))
    tags = set(AuditEvent.objects.values_list("tag", flat=True))
    assert {"accounts:agency:create", "accounts:taskforce:membership_change", "accounts:user:create"} <= tags
    assert password not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


@pytest.mark.django_db
@pytest.mark.parametrize("argv", [
    ["agency", "add", "--short", "X", "--name", "X", "--type", "space_force", "--jurisdiction", "Mars"],
    ["user", "add", "x", "--agency", "NOPE", "--role", "line_officer"],
    ["taskforce", "add-agency", "TF", "--agency", "NOPE"],
    ["user", "unlock", "nobody"],
])
def test_bad_arguments_get_a_clear_message(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_accounts_unused_for_90_days_are_disabled(world, capsys):
    old = timezone.now() - timedelta(days=91)
    world.officer.last_login = old
    world.officer.save()
    world.investigator.last_login = timezone.now() - timedelta(days=10)
    world.investigator.save()
    never = User.objects.get(username="analyst")
    never.last_login = None
    never.date_joined = old
    never.save()
    assert main(["user", "disable-inactive"]) == 0
    states = dict(User.objects.values_list("username", "is_active"))
    assert states["officer"] is False and states["analyst"] is False
    assert states["investigator"] is True
    assert AuditEvent.objects.filter(tag="accounts:user:deactivate").count() == 2


def test_unlock_from_the_command_line(world):
    world.officer.is_locked = True
    world.officer.save()
    assert main(["user", "unlock", "officer"]) == 0
    world.officer.refresh_from_db()
    assert not world.officer.is_locked
