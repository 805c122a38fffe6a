"""Demo: the sheriff's office declares a privacy budget for the CTDC research file, so
that its analyst can take a differentially private release from request to download
(``docs/RELEASES.md``). Its second supervisor (``sergeant``) sets it, as a real one would
on the Releases page."""

from __future__ import annotations

from laborlens.accounts.models import User
from laborlens.publishing import services
from laborlens.publishing.models import Dataset

DEMO_CTDC_EPSILON = 10.0


def load_publishing_demo(users: dict[str, User]) -> None:
    sergeant = users["sergeant"]
    try:
        services.set_budget(by=sergeant, dataset=Dataset.CTDC, epsilon=DEMO_CTDC_EPSILON, delta=0.0)
    except services.WorkflowError:
        pass  # no CTDC file on this server: the release pages say so and who can fix it

