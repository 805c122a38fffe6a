"""The demo's people: fictional agencies, the task force and one user per role, with a
published password and fixed TOTP secrets so that anyone can try every role. Demo mode only.
The other apps' demo records are loaded after these by ``laborlens.demo``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from laborlens.accounts.models import Agency, TaskForce, User

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
    # A shelter that uses LaborLens (its services and directory entry: victims/demo.py).
    {"short_name": "CASA", "name": "Casa Esperanza Shelter", "agency_type": "victim_services",
     "jurisdiction": "Harlan County"},
]
TASK_FORCE = {"name": "Harlan County Anti-Trafficking Task Force", "jurisdiction": "Harlan County",
              "members": ["RPD", "HCSO", "SAFEHARBOR", "STATE-LABOR", "HCDA", "CASA"]}

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
    DemoUser("shelter", "Sofia", "Luna", "CASA", "victim_advocate"),
]

def demo_totp_key(username: str) -> str:
    """Fixed, derivable secret: the demo command can print it and a test can compute codes."""
    return hashlib.sha256(f"laborlens-demo-totp:{username}".encode()).hexdigest()[:40]


def require_demo_mode() -> None:
    if not settings.DEMO_MODE:
        raise DemoRefused(
            "the demo loader runs only with LABORLENS_DEMO=1; it would put published "
            "passwords into a real installation"
        )


def load_demo_people() -> dict[str, User]:
    """Agencies, the task force and the users (idempotent); the users by username."""
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
    return users
