"""The demo task force: the people (``accounts/demo.py``), then each app's demo records,
in order. Runs only in demo mode (LABORLENS_DEMO=1).

Every app keeps its loader in its own ``demo.py`` (``load_demo_<thing>(users)``, idempotent);
this module lists them: apps never import it, so the demo adds no import circle. A new
loader goes into DEMO_STEPS below, after the loaders whose records it uses.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from django.db import transaction
from django_otp.oath import totp

from laborlens.accounts.demo import (  # noqa: F401  (the demo's names, for the CLI and tests)
    AGENCIES,
    DEMO_PASSWORD,
    TASK_FORCE,
    USERS,
    DemoRefused,
    DemoUser,
    demo_totp_key,
    load_demo_people,
    require_demo_mode,
)
from laborlens.accounts.models import User
from laborlens.activities.demo import load_demo_activities
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.barriers.demo import load_demo_barriers
from laborlens.cases.demo import load_demo_cases
from laborlens.feedback.demo import load_demo_feedback
from laborlens.publishing.demo import load_publishing_demo
from laborlens.readiness.demo import load_demo_readiness
from laborlens.screening.demo import load_demo_screenings
from laborlens.threat.demo import load_threat_demo
from laborlens.tips.demo import load_demo_tips
from laborlens.victims.demo import load_demo_victims

# Each takes the created users by username.
DEMO_STEPS: list[Callable[[dict[str, User]], None]] = [
    load_demo_cases,
    load_demo_screenings,
    load_demo_victims,
    load_demo_tips,
    load_demo_activities,
    load_threat_demo,
    load_publishing_demo,
    load_demo_readiness,
    load_demo_barriers,  # attaches a demo screening to a demo case
    load_demo_feedback,  # survey and trust-pulse answers (after the activities)
]


@transaction.atomic
def load_demo() -> dict[str, User]:
    require_demo_mode()
    users = load_demo_people()
    for step in DEMO_STEPS:
        step(users)
    record_event(EventTag.DEMO_LOADED, actor_label="demo-loader", detail={"users": len(users)})
    return users


def current_code(username: str) -> str:
    require_demo_mode()
    if username not in {spec.username for spec in USERS}:
        raise DemoRefused(f"{username!r} is not a demo user")
    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def print_logins(users: dict[str, User], url: str) -> None:
    print()
    print("LaborLens demo is ready (fictional data; public demo keys).")
    print(f"  Open {url} and accept the system-use notice.")
    print(f"  Every demo user's password: {DEMO_PASSWORD}")
    print("  One-time codes: add the TOTP key to an authenticator app, or run")
    print("  `LABORLENS_DEMO=1 .venv/bin/laborlens demo-code USERNAME` for the current code.")
    print()
    print(f"  {'user':<13} {'role':<28} {'agency':<42} TOTP key (base32)")
    for spec in USERS:
        key = base64.b32encode(bytes.fromhex(demo_totp_key(spec.username))).decode()
        user = users[spec.username]
        print(f"  {spec.username:<13} {user.role_label:<28} {user.agency.name:<42} {key}")
    print()
