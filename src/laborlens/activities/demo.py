"""Demo activities (fictional): trainings given and received on the NIJ topics, partner
meetings, a joint operation and outreach events across the task force, and agreements
(one due for renewal within 60 days, one ended) so the reminders have something to show.

Listed in ``laborlens.demo.DEMO_STEPS``; idempotent (skips when the first demo
activity exists)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from laborlens.accounts.models import Agency, TaskForce
from laborlens.activities import services
from laborlens.activities.models import Activity, Agreement, Kind

if TYPE_CHECKING:
    from laborlens.accounts.models import User

FIRST_TITLE = "Labor trafficking indicators for patrol (roll call)"

# (days ago, kind, title, lead, others, extra fields)
ACTIVITIES: list[tuple[int, str, str, str, list[str], dict[str, object]]] = [
    (200, Kind.TRAINING_RECEIVED, "Federal task force academy: labor trafficking investigations", "RPD", ["HCSO"],
     {"topics": ["tvpa_and_laws", "investigating_cases", "role_of_prosecutors"], "provider": "Federal LE training centre",
      "attendees": 6}),
    (170, Kind.TRAINING_GIVEN, FIRST_TITLE, "RPD", [],
     {"topics": ["identifying_cases", "understanding_trafficking"], "attendees": 38, "place": "RPD briefing room"}),
    (150, Kind.PARTNER_MEETING, "Task force quarterly meeting", "HCSO", ["RPD", "SAFEHARBOR", "STATE-LABOR", "HCDA"],
     {"attendees": 14}),
    (120, Kind.TRAINING_GIVEN, "Trauma-informed interviews with survivors", "SAFEHARBOR", ["RPD", "HCSO"],
     {"topics": ["interviewing_victims", "response_impact_on_victims", "victims_rights"], "attendees": 22}),
    (95, Kind.OUTREACH_EVENT, "Know your rights at work: orchard workers", "SAFEHARBOR", ["STATE-LABOR"],
     {"audience": "workers", "language": "es", "attendees": 60, "place": "Riverton farmworker clinic"}),
    (80, Kind.JOINT_OPERATION, "Joint wage-and-hour and welfare check, Route 9 farms", "STATE-LABOR", ["RPD", "SAFEHARBOR"],
     {"attendees": 9, "notes": "Inspections with advocates present; outcomes recorded in the case."}),
    (60, Kind.PARTNER_MEETING, "Task force quarterly meeting", "HCSO", ["RPD", "SAFEHARBOR", "STATE-LABOR", "HCDA"],
     {"attendees": 12}),
    (45, Kind.TRAINING_RECEIVED, "Prosecuting forced labor under 18 U.S.C. 1589", "RPD", ["HCDA"],
     {"topics": ["tvpa_and_laws", "role_of_prosecutors"], "provider": "Harlan County District Attorney", "attendees": 11}),
    (30, Kind.OUTREACH_EVENT, "Faith leaders breakfast: spotting labor exploitation", "HCSO", ["SAFEHARBOR"],
     {"audience": "faith", "language": "en", "attendees": 25}),
    (20, Kind.OUTREACH_EVENT, "Radio segment in Mam and Spanish", "SAFEHARBOR", [],
     {"audience": "community", "language": "mam", "attendees": None}),
    (10, Kind.TRAINING_GIVEN, "Working with victim service providers (roll call)", "RPD", ["SAFEHARBOR"],
     {"topics": ["collaborating_service_providers", "role_of_service_providers"], "attendees": 31}),
]

# (title, kind, parties, signed days ago, renewal in days (from today), ended days ago, scope, reference)
AGREEMENTS: list[tuple[str, str, list[str], int, int | None, int | None, str, str]] = [
    ("Task force memorandum of understanding", Agreement.Kind.MOU, ["RPD", "HCSO", "SAFEHARBOR", "STATE-LABOR", "HCDA"],
     700, 45, None, "Roles, victim-centred response, joint operations and case review.", "HCTF-MOU-2025-01"),
    ("Victim referral and information-sharing protocol", Agreement.Kind.SHARING, ["RPD", "SAFEHARBOR"],
     300, 430, None, "Referrals with written consent; what may be shared and how.", "RPD-SH-2025-07"),
    ("Wage-and-hour referral agreement", Agreement.Kind.SHARING, ["RPD", "STATE-LABOR"],
     900, None, 100, "Referral of wage complaints with trafficking indicators (ended; being redrafted).", "SDOL-RPD-2023-2"),
]


def load_demo_activities(users: dict[str, User]) -> None:
    if Activity.objects.filter(title=FIRST_TITLE).exists():
        return
    today = timezone.localdate()
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    task_force = TaskForce.objects.filter(agencies=agencies.get("RPD")).first() if "RPD" in agencies else None
    recorder = {"RPD": users["supervisor"], "HCSO": users["coordinator"], "SAFEHARBOR": users["advocate"],
                "STATE-LABOR": users["inspector"], "HCDA": users["prosecutor"]}
    for days_ago, kind, title, lead, others, extra in ACTIVITIES:
        if lead not in agencies:
            continue
        activity = Activity(kind=kind, title=title, held_on=today - timedelta(days=days_ago),
                            lead_agency=agencies[lead], task_force=task_force, **extra)  # type: ignore[arg-type]
        services.save_activity(activity, by=recorder[lead],
                               agencies=[agencies[name] for name in others if name in agencies])
    for title, kind, parties, signed, renewal, ended, scope, reference in AGREEMENTS:
        agreement = Agreement(kind=kind, title=title, signed_on=today - timedelta(days=signed),
                              renewal_on=today + timedelta(days=renewal) if renewal is not None else None,
                              ended_on=today - timedelta(days=ended) if ended is not None else None,
                              scope=scope, document_reference=reference)
        services.save_agreement(agreement, by=users["supervisor"],
                                parties=[agencies[name] for name in parties if name in agencies])

