"""Demo screenings: one reading of each common kind, so the result pages can be tried.

Listed in ``laborlens.demo.DEMO_STEPS``; idempotent (keyed by label)."""

from __future__ import annotations

from laborlens.accounts.models import User
from laborlens.screening import services
from laborlens.screening.models import Screening

DEMO_SCREENINGS = [
    ("officer", "Worker 1, Route 9 orchard (demo)", "adult", "workplace", "es", {
        "dr_nature_of_job_location_employer": "present", "dr_wages_earnings": "present",
        "ex_excessive_hours": "present", "ex_low_or_no_salary": "present",
        "cd_confiscation_of_documents": "present", "cd_debt_bondage": "present"}),
    ("officer", "Dishwasher, Main Street diner (demo)", "adult", "call_for_service", "en", {
        "ex_excessive_hours": "present", "ex_low_or_no_salary": "present",
        "ex_labour_law_or_contract_breached": "present",
        "ctx_free_to_leave": "present", "ctx_keeps_own_documents": "present"}),
    ("inspector", "Passenger, van on I-40 (demo)", "adult", "traffic_stop", "es", {
        "ctx_paid_to_cross_border": "present", "ctx_smuggling_arrangement_ended_on_arrival": "present"}),
    ("investigator", "Teen at the carnival (demo)", "minor", "interview", "es", {
        "ex_excessive_hours": "present", "ex_hazardous_work": "present",
        "ex_no_access_to_education": "present", "ctx_act_transported": "present"}),
]

DEMO_SENT = ("Dishwasher, Main Street diner (demo)", "investigator")


def load_demo_screenings(users: dict[str, User]) -> None:
    for username, label, age_group, setting, language, answers in DEMO_SCREENINGS:
        user = users[username]
        if Screening.objects.filter(label=label, created_by=user).exists():
            continue
        screening = services.create(user=user, label=label, age_group=age_group, setting=setting,
                                    question_language=language)
        services.record_answers(screening, [{"indicator": key, "value": value}
                                            for key, value in answers.items()], user=user)
        services.complete(screening, user=user)
    # Work that flows: the officer has sent the diner screening to the investigator, so the
    # demo investigator finds it in My work.
    diner = Screening.objects.filter(label=DEMO_SENT[0], created_by=users["officer"]).first()
    if diner is not None and not diner.handoffs.exists():
        services.send_to(diner, users[DEMO_SENT[1]], user=users["officer"])

