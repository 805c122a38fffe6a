"""Every audit event tag, typed as ``source:subject:action`` (warehouse events/tags.py).

Add a member here when a feature needs a new kind of event; record_event accepts nothing
else, so the list below is the complete catalogue of what the trail can say.
"""

from __future__ import annotations

import re
from enum import StrEnum

from django.utils.translation import pgettext_lazy

TAG_PATTERN = re.compile(r"^[a-z_]+:[a-z_]+:[a-z_]+$")


class EventTag(StrEnum):
    # accounts
    LOGIN_SUCCESS = "accounts:login:success"
    LOGIN_FAILURE = "accounts:login:failure"
    LOGIN_LOCKED = "accounts:login:locked"
    LOGOUT = "accounts:session:logout"
    SESSION_EXPIRED_IDLE = "accounts:session:idle_timeout"
    SESSION_EXPIRED_ABSOLUTE = "accounts:session:absolute_timeout"
    NOTICE_ACCEPTED = "accounts:notice:accept"
    MFA_ENROLLED = "accounts:mfa:enroll"
    MFA_FAILURE = "accounts:mfa:failure"
    MFA_RESET = "accounts:mfa:reset"
    ACCOUNT_UNLOCKED = "accounts:user:unlock"
    ACCOUNT_LOCKED = "accounts:user:lock"
    USER_CREATED = "accounts:user:create"
    USER_ROLE_CHANGED = "accounts:user:role_change"
    USER_DEACTIVATED = "accounts:user:deactivate"
    USER_REACTIVATED = "accounts:user:reactivate"
    USER_PASSWORD_CHANGED = "accounts:user:password_change"  # noqa: S105  (a tag, not a secret)
    USER_LIST_VIEWED = "accounts:user:list"
    TASKFORCE_MEMBERSHIP_CHANGED = "accounts:taskforce:membership_change"
    AGENCY_CREATED = "accounts:agency:create"
    AGENCY_POLICY_CHANGED = "accounts:agency:policy_change"
    # any app: a request for an object outside the user's scope (answered 404)
    SCOPE_REFUSED = "core:scope:refused"
    # api
    API_TOKEN_CREATED = "api:token:create"  # noqa: S105  (a tag, not a secret)
    API_TOKEN_REVOKED = "api:token:revoke"  # noqa: S105
    # audit
    AUDIT_LOG_VIEWED = "audit:log:view"
    AUDIT_VERIFIED = "audit:log:verify"
    AUDIT_LOG_EXPORTED = "audit:log:export"
    # screening
    SCREENING_CREATED = "screening:screening:create"
    SCREENING_UPDATED = "screening:screening:update"
    SCREENING_VIEWED = "screening:screening:view"
    SCREENING_PRINTED = "screening:screening:print"
    SCREENING_ANSWERS_VIEWED = "screening:answers:view"
    SCREENING_ATTACHED = "screening:screening:attach"
    SCREENING_SENT = "screening:screening:send"
    SCREENING_HANDOFF_HANDLED = "screening:handoff:handle"
    SCREENING_LIST_EXPORTED = "screening:screening:export_list"
    # cases
    CASE_CREATED = "cases:case:create"
    CASE_UPDATED = "cases:case:update"
    CASE_VIEWED = "cases:case:view"
    CASE_LISTED = "cases:case:list"
    CASE_LIST_EXPORTED = "cases:case:export_list"
    CASE_EXPORTED = "cases:case:export"
    CASE_DISSEMINATED = "cases:case:disseminate"
    CASE_EDIT_CONFLICT = "cases:case:edit_conflict"
    CASE_MEMBER_ADDED = "cases:member:add"
    CASE_MEMBER_REMOVED = "cases:member:remove"
    CASE_TEAM_VIEWED = "cases:member:list"
    CASE_PERSON_CREATED = "cases:person:create"
    CASE_PERSON_UPDATED = "cases:person:update"
    CASE_PERSON_VIEWED = "cases:person:view"
    CASE_INTEL_REVALIDATED = "cases:intelligence:revalidate"
    CASE_INTEL_PURGED = "cases:intelligence:purge"
    CASE_INTEL_LISTED = "cases:intelligence:list"
    CASE_ENTITY_CREATED = "cases:entity:create"
    CASE_ENTITY_UPDATED = "cases:entity:update"
    CASE_ENTITY_VIEWED = "cases:entity:view"
    CASE_EVIDENCE_CREATED = "cases:evidence:create"
    CASE_EVIDENCE_UPDATED = "cases:evidence:update"
    CASE_EVIDENCE_VIEWED = "cases:evidence:view"
    CASE_FILE_UPLOADED = "cases:file:upload"
    CASE_FILE_REJECTED = "cases:file:reject"
    CASE_FILE_DOWNLOADED = "cases:file:download"
    CASE_CUSTODY_RECORDED = "cases:custody:record"
    CASE_ELEMENT_LINKED = "cases:element:link"
    CASE_ELEMENT_UNLINKED = "cases:element:unlink"
    CASE_BOARD_VIEWED = "cases:board:view"
    CASE_PLAN_CREATED = "cases:operation:create"
    CASE_PLAN_UPDATED = "cases:operation:update"
    CASE_PLAN_VIEWED = "cases:operation:view"
    CASE_PLAN_SUBMITTED = "cases:operation:submit"
    CASE_PLAN_APPROVED = "cases:operation:approve"
    CASE_PLAN_RETURNED = "cases:operation:return"
    CASE_REPORT_CREATED = "cases:report:create"
    CASE_REPORT_UPDATED = "cases:report:update"
    CASE_REPORT_VIEWED = "cases:report:view"
    CASE_REPORT_EXPORTED = "cases:report:export"
    CASE_REPORT_SHARED_VIEWED = "cases:report:view_shared"
    CASE_REPORT_EDIT_OPENED = "cases:report:edit_view"
    CASE_PERSON_EDIT_OPENED = "cases:person:edit_view"
    CASE_TASK_CREATED = "cases:task:create"
    CASE_TASK_COMPLETED = "cases:task:complete"
    CASE_CHARGE_CREATED = "cases:charge:create"
    CASE_INTERVIEW_CREATED = "cases:interview:create"
    CASE_SUMMARY_EXPORTED = "cases:summary:export"
    CASE_MY_WORK_VIEWED = "cases:mywork:view"
    CASE_TIMELINE_NOTE = "cases:timeline:note"
    CASE_SEARCHED = "cases:search:run"
    CASE_DECONFLICTION_MATCH = "cases:deconfliction:match"
    CASE_DECONFLICTION_ACKNOWLEDGED = "cases:deconfliction:acknowledge"
    FIELD_KEYS_ROTATED = "core:keys:rotate"
    BLIND_INDEX_REBUILT = "core:keys:reindex"
    # tips
    TIP_SUBMITTED = "tips:tip:submit"
    TIP_FOLLOWED_UP = "tips:tip:follow_up"
    TIP_FOLLOW_UP_FAILED = "tips:tip:follow_up_failure"
    TIP_LISTED = "tips:tip:list"
    TIP_LIST_EXPORTED = "tips:tip:export_list"
    TIP_VIEWED = "tips:tip:view"
    TIP_UPDATED = "tips:tip:update"
    TIP_NOTE_ADDED = "tips:tip:note"
    TIP_TO_SCREENING = "tips:tip:to_screening"
    TIP_LINKED_TO_CASE = "tips:tip:link_case"
    TIP_SHARED = "tips:tip:share"
    TIP_EDIT_CONFLICT = "tips:tip:edit_conflict"
    # victims
    VICTIM_RECORD_CREATED = "victims:record:create"
    VICTIM_RECORD_UPDATED = "victims:record:update"
    VICTIM_RECORD_VIEWED = "victims:record:view"
    VICTIM_RECORD_LISTED = "victims:record:list"
    VICTIM_NEED_RECORDED = "victims:need:record"
    VICTIM_CONSENT_GIVEN = "victims:consent:give"
    VICTIM_CONSENT_REVOKED = "victims:consent:revoke"
    VICTIM_CONSENT_PRINTED = "victims:consent:print"
    VICTIM_PARTNER_SAVED = "victims:partner:save"
    VICTIM_DIRECTORY_SEARCHED = "victims:directory:search"
    VICTIM_REFERRAL_SENT = "victims:referral:send"
    VICTIM_REFERRAL_UPDATED = "victims:referral:update"
    VICTIM_REFERRAL_VIEWED = "victims:referral:view"
    VICTIM_QUEUE_VIEWED = "victims:referral:queue"
    VICTIM_QUEUE_EXPORTED = "victims:referral:export_queue"
    VICTIM_RELIEF_CREATED = "victims:relief:create"
    VICTIM_RELIEF_UPDATED = "victims:relief:update"
    VICTIM_REMINDER_SENT = "victims:reminder:send"
    VICTIM_RECORD_EDIT_OPENED = "victims:record:edit_view"
    VICTIM_RELIEF_VIEWED = "victims:relief:view"
    # metrics
    METRICS_VIEWED = "metrics:dashboard:view"
    METRICS_CSV_EXPORTED = "metrics:figure:export_csv"
    METRICS_REPORT_EXPORTED = "metrics:report:export"
    METRICS_API_READ = "metrics:api:read"  # until 2026-12-04; the API now records METRICS_VIEWED, via=api
    # activities (partner work, agreements)
    ACTIVITY_CREATED = "activities:activity:create"
    ACTIVITY_UPDATED = "activities:activity:update"
    AGREEMENT_CREATED = "activities:agreement:create"
    AGREEMENT_UPDATED = "activities:agreement:update"
    AGREEMENT_REMINDERS_LISTED = "activities:agreement:reminders"
    # feedback (anonymous service-quality survey, community trust pulse): no code, no answer
    FEEDBACK_SURVEY_CODE_CREATED = "feedback:survey_code:create"
    FEEDBACK_SURVEY_ANSWERED = "feedback:survey:answer"
    FEEDBACK_SURVEY_PAPER_ENTERED = "feedback:survey:paper_entry"
    FEEDBACK_PULSE_CREATED = "feedback:pulse:create"
    FEEDBACK_PULSE_ANSWERED = "feedback:pulse:answer"
    FEEDBACK_RESULTS_VIEWED = "feedback:results:view"
    # readiness self-assessment
    READINESS_RECORDED = "readiness:assessment:create"
    READINESS_VIEWED = "readiness:assessment:view"
    # barrier map
    BARRIER_CASE_VIEWED = "barriers:case:view"
    BARRIER_JURISDICTION_VIEWED = "barriers:jurisdiction:view"
    # demo
    DEMO_LOADED = "demo:data:load"
    # ops (backups, retention)
    BACKUP_CREATED = "ops:backup:create"
    BACKUP_RESTORED = "ops:backup:restore"
    RETENTION_CASE_PURGED = "ops:retention:purge_case"
    RETENTION_RUN = "ops:retention:run"
    # exchange (HTCDS, NIBRS) and research datasets
    EXCHANGE_HTCDS_EXPORTED = "exchange:htcds:export"
    EXCHANGE_HTCDS_IMPORTED = "exchange:htcds:import"
    EXCHANGE_NIBRS_EXPORTED = "exchange:nibrs:export"
    EXCHANGE_PAGE_VIEWED = "exchange:page:view"
    RESEARCH_CTDC_IMPORTED = "research:ctdc:import"
    RESEARCH_STATS_VIEWED = "research:stats:view"
    # publishing (de-identified releases)
    RELEASE_REQUESTED = "publishing:release:request"
    RELEASE_PREVIEWED = "publishing:release:preview"
    RELEASE_APPROVED = "publishing:release:approve"
    RELEASE_REJECTED = "publishing:release:reject"
    RELEASE_PUBLISHED = "publishing:release:publish"
    RELEASE_REFUSED = "publishing:release:refuse"
    RELEASE_VIEWED = "publishing:release:view"
    RELEASE_LISTED = "publishing:release:list"
    RELEASE_DOWNLOADED = "publishing:release:download"
    RELEASE_REPRODUCED = "publishing:release:reproduce"
    RELEASE_BUDGET_SET = "publishing:budget:set"
    # threat assessment (public DOL / FBI reference data)
    THREAT_DATA_IMPORTED = "threat:data:import"
    THREAT_DATA_UPLOADED = "threat:data:upload"
    THREAT_ASSESSMENT_VIEWED = "threat:assessment:view"
    THREAT_IMPORTS_VIEWED = "threat:imports:view"
    THREAT_AREA_SET = "threat:area:set"
    # victim languages (translations of the victim-facing pages)
    VICTIM_LANGUAGE_EXPORTED = "core:victim_language:export"
    VICTIM_LANGUAGE_IMPORTED = "core:victim_language:import"
    VICTIM_LANGUAGE_IMPORT_REFUSED = "core:victim_language:import_refused"
    # notifications
    NOTIFICATION_PREFERENCES_CHANGED = "notifications:preference:change"


_malformed = [tag.value for tag in EventTag if not TAG_PATTERN.match(tag.value)]
if _malformed:
    raise ValueError(f"audit tags must look like source:subject:action: {_malformed}")


# Labels for readers (issue 17.8): the audit trail shows "Consent: revoked", never the tag.
# The second and third parts of a tag are labelled separately; gettext gives the Spanish.
SUBJECT_LABELS = {
    "activity": pgettext_lazy("audit subject", "Activity"),
    "agency": pgettext_lazy("audit subject", "Agency"),
    "agreement": pgettext_lazy("audit subject", "Agreement"),
    "answers": pgettext_lazy("audit subject", "Screening answers"),
    "api": pgettext_lazy("audit subject", "API"),
    "area": pgettext_lazy("audit subject", "Area"),
    "assessment": pgettext_lazy("audit subject", "Assessment"),
    "backup": pgettext_lazy("audit subject", "Backup"),
    "board": pgettext_lazy("audit subject", "Evidence board"),
    "budget": pgettext_lazy("audit subject", "Privacy budget"),
    "case": pgettext_lazy("audit subject", "Case"),
    "charge": pgettext_lazy("audit subject", "Charge"),
    "consent": pgettext_lazy("audit subject", "Consent"),
    "ctdc": pgettext_lazy("audit subject", "CTDC data"),
    "custody": pgettext_lazy("audit subject", "Chain of custody"),
    "dashboard": pgettext_lazy("audit subject", "Dashboard"),
    "data": pgettext_lazy("audit subject", "Data"),
    "deconfliction": pgettext_lazy("audit subject", "Deconfliction"),
    "directory": pgettext_lazy("audit subject", "Service directory"),
    "element": pgettext_lazy("audit subject", "Legal element"),
    "entity": pgettext_lazy("audit subject", "Entity"),
    "evidence": pgettext_lazy("audit subject", "Evidence"),
    "figure": pgettext_lazy("audit subject", "Figure"),
    "file": pgettext_lazy("audit subject", "File"),
    "htcds": pgettext_lazy("audit subject", "HTCDS export"),
    "imports": pgettext_lazy("audit subject", "Imports"),
    "intelligence": pgettext_lazy("audit subject", "Intelligence record"),
    "interview": pgettext_lazy("audit subject", "Interview"),
    "jurisdiction": pgettext_lazy("audit subject", "Jurisdiction"),
    "keys": pgettext_lazy("audit subject", "Keys"),
    "log": pgettext_lazy("audit subject", "Audit trail"),
    "login": pgettext_lazy("audit subject", "Sign-in"),
    "member": pgettext_lazy("audit subject", "Team member"),
    "mfa": pgettext_lazy("audit subject", "Second factor"),
    "mywork": pgettext_lazy("audit subject", "My work"),
    "need": pgettext_lazy("audit subject", "Need"),
    "nibrs": pgettext_lazy("audit subject", "NIBRS extract"),
    "notice": pgettext_lazy("audit subject", "Use notice"),
    "operation": pgettext_lazy("audit subject", "Operation plan"),
    "page": pgettext_lazy("audit subject", "Page"),
    "partner": pgettext_lazy("audit subject", "Partner"),
    "person": pgettext_lazy("audit subject", "Person"),
    "preference": pgettext_lazy("audit subject", "Preference"),
    "pulse": pgettext_lazy("audit subject", "Community trust pulse"),
    "record": pgettext_lazy("audit subject", "Victim record"),
    "referral": pgettext_lazy("audit subject", "Referral"),
    "release": pgettext_lazy("audit subject", "Data release"),
    "relief": pgettext_lazy("audit subject", "Immigration relief"),
    "reminder": pgettext_lazy("audit subject", "Reminder"),
    "report": pgettext_lazy("audit subject", "Report"),
    "results": pgettext_lazy("audit subject", "Results"),
    "retention": pgettext_lazy("audit subject", "Retention"),
    "scope": pgettext_lazy("audit subject", "Access outside scope"),
    "screening": pgettext_lazy("audit subject", "Screening"),
    "search": pgettext_lazy("audit subject", "Search"),
    "session": pgettext_lazy("audit subject", "Session"),
    "stats": pgettext_lazy("audit subject", "Statistics"),
    "summary": pgettext_lazy("audit subject", "Summary"),
    "survey": pgettext_lazy("audit subject", "Service survey"),
    "survey_code": pgettext_lazy("audit subject", "Survey code"),
    "task": pgettext_lazy("audit subject", "Task"),
    "taskforce": pgettext_lazy("audit subject", "Task force"),
    "timeline": pgettext_lazy("audit subject", "Timeline"),
    "tip": pgettext_lazy("audit subject", "Tip"),
    "token": pgettext_lazy("audit subject", "API token"),
    "user": pgettext_lazy("audit subject", "User"),
    "victim_language": pgettext_lazy("audit subject", "Victim language"),
}
ACTION_LABELS = {
    "absolute_timeout": pgettext_lazy("audit action", "expired (maximum length)"),
    "accept": pgettext_lazy("audit action", "accepted"),
    "acknowledge": pgettext_lazy("audit action", "acknowledged"),
    "add": pgettext_lazy("audit action", "added"),
    "answer": pgettext_lazy("audit action", "answered"),
    "approve": pgettext_lazy("audit action", "approved"),
    "attach": pgettext_lazy("audit action", "attached"),
    "change": pgettext_lazy("audit action", "changed"),
    "complete": pgettext_lazy("audit action", "completed"),
    "create": pgettext_lazy("audit action", "created"),
    "deactivate": pgettext_lazy("audit action", "deactivated"),
    "disseminate": pgettext_lazy("audit action", "shared outside the agency"),
    "download": pgettext_lazy("audit action", "downloaded"),
    "edit_conflict": pgettext_lazy("audit action", "edit conflict"),
    "edit_view": pgettext_lazy("audit action", "opened for editing"),
    "enroll": pgettext_lazy("audit action", "enrolled"),
    "export": pgettext_lazy("audit action", "exported"),
    "export_csv": pgettext_lazy("audit action", "exported as CSV"),
    "failure": pgettext_lazy("audit action", "failed"),
    "follow_up": pgettext_lazy("audit action", "follow-up"),
    "follow_up_failure": pgettext_lazy("audit action", "follow-up failed"),
    "give": pgettext_lazy("audit action", "given"),
    "idle_timeout": pgettext_lazy("audit action", "expired (idle)"),
    "import": pgettext_lazy("audit action", "imported"),
    "import_refused": pgettext_lazy("audit action", "import refused"),
    "link": pgettext_lazy("audit action", "linked"),
    "link_case": pgettext_lazy("audit action", "linked to a case"),
    "list": pgettext_lazy("audit action", "list viewed"),
    "load": pgettext_lazy("audit action", "loaded"),
    "lock": pgettext_lazy("audit action", "locked"),
    "locked": pgettext_lazy("audit action", "locked out"),
    "logout": pgettext_lazy("audit action", "signed out"),
    "match": pgettext_lazy("audit action", "match found"),
    "membership_change": pgettext_lazy("audit action", "membership changed"),
    "note": pgettext_lazy("audit action", "note added"),
    "paper_entry": pgettext_lazy("audit action", "paper copy entered"),
    "password_change": pgettext_lazy("audit action", "password changed"),
    "policy_change": pgettext_lazy("audit action", "policy changed"),
    "preview": pgettext_lazy("audit action", "previewed"),
    "print": pgettext_lazy("audit action", "printed"),
    "publish": pgettext_lazy("audit action", "published"),
    "purge": pgettext_lazy("audit action", "purged"),
    "purge_case": pgettext_lazy("audit action", "case purged"),
    "queue": pgettext_lazy("audit action", "queue viewed"),
    "reactivate": pgettext_lazy("audit action", "reactivated"),
    "read": pgettext_lazy("audit action", "read"),
    "record": pgettext_lazy("audit action", "recorded"),
    "refuse": pgettext_lazy("audit action", "refused"),
    "refused": pgettext_lazy("audit action", "refused"),
    "reindex": pgettext_lazy("audit action", "reindexed"),
    "reject": pgettext_lazy("audit action", "rejected"),
    "reminders": pgettext_lazy("audit action", "reminders sent"),
    "remove": pgettext_lazy("audit action", "removed"),
    "reproduce": pgettext_lazy("audit action", "reproduced"),
    "request": pgettext_lazy("audit action", "requested"),
    "reset": pgettext_lazy("audit action", "reset"),
    "restore": pgettext_lazy("audit action", "restored"),
    "return": pgettext_lazy("audit action", "returned"),
    "revalidate": pgettext_lazy("audit action", "re-validated"),
    "revoke": pgettext_lazy("audit action", "revoked"),
    "role_change": pgettext_lazy("audit action", "role changed"),
    "rotate": pgettext_lazy("audit action", "rotated"),
    "run": pgettext_lazy("audit action", "run"),
    "save": pgettext_lazy("audit action", "saved"),
    "search": pgettext_lazy("audit action", "searched"),
    "send": pgettext_lazy("audit action", "sent"),
    "set": pgettext_lazy("audit action", "set"),
    "share": pgettext_lazy("audit action", "shared"),
    "submit": pgettext_lazy("audit action", "submitted"),
    "success": pgettext_lazy("audit action", "succeeded"),
    "to_screening": pgettext_lazy("audit action", "turned into a screening"),
    "unlink": pgettext_lazy("audit action", "unlinked"),
    "unlock": pgettext_lazy("audit action", "unlocked"),
    "update": pgettext_lazy("audit action", "updated"),
    "upload": pgettext_lazy("audit action", "uploaded"),
    "verify": pgettext_lazy("audit action", "verified"),
    "view": pgettext_lazy("audit action", "viewed"),
    "view_shared": pgettext_lazy("audit action", "shared copy viewed"),
}


def tag_label(tag: str) -> str:
    """A tag in words, in the active language: "victims:consent:revoke" reads "Consent: revoked"."""
    parts = str(tag).split(":")
    if len(parts) != 3:
        return str(tag)
    subject = SUBJECT_LABELS.get(parts[1], parts[1].replace("_", " "))
    action = ACTION_LABELS.get(parts[2], parts[2].replace("_", " "))
    return f"{subject}: {action}"


# The kind of object an event is about, by model label ("cases.afteractionreport").
OBJECT_LABELS = {
    "accounts.agency": pgettext_lazy("audit object", "Agency"),
    "accounts.loginfailure": pgettext_lazy("audit object", "Failed sign-in"),
    "accounts.taskforce": pgettext_lazy("audit object", "Task force"),
    "accounts.user": pgettext_lazy("audit object", "User"),
    "accounts.usersession": pgettext_lazy("audit object", "Session"),
    "activities.activity": pgettext_lazy("audit object", "Activity"),
    "activities.agreement": pgettext_lazy("audit object", "Agreement"),
    "api.apitoken": pgettext_lazy("audit object", "API token"),
    "audit.auditcheckpoint": pgettext_lazy("audit object", "Audit checkpoint"),
    "audit.auditevent": pgettext_lazy("audit object", "Audit event"),
    "cases.afteractionreport": pgettext_lazy("audit object", "After-action report"),
    "cases.case": pgettext_lazy("audit object", "Case"),
    "cases.casemember": pgettext_lazy("audit object", "Team member"),
    "cases.charge": pgettext_lazy("audit object", "Charge"),
    "cases.custodyevent": pgettext_lazy("audit object", "Chain-of-custody event"),
    "cases.deconflictionnotice": pgettext_lazy("audit object", "Deconfliction notice"),
    "cases.dissemination": pgettext_lazy("audit object", "Dissemination"),
    "cases.elementlink": pgettext_lazy("audit object", "Link to a legal element"),
    "cases.entity": pgettext_lazy("audit object", "Entity"),
    "cases.evidence": pgettext_lazy("audit object", "Evidence"),
    "cases.evidencefile": pgettext_lazy("audit object", "Evidence file"),
    "cases.intelligencereview": pgettext_lazy("audit object", "Intelligence review"),
    "cases.interview": pgettext_lazy("audit object", "Interview"),
    "cases.matchkey": pgettext_lazy("audit object", "Match key"),
    "cases.operationplan": pgettext_lazy("audit object", "Operation plan"),
    "cases.person": pgettext_lazy("audit object", "Person"),
    "cases.searchdocument": pgettext_lazy("audit object", "Search entry"),
    "cases.task": pgettext_lazy("audit object", "Task"),
    "cases.timelineentry": pgettext_lazy("audit object", "Timeline entry"),
    "feedback.pulseresponse": pgettext_lazy("audit object", "Trust pulse response"),
    "feedback.surveycode": pgettext_lazy("audit object", "Survey code"),
    "feedback.surveyresponse": pgettext_lazy("audit object", "Survey response"),
    "feedback.trustpulse": pgettext_lazy("audit object", "Community trust pulse"),
    "notifications.notification": pgettext_lazy("audit object", "Notification"),
    "notifications.preference": pgettext_lazy("audit object", "Notification preference"),
    "ops.casetombstone": pgettext_lazy("audit object", "Record of a purged case"),
    "ops.retentionpolicy": pgettext_lazy("audit object", "Retention policy"),
    "ops.scheduledrun": pgettext_lazy("audit object", "Scheduled run"),
    "ops.workerheartbeat": pgettext_lazy("audit object", "Worker heartbeat"),
    "publishing.privacybudget": pgettext_lazy("audit object", "Privacy budget"),
    "publishing.privacyspend": pgettext_lazy("audit object", "Privacy spend"),
    "publishing.release": pgettext_lazy("audit object", "Data release"),
    "readiness.assessment": pgettext_lazy("audit object", "Readiness assessment"),
    "research.ctdcrecord": pgettext_lazy("audit object", "CTDC record"),
    "research.dataset": pgettext_lazy("audit object", "Research dataset"),
    "screening.screening": pgettext_lazy("audit object", "Screening"),
    "threat.areaprofile": pgettext_lazy("audit object", "Area profile"),
    "threat.certifiedemployer": pgettext_lazy("audit object", "Certified employer"),
    "threat.debarment": pgettext_lazy("audit object", "Debarment"),
    "threat.importproblem": pgettext_lazy("audit object", "Import problem"),
    "threat.importrun": pgettext_lazy("audit object", "Data import"),
    "threat.threatupload": pgettext_lazy("audit object", "Threat data upload"),
    "threat.ucrcount": pgettext_lazy("audit object", "UCR count"),
    "tips.tip": pgettext_lazy("audit object", "Tip"),
    "tips.tipkey": pgettext_lazy("audit object", "Tip follow-up key"),
    "tips.tipupdate": pgettext_lazy("audit object", "Tip update"),
    "victims.consent": pgettext_lazy("audit object", "Consent"),
    "victims.needitem": pgettext_lazy("audit object", "Need"),
    "victims.partner": pgettext_lazy("audit object", "Partner"),
    "victims.referral": pgettext_lazy("audit object", "Referral"),
    "victims.relief": pgettext_lazy("audit object", "Immigration relief"),
    "victims.victimrecord": pgettext_lazy("audit object", "Victim record"),
}


def object_label(object_type: str) -> str:
    """The kind of object in words ("After-action report"); an unknown kind is shown as its model name."""
    label = OBJECT_LABELS.get(str(object_type))
    return str(label) if label is not None else str(object_type).rpartition(".")[2]
