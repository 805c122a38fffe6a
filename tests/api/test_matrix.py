"""The authorization matrix: every API endpoint x every named test user, with the
expected outcome written down in one table (issue: API, point 7).

Users: officer, investigator, supervisor, admin, auditor (agency A); advocate (victim
services); analyst (sheriff); outsider (agency B). Objects belong to agency A's officer.
Add a row whenever an endpoint is added: the completeness test fails otherwise.
"""

from __future__ import annotations

import json
import re

import pytest
from django.urls import get_resolver

from laborlens.screening import services
from tests.api.conftest import bearer
from tests.api.victims_world import victim_bodies, victim_objects
from tests.publishing.api_world import RELEASE_BODIES, release_objects


def make_case(world):
    """A case led by A's investigator with A's officer on the team."""
    from laborlens.cases import services as case_services
    from laborlens.cases.models import CaseMember

    case = case_services.create_case(by=world.investigator, data={
        "title": "Matrix case", "jurisdiction": "Riverton", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    case_services.add_member(case, world.officer, CaseMember.Role.INVESTIGATOR, by=world.investigator)
    return case

USERS = ["officer", "investigator", "supervisor", "admin", "auditor", "advocate", "analyst", "outsider"]
BODY_ASSESS = {"age_group": "adult", "answers": {"cd_debt_bondage": {"value": "present"}}}
BODY_NEW = {"label": "Matrix worker", "age_group": "adult"}
BODY_PATCH = {"answers": {"cd_debt_bondage": {"value": "present"}}}

#            endpoint                                 officer inv  sup  admin audit advoc analyst outsider
MATRIX = {
    ("GET", "/api/v1/me/"):                           (200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/v1/agencies/"):                     (200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/v1/tokens/"):                       (200, 200, 200, 200, 200, 200, 200, 200),
    ("DELETE", "/api/v1/tokens/{officer_token}/"):    (204, 404, 404, 404, 404, 404, 404, 404),
    ("POST", "/api/v1/assess/"):                      (200, 200, 200, 403, 403, 200, 403, 200),
    ("GET", "/api/v1/screenings/"):                   (200, 200, 200, 403, 403, 200, 200, 200),
    ("POST", "/api/v1/screenings/"):                  (201, 201, 201, 403, 403, 201, 403, 201),
    ("GET", "/api/v1/screenings/{screening}/"):       (200, 404, 200, 403, 403, 404, 404, 404),
    ("PATCH", "/api/v1/screenings/{screening}/"):     (200, 404, 404, 403, 403, 404, 403, 404),
    # The officer sends their screening to A's investigator, or attaches it to the case they
    # are on (their role cannot change cases); nobody else holds that screening to send.
    ("POST", "/api/v1/screenings/{screening}/send/"): (201, 404, 404, 403, 403, 404, 403, 404),
    ("POST", "/api/v1/screenings/{screening}/attach/"): (200, 404, 404, 403, 403, 404, 403, 404),
    ("GET", "/api/v1/cases/"):                        (200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/v1/cases/{case}/"):                 (200, 200, 200, 404, 404, 404, 404, 404),
    ("GET", "/api/v1/cases/{case}/people/"):          (200, 200, 200, 404, 404, 404, 404, 404),
    ("GET", "/api/v1/cases/{case}/entities/"):        (200, 200, 200, 404, 404, 404, 404, 404),
    ("GET", "/api/v1/cases/{case}/evidence/"):        (200, 200, 200, 404, 404, 404, 404, 404),
    # Tips: the triage list is scoped to the receiving agency (the outsider's is empty, but
    # a line officer may not triage); a partner names a recipient (here none of theirs: 404);
    # the public endpoint ignores tokens and allows 5 tips an hour per client address.
    ("GET", "/api/v1/tips/"):                         (403, 200, 200, 403, 403, 403, 403, 403),
    ("POST", "/api/v1/tips/partner/"):                (404, 404, 403, 403, 403, 403, 403, 404),
    ("POST", "/api/v1/tips/public/"):                 (201, 201, 201, 201, 201, 429, 429, 429),
    # Victim services (tests/api/victims_world.py): Safe Harbor (the advocate) serves the
    # victim; case staff on the team see the record by pseudonym, and its needs because a
    # consent names agency A for "needs"; the supervisor is not on the team (404). Consents,
    # referrals and writes are the serving or receiving organisation's (victims.* roles).
    ("GET", "/api/v1/victims/"):                      (200, 200, 200, 403, 403, 200, 403, 200),
    ("GET", "/api/v1/victims/{victim}/"):             (200, 200, 404, 403, 403, 200, 403, 404),
    ("GET", "/api/v1/victims/{victim}/needs/"):       (200, 200, 404, 403, 403, 200, 403, 404),
    ("POST", "/api/v1/victims/{victim}/needs/"):      (403, 403, 403, 403, 403, 201, 403, 403),
    ("PATCH", "/api/v1/needs/{need}/"):               (403, 403, 403, 403, 403, 200, 403, 403),
    ("GET", "/api/v1/victims/{victim}/consents/"):    (403, 403, 403, 403, 403, 200, 403, 403),
    ("POST", "/api/v1/victims/{victim}/consents/"):   (403, 403, 403, 403, 403, 201, 403, 403),
    ("POST", "/api/v1/consents/{consent}/revoke/"):   (403, 403, 403, 403, 403, 200, 403, 403),
    ("POST", "/api/v1/victims/{victim}/referrals/"):  (403, 403, 403, 403, 403, 201, 403, 403),
    ("GET", "/api/v1/referrals/"):                    (403, 403, 403, 403, 403, 200, 403, 403),
    ("GET", "/api/v1/referrals/{referral}/"):         (403, 403, 403, 403, 403, 200, 403, 403),
    ("POST", "/api/v1/referrals/{referral}/actions/"): (403, 403, 403, 403, 403, 200, 403, 403),
    ("GET", "/api/v1/directory/"):                    (200, 200, 200, 403, 403, 200, 403, 200),
    # Metrics (aggregates only): supervisor and analyst hold insights.view; each counts its own agency.
    ("GET", "/api/v1/metrics/"):                      (403, 403, 200, 403, 403, 403, 200, 403),
    # Releases (tests/publishing/api_world.py): A's release, requested by an analyst of A;
    # the sheriff's analyst lists and requests in their own agency, and cannot see A's (404).
    ("GET", "/api/v1/releases/"):                     (403, 403, 200, 403, 403, 403, 200, 403),
    ("POST", "/api/v1/releases/"):                    (403, 403, 403, 403, 403, 403, 201, 403),
    ("GET", "/api/v1/releases/{release}/"):           (403, 403, 200, 403, 403, 403, 404, 403),
    ("POST", "/api/v1/releases/{release}/approve/"):  (403, 403, 200, 403, 403, 403, 403, 403),
    # Exports (cases.supervise): only the supervisor; the export covers their agency's cases.
    ("GET", "/api/v1/exports/htcds/"):                (403, 403, 200, 403, 403, 403, 403, 403),
    # 422: allowed, but the test agency has no ORI, so the extract is refused (issue 19).
    ("GET", "/api/v1/exports/nibrs/"):                (403, 403, 422, 403, 403, 403, 403, 403),
}
BODIES = {"/api/v1/assess/": BODY_ASSESS, "/api/v1/screenings/": BODY_NEW,
          "/api/v1/screenings/{screening}/": BODY_PATCH,
          "/api/v1/screenings/{screening}/send/": lambda ids: {"recipient": ids["investigator_id"]},
          "/api/v1/screenings/{screening}/attach/": lambda ids: {"case": ids["case_id"]},
          "/api/v1/tips/partner/": {"recipient": 999999, "partner_sector": "labor_inspection",
                                    "narrative": "One supervisor answered for every worker."},
          "/api/v1/tips/public/": {"narrative": "Nos quitaron los pasaportes al llegar."}}
BODIES.update(victim_bodies())
BODIES.update(RELEASE_BODIES)


@pytest.mark.parametrize("method,path", list(MATRIX))
def test_authorization_matrix(world, method, path):
    screening = services.create(user=world.officer, label="Worker", age_group="adult",
                                setting="other", question_language="en")
    case = make_case(world)
    ids = victim_objects(world, case)
    ids.update(release_objects(world))
    ids.update(investigator_id=world.investigator.pk, case_id=case.pk)
    officer_client, officer_token = bearer(world.officer)
    results = []
    for username in USERS:
        user = getattr(world, username)
        client = officer_client if username == "officer" else bearer(user)[0]
        url = path.format(screening=screening.pk, officer_token=officer_token.pk, case=case.pk, **ids)
        body = BODIES.get(path) if method in {"POST", "PATCH"} else None
        body = body(ids) if callable(body) else body
        call = getattr(client, method.lower())
        response = call(url, data=json.dumps(body), content_type="application/json") if body else call(url)
        results.append(response.status_code)
        if method == "DELETE" and response.status_code == 204:
            officer_client, officer_token = bearer(world.officer)  # the old token is revoked now
        assert response.status_code < 500
    assert tuple(results) == MATRIX[(method, path)], dict(zip(USERS, results, strict=True))


def test_every_api_endpoint_is_in_the_matrix():
    documented = {path for _, path in MATRIX}
    patterns = []

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern, route)
            elif route.startswith("api/v1/"):
                patterns.append("/" + route)

    walk(get_resolver())
    normalised = {p.replace("<int:pk>", "{}") for p in patterns}
    covered = {p.replace("{screening}", "{}").replace("{officer_token}", "{}").replace("{case}", "{}")
               for p in documented}
    covered |= {re.sub(r"\{[a-z_]+\}", "{}", p) for p in documented}
    assert normalised <= covered, sorted(normalised - covered)
