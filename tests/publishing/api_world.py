"""Objects for the API authorization matrix (tests/api/test_matrix.py): a previewed release
of agency A, requested by an analyst of A, waiting for a supervisor's approval."""

from __future__ import annotations

from laborlens.publishing.models import Release, Status
from tests.conftest import make_user


def release_objects(world) -> dict[str, int]:
    requester = make_user("analyst_matrix", world.agency_a, "analyst")
    release = Release(agency=world.agency_a, title="Matrix release", dataset="cases", method="kanon",
                      parameters={"quasi_identifiers": ["year"], "k": 11}, seed=1, status=Status.PREVIEWED,
                      ledger_dataset=f"agency:{world.agency_a.pk}:cases", requested_by=requester,
                      selection={"included": 0, "excluded": {}}, preview={})
    release.save()
    return {"release": release.pk}


RELEASE_BODIES = {
    "/api/v1/releases/": {"title": "Matrix request", "dataset": "cases", "method": "kanon",
                          "parameters": {"quasi_identifiers": ["year", "industry"], "k": 11}},
    "/api/v1/releases/{release}/approve/": {"note": "Checked the preview"},
}
