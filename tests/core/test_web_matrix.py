"""The web permission matrix: every named page x every named test user, the expected
answer written down in one table from the roles (``accounts/roles.json``) and the scoping
rules (each model's ``scope_for``), like the API's (tests/api/test_matrix.py; issue 18.3).

Users: anonymous; officer, investigator, supervisor, admin, auditor (agency A, Riverton PD);
advocate (Safe Harbor, victim services); analyst (sheriff); outsider, outsider_admin (agency
B, outside the task force); deputy (sheriff investigator, on the case team) and rival
(agency B supervisor) from the case world (tests/cases/conftest.py). The case is A's, led
by the investigator, with the officer, the advocate and the deputy on its team; the victim
record is Safe Harbor's (tests/victims/conftest.py).

Cells: 200/201/302 allowed (302 where the page answers by redirecting), 403 the role does
not allow it, 404 outside the user's scope, L a redirect to the sign-in (or the notice
before it), 401 the API's pages to a client without a session, 405 wrong method, 422 allowed but refused for the data (no ORI for NIBRS). Rows
in ``POST_ONLY`` are tried with POST (GET must give 405); there P means "let through the
permission and scope checks" (200, 201, 204, 302, 303, 400, 409 or 422), and a refused POST (403,
404, L) must change nothing in the database. Add a row whenever a page is added: the
completeness test fails otherwise, and for a row whose page is gone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from laborlens.metrics.figures import FIGURE_KEYS
from tests.api.victims_world import build_victim_world
from tests.conftest import signed_in

USERS = ["anonymous", "officer", "investigator", "supervisor", "admin", "auditor", "advocate", "analyst",
         "outsider", "outsider_admin", "deputy", "rival"]
L = "sign-in"  # 302 to accounts:login or accounts:notice
P = "passes"   # POST let through the permission and scope checks
PASSED = {200, 201, 204, 302, 303, 400, 409, 422}
EXCLUDED_NAMESPACES = {"admin"}
API_ENDPOINTS = "api/v1/"  # tests/api/test_matrix.py owns these
EXCLUDED_NAMES = {"set_language", "static"}


@dataclass
class MatrixWorld:
    """The victims world (the case world inside it) and, built only when a row asks, the
    other apps' objects. Everything belongs to agency A or its partners."""

    vw: Any

    @property
    def cw(self) -> Any:
        return self.vw.cw

    @property
    def w(self) -> Any:
        return self.vw.cw.w

    def user(self, name: str) -> Any:
        return getattr(self.cw, name) if name in {"deputy", "rival"} else getattr(self.w, name)

    @cached_property
    def intel(self) -> Any:
        from laborlens.cases import services
        from laborlens.cases.models import Person

        return services.save_person(Person(
            case=self.cw.case, role="suspect", full_name="Ignatius Pell", intelligence_only=True,
            justification="Collects the workers' wages in cash every Friday per two statements.",
            review_due=timezone.localdate() + timedelta(days=365)), by=self.w.investigator)

    @cached_property
    def notice(self) -> Any:
        from laborlens.cases import services
        from laborlens.cases.models import DeconflictionNotice

        theirs = services.create_case(by=self.cw.rival, data={"title": "Eastport orchard"})
        return DeconflictionNotice.objects.create(case=self.cw.case, other_case=theirs, other_agency=self.w.agency_b,
                                                  contact=self.cw.rival, match_kind="phone")

    def new_link(self) -> Any:
        """A fresh element link each call: deleting one is the row's allowed action."""
        from laborlens.cases import services
        from laborlens.cases.models import Evidence

        evidence = services.save_evidence(Evidence(case=self.cw.case, kind="pay_records", title="Ledger"),
                                          by=self.w.investigator)
        return services.link_element(evidence, element="purpose.labor_services", note_text="", by=self.w.investigator)

    def screening(self, by: Any) -> Any:
        from laborlens.screening import services

        return services.create(user=by, label="Worker", age_group="adult", setting="other", question_language="en")

    def sent_screening(self) -> Any:
        """The officer's screening, sent to A's investigator (waiting on them)."""
        from laborlens.screening import services

        screening = self.screening(self.w.officer)
        services.send_to(screening, self.w.investigator, user=self.w.officer)
        return screening

    @cached_property
    def tip(self) -> Any:
        from laborlens.tips import services
        from laborlens.tips.models import Source

        tip, _ = services.submit(source=Source.PUBLIC, agency=self.w.agency_a, data={
            "narrative": "They took our passports when we arrived.", "business_name": "Sunrise Cleaning LLC",
            "city": "Riverton", "address": "415 Mill Street", "observations": []})
        return tip

    @cached_property
    def consent(self) -> Any:
        from tests.victims.conftest import give_consent

        return give_consent(self.vw, self.w.agency_a, ["needs"])

    @cached_property
    def referral(self) -> Any:
        """Casa Esperanza refers its own client to Safe Harbor: the advocate receives it."""
        from laborlens.victims import services
        from laborlens.victims.models import Partner

        harbor = Partner.objects.create(name="Safe Harbor", agency=self.w.vsp, services=["housing"],
                                        languages=["en", "es"], service_area="Harlan County", listed_by=self.w.vsp)
        theirs = services.open_record(case=self.cw.case, by=self.vw.shelter_user,
                                      person_data={"full_name": "Other Client"})
        return services.send_referral(theirs, by=self.vw.shelter_user, partner=harbor, need="counselling")

    @cached_property
    def relief(self) -> Any:
        from laborlens.victims import services
        from laborlens.victims.models import Relief

        return services.save_relief(Relief(victim=self.vw.record, kind="cp", status="submitted",
                                           requesting_officer="Adv.", federal_partner="HSI-Riverton"),
                                    by=self.w.advocate)

    @cached_property
    def release(self) -> Any:
        from laborlens.publishing.models import Release
        from tests.publishing.api_world import release_objects

        return Release.objects.get(pk=release_objects(self.w)["release"])

    @cached_property
    def activity(self) -> Any:
        from laborlens.activities import services
        from laborlens.activities.models import Activity, Kind

        return services.save_activity(Activity(kind=Kind.TRAINING_GIVEN, title="Roll call: indicators",
                                               held_on=timezone.localdate(), lead_agency=self.w.agency_a,
                                               topics=["identifying_cases"]),
                                      by=self.w.supervisor, agencies=[self.w.vsp])

    @cached_property
    def agreement(self) -> Any:
        from laborlens.activities import services
        from laborlens.activities.models import Agreement

        today = timezone.localdate()
        return services.save_agreement(Agreement(
            kind=Agreement.Kind.MOU, title="Referral MOU", signed_on=today - timedelta(days=300),
            renewal_on=today + timedelta(days=30), scope="Referrals and roles", document_reference="MOU-1"),
            by=self.w.supervisor, parties=[self.w.vsp])

    @cached_property
    def assessment(self) -> Any:
        from laborlens.readiness import services
        from laborlens.readiness.scoring import load_instrument

        answers = {q["id"]: q["options"][0]["value"] for q in load_instrument()["questions"]}
        return services.record_assessment(by=self.w.supervisor, answers=answers, assessed_on=timezone.localdate())

    @cached_property
    def outreach(self) -> Any:
        """A's outreach event, with Safe Harbor taking part."""
        from laborlens.activities import services
        from laborlens.activities.models import Activity, Kind

        return services.save_activity(Activity(kind=Kind.OUTREACH_EVENT, title="Farmworker rights fair",
                                               held_on=timezone.localdate(), lead_agency=self.w.agency_a),
                                      by=self.w.supervisor, agencies=[self.w.vsp])

    @cached_property
    def pulse(self) -> Any:
        """The trust pulse A's supervisor opened for the outreach event."""
        from laborlens.feedback import services

        return services.create_pulse(self.w.supervisor, self.outreach)

    @cached_property
    def survey_code(self) -> str:
        """An open one-time survey code of Safe Harbor's (the plain code, as printed)."""
        from laborlens.feedback import services

        return services.create_survey_code(self.w.advocate)[1]

    @cached_property
    def upload(self) -> Any:
        from laborlens.threat.models import ThreatUpload

        return ThreatUpload.objects.create(kind="ucr", file_name="ucr.csv", stored_name="matrix-ucr",
                                           status=ThreatUpload.Status.DONE, uploaded_by=self.w.supervisor)


# How each row's URL arguments are built from the worlds.
KWARGS = {
    "user": lambda m: {"pk": m.w.officer.pk},
    "case": lambda m: {"pk": m.cw.case.pk},
    "victim": lambda m: {"pk": m.cw.victim.pk},
    "intel": lambda m: {"pk": m.intel.pk},
    "business": lambda m: {"pk": m.cw.business.pk},
    "evidence": lambda m: {"pk": m.cw.evidence.pk},
    "attachment": lambda m: {"pk": m.cw.attachment.pk},
    "new_link": lambda m: {"pk": m.new_link().pk},
    "plan": lambda m: {"pk": m.cw.plan.pk},
    "report": lambda m: {"pk": m.cw.report.pk},
    "task": lambda m: {"pk": m.cw.task.pk},
    "shared": lambda m: {"pk": m.cw.shared.pk},
    "notice": lambda m: {"pk": m.notice.pk},
    "officer_screening": lambda m: {"pk": m.screening(m.w.officer).pk},
    "investigator_screening": lambda m: {"pk": m.screening(m.w.investigator).pk},
    "sent_screening": lambda m: {"pk": m.sent_screening().pk},
    "tip": lambda m: {"pk": m.tip.pk},
    "record": lambda m: {"pk": m.vw.record.pk},
    "record_relief": lambda m: {"victim": m.vw.record.pk},
    "relief": lambda m: {"pk": m.relief.pk},
    "consent": lambda m: {"pk": m.consent.pk},
    "partner": lambda m: {"pk": m.vw.casa.pk},
    "referral": lambda m: {"pk": m.referral.pk},
    "release": lambda m: {"pk": m.release.pk},
    "figure": lambda m: {"key": FIGURE_KEYS[0]},
    "activity": lambda m: {"pk": m.activity.pk},
    "agreement": lambda m: {"pk": m.agreement.pk},
    "assessment": lambda m: {"pk": m.assessment.pk},
    "upload": lambda m: {"pk": m.upload.pk},
    "victim_language": lambda m: {"code": "ar"},  # a language with its own catalogue
    "survey_code": lambda m: {"code": m.survey_code},
    "pulse_code": lambda m: {"code": m.pulse.code},
    "outreach": lambda m: {"activity": m.outreach.pk},
    "pulse": lambda m: {"pk": m.pulse.pk},
}
# Rows whose allowed POST uses the object up: each allowed user gets a fresh one.
FRESH = {"cases:link_delete"}

# POST-only pages and the body each user sends (a callable receives the MatrixWorld).
POST_ONLY: dict[str, Any] = {
    "accounts:logout": {},
    "cases:task_create": {"title": "Matrix task"},
    "cases:timeline_note": {"text": "Matrix note"},
    "cases:charge_create": {"statute": "usc18_1589a", "disposition": "pending"},
    "cases:interview_create": {"held_on": "2026-01-01", "kind": "forensic", "language": "es"},
    "cases:task_complete": {},
    "cases:evidence_upload": {},
    "cases:evidence_custody": {"action": "stored", "handler": "Det. R", "at": "2026-01-01T10:00"},
    "cases:evidence_link": {"element": "means.force_1589a1"},
    "cases:link_delete": {},
    "cases:notice_acknowledge": {},
    "screening:answer": {},
    "screening:attach": lambda m: {"case": m.cw.case.pk},
    "screening:send": lambda m: {"recipient": m.w.investigator.pk},
    "screening:handled": {},
    "tips:triage_update": {"version": 1},
    "tips:note": {"text": "Matrix note"},
    "tips:to_screening": {},
    "tips:link_case": lambda m: {"case": m.cw.case.pk, "version": 1},
    "victims:need": {},
    "victims:consent_revoke": {},
    "victims:referral_action": {},
    "publishing:budget": {},
    "publishing:preview": {},
    "publishing:decide": {},
    "publishing:publish": {},
    # No file: the importer gets its form back (400), nothing is written.
    "languages:victim_language_import": {"language": "ar"},
    "feedback:survey_new": {"language": "en"},
    "feedback:pulse_new": {},
}

# Who uses what (accounts/roles.json):
#   cases pages (cases.view, or victims.view for advocates on a team): officer, investigator,
#     supervisor, advocate, outsider, deputy, rival; cases.change: investigator, supervisor,
#     deputy, rival; cases.supervise: supervisor, rival.
#   A's case: seen by its team (officer, investigator, advocate, deputy) and A's supervisor;
#     changed by the editing team (investigator, deputy) and A's supervisor; B's (outsider,
#     rival) get 404. Plans and reports are edited only by the agency that wrote them (A),
#     and only by someone who may see every identity in them (identity/text.py).
#   insights.view: supervisor, analyst, rival. release.prepare: analyst; release.approve:
#     supervisor, rival. accounts.manage: admin, outsider_admin. audit.view: auditor.
#   victims.view/change: advocate (Safe Harbor serves the record).
#   activities.view: everyone but the auditor; activities.record: investigator, supervisor,
#     admin, advocate, outsider_admin, deputy, rival; activities.agreements and
#     readiness.assess: supervisor, admin, outsider_admin, rival.
#
#                                  anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
MATRIX: dict[str, tuple[str | None, tuple[Any, ...]]] = {
    # Public pages and the sign-in steps.
    "core:home":                 (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "core:health":               (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "accounts:notice":           (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "accounts:login":            (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    # No password step pending: back to the password.
    "accounts:mfa":              (None, (L, L, L, L, L, L, L, L, L, L, L, L)),
    "accounts:mfa_enrol":        (None, (L, L, L, L, L, L, L, L, L, L, L, L)),
    # Signing out is open to everyone signed in (and harmless without a session).
    "accounts:logout":           (None, (L, P, P, P, P, P, P, P, P, P, P, P)),
    "accounts:reauth":           (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "accounts:device_key":       (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "accounts:me":               (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    # Each user's own notification choices.
    "notifications:preferences": (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "api_tokens":                (None, (L, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "accounts:user_list":        (None, (L, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403)),
    "accounts:user_create":      (None, (L, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403)),
    "accounts:user_detail":      ("user", (L, 403, 403, 403, 200, 403, 403, 403, 403, 404, 403, 403)),
    "accounts:agency_policy":    (None, (L, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403)),
    "audit:events":              (None, (L, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403)),
    # Victim languages are installation-wide: any administrator reads and exports them; only
    # one of the agency hosting the public pages (the tip line's, A) imports.
    "languages:victim_languages":     (None, (L, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403)),
    "languages:victim_language_export": ("victim_language", (L, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403)),
    "languages:victim_language_import": (None, (L, 403, 403, 403, P, 403, 403, 403, 403, 403, 403, 403)),
    # The API's schema and its browsable docs: any signed-in session; no sign-in page for
    # an API client (401). The endpoints themselves are the API matrix's.
    "api:schema":                (None, (401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "api:docs":                  (None, (401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "service_worker":            (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "manifest":                  (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    # Cases.                                 anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
    "cases:list":                (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "cases:create":              (None, (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 200)),
    "cases:my_work":             (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "cases:search":              (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "cases:reviews":             (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    "cases:detail":              ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:edit":                ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:team":                ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:share":               ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:export":              ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:board":               ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:person_create":       ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:entity_create":       ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:evidence_create":     ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:plan_create":         ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:report_create":       ("case", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:task_create":         ("case", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:charge_create":       ("case", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:interview_create":    ("case", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:timeline_note":       ("case", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:person":              ("victim", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:person_edit":         ("victim", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    # Intelligence records are reviewed by a supervisor of the lead agency (28 CFR Part 23).
    "cases:person_review":       ("intel", (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 404)),
    "cases:entity":              ("business", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:entity_edit":         ("business", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:evidence":            ("evidence", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:evidence_edit":       ("evidence", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 404)),
    "cases:evidence_upload":     ("evidence", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:evidence_custody":    ("evidence", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:evidence_link":       ("evidence", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:link_delete":         ("new_link", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    "cases:file_download":       ("attachment", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "cases:plan":                ("plan", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    # Written by A: the sheriff's deputy reads it, A edits it.
    "cases:plan_edit":           ("plan", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 404)),
    "cases:report":              ("report", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    # It names the victim: A's supervisor (not on the team) may not see her identity.
    "cases:report_edit":         ("report", (L, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 404)),
    "cases:report_pdf":          ("report", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    # Shared with the sheriff's office: read there by cases.view holders (the deputy).
    "cases:shared_report":       ("shared", (L, 404, 404, 404, 403, 403, 403, 403, 404, 403, 200, 404)),
    "cases:task_complete":       ("task", (L, 403, P, P, 403, 403, 403, 403, 403, 403, P, 404)),
    # Deconfliction notices go to the case lead and the lead agency's supervisors.
    "cases:notice_acknowledge":  ("notice", (L, 404, P, P, 403, 403, 404, 403, 404, 403, 404, 404)),
    "barriers:jurisdiction":     (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "barriers:case":             ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    "metrics:case_summary":      ("case", (L, 200, 200, 200, 403, 403, 200, 403, 404, 403, 200, 404)),
    # Screening: the officer's screening; only its officer answers it, A's supervisor reads it.
    #                                        anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
    "screening:list":            (None, (L, 200, 200, 200, 403, 403, 200, 200, 200, 403, 200, 200)),
    "screening:guide":           (None, (L, 200, 200, 200, 403, 403, 200, 200, 200, 403, 200, 200)),
    "screening:start":           (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "screening:field":           (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "screening:field_catalogue": (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "screening:field_token":     (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "screening:read_aloud":      (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "screening:detail":          ("officer_screening", (L, 200, 404, 404, 403, 403, 404, 403, 404, 403, 404, 404)),
    "screening:answer":          ("officer_screening", (L, P, 404, 404, 403, 403, 404, 403, 404, 403, 404, 404)),
    "screening:result":          ("officer_screening", (L, 200, 404, 200, 403, 403, 404, 404, 404, 403, 404, 404)),
    "screening:print":           ("officer_screening", (L, 200, 404, 200, 403, 403, 404, 404, 404, 403, 404, 404)),
    # Attaching needs the screening (its officer's, or sent to the user) and a case the user is on.
    "screening:attach":          ("investigator_screening", (L, 404, P, 404, 403, 403, 404, 403, 404, 403, 404, 404)),
    # Only its officer sends it; only the colleague it was sent to marks it handled.
    "screening:send":            ("officer_screening", (L, P, 404, 404, 403, 403, 404, 403, 404, 403, 404, 404)),
    "screening:handled":         ("sent_screening", (L, 404, P, 404, 403, 403, 404, 404, 404, 403, 404, 404)),
    # Tips: a public tip to A. Public pages for everyone; triage by A's triagers.
    "tips:report":               (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "tips:follow_up":            (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "tips:awareness":            (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    # Feedback's public pages (no sign-in): a code's entry page, Safe Harbor's open survey
    # code, A's trust pulse.
    "feedback:survey_start":     (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "feedback:survey":           ("survey_code", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "feedback:pulse_start":      (None, (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "feedback:pulse":            ("pulse_code", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    "tips:partner":              (None, (L, 200, 200, 403, 403, 403, 403, 403, 200, 403, 200, 403)),
    "tips:triage":               (None, (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 200)),
    "tips:detail":               ("tip", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404)),
    "tips:share":                ("tip", (L, 403, 200, 200, 403, 403, 403, 403, 403, 403, 404, 404)),
    "tips:triage_update":        ("tip", (L, 403, P, P, 403, 403, 403, 403, 403, 403, 404, 404)),
    "tips:note":                 ("tip", (L, 403, P, P, 403, 403, 403, 403, 403, 403, 404, 404)),
    "tips:to_screening":         ("tip", (L, 403, P, P, 403, 403, 403, 403, 403, 403, 404, 404)),
    "tips:link_case":            ("tip", (L, 403, P, P, 403, 403, 403, 403, 403, 403, 404, 404)),
    # Victim services: Safe Harbor's record for a victim on A's case. The case team reads it
    # (by pseudonym); A's supervisor is not on the team. Writes are the serving agency's.
    #                                        anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
    "victims:list":              (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "victims:open":              (None, (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:detail":            ("record", (L, 200, 200, 404, 403, 403, 200, 403, 404, 403, 200, 404)),
    "victims:edit":              ("record", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:need":              ("record", (L, 403, 403, 403, 403, 403, P, 403, 403, 403, 403, 403)),
    "victims:consent":           ("record", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:refer":             ("record", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    # Relief is filed by the serving agency, or by a case team under an immigration consent (none here).
    "victims:relief_new":        ("record_relief", (L, 403, 404, 404, 403, 403, 200, 403, 403, 403, 404, 404)),
    "victims:relief_edit":       ("relief", (L, 403, 404, 404, 403, 403, 200, 403, 403, 403, 404, 404)),
    "victims:relief_guide":      (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "victims:consent_print":     ("consent", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:consent_revoke":    ("consent", (L, 403, 403, 403, 403, 403, P, 403, 403, 403, 403, 403)),
    "victims:directory":         (None, (L, 200, 200, 200, 403, 403, 200, 403, 200, 403, 200, 200)),
    "victims:partner_new":       (None, (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:partner_edit":      ("partner", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:queue":             (None, (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:referral":          ("referral", (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "victims:referral_action":   ("referral", (L, 403, 403, 403, 403, 403, P, 403, 403, 403, 403, 403)),
    # Releases: A's release (previewed, requested by an analyst of A); each agency its own.
    "publishing:list":           (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "publishing:new":            (None, (L, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403)),
    "publishing:budget":         (None, (L, 403, 403, P, 403, 403, 403, 403, 403, 403, 403, P)),
    "publishing:detail":         ("release", (L, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 404)),
    "publishing:preview":        ("release", (L, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403, 403)),
    "publishing:decide":         ("release", (L, 403, 403, P, 403, 403, 403, 403, 403, 403, 403, 404)),
    "publishing:publish":        ("release", (L, 403, 403, P, 403, 403, 403, 404, 403, 403, 403, 404)),
    # Not published yet: back to the release page with the reason.
    "publishing:download":       ("release", (L, 403, 403, 302, 403, 403, 403, 404, 403, 403, 403, 404)),
    # Insights (aggregates): insights.view.
    "metrics:dashboard":         (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "metrics:csv":               ("figure", (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "metrics:report_pdf":        (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "metrics:report_xlsx":       (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "research:stats":            (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    # Threat reference data is public and shared: its import log too.
    "threat:assessment":         (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "threat:imports":            (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "threat:upload":             (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    "threat:upload_status":      ("upload", (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
    # Exports: cases.supervise, each supervisor their agency's cases; importing adds cases.create.
    #                                        anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
    "exchange:index":            (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    "exchange:htcds_csv":        (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    "exchange:htcds_json":       (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    "exchange:htcds_import":     (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    "exchange:nibrs_check":      (None, (L, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200)),
    # 422: allowed, but neither agency has an ORI, so no extract is made (issue 19).
    "exchange:nibrs_json":       (None, (L, 403, 403, 422, 403, 403, 403, 403, 403, 403, 403, 422)),
    "exchange:nibrs_zip":        (None, (L, 403, 403, 422, 403, 403, 403, 403, 403, 403, 403, 422)),
    "exchange:nibrs_xml":        (None, (L, 403, 403, 422, 403, 403, 403, 403, 403, 403, 403, 422)),
    # Activities: everyone but the auditor sees their agency's; A's activity and agreement.
    "activities:list":           (None, (L, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200)),
    "activities:new":            (None, (L, 403, 200, 200, 200, 403, 200, 403, 403, 200, 200, 200)),
    "activities:edit":           ("activity", (L, 403, 200, 200, 200, 403, 404, 403, 403, 404, 404, 404)),
    "activities:agreements":     (None, (L, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200)),
    "activities:agreement_new":  (None, (L, 403, 403, 200, 200, 403, 403, 403, 403, 200, 403, 200)),
    "activities:agreement_edit": ("agreement", (L, 403, 403, 200, 200, 403, 403, 403, 403, 404, 403, 404)),
    # Readiness: an agency assesses itself.
    "readiness:history":         (None, (L, 403, 403, 200, 200, 403, 403, 403, 403, 200, 403, 200)),
    "readiness:assess":          (None, (L, 403, 403, 200, 200, 403, 403, 403, 403, 200, 403, 200)),
    "readiness:detail":          ("assessment", (L, 403, 403, 200, 200, 403, 403, 403, 403, 404, 403, 404)),
    # Feedback staff pages: survey codes and paper answers are victim services'
    # (victims.change); trust pulses are opened by activities.record holders for an outreach
    # event their agency took part in (A's, with Safe Harbor), each agency its own pulse;
    # results are insights.view's.
    #                                        anon off  inv  sup  adm  aud  adv  ana  out  oadm dep  riv
    "feedback:index":            (None, (L, 403, 200, 200, 200, 403, 200, 403, 403, 200, 200, 200)),
    "feedback:survey_new":       (None, (L, 403, 403, 403, 403, 403, P, 403, 403, 403, 403, 403)),
    "feedback:paper":            (None, (L, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403)),
    "feedback:pulse_new":        ("outreach", (L, 403, P, P, P, 403, P, 403, 403, 404, 404, 404)),
    "feedback:pulse_detail":     ("pulse", (L, 403, 200, 200, 200, 403, 404, 403, 403, 404, 404, 404)),
    "feedback:results":          (None, (L, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 200)),
}


def web_url_names() -> set[str]:
    """Every named URL pattern with its namespace, but Django's own and the API endpoints
    under /api/v1/ (the API matrix's rows; its schema and docs pages are rows here)."""
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str, route: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                if inner not in EXCLUDED_NAMESPACES:
                    walk(pattern, f"{namespace}{inner}:" if inner else namespace, route + str(pattern.pattern))
            elif pattern.name and pattern.name not in EXCLUDED_NAMES:
                if not (route + str(pattern.pattern)).startswith(API_ENDPOINTS):
                    names.add(namespace + pattern.name)

    walk(get_resolver(), "", "")
    return names



def test_every_page_has_a_row_and_every_row_a_page():
    names = web_url_names()
    assert len(names) > 100, "the resolver walk found too few pages"
    missing = sorted(names - set(MATRIX))
    gone = sorted(set(MATRIX) - names)
    assert not missing and not gone, f"pages without a row: {missing}; rows without a page: {gone}"
    assert set(POST_ONLY) <= set(MATRIX)
    assert all(target is None or target in KWARGS for target, _ in MATRIX.values())
    assert all(len(cells) == len(USERS) for _, cells in MATRIX.values())


def _state() -> str:
    """A digest of every project table but the audit log (refusals are audited) and sessions."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if not model.__module__.startswith("laborlens.") or model._meta.app_label in {"audit"}:
            continue
        digest.update(repr(list(model.objects.order_by("pk").values_list())).encode())
    return digest.hexdigest()


def _outcome(response: Any) -> Any:
    location = response.get("Location", "")
    if response.status_code == 302 and location.split("?")[0] in {reverse("accounts:login"), reverse("accounts:notice")}:
        return L
    return response.status_code


@pytest.fixture
def mw(world) -> MatrixWorld:
    cache.clear()  # the public pages' rate-limit counts start from zero for each row
    return MatrixWorld(build_victim_world(world))


def _clients(mw: MatrixWorld) -> dict[str, Client]:
    return {name: Client() if name == "anonymous" else signed_in(mw.user(name)) for name in USERS}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_web_permission_matrix(mw, name):
    target, expected = MATRIX[name]
    clients = _clients(mw)

    def url() -> str:
        return reverse(name, kwargs=KWARGS[target](mw) if target else None)

    address = url()
    results: dict[str, Any] = {}
    if name not in POST_ONLY:
        for user, client in clients.items():
            response = client.get(address)
            assert response.status_code < 500, (user, response.status_code)
            results[user] = _outcome(response)
        assert tuple(results[user] for user in USERS) == expected, _diff(results, expected)
        return
    body = POST_ONLY[name]
    body = body(mw) if callable(body) else body
    assert clients["officer"].get(address).status_code == 405, "a POST-only page must refuse GET"
    refused = [user for user, cell in zip(USERS, expected, strict=True) if cell != P]
    before = _state()
    for user in refused:
        results[user] = _outcome(clients[user].post(address, body))
    assert _state() == before, f"a refused POST changed data at {name}: {results}"
    for user, cell in zip(USERS, expected, strict=True):
        if cell == P:
            response = clients[user].post(url() if name in FRESH else address, body)
            assert response.status_code < 500, (user, response.status_code)
            results[user] = P if response.status_code in PASSED else _outcome(response)
    assert tuple(results[user] for user in USERS) == expected, _diff(results, expected)


def _diff(results: dict[str, Any], expected: tuple[Any, ...]) -> str:
    return "; ".join(f"{user}: got {results[user]}, table says {cell}"
                     for user, cell in zip(USERS, expected, strict=True) if results[user] != cell)
