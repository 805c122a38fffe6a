"""Demo tips (fictional), in English and Spanish: a cluster of three about one cleaning
company (same business, address and phone typed three ways), one that names the phone of
the demo RPD farm case's recruiter, a partner inspector's observation, and a plain
negative. Listed in ``laborlens.demo.DEMO_STEPS``; runs once (skips if RPD has tips)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laborlens.tips import services
from laborlens.tips.models import Source, Tip

if TYPE_CHECKING:
    from laborlens.accounts.models import User

DEMO_TIPS = [
    # The cluster: Sunrise Cleaning, 415 Mill Street, Riverton, (202) 555-0171.
    {"business_name": "Sunrise Cleaning LLC", "address": "415 Mill Street", "city": "Riverton",
     "work_type": "janitorial_services", "when": "week", "observations": ["documents_taken", "crowded_housing"],
     "narrative": "I clean offices at night next to a crew from Sunrise Cleaning. The supervisor keeps their "
                  "passports and they say they owe the recruiter $6,000 each. Ten of them sleep in one "
                  "apartment above the office. Their boss calls from 202-555-0171."},
    {"business_name": "sunrise cleaning", "address": "415 Mill St.", "city": "Riverton",
     "work_type": "janitorial_services", "when": "now", "observations": ["cannot_leave", "hurt_or_threatened"],
     "narrative": "Trabajo con la gente de Sunrise Cleaning. Nos quitaron los pasaportes al llegar y el patrón "
                  "dice que si hablamos con la policía nos van a deportar. No nos dejan salir del apartamento. "
                  "Anoche golpearon a un compañero."},
    {"business_name": "Sunrise Cleaning", "address": "", "city": "Riverton", "work_type": "janitorial_services",
     "when": "month", "observations": ["children_working"],
     "narrative": "Vi a dos chicos de 15 años limpiando oficinas de madrugada con la cuadrilla. El encargado "
                  "contesta el teléfono (202) 555-0171 y no les pagan nada, dice que es para la deuda."},
    # Names the recruiter's phone on the demo RPD farm case.
    {"business_name": "", "address": "Route 9", "city": "Riverton", "work_type": "farming_agriculture",
     "when": "earlier", "observations": [],
     "narrative": "A man at the Route 9 farms recruits workers from Peru and charges them $8,000 for the visa. "
                  "We owe the recruiter money and they take it out of our pay. His number is +1 202 555 0143."},
    # A plain negative: a wage complaint, no trafficking indicator.
    {"business_name": "Main Street Diner", "address": "", "city": "Riverton", "work_type": "restaurants_food_services",
     "when": "month", "observations": [],
     "narrative": "The diner pays late sometimes. Nobody took my documents and I can quit whenever I want."},
]

PARTNER_TIP = {
    "partner_sector": "labor_inspection", "business_name": "Sunrise Cleaning LLC", "address": "415 Mill Street",
    "city": "Riverton", "work_type": "janitorial_services", "when": "week",
    "observations": ["afraid_to_talk", "watched"],
    "narrative": "Wage-and-hour visit. One supervisor answered for all eight workers, who looked at him before "
                 "speaking. No pay records. Workers said the company holds their IDs.",
}


def load_demo_tips(users: dict[str, User]) -> None:
    rpd = users["investigator"].agency
    if Tip.objects.filter(agency=rpd).exists():
        return
    for data in DEMO_TIPS:
        services.submit(source=Source.PUBLIC, agency=rpd, data=data)
    services.submit(source=Source.PARTNER, agency=rpd, data=PARTNER_TIP, submitted_by=users["inspector"])

