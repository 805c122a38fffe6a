"""The demo task force: fictional agencies and one user per role, with published
passwords and fixed TOTP secrets so that anyone can try every role.

Runs only in demo mode (LABORLENS_DEMO=1). Later features add their demo records by
appending a loader to DEMO_STEPS.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from laborlens.accounts.models import Agency, TaskForce, User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag

DEMO_PASSWORD = "LaborLens-demo-2026"  # noqa: S105  (published on purpose, demo only)


class DemoRefused(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    agency: str
    role: str


AGENCIES = [
    {"short_name": "RPD", "name": "Riverton Police Department", "agency_type": "local_police",
     "jurisdiction": "City of Riverton", "ori": "XX0010100"},
    # The sheriff's office allows statistical use, so its analyst can take a release from
    # request to download in the demo (a second supervisor there approves it).
    {"short_name": "HCSO", "name": "Harlan County Sheriff's Office", "agency_type": "sheriff",
     "jurisdiction": "Harlan County", "ori": "XX0010000", "allow_statistical_use": True},
    {"short_name": "SAFEHARBOR", "name": "Safe Harbor Victim Services", "agency_type": "victim_services",
     "jurisdiction": "Harlan County"},
    {"short_name": "STATE-LABOR", "name": "State Department of Labor, Wage and Hour", "agency_type": "labor_agency",
     "jurisdiction": "State"},
    {"short_name": "HCDA", "name": "Harlan County District Attorney", "agency_type": "prosecutor",
     "jurisdiction": "Harlan County"},
    # Outside the task force: shows that agencies are isolated from each other.
    {"short_name": "EPD", "name": "Eastport Police Department", "agency_type": "local_police",
     "jurisdiction": "City of Eastport", "ori": "XX0020100"},
]
TASK_FORCE = {"name": "Harlan County Anti-Trafficking Task Force", "jurisdiction": "Harlan County",
              "members": ["RPD", "HCSO", "SAFEHARBOR", "STATE-LABOR", "HCDA"]}

USERS = [
    DemoUser("officer", "Olivia", "Ortiz", "RPD", "line_officer"),
    DemoUser("investigator", "Ivan", "Reyes", "RPD", "investigator"),
    DemoUser("supervisor", "Sam", "Park", "RPD", "supervisor"),
    DemoUser("admin", "Ada", "Mills", "RPD", "agency_admin"),
    DemoUser("auditor", "Audrey", "Chen", "RPD", "auditor"),
    DemoUser("coordinator", "Carmen", "Diaz", "HCSO", "victim_witness_coordinator"),
    DemoUser("analyst", "Andre", "Lewis", "HCSO", "analyst"),
    DemoUser("sergeant", "Sofia", "Marsh", "HCSO", "supervisor"),
    DemoUser("advocate", "Alma", "Vega", "SAFEHARBOR", "victim_advocate"),
    DemoUser("inspector", "Ines", "Novak", "STATE-LABOR", "partner_inspector"),
    DemoUser("prosecutor", "Paul", "Grant", "HCDA", "prosecutor"),
    DemoUser("outsider", "Otto", "Berg", "EPD", "line_officer"),
]

# Loaders added by later features: each takes the created users by username.
DEMO_STEPS: list[Callable[[dict[str, User]], None]] = []


def demo_totp_key(username: str) -> str:
    """Fixed, derivable secret: the demo command can print it and a test can compute codes."""
    return hashlib.sha256(f"laborlens-demo-totp:{username}".encode()).hexdigest()[:40]


def require_demo_mode() -> None:
    if not settings.DEMO_MODE:
        raise DemoRefused(
            "the demo loader runs only with LABORLENS_DEMO=1; it would put published "
            "passwords into a real installation"
        )


@transaction.atomic
def load_demo() -> dict[str, User]:
    require_demo_mode()
    agencies = {}
    for spec in AGENCIES:
        agency, _ = Agency.objects.get_or_create(short_name=spec["short_name"], defaults=spec)
        agencies[agency.short_name] = agency
    task_force, _ = TaskForce.objects.get_or_create(
        name=TASK_FORCE["name"], defaults={"jurisdiction": TASK_FORCE["jurisdiction"]}
    )
    task_force.agencies.set([agencies[name] for name in TASK_FORCE["members"]])
    users = {}
    for spec in USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = User.objects.create_user(
                username=spec.username, password=DEMO_PASSWORD, first_name=spec.first_name,
                last_name=spec.last_name, email=f"{spec.username}@demo.invalid",
                agency=agencies[spec.agency], role=spec.role,
            )
        TOTPDevice.objects.get_or_create(
            user=user, name="demo authenticator",
            defaults={"key": demo_totp_key(spec.username), "confirmed": True},
        )
        users[spec.username] = user
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
    print("  `.venv/bin/laborlens demo-code USERNAME` for the current code.")
    print()
    print(f"  {'user':<13} {'role':<28} {'agency':<42} TOTP key (base32)")
    for spec in USERS:
        key = base64.b32encode(bytes.fromhex(demo_totp_key(spec.username))).decode()
        user = users[spec.username]
        print(f"  {spec.username:<13} {user.role_label:<28} {user.agency.name:<42} {key}")
    print()


import laborlens.cases.demo  # noqa: E402,F401,I001  (appends the demo cases to DEMO_STEPS)
import laborlens.screening.demo  # noqa: E402,F401,I001  (appends the demo screenings to DEMO_STEPS)
import laborlens.victims.demo  # noqa: E402,F401,I001  (appends demo victim services to DEMO_STEPS)
import laborlens.tips.demo  # noqa: E402,F401,I001  (appends the demo tips to DEMO_STEPS)
import laborlens.activities.demo  # noqa: E402,F401,I001  (appends demo activities and agreements to DEMO_STEPS)
import laborlens.threat.demo  # noqa: E402,F401,I001  (appends the DOL / UCR slice and the task force area to DEMO_STEPS)
import laborlens.publishing.demo  # noqa: E402,F401,I001  (appends the sheriff's CTDC privacy budget to DEMO_STEPS)
import laborlens.readiness.demo  # noqa: E402,F401,I001  (appends demo readiness self-assessments to DEMO_STEPS)
import laborlens.barriers.demo  # noqa: E402,F401,I001  (attaches a demo screening to a demo case for the barrier map)
import laborlens.feedback.demo  # noqa: E402,F401,I001  (appends demo survey and trust-pulse answers to DEMO_STEPS)
