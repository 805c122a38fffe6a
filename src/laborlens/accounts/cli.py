"""Administrative commands for a real installation: the first agency and administrator,
task-force membership, unlocking, and disabling accounts unused for 90 days.

Every command is an audited administrative action (actor "cli:<operating-system user>").
"""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from datetime import timedelta
from typing import Any


def _setup() -> None:
    from laborlens.core.bootstrap import setup_django

    setup_django()


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def cmd_agency_add(args: argparse.Namespace) -> int:
    _setup()
    from django.db import transaction

    from laborlens.accounts.models import Agency
    from laborlens.accounts.roles import agency_types
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag

    if args.type not in agency_types():
        return _fail(f"unknown agency type {args.type!r}; choose from {', '.join(agency_types())}")
    if Agency.objects.filter(short_name=args.short).exists():
        return _fail(f"an agency with short name {args.short!r} exists already")
    with transaction.atomic():
        agency = Agency.objects.create(short_name=args.short, name=args.name, agency_type=args.type,
                                       jurisdiction=args.jurisdiction, ori=args.ori or "")
        record_event(EventTag.AGENCY_CREATED, actor_label=_actor(), obj=agency,
                     detail={"type": args.type})
    print(f"agency {agency.short_name} created")
    return 0


def cmd_taskforce(args: argparse.Namespace) -> int:
    _setup()
    from django.db import transaction

    from laborlens.accounts.models import Agency, TaskForce
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag

    agency = Agency.objects.filter(short_name=args.agency).first()
    if agency is None:
        return _fail(f"no agency with short name {args.agency!r}")
    with transaction.atomic():
        task_force, created = TaskForce.objects.get_or_create(
            name=args.name, defaults={"jurisdiction": args.jurisdiction or args.name})
        if args.action == "add-agency":
            task_force.agencies.add(agency)
        else:
            task_force.agencies.remove(agency)
        record_event(EventTag.TASKFORCE_MEMBERSHIP_CHANGED, actor_label=_actor(), obj=task_force,
                     detail={"action": args.action, "agency": agency.short_name})
    print(f"{args.action}: {agency.short_name} {'to' if args.action == 'add-agency' else 'from'} {task_force.name}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    _setup()
    from django.db import transaction

    from laborlens.accounts.models import Agency, User
    from laborlens.accounts.roles import roles
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag

    agency = Agency.objects.filter(short_name=args.agency).first()
    if agency is None:
        return _fail(f"no agency with short name {args.agency!r}")
    if args.role not in roles():
        return _fail(f"unknown role {args.role!r}; choose from {', '.join(roles())}")
    if User.objects.filter(username__iexact=args.username).exists():
        return _fail(f"user {args.username!r} exists already")
    password = secrets.token_urlsafe(18)
    with transaction.atomic():
        user = User.objects.create_user(username=args.username, email=args.email, password=password,
                                        agency=agency, role=args.role)
        record_event(EventTag.USER_CREATED, actor_label=_actor(), obj=user, detail={"role": args.role})
    print(f"user {user.username} created at {agency.short_name} as {args.role}")
    print(f"initial password (give it in person; an authenticator is enrolled at first sign-in): {password}")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    _setup()
    from laborlens.accounts.models import User
    from laborlens.accounts.services import unlock

    user = User.objects.filter(username__iexact=args.username).first()
    if user is None:
        return _fail(f"no user {args.username!r}")
    unlock(user, None, actor_label=_actor())
    print(f"user {user.username} unlocked")
    return 0


def disable_inactive(days: int, actor_label: str) -> list[Any]:
    """Accounts with no sign-in for ``days`` (or never, counted from creation) are disabled."""
    from django.db import transaction
    from django.db.models import Q
    from django.utils import timezone

    from laborlens.accounts.models import User
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag

    cutoff = timezone.now() - timedelta(days=days)
    stale = User.objects.filter(is_active=True).filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    disabled = []
    for user in stale:
        with transaction.atomic():
            user.is_active = False
            user.save(update_fields=["is_active"])
            user.end_all_sessions()
            record_event(EventTag.USER_DEACTIVATED, actor_label=actor_label, obj=user,
                         detail={"reason": f"inactive {days} days"})
        disabled.append(user)
    return disabled


def cmd_disable_inactive(args: argparse.Namespace) -> int:
    _setup()
    disabled = disable_inactive(args.days, _actor())
    for user in disabled:
        print(f"disabled {user.username} (last sign-in {user.last_login or 'never'})")
    print(f"{len(disabled)} account(s) disabled after {args.days} days without sign-in")
    return 0


def register(sub: Any) -> None:
    agency = sub.add_parser("agency", help="agencies (administrators of the installation)")
    agency_sub = agency.add_subparsers(dest="agency_command", metavar="ACTION", required=True)
    add = agency_sub.add_parser("add", help="create an agency")
    add.add_argument("--short", required=True, help="short name, e.g. RPD")
    add.add_argument("--name", required=True)
    add.add_argument("--type", required=True, help="agency type, e.g. local_police, victim_services")
    add.add_argument("--jurisdiction", required=True)
    add.add_argument("--ori", default="")
    add.set_defaults(func=cmd_agency_add)

    task_force = sub.add_parser("taskforce", help="task-force membership")
    task_force.add_argument("action", choices=["add-agency", "remove-agency"])
    task_force.add_argument("name", help="task force name (created if new)")
    task_force.add_argument("--agency", required=True, help="agency short name")
    task_force.add_argument("--jurisdiction", default="")
    task_force.set_defaults(func=cmd_taskforce)

    user = sub.add_parser("user", help="people (bootstrap an agency administrator; unlock)")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    user_add = user_sub.add_parser("add", help="create a user with a random initial password")
    user_add.add_argument("username")
    user_add.add_argument("--agency", required=True)
    user_add.add_argument("--role", required=True)
    user_add.add_argument("--email", default="")
    user_add.set_defaults(func=cmd_user_add)
    unlock = user_sub.add_parser("unlock", help="unlock a locked account")
    unlock.add_argument("username")
    unlock.set_defaults(func=cmd_user_unlock)
    inactive = user_sub.add_parser("disable-inactive", help="disable accounts unused for N days (default 90)")
    inactive.add_argument("--days", type=int, default=90)
    inactive.set_defaults(func=cmd_disable_inactive)
