"""Demo for the barrier map (fictional): the officer's demo screening of "Worker 1, Route 9
orchard" is attached to the RPD "Green Acres farm crew" case (the officer is on its team),
so the case's barrier map shows findings from indicators as well as from case facts.

Listed in ``laborlens.demo.DEMO_STEPS`` after the cases and screenings; idempotent
(attaches only a screening that is not attached yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laborlens.cases.models import Case
from laborlens.screening import services
from laborlens.screening.models import Screening

if TYPE_CHECKING:
    from laborlens.accounts.models import User

LABEL = "Worker 1, Route 9 orchard (demo)"


def load_demo_barriers(users: dict[str, User]) -> None:
    officer = users["officer"]
    case = Case.objects.filter(title="Green Acres farm crew", lead_agency=officer.agency).first()
    screening = Screening.objects.filter(label=LABEL, created_by=officer, case__isnull=True).first()
    if case is None or screening is None:
        return
    services.attach_to_case(screening, case, user=officer)

