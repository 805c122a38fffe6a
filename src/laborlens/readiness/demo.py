"""Demo readiness self-assessments (fictional): the Riverton PD assessed itself six months
ago and again this month, so the history page shows progress (a task force joined, a
protocol adopted, MOUs signed) and the gaps still open.

Listed in ``laborlens.demo.DEMO_STEPS``; idempotent (skips when RPD has assessments)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from laborlens.readiness import services
from laborlens.readiness.models import Assessment

if TYPE_CHECKING:
    from laborlens.accounts.models import User

EARLIER = {
    "protocols_identify_respond": "no", "protocols_shared_with_line": "no", "task_force": "partly",
    "training_line_officers": "some", "training_investigators": "some", "training_supervisors": "none",
    "training_victim_witness": "none", "familiar_tvpa": "2", "familiar_state_law": "2",
    "familiar_continued_presence": "1", "interpreter_access": "sometimes", "protocols_service_providers": "no",
    "mou_sharing": "no", "confidence_referring": "2",
}
NOW = {
    **EARLIER, "protocols_identify_respond": "yes", "protocols_shared_with_line": "partly", "task_force": "yes",
    "training_line_officers": "most", "training_investigators": "all", "training_supervisors": "some",
    "familiar_tvpa": "4", "familiar_state_law": "3", "familiar_continued_presence": "2",
    "protocols_service_providers": "yes", "mou_sharing": "yes", "confidence_referring": "3",
}


def load_demo_readiness(users: dict[str, User]) -> None:
    supervisor = users["supervisor"]
    if Assessment.objects.filter(agency=supervisor.agency).exists():
        return
    today = timezone.localdate()
    services.record_assessment(by=supervisor, answers=EARLIER, assessed_on=today - timedelta(days=180),
                               notes="Command staff meeting; first self-assessment.")
    services.record_assessment(by=supervisor, answers=NOW, assessed_on=today - timedelta(days=3),
                               notes="Command staff and the task force coordinator.")

