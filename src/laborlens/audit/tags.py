"""Every audit event tag, typed as ``source:subject:action`` (warehouse events/tags.py).

Add a member here when a feature needs a new kind of event; record_event accepts nothing
else, so the list below is the complete catalogue of what the trail can say.
"""

from __future__ import annotations

import re
from enum import StrEnum

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
